// Danish typography writes one full stop where an abbreviation ("kr.", "pct.") ends a sentence:
// a quoted figure ending in "." swallows the sentence's own full stop after it.
#pragma once

#include <vector>

#include "model/document.hpp"

namespace boardpack::calc {

// In `inlines` (one level; the caller walks the children), drops the "." that follows a figure whose text ends in "."
// ("270.000 kr." + ". Næste" -> "270.000 kr. Næste"), or a link or an emphasis that ends with such
// a figure; an ellipsis ("...") is left alone.
void merge_figure_stops(std::vector<model::Inline>& inlines);

}  // namespace boardpack::calc

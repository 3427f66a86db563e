// A number typed in an item's text that is also one of its tables' figures ("i alt 8.388" beside
// a table whose total prints 8.388): the table is computed from its CSV and follows a correction,
// the typed number does not, so after a correction the packet would print two figures for one.
// Said at the number, with the figure that quotes the cell instead.
#pragma once

#include "core/diagnostics.hpp"
#include "model/document.hpp"

namespace boardpack::calc {

// A warning at each of an item's typed numbers (model::TypedNumber) that one of the item's
// computed tables prints, as printed, naming the first such cell, or else one of its figures
// that quotes something a correction may change; then the typed numbers are freed, but for
// those nothing prints where the meeting corrects a published packet (stale_typed_figures). A
// number meant as typed is written as a figure of its own ({950,5}).
void warn_typed_figures(model::Meeting& meeting, Diagnostics& diags);

}  // namespace boardpack::calc

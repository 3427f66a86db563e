// Model inlines to styled spans for the line breaker.
#pragma once

#include <vector>

#include "model/document.hpp"
#include "render/pdf/line_breaker.hpp"

namespace boardpack::render::pdf {

// `base` is the style of plain text (headings are bold); links are coloured and clickable.
std::vector<Span> to_spans(const std::vector<model::Inline>& inlines, FontStyle base, Color color);

// One span of plain text.
std::vector<Span> plain(const std::string& text, FontStyle style, Color color);

}  // namespace boardpack::render::pdf

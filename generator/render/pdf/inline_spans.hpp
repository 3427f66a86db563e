// Model inlines to styled spans for the line breaker.
#pragma once

#include <string>
#include <vector>

#include "model/document.hpp"
#include "render/pdf/line_breaker.hpp"

namespace boardpack::render::pdf {

// `base` is the style of plain text (headings are bold); links are coloured and clickable.
std::vector<Span> to_spans(const std::vector<model::Inline>& inlines, FontStyle base, Color color);

// Code as the PDF sets it: every space kept (no-break spaces, which the line breaker neither
// collapses nor breaks at), a tab as four.
std::string code_text(const std::string& text);

// One span of plain text: a Span, not a vector of one, so that a table cell or a caption is
// broken without a vector made for it (break_lines takes a view).
Span plain(const std::string& text, FontStyle style, Color color);

}  // namespace boardpack::render::pdf

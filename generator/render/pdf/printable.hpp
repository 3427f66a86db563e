// Finds characters in the meeting that none of the PDF's fonts has (neither Carlito nor the
// fallback DejaVu Sans), and bidirectional controls, which both the PDF and the HTML leave out
// (a browser would reorder the text after one), and warns where each was written, before
// anything is rendered. A character no font has prints as the
// font's missing-glyph box and still extracts as itself.
#pragma once

#include "core/diagnostics.hpp"
#include "model/document.hpp"
#include "render/pdf/font_files.hpp"

namespace boardpack::render::pdf {

void report_unprintable(const model::Meeting& meeting, const FontFiles& fonts, Diagnostics& diags);

}  // namespace boardpack::render::pdf

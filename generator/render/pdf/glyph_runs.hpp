// A text as the PDF shows it: runs of two-byte character codes, each run printed by one face
// (a name in Carlito, its Greek letters in DejaVu Sans).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "render/pdf/embedded_fonts.hpp"

namespace boardpack::render::pdf {

// One face's stretch of a text: its codes, two bytes each, big-endian (Identity-H).
struct GlyphRun {
    int face = 0;
    std::string codes;
};

// The runs of `utf8` set in `style`, into `out` (cleared first; its strings are reused, as
// this runs for every text of every page). Invisible characters are left out.
void glyph_runs(std::string_view utf8, FontStyle style, const FontFiles& fonts, const FontPlan& plan,
                std::vector<GlyphRun>& out);

}  // namespace boardpack::render::pdf

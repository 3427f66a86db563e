// A text as the PDF shows it: runs of character codes, each run printed by one face (a name in
// Carlito, its Armenian letters in DejaVu Sans), one or two bytes a code as the face's font has them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "render/pdf/embedded_fonts.hpp"

namespace boardpack::render::pdf {

// A text's runs: all their codes in one string (a face's codes one byte each, or two,
// big-endian, as FontPlan::one_byte says), and where each run of one face starts and ends in it.
struct GlyphRuns {
    struct Run {
        int face = 0;
        size_t begin = 0, end = 0;  // in `codes`, bytes
    };
    std::string codes;
    std::vector<Run> runs;
    std::string_view codes_of(const Run& r) const { return std::string_view(codes).substr(r.begin, r.end - r.begin); }
};

// The runs of `utf8` set in `style`, into `out` (its storage is reused: this runs for every
// text of every page). Invisible characters are left out.
void glyph_runs(std::string_view utf8, FontStyle style, const FontFiles& fonts, const FontPlan& plan, GlyphRuns& out);

}  // namespace boardpack::render::pdf

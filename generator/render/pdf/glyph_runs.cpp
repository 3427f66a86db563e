#include "render/pdf/glyph_runs.hpp"

#include "render/pdf/code_points.hpp"

namespace boardpack::render::pdf {

void glyph_runs(std::string_view utf8, FontStyle style, const FontFiles& fonts, const FontPlan& plan,
                std::vector<GlyphRun>& out) {
    size_t used = 0;
    for (size_t i = 0; i < utf8.size();) {
        const char32_t cp = printed_as(next_code_point(utf8, i));
        if (cp == 0) continue;
        const int face = printing_face(fonts, cp, style);
        if (used == 0 || out[used - 1].face != face) {
            if (used == out.size()) out.emplace_back();
            out[used].face = face;
            out[used].codes.clear();
            ++used;
        }
        const uint16_t code = plan.code(face, cp);
        out[used - 1].codes += static_cast<char>(code >> 8);
        out[used - 1].codes += static_cast<char>(code & 0xFF);
    }
    out.resize(used);
}

}  // namespace boardpack::render::pdf

#include "render/pdf/printable.hpp"
#include "core/messages.hpp"

#include <cstdio>

#include "core/text.hpp"
#include "model/text_fields.hpp"
#include "render/pdf/code_points.hpp"

namespace boardpack::render::pdf {

void report_unprintable(const model::Meeting& m, const FontFiles& fonts, Diagnostics& diags) {
    model::for_each_text(m, [&](const std::string& s, const SourceLoc& loc) {
        // The regular style's chain ends in the fallback face every style falls back to.
        std::u32string bad;
        for (size_t i = 0; i < s.size();)
            if (const char32_t cp = next_code_point(s, i);
                (is_bidi_control(cp) || (printed_as(cp) != 0 && fonts.face_of(printed_as(cp), FontStyle::Regular) < 0)) &&
                bad.find(cp) == std::u32string::npos)
                bad += cp;
        if (bad.empty()) return;
        // One message per place, naming the characters (and their code points).
        std::string list;
        for (char32_t cp : bad) {
            char hex[16];
            std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(cp));
            std::string one;
            append_utf8(one, cp);
            list += (list.empty() ? "" : ", ") + one + " (" + hex + ")";
        }
        diags.warning(loc, fmt(_("the PDF cannot print {}: none of its fonts has it (the HTML shows it)"), list));
    });
    // The fallback files are read only when a character needs them (above): a damaged one is
    // an error, as a damaged Carlito file is at start-up.
    if (const FontFiles::FallbackProblem* p = fonts.fallback_problem()) diags.error({p->path, 0, 0}, p->why);
}

}  // namespace boardpack::render::pdf

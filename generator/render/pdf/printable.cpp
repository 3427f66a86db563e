#include "render/pdf/printable.hpp"
#include "core/messages.hpp"

#include <cstdio>

#include "core/text.hpp"
#include "model/text_fields.hpp"
#include "render/pdf/winansi.hpp"

namespace boardpack::render::pdf {

void report_unprintable(const model::Meeting& m, Diagnostics& diags) {
    model::for_each_text(m, [&diags](const std::string& s, const SourceLoc& loc) {
        std::string bad;
        to_winansi(s, &bad);
        if (bad.empty()) return;
        // One message per place, naming the characters (and their code points).
        std::string list;
        for (char32_t cp : decode_utf8(bad)) {
            char hex[16];
            std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(cp));
            std::string one;
            append_utf8(one, cp);
            list += (list.empty() ? "" : ", ") + one + " (" + hex + ")";
        }
        diags.warning(loc, fmt(_("the PDF cannot print {}; it prints a stand-in or \"?\" (the HTML shows it)"), list));
    });
}

}  // namespace boardpack::render::pdf

#include "render/pdf/printable.hpp"
#include "core/messages.hpp"

#include <array>
#include <cstdio>

#include "core/text.hpp"
#include "core/word_bytes.hpp"
#include "model/text_fields.hpp"
#include "render/pdf/code_points.hpp"

namespace boardpack::render::pdf {

namespace {

// A letter of a script written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko, and their
// presentation forms): the PDF sets each line left to right, so such words come out backwards.
bool is_right_to_left(char32_t cp) {
    return (cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0xFB1D && cp <= 0xFDFF) || (cp >= 0xFE70 && cp < 0xFEFF);
}

}  // namespace

void report_unprintable(const model::Meeting& m, const FontFiles& fonts, Diagnostics& diags) {
    // The ASCII characters the regular face prints as themselves need no look-up each: most of
    // every text is such (some 2 M instructions of the example's build went to looking them up).
    std::array<bool, 0x80> plain{};
    bool all_plain = true;
    for (char32_t c = 0x20; c < 0x7F; ++c) {
        plain[c] = printed_as(c) == c && fonts.face_of(c, FontStyle::Regular) >= 0;
        all_plain = all_plain && plain[c];
    }
    // Eight such characters at once where every printable ASCII character is plain (Carlito has
    // them all): a word of no control, DEL or non-ASCII byte.
    const auto plain_word = [all_plain](const char* p) {
        const uint64_t w = word_bytes::at(p);
        return all_plain && word_bytes::all_ascii(w) && !word_bytes::has_byte_below(w, 0x20) && !word_bytes::has_byte(w, 0x7F);
    };
    // Per character U+0080-U+00FF: 1 printed, -1 not, 0 not looked up yet.
    std::array<signed char, 0x80> latin{};
    // The bidirectional controls of the place last visited, warned about once the walk leaves it.
    // They are left out of both editions (render/html/html_blocks.cpp's append_escaped, the
    // PDF's invisible characters and its text strings), so the two agree and neither reorders.
    std::u32string pending_bidi;
    SourceLoc pending_at;
    const auto flush_bidi = [&] {
        if (pending_bidi.empty()) return;
        std::string codes;
        for (char32_t cp : pending_bidi) {
            char hex[16];
            std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(cp));
            codes += (codes.empty() ? "" : ", ") + std::string(hex);
        }
        diags.warning(pending_at, fmt(_("the HTML and the PDF leave out the bidirectional controls here ({}): a browser would "
                                        "show the text after one in another order than it is written (\"<U+202E>12.345 kr.\" "
                                        "as \".rk 543.21\"); remove them (text copied from another program can bring them "
                                        "along)"),
                                      codes));
        pending_bidi.clear();
    };
    model::for_each_text(m, [&](const std::string& s, const SourceLoc& loc) {
        // The regular style's chain ends in the fallback face every style falls back to.
        std::u32string bad, bidi;
        bool right_to_left = false;
        for (size_t i = 0; i < s.size();) {
            if (i + 8 <= s.size() && plain_word(s.data() + i)) {
                i += 8;
                continue;
            }
            if (const auto b = static_cast<unsigned char>(s[i]); b < 0x80 && plain[b]) {
                ++i;
                continue;
            }
            const char32_t cp = next_code_point(s, i);
            // The Latin-1 letters of a Danish text ("æ", "ø", "å", "é"): looked up once a build.
            if (cp >= 0x80 && cp < 0x100) {
                signed char& known = latin[cp - 0x80];
                if (known == 0)
                    known = printed_as(cp) != 0 && fonts.face_of(printed_as(cp), FontStyle::Regular) < 0 ? -1 : 1;
                if (known > 0) continue;
            }
            if (is_right_to_left(cp)) right_to_left = true;
            if (is_bidi_control(cp)) {
                if (bidi.find(cp) == std::u32string::npos) bidi += cp;
            } else if (printed_as(cp) != 0 && fonts.face_of(printed_as(cp), FontStyle::Regular) < 0 &&
                       bad.find(cp) == std::u32string::npos) {
                bad += cp;
            }
        }
        if (!bidi.empty()) {
            // One warning a place: the fields written at one place (a "bilag:" line's title and
            // document id) are visited one after the other, and share it.
            if (!pending_bidi.empty() && pending_at != loc) flush_bidi();
            pending_at = loc;
            for (char32_t cp : bidi)
                if (pending_bidi.find(cp) == std::u32string::npos) pending_bidi += cp;
        }
        if (right_to_left)
            diags.warning(loc, _("the PDF prints right-to-left text (Hebrew, Arabic) left to right, so its words read "
                                 "backwards there (the HTML shows it right)"));
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
    // A link's address, which the HTML writes in its href and the PDF in its link, without them too.
    for (const model::AgendaItem& item : m.items)
        model::for_each_link_address(item, [&](const std::string& s, const SourceLoc& loc) {
            if (s.find('\xE2') == std::string::npos && s.find('\xD8') == std::string::npos) return;
            for (size_t i = 0; i < s.size();) {
                const char32_t cp = next_code_point(s, i);
                if (!is_bidi_control(cp)) continue;
                if (!pending_bidi.empty() && pending_at != loc) flush_bidi();
                pending_at = loc;
                if (pending_bidi.find(cp) == std::u32string::npos) pending_bidi += cp;
            }
        });
    flush_bidi();
    // The fallback files are read only when a character needs them (above): a damaged one is
    // an error, as a damaged Carlito file is at start-up.
    if (const FontFiles::FallbackProblem* p = fonts.fallback_problem()) diags.error({p->path, 0, 0}, p->why);
}

}  // namespace boardpack::render::pdf

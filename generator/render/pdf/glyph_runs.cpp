#include "render/pdf/glyph_runs.hpp"

#include <cstdint>
#include <cstring>

#include "core/word_bytes.hpp"
#include "render/pdf/code_points.hpp"

namespace boardpack::render::pdf {

void glyph_runs(std::string_view utf8, FontStyle style, const FontFiles& fonts, const FontPlan& plan, GlyphRuns& out) {
    out.runs.clear();
    // At most two bytes of codes per byte of text; written through a pointer, not appended.
    out.codes.resize(2 * utf8.size());
    char* const start = out.codes.data();
    char* at = start;
    int face = -1;
    const auto& direct = plan.direct(style);
    const std::array<uint8_t, 256>& ascii = plan.ascii_codes(style);
    const int ascii_face = plan.ascii_face(style);
    // A character's face and code, with the flag of a one-byte code.
    const auto looked_up = [&](char32_t cp) {
        const int f = printing_face(fonts, cp, style);
        return (plan.one_byte(f) ? FontPlan::kOneByte : 0) | static_cast<uint32_t>(f) << 16 | plan.code(f, cp);
    };
    for (size_t i = 0; i < utf8.size();) {
        uint32_t both;  // face << 16 | code, and kOneByte
        if (const auto byte = static_cast<unsigned char>(utf8[i]); printable_ascii(byte)) {
            both = direct[byte];
            // Code 0 (.notdef): a character the plan was not made with. Its face says whether
            // .notdef is one byte or two, so the codes after it are not read out of step.
            if ((both & 0xFFFF) == 0) both = looked_up(byte);
            ++i;
        } else {
            const char32_t cp = printed_as(next_code_point(utf8, i));
            if (cp == 0) continue;
            both = cp < FontPlan::kDirect && (direct[cp] & 0xFFFF) != 0 ? direct[cp] : looked_up(cp);
        }
        if (const int f = static_cast<int>(both >> 16 & 0xFF); f != face) {
            if (!out.runs.empty()) out.runs.back().end = static_cast<size_t>(at - start);
            out.runs.push_back({f, static_cast<size_t>(at - start), 0});
            face = f;
        }
        if (both & FontPlan::kOneByte) {
            *at++ = static_cast<char>(both & 0xFF);
            // The printable ASCII after it in the same one-byte face (most of a text): each
            // byte's code straight from a table, on locals that the stores through `to` (a char
            // pointer) cannot change.
            if (face == ascii_face) {
                const auto* from = reinterpret_cast<const unsigned char*>(utf8.data()) + i;
                const auto* const end = reinterpret_cast<const unsigned char*>(utf8.data()) + utf8.size();
                char* to = at;
                // Eight bytes at a time while none has code 0 (not printable ASCII, or not this
                // face's), the codes looked up and checked as one word: a third of the
                // instructions of the loop below, which finishes the text.
                for (; end - from >= 8; from += 8) {
                    unsigned char codes[8];
                    for (int k = 0; k < 8; ++k) codes[k] = ascii[from[k]];
                    uint64_t word;
                    std::memcpy(&word, codes, sizeof word);
                    if (word_bytes::has_byte_below(word, 1)) break;
                    std::memcpy(to, codes, sizeof codes);
                    to += 8;
                }
                for (; from != end; ++from) {
                    const uint8_t code = ascii[*from];
                    if (code == 0) break;
                    *to++ = static_cast<char>(code);
                }
                i = static_cast<size_t>(from - reinterpret_cast<const unsigned char*>(utf8.data()));
                at = to;
            }
        } else {
            at[0] = static_cast<char>(both >> 8 & 0xFF);
            at[1] = static_cast<char>(both & 0xFF);
            at += 2;
        }
    }
    if (!out.runs.empty()) out.runs.back().end = static_cast<size_t>(at - start);
}

}  // namespace boardpack::render::pdf

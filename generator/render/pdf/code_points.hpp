// The PDF's text as Unicode code points: decoding UTF-8 in place, and which characters print
// as something else (a tab as a space) or as nothing (a soft hyphen).
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace boardpack::render::pdf {

// Characters that print nothing and take no room: soft hyphen, zero-width space, zero-width
// non-joiner and joiner (DejaVu draws them as visible marks), word joiner,
// byte order mark, and the bidirectional controls (which a PDF's text does not obey).
inline constexpr std::array<char32_t, 18> kInvisible = {0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF,
                                                        0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C,
                                                        0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069};

// A bidirectional control (a right-to-left override ...): the PDF leaves it out, and since it
// can make text read differently from how it is stored, it is warned about where it is written.
inline bool is_bidi_control(char32_t cp) {
    return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

// The length of the UTF-8 bidirectional control at `p` (is_bidi_control's: U+061C, U+200E,
// U+200F, U+202A-U+202E, U+2066-U+2069), or 0 if none starts there; `left` bytes follow `p`.
inline size_t bidi_control_length(const char* p, size_t left) {
    const auto b = [p](size_t k) { return static_cast<unsigned char>(p[k]); };
    if (left >= 2 && b(0) == 0xD8 && b(1) == 0x9C) return 2;
    if (left < 3 || b(0) != 0xE2) return 0;
    if (b(1) == 0x80 && (b(2) == 0x8E || b(2) == 0x8F || (b(2) >= 0xAA && b(2) <= 0xAE))) return 3;
    if (b(1) == 0x81 && b(2) >= 0xA6 && b(2) <= 0xA9) return 3;
    return 0;
}

// `s` without its bidirectional controls, as the HTML writes it (a link's address: the HTML's
// href leaves them out, so the PDF's link does too).
inline std::string without_bidi_controls(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        if (const size_t n = bidi_control_length(s.data() + i, s.size() - i)) {
            i += n;
            continue;
        }
        out += s[i++];
    }
    return out;
}

// A byte of UTF-8 text that is a whole printable ASCII character, which prints as itself:
// nearly every byte the writer reads, taken without decoding.
inline bool printable_ascii(unsigned char byte) { return static_cast<unsigned char>(byte - 0x20) < 0x60; }

// The character a text character is printed as: a tab or line end as a space, an invisible
// one as 0 (nothing), any other as itself.
inline char32_t printed_as(char32_t cp) {
    if (cp >= 0x20 && cp < 0xAD) return cp;  // nearly all text
    if (cp == '\t' || cp == '\n') return ' ';
    for (char32_t c : kInvisible)
        if (c == cp) return 0;
    return cp;
}

// The character whose glyph prints `cp` in a face that lacks it: a no-break space looks like
// a space, a non-breaking hyphen like a hyphen (Carlito has neither); 0 for any other. Such a
// character keeps its own code in the PDF, so it still extracts as itself.
inline char32_t same_glyph_as(char32_t cp) {
    if (cp == 0x00A0) return ' ';
    if (cp == 0x2010 || cp == 0x2011) return '-';
    return 0;
}

// What prints a character no face has: a white square (□), a real glyph, so that no text
// shows .notdef (PDF/A forbids it); the ToUnicode map still gives the character itself.
inline constexpr char32_t kStandIn = 0x25A1;

// Decodes the UTF-8 character at `i` and moves past it (U+FFFD for an invalid byte), so text
// can be measured without building a string.
// ASCII is decoded here, inline: it is nearly every character the writer reads.
char32_t next_code_point_beyond_ascii(std::string_view s, size_t& i);
inline char32_t next_code_point(std::string_view s, size_t& i) {
    const auto lead = static_cast<unsigned char>(s[i]);
    if (lead < 0x80) {
        ++i;
        return lead;
    }
    return next_code_point_beyond_ascii(s, i);
}

}  // namespace boardpack::render::pdf

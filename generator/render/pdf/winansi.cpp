#include "render/pdf/winansi.hpp"

#include "core/text.hpp"

namespace boardpack::render::pdf {

namespace {

// Windows-1252 bytes 0x80-0x9F; 0 where the byte is unassigned.
constexpr char32_t kHigh[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

}  // namespace

unsigned char winansi_byte(char32_t cp) {
    if (cp == '\t' || cp == '\n') return ' ';
    if (cp >= 0x20 && cp < 0x7F) return static_cast<unsigned char>(cp);
    if (cp >= 0xA0 && cp <= 0xFF) return static_cast<unsigned char>(cp);
    for (int i = 0; i < 32; ++i)
        if (kHigh[i] == cp && cp != 0) return static_cast<unsigned char>(0x80 + i);
    return 0;
}

std::string to_winansi(std::string_view utf8, std::string* replaced) {
    std::string out;
    out.reserve(utf8.size());
    for (char32_t cp : decode_utf8(utf8)) {
        if (const unsigned char b = winansi_byte(cp)) {
            out += static_cast<char>(b);
            continue;
        }
        char stand_in = '?';
        switch (cp) {
            case 0x2212: case 0x2010: case 0x2011: stand_in = '-'; break;  // minus, hyphens
            case 0x2002: case 0x2003: case 0x2009: case 0x200A: case 0x202F: stand_in = ' '; break;
            case 0x200B: case 0xFEFF: case 0x00AD: continue;  // invisible
            default: break;
        }
        out += stand_in;
        if (replaced && cp >= 0x20) append_utf8(*replaced, cp);
    }
    return out;
}

}  // namespace boardpack::render::pdf

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

char32_t winansi_code_point(unsigned char byte) {
    if (byte >= 0x80 && byte < 0xA0) return kHigh[byte - 0x80];
    return byte;
}

int winansi_print_byte(char32_t cp) {
    if (const unsigned char b = winansi_byte(cp)) return b;
    switch (cp) {
        case 0x2212: case 0x2010: case 0x2011: return '-';  // minus, hyphens
        case 0x2002: case 0x2003: case 0x2009: case 0x200A: case 0x202F: return ' ';
        case 0x200B: case 0xFEFF: case 0x00AD: return -1;  // invisible
        default: return '?';
    }
}

std::string to_winansi(std::string_view utf8, std::string* replaced) {
    std::string out;
    out.reserve(utf8.size());
    // Code point by code point in place: the writer converts every text run of every page.
    for (size_t i = 0; i < utf8.size();) {
        const char32_t cp = next_code_point(utf8, i);
        const int b = winansi_print_byte(cp);
        if (b >= 0) out += static_cast<char>(b);
        if (replaced && b >= 0 && !winansi_byte(cp) && cp >= 0x20) append_utf8(*replaced, cp);
    }
    return out;
}

char32_t next_code_point(std::string_view s, size_t& i) {
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char lead = byte(i);
    if (lead < 0x80) return s[i++];
    const size_t len = lead >= 0xF0 && lead < 0xF5 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
    if (len == 0 || lead >= 0xF5 || i + len > s.size()) {
        ++i;
        return 0xFFFD;
    }
    char32_t cp = lead & (0x7F >> len);
    for (size_t k = 1; k < len; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        cp = cp << 6 | (byte(i + k) & 0x3F);
    }
    i += len;
    return cp;
}

}  // namespace boardpack::render::pdf

#include "render/pdf/code_points.hpp"

namespace boardpack::render::pdf {

char32_t next_code_point_beyond_ascii(std::string_view s, size_t& i) {
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

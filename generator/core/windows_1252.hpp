// Windows-1252's characters at bytes 0x80-0x9F, where it differs from Latin-1: the euro sign,
// the typographic quotes and dashes, and a few letters. Five bytes there are undefined.
#pragma once

#include <array>

namespace boardpack {

// The character at byte 0x80 + i, or 0 for the five bytes Windows-1252 leaves undefined (0x81,
// 0x8D, 0x8F, 0x90, 0x9D).
inline constexpr std::array<char32_t, 32> kWindows1252At80 = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

}  // namespace boardpack

#include "render/pdf/character_codes.hpp"

#include <algorithm>
#include <array>

#include "core/windows_1252.hpp"

namespace boardpack::render::pdf {

namespace {

// The code a character has whatever the document: its own for printable ASCII and Latin-1
// (0xA0-0xFF), its Windows-1252 byte for the characters that has at 0x80-0x9F; else 0.
uint16_t fixed_code(char32_t cp) {
    if ((cp >= 0x20 && cp < 0x7F) || (cp >= 0xA0 && cp <= 0xFF)) return static_cast<uint16_t>(cp);
    if (cp < 0x100) return 0;
    for (size_t i = 0; i < kWindows1252At80.size(); ++i)
        if (kWindows1252At80[i] == cp) return static_cast<uint16_t>(0x80 + i);
    return 0;
}

// The codes no character has of itself, in the order the others take them: the 31 control
// bytes (0 is .notdef), DEL, and the five bytes Windows-1252 leaves undefined.
constexpr size_t kFree = 31 + 1 + 5;
constexpr std::array<uint8_t, kFree> kFreeCodes = [] {
    std::array<uint8_t, kFree> free{};
    size_t n = 0;
    for (unsigned b = 1; b < 0x20; ++b) free[n++] = static_cast<uint8_t>(b);
    free[n++] = 0x7F;
    for (unsigned i = 0; i < kWindows1252At80.size(); ++i)
        if (kWindows1252At80[i] == 0) free[n++] = static_cast<uint8_t>(0x80 + i);
    // Every one given a code: none left .notdef (0), none beyond the array.
    if (n != kFree) throw "the free codes are miscounted";
    return free;
}();

}  // namespace

std::vector<uint16_t> character_codes(const std::vector<char32_t>& characters) {
    std::vector<uint16_t> codes(characters.size());
    size_t taken = 0;  // free codes given out
    for (size_t i = 0; i < characters.size(); ++i) {
        codes[i] = fixed_code(characters[i]);
        if (codes[i] != 0) continue;
        if (taken == kFreeCodes.size()) {
            // More than the free codes hold: 1 .. n in code point order.
            for (size_t k = 0; k < characters.size(); ++k) codes[k] = static_cast<uint16_t>(k + 1);
            return codes;
        }
        codes[i] = kFreeCodes[taken++];
    }
    return codes;
}

bool one_byte_codes(const std::vector<uint16_t>& codes) {
    return std::all_of(codes.begin(), codes.end(), [](uint16_t c) { return c < 0x100; });
}

}  // namespace boardpack::render::pdf

// A small valid baseline JPEG made at test time: one 8 x 8 block per component, every sample
// mid grey (the one Huffman code of each table says "no change"), for the picture tests.
#pragma once

#include <string>

namespace boardpack::test {

// A JPEG of `components` components (1 grey, 3 YCbCr, 4 CMYK) declaring w x h pixels (at most 8).
inline std::string tiny_jpeg(int w = 8, int h = 8, int components = 3) {
    std::string j = "\xFF\xD8";
    const auto seg = [&](unsigned char marker, const std::string& body) {
        j += '\xFF';
        j += static_cast<char>(marker);
        const size_t len = body.size() + 2;
        j += static_cast<char>(len >> 8);
        j += static_cast<char>(len & 0xFF);
        j += body;
    };
    seg(0xDB, std::string(1, '\0') + std::string(64, '\x01'));  // quantisation: all ones
    std::string sof{8, static_cast<char>(h >> 8), static_cast<char>(h & 0xFF), static_cast<char>(w >> 8),
                    static_cast<char>(w & 0xFF), static_cast<char>(components)};
    for (int c = 1; c <= components; ++c) sof += std::string{static_cast<char>(c), '\x11', '\0'};
    seg(0xC0, sof);
    std::string bits(16, '\0');
    bits[0] = 1;  // one code of length 1 ...
    seg(0xC4, std::string(1, '\x00') + bits + std::string(1, '\0'));  // ... DC: difference 0
    seg(0xC4, std::string(1, '\x10') + bits + std::string(1, '\0'));  // ... AC: end of block
    std::string sos(1, static_cast<char>(components));
    for (int c = 1; c <= components; ++c) sos += std::string{static_cast<char>(c), '\0'};
    sos += std::string{'\0', '\x3F', '\0'};
    seg(0xDA, sos);
    // Two 0 bits per component, the rest of the byte padded with ones.
    j += static_cast<char>(0xFF >> (2 * components) & 0xFF);
    j += "\xFF\xD9";
    return j;
}

}  // namespace boardpack::test

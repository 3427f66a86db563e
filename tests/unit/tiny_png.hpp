// A small valid PNG made at test time (RGB, 8 bits, a colour per row), for the picture tests.
#pragma once

#include <libdeflate.h>

#include <cstdint>
#include <string>

#include "core/deflate.hpp"

namespace boardpack::test {

inline void put32(std::string& out, uint32_t v) {
    for (int s = 24; s >= 0; s -= 8) out += static_cast<char>((v >> s) & 0xFF);
}

// A chunk: length, type, data, CRC of type and data.
inline void png_chunk(std::string& out, const std::string& type, const std::string& data) {
    put32(out, static_cast<uint32_t>(data.size()));
    const std::string body = type + data;
    out += body;
    put32(out, libdeflate_crc32(0, body.data(), body.size()));
}

// A w x h RGB PNG (colour type 2, or 6 with an alpha channel).
inline std::string tiny_png(uint32_t w, uint32_t h, bool alpha = false) {
    std::string out = "\x89PNG\r\n\x1a\n";
    std::string ihdr;
    put32(ihdr, w);
    put32(ihdr, h);
    ihdr += std::string{8, static_cast<char>(alpha ? 6 : 2), 0, 0, 0};
    png_chunk(out, "IHDR", ihdr);
    std::string raw;
    for (uint32_t y = 0; y < h; ++y) {
        raw += '\0';  // no filter
        for (uint32_t x = 0; x < w; ++x) {
            raw += static_cast<char>(y * 40);
            raw += static_cast<char>(x * 40);
            raw += static_cast<char>(120);
            if (alpha) raw += static_cast<char>(200);
        }
    }
    Deflater d(6);
    d.compress(raw);
    png_chunk(out, "IDAT", d.result());
    png_chunk(out, "IEND", "");
    return out;
}

}  // namespace boardpack::test

#include "core/fingerprint.hpp"

#include <cstdint>

namespace boardpack {

std::string fingerprint(std::string_view bytes) {
    // FNV-1a's prime on one lane, the golden ratio's multiplier with a shift on the other, eight
    // bytes at a time; the length last, so that files that differ only in trailing zeros differ.
    std::uint64_t a = 14695981039346656037ull, b = 0x6c62272e07bb0142ull;
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    size_t i = 0;
    const auto mix = [&](std::uint64_t w) {
        a = (a ^ w) * 1099511628211ull;
        b = (b ^ (w >> 7 | w << 57)) * 0x9E3779B97F4A7C15ull;
        b ^= b >> 29;
    };
    for (; i + 8 <= bytes.size(); i += 8) {
        std::uint64_t w = 0;
        for (int k = 7; k >= 0; --k) w = w << 8 | p[i + static_cast<size_t>(k)];
        mix(w);
    }
    for (; i < bytes.size(); ++i) mix(p[i]);
    mix(bytes.size());
    static const char* hex = "0123456789abcdef";
    std::string out(32, '0');
    for (int k = 0; k < 16; ++k) {
        out[static_cast<size_t>(k)] = hex[(a >> (60 - 4 * k)) & 15];
        out[static_cast<size_t>(16 + k)] = hex[(b >> (60 - 4 * k)) & 15];
    }
    return out;
}

}  // namespace boardpack

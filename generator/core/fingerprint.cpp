#include "core/fingerprint.hpp"

#include <bit>
#include <cstring>

namespace boardpack {

namespace {

// Eight bytes as a number, the first the lowest: one load where the machine is little-endian.
std::uint64_t little_endian_word(const unsigned char* p) {
    std::uint64_t w = 0;
    if constexpr (std::endian::native == std::endian::little) {
        std::memcpy(&w, p, sizeof w);
    } else {
        for (int k = 7; k >= 0; --k) w = w << 8 | p[k];
    }
    return w;
}

}  // namespace

// FNV-1a's prime on one lane, the golden ratio's multiplier with a shift on the other, eight
// bytes at a time; the bytes after the last whole word one by one, then the length, so that
// files that differ only in trailing zeros differ.
void Fingerprinter::mix(std::uint64_t w) {
    a_ = (a_ ^ w) * 1099511628211ull;
    b_ = (b_ ^ (w >> 7 | w << 57)) * 0x9E3779B97F4A7C15ull;
    b_ ^= b_ >> 29;
}

void Fingerprinter::add(std::string_view bytes) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    size_t n = bytes.size();
    size_ += n;
    if (pending_size_ > 0) {  // first make the word begun by the piece before whole
        while (pending_size_ < 8 && n > 0) {
            pending_[pending_size_++] = *p++;
            --n;
        }
        if (pending_size_ < 8) return;
        mix(little_endian_word(pending_));
        pending_size_ = 0;
    }
    // The whole words on copies of the two lanes, stored back once: the bytes are read through a
    // char pointer, which may point anywhere, the lanes too, so the compiler would otherwise store
    // both after every word (15 instructions a word instead of 11).
    Fingerprinter lanes;
    lanes.a_ = a_;
    lanes.b_ = b_;
    // Four words a turn: the loop's own bookkeeping was three of its twelve instructions a word,
    // and every byte of every file written passes here (4,6 M instructions of the example's build).
    for (; n >= 32; p += 32, n -= 32) {
        lanes.mix(little_endian_word(p));
        lanes.mix(little_endian_word(p + 8));
        lanes.mix(little_endian_word(p + 16));
        lanes.mix(little_endian_word(p + 24));
    }
    for (; n >= 8; p += 8, n -= 8) lanes.mix(little_endian_word(p));
    a_ = lanes.a_;
    b_ = lanes.b_;
    for (; n > 0; --n) pending_[pending_size_++] = *p++;
}

std::string Fingerprinter::finish() const {
    Fingerprinter f = *this;
    for (size_t i = 0; i < pending_size_; ++i) f.mix(pending_[i]);
    f.mix(size_);
    static const char* hex = "0123456789abcdef";
    std::string out(32, '0');
    for (int k = 0; k < 16; ++k) {
        out[static_cast<size_t>(k)] = hex[(f.a_ >> (60 - 4 * k)) & 15];
        out[static_cast<size_t>(16 + k)] = hex[(f.b_ >> (60 - 4 * k)) & 15];
    }
    return out;
}

std::string fingerprint(std::string_view bytes) {
    Fingerprinter f;
    f.add(bytes);
    return f.finish();
}

}  // namespace boardpack

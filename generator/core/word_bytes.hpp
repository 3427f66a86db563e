// Eight bytes of text looked at as one 64-bit word ("SWAR"): the scanners that run over every
// byte of every input file, page and snapshot skip a word at once when no byte in it is one
// they must look at, and go byte by byte only through the word that has one.
#pragma once

#include <cstdint>
#include <cstring>

namespace boardpack::word_bytes {

inline constexpr uint64_t kOnes = 0x0101010101010101ull;
inline constexpr uint64_t kHighBits = 0x8080808080808080ull;

// The eight bytes at `p` as one word (in the machine's order: the tests below do not care).
inline uint64_t at(const char* p) {
    uint64_t w;
    std::memcpy(&w, p, sizeof w);
    return w;
}

// Whether a byte of w is below n (n at most 128). Exact as a yes or no: a byte at or above n
// borrows nothing from the next, and one at 128 or more has its high bit cleared by ~w.
constexpr bool has_byte_below(uint64_t w, unsigned n) { return ((w - kOnes * n) & ~w & kHighBits) != 0; }
// Whether a byte of w is b.
constexpr bool has_byte(uint64_t w, unsigned char b) { return has_byte_below(w ^ (kOnes * b), 1); }
// Whether a byte of w is above m and below n (m < n, both at most 128; bytes of 128 or more are
// never counted): exact, as "hasbetween" in Sean Eron Anderson's Bit Twiddling Hacks.
constexpr bool has_byte_between(uint64_t w, unsigned m, unsigned n) {
    constexpr uint64_t k127 = kOnes * 127;
    return (((kOnes * (127 + n) - (w & k127)) & ~w & ((w & k127) + kOnes * (127 - m))) & kHighBits) != 0;
}
// Whether every byte of w is ASCII (below 128).
constexpr bool all_ascii(uint64_t w) { return (w & kHighBits) == 0; }

}  // namespace boardpack::word_bytes

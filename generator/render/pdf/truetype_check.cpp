#include "render/pdf/truetype_check.hpp"
#include "core/messages.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <set>

namespace boardpack::render::pdf {

namespace {

uint32_t u32(std::string_view b, size_t at) {
    auto byte = [&](size_t i) { return static_cast<uint32_t>(static_cast<unsigned char>(b[at + i])); };
    return byte(0) << 24 | byte(1) << 16 | byte(2) << 8 | byte(3);
}

uint16_t u16(std::string_view b, size_t at) {
    return static_cast<uint16_t>(static_cast<unsigned char>(b[at]) << 8 | static_cast<unsigned char>(b[at + 1]));
}

// Sixteen bytes as eight 16-bit lanes (GCC's and clang's vector extensions: SSE2 on x86-64,
// NEON on arm64, plain code elsewhere).
using Lanes = uint16_t __attribute__((vector_size(16)));

// The sums of the bytes at each place of a big-endian 32-bit word (0 the most significant) over
// the first `n` bytes of `p`, n a multiple of 16: the checksum is these shifted into place and
// added, so no word needs its bytes swapped.
std::array<uint64_t, 4> place_sums(const unsigned char* p, size_t n) {
    // In a lane, the byte at the even place is the low one where the machine is little-endian.
    constexpr bool little = std::endian::native == std::endian::little;
    std::array<uint64_t, 4> sums{};
    for (size_t i = 0; i < n;) {
        // A lane adds up 256 bytes at most (255 * 256 < 65536) before it is emptied.
        Lanes low{}, high{};
        for (const size_t stop = std::min(n, i + 256 * 16); i < stop; i += 16) {
            Lanes v;
            std::memcpy(&v, p + i, sizeof v);
            low += v & 0xFF;
            high += v >> 8;
        }
        for (size_t k = 0; k < 8; ++k) {  // lane k holds the bytes at places 2k and 2k + 1 of 16
            sums[(2 * k + (little ? 0 : 1)) % 4] += low[k];
            sums[(2 * k + (little ? 1 : 0)) % 4] += high[k];
        }
    }
    return sums;
}

// The sum of the table as big-endian 32-bit words, padded with zeros (the TrueType checksum).
// In "head" the checkSumAdjustment word (bytes 8 to 11) counts as zero.
uint32_t checksum(std::string_view table, bool is_head) {
    const auto* p = reinterpret_cast<const unsigned char*>(table.data());
    const size_t whole = table.size() / 4 * 4;
    // Sixteen bytes at a time, by the place of each in its word: this reads every byte of every
    // font (11 M instructions a run byte by byte, 3,2 M a word at a time).
    const size_t vectors = whole / 16 * 16;
    const std::array<uint64_t, 4> places = place_sums(p, vectors);
    uint32_t sum = static_cast<uint32_t>(places[0] << 24) + static_cast<uint32_t>(places[1] << 16) +
                   static_cast<uint32_t>(places[2] << 8) + static_cast<uint32_t>(places[3]);
    const auto word = [p](size_t i) {
        uint32_t w;
        std::memcpy(&w, p + i, 4);
        if constexpr (std::endian::native == std::endian::little) w = __builtin_bswap32(w);
        return w;
    };
    for (size_t i = vectors; i < whole; i += 4) sum += word(i);
    uint32_t last = 0;
    for (size_t k = 0; k < 4; ++k) last = last << 8 | (whole + k < table.size() ? p[whole + k] : 0u);
    sum += last;
    // In "head" the checkSumAdjustment word (bytes 8 to 11) counts as zero.
    if (is_head && table.size() > 8) sum -= table.size() >= 12 ? u32(table, 8) : last;
    return sum;
}

// The tables libharu reads to measure and embed a font.
const char* const kRequired[] = {"OS/2", "cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post"};

}  // namespace

std::string truetype_problem(std::string_view b) {
    if (b.size() < 12) return _("the file is too short to be a TrueType font");
    const uint32_t version = u32(b, 0);
    if (version == 0x4F54544F) return _("this is an OpenType font with PostScript outlines (CFF); a TrueType font is needed");
    if (version == 0x74746366) return _("this is a font collection (.ttc); a single TrueType font (.ttf) is needed");
    if (version != 0x00010000 && version != 0x74727565) return _("this is not a TrueType font");
    const size_t tables = u16(b, 4);
    if (12 + 16 * tables > b.size()) return _("the file is cut off inside its table directory");
    std::set<std::string> found;
    for (size_t i = 0; i < tables; ++i) {
        const size_t rec = 12 + 16 * i;
        const std::string tag(b.substr(rec, 4));
        const uint64_t offset = u32(b, rec + 8), length = u32(b, rec + 12);
        if (offset + length > b.size())
            return fmt(_("the file is cut off: table \"{}\" ends at byte {}, the file has {} bytes"), tag, offset + length,
                       b.size());
        if (checksum(b.substr(offset, length), tag == "head") != u32(b, rec + 4))
            return fmt(_("the file is damaged: table \"{}\" does not match its checksum"), tag);
        found.insert(tag);
    }
    for (const char* tag : kRequired)
        if (!found.count(tag)) return fmt(_("the font has no \"{}\" table"), tag);
    return "";
}

}  // namespace boardpack::render::pdf

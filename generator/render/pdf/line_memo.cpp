#include "render/pdf/line_memo.hpp"

#include <bit>
#include <functional>
#include <string_view>

namespace boardpack::render::pdf {

namespace {

// Mixes v into h, so that the order counts (a boost-style combine, then MurmurHash3's 64-bit finalizer).
uint64_t mix(uint64_t h, uint64_t v) {
    h ^= v + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDull;
    h ^= h >> 33;
    return h;
}

uint64_t mix(uint64_t h, double v) { return mix(h, std::bit_cast<uint64_t>(v)); }

// A text with its length, so that "ab" + "c" and "a" + "bc" differ.
uint64_t mix(uint64_t h, const std::string& s) {
    return mix(mix(h, static_cast<uint64_t>(s.size())), static_cast<uint64_t>(std::hash<std::string_view>{}(s)));
}

}  // namespace

// About what a kept entry takes: the hash table's node with the entry, its input, the lines
// and their fragments' texts.
size_t LineMemo::footprint(const std::vector<Span>& spans, const std::vector<LaidLine>& lines) {
    size_t n = sizeof(std::pair<const uint64_t, Entry>) + 64;
    for (const Span& s : spans) n += sizeof(Span) + s.text.size() + s.url.size() + s.title.size();
    for (const LaidLine& line : lines) {
        n += sizeof(LaidLine);
        for (const Fragment& f : line.fragments) n += sizeof(Fragment) + f.text.size() + f.url.size() + f.title.size();
    }
    return n;
}

// Width and size compared as bits, as the hash took them (-0 and 0 differ, as the lines might).
bool LineMemo::Entry::is(const std::vector<Span>& s, double w, double z) const {
    return std::bit_cast<uint64_t>(width) == std::bit_cast<uint64_t>(w) &&
           std::bit_cast<uint64_t>(size) == std::bit_cast<uint64_t>(z) && spans == s;
}

uint64_t LineMemo::hash(const std::vector<Span>& spans, double width, double size) {
    uint64_t h = mix(mix(static_cast<uint64_t>(spans.size()), width), size);
    for (const Span& s : spans) {
        h = mix(h, static_cast<uint64_t>(s.style) << 8 | static_cast<uint64_t>(s.strike));
        h = mix(mix(mix(h, s.color.r), s.color.g), s.color.b);
        h = mix(mix(mix(h, s.text), s.url), s.title);
    }
    return h;
}

std::optional<std::vector<LaidLine>> LineMemo::find(uint64_t hash, const std::vector<Span>& spans, double width,
                                                    double size) {
    const std::lock_guard<std::mutex> lock(mutex_);
    const auto [first, last] = lines_.equal_range(hash);
    for (auto it = first; it != last; ++it) {
        if (!it->second.is(spans, width, size)) continue;
        ++hits_;
        return it->second.lines;
    }
    return std::nullopt;
}

void LineMemo::keep(uint64_t hash, const std::vector<Span>& spans, double width, double size,
                    const std::vector<LaidLine>& lines) {
    const size_t n = footprint(spans, lines);
    const std::lock_guard<std::mutex> lock(mutex_);
    if (bytes_ + n > budget_) {
        lines_.clear();
        bytes_ = 0;
        if (n > budget_) return;
    }
    const auto [first, last] = lines_.equal_range(hash);
    for (auto it = first; it != last; ++it)
        if (it->second.is(spans, width, size)) return;  // kept already, by another thread
    lines_.emplace(hash, Entry{spans, width, size, lines});
    bytes_ += n;
}

size_t LineMemo::hits() const {
    const std::lock_guard<std::mutex> lock(mutex_);
    return hits_;
}

size_t LineMemo::bytes() const {
    const std::lock_guard<std::mutex> lock(mutex_);
    return bytes_;
}

}  // namespace boardpack::render::pdf

#include "render/pdf/line_memo.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
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

// What a kept entry takes: the hash table's node with the entry, and its block.
size_t LineMemo::footprint(const Entry& e) {
    return sizeof(std::pair<const uint64_t, Entry>) + 2 * sizeof(void*) + e.block_bytes();
}

// How far past the last fragment's text the next one's is looked for among the spans' texts.
constexpr size_t kSkip = 16;

std::optional<LineMemo::Entry> LineMemo::Entry::of(std::span<const Span> spans, double width, double size,
                                                   const std::vector<LaidLine>& lines) {
    // Each part of the block starts where the one before ends: aligned, as no part needs more
    // alignment than the one before it (and the block starts aligned for any).
    static_assert(alignof(KeptFragment) >= alignof(KeptLine) && alignof(KeptLine) >= alignof(KeptSpan));
    Entry e;
    e.width = width;
    e.size = size;
    // The spans' texts first, one after the other (a link's address and title after them): a
    // line's text is nearly always a run of them as they stand, which is then not written again.
    size_t own = 0, fragment_chars = 0, fragments = 0;
    for (const Span& s : spans) own += s.text.size() + s.url.size() + s.title.size();
    for (const LaidLine& line : lines) {
        fragments += line.fragments.size();
        for (const Fragment& f : line.fragments) fragment_chars += f.text.size();
    }
    if (own + fragment_chars > UINT32_MAX || fragments > UINT32_MAX || spans.size() > UINT32_MAX) return std::nullopt;
    e.fragment_count = static_cast<uint32_t>(fragments);
    e.line_count = static_cast<uint32_t>(lines.size());
    e.span_count = static_cast<uint32_t>(spans.size());
    e.char_count = static_cast<uint32_t>(own);
    e.block = std::make_unique_for_overwrite<std::byte[]>(e.block_bytes());
    char* const chars = e.chars();
    size_t at = 0;
    const auto put = [&](std::string_view text) {
        const Piece p{static_cast<uint32_t>(at), static_cast<uint32_t>(text.size())};
        text.copy(chars + at, text.size());
        at += text.size();
        return p;
    };
    for (const Span& s : spans) put(s.text);
    const size_t span_chars = at;
    size_t text_at = 0;
    for (size_t k = 0; k < spans.size(); ++k) {
        const Span& s = spans[k];
        const Piece text{static_cast<uint32_t>(text_at), static_cast<uint32_t>(s.text.size())};
        text_at += s.text.size();
        const Piece url = put(s.url);
        e.spans()[k] = {text, url, put(s.title), s.color, s.style, s.strike};
    }
    // A fragment's text is looked for just after the last one found (past the spaces between
    // them), never further, so that keeping a long paragraph stays linear. One not found is
    // given a place after the entry's characters, and written there below.
    size_t from = 0, missing = 0;
    const auto fragment_text = [&](std::string_view text) {
        const size_t window = std::min(span_chars - from, text.size() + kSkip);
        const size_t found = text.empty() ? std::string_view::npos : std::string_view(chars + from, window).find(text);
        if (found == std::string_view::npos) {
            const Piece p{static_cast<uint32_t>(own + missing), static_cast<uint32_t>(text.size())};
            missing += text.size();
            return p;
        }
        const Piece p{static_cast<uint32_t>(from + found), static_cast<uint32_t>(text.size())};
        from += found + text.size();
        return p;
    };
    KeptFragment* kept = e.fragments();
    for (size_t l = 0; l < lines.size(); ++l) {
        const LaidLine& line = lines[l];
        e.lines()[l] = {line.width, static_cast<uint32_t>(kept - e.fragments()), static_cast<uint32_t>(line.fragments.size())};
        for (const Fragment& f : line.fragments) {
            // The first span with the fragment's look: any with it gives the same fields back.
            size_t look = 0;
            while (look < spans.size() && !has_look(f, spans[look])) ++look;
            if (look == spans.size()) return std::nullopt;
            *kept++ = {f.x, f.width, fragment_text(f.text), static_cast<uint32_t>(look)};
        }
    }
    if (missing == 0) return e;
    // Rarely, a fragment's text was not found: the block is made again with room for them.
    const size_t before = e.block_bytes();
    e.char_count = static_cast<uint32_t>(own + missing);
    std::unique_ptr<std::byte[]> grown = std::make_unique_for_overwrite<std::byte[]>(e.block_bytes());
    std::copy_n(e.block.get(), before, grown.get());
    e.block = std::move(grown);
    size_t k = 0;
    for (const LaidLine& line : lines)
        for (const Fragment& f : line.fragments) {
            const Piece p = e.fragments()[k++].text;
            if (p.begin >= own) std::string_view(f.text).copy(e.chars() + p.begin, p.size);
        }
    return e;
}

std::vector<LaidLine> LineMemo::Entry::laid_lines() const {
    std::vector<LaidLine> out(line_count);
    for (size_t l = 0; l < line_count; ++l) {
        const KeptLine& kept_line = lines()[l];
        LaidLine& line = out[l];
        line.width = kept_line.width;
        line.fragments.resize(kept_line.count);
        for (uint32_t k = 0; k < kept_line.count; ++k) {
            const KeptFragment& kept = fragments()[kept_line.first + k];
            const KeptSpan& look = spans()[kept.look];
            Fragment& f = line.fragments[k];
            f.x = kept.x;
            f.width = kept.width;
            f.text = text(kept.text);
            f.style = look.style;
            f.color = look.color;
            f.url = text(look.url);
            f.strike = look.strike;
            f.title = text(look.title);
        }
    }
    return out;
}

// Width and size compared as bits, as the hash took them (-0 and 0 differ, as the lines might).
bool LineMemo::Entry::is(std::span<const Span> s, double w, double z) const {
    if (std::bit_cast<uint64_t>(width) != std::bit_cast<uint64_t>(w) || std::bit_cast<uint64_t>(size) != std::bit_cast<uint64_t>(z) ||
        s.size() != span_count)
        return false;
    for (size_t i = 0; i < s.size(); ++i) {
        const KeptSpan& k = spans()[i];
        if (s[i].style != k.style || !(s[i].color == k.color) || s[i].strike != k.strike || s[i].text != text(k.text) ||
            s[i].url != text(k.url) || s[i].title != text(k.title))
            return false;
    }
    return true;
}

uint64_t LineMemo::hash(std::span<const Span> spans, double width, double size) {
    uint64_t h = mix(mix(static_cast<uint64_t>(spans.size()), width), size);
    for (const Span& s : spans) {
        h = mix(h, static_cast<uint64_t>(s.style) << 8 | static_cast<uint64_t>(s.strike));
        h = mix(mix(mix(h, s.color.r), s.color.g), s.color.b);
        h = mix(mix(mix(h, s.text), s.url), s.title);
    }
    return h;
}

std::optional<std::vector<LaidLine>> LineMemo::find(uint64_t hash, std::span<const Span> spans, double width,
                                                    double size) {
    const std::shared_lock<std::shared_mutex> lock(mutex_);
    const auto [first, last] = lines_.equal_range(hash);
    for (auto it = first; it != last; ++it) {
        if (!it->second.is(spans, width, size)) continue;
        ++hits_;
        return it->second.laid_lines();
    }
    return std::nullopt;
}

void LineMemo::keep(uint64_t hash, std::span<const Span> spans, double width, double size,
                    const std::vector<LaidLine>& lines) {
    std::optional<Entry> entry = Entry::of(spans, width, size, lines);
    if (!entry) return;
    const size_t n = footprint(*entry);
    const std::lock_guard<std::shared_mutex> lock(mutex_);
    if (bytes_ + n > budget_) {
        lines_.clear();
        bytes_ = 0;
        if (n > budget_) return;
    }
    const auto [first, last] = lines_.equal_range(hash);
    for (auto it = first; it != last; ++it)
        if (it->second.is(spans, width, size)) return;  // kept already, by another thread
    lines_.emplace(hash, std::move(*entry));
    bytes_ += n;
}

void LineMemo::forget() {
    const std::lock_guard<std::shared_mutex> lock(mutex_);
    std::unordered_multimap<uint64_t, Entry>().swap(lines_);
    bytes_ = 0;
}

size_t LineMemo::hits() const { return hits_; }

size_t LineMemo::bytes() const {
    const std::shared_lock<std::shared_mutex> lock(mutex_);
    return bytes_;
}

}  // namespace boardpack::render::pdf

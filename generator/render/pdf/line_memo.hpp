// Lines already broken, by what was broken: a build lays the same paragraphs out up to four
// times (each edition's packet and its agenda-only PDF, the public items in both editions),
// and breaking them into lines is most of the layout's work. The lines given back are the ones
// break_lines made the first time, so the pages are the same to the bit.
#pragma once

#include <cstddef>
#include <cstdint>
#include <atomic>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "render/pdf/line_breaker.hpp"

namespace boardpack::render::pdf {

// For one set of metrics (the widths decide the lines): it belongs to the metrics object, and
// break_lines asks it first (FontMetrics::line_memo). An entry is looked up by a hash of the
// whole input (every span's text and look, the width and size) and taken only if that input
// is the same field by field, never by where it lives, so a hit is always the same text.
// Thread-safe: the editions are laid out at once. When what it holds passes its budget it
// forgets everything, so a long run (an archive of meetings) holds no more than that.
class LineMemo {
public:
    explicit LineMemo(size_t budget_bytes = kDefaultBudget) : budget_(budget_bytes) {}

    // What break_lines(spans, width, size) is looked up by: a hash of all of it.
    static uint64_t hash(std::span<const Span> spans, double width, double size);
    // The lines kept for exactly this input (`hash` is its hash), as a copy, if any.
    std::optional<std::vector<LaidLine>> find(uint64_t hash, std::span<const Span> spans, double width, double size);
    // Keeps `lines` for this input (first come, first kept: an input's lines are always the same).
    void keep(uint64_t hash, std::span<const Span> spans, double width, double size, const std::vector<LaidLine>& lines);

    // Forgets every entry (hits stay counted): once a build's last packet is laid out, what is
    // held serves no one, and at ten times the example it is some 1,2 MB of the PDF writer's peak.
    void forget();

    // How often find() found the lines, and what is held now (about, in bytes): for tests.
    size_t hits() const;
    size_t bytes() const;

    // The example's lines take 0,59 MB (0,86 MB as Spans and Fragments); at ten times its size (bench.py's x10) most are still
    // found (its layout 1.003 M -> 420 M instructions). The memory is the price: up to this
    // much more at the peak of a large meeting.
    static constexpr size_t kDefaultBudget = size_t{8} << 20;

private:
    // An entry holds its input and its lines as plain numbers over one string of their
    // characters, not as the Spans and Fragments themselves (a string, a URL and a title each,
    // 120 and 136 bytes before their texts): a paragraph's entry takes about half as much
    // (bench.py's x10 with every paragraph its own: 4,3 -> 2 MB kept at the peak).
    struct Piece {  // a text in `chars`
        uint32_t begin = 0, size = 0;
    };
    struct KeptSpan {
        Piece text, url, title;
        Color color;
        FontStyle style = FontStyle::Regular;
        bool strike = false;
    };
    struct KeptFragment {
        double x = 0, width = 0;
        Piece text;
        uint32_t look = 0;  // the span whose style, colour, link and strike it has
    };
    struct KeptLine {
        double width = 0;
        uint32_t first = 0, count = 0;  // its fragments
    };
    // An entry's fragments, lines and spans (in that order, by alignment) and then its
    // characters, in one heap block made at its size: a string and three vectors were four
    // blocks, each with the allocator's overhead, and the string's grew past its size.
    struct Entry {
        double width = 0, size = 0;
        uint32_t fragment_count = 0, line_count = 0, span_count = 0, char_count = 0;
        std::unique_ptr<std::byte[]> block;
        static size_t block_bytes(size_t fragments, size_t lines, size_t spans, size_t chars) {
            return fragments * sizeof(KeptFragment) + lines * sizeof(KeptLine) + spans * sizeof(KeptSpan) + chars;
        }
        size_t block_bytes() const { return block_bytes(fragment_count, line_count, span_count, char_count); }
        KeptFragment* fragments() const { return reinterpret_cast<KeptFragment*>(block.get()); }
        KeptLine* lines() const { return reinterpret_cast<KeptLine*>(fragments() + fragment_count); }
        KeptSpan* spans() const { return reinterpret_cast<KeptSpan*>(lines() + line_count); }
        char* chars() const { return reinterpret_cast<char*>(spans() + span_count); }
        // Whether this entry was kept for exactly this input.
        bool is(std::span<const Span> spans, double width, double size) const;
        std::string_view text(Piece p) const { return std::string_view(chars() + p.begin, p.size); }
        // The lines, as break_lines made them.
        std::vector<LaidLine> laid_lines() const;
        // The entry for this input and its lines; nullopt if a fragment has no span's look
        // (break_lines never makes one) or a text is too long to be counted in 32 bits.
        static std::optional<Entry> of(std::span<const Span> spans, double width, double size,
                                       const std::vector<LaidLine>& lines);
    };
    static size_t footprint(const Entry& entry);
    // Finds share it, so the two editions laid out at once copy lines out side by side (a find
    // copies its lines, and one thread waiting for the other's was the editions' layout's most
    // frequent wait); keep and forget take it alone.
    mutable std::shared_mutex mutex_;
    // Inputs whose hashes are equal are told apart by their spans, width and size.
    std::unordered_multimap<uint64_t, Entry> lines_;
    size_t bytes_ = 0;
    std::atomic<size_t> hits_{0};
    const size_t budget_;
};

}  // namespace boardpack::render::pdf

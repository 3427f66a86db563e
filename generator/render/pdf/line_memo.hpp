// Lines already broken, by what was broken: a build lays the same paragraphs out up to four
// times (each edition's packet and its agenda-only PDF, the public items in both editions),
// and breaking them into lines is most of the layout's work. The lines given back are the ones
// break_lines made the first time, so the pages are the same to the bit.
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
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
    static uint64_t hash(const std::vector<Span>& spans, double width, double size);
    // The lines kept for exactly this input (`hash` is its hash), as a copy, if any.
    std::optional<std::vector<LaidLine>> find(uint64_t hash, const std::vector<Span>& spans, double width, double size);
    // Keeps `lines` for this input (first come, first kept: an input's lines are always the same).
    void keep(uint64_t hash, const std::vector<Span>& spans, double width, double size, const std::vector<LaidLine>& lines);

    // How often find() found the lines, and what is held now (about, in bytes): for tests.
    size_t hits() const;
    size_t bytes() const;

    // The example's lines take 0,86 MB; at ten times its size (bench.py's x10) most are still
    // found (its layout 1.003 M -> 420 M instructions). The memory is the price: up to this
    // much more at the peak of a large meeting.
    static constexpr size_t kDefaultBudget = size_t{8} << 20;

private:
    struct Entry {
        std::vector<Span> spans;
        double width = 0, size = 0;
        std::vector<LaidLine> lines;
        // Whether this entry was kept for exactly this input.
        bool is(const std::vector<Span>& spans, double width, double size) const;
    };
    static size_t footprint(const std::vector<Span>& spans, const std::vector<LaidLine>& lines);
    mutable std::mutex mutex_;
    // Inputs whose hashes are equal are told apart by their spans, width and size.
    std::unordered_multimap<uint64_t, Entry> lines_;
    size_t bytes_ = 0, hits_ = 0;
    const size_t budget_;
};

}  // namespace boardpack::render::pdf

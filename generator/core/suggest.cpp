#include "core/suggest.hpp"
#include "core/messages.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace boardpack {

size_t edit_distance(std::string_view a, std::string_view b) {
    const std::u32string x = decode_utf8(a), y = decode_utf8(b);
    // One row of the Levenshtein table at a time: names are short, but need not be.
    std::vector<size_t> row(y.size() + 1);
    for (size_t j = 0; j <= y.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= x.size(); ++i) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= y.size(); ++j) {
            const size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (x[i - 1] == y[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[y.size()];
}

namespace {

// Names that differ only in digits ("tabel-9.csv", "tabel-1.csv"; "Budget 2024", "Budget 2025")
// name different things: suggesting one for the other would mislead.
bool differ_only_in_digits(const std::u32string& a, const std::u32string& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
        const bool digits = a[i] >= '0' && a[i] <= '9' && b[i] >= '0' && b[i] <= '9';
        if (a[i] != b[i] && !digits) return false;
    }
    return true;
}

}  // namespace

std::optional<std::string> nearest_name(std::string_view name, const std::vector<std::string>& candidates) {
    const std::string folded = fold_label(name);
    std::optional<std::string> best;
    size_t best_distance = 0;
    for (const std::string& c : candidates) {
        if (c == name) continue;
        // A name that differs only in case or spacing is the likeliest slip of all.
        const size_t d = fold_label(c) == folded ? 0 : edit_distance(folded, fold_label(c)) + 1;
        const size_t length = std::max(decode_utf8(folded).size(), decode_utf8(c).size());
        if (d > 1 && d - 1 > std::max<size_t>(1, length / 3)) continue;
        if (d > 0 && differ_only_in_digits(decode_utf8(folded), decode_utf8(fold_label(c)))) continue;
        if (!best || d < best_distance) {
            best = c;
            best_distance = d;
        }
    }
    return best;
}

std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates) {
    const auto best = nearest_name(name, candidates);
    return best ? fmt(_("; did you mean {}?"), quote_text(*best)) : "";
}

}  // namespace boardpack

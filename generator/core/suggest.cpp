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

// The words of a folded name (fold_label leaves one space between words).
std::vector<std::string_view> words_of(std::string_view folded) {
    std::vector<std::string_view> out;
    for (size_t i = 0; i <= folded.size();) {
        const size_t end = std::min(folded.find(' ', i), folded.size());
        if (end > i) out.push_back(folded.substr(i, end - i));
        i = end + 1;
    }
    return out;
}

// Names of as many words that differ in a word by more than a slip ("Region Nordjylland",
// "Region Midtjylland": 4 edits in 18 characters, but a whole other word) name different
// things: each word that differs must be near its counterpart, about one edit in three.
bool a_word_differs_too_much(std::string_view a, std::string_view b) {
    const std::vector<std::string_view> x = words_of(a), y = words_of(b);
    if (x.size() != y.size()) return false;  // a word added or split: the whole name decides
    for (size_t k = 0; k < x.size(); ++k) {
        if (x[k] == y[k]) continue;
        const size_t length = std::max(decode_utf8(x[k]).size(), decode_utf8(y[k]).size());
        if (edit_distance(x[k], y[k]) > std::max<size_t>(1, length / 3)) return true;
    }
    return false;
}

// Whether the words of `part` stand, in order and together, among the words of `whole`
// ("nordjylland" in "region nordjylland").
bool words_within(std::string_view part, std::string_view whole) {
    if (part.empty() || part.size() >= whole.size()) return false;
    for (size_t at = whole.find(part); at != std::string_view::npos; at = whole.find(part, at + 1)) {
        const size_t end = at + part.size();
        if ((at == 0 || whole[at - 1] == ' ') && (end == whole.size() || whole[end] == ' ')) return true;
    }
    return false;
}

}  // namespace

std::optional<std::string> nearest_name(std::string_view name, const std::vector<std::string>& candidates) {
    const std::string folded = fold_label(name);
    std::optional<std::string> best;
    size_t best_distance = 0;
    // A name that differs only in case or spacing is the likeliest slip of all; then one whose
    // words stand whole in the other ("Nordjylland" for "Region Nordjylland", a label
    // shortened or lengthened), if only one candidate does; then the fewest edits.
    std::optional<std::string> within;
    size_t withins = 0;
    for (const std::string& c : candidates) {
        if (c == name) continue;
        const std::string other = fold_label(c);
        if (other == folded) return c;
        if (words_within(folded, other) || words_within(other, folded)) {
            within = c;
            ++withins;
            continue;
        }
        const size_t d = edit_distance(folded, other);
        const size_t length = std::max(decode_utf8(folded).size(), decode_utf8(c).size());
        if (d > std::max<size_t>(1, length / 3)) continue;
        if (differ_only_in_digits(decode_utf8(folded), decode_utf8(other))) continue;
        if (a_word_differs_too_much(folded, other)) continue;
        if (!best || d < best_distance) {
            best = c;
            best_distance = d;
        }
    }
    return withins == 1 ? within : best;
}

std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates) {
    const auto best = nearest_name(name, candidates);
    return best ? fmt(_("; did you mean {}?"), quote_text(*best)) : "";
}

}  // namespace boardpack

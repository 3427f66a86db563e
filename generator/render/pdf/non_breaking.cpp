#include "render/pdf/non_breaking.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace boardpack::render::pdf {

namespace {

// Brackets and quotes before a word, and those and sentence punctuation after it: looked up in
// a table, not with find(), which calls memchr for each (this runs twice for every space the
// line breaker meets, and for every word the HTML keeps with its number).
enum : unsigned char { kLead = 1, kTrail = 2 };
constexpr std::array<unsigned char, 256> kPunctuation = [] {
    std::array<unsigned char, 256> t{};
    for (const unsigned char c : std::string_view("([\"'")) t[c] |= kLead;
    for (const unsigned char c : std::string_view(",;:)]!?\"'")) t[c] |= kTrail;
    return t;
}();
bool is_lead(char c) { return kPunctuation[static_cast<unsigned char>(c)] & kLead; }
bool is_trail(char c) { return kPunctuation[static_cast<unsigned char>(c)] & kTrail; }

// Without surrounding brackets, quotes and sentence punctuation ("(34,4", "kr.,", "2023)"), a
// sentence's full stop after a bracket or quote included ("pct.).").
std::string_view bare(std::string_view w) {
    while (!w.empty() && is_lead(w.front())) w.remove_prefix(1);
    while (!w.empty() && (is_trail(w.back()) || (w.back() == '.' && w.size() >= 2 && is_trail(w[w.size() - 2]))))
        w.remove_suffix(1);
    return w;
}

// Without a sentence's full stop ("2023." at the end of "i september 2023."), which a unit or
// year may have; "kr." keeps its own where it is the word as listed.
std::string_view without_stop(std::string_view w) {
    return w.size() >= 2 && w.back() == '.' ? w.substr(0, w.size() - 1) : w;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// "2023", "34,4", "1.250", "23." (a day), "-5": digits with Danish separators.
bool is_number(std::string_view w) {
    if (!w.empty() && (w.front() == '-' || w.front() == '+')) w.remove_prefix(1);
    if (w.empty() || !is_digit(w.front())) return false;  // most words stop here
    return std::all_of(w.begin(), w.end(), [](char c) { return is_digit(c) || c == '.' || c == ','; });
}

bool is_year(std::string_view w) { return w.size() == 4 && std::all_of(w.begin(), w.end(), is_digit); }

// Whether `w` is one of `list`'s words: a word whose size and first byte no word of the list
// has (most) is ruled out without comparing it with each.
template <size_t N>
class WordList {
public:
    constexpr explicit WordList(const std::array<std::string_view, N>& words) : words_(words) {
        for (const std::string_view w : words) {
            first_[static_cast<unsigned char>(w.front())] = true;
            longest_ = std::max(longest_, w.size());
        }
    }
    bool has(std::string_view w) const {
        if (w.empty() || w.size() > longest_ || !first_[static_cast<unsigned char>(w.front())]) return false;
        return std::find(words_.begin(), words_.end(), w) != words_.end();
    }

private:
    std::array<std::string_view, N> words_;
    std::array<bool, 256> first_{};
    size_t longest_ = 0;
};

template <size_t N>
bool one_of(std::string_view w, const WordList<N>& list) {
    return list.has(w);
}

constexpr WordList<31> kMonths(std::array<std::string_view, 31>{
    "januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november",
    "december", "jan.", "feb.", "febr.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "okt.", "nov.",
    "dec.", "jan", "feb", "aug", "sep", "okt", "nov"});

// Words that follow a number as its unit.
constexpr WordList<28> kUnits(std::array<std::string_view, 28>{
    "kr.", "kr", "mio.", "mio", "mia.", "mia", "t.", "t.kr.", "tkr.", "pct.", "pct", "%", "procent", "procentpoint", "stk.",
    "mdr.", "år", "måneder", "uger", "dage", "timer", "personer", "ansatte", "km", "m²", "€", "EUR", "DKK"});

// Words a number follows: "kl. 10", "nr. 3", "§ 5".
constexpr WordList<6> kBeforeNumber(std::array<std::string_view, 6>{"kl.", "nr.", "§", "pkt.", "punkt", "side"});

}  // namespace

bool joins(std::string_view before, std::string_view after) {
    before = bare(before);
    after = bare(after);
    if (before.empty() || after.empty()) return false;
    // Every rule has a number on one side or "t."/"mio."/"mia." before: most pairs of words are
    // ruled out by their first characters, without looking anything up (this runs for every
    // space the line breaker meets).
    const bool before_number = is_number(before);
    if (before_number)
        return one_of(after, kUnits) || one_of(after, kMonths) || one_of(without_stop(after), kUnits) ||
               one_of(without_stop(after), kMonths);
    if (is_digit(after.front()) || after.front() == '-' || after.front() == '+')
        return (is_year(without_stop(after)) && one_of(before, kMonths)) || (one_of(before, kBeforeNumber) && is_number(after));
    if (before == "t.") return after == "kr." || after == "kr";  // "125,0 t. kr."
    if (before.size() < 3 || before[0] != 'm' || before[1] != 'i') return false;
    return (before == "mio." || before == "mia." || before == "mio" || before == "mia") && (after == "kr." || after == "kr");
}

}  // namespace boardpack::render::pdf

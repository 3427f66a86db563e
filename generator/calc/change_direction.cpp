#include "calc/change_direction.hpp"

#include <array>

#include "calc/chart_periods.hpp"
#include "calc/expression.hpp"
#include "core/text.hpp"

namespace boardpack::calc {

namespace {

// The beginnings of words of falling and of rising, folded: each form of a verb of change
// (direction_words.cpp) and its noun. Words of a result or of an amount ("besparelse",
// "underskud", "indtægter") say no way in time.
constexpr std::array kFalling = {"fald", "reduc", "reduk", "sænk", "minds", "formindsk", "nedbr", "nedsæt", "nedsat",
                                 "nedskær", "nedskåret", "nedskar", "beskær", "beskåret", "beskar", "nedjust", "nedregul",
                                 "nedgang", "tilbagegang"};
constexpr std::array kRising = {"stig", "steg", "øge", "øget", "øgning", "forøg", "forhøj", "hæv", "voks", "udvid",
                                "opjust", "opregul", "vækst", "tilvækst", "fremgang"};

bool begins_with_any(std::string_view word, const auto& beginnings) {
    for (const std::string_view b : beginnings)
        if (word.substr(0, b.size()) == b) return true;
    return false;
}

// The year (1900-2099) a label names, its last if several, and where it starts.
std::optional<std::pair<int, size_t>> year_in(std::string_view s) {
    std::optional<std::pair<int, size_t>> found;
    for (size_t i = 0; i + 4 <= s.size(); ++i) {
        const auto digit = [&](size_t k) { return k < s.size() && s[k] >= '0' && s[k] <= '9'; };
        if (!digit(i) || !digit(i + 1) || !digit(i + 2) || !digit(i + 3)) continue;
        if ((i > 0 && digit(i - 1)) || digit(i + 4)) continue;
        const int y = (s[i] - '0') * 1000 + (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 + (s[i + 3] - '0');
        if (y >= 1900 && y <= 2099) found = std::make_pair(y, i);
    }
    return found;
}

// The part of a year a label names, as a month number (a quarter as its first month): "1. kvt.",
// "2. kvartal", "K3", "Q4", "1. halvår", "marts", "okt.". nullopt where it names none.
std::optional<int> month_in(const std::string& folded) {
    for (size_t m = 0; m < kMonthNames.size(); ++m)
        if (folded.find(kMonthNames[m]) != std::string::npos) return static_cast<int>(m) + 1;
    // A month's short name as a word of its own: "Okt. 2022", "01. mar. 2023", "Sept. 2021".
    const auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (static_cast<unsigned char>(c) & 0x80); };
    for (size_t i = 0; i < folded.size();) {
        if (!letter(folded[i])) {
            ++i;
            continue;
        }
        size_t end = i;
        while (end < folded.size() && letter(folded[end])) ++end;
        std::string_view word = std::string_view(folded).substr(i, end - i);
        if (word == "sept") word = "sep";
        for (size_t m = 0; m < kMonthShortNames.size(); ++m)
            if (word == kMonthShortNames[m]) return static_cast<int>(m) + 1;
        i = end;
    }
    for (size_t i = 0; i < folded.size(); ++i) {
        const char c = folded[i];
        if (c < '1' || c > '4') continue;
        if (i > 0 && folded[i - 1] >= '0' && folded[i - 1] <= '9') continue;
        const std::string_view after = std::string_view(folded).substr(i + 1);
        const int n = c - '0';
        // "1. kvt.", "1. kvartal", "1.kvt"; "1. halvår" (1 or 2)
        if (after.starts_with(". kv") || after.starts_with(".kv") || after.starts_with(" kv")) return (n - 1) * 3 + 1;
        if ((after.starts_with(". halv") || after.starts_with(".halv")) && n <= 2) return (n - 1) * 6 + 1;
        // "K1", "Q1", "2023K1"
        if (i > 0 && (folded[i - 1] == 'k' || folded[i - 1] == 'q') && (i + 1 >= folded.size() || folded[i + 1] < '0' ||
                                                                          folded[i + 1] > '9'))
            return (n - 1) * 3 + 1;
    }
    return std::nullopt;
}

// A month written as Excel writes it by default, with a two-digit year: "dec-22", "jan-23",
// "Dec. 22", "okt 23" (the whole label): the year (2000 + the digits) and the month. nullopt
// for any other label.
std::optional<std::pair<int, int>> short_month_year(std::string_view label) {
    const std::string folded = fold_label(label);
    std::string_view s = folded;
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    if (s.size() < 5) return std::nullopt;
    const auto digit = [](char c) { return c >= '0' && c <= '9'; };
    const std::string_view year = s.substr(s.size() - 2);
    if (!digit(year[0]) || !digit(year[1])) return std::nullopt;
    std::string_view month = s.substr(0, s.size() - 2);
    if (month.back() != '-' && month.back() != ' ' && month.back() != '.') return std::nullopt;
    while (!month.empty() && (month.back() == '-' || month.back() == ' ' || month.back() == '.')) month.remove_suffix(1);
    if (month == "sept") month = "sep";
    for (size_t m = 0; m < kMonthShortNames.size(); ++m)
        if (month == kMonthShortNames[m] || month == kMonthNames[m] || (m == 4 && month == "may") || (m == 9 && month == "oct"))
            return std::make_pair(2000 + (year[0] - '0') * 10 + (year[1] - '0'), static_cast<int>(m) + 1);
    return std::nullopt;
}

}  // namespace

bool names_period(std::string_view heading) {
    return year_in(heading).has_value() || short_month_year(heading).has_value();
}

int direction_of_words(std::string_view phrase, std::string_view rose, std::string_view fell) {
    const std::string folded = fold_label(phrase);
    const std::string_view first = std::string_view(folded).substr(0, folded.find(' '));
    if (!fell.empty() && first == fold_label(fell)) return -1;
    if (!rose.empty() && first == fold_label(rose)) return 1;
    // "gået ned med", "sat op med": the direction is the word before "med".
    if (folded.find(" ned med") != std::string::npos || first == "ned") return -1;
    if (folded.find(" op med") != std::string::npos || first == "op") return 1;
    if (begins_with_any(first, kFalling)) return -1;
    if (begins_with_any(first, kRising)) return 1;
    return 0;
}

std::optional<int> period_order(std::string_view a, std::string_view b) {
    const auto ya = year_in(a), yb = year_in(b);
    if (!ya || !yb) {
        // "dec-22" before "jan-23", as Excel heads months (a probe's fall of 270 was "steget med 270").
        const auto sa = ya ? std::nullopt : short_month_year(a), sb = yb ? std::nullopt : short_month_year(b);
        if (!sa || !sb || *sa == *sb) return std::nullopt;
        return *sa > *sb ? 1 : -1;
    }
    if (ya->first != yb->first) return ya->first > yb->first ? 1 : -1;
    const auto ma = month_in(fold_label(a)), mb = month_in(fold_label(b));
    if (!ma || !mb || *ma == *mb) return std::nullopt;
    return *ma > *mb ? 1 : -1;
}

std::optional<int> operands_order(const Expr& a, const Expr& b) {
    if (a.kind == Expr::Kind::Label && b.kind == Expr::Kind::Label) return period_order(a.text, b.text);
    if (a.kind != Expr::Kind::Cell || b.kind != Expr::Kind::Cell || a.cell.size() != b.cell.size() ||
        fold_label(a.text) != fold_label(b.text))
        return std::nullopt;
    if (a.cell.size() == 1) return period_order(a.cell[0], b.cell[0]);  // two values of one calculation
    if (a.cell.size() != 2) return std::nullopt;
    if (fold_label(a.cell[0]) == fold_label(b.cell[0])) return period_order(a.cell[1], b.cell[1]);
    if (fold_label(a.cell[1]) == fold_label(b.cell[1])) return period_order(a.cell[0], b.cell[0]);
    return std::nullopt;
}

}  // namespace boardpack::calc

#include "calc/chart_periods.hpp"

#include <cctype>
#include <string>
#include <vector>

#include "core/text.hpp"

namespace boardpack::calc {

namespace {

// The words of a folded label: runs of letters or of digits, each apart ("2023k1" is "2023",
// "k", "1"; "01. apr. 2023" is "01", "apr", "2023"). Spaces, dots and hyphens only part them,
// and so does a star (a provisional figure's mark, "2023*"); any other character (a slash, a
// bracket) is none of a period's.
struct Words {
    std::vector<std::string> words;
    bool ok = true;
};

Words words_of(const std::string& folded) {
    Words out;
    std::string word;
    bool digits = false;
    const auto end_word = [&] {
        if (!word.empty()) out.words.push_back(word);
        word.clear();
    };
    for (size_t i = 0; i < folded.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(folded[i]);
        if (std::isdigit(c) || std::isalpha(c) || c >= 0x80) {
            const bool d = std::isdigit(c) != 0;
            if (!word.empty() && d != digits) end_word();
            digits = d;
            word += folded[i];
        } else if (c == ' ' || c == '.' || c == '-' || c == '*') {
            end_word();
        } else {
            out.ok = false;  // "2023/24", "(2016=100)": no period of these forms
            return out;
        }
    }
    end_word();
    return out;
}

bool all_digits(const std::string& w) {
    if (w.empty()) return false;
    for (const char c : w)
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return true;
}

std::optional<int> year_of(const std::string& w) {
    if (w.size() != 4 || !all_digits(w)) return std::nullopt;
    const int y = std::stoi(w);
    if (y < 1900 || y > 2199) return std::nullopt;
    return y;
}

std::optional<int> small_number(const std::string& w, int lo, int hi) {
    if (w.empty() || w.size() > 2 || !all_digits(w)) return std::nullopt;
    const int v = std::stoi(w);
    if (v < lo || v > hi) return std::nullopt;
    return v;
}

// A month's number from its Danish name, whole or shortened to three letters or more
// ("sep", "sept", "september"); 0 for none.
int month_of(const std::string& w) {
    for (size_t m = 0; m < kMonthNames.size(); ++m) {
        const std::string_view name = kMonthNames[m];
        if (w == name || (w.size() >= 3 && w.size() < name.size() && name.starts_with(w))) return static_cast<int>(m) + 1;
    }
    return 0;
}

bool is_quarter_word(const std::string& w) { return w == "kvt" || w == "kv" || w == "kvartal"; }
bool is_half_word(const std::string& w) { return w == "halvår" || w == "halvaar"; }

double start(int year, int month, double day = 1) { return year * 12.0 + (month - 1) + (day - 1) / 31.0; }

}  // namespace

std::optional<double> period_start(std::string_view label) {
    const Words parsed = words_of(fold_label(trim(label)));
    if (!parsed.ok || parsed.words.empty()) return std::nullopt;
    const std::vector<std::string>& w = parsed.words;
    const size_t n = w.size();
    const std::optional<int> last_year = year_of(w[n - 1]);
    const std::optional<int> first_year = year_of(w[0]);
    if (n == 1) {
        if (first_year) return start(*first_year, 1);  // "2019"
        return std::nullopt;
    }
    // The year first: "2023k1", "2023 q1", "2023h2", "2023-04", "2023-04-01", "2023m04".
    if (first_year) {
        if (n == 3 && (w[1] == "k" || w[1] == "q"))
            if (const auto q = small_number(w[2], 1, 4)) return start(*first_year, 3 * (*q - 1) + 1);
        if (n == 3 && w[1] == "h")
            if (const auto h = small_number(w[2], 1, 2)) return start(*first_year, 6 * (*h - 1) + 1);
        if (n == 3 && w[1] == "m")
            if (const auto m = small_number(w[2], 1, 12)) return start(*first_year, *m);
        if (n == 2)
            if (const auto m = small_number(w[1], 1, 12); m && w[1].size() == 2) return start(*first_year, *m);
        if (n == 3)
            if (const auto m = small_number(w[1], 1, 12); m && w[1].size() == 2)
                if (const auto d = small_number(w[2], 1, 31); d && w[2].size() == 2) return start(*first_year, *m, *d);
        return std::nullopt;
    }
    // A month as Excel heads it by default, with two digits of a year of this century: "dec-22".
    if (n == 2 && w[1].size() == 2 && all_digits(w[1]))
        if (const int m = month_of(w[0])) return start(2000 + std::stoi(w[1]), m);
    if (!last_year) return std::nullopt;
    // The year last: "dec 2016", "april 2023", "01 apr 2023", "1 kvt 2023", "k1 2023", "q1 2023",
    // "2 halvår 2022", "h2 2022".
    if (n == 2) {
        if (const int m = month_of(w[0])) return start(*last_year, m);
        return std::nullopt;
    }
    if (n == 3) {
        if (const int m = month_of(w[1]))
            if (const auto d = small_number(w[0], 1, 31)) return start(*last_year, m, *d);
        if ((w[0] == "k" || w[0] == "q")) {
            if (const auto q = small_number(w[1], 1, 4)) return start(*last_year, 3 * (*q - 1) + 1);
            return std::nullopt;
        }
        if (w[0] == "h") {
            if (const auto h = small_number(w[1], 1, 2)) return start(*last_year, 6 * (*h - 1) + 1);
            return std::nullopt;
        }
        if (const auto q = small_number(w[0], 1, 4); q && is_quarter_word(w[1])) return start(*last_year, 3 * (*q - 1) + 1);
        if (const auto h = small_number(w[0], 1, 2); h && is_half_word(w[1])) return start(*last_year, 6 * (*h - 1) + 1);
    }
    return std::nullopt;
}

}  // namespace boardpack::calc

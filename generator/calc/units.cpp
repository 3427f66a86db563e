#include "calc/units.hpp"

#include <algorithm>
#include <string_view>
#include <vector>

#include "core/text.hpp"

namespace boardpack::calc {

std::string cell_unit(const std::string& figures_unit, const std::string& written_unit) {
    if (written_unit == "%" || written_unit == "pct.") return "pct.";
    if (written_unit == kPoints) return kPoints;  // a cell computed as the difference of two shares
    return figures_unit.empty() ? "kr." : figures_unit;
}


namespace {

// Number of decimal digits in a power of ten (1000000 -> 6).
int digits_of(int64_t power) {
    int d = 0;
    for (; power > 1; power /= 10) ++d;
    return d;
}

}  // namespace

std::optional<Value> in_unit(const Value& v, const std::string& unit) {
    const int64_t f = kroner_per(v.unit), t = kroner_per(unit);
    if (!v.is_number() || f <= 0 || t <= 0 || f == t) return v;
    const auto n = convert_amount(v.number, v.unit, unit);
    if (!n) return std::nullopt;
    Value out = v;
    out.number = *n;
    out.unit = unit;
    const int decimals = std::max(0, v.decimals);
    if (t < f) {
        out.decimals = std::max(0, decimals - digits_of(f / t));
    } else {
        // As many more decimals as the value needs to stay exact (3.000.000 kr. is 3 mio. kr.).
        int d = decimals + digits_of(t / f);
        while (d > decimals && n->rounded(d - 1) == *n) --d;
        out.decimals = d;
    }
    return out;
}

namespace {

// Millions or billions: never a count, unlike kr., the unit of a table without "talenhed".
bool large_amount(const std::string& unit) { return kroner_per(unit) > 1; }

}  // namespace

bool units_conflict(const std::string& from, const std::string& to) {
    const bool from_share = from == "pct." || from == kPoints, to_share = to == "pct." || to == kPoints;
    if (from_share) return kroner_per(to) > 0 || (to_share && from != to);  // a share shown as kroner, points as a share
    return to_share && large_amount(from);
}

std::optional<std::string> common_unit(const std::string& a, const std::string& b) {
    if (a == b || b.empty()) return a;
    if (a.empty()) return b;
    const auto share = [](const std::string& u) { return u == "pct." || u == kPoints; };
    if ((share(a) && large_amount(b)) || (share(b) && large_amount(a))) return std::nullopt;
    if (share(a) && share(b)) return std::string("pct.");
    const int64_t ka = kroner_per(a), kb = kroner_per(b);
    if (ka > 0 && kb > 0) return ka > kb ? a : b;
    return std::string();
}

namespace {

// A scaled amount unit a word names ("mio", "mill", "millioner"), or "". Words are string
// views, compared by their length first: every word of every heading, title and label read
// for its unit is tried against each spelling.
std::string_view scale_of(std::string_view w) {
    if (w == "mio" || w == "mill" || w == "mil" || w == "million" || w == "millioner") return "mio. kr.";
    if (w == "mia" || w == "mrd" || w == "milliard" || w == "milliarder") return "mia. kr.";
    // "000" and "'000" as exports write thousands ("(000 kr.)", "(DKK '000)").
    if (w == "t" || w == "tus" || w == "tusind" || w == "tusinde" || w == "1000" || w == "000" || w == "'000" ||
        w == "\xE2\x80\x99" "000")
        return "t. kr.";
    return "";
}

bool is_money(std::string_view w) { return w == "kr" || w == "dkk" || w == "kroner"; }

}  // namespace

namespace {

struct TitleWord {
    std::string text;
    bool starts = false, ends = false;  // the first, the last word of its clause
    bool alone = false;                 // the only word in its parentheses ("(mio)")
};

// A text's words, lower case without dots, and where each stands in its clause: a clause is
// what parentheses, ",", ";", ":" or a dash standing alone set apart ("Udgifter 2024, 1.000
// kr." has the clauses "Udgifter 2024" and "1.000 kr."). The words with their places in one
// vector, not a vector for each, made at its size: one heap block for a heading's few words
// (words_of reads every heading, title and label), not four and more as they grew.
struct TitleWords {
    std::vector<TitleWord> words;
    std::string_view operator[](size_t i) const { return words[i].text; }
    bool starts(size_t i) const { return words[i].starts; }
    bool ends(size_t i) const { return words[i].ends; }
    bool alone(size_t i) const { return words[i].alone; }
    size_t size() const { return words.size(); }
};

bool digit_char(char ch) { return ch >= '0' && ch <= '9'; }

TitleWords words_of(const std::string& text) {
    TitleWords out;
    size_t most = 1;  // words: one more than the spaces and marks that part them
    for (const char ch : text) most += ch == ' ' || ch == '\t' || ch == '(' || ch == ')' || ch == ',' || ch == '/' || ch == ';' || ch == ':';
    out.words.reserve(most);
    std::string word;
    bool clause_start = true;          // the next word starts a clause
    size_t open = std::string::npos;   // the index of the first word after "("
    const auto end_clause = [&] {
        if (!out.words.empty()) out.words.back().ends = true;
        clause_start = true;
    };
    const auto end_word = [&] {
        if (word == "-" || word == "\xE2\x80\x93") {  // a dash standing alone: "2024 - beløb i mio."
            word.clear();
            end_clause();
            return;
        }
        if (word.empty()) return;
        out.words.push_back({std::move(word), clause_start});
        clause_start = false;
        word.clear();  // (moved from: made empty to be grown again)
    };
    for (size_t i = 0; i < text.size(); ++i) {
        const char ch = text[i];
        if (ch == '.') continue;
        // "4,2" is one number, not a clause break.
        if (ch == ',' && !word.empty() && digit_char(word.back()) && i + 1 < text.size() && digit_char(text[i + 1])) {
            word += ch;
            continue;
        }
        if (ch == ' ' || ch == '\t') {
            end_word();
            continue;
        }
        if (ch == '(' || ch == ')' || ch == ',' || ch == '/' || ch == ';' || ch == ':') {
            end_word();
            if (ch != '/') end_clause();
            if (ch == '(') open = out.words.size();
            if (ch == ')' && open != std::string::npos && out.words.size() == open + 1) out.words[open].alone = true;
            if (ch == ')') open = std::string::npos;
            continue;
        }
        word += static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
    }
    end_word();
    end_clause();
    return out;
}

bool is_number(std::string_view w) { return w.find_first_not_of("0123456789,-") == std::string_view::npos; }

// Whether "1.000" at word i, beside the money word next to it, names thousands of kroner, not an
// amount of 1.000 kr.: "(1.000 kr.)", "2024, 1.000 kr.", "(kr. 1.000)", "(DKK 1.000)" fill a clause
// of their own; "i 1.000 kr." says what the figures are in. "Tilskud på 1.000 kr." is an amount.
bool thousands_named(const TitleWords& t, size_t first, size_t last) {
    if (first > 0 && (t[first - 1] == "i" || t[first - 1] == "enhed" || t[first - 1] == "enheder")) return true;
    // "(hele 1.000 kr.)", "beløb i hele 1.000 kr.", as budgets write it; "på hele 1.000 kr." is an amount.
    if (first > 0 && t[first - 1] == "hele" && (t.starts(first - 1) || (first >= 2 && t[first - 2] == "i"))) return true;
    return t.starts(first) && t.ends(last);
}

// "'000", as English accounts write thousands ("DKK '000").
bool thousands_mark(std::string_view w) { return w == "'000" || w == "\xE2\x80\x99" "000"; }

}  // namespace

std::string unit_named_in(const std::string& text) {
    const TitleWords t = words_of(text);
    for (size_t i = 0; i < t.size(); ++i) {
        const std::string_view w = t[i];
        // "4,2 mio. kr." is an amount, not the unit of a column; "2024 (mio. kr.)" is a unit.
        if (i > 0 && !t.starts(i) && is_number(t[i - 1])) continue;
        // Written as one word: "mio.kr.", "tkr.".
        if (w == "miokr" || w == "millkr" || w == "miodkk") return "mio. kr.";
        if (w == "miakr" || w == "mrdkr") return "mia. kr.";
        if (w == "tkr" || w == "1000kr" || w == "000kr" || w == "tdkk" || w == "kdkk" || w == "kkr") return "t. kr.";
        if (w == "mkr" || w == "mdkk") return "mio. kr.";
        // "kr. 1.000", "DKK 1.000", "DKK '000": the money word first.
        if (is_money(w) && i + 1 < t.size() && !t.ends(i) && (t[i + 1] == "1000" || t[i + 1] == "000" || thousands_mark(t[i + 1])) &&
            thousands_named(t, i, i + 1))
            return "t. kr.";
        // "Beløb kr. (1.000)": the thousands in parentheses of their own right after the money word.
        if (is_money(w) && t.ends(i) && i + 1 < t.size() && t[i + 1] == "1000" && t.alone(i + 1)) return "t. kr.";
        const std::string scale(scale_of(w));
        if (scale.empty()) continue;
        // The money word in the same clause: "T (kr.)" is a column T in kroner, not "t. kr.".
        const bool amount = i + 1 < t.size() && !t.ends(i) && is_money(t[i + 1]);
        if (w == "1000" || w == "000" || thousands_mark(w)) {
            if (amount && (w != "1000" || thousands_named(t, i, i + 1))) return scale;  // "(1.000 kr.)", not "på 1.000 kr."
            // "(kr. i 1.000)", as the money word first.
            if (i >= 2 && t[i - 1] == "i" && !t.ends(i - 2) && !t.ends(i - 1) && is_money(t[i - 2]) && t.ends(i)) return scale;
            continue;
        }
        if (amount) return scale;                                                    // "mio. kr."
        if (i >= 2 && t[i - 1] == "i" && !t.ends(i - 2) && !t.ends(i - 1) && is_money(t[i - 2])) return scale;  // "kr. i mio."
        if (i >= 2 && t[i - 1] == "i" && t[i - 2] == "beløb" && t.ends(i)) return scale;  // "beløb i mio."
        if (t.alone(i) && scale != "t. kr.") return scale;                          // "(mio)"
    }
    return "";
}

bool names_kroner(const std::string& text) {
    const TitleWords t = words_of(text);
    for (size_t i = 0; i < t.size(); ++i) {
        if (!is_money(t[i])) continue;
        if (i + 1 < t.size() && !t.ends(i)) {
            const std::string_view next = t[i + 1];
            if (next == "1000" || !scale_of(next).empty()) continue;  // "kr. 1.000": unit_named_in's
            if (next == "i" && i + 2 < t.size() && (t[i + 2] == "1000" || !scale_of(t[i + 2]).empty()))
                continue;  // "kr. i mio.": unit_named_in's
            if (next == "i" && t.starts(i)) return true;  // "(kr. i 2024-priser)"
        }
        if (i > 0 && !t.starts(i) && (is_number(t[i - 1]) || !scale_of(t[i - 1]).empty())) continue;  // "1.000 kr.", "mio. kr."
        if (t.alone(i) || t.ends(i)) return true;  // "(kr.)", "2024, kr.", "Udgift kr."
        if (i > 0 && !t.starts(i) && t[i - 1] == "i" && t.ends(i)) return true;  // "beløb i kr.", "i kroner"
    }
    return false;
}

std::string unit_word_at(const std::string& text) {
    // Folded: a non-breaking space ("5\u00A0mio. kr.") is a space.
    const std::string folded = fold_label(text);
    // A unit that is the figure's follows it at once or after a space; one after "," or ")" is not.
    if (folded.empty() || folded[0] == '.' || folded[0] == ',' || folded[0] == ')' || folded[0] == ';' || folded[0] == ':')
        return "";
    const TitleWords t = words_of(folded);
    if (t.words.empty() || !t.starts(0)) return "";
    const std::string_view w = t[0];
    const std::string_view next = t.size() > 1 && !t.ends(0) ? t[1] : "";
    for (const char* points : {"pct-point", "procentpoint", "procent-point", "%-point", "%point", "pctpoint"})
        if (w == points) return "pct.-point";
    if (w == "%" || w == "pct" || w == "procent") return next == "point" ? "pct.-point" : "pct.";
    if (w == "tkr") return "t. kr.";
    if (w == "miokr" || w == "millkr" || w == "miodkk") return "mio. kr.";
    if (w == "miakr" || w == "mrdkr") return "mia. kr.";
    if (is_money(w) || w == "krone") return "kr.";
    const std::string scale(scale_of(w));
    // "t." and "1.000" are thousands only before the money word ("t. kr."); "mio." is millions alone.
    if (scale == "t. kr.") return w != "1000" && is_money(next) ? scale : "";
    return scale;
}

}  // namespace boardpack::calc

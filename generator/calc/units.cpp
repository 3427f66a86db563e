#include "calc/units.hpp"

#include <algorithm>
#include <vector>

#include "core/text.hpp"

namespace boardpack::calc {

int64_t kroner_per(const std::string& unit) {
    if (unit == "kr.") return 1;
    if (unit == "mio. kr.") return 1000000;
    if (unit == "mia. kr.") return 1000000000;
    return 0;
}

std::string cell_unit(const std::string& figures_unit, const std::string& written_unit) {
    if (written_unit == "%" || written_unit == "pct.") return "pct.";
    return figures_unit.empty() ? "kr." : figures_unit;
}

std::string printed_unit(const model::Table& t) { return !t.unit.empty() ? t.unit : cell_unit(t.figures_unit, ""); }

std::optional<Decimal> convert_amount(const Decimal& amount, const std::string& from, const std::string& to) {
    const int64_t f = kroner_per(from), t = kroner_per(to);
    if (f <= 0 || t <= 0 || f == t) return amount;
    // Dividing by a power of ten keeps the count and adds its digits: exact. Multiplying may not fit.
    if (t > f) return Decimal::div(amount, Decimal(t / f, 0));
    return Decimal::mul(amount, Decimal(f / t, 0));
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
    if (from == "pct.") return kroner_per(to) > 0;  // a share shown as kroner
    return to == "pct." && large_amount(from);
}

std::optional<std::string> common_unit(const std::string& a, const std::string& b) {
    if (a == b || b.empty()) return a;
    if (a.empty()) return b;
    if ((a == "pct." && large_amount(b)) || (b == "pct." && large_amount(a))) return std::nullopt;
    const int64_t ka = kroner_per(a), kb = kroner_per(b);
    if (ka > 0 && kb > 0) return ka > kb ? a : b;
    return std::string();
}

namespace {

// A scaled amount unit a word names ("mio", "mill", "millioner"), or "".
std::string scale_of(const std::string& w) {
    if (w == "mio" || w == "mill" || w == "million" || w == "millioner") return "mio. kr.";
    if (w == "mia" || w == "mrd" || w == "milliard" || w == "milliarder") return "mia. kr.";
    if (w == "t" || w == "tus" || w == "tusind" || w == "tusinde" || w == "1000") return "t. kr.";
    return "";
}

bool is_money(const std::string& w) { return w == "kr" || w == "dkk" || w == "kroner"; }

}  // namespace

std::string unit_named_in(const std::string& text) {
    // The words, in lower case without dots, and which stand alone in parentheses ("(mio)").
    std::vector<std::string> words;
    std::vector<bool> alone, first;  // alone in parentheses; first in parentheses ("2024 (mio. kr.)")
    std::string word;
    size_t open = std::string::npos;  // the index of the first word after "("
    const auto end_word = [&] {
        if (!word.empty()) words.push_back(word), alone.push_back(false), first.push_back(words.size() - 1 == open);
        word.clear();
    };
    for (char ch : text) {
        if (ch == '.') continue;
        if (ch == ' ' || ch == '\t' || ch == '(' || ch == ')' || ch == ',' || ch == '/' || ch == ';' || ch == ':') {
            end_word();
            if (ch == '(') open = words.size();
            if (ch == ')' && open != std::string::npos && words.size() == open + 1) alone[open] = true;
            if (ch == ')') open = std::string::npos;
            continue;
        }
        word += static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
    }
    end_word();
    for (size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i];
        // "4,2 mio. kr." is an amount, not the unit of a column; "2024 (mio. kr.)" is a unit.
        if (i > 0 && !first[i] && words[i - 1].find_first_not_of("0123456789,-") == std::string::npos) continue;
        // Written as one word: "mio.kr.", "tkr.".
        if (w == "miokr" || w == "millkr" || w == "miodkk") return "mio. kr.";
        if (w == "miakr" || w == "mrdkr") return "mia. kr.";
        if (w == "tkr" || w == "1000kr") return "t. kr.";
        const std::string scale = scale_of(w);
        if (scale.empty()) continue;
        if (i + 1 < words.size() && is_money(words[i + 1])) return scale;            // "mio. kr."
        if (i >= 2 && words[i - 1] == "i" && is_money(words[i - 2])) return scale;  // "kr. i mio."
        if (alone[i] && scale != "t. kr.") return scale;                             // "(mio)"
    }
    return "";
}

}  // namespace boardpack::calc

#include "calc/units.hpp"

#include <algorithm>

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

std::string unit_named_in(const std::string& text) {
    const std::string f = fold_label(text);
    for (const char* unit : {"mio. kr.", "mia. kr.", "t. kr."})
        if (f.find(unit) != std::string::npos) return unit;
    if (f.find("1.000 kr.") != std::string::npos) return "t. kr.";
    return "";
}

}  // namespace boardpack::calc

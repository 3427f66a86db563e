#include "calc/options.hpp"
#include "core/messages.hpp"

#include "numbers/danish_number.hpp"
#include "core/text.hpp"

namespace boardpack::calc {

std::optional<Options> parse_options(const std::string& text, bool allow_range, FormulaError* error) {
    Options o;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find(", ", start);
        if (end == std::string::npos) end = text.size();
        const std::string part(trim(std::string_view(text).substr(start, end - start)));
        const std::string f = fold_label(part);
        auto bad = [&](std::string msg) -> std::optional<Options> {
            *error = FormulaError::at_column(static_cast<int>(start), std::move(msg));
            return std::nullopt;
        };
        if (f.rfind("decimaler ", 0) == 0) {
            const std::string n(trim(std::string_view(f).substr(10)));
            if (n.size() != 1 || n[0] < '0' || n[0] > '6') return bad(_("\"decimaler\" takes a whole number from 0 to 6"));
            o.decimals = n[0] - '0';
        } else if (f.rfind("tolerance ", 0) == 0) {
            std::string hint;
            const std::string written(trim(std::string_view(f).substr(10)));
            auto n = read_danish_number(written, &hint);
            // "tolerance 0.500" is not 500: a number written another way is an error saying how.
            if (!n && !hint.empty()) return bad(fmt(_("{} is not a Danish number: {}"), quote_text(written), hint));
            if (!n || n->value.is_negative()) return bad(_("\"tolerance\" takes a number, e.g. \"tolerance 2\""));
            o.tolerance = n->value;
        } else if (f.rfind("rækker ", 0) == 0 || f.rfind("kolonner ", 0) == 0) {
            if (!allow_range) return bad(_("\"rækker\" and \"kolonner\" only apply to a table's formulas"));
            const size_t sp = part.find(' ');
            const std::string range(trim(std::string_view(part).substr(sp + 1)));
            const size_t dots = range.find(" .. ");
            if (dots == std::string::npos) return bad(_("write the range as \"rækker Fra .. Til\""));
            o.from = std::string(trim(std::string_view(range).substr(0, dots)));
            o.to = std::string(trim(std::string_view(range).substr(dots + 4)));
        } else if (f == "kr." || f == "mio. kr." || f == "mia. kr." || f == "pct.") {
            o.unit = f;
        } else if (f == "verbum") {
            o.verb = true;
        } else {
            return bad(fmt(_("unknown option {} (known: decimaler N, tolerance N, rækker A .. B, kolonner A .. B, kr., "
                             "mio. kr., mia. kr., pct., verbum)"), quote_text(part)));
        }
        start = end + 2;
    }
    return o;
}

namespace {

// Number of decimal digits in a power of ten (1000000 -> 6).
int digits_of(int64_t power) {
    int d = 0;
    for (; power > 1; power /= 10) ++d;
    return d;
}

}  // namespace

std::string format_value(const Value& v, const Options& o, const Words& words, bool* lost_to_zero) {
    switch (v.kind) {
        case Value::Kind::Missing: return v.text;
        case Value::Kind::Text:
            if (o.verb) {
                if (v.text == words.falling) return words.fell;
                if (v.text == words.rising) return words.rose;
            }
            return v.text;
        case Value::Kind::Number: break;
    }
    Decimal n = v.number;
    int decimals = v.decimals < 0 ? 0 : v.decimals;
    // Amounts convert from the unit they are written in (a table in mio. kr.) to the one asked
    // for, so a figure already in millions is not divided again.
    const int64_t to = kroner_per(o.unit);
    const int64_t from = o.source_unit.empty() ? 1 : kroner_per(o.source_unit);
    if (to > 0 && from > 0 && to != from) {
        if (to > from) {
            // Dividing by a power of ten keeps the count and adds its digits: it always fits.
            if (const auto q = Decimal::div(n, Decimal(to / from, 0))) n = *q;
            decimals = 1;
        } else {
            // Multiplying can overflow only beyond 18 digits, which no amount reaches; keep the
            // value as written if it would.
            if (const auto p = Decimal::mul(n, Decimal(from / to, 0))) n = *p;
            decimals = decimals > digits_of(from / to) ? decimals - digits_of(from / to) : 0;
        }
    }
    if (o.decimals >= 0) decimals = o.decimals;
    std::string s = format_danish(n, decimals);
    if (lost_to_zero) *lost_to_zero = !n.is_zero() && n.rounded(decimals).is_zero();
    if (!o.unit.empty()) s += " " + o.unit;
    return s;
}

}  // namespace boardpack::calc

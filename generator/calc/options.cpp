#include "calc/options.hpp"

#include "calc/danish_number.hpp"
#include "core/text.hpp"

namespace boardpack::calc {

std::optional<Options> parse_options(const std::string& text, bool allow_range, std::string* error, int* column) {
    Options o;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find(", ", start);
        if (end == std::string::npos) end = text.size();
        const std::string part(trim(std::string_view(text).substr(start, end - start)));
        const std::string f = fold_label(part);
        auto bad = [&](std::string msg) -> std::optional<Options> {
            *error = std::move(msg);
            *column = static_cast<int>(utf8_length(std::string_view(text).substr(0, start)));
            return std::nullopt;
        };
        if (f.rfind("decimaler ", 0) == 0) {
            const std::string n(trim(std::string_view(f).substr(10)));
            if (n.size() != 1 || n[0] < '0' || n[0] > '6') return bad("\"decimaler\" takes a whole number from 0 to 6");
            o.decimals = n[0] - '0';
        } else if (f.rfind("tolerance ", 0) == 0) {
            auto n = read_danish_number(f.substr(10));
            if (!n || n->value.is_negative()) return bad("\"tolerance\" takes a number, e.g. \"tolerance 2\"");
            o.tolerance = n->value;
        } else if (f.rfind("rækker ", 0) == 0 || f.rfind("kolonner ", 0) == 0) {
            if (!allow_range) return bad("\"rækker\" and \"kolonner\" only apply to a table's formulas");
            const size_t sp = part.find(' ');
            const std::string range(trim(std::string_view(part).substr(sp + 1)));
            const size_t dots = range.find(" .. ");
            if (dots == std::string::npos) return bad("write the range as \"rækker Fra .. Til\"");
            o.from = std::string(trim(std::string_view(range).substr(0, dots)));
            o.to = std::string(trim(std::string_view(range).substr(dots + 4)));
        } else if (f == "kr." || f == "mio. kr." || f == "pct.") {
            o.unit = f;
        } else if (f == "verbum") {
            o.verb = true;
        } else {
            return bad("unknown option " + quote_text(part) +
                       " (known: decimaler N, tolerance N, rækker A .. B, kolonner A .. B, kr., mio. kr., pct., verbum)");
        }
        start = end + 2;
    }
    return o;
}

std::string format_value(const Value& v, const Options& o, const Words& words) {
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
    if (o.unit == "mio. kr.") {
        // Dividing by a million keeps the count and adds 6 decimals: it always fits.
        if (const auto millions = Decimal::div(n, Decimal(1000000, 0))) n = *millions;
        decimals = 1;
    }
    if (o.decimals >= 0) decimals = o.decimals;
    std::string s = format_danish(n, decimals);
    if (!o.unit.empty()) s += " " + o.unit;
    return s;
}

}  // namespace boardpack::calc

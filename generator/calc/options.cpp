#include "calc/options.hpp"
#include "core/messages.hpp"

#include <algorithm>
#include <set>

#include "numbers/danish_number.hpp"
#include "core/text.hpp"

namespace boardpack::calc {

namespace {

// A unit a figure may be printed in: an amount unit, a share or percentage points.
bool is_figure_unit(const std::string& unit) { return kroner_per(unit) > 0 || unit == "pct." || unit == kPoints; }

}  // namespace

std::optional<Options> parse_options(const std::string& text, bool allow_range, FormulaError* error) {
    Options o;
    std::set<std::string> given;  // the options seen, a unit as "unit"
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find(", ", start);
        if (end == std::string::npos) end = text.size();
        const std::string part(trim(std::string_view(text).substr(start, end - start)));
        // "| tkr." is "| t. kr.": one spelling of each unit is compared and printed.
        const std::string f = canonical_unit(fold_label(part));
        auto bad = [&](std::string msg) -> std::optional<Options> {
            *error = FormulaError::at_column(static_cast<int>(start), std::move(msg));
            return std::nullopt;
        };
        // An option given twice ("kr., pct.", "decimaler 1, decimaler 3") would have the last win,
        // silently: which one was meant is the writer's to say.
        const std::string kind = f.substr(0, f.find(' '));
        const bool is_unit = is_figure_unit(f);
        const std::string slot = is_unit ? std::string("unit") : kind;
        if (!given.insert(slot).second)
            return bad(is_unit ? fmt(_("the figure is given two units; keep the one it is printed in ({})"), quote_text(part))
                               : fmt(_("the option {} is given twice; keep one"), quote_text(kind)));
        if (f.rfind("decimaler ", 0) == 0) {
            const std::string n(trim(std::string_view(f).substr(10)));
            if (n.size() != 1 || n[0] < '0' || n[0] > '6') return bad(_("\"decimaler\" takes a whole number from 0 to 6"));
            o.decimals = n[0] - '0';
        } else if (f.rfind("tolerance ", 0) == 0) {
            std::string hint;
            const std::string written(trim(std::string_view(f).substr(10)));
            auto n = read_danish_number(written, &hint);
            // "tolerance 100.000 kr.": a tolerance is in the unit the table prints (a unit would
            // otherwise be reported as a number written wrongly).
            if (!n)
                if (const auto cell = read_danish_cell(written); cell && (!cell->unit.empty() || cell->percent))
                    return bad(fmt(_("\"tolerance\" takes a number without a unit, in the unit the table prints its "
                                     "figures in ({} has one)"),
                                   quote_text(written)));
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
        } else if (is_unit) {
            o.unit = f;
        } else if (f == "verbum") {
            o.verb = true;
        } else {
            return bad(fmt(_("unknown option {} (known: decimaler N, tolerance N, rækker A .. B, kolonner A .. B, kr., "
                             "t. kr., mio. kr., mia. kr., pct., pct.-point, verbum)"), quote_text(part)));
        }
        start = end + 2;
    }
    return o;
}

bool rounds_far(const Decimal& value, int decimals) {
    const Decimal shown = value.rounded(decimals);
    const auto off = Decimal::sub(value, shown);
    const auto magnitude = value.abs();
    const auto scaled_off = off ? off->abs() : std::nullopt;
    const auto tenfold = scaled_off ? Decimal::mul(*scaled_off, Decimal(10, 0)) : std::nullopt;
    if (shown.is_zero() || !magnitude || !tenfold) return false;
    if (*tenfold > *magnitude) return true;
    // A factor or ratio near 1 printed without decimals ("1" for 0,926 and for 1,058 alike) says
    // nothing of what it is there to tell, however near the whole number.
    return decimals <= 0 && *magnitude < Decimal(2, 0) && !scaled_off->is_zero();
}

std::string format_value(const Value& v, const Options& o, const Words& words, bool* lost_to_zero, std::string* error) {
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
    // for, so a figure already in millions is not divided again. A unit that cannot be reached
    // (a share as kroner) or a conversion that does not fit is an error, never the number as
    // written with another unit after it.
    const std::string from = o.source_unit.empty() ? "kr." : o.source_unit;
    auto fail = [&](std::string message) {
        if (error) *error = std::move(message);
        return std::string();
    };
    // A difference of two shares in per cent is not a share: "4 pct." would read as 4 % of the
    // share (2,72 points of 68 %).
    if (v.is_points() && o.unit == "pct.")
        return fail(fmt(_("the figure is the difference of two shares, in percentage points, not a share in per cent; "
                          "print it with \"| {}\""), kPoints));
    // So is the difference of two figures computed per hundred ("[Ja] / [I alt] * 100"): points
    // if they are shares, index points if they are indexes, per cent of nothing.
    if (v.hundred == Value::Hundred::Difference && o.unit == "pct.")
        return fail(fmt(_("the figure is the difference of two figures computed per hundred (as \"[Ja] / [I alt] * 100\"), "
                          "in points, not per cent; print it with \"| {}\" if they are shares, or without a unit if they "
                          "are index numbers"),
                        kPoints));
    // A ratio of two figures ("[Ja] / [Alle]", 0,786) is a share of one, not of a hundred: "0,786
    // pct." would be a thousandth of the share.
    if (v.hundred == Value::Hundred::Ratio && (o.unit == "pct." || o.unit == kPoints))
        return fail(fmt(_("the figure {} is a ratio of two figures (\"[Ja] / [Alle]\"), not per hundred; printed \"| {}\" it "
                          "would read as {} %; multiply by 100 in the formula (\"[Ja] / [Alle] * 100\")"),
                        format_danish(n, decimals), o.unit, format_danish(n, decimals)));
    // Nor is the difference of two ratios (0,09 for 0,79 - 0,70) per hundred: "0,09 pct." would be
    // a hundredth of the points.
    if (v.hundred == Value::Hundred::RatioDifference && (o.unit == "pct." || o.unit == kPoints)) {
        const int shown = std::max(decimals, 2);  // 0,09, not "0"
        return fail(fmt(_("the figure {} is the difference of two ratios (\"[Ja] / [Alle] - [Ja 2023] / [Alle 2023]\"), not "
                          "per hundred; printed \"| {}\" it would read as {} %; multiply the difference by 100 in the "
                          "formula, and print it with \"| {}\""),
                        format_danish(n.rounded(shown), shown), o.unit, format_danish(n.rounded(shown), shown), kPoints));
    }
    // A share or index computed per hundred ("[Ja] / [I alt] * 100") is not points, and neither it
    // nor a difference of two is an amount: "79 pct.-point", "79 kr." were printed.
    if (v.hundred == Value::Hundred::PerHundred && o.unit == kPoints)
        return fail(fmt(_("the figure is computed per hundred (as \"[Ja] / [I alt] * 100\"): a share in per cent or an "
                          "index, not the difference of two shares; print it with \"| pct.\" or without a unit")));
    if ((v.hundred == Value::Hundred::PerHundred || v.hundred == Value::Hundred::Difference) && kroner_per(o.unit) > 0)
        return fail(fmt(_("the figure is computed per hundred (as \"[Ja] / [I alt] * 100\"), not an amount, and cannot be "
                          "shown in {}"),
                        o.unit));
    // Two amounts divided ("1.300.000 kr. / 1.250.000 kr.") have no unit: "1,04 kr." was printed.
    if (v.hundred == Value::Hundred::Ratio && v.of_amounts && kroner_per(o.unit) > 0)
        return fail(fmt(_("the figure is a ratio of two amounts, which has no unit, and cannot be shown in {}"), o.unit));
    if (!o.unit.empty() && (units_conflict(from, o.unit) || ((o.unit == "pct." || o.unit == kPoints) && v.amount)))
        return fail(fmt(_("the figure is in {} and cannot be shown in {}; leave out the unit, or quote a figure in a unit "
                          "that converts to it"), from, o.unit));
    if (kroner_per(o.unit) > 0 && o.unit != from) {
        Value amount = v;
        amount.unit = from;
        const auto converted = in_unit(amount, o.unit);
        if (!converted)
            return fail(fmt(_("the figure {} {} is too large to convert to {} exactly ({})"), format_danish(n, decimals), from,
                            o.unit, tr(Decimal::kLimitText)));
        n = converted->number;
        // Into a larger unit one decimal ("11,5 mio. kr."), into a smaller one as the digits allow.
        decimals = kroner_per(o.unit) > kroner_per(from) ? 1 : converted->decimals;
    }
    // A published figure kept within its tolerance is exact only to its own decimals: 8.388 asked
    // for with "decimaler 2" printed 8.388,00 where its parts add up to 8.388,20.
    if (v.kept_published && o.decimals > v.decimals && o.unit.empty())
        return fail(fmt(_("the figure is the published {} that its table keeps within the formula's tolerance, exact only "
                          "to its own decimals; with \"decimaler {}\" it would print decimals the source does not give: "
                          "quote it without, or compute the figure from its parts"),
                        v.printed.empty() ? format_danish(n, decimals) : v.printed, o.decimals));
    if (o.decimals >= 0) decimals = o.decimals;
    std::string s = format_danish(n, decimals);
    if (lost_to_zero) *lost_to_zero = !n.is_zero() && n.rounded(decimals).is_zero();
    if (!o.unit.empty()) s += " " + o.unit;
    return s;
}

}  // namespace boardpack::calc

#include "calc/negative_bases.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>

#include "core/messages.hpp"
#include "numbers/danish_number.hpp"

namespace boardpack::calc {

namespace {

// A number as the text of a message shows it: with its decimals, a literal as written.
std::string shown(const Decimal& number, int decimals) {
    return decimals < 0 ? format_danish_exact(number) : format_danish(number, decimals);
}

}  // namespace

bool same_expression(const Expr& a, const Expr& b) {
    if (a.kind != b.kind || a.op != b.op || a.text != b.text || a.text2 != b.text2 || a.unit != b.unit ||
        a.share != b.share || a.cell != b.cell || a.args.size() != b.args.size())
        return false;
    if (a.kind == Expr::Kind::Number && !(a.number == b.number)) return false;
    for (size_t i = 0; i < a.args.size(); ++i)
        if (!same_expression(*a.args[i], *b.args[i])) return false;
    return true;
}

namespace {

// The change in per cent from `base` to `now`: a caution where they have opposite signs, or the
// base is below zero; "" otherwise.
std::string change_caution(const Decimal& base, int base_decimals, const Decimal& now, int now_decimals) {
    // No base to divide by, or no change, which has no sign to turn around.
    if (base.is_zero() || now == base) return "";
    const std::string from = shown(base, base_decimals), to = shown(now, now_decimals);
    if (now.sign() != 0 && now.sign() != base.sign())
        return fmt(_("computes a change in per cent from {} to {}, which have opposite signs: such a percentage says "
                     "nothing of the size of the change; give the change as an amount (in a table, leave this cell out "
                     "of the formula with \"| rækker\" or \"| kolonner\")"),
                   from, to);
    if (base.is_negative())
        return fmt(_("computes a change in per cent from a negative base, {} to {}: its sign is the opposite of the "
                     "change's (a rise from -20 to -10 is -50 %); divide by abs() of the base if a rise is to be "
                     "positive (\"([2025] - [2024]) / abs([2024]) * 100\")"),
                   from, to);
    return "";
}

bool is_number(const Expr& e, int64_t n) {
    return e.kind == Expr::Kind::Number && !e.share && e.unit.empty() && e.number == Decimal(n, 0);
}

bool is_division(const Expr& e) { return e.kind == Expr::Kind::Binary && e.op == '/'; }

// For "100 * X" or "X * 100": X; nullptr for anything else.
const Expr* times_hundred(const Expr& e) {
    if (e.kind != Expr::Kind::Binary || e.op != '*') return nullptr;
    for (int i = 0; i < 2; ++i)
        if (is_number(*e.args[i], 100)) return e.args[1 - i].get();
    return nullptr;
}

}  // namespace

std::string growth_rate_caution(const Expr& e, const Value& change, const Value& base) {
    if (!is_division(e)) return "";
    const Expr& over = *e.args[0];
    if (over.kind != Expr::Kind::Binary || over.op != '-' || !same_expression(*over.args[1], *e.args[1])) return "";
    if (!change.is_number() || !base.is_number()) return "";
    const auto now = Decimal::add(change.number, base.number);
    if (!now) return "";
    return change_caution(base.number, base.decimals, *now, std::max(change.decimals, base.decimals));
}

const Expr* ratio_growth_division(const Expr& e, bool* dividend_hundredfold) {
    *dividend_hundredfold = false;
    if (e.kind != Expr::Kind::Binary || e.op != '-') return nullptr;
    const Expr& ratio = *e.args[0];
    if (is_number(*e.args[1], 1)) return is_division(ratio) ? &ratio : nullptr;
    if (!is_number(*e.args[1], 100)) return nullptr;
    // "100 * X / Y - 100" divides 100 * X by Y.
    if (is_division(ratio)) {
        *dividend_hundredfold = times_hundred(*ratio.args[0]) != nullptr;
        return *dividend_hundredfold ? &ratio : nullptr;
    }
    const Expr* division = times_hundred(ratio);
    return division && is_division(*division) ? division : nullptr;
}

std::string ratio_growth_caution(const Decimal& dividend, bool hundredfold, int now_decimals, const Decimal& base,
                                 int base_decimals) {
    const auto now = hundredfold ? Decimal::div(dividend, Decimal(100, 0)) : std::optional<Decimal>(dividend);
    return now ? change_caution(base, base_decimals, *now, now_decimals) : std::string();
}

const Expr* per_cent_division(const Expr& e) {
    const Expr* division = nullptr;
    if (const Expr* times = times_hundred(e)) {  // "X / Y * 100"
        if (is_division(*times)) division = times;
    } else if (is_division(e) && times_hundred(*e.args[0])) {  // "100 * X / Y", "X * 100 / Y"
        division = &e;
    }
    if (!division) return nullptr;
    // A difference over something ("([2025] - [2024]) / [2024] * 100", "... / abs([2024]) * 100")
    // is a change, negative when it falls: judged as one, if at all.
    const Expr* x = times_hundred(*division->args[0]);
    if (!x) x = division->args[0].get();
    if (x->kind == Expr::Kind::Binary && x->op == '-') return nullptr;
    return division;
}

std::string opposite_signs_caution(const Expr& division, const Decimal& over, int over_decimals, const Decimal& under,
                                   int under_decimals) {
    if (over.sign() == 0 || under.sign() == 0 || over.sign() == under.sign()) return "";
    // "100 * X / Y" divided 100 * X: the message names X.
    const bool hundredfold = times_hundred(*division.args[0]) != nullptr;
    const auto x = hundredfold ? Decimal::div(over, Decimal(100, 0)) : std::optional<Decimal>(over);
    return fmt(_("computes a share or an index in per cent of {} against {}, which have opposite signs: a negative share "
                 "or index says nothing of how the two compare (is one of them an income or a surplus entered with a "
                 "minus?); compare their sizes with abs() if that is meant, or give the two figures instead"),
               shown(x ? *x : over, over_decimals), shown(under, under_decimals));
}

std::string cap_caution(const Value& value, const Value& cap) {
    if (!value.is_number() || !cap.is_number() || !cap.number.is_negative()) return "";
    return fmt(_("judges {} against a cap of {}, which is below zero: where income is entered with a minus, more "
                 "income is the lower figure, so \"under\" the cap may be more than it; judge the sizes "
                 "(\"loft(abs([Forbrug]); abs([Ramme]))\") if a cap on the amount is meant"),
               shown(value.number, value.decimals), shown(cap.number, cap.decimals));
}

std::string trend_caution(const Value& before, const Value& now) {
    if (!before.is_number() || !now.is_number() || (!before.number.is_negative() && !now.number.is_negative())) return "";
    return fmt(_("judges the trend from {} to {}, figures below zero: where income or a surplus is entered with a minus, "
                 "more of it is the lower figure, so \"faldende\" may mean it grew; judge the sizes "
                 "(\"udvikling(abs([2023]); abs([2024]); ...)\") if the amount is meant"),
               shown(before.number, before.decimals), shown(now.number, now.decimals));
}

}  // namespace boardpack::calc

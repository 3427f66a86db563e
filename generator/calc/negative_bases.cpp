#include "calc/negative_bases.hpp"

#include <algorithm>

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

std::string growth_rate_caution(const Expr& e, const Value& change, const Value& base) {
    if (e.kind != Expr::Kind::Binary || e.op != '/') return "";
    const Expr& over = *e.args[0];
    if (over.kind != Expr::Kind::Binary || over.op != '-' || !same_expression(*over.args[1], *e.args[1])) return "";
    // No change has no sign to turn around.
    if (!change.is_number() || !base.is_number() || base.number.is_zero() || change.number.is_zero()) return "";
    const auto now = Decimal::add(change.number, base.number);
    if (!now) return "";
    const int decimals = std::max(change.decimals, base.decimals);
    const std::string from = shown(base.number, base.decimals), to = shown(*now, decimals);
    if (now->sign() != 0 && now->sign() != base.number.sign())
        return fmt(_("computes a change in per cent from {} to {}, which have opposite signs: such a percentage says "
                     "nothing of the size of the change; give the change as an amount (in a table, leave this cell out "
                     "of the formula with \"| rækker\" or \"| kolonner\")"),
                   from, to);
    if (base.number.is_negative())
        return fmt(_("computes a change in per cent from a negative base, {} to {}: its sign is the opposite of the "
                     "change's (a rise from -20 to -10 is -50 %); divide by abs() of the base if a rise is to be "
                     "positive (\"([2025] - [2024]) / abs([2024]) * 100\")"),
                   from, to);
    return "";
}

std::string cap_caution(const Value& value, const Value& cap) {
    if (!value.is_number() || !cap.is_number() || !cap.number.is_negative()) return "";
    return fmt(_("judges {} against a cap of {}, which is below zero: where income is entered with a minus, more "
                 "income is the lower figure, so \"under\" the cap may be more than it; judge the sizes "
                 "(\"loft(abs([Forbrug]); abs([Ramme]))\") if a cap on the amount is meant"),
               shown(value.number, value.decimals), shown(cap.number, cap.decimals));
}

}  // namespace boardpack::calc

// Figures judged against a base below zero. A change in per cent, "([2025] - [2024]) / [2024] *
// 100", means what it says only from a positive base. From a negative one (an income, or a surplus, where a budget enters income with
// a minus) its sign is the opposite of the change's: a surplus of 38,6 mio. kr. (-38,6) shrinking
// to 19,9 (-19,9) printed "-48,4" beside a change of 18,7. Across zero (a surplus of 10 turning
// into a deficit of 20) it printed "-300,0", a figure that says nothing of the change. Either way
// the table printed it without a word; now the figure is warned of where it is computed.
#pragma once

#include <string>

#include "calc/expression.hpp"
#include "calc/value.hpp"

namespace boardpack::calc {

// Whether two expressions are written alike: the same labels, cells, numbers and operators.
bool same_expression(const Expr& a, const Expr& b);

// For a quotient `e` ("/") of `change` over `base`: when e is a change over its own base,
// "(X - Y) / Y", and the base is negative or the new figure (X = change + base) has the other
// sign, a caution saying so (for "the cell ... " or "the figure ... "); "" otherwise.
std::string growth_rate_caution(const Expr& e, const Value& change, const Value& base);

// For "X / Y - 1", "X / Y * 100 - 100" or "100 * X / Y - 100" (e a "-"), the change in per cent
// written as a ratio: its division; nullptr for anything else. *dividend_hundredfold: the
// division's dividend is 100 * X.
const Expr* ratio_growth_division(const Expr& e, bool* dividend_hundredfold);

// The caution growth_rate_caution gives, for such a division of `dividend` (X, or 100 * X) by
// `base` (Y).
std::string ratio_growth_caution(const Decimal& dividend, bool hundredfold, int now_decimals, const Decimal& base,
                                 int base_decimals);

// For a share or an index in per cent, "X / Y * 100", "100 * X / Y" or "X * 100 / Y" (not a
// change over its own base, which growth_rate_caution judges): its division; nullptr otherwise.
const Expr* per_cent_division(const Expr& e);

// For such a figure, whose `division` divided `over` (X, or 100 * X) by `under` (Y): a caution where they have
// opposite signs. A surplus entered with a minus against a budget, or a region's result against
// the regions' net total, prints a negative share or index ("-200,0"), a figure that says nothing
// of how the two compare; "" otherwise.
std::string opposite_signs_caution(const Expr& division, const Decimal& over, int over_decimals, const Decimal& under,
                                   int under_decimals);

// For loft(value; cap) with a cap below zero, a caution: where a budget enters income with a
// minus, 505,2 mio. kr. of income against a frame of 500 (-505,2 against -500) was "under
// loftet", the lower figure, though it is more than the frame. "" for a cap of zero or more.
std::string cap_caution(const Value& value, const Value& cap);

// For udvikling(before; now; ...) with a figure below zero, a caution: where a budget enters
// income with a minus, income that grew from 30 to 32,5 mio. kr. (-30 to -32,5) was "faldende",
// and "| verbum" printed "faldet med 2,5 mio. kr." "" where both are zero or more.
std::string trend_caution(const Value& before, const Value& now);

}  // namespace boardpack::calc

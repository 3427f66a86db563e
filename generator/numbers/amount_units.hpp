// The amount units a figure can be printed in ("kr.", "t. kr.", "mio. kr.", "mia. kr.") and how
// an amount in one is the same amount in another: for the calculations, which carry a unit with
// each value, and for the comparison of two versions, which reads figures a table printed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "numbers/decimal.hpp"

namespace boardpack::calc {

// How many kroner one `unit` is: 1 for "kr.", 1000 for "t. kr.", 10^6 for "mio. kr.", 10^9 for
// "mia. kr."; 0 for a unit that is not an amount ("pct.") and for "".
int64_t kroner_per(const std::string& unit);

// An amount in `from` as an amount in `to` (both amount units), exactly; nullopt if it does not fit.
std::optional<Decimal> convert_amount(const Decimal& amount, const std::string& from, const std::string& to);

}  // namespace boardpack::calc

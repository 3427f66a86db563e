#include "numbers/amount_units.hpp"

namespace boardpack::calc {

int64_t kroner_per(const std::string& unit) {
    if (unit == "kr.") return 1;
    if (unit == "t. kr.") return 1000;
    if (unit == "mio. kr.") return 1000000;
    if (unit == "mia. kr.") return 1000000000;
    return 0;
}

std::optional<Decimal> convert_amount(const Decimal& amount, const std::string& from, const std::string& to) {
    const int64_t f = kroner_per(from), t = kroner_per(to);
    if (f <= 0 || t <= 0 || f == t) return amount;
    // Dividing by a power of ten keeps the count and adds its digits: exact. Multiplying may not fit.
    if (t > f) return Decimal::div(amount, Decimal(t / f, 0));
    return Decimal::mul(amount, Decimal(f / t, 0));
}

}  // namespace boardpack::calc

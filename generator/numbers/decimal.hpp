// An exact decimal number: an integer count of 10^-scale units. Money and counts are computed
// with it, never with binary floating point, so -285.400.000 + 229.100.000 + 102.500.000 is
// 46.200.000 exactly.
#pragma once

#include "core/messages.hpp"  // N_ marks kLimitText for the catalogue

#include <cstdint>
#include <optional>
#include <string>

namespace boardpack::calc {

class Decimal {
public:
    static constexpr int kMaxScale = 12;
    // Decimals a result keeps at least (when it has them): beyond this many a result that would
    // not fit is rounded, within them it is an overflow. "decimaler" shows at most 6.
    static constexpr int kKeptScale = 6;
    // What an overflow means, for messages: results are 64-bit counts of their smallest decimal.
    static constexpr const char* kLimitText =
        N_("numbers are computed exactly up to 9.223.372.036.854.775.807 without decimals, up to "
           "9.223.372.036.854 with 6");

    Decimal() = default;
    // units / 10^scale, e.g. Decimal(285, 2) is 2,85; scale is 0 to kMaxScale (clamped).
    Decimal(int64_t units, int scale);
    static Decimal from_int(int64_t v) { return Decimal(v, 0); }

    int64_t units() const { return units_; }
    int scale() const { return scale_; }
    bool is_zero() const { return units_ == 0; }
    bool is_negative() const { return units_ < 0; }
    int sign() const { return units_ < 0 ? -1 : (units_ > 0 ? 1 : 0); }

    // Arithmetic; nullopt on overflow (or division by zero), never a wrapped or wrong value.
    static std::optional<Decimal> add(const Decimal& a, const Decimal& b);
    static std::optional<Decimal> sub(const Decimal& a, const Decimal& b);
    static std::optional<Decimal> mul(const Decimal& a, const Decimal& b);
    static std::optional<Decimal> div(const Decimal& a, const Decimal& b);

    // -x and |x|; nullopt for the one value whose negation does not fit (the smallest 64-bit count).
    std::optional<Decimal> negated() const;
    std::optional<Decimal> abs() const;

    // Rounded to `decimals` places (0 or more), half away from zero (2,845 -> 2,85; -0,5 -> -1).
    // Never overflows: rounding away decimals makes the count smaller, the carry fits.
    Decimal rounded(int decimals) const;

    // -1, 0, 1 comparing the values (scale does not matter: 1,50 == 1,5).
    static int compare(const Decimal& a, const Decimal& b);
    friend bool operator==(const Decimal& a, const Decimal& b) { return compare(a, b) == 0; }
    friend bool operator<(const Decimal& a, const Decimal& b) { return compare(a, b) < 0; }
    friend bool operator<=(const Decimal& a, const Decimal& b) { return compare(a, b) <= 0; }
    friend bool operator>(const Decimal& a, const Decimal& b) { return compare(a, b) > 0; }
    friend bool operator>=(const Decimal& a, const Decimal& b) { return compare(a, b) >= 0; }

    // Plain notation for tests and debugging: "-152100000", "2.85".
    std::string to_plain() const;

private:
    int64_t units_ = 0;
    int scale_ = 0;
};

}  // namespace boardpack::calc

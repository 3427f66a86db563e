// An exact number. Money and counts are computed with it, never with binary floating point, so
// -285.400.000 + 229.100.000 + 102.500.000 is 46.200.000 exactly, and a quotient that does not
// terminate is kept as the fraction it is, so 10 / 12 * 3 is 2,5, not 2,499999999999: rounding
// happens only when a value is shown (rounded()).
//
// A value is held twice: exactly, as a reduced fraction (a 128-bit numerator over a 64-bit
// denominator), and as its decimal form, an integer count of 10^-scale units (units(),
// scale()). The decimal form is the value itself when it terminates within kMaxScale decimals;
// otherwise it is the value rounded to kMaxScale decimals (fewer where those do not fit), for
// plain notation and charts only. Only when a fraction would overflow its 128/64 bits is a
// result rounded to its decimal form, as every quotient was before fractions were kept.
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

    // The decimal form: the value exactly when it terminates within scale() decimals (see
    // is_decimal()), else the value rounded to scale() decimals. Anything shown or compared goes
    // through rounded() or compare(), which use the exact value.
    int64_t units() const;
    int scale() const { return scale_; }
    // True when units() / 10^scale() is the value exactly.
    bool is_decimal() const;
    bool is_zero() const { return num_ == 0; }
    bool is_negative() const { return num_ < 0; }
    int sign() const { return num_ < 0 ? -1 : (num_ > 0 ? 1 : 0); }

    // Arithmetic; nullopt on overflow (or division by zero), never a wrapped or wrong value.
    // Exact, except where the exact fraction would not fit its 128/64 bits: then the result is
    // computed from the operands' decimal forms and rounded to kMaxScale decimals.
    static std::optional<Decimal> add(const Decimal& a, const Decimal& b);
    static std::optional<Decimal> sub(const Decimal& a, const Decimal& b);
    static std::optional<Decimal> mul(const Decimal& a, const Decimal& b);
    static std::optional<Decimal> div(const Decimal& a, const Decimal& b);

    // -x and |x|; nullopt for the one value whose negation does not fit (the smallest 64-bit count).
    std::optional<Decimal> negated() const;
    std::optional<Decimal> abs() const;

    // The exact value rounded to `decimals` places (0 or more), half away from zero (2,845 ->
    // 2,85; -0,5 -> -1; 1/6 * 3 -> 1). A value that terminates within `decimals` comes back as
    // it is; one that does not is rounded to at most scale() decimals.
    // Never overflows: rounding away decimals makes the count smaller, the carry fits.
    Decimal rounded(int decimals) const;

    // -1, 0, 1 comparing the exact values (scale does not matter: 1,50 == 1,5; 1/3 * 3 == 1).
    static int compare(const Decimal& a, const Decimal& b);
    friend bool operator==(const Decimal& a, const Decimal& b) { return compare(a, b) == 0; }
    friend bool operator<(const Decimal& a, const Decimal& b) { return compare(a, b) < 0; }
    friend bool operator<=(const Decimal& a, const Decimal& b) { return compare(a, b) <= 0; }
    friend bool operator>(const Decimal& a, const Decimal& b) { return compare(a, b) > 0; }
    friend bool operator>=(const Decimal& a, const Decimal& b) { return compare(a, b) >= 0; }

    // Plain notation of the decimal form, for tests and debugging: "-152100000", "2.85",
    // "0.333333333333" for 1/3.
    std::string to_plain() const;

private:
    struct Exact {};
    Decimal(__int128 num, int64_t den, int scale, Exact) : num_(num), den_(den), scale_(scale) {}
    static std::optional<Decimal> exact_result(__int128 num, __int128 den, int keep);
    // a + b, or a - b when `subtract`: add() and sub().
    static std::optional<Decimal> sum(const Decimal& a, const Decimal& b, bool subtract);

    __int128 num_ = 0;  // the value is num_ / den_, den_ > 0, the fraction reduced
    int64_t den_ = 1;
    int scale_ = 0;     // decimals of the decimal form, 0 to kMaxScale
};

}  // namespace boardpack::calc

// An exact decimal number: an integer count of 10^-scale units. Money and counts are computed
// with it, never with binary floating point, so -285.400.000 + 229.100.000 + 102.500.000 is
// 46.200.000 exactly.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace boardpack::calc {

class Decimal {
public:
    static constexpr int kMaxScale = 12;

    Decimal() = default;
    // units / 10^scale, e.g. Decimal(285, 2) is 2,85.
    Decimal(int64_t units, int scale);
    static Decimal from_int(int64_t v) { return Decimal(v, 0); }

    int64_t units() const { return units_; }
    int scale() const { return scale_; }
    bool is_zero() const { return units_ == 0; }
    bool is_negative() const { return units_ < 0; }
    int sign() const { return units_ < 0 ? -1 : (units_ > 0 ? 1 : 0); }

    // Arithmetic; nullopt on overflow (or division by zero).
    static std::optional<Decimal> add(const Decimal& a, const Decimal& b);
    static std::optional<Decimal> sub(const Decimal& a, const Decimal& b);
    static std::optional<Decimal> mul(const Decimal& a, const Decimal& b);
    static std::optional<Decimal> div(const Decimal& a, const Decimal& b);

    Decimal negated() const { return Decimal(-units_, scale_); }
    Decimal abs() const { return units_ < 0 ? negated() : *this; }

    // Rounded to `decimals` places, half away from zero (2,845 -> 2,85; -0,5 -> -1).
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

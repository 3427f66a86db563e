#include "numbers/decimal.hpp"

#include <limits>

namespace boardpack::calc {

namespace {

using i128 = __int128;

i128 pow10(int n) {
    i128 r = 1;
    for (int i = 0; i < n; ++i) r *= 10;
    return r;
}

bool fits(i128 v) {
    return v >= std::numeric_limits<int64_t>::min() && v <= std::numeric_limits<int64_t>::max();
}

// n / d rounded half away from zero (d != 0).
i128 div_round(i128 n, i128 d) {
    const bool negative = (n < 0) != (d < 0);
    i128 an = n < 0 ? -n : n;
    i128 ad = d < 0 ? -d : d;
    i128 q = an / ad;
    const i128 r = an % ad;
    if (r * 2 >= ad) ++q;
    return negative ? -q : q;
}

// Brings a result into range: no more than kMaxScale decimals, trailing zero decimals dropped
// (exact), and only if it still does not fit in 64 bits, its last decimals rounded away, but
// never the first `keep` ones: losing those would change a figure as shown, so that is an
// overflow. (|units| <= 2^126 here, so negating and rounding it cannot overflow 128 bits.)
std::optional<Decimal> normalized(i128 units, int scale, int keep) {
    if (keep > Decimal::kKeptScale) keep = Decimal::kKeptScale;
    while (scale > Decimal::kMaxScale) {
        units = div_round(units, 10);
        --scale;
    }
    while (scale > 0 && units % 10 == 0) {
        units /= 10;
        --scale;
    }
    while (!fits(units) && scale > keep) {
        units = div_round(units, 10);
        --scale;
    }
    if (!fits(units)) return std::nullopt;
    return Decimal(static_cast<int64_t>(units), scale);
}

}  // namespace

// The scale is kept within 0..kMaxScale so every rescaling below fits in 128 bits:
// 2^63 * 10^12 * 2 < 2^127.
Decimal::Decimal(int64_t units, int scale)
    : units_(units), scale_(scale < 0 ? 0 : (scale > kMaxScale ? kMaxScale : scale)) {}

std::optional<Decimal> Decimal::add(const Decimal& a, const Decimal& b) {
    const int s = a.scale_ > b.scale_ ? a.scale_ : b.scale_;
    const i128 x = static_cast<i128>(a.units_) * pow10(s - a.scale_);
    const i128 y = static_cast<i128>(b.units_) * pow10(s - b.scale_);
    return normalized(x + y, s, s);
}

std::optional<Decimal> Decimal::sub(const Decimal& a, const Decimal& b) {
    // Not add(a, -b): -b does not fit for the smallest count, a - b may well.
    const int s = a.scale_ > b.scale_ ? a.scale_ : b.scale_;
    const i128 x = static_cast<i128>(a.units_) * pow10(s - a.scale_);
    const i128 y = static_cast<i128>(b.units_) * pow10(s - b.scale_);
    return normalized(x - y, s, s);
}

std::optional<Decimal> Decimal::mul(const Decimal& a, const Decimal& b) {
    // Both factors fit in 64 bits, so their product fits in 128.
    const int s = a.scale_ + b.scale_;
    return normalized(static_cast<i128>(a.units_) * static_cast<i128>(b.units_), s, s);
}

std::optional<Decimal> Decimal::negated() const {
    if (units_ == std::numeric_limits<int64_t>::min()) return std::nullopt;
    return Decimal(-units_, scale_);
}

std::optional<Decimal> Decimal::abs() const { return units_ < 0 ? negated() : std::optional<Decimal>(*this); }

std::optional<Decimal> Decimal::div(const Decimal& a, const Decimal& b) {
    if (b.units_ == 0) return std::nullopt;
    // a/b = (ua/10^sa) / (ub/10^sb); at result scale r: ua * 10^(r - sa + sb) / ub. The scale is
    // lowered when the shifted dividend would not fit in 128 bits.
    int r = kMaxScale;
    i128 n = 0, d = static_cast<i128>(b.units_);
    const i128 limit = pow10(36);
    const i128 mag = a.units_ < 0 ? -static_cast<i128>(a.units_) : static_cast<i128>(a.units_);
    for (;; --r) {
        const int shift = r - a.scale_ + b.scale_;
        if (shift < 0) {
            n = static_cast<i128>(a.units_);
            d = static_cast<i128>(b.units_) * pow10(-shift);
            break;
        }
        if (shift <= 36 && mag <= limit / pow10(shift)) {
            n = static_cast<i128>(a.units_) * pow10(shift);
            break;
        }
    }
    // A quotient is rarely exact: its decimals beyond kKeptScale may be rounded to make it fit.
    return normalized(div_round(n, d), r, r);
}

Decimal Decimal::rounded(int decimals) const {
    if (decimals < 0) decimals = 0;
    if (decimals >= scale_) return *this;
    const i128 u = div_round(static_cast<i128>(units_), pow10(scale_ - decimals));
    return Decimal(static_cast<int64_t>(u), decimals);
}

int Decimal::compare(const Decimal& a, const Decimal& b) {
    const int s = a.scale_ > b.scale_ ? a.scale_ : b.scale_;
    const i128 x = static_cast<i128>(a.units_) * pow10(s - a.scale_);
    const i128 y = static_cast<i128>(b.units_) * pow10(s - b.scale_);
    return x < y ? -1 : (x > y ? 1 : 0);
}

std::string Decimal::to_plain() const {
    // Work on the magnitude as unsigned so INT64_MIN is safe; build right to left.
    uint64_t mag = units_ < 0 ? 0 - static_cast<uint64_t>(units_) : static_cast<uint64_t>(units_);
    char buf[48];
    char* p = buf + sizeof buf;
    int digits = 0;
    do {
        if (scale_ > 0 && digits == scale_) *--p = '.';
        *--p = static_cast<char>('0' + mag % 10);
        mag /= 10;
        ++digits;
    } while (mag > 0 || digits <= scale_);
    if (units_ < 0) *--p = '-';
    return std::string(p, static_cast<size_t>(buf + sizeof buf - p));
}

}  // namespace boardpack::calc

#include "numbers/decimal.hpp"

#include <limits>

namespace boardpack::calc {

namespace {

using i128 = __int128;
using u128 = unsigned __int128;

constexpr int64_t kInt64Max = std::numeric_limits<int64_t>::max();

i128 pow10(int n) {
    i128 r = 1;
    for (int i = 0; i < n; ++i) r *= 10;
    return r;
}

// 10^0 .. 10^kMaxScale.
constexpr int64_t kPow10[Decimal::kMaxScale + 1] = {1,         10,         100,         1000,         10000,
                                                    100000,    1000000,    10000000,    100000000,    1000000000,
                                                    10000000000, 100000000000, 1000000000000};

bool fits(i128 v) {
    return v >= std::numeric_limits<int64_t>::min() && v <= std::numeric_limits<int64_t>::max();
}

u128 magnitude(i128 v) { return v < 0 ? u128(0) - static_cast<u128>(v) : static_cast<u128>(v); }

uint64_t gcd64(uint64_t a, uint64_t b) {
    // Binary gcd: shifts and subtractions, no division.
    if (a == 0) return b;
    if (b == 0) return a;
    if (a == 1 || b == 1) return 1;  // the common case: a whole number's denominator
    // One division first brings the two to the same size (a numerator is often far larger than
    // its denominator), then shifts and subtractions.
    if (a > b) a %= b;
    else b %= a;
    if (a == 0) return b;
    if (b == 0) return a;
    const int shift = __builtin_ctzll(a | b);
    a >>= __builtin_ctzll(a);
    do {
        b >>= __builtin_ctzll(b);
        if (a > b) {
            const uint64_t t = a;
            a = b;
            b = t;
        }
        b -= a;
    } while (b != 0);
    return a << shift;
}

u128 gcd(u128 a, u128 b) {
    // Denominators fit in 64 bits, so after one step (or none) so do both.
    while (b != 0 && (a >> 64 != 0 || b >> 64 != 0)) {
        const u128 t = a % b;
        a = b;
        b = t;
    }
    if (b == 0) return a;
    return gcd64(static_cast<uint64_t>(a), static_cast<uint64_t>(b));
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

// The decimals a fraction's value terminates after (its denominator is 2^a * 5^b: max(a, b)),
// or -1 if it does not terminate.
int terminating_decimals(int64_t den) {
    int twos = 0, fives = 0;
    while (den % 2 == 0) den /= 2, ++twos;
    while (den % 5 == 0) den /= 5, ++fives;
    if (den != 1) return -1;
    return twos > fives ? twos : fives;
}

// num / den (den > 0) as a count of 10^-scale, rounded half away from zero; nullopt if the count
// does not fit in 64 bits. The fraction's integer part and remainder are scaled apart, so
// nothing overflows 128 bits for any 128-bit numerator and 64-bit denominator.
std::optional<int64_t> units_at(i128 num, int64_t den, int scale) {
    const u128 m = magnitude(num);
    const uint64_t d = static_cast<uint64_t>(den);
    u128 q, r;
    if (m >> 64 == 0) {  // 64-bit division where it does (most values)
        q = static_cast<uint64_t>(m) / d;
        r = static_cast<uint64_t>(m) % d;
    } else {
        q = m / d;
        r = m % d;
    }
    if (q > (static_cast<u128>(1) << 63)) return std::nullopt;
    const u128 p = kPow10[scale];
    u128 units = q * p;  // <= 2^63 * 10^12
    if (r != 0) {
        const u128 frac = r * p;  // < 2^63 * 10^12
        units += frac / d;
        if ((frac % d) * 2 >= d) ++units;
    }
    const i128 v = num < 0 ? -static_cast<i128>(units) : static_cast<i128>(units);
    if (!fits(v)) return std::nullopt;
    return static_cast<int64_t>(v);
}

// ---- The decimal forms' arithmetic: how every result was computed before fractions were kept,
// and still how one is when its fraction would overflow. ----

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

struct Form {
    int64_t units;
    int scale;
};

Form form(const Decimal& d) { return {d.units(), d.scale()}; }

std::optional<Decimal> form_add(Form a, Form b, bool subtract) {
    // Not add(a, -b): -b does not fit for the smallest count, a - b may well.
    const int s = a.scale > b.scale ? a.scale : b.scale;
    const i128 x = static_cast<i128>(a.units) * pow10(s - a.scale);
    const i128 y = static_cast<i128>(b.units) * pow10(s - b.scale);
    return normalized(subtract ? x - y : x + y, s, s);
}

std::optional<Decimal> form_mul(Form a, Form b) {
    // Both factors fit in 64 bits, so their product fits in 128.
    const int s = a.scale + b.scale;
    return normalized(static_cast<i128>(a.units) * static_cast<i128>(b.units), s, s);
}

std::optional<Decimal> form_div(Form a, Form b) {
    if (b.units == 0) return std::nullopt;
    // a/b = (ua/10^sa) / (ub/10^sb); at result scale r: ua * 10^(r - sa + sb) / ub. The scale is
    // lowered when the shifted dividend would not fit in 128 bits.
    int r = Decimal::kMaxScale;
    i128 n = 0, d = static_cast<i128>(b.units);
    const i128 limit = pow10(36);
    const i128 mag = a.units < 0 ? -static_cast<i128>(a.units) : static_cast<i128>(a.units);
    for (;; --r) {
        const int shift = r - a.scale + b.scale;
        if (shift < 0) {
            n = static_cast<i128>(a.units);
            d = static_cast<i128>(b.units) * pow10(-shift);
            break;
        }
        if (shift <= 36 && mag <= limit / pow10(shift)) {
            n = static_cast<i128>(a.units) * pow10(shift);
            break;
        }
    }
    // A quotient is rarely exact: its decimals beyond kKeptScale may be rounded to make it fit.
    return normalized(div_round(n, d), r, r);
}

}  // namespace

// The scale is kept within 0..kMaxScale so every rescaling fits in 128 bits:
// 2^63 * 10^12 * 2 < 2^127.
Decimal::Decimal(int64_t units, int scale) : num_(units), scale_(scale < 0 ? 0 : (scale > kMaxScale ? kMaxScale : scale)) {
    if (scale_ == 0) return;
    const int64_t g = static_cast<int64_t>(gcd64(static_cast<uint64_t>(magnitude(num_)), kPow10[scale_]));
    num_ /= g;
    den_ = kPow10[scale_] / g;
}

int64_t Decimal::units() const {
    // Fits: a value is only made when its decimal form does (exact_result, normalized).
    return units_at(num_, den_, scale_).value_or(0);
}

bool Decimal::is_decimal() const {
    const int t = terminating_decimals(den_);
    return t >= 0 && t <= scale_;
}

// A result num / den (den > 0, not yet reduced) kept exactly, with its decimal form: its own
// decimals up to kMaxScale, fewer (rounded) where the count would not fit in 64 bits, but never
// fewer than `keep` (capped at kKeptScale) unless it terminates before. nullopt if the fraction
// or its decimal form does not fit. (Whether a result is too large is decided by the decimal
// forms' arithmetic, as it always was, so `keep` is 0 where that has said it fits.)
std::optional<Decimal> Decimal::exact_result(i128 num, i128 den, int keep) {
    const u128 g = gcd(magnitude(num), static_cast<u128>(den));
    num /= static_cast<i128>(g);
    den /= static_cast<i128>(g);
    if (den > kInt64Max) return std::nullopt;
    const int64_t d = static_cast<int64_t>(den);
    const int t = terminating_decimals(d);
    int s = t < 0 || t > kMaxScale ? kMaxScale : t;
    if (keep > kKeptScale) keep = kKeptScale;
    const int lowest = keep < s ? keep : s;
    std::optional<int64_t> units;
    for (; s >= lowest; --s)
        if ((units = units_at(num, d, s))) break;
    if (!units) return std::nullopt;
    int64_t u = *units;
    while (s > 0 && u % 10 == 0) u /= 10, --s;  // a rounded form's trailing zeros
    return Decimal(num, d, s, Exact{});
}

std::optional<Decimal> Decimal::sum(const Decimal& a, const Decimal& b, bool subtract) {
    // The decimal forms' sum decides overflow, as it always has; the sum itself is exact.
    const auto decimal = form_add(form(a), form(b), subtract);
    if (!decimal) return std::nullopt;
    const u128 g = gcd(static_cast<u128>(a.den_), static_cast<u128>(b.den_));
    i128 x, y, n;
    if (!__builtin_mul_overflow(a.num_, static_cast<i128>(b.den_ / static_cast<int64_t>(g)), &x) &&
        !__builtin_mul_overflow(b.num_, static_cast<i128>(a.den_ / static_cast<int64_t>(g)), &y) &&
        !(subtract ? __builtin_sub_overflow(x, y, &n) : __builtin_add_overflow(x, y, &n)))
        if (auto r = exact_result(n, static_cast<i128>(a.den_ / static_cast<int64_t>(g)) * b.den_, 0)) return r;
    return decimal;
}

std::optional<Decimal> Decimal::add(const Decimal& a, const Decimal& b) { return sum(a, b, false); }

std::optional<Decimal> Decimal::sub(const Decimal& a, const Decimal& b) { return sum(a, b, true); }

std::optional<Decimal> Decimal::mul(const Decimal& a, const Decimal& b) {
    const auto decimal = form_mul(form(a), form(b));
    if (!decimal) return std::nullopt;
    // Cross-reduced first, so the product is reduced and overflows only if its value needs to.
    const i128 g1 = static_cast<i128>(gcd(magnitude(a.num_), static_cast<u128>(b.den_)));
    const i128 g2 = static_cast<i128>(gcd(magnitude(b.num_), static_cast<u128>(a.den_)));
    i128 n, d;
    if (!__builtin_mul_overflow(a.num_ / g1, b.num_ / g2, &n) &&
        !__builtin_mul_overflow(static_cast<i128>(a.den_) / g2, static_cast<i128>(b.den_) / g1, &d))
        if (auto r = exact_result(n, d, 0)) return r;
    return decimal;
}

std::optional<Decimal> Decimal::div(const Decimal& a, const Decimal& b) {
    if (b.num_ == 0) return std::nullopt;
    // A divisor too small for its decimal form (10^-14, say: 12 decimals hold 0) has no decimal
    // quotient; its exact one is used if it fits with kKeptScale decimals.
    const bool tiny = b.units() == 0;
    const auto decimal = tiny ? std::nullopt : form_div(form(a), form(b));
    if (!decimal && !tiny) return std::nullopt;
    // (na / da) / (nb / db) = (na * db) / (da * nb), cross-reduced.
    const i128 g1 = static_cast<i128>(gcd(magnitude(a.num_), magnitude(b.num_)));
    const i128 g2 = static_cast<i128>(gcd(static_cast<u128>(a.den_), static_cast<u128>(b.den_)));
    i128 n, d;
    if (!__builtin_mul_overflow(a.num_ / g1, static_cast<i128>(b.den_) / g2, &n) &&
        !__builtin_mul_overflow(static_cast<i128>(a.den_) / g2, b.num_ / g1, &d) &&
        (d > 0 || (!__builtin_sub_overflow(i128(0), n, &n) && !__builtin_sub_overflow(i128(0), d, &d))))
        if (auto r = exact_result(n, d, tiny ? kKeptScale : 0)) return r;
    return decimal;
}

std::optional<Decimal> Decimal::negated() const {
    if (units() == std::numeric_limits<int64_t>::min()) return std::nullopt;
    return Decimal(-num_, den_, scale_, Exact{});
}

std::optional<Decimal> Decimal::abs() const { return num_ < 0 ? negated() : std::optional<Decimal>(*this); }

Decimal Decimal::rounded(int decimals) const {
    if (decimals < 0) decimals = 0;
    if (decimals >= scale_) {
        if (is_decimal()) return *this;
        decimals = scale_;  // the most decimals its count holds
    }
    if (const auto u = units_at(num_, den_, decimals)) return Decimal(*u, decimals);
    // Unreachable (fewer decimals than the decimal form fit); round the decimal form instead.
    const i128 u = div_round(static_cast<i128>(units()), pow10(scale_ - decimals));
    return Decimal(static_cast<int64_t>(u), decimals);
}

int Decimal::compare(const Decimal& a, const Decimal& b) {
    if (a.sign() != b.sign()) return a.sign() < b.sign() ? -1 : 1;
    // Same sign: compare magnitudes, integer parts first, then the remainders cross-multiplied
    // (each < 2^63, so their products fit).
    const u128 ma = magnitude(a.num_), mb = magnitude(b.num_);
    const u128 da = static_cast<u128>(a.den_), db = static_cast<u128>(b.den_);
    int c = 0;
    const u128 qa = ma / da, qb = mb / db;
    if (qa != qb) {
        c = qa < qb ? -1 : 1;
    } else {
        const u128 x = (ma % da) * db, y = (mb % db) * da;
        c = x < y ? -1 : (x > y ? 1 : 0);
    }
    return a.num_ < 0 ? -c : c;
}

std::string Decimal::to_plain() const {
    // Work on the magnitude as unsigned so INT64_MIN is safe; build right to left.
    const int64_t u = units();
    uint64_t mag = u < 0 ? 0 - static_cast<uint64_t>(u) : static_cast<uint64_t>(u);
    char buf[48];
    char* p = buf + sizeof buf;
    int digits = 0;
    do {
        if (scale_ > 0 && digits == scale_) *--p = '.';
        *--p = static_cast<char>('0' + mag % 10);
        mag /= 10;
        ++digits;
    } while (mag > 0 || digits <= scale_);
    if (u < 0) *--p = '-';
    return std::string(p, static_cast<size_t>(buf + sizeof buf - p));
}

}  // namespace boardpack::calc

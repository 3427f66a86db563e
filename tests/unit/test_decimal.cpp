#include <doctest/doctest.h>

#include "numbers/decimal.hpp"

using boardpack::calc::Decimal;

TEST_CASE("decimal: sums of money are exact") {
    const auto s1 = Decimal::add(Decimal(-285400000, 0), Decimal(229100000, 0));
    const auto s2 = Decimal::add(*s1, Decimal(102500000, 0));
    REQUIRE(s2);
    CHECK(s2->to_plain() == "46200000");
    // 0,1 + 0,2 is 0,3 (it would not be in binary floating point).
    CHECK(*Decimal::add(Decimal(1, 1), Decimal(2, 1)) == Decimal(3, 1));
}

TEST_CASE("decimal: multiplication and division") {
    // (25,70 - 0,70) x 1,034 = 25,85
    const auto base = Decimal::sub(Decimal(2570, 2), Decimal(70, 2));
    const auto fee = Decimal::mul(*base, Decimal(1034, 3));
    CHECK(fee->rounded(2).to_plain() == "25.85");
    const auto q = Decimal::div(Decimal(2820, 0), Decimal(1909, 0));
    CHECK(q->rounded(4).to_plain() == "1.4772");
    CHECK_FALSE(Decimal::div(Decimal(1, 0), Decimal(0, 0)));
}

TEST_CASE("decimal: rounding half away from zero") {
    CHECK(Decimal(25, 1).rounded(0).to_plain() == "3");
    CHECK(Decimal(-25, 1).rounded(0).to_plain() == "-3");
    CHECK(Decimal(24, 1).rounded(0).to_plain() == "2");
    CHECK(Decimal(5, 3).rounded(2).to_plain() == "0.01");
}

TEST_CASE("decimal: overflow is reported, not wrapped") {
    const Decimal big(INT64_MAX, 0);
    CHECK_FALSE(Decimal::add(big, Decimal(1, 0)));
    CHECK_FALSE(Decimal::mul(big, Decimal(2, 0)));
}

TEST_CASE("decimal: comparison ignores scale") {
    CHECK(Decimal(150, 2) == Decimal(15, 1));
    CHECK(Decimal(-1, 0) < Decimal(0, 3));
}

TEST_CASE("decimal: negating or taking |x| of the smallest count is an overflow, not a wrapped value") {
    const Decimal min(INT64_MIN, 0);
    CHECK_FALSE(min.negated());
    CHECK_FALSE(min.abs());
    CHECK_FALSE(Decimal(INT64_MIN, 3).abs());
    CHECK(Decimal(INT64_MAX, 0).negated()->units() == -INT64_MAX);
    CHECK(*Decimal(-5, 1).abs() == Decimal(5, 1));
}

TEST_CASE("decimal: subtraction is checked on its own, not as an addition of the negated value") {
    // INT64_MIN cannot be negated, yet -1 - INT64_MIN is INT64_MAX exactly.
    const Decimal min(INT64_MIN, 0);
    CHECK(Decimal::sub(Decimal(-1, 0), min)->units() == INT64_MAX);
    CHECK_FALSE(Decimal::sub(Decimal(0, 0), min));
    CHECK_FALSE(Decimal::sub(min, Decimal(1, 0)));
    // A huge published figure against a huge computed one: too far apart for 64 bits.
    CHECK_FALSE(Decimal::sub(Decimal(-999999999999999999, 0), Decimal(9000000000000000000, 0)));
    CHECK_FALSE(Decimal::add(Decimal(INT64_MAX, 0), Decimal(INT64_MAX, 0)));
    CHECK(Decimal::add(min, Decimal(INT64_MAX, 0))->units() == -1);
}

TEST_CASE("decimal: products overflow in both directions") {
    const Decimal min(INT64_MIN, 0);
    CHECK_FALSE(Decimal::mul(min, Decimal(-1, 0)));
    CHECK(Decimal::mul(min, Decimal(1, 0))->units() == INT64_MIN);
    CHECK_FALSE(Decimal::mul(Decimal(INT64_MAX, 0), Decimal(INT64_MAX, 0)));
    CHECK_FALSE(Decimal::mul(min, min));
    CHECK_FALSE(Decimal::div(min, Decimal(-1, 0)));
    CHECK_FALSE(Decimal::div(Decimal(INT64_MAX, 0), Decimal(1, 1)));  // / 0,1
}

TEST_CASE("decimal: decimals shown are never rounded away to make a result fit") {
    // 9e18 + 0,5 would need 20 digits; rounding it to 9e18 + 1 would print a wrong figure.
    CHECK_FALSE(Decimal::add(Decimal(9000000000000000000, 0), Decimal(5, 1)));
    CHECK_FALSE(Decimal::mul(Decimal(9000000000000000000, 0), Decimal(15, 1)));
    // Trailing zero decimals are exact, and go: 9e17 x 10,0 is 9e18.
    CHECK(Decimal::mul(Decimal(900000000000000000, 0), Decimal(100, 1))->to_plain() == "9000000000000000000");
    // Beyond 6 decimals a quotient is rounded as far as it must to fit: 10^12 / 3.
    CHECK(Decimal::div(Decimal(1000000000000, 0), Decimal(3, 0))->to_plain() == "333333333333.3333333");
    // Up to 12 decimals where they fit; 13 and more are rounded.
    CHECK(Decimal::div(Decimal(1, 0), Decimal(3, 0))->to_plain() == "0.333333333333");
    // A sum with a quotient keeps 6 decimals where the full 12 no longer fit.
    const auto third = Decimal::div(Decimal(1, 0), Decimal(3, 0));
    CHECK(Decimal::add(Decimal(1000000000, 0), *third)->to_plain() == "1000000000.333333333");
    CHECK(Decimal::add(Decimal(1000000000000, 0), *third)->to_plain() == "1000000000000.333333");
    CHECK_FALSE(Decimal::add(Decimal(10000000000000, 0), *third));
}

TEST_CASE("decimal: rounding and comparing at the extremes") {
    CHECK(Decimal(INT64_MAX, 1).rounded(0).to_plain() == "922337203685477581");
    CHECK(Decimal(INT64_MIN, 12).rounded(0).to_plain() == "-9223372");
    CHECK(Decimal(INT64_MIN, 0).rounded(2).to_plain() == "-9223372036854775808");
    CHECK(Decimal(5, 0).rounded(-3).to_plain() == "5");
    CHECK(Decimal(INT64_MIN, 0) < Decimal(INT64_MAX, 12));
    CHECK(Decimal(INT64_MAX, 0) > Decimal(INT64_MAX, 12));
    // The scale stays within 0..12, so rescaling cannot overflow 128 bits.
    CHECK(Decimal(1, 40).scale() == Decimal::kMaxScale);
    CHECK(Decimal(1, -3).scale() == 0);
}

namespace {

Decimal third() { return *Decimal::div(Decimal(1, 0), Decimal(3, 0)); }

}  // namespace

TEST_CASE("decimal: a quotient that does not terminate is kept exactly, so a figure on a rounding boundary rounds up") {
    // 10 / 12 * 3 is 2,5 exactly (not 2,499999999999), and shows 3 at 0 decimals, as 10 * 3 / 12 does.
    const auto q = Decimal::mul(*Decimal::div(Decimal(10, 0), Decimal(12, 0)), Decimal(3, 0));
    REQUIRE(q);
    CHECK(*q == Decimal(25, 1));
    CHECK(q->to_plain() == "2.5");
    CHECK(q->is_decimal());
    CHECK(q->rounded(0).to_plain() == "3");
    CHECK(q->rounded(0) == Decimal::div(*Decimal::mul(Decimal(10, 0), Decimal(3, 0)), Decimal(12, 0))->rounded(0));
    // 1/3 x 4,5 is 1,5 -> 2; 1/3 x 1.500.001,5 is 500.000,5 -> 500.001.
    const auto r = Decimal::mul(third(), Decimal(45, 1));
    CHECK(*r == Decimal(15, 1));
    CHECK(r->rounded(0).to_plain() == "2");
    const auto s = Decimal::mul(third(), Decimal(15000015, 1));
    CHECK(*s == Decimal(5000005, 1));
    CHECK(s->rounded(0).to_plain() == "500001");
    CHECK(Decimal::mul(*Decimal::div(Decimal(-1, 0), Decimal(3, 0)), Decimal(45, 1))->rounded(0).to_plain() == "-2");
    // (1/3) x 300.000.000.000 is 100.000.000.000 exactly, to every decimal shown.
    const auto t = Decimal::mul(third(), Decimal(300000000000, 0));
    CHECK(t->rounded(6) == Decimal(100000000000, 0));
    CHECK(t->to_plain() == "100000000000");
    // Compared exactly: 1/3 x 3 is 1; 1/3 is not its 12 decimals.
    CHECK(Decimal::compare(*Decimal::mul(third(), Decimal(3, 0)), Decimal(1, 0)) == 0);
    CHECK(Decimal::compare(third(), Decimal(333333333333, 12)) > 0);
    CHECK(Decimal::compare(*third().negated(), Decimal(-333333333333, 12)) < 0);
    CHECK(*Decimal::add(*Decimal::add(third(), third()), third()) == Decimal(1, 0));
    CHECK(*Decimal::sub(Decimal(1, 0), third()) == *Decimal::div(Decimal(2, 0), Decimal(3, 0)));
    CHECK(*Decimal::div(Decimal(1, 0), third()) == Decimal(3, 0));
}

TEST_CASE("decimal: the decimal form of a quotient that does not terminate is its 12 decimals, rounded") {
    const Decimal x = third();
    CHECK_FALSE(x.is_decimal());
    CHECK(x.units() == 333333333333);
    CHECK(x.scale() == 12);
    CHECK(x.to_plain() == "0.333333333333");
    CHECK(Decimal::div(Decimal(2, 0), Decimal(3, 0))->to_plain() == "0.666666666667");
    // Asked for more decimals than it holds, it gives the 12 it has; fewer are rounded from the
    // exact value: 2/3 -> 0,67 (and 0,665 -> 0,67, not from 0,666666666667 twice).
    CHECK(x.rounded(20).to_plain() == "0.333333333333");
    CHECK(Decimal::div(Decimal(2, 0), Decimal(3, 0))->rounded(2).to_plain() == "0.67");
    // 2.820 / 1.909 x 100: the exact 147,72132006286014.., not 12 decimals of the quotient x 100.
    CHECK(Decimal::mul(*Decimal::div(Decimal(2820, 0), Decimal(1909, 0)), Decimal(100, 0))->to_plain() == "147.72132006286");
    // Trailing zeros written stay in the scale; a terminating result has its own decimals.
    CHECK(Decimal(150, 2).scale() == 2);
    CHECK(Decimal(150, 2).rounded(4).to_plain() == "1.50");
    CHECK(Decimal::div(Decimal(1, 0), Decimal(8, 0))->to_plain() == "0.125");
    CHECK(Decimal::div(Decimal(1, 0), Decimal(8, 0))->is_decimal());
}

TEST_CASE("decimal: a fraction too large for 128/64 bits falls back to 12 decimals, never to an error or a wrong sign") {
    // Dividing by ever new primes: the denominator outgrows 64 bits, and the result is rounded to
    // 12 decimals as every quotient was before, within 10^-12 of the exact value.
    Decimal x(1, 0);
    const int64_t primes[] = {1000003, 1000033, 1000037, 1000039, 1000081, 1000099};
    for (int64_t p : primes) {
        const auto q = Decimal::div(x, Decimal(p, 0));
        REQUIRE(q);
        x = *q;
    }
    CHECK(x.is_decimal());
    CHECK(x.is_zero());  // 10^-36 rounded to 12 decimals
    CHECK(x.sign() == 0);
    // A sum over many denominators stays within one unit of the 12th decimal.
    Decimal s(0, 0);
    for (int64_t p : primes) s = *Decimal::add(s, *Decimal::div(Decimal(1, 0), Decimal(p, 0)));
    CHECK(s.to_plain() == "0.000005999708");
    // Overflow stays what it was: a value whose decimal form does not fit is an error.
    CHECK_FALSE(Decimal::add(Decimal(10000000000000, 0), third()));
    CHECK_FALSE(Decimal::mul(Decimal(INT64_MAX, 0), third()));
    CHECK(Decimal::mul(Decimal(9000000000000, 0), third())->to_plain() == "3000000000000");
}

TEST_CASE("decimal: a value below the 12th decimal is not zero, and can be divided by") {
    const auto tiny = Decimal::mul(Decimal(1, 7), Decimal(1, 7));  // 10^-14
    REQUIRE(tiny);
    CHECK_FALSE(tiny->is_zero());
    CHECK(tiny->sign() == 1);
    CHECK(tiny->to_plain() == "0");  // its decimal form
    CHECK(tiny->rounded(6).is_zero());
    CHECK(*tiny > Decimal(0, 0));
    CHECK(*Decimal::mul(*tiny, Decimal(100000000000000, 0)) == Decimal(1, 0));
    CHECK(Decimal::div(Decimal(1, 0), *tiny)->to_plain() == "100000000000000");
    CHECK_FALSE(Decimal::div(Decimal(1000000, 0), *tiny));  // 10^20: an overflow
}

TEST_CASE("decimal: a result too large for 6 decimals keeps the exact value, rounded to the decimals that fit") {
    // -80.805,1 x 973.448 / -0,57 x -7,1752 / 0,020 - 0,0064 = -49.508.604.941.099,739733..:
    // 4 decimals give ,7397 from the exact value (the 6-decimal intermediate gave ,7398).
    std::optional<Decimal> x = Decimal(-808051, 1);
    x = Decimal::mul(*x, Decimal(973448, 0));
    x = Decimal::div(*x, Decimal(-57, 2));
    x = Decimal::mul(*x, Decimal(-71752, 4));
    x = Decimal::div(*x, Decimal(20, 3));
    x = Decimal::sub(*x, Decimal(64, 4));
    REQUIRE(x);
    CHECK(x->scale() == 5);
    CHECK(x->to_plain() == "-49508604941099.73973");
    CHECK(x->rounded(4).to_plain() == "-49508604941099.7397");
    CHECK(x->rounded(6).to_plain() == "-49508604941099.73973");  // no more decimals fit in 64 bits
}

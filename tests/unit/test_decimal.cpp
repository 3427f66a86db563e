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

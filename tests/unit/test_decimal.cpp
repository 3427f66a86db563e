#include <doctest/doctest.h>

#include "calc/decimal.hpp"

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

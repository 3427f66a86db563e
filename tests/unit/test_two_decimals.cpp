// Two decimals without printf (render/chart/two_decimals): the same characters as "%.2f" for
// every kind of value a chart has, ties and negative zeros included.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <limits>
#include <random>
#include <string>

#include "render/chart/two_decimals.hpp"

using boardpack::render::chart::append_two_decimals;

namespace {

std::string with_printf(double v) {
    char buf[400];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

std::string ours(double v) {
    std::string s = "x";  // appended to what is there
    append_two_decimals(v, s);
    return s.substr(1);
}

}  // namespace

TEST_CASE("two decimals: the characters printf's %.2f gives") {
    CHECK(ours(0) == "0.00");
    CHECK(ours(-0.0) == "-0.00");
    CHECK(ours(-0.001) == "-0.00");
    CHECK(ours(0.125) == "0.12");  // an exact tie goes to even
    CHECK(ours(0.375) == "0.38");
    CHECK(ours(2.675) == "2.67");  // below the tie in binary
    CHECK(ours(1.005) == "1.00");
    CHECK(ours(-12.5) == "-12.50");
    CHECK(ours(99.995) == with_printf(99.995));
    CHECK(ours(841.889764) == "841.89");
    for (double v : {1e14, -1e14, 1e15, 1e300, std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(),
                     std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::denorm_min(),
                     std::numeric_limits<double>::max()})
        CHECK(ours(v) == with_printf(v));
}

TEST_CASE("two decimals: the same as printf for many values of a page's range and of every size") {
    std::mt19937_64 random(20231002);
    std::uniform_real_distribution<double> page(-1000, 1000);
    std::uniform_int_distribution<long> hundredths(-100000000, 100000000);
    std::uniform_int_distribution<int> exponent(-30, 50);
    for (int i = 0; i < 20000; ++i) {
        const double a = page(random);
        const double tie = (static_cast<double>(hundredths(random)) + 0.5) / 100;  // near a tie
        const double eighths = static_cast<double>(hundredths(random)) / 8;         // exact ties
        const double scaled = std::ldexp(page(random), exponent(random));
        for (double v : {a, tie, eighths, scaled}) {
            INFO(v);
            REQUIRE(ours(v) == with_printf(v));
        }
    }
}

// Issue 9, point 4: figures converted between units.
#include <doctest/doctest.h>

#include "calc/options.hpp"
#include "calc/value.hpp"
#include "test_support.hpp"

using namespace boardpack;
using namespace boardpack::calc;

namespace {

std::string quoted(Decimal value, int decimals, const char* source, const char* options, bool* lost = nullptr) {
    std::string why;
    int col = 0;
    auto o = parse_options(options, false, &why, &col);
    REQUIRE(o);
    o->source_unit = source;
    return format_value(Value::of(value, decimals), *o, test::words(), lost);
}

}  // namespace

TEST_CASE("units: a figure converts from the table's unit to the one asked for") {
    CHECK(quoted(Decimal(115, 1), 1, "mio. kr.", "mio. kr.") == "11,5 mio. kr.");
    CHECK(quoted(Decimal(115, 1), 1, "mio. kr.", "kr.") == "11.500.000 kr.");
    CHECK(quoted(Decimal(115, 1), 1, "mio. kr.", "mia. kr., decimaler 4") == "0,0115 mia. kr.");
    CHECK(quoted(Decimal(2500000000, 0), 0, "", "mia. kr.") == "2,5 mia. kr.");
    CHECK(quoted(Decimal(2500000000, 0), 0, "", "mio. kr.") == "2.500,0 mio. kr.");
    CHECK(quoted(Decimal(25, 1), 1, "mia. kr.", "mio. kr.") == "2.500 mio. kr.");
    CHECK(quoted(Decimal(6, 0), 0, "pct.", "pct.") == "6 pct.");
    bool lost = false;
    CHECK(quoted(Decimal(30000, 0), 0, "", "mio. kr.", &lost) == "0,0 mio. kr.");
    CHECK(lost);
    CHECK(quoted(Decimal(0, 0), 0, "", "mio. kr.", &lost) == "0,0 mio. kr.");
    CHECK_FALSE(lost);
    CHECK(quoted(Decimal(30000, 0), 0, "", "mio. kr., decimaler 2", &lost) == "0,03 mio. kr.");
    CHECK_FALSE(lost);
}

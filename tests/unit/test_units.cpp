// Issue 9, points 3 and 4: cells as Excel formats them, and figures converted between units.
#include <doctest/doctest.h>

#include "numbers/danish_number.hpp"
#include "calc/options.hpp"
#include "calc/value.hpp"
#include "test_support.hpp"

using namespace boardpack;
using namespace boardpack::calc;

namespace {

std::string cell(const char* text) {
    const auto n = read_danish_cell(text);
    return n ? n->value.to_plain() + "/" + n->unit : "none";
}

std::string quoted(Decimal value, int decimals, const char* source, const char* options, bool* lost = nullptr) {
    FormulaError why;
    auto o = parse_options(options, false, &why);
    REQUIRE(o);
    o->source_unit = source;
    return format_value(Value::of(value, decimals), *o, test::words(), lost);
}

}  // namespace

TEST_CASE("units: cells with a unit as Excel writes them") {
    CHECK(cell("3.400.000 kr.") == "3400000/kr.");
    CHECK(cell("12,5 mio. kr.") == "12.5/mio. kr.");
    CHECK(cell("1,2 mia. kr.") == "1.2/mia. kr.");
    CHECK(cell("73 %") == "73/%");
    CHECK(cell("12,5 pct.") == "12.5/pct.");
    CHECK(cell("12,5 procent") == "12.5/pct.");
    CHECK(cell("950") == "950/");
    CHECK(cell("kr.") == "none");
    CHECK(cell("3 % kr.") == "none");
    CHECK(cell("3.40 kr.") == "none");
}

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

TEST_CASE("units: the amount unit a heading or title names, however it is spelled") {
    for (const char* text : {"Budget 2024 (mio. kr.)", "2023 (mio)", "Budget (mio.kr.)", "Beløb (mill. kr.)", "Beløb (mio)", "Beløb (mio. DKK)",
                             "Beløb (kr. i mio.)", "Beløb i millioner kroner", "Beløb i mio. kr."})
        CHECK_MESSAGE(unit_named_in(text) == "mio. kr.", text);
    for (const char* text : {"Udgifter (t. kr.)", "Udgifter (1.000 kr.)", "Udgifter (tusinde kr.)", "Udgifter (tkr.)"})
        CHECK_MESSAGE(unit_named_in(text) == "t. kr.", text);
    CHECK(unit_named_in("Formue (mia. kr.)") == "mia. kr.");
    for (const char* text : {"Udgift kr.", "Budget 2024", "Antal", "Budget (kr.)", "Miotal", "Mio-projektet",
                             "Kontingentet reduceres med 4,2 mio. kr.", "Heraf 500 tkr."})
        CHECK_MESSAGE(unit_named_in(text) == "", text);
}

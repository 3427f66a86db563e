// Issue 9, points 3 and 4: cells as Excel formats them, and figures converted between units.
#include <doctest/doctest.h>

#include "numbers/danish_number.hpp"
#include "calc/options.hpp"
#include "calc/units.hpp"
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
    for (const char* text : {"Udgifter (t. kr.)", "Udgifter (1.000 kr.)", "Udgifter (tusinde kr.)", "Udgifter (tkr.)",
                             // Regression (probe: exports' spellings read as kroner, 1.250 quoted as "1.250 kr.").
                             "Budget 2024 (000 kr.)", "Budget ('000 kr.)", "Budget (DKK 000)", "Budget (000 DKK)",
                             "Budget (kDKK)", "Budget (kr. i 1.000)", "Budget 2024 (000kr.)"})
        CHECK_MESSAGE(unit_named_in(text) == "t. kr.", text);
    CHECK(unit_named_in("Formue (mia. kr.)") == "mia. kr.");
    CHECK(unit_named_in("Beløb (mil. kr.)") == "mio. kr.");
    for (const char* text : {"Udgift kr.", "Budget 2024", "Antal", "Budget (kr.)", "Miotal", "Mio-projektet",
                             "Kontingentet reduceres med 4,2 mio. kr.", "Heraf 500 tkr.",
                             // Regression: a scale word and a money word in two clauses ("T" is a column's name).
                             "T (kr.)", "Mio (kr.)", "Pulje T, kr."})
        CHECK_MESSAGE(unit_named_in(text) == "", text);
}

TEST_CASE("units: a heading or title that names plain kroner as its figures' unit") {
    for (const char* text : {"Budget 2024 (kr.)", "Udgifter 2024, kr.", "Udgift kr.", "Beløb i kr.", "Beløb (DKK)", "Beløb i kroner",
                             "Beløb (kr. i 2024-priser)", "Note: beløb i kr."})
        CHECK_MESSAGE(names_kroner(text), text);
    for (const char* text : {"Budget 2024 (mio. kr.)", "Udgifter (1.000 kr.)", "Udgifter (kr. 1.000)", "Beløb (kr. i mio.)",
                             "Tilskud på 1.000 kr. pr. medlem", "Kontingentet reduceres med 4,2 mio. kr.", "Antal", "Budget 2024",
                             "Kr. Hyllested", "Kronekurs"})
        CHECK_FALSE_MESSAGE(names_kroner(text), text);
}

TEST_CASE("units: the unit the words after a figure name") {
    for (const char* text : {" kr.", " kr", " kroner", " DKK", "\xC2\xA0" "kr. pr. indbygger"})
        CHECK_MESSAGE(unit_word_at(text) == "kr.", text);
    for (const char* text : {" t. kr.", " tkr.", " tusinde kr.", " t.kr."}) CHECK_MESSAGE(unit_word_at(text) == "t. kr.", text);
    for (const char* text : {" mio. kr.", " mio.", " mio.kr.", " mill. kr.", " millioner kroner", " mio. DKK"})
        CHECK_MESSAGE(unit_word_at(text) == "mio. kr.", text);
    for (const char* text : {" mia. kr.", " mrd. kr.", " milliarder"}) CHECK_MESSAGE(unit_word_at(text) == "mia. kr.", text);
    for (const char* text : {" %", "%", " pct.", " procent af"}) CHECK_MESSAGE(unit_word_at(text) == "pct.", text);
    for (const char* text : {" pct.-point", " procentpoint", " %-point", " pct. point"})
        CHECK_MESSAGE(unit_word_at(text) == "pct.-point", text);
    // Another clause's unit, a number, other words: none.
    for (const char* text : {", kr.", ". Kr.", ") kr.", ".000 kr.", " 1.000 kr.", " patienter", " t", " kræft", " krav",
                             " miotal", ""})
        CHECK_MESSAGE(unit_word_at(text) == "", text);
}

TEST_CASE("units: thousands of kroner are an amount unit, written as Danish budgets write them") {
    // Tables in 1.000 kr. are common in public budgets; every spelling is read as "t. kr.".
    CHECK(cell("125 t. kr.") == "125/t. kr.");
    CHECK(cell("125 t.kr.") == "125/t. kr.");
    CHECK(cell("125,5 tkr.") == "125.5/t. kr.");
    CHECK(cell("3.400.000 kr.") == "3400000/kr.");
    CHECK(kroner_per("t. kr.") == 1000);
    for (const char* written : {"t. kr.", "t.kr.", "tkr.", "tkr", "1.000 kr."}) CHECK_MESSAGE(canonical_unit(written) == "t. kr.", written);
    CHECK(canonical_unit("mio. kr.") == "mio. kr.");
    CHECK(canonical_unit("4.200 kr.") == "4.200 kr.");
}

TEST_CASE("units: t. kr. converts exactly to and from kr., mio. kr. and mia. kr.") {
    CHECK(convert_amount(Decimal(125000, 0), "t. kr.", "mio. kr.") == Decimal(125, 0));
    CHECK(convert_amount(Decimal(1, 0), "t. kr.", "mio. kr.") == Decimal(1, 3));
    CHECK(convert_amount(Decimal(1, 0), "t. kr.", "mia. kr.") == Decimal(1, 6));
    CHECK(convert_amount(Decimal(125, 0), "t. kr.", "kr.") == Decimal(125000, 0));
    CHECK(convert_amount(Decimal(115, 1), "mio. kr.", "t. kr.") == Decimal(11500, 0));
    CHECK(convert_amount(Decimal(1234567, 0), "kr.", "t. kr.") == Decimal(1234567, 3));
    CHECK(common_unit("t. kr.", "kr.") == std::optional<std::string>("t. kr."));
    CHECK(common_unit("t. kr.", "mio. kr.") == std::optional<std::string>("mio. kr."));
    CHECK_FALSE(common_unit("t. kr.", "pct."));
    CHECK(units_conflict("pct.", "t. kr."));
    CHECK(units_conflict("t. kr.", "pct."));
    // A figure: into a larger unit one decimal, as mio. kr. prints; into a smaller one exact.
    CHECK(quoted(Decimal(125000, 0), 0, "t. kr.", "mio. kr.") == "125,0 mio. kr.");
    CHECK(quoted(Decimal(125000, 0), 0, "", "t. kr.") == "125,0 t. kr.");
    CHECK(quoted(Decimal(125, 0), 0, "t. kr.", "kr.") == "125.000 kr.");
    CHECK(quoted(Decimal(1255, 1), 1, "t. kr.", "kr.") == "125.500 kr.");
    CHECK(quoted(Decimal(115, 1), 1, "mio. kr.", "t. kr.") == "11.500 t. kr.");
    CHECK(quoted(Decimal(125000, 0), 0, "t. kr.", "t. kr.") == "125.000 t. kr.");
    // The spellings users write are one option, printed "t. kr.".
    for (const char* option : {"tkr.", "t.kr.", "1.000 kr.", "T. kr."})
        CHECK_MESSAGE(quoted(Decimal(125000, 0), 0, "", option) == "125,0 t. kr.", option);
    FormulaError why;
    CHECK_FALSE(parse_options("t. kr., tkr.", false, &why));
    CHECK(why.message.find("two units") != std::string::npos);
}

TEST_CASE("units: a title in thousands of kroner, however Danish budgets write it") {
    // Regression (repro-13): these were read as kroner, and 125.000 printed "0,1 mio. kr.".
    for (const char* text : {"Regionernes udgifter 2024, 1.000 kr.", "Regionernes udgifter 2024 (kr. 1.000)",
                             "Regionernes udgifter 2024 (DKK 1.000)", "Budget 2024 (1.000 kr.)", "Beløb i 1.000 kr.",
                             "Udgifter i 1.000 kr. fordelt på regioner", "1.000 kr.", "Udgifter (t.kr.)", "Udgifter, tkr.",
                             // Regression (probe39): read as kroner, so 1.250 printed "1.250 kr.".
                             "Budget 2024 (beløb i hele 1.000 kr.)", "Budget 2024 (hele 1.000 kr.)", "Budget 2024 (DKK '000)",
                             "Budget 2024 (TDKK)", "Budget 2024, kr. (1.000)"})
        CHECK_MESSAGE(unit_named_in(text) == "t. kr.", text);
    for (const char* text : {"Budget 2024 (mDKK)", "Budget 2024 (mkr.)", "Budget 2024 (MKR)"})
        CHECK_MESSAGE(unit_named_in(text) == "mio. kr.", text);
    CHECK(unit_named_in("Tilskud på hele 1.000 kr.") == "");
    CHECK(unit_named_in("Regionernes udgifter 2024 - beløb i mio.") == "mio. kr.");
    // An amount of 1.000 kr. or 4.200 kr. names no unit; nor do counts in millions.
    for (const char* text : {"Tilskud på 1.000 kr.", "Heraf 4.200 kr.", "Tilskud (1.000 kr. pr. borger)", "Udgifter, 4.200 kr.",
                             "Kontingent kr. 1.000 pr. år", "Indbyggere i mio.", "Budget 2024, 4,2 mio. kr."})
        CHECK_MESSAGE(unit_named_in(text) == "", text);
}

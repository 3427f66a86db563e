#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "render/html/numeric_cells.hpp"

using namespace boardpack::render::html;

namespace {

std::string joined(const FigureParts& p) { return p.whole + "|" + p.fraction + "|" + p.trail; }

}  // namespace

TEST_CASE("a numeric cell splits at its units digit, before the comma and any mark") {
    CHECK(joined(split_figure("887,33")) == "887|,33|");
    CHECK(joined(split_figure("1.008")) == "1.008||");
    CHECK(joined(split_figure("-152.100.000")) == "-152.100.000||");
    CHECK(joined(split_figure("166 **")) == "166|| **");
    CHECK(joined(split_figure("6,2 %")) == "6|,2| %");
    CHECK(joined(split_figure("Ikke oplyst*")) == "Ikke oplyst||*");
    CHECK(joined(split_figure("Ikke oplyst")) == "Ikke oplyst||");
    CHECK(joined(split_figure("-")) == "-||");
    CHECK(joined(split_figure("3 \u2020")) == "3|| \u2020");
    // Two figures are not one number to align: the text stays whole.
    CHECK(joined(split_figure("1,2-3,4")) == "1,2-3,4||");
    // A full stop after the digits is a thousands point, not a decimal sign (the Danish way).
    CHECK(joined(split_figure("12.")) == "12.||");
}

TEST_CASE("a column needs a slot only when what follows the units digit differs") {
    const auto slot = [](std::vector<std::string_view> texts) { return column_slot(texts); };
    CHECK(slot({"1.036", "5.442", "-"}) == 0);
    CHECK(slot({"2,85", "12,86", "Ikke oplyst"}) == 3);  // "Ikke oplyst" ends where the units do
    CHECK(slot({"950,5", "887,33", "1.008"}) == 3);
    CHECK(slot({"145,83", "Ikke oplyst*", "166 **"}) == 3);
    CHECK(slot({"3 \u2020", "4"}) == 2);  // a mark counts as one character, not its UTF-8 bytes
    CHECK(slot({"1,5", "", "2,5"}) == 0);  // empty cells do not count
    CHECK(slot({"*", "1"}) == 0);          // marks alone are the cell's whole, as split_figure has them
    CHECK(slot({"1,2-3,4", "5"}) == 0);    // two figures: all whole
    CHECK(slot({"1,2-3,4", "5 %"}) == 2);
    CHECK(slot_width(3) == "1.8em");
    CHECK(slot_width(5) == "3.0em");
}

#include <doctest/doctest.h>

#include "calc/evaluator.hpp"
#include "calc/expression.hpp"
#include "calc/options.hpp"
#include "test_support.hpp"

using namespace boardpack;
using namespace boardpack::calc;

namespace {

// One table "t" whose every cell is 100, and table numbers 3.
class OneTable final : public References {
public:
    std::optional<Value> cell(const std::string& n, const std::vector<std::string>& l, Failure* e) override {
        if (n == "t" && l.size() == 2) return Value::of(Decimal(100, 0), 0);
        e->message = "no table " + n;
        return std::nullopt;
    }
    std::optional<int> table_number(const std::string&, Failure*) override { return 3; }
    const Words& words() const override { return test::words(); }
};
OneTable one_table;

// A scope of named numbers, for testing the language without tables.
class Numbers final : public Scope {
public:
    Numbers() : Scope(one_table) {}
    std::map<std::string, Value> values;
    std::optional<Value> label(const std::string& l, Failure* e) override {
        auto it = values.find(l);
        if (it == values.end()) {
            e->message = "no label " + l;
            return std::nullopt;
        }
        return it->second;
    }
    std::optional<std::vector<Value>> range(const std::string& a, const std::string& b, Failure* e, bool*) override {
        std::vector<Value> out;
        bool in = false;
        for (const auto& [k, v] : values) {
            if (k == a) in = true;
            if (in) out.push_back(v);
            if (k == b) return out;
        }
        e->message = "bad range";
        return std::nullopt;
    }
    // The language passes "-" on; whether a table allows it is tested with tables.
    bool accepts_missing(const Value&, Failure*) override { return true; }
};

std::string eval(const std::string& text, Numbers& scope, const std::string& options = "") {
    FormulaError pe;
    auto e = parse_expression(text, &pe);
    if (!e) return "parse error at " + std::to_string(pe.column) + ": " + pe.message;
    FormulaError err;
    auto v = evaluate(*e, scope, &err);
    if (!v) return "error at " + std::to_string(err.column) + ": " + err.message;
    if (options.empty()) return format_value(*v, Options{}, test::words());
    const auto o = parse_options(options, false, &pe);
    return o ? format_value(*v, *o, test::words()) : "options error: " + pe.message;
}

Numbers budget() {
    Numbers n;
    n.values["a Kontingent"] = Value::of(Decimal(-152100000, 0), 0);
    n.values["b Øvrige kontingenter"] = Value::of(Decimal(-105400000, 0), 0);
    n.values["c Øvrige indtægter"] = Value::of(Decimal(-27900000, 0), 0);
    n.values["Dec. 2016"] = Value::of(Decimal(1909, 0), 0);
    n.values["01. apr. 2023"] = Value::of(Decimal(2820, 0), 0);
    n.values["Forskel B-FvR"] = Value::of(Decimal(15, 1), 1);
    n.values["Udvikling (2016=100)"] = Value::of(Decimal(7, 0), 0);
    n.values["nul"] = Value::of(Decimal(0, 0), 0);
    n.values["lavere"] = Value::word("lavere");
    n.values["ikke oplyst"] = Value::missing("Ikke oplyst");
    return n;
}

}  // namespace

TEST_CASE("formulas: sums over ranges are exact") {
    Numbers n = budget();
    CHECK(eval("sum(a Kontingent .. c Øvrige indtægter)", n) == "-285.400.000");
}

TEST_CASE("formulas: labels with spaces, dots and hyphens are written bare; operators stand between spaces") {
    Numbers n = budget();
    CHECK(eval("01. apr. 2023 / Dec. 2016 * 100", n) == "148");  // 147,7 rounds half away from zero
    CHECK(eval("[01. apr. 2023] - [Dec. 2016]", n) == "911");
    CHECK(eval("Forskel B-FvR * 2", n) == "3,0");
    CHECK(eval("-Forskel B-FvR", n) == "-1,5");
    CHECK(eval("[Udvikling (2016=100)] + 1", n) == "8");
    CHECK(eval("(25,70 - 0,70) x (1 + 3,4 / 100)", n) == "25,85");  // literals: as written
    CHECK(eval("t[Løn; Budget 2024] + 1", n) == "101");
    CHECK(eval("nummer(regnskab)", n) == "3");
}

TEST_CASE("formulas: a quotient is exact, so what follows it rounds as the exact value does") {
    Numbers n = budget();
    CHECK(eval("10 / 12 * 3", n) == "3");  // 2,5, not 2,499999999999
    CHECK(eval("10 * 3 / 12", n) == "3");
    CHECK(eval("1 / 3 * 4,5", n) == "1,5");
    CHECK(eval("1 / 3 * 4,5", n, "decimaler 0") == "2");  // 1,5, not 1,499999999999
    CHECK(eval("-1 / 3 * 4,5", n, "decimaler 0") == "-2");
    CHECK(eval("1 / 3 * 1.500.001,5", n, "decimaler 0") == "500.001");  // 500.000,5
    CHECK(eval("1 / 3 * 300.000.000.000", n, "decimaler 6") == "100.000.000.000,000000");
    CHECK(eval("Dec. 2016 / 3 * 3", n, "decimaler 6") == "1.909,000000");
    CHECK(eval("status(1 / 3 * 3; 1; højere)", n) == "opfyldt");  // 1 exactly, not 0,999999999999
    CHECK(eval("loft(1 / 3 * 3; 1)", n) == "på loftet");
    CHECK(eval("udvikling(1; 1 / 3 * 3; højere)", n) == "uændret");
}

TEST_CASE("formulas: status, trend and cap words carry a tone") {
    Numbers n = budget();
    CHECK(eval("status(73; 79; højere)", n) == "ikke opfyldt");
    CHECK(eval("status(80; 79; højere)", n) == "opfyldt");
    CHECK(eval("status(43; 45; lavere)", n) == "opfyldt");
    CHECK(eval("status(ikke oplyst; 79; højere)", n) == "-");
    CHECK(eval("udvikling(46; 43; lavere)", n) == "faldende");
    CHECK(eval("udvikling(46; 45,5; lavere; 1)", n) == "uændret");
    CHECK(eval("udvikling(46; 50; [lavere]; 1)", n) == "stigende");
    CHECK(eval("loft(950,5; 876)", n) == "over loftet");
    CHECK(eval("loft(686; 700)", n) == "under loftet");
    FormulaError pe;
    auto e = parse_expression("udvikling(46; 50; lavere)", &pe);
    FormulaError err;
    auto v = evaluate(*e, n, &err);
    CHECK(v->tone == model::Cell::Tone::Bad);
}

TEST_CASE("formulas: a trend's band is converted to the unit of the figures it judges, and is never negative") {
    Numbers n = budget();
    // 0,3 mio. kr. of change against a band of 0,5 mio. kr. (a probe got "stigende": the band was
    // read as 0,5 kr.), and against 100.000 kr. written in kroner.
    CHECK(eval("udvikling(1.000.000 kr.; 1.300.000 kr.; lavere; 0,5 mio. kr.)", n) == "uændret");
    CHECK(eval("udvikling(1 mio. kr.; 1,3 mio. kr.; lavere; 100.000 kr.)", n) == "stigende");
    CHECK(eval("udvikling(1 mio. kr.; 1,3 mio. kr.; lavere; 400.000 kr.)", n) == "uændret");
    CHECK(eval("udvikling(1 mio. kr.; 1,3 mio. kr.; lavere; 0,3)", n) == "uændret");  // no unit: the figures'
    CHECK(eval("udvikling(1; 5; højere; -10)", n) ==
          "error at 25: the band for \"uændret\" is -10; it is how far the figure may move either way, so it cannot be "
          "negative");
    // Points written with their unit were a label, "no column 5 pct.-point" (a probe's finding).
    CHECK(eval("udvikling(68 %; 72 %; højere; 5 pct.-point)", n) ==
          "parse error at 31: \"5 pct.-point\": percentage points are written as the number alone in a formula, in the "
          "unit of the shares they are a difference of (write 5 for 5 pct.-point)");
    CHECK(eval("udvikling(68 %; 72 %; højere; 2,5 procentpoint)", n).find("(write 2,5 for 2,5 procentpoint)") != std::string::npos);
    CHECK(eval("udvikling(68 %; 72 %; højere; 5)", n) == "uændret");
}

TEST_CASE("formulas: a number written as per cent is no rate to multiply or divide by") {
    Numbers n = budget();
    // "5 %" is 5, as a per-cent cell is: "* 5 %" would be five times the figure.
    CHECK(eval("t[Løn; Budget 2024] * 5 %", n) ==
          "error at 23: \"5 %\" is the number 5 in a formula, as a per-cent cell is, not a rate; write \"5 / 100\" for "
          "that share of a figure");
    CHECK(eval("100 / 3,4 pct.", n).find("error at 6: \"3,4 pct.\" is the number 3,4 in a formula") == 0);
    CHECK(eval("100 * 2 procent", n).find("error at 6: \"2 procent\" is the number 2 in a formula") == 0);
    CHECK(eval("t[Løn; Budget 2024] * 5 / 100", n) == "5");
    CHECK(eval("70 % + 3 %", n) == "73");  // shares added are fine
    CHECK(eval("status(73 %; 79 %; højere)", n) == "ikke opfyldt");
}

TEST_CASE("formulas: a missing value passes through arithmetic; text does not") {
    Numbers n = budget();
    CHECK(eval("ikke oplyst + 1", n) == "Ikke oplyst");
    CHECK(eval("lavere + 1", n) == "error at 0: \"lavere\" is not a number");
}

TEST_CASE("formulas: errors name what is wrong and where") {
    Numbers n = budget();
    CHECK(eval("Dec. 2016 / nul", n) == "error at 10: division by zero: what comes after \"/\" is 0");
    CHECK(eval("Overlæger + 1", n) == "error at 0: no label Overlæger");
    // Offsets are bytes into the formula (messages turn them into character columns).
    CHECK(eval("sum(a Kontingent .. c Øvrige indtægter", n) ==
          "parse error at 40: expected \";\" or \")\" in the call of sum, found end of the formula");
    CHECK(eval("Indeks (2016=100)", n) ==
          "parse error at 0: unknown function \"Indeks\" (a label with parentheses must be written in [brackets])");
    CHECK(eval("[Dec. 2016", n) == "parse error at 0: this \"[\" is never closed with \"]\"");
    CHECK(eval("1 +", n).rfind("parse error at 3: expected a number, a label or \"(\"", 0) == 0);
    CHECK(eval("", n) == "parse error at 0: the formula is empty");
    CHECK(eval("status(1; 2)", n) == "error at 0: status() takes 3 arguments, separated by \";\"");
    CHECK(eval("status(1; 2; bedre)", n) ==
          "error at 13: the direction must be \"højere\" or \"lavere\" (is better, which may follow: \"lavere er bedre\"), "
          "or a column holding one of them; found \"bedre\"");
    // Words after the direction that say otherwise are refused, not read by the first word (a
    // probe found "højere er dårligt" judged as higher is better).
    CHECK(eval("status(1; 2; \"højere er dårligt\")", n).find("found \"højere er dårligt\"") != std::string::npos);
    CHECK(eval("status(1; 2; \"lavere er bedre\")", n) == "opfyldt");
}

TEST_CASE("options: units, decimals, verbs") {
    FormulaError why;
    auto o = parse_options("mio. kr.", false, &why);
    REQUIRE(o);
    const Words& w = test::words();
    CHECK(format_value(Value::of(Decimal(-285400000, 0), 0), *o, w) == "-285,4 mio. kr.");
    o = parse_options("mio. kr., decimaler 0", false, &why);
    CHECK(format_value(Value::of(Decimal(10000000, 0), 0), *o, w) == "10 mio. kr.");
    o = parse_options("kr., decimaler 1", false, &why);
    CHECK(format_value(Value::of(Decimal(70, 2), 2), *o, w) == "0,7 kr.");
    o = parse_options("pct.", false, &why);
    CHECK(format_value(Value::of(Decimal(34, 1), 1), *o, w) == "3,4 pct.");
    o = parse_options("verbum", false, &why);
    CHECK(format_value(Value::word("faldende"), *o, w) == "faldet");
    o = parse_options("tolerance 0,5, rækker A .. B", true, &why);
    REQUIRE(o);
    CHECK(o->tolerance == Decimal(5, 1));
    CHECK(o->from == "A");
    CHECK_FALSE(parse_options("decimaler to", false, &why));
    // An option given twice would have the last win, silently: an error at the second.
    CHECK_FALSE(parse_options("kr., pct.", false, &why));
    CHECK(why.message == "the figure is given two units; keep the one it is printed in (\"pct.\")");
    CHECK(why.column == 5);
    CHECK_FALSE(parse_options("decimaler 1, decimaler 3", false, &why));
    CHECK(why.message == "the option \"decimaler\" is given twice; keep one");
    CHECK_FALSE(parse_options("rækker A .. B", false, &why));
    CHECK_FALSE(parse_options("decimaler 1, fed", false, &why));
    CHECK(why.column == 13);
}

TEST_CASE("formulas: a stray closing bracket is an error, not an endless loop (fuzz finding)") {
    Numbers n = budget();
    CHECK(eval("a Kontingent ] b", n) == "parse error at 13: unexpected \"]\"");
    CHECK(eval("]", n) == "parse error at 0: unexpected \"]\"");
    CHECK(eval("3,4 pct. + 1", n) == "4,4");
}

TEST_CASE("formulas: an overflow is an error at the formula, never a figure") {
    Numbers n = budget();
    n.values["mindst"] = Value::of(Decimal(INT64_MIN, 0), 0);
    n.values["størst"] = Value::of(Decimal(INT64_MAX, 0), 0);
    const std::string too_large = " is too large to compute exactly (numbers are computed exactly up to "
                                  "9.223.372.036.854.775.807 without decimals, up to 9.223.372.036.854 with 6)";
    // The smallest 64-bit value, built from literals, then negated.
    CHECK(eval("-922.337.203.685.477.580 * 10 - 8", n) == "-9.223.372.036.854.775.808");
    CHECK(eval("-(-922.337.203.685.477.580 * 10 - 8)", n) == "error at 0: the result" + too_large);
    CHECK(eval("-mindst", n) == "error at 0: the result" + too_large);
    CHECK(eval("1 + abs(mindst)", n) == "error at 4: the result" + too_large);
    CHECK(eval("størst + 1", n) == "error at 8: the result" + too_large);
    CHECK(eval("mindst - 1", n) == "error at 7: the result" + too_large);
    CHECK(eval("mindst * -1", n) == "error at 7: the result" + too_large);
    CHECK(eval("mindst / -1", n) == "error at 7: the result" + too_large);
    CHECK(eval("sum(størst; 1)", n) == "error at 0: the sum" + too_large);
    // udvikling(): the change from before to now, and the band, are checked.
    CHECK(eval("udvikling(mindst; størst; højere)", n) ==
          "error at 0: the change from -9.223.372.036.854.775.808 to 9.223.372.036.854.775.807" + too_large);
    CHECK(eval("udvikling(størst; mindst; lavere)", n).rfind("error at 0: the change from", 0) == 0);
    CHECK(eval("udvikling(1; 2; højere; mindst)", n) ==
          "error at 25: the band for \"uændret\" is -9.223.372.036.854.775.808; it is how far the figure may move either "
          "way, so it cannot be negative");
    CHECK(eval("udvikling(1 kr.; 2 kr.; højere; 9.300.000.000.000 mio. kr.)", n) == "error at 33: the band" + too_large);
    CHECK(eval("udvikling(mindst; -1; højere)", n) == "stigende");  // -1 - INT64_MIN is INT64_MAX: fits
    // Comparisons at the extremes need no arithmetic and stay right.
    CHECK(eval("status(mindst; størst; lavere)", n) == "opfyldt");
    CHECK(eval("loft(størst; mindst)", n) == "over loftet");
    CHECK(eval("min(størst; mindst)", n) == "-9.223.372.036.854.775.808");
}

TEST_CASE("formula: 64 levels of parentheses are read, 65 are refused (README, Limits)") {
    // Regression (hostile-9): the limit counted the formula's own level, so 64 parentheses were
    // "nested too deeply" while the README allows 64.
    boardpack::calc::FormulaError err;
    CHECK(boardpack::calc::parse_expression(std::string(64, '(') + "1" + std::string(64, ')'), &err) != nullptr);
    boardpack::calc::FormulaError deep;
    CHECK(boardpack::calc::parse_expression(std::string(65, '(') + "1" + std::string(65, ')'), &deep) == nullptr);
    CHECK(deep.message == "the formula is nested too deeply");
}

TEST_CASE("formula: a number alone in brackets is refused, as an accounting sheet's negative would be") {
    // Regression (hunt, small): "værdi: r = (0,70)" pasted from an accounting sheet was +0,70.
    boardpack::calc::FormulaError err;
    CHECK(boardpack::calc::parse_expression("(0,70)", &err) == nullptr);
    CHECK(err.message == "\"(0,70)\" is 0,70 in a formula, not the negative figure an accounting sheet writes so; write "
                         "-0,70 for a negative figure, or 0,70 without the brackets");
    // Brackets around a number inside a formula group as they always do.
    for (const char* ok : {"(0,70) * 2", "2 * (0,70)", "-(0,70)", "((1 + 2))", "(-0,70)"}) {
        boardpack::calc::FormulaError e;
        CHECK_MESSAGE(boardpack::calc::parse_expression(ok, &e) != nullptr, ok);
    }
}

#include <doctest/doctest.h>

#include "numbers/danish_number.hpp"
#include "core/text.hpp"

#include <string>
#include <vector>

using boardpack::calc::Decimal;
using boardpack::calc::format_danish;
using boardpack::calc::read_danish_number;

namespace {

std::string read_plain(const char* text) {
    const auto n = read_danish_number(text);
    return n ? n->value.to_plain() + "/" + std::to_string(n->decimals) + (n->percent ? "%" : "") : "none";
}

}  // namespace

TEST_CASE("danish numbers: reading") {
    CHECK(read_plain("1.036") == "1036/0");
    CHECK(read_plain("2,85") == "2.85/2");
    CHECK(read_plain("-152.100.000") == "-152100000/0");
    CHECK(read_plain("\xE2\x88\x92" "3,2") == "-3.2/1");  // U+2212 minus sign
    // Regression (hunt-7): a hyphen (U+2010) or a non-breaking hyphen (U+2011), which Word and web
    // pages put before a figure, made the cell text: left out of its total, the right total warned of.
    CHECK(read_plain("\xE2\x80\x93" "3,2") == "-3.2/1");    // en dash
    CHECK(read_plain("\xE2\x80\x92" "3,2") == "-3.2/1");    // figure dash
    CHECK(read_plain("\xE2\x80\x91" "152.100.000") == "-152100000/0");
    CHECK(read_plain("\xE2\x80\x90" "7") == "-7/0");
    CHECK(read_plain("\xE2\x80\x94" "7") == "none");  // an em dash is no minus
    CHECK(boardpack::calc::minus_sign_size("\xE2\x80\x91" "1") == 3);
    CHECK(boardpack::calc::minus_sign_size("-1") == 1);
    CHECK(boardpack::calc::minus_sign_size("+1") == 0);
    CHECK(boardpack::calc::minus_sign_size("\xE2\x80") == 0);
    CHECK(read_plain("73 %") == "73/0%");
    CHECK(read_plain("73 pct.") == "73/0%");
    CHECK(read_plain("  950,5 ") == "950.5/1");
    CHECK(read_plain("0") == "0/0");
    CHECK(read_plain("1\xC2\xA0" "036") == "1036/0");  // no-break space groups thousands
}

TEST_CASE("danish numbers: a no-break or narrow space before the unit is a space (probe27)") {
    // "40 %" and "100 kr." with the space Word or a web page writes were text: a formula quoting
    // them an error whose message showed no reason.
    CHECK(read_plain("40\xC2\xA0%") == "40/0%");
    CHECK(read_plain("12,5\xE2\x80\xAF" "pct.") == "12.5/1%");
    CHECK(read_plain("\xC2\xA0" "950,5\xC2\xA0") == "950.5/1");
    for (const char* text : {"1.250\xC2\xA0kr.", "1.250\xC2\xA0mio.\xC2\xA0kr.", "1\xE2\x80\xAF" "250\xE2\x80\xAF" "t.\xC2\xA0kr."}) {
        const auto n = boardpack::calc::read_danish_cell(text);
        REQUIRE_MESSAGE(n, text);
        CHECK(n->value.to_plain() == "1250");
    }
    CHECK(boardpack::calc::read_danish_cell("1.250\xC2\xA0mio.\xC2\xA0kr.")->unit == "mio. kr.");
    // A thin or a figure space, as typeset reports group thousands and a table copied out of a
    // PDF brings them (regression thin-space: "1 234" was text, and a column of them, skipped
    // by a sum row, left its total empty).
    CHECK(read_plain("1\xE2\x80\x89" "234") == "1234/0");
    CHECK(read_plain("5\xE2\x80\x87" "932\xE2\x80\x87" "654") == "5932654/0");
    CHECK(read_plain("12,5\xE2\x80\x89%") == "12.5/1%");
    CHECK(read_plain("1\xE2\x80\x89" "23") == "none");
    CHECK(read_plain("1\xE2\x80\x94" "234") == "none");  // an em dash is no space
    // Not a way in for what is no number.
    CHECK(read_plain("12\xC2\xA0" "3x") == "none");
    CHECK(read_plain("1\xC2\xA0" "03") == "none");
}

TEST_CASE("danish numbers: what is not a number") {
    CHECK(read_plain("") == "none");
    CHECK(read_plain("-") == "none");
    CHECK(read_plain("Ikke oplyst") == "none");
    CHECK(read_plain("gens. 950,5") == "none");
    CHECK(read_plain("01.01.23-30.06.23") == "none");
    CHECK(read_plain("12,3x") == "none");
    // Without a digit nothing is read, and nothing hinted (a formula's every word is tried).
    for (const char* word : {"Løn", "I alt", "kr.", "- %", "pct.", "mio. kr.", ",", ".", "\xE2\x88\x92"}) {
        std::string none;
        CHECK_FALSE(read_danish_number(word, &none));
        CHECK_FALSE(boardpack::calc::read_danish_cell(word, &none));
        CHECK(none.empty());
    }
    std::string hint;
    CHECK_FALSE(read_danish_number("2.5", &hint));
    CHECK(hint.find("\",\"") != std::string::npos);
    CHECK_FALSE(read_danish_number("1,036.5", &hint));
}

TEST_CASE("danish numbers: writing rounds half away from zero and groups thousands") {
    CHECK(format_danish(Decimal(46200000, 0), 0) == "46.200.000");
    CHECK(format_danish(Decimal(-152100000, 0), 0) == "-152.100.000");
    CHECK(format_danish(Decimal(2845, 3), 2) == "2,85");
    CHECK(format_danish(Decimal(-2845, 3), 2) == "-2,85");
    CHECK(format_danish(Decimal(1477, 1), 0) == "148");
    CHECK(format_danish(Decimal(21, 1), 2) == "2,10");
    CHECK(format_danish(Decimal(-4, 1), 0) == "0");  // no "-0"
    CHECK(format_danish(Decimal(999, 0), 0) == "999");
    CHECK(format_danish(Decimal(1000, 0), 0) == "1.000");
}

TEST_CASE("danish numbers: a table cell's printed text and English-looking decimals are written here") {
    using boardpack::calc::english_decimal;
    using boardpack::calc::format_danish_cell;
    using boardpack::calc::read_danish_cell;
    CHECK(format_danish_cell(*read_danish_cell("3400000 kr.")) == "3.400.000 kr.");
    CHECK(format_danish_cell(*read_danish_cell("73%")) == "73 %");
    CHECK(format_danish_cell(*read_danish_cell("−3,20")) == "-3,20");
    CHECK(english_decimal("2.5"));
    CHECK(english_decimal("-1100.001"));
    CHECK_FALSE(english_decimal("1.036.000"));
    CHECK_FALSE(english_decimal("2,5"));
    // With a unit as Excel writes it, too: "2.5 kr." is no more Danish than "2.5".
    CHECK(english_decimal("2.5 kr."));
    CHECK(english_decimal("-2.5 mio. kr."));
    CHECK(english_decimal("2.5 %"));
    CHECK(english_decimal("2.5%"));
    CHECK(english_decimal("12.5 pct."));
    CHECK_FALSE(english_decimal("kr."));
}

TEST_CASE("danish numbers: no Danish number begins with the thousands group 0, so \"0.125\" is not 125") {
    using boardpack::calc::zero_first_group;
    for (const char* text : {"0.125", "00.125", "-0.625", "0.125.000", "0 125", "0.125 %"}) {
        CAPTURE(text);
        CHECK(read_plain(text) == "none");
        std::string hint;
        CHECK_FALSE(read_danish_number(text, &hint));
        CHECK(hint.find("a number does not begin with a thousands group of 0") == 0);
        CHECK(zero_first_group(text));
    }
    std::string hint;
    read_danish_number("-0.625", &hint);
    CHECK(hint.find("(-0,625)") != std::string::npos);
    CHECK(zero_first_group("0.125 kr."));
    CHECK_FALSE(zero_first_group("01.01.23"));  // a date is text, as it was
    CHECK(read_plain("0,125") == "0.125/3");
    CHECK(read_plain("-0,5") == "-0.5/1");
    CHECK(read_plain("1.250") == "1250/0");
}

TEST_CASE("danish numbers: a whole number with a leading zero is a code, not an amount") {
    using boardpack::calc::leading_zero;
    for (const char* text : {"0101", "007", "00", "00,5", "-0101"}) {
        CAPTURE(text);
        CHECK(read_plain(text) == "none");
        CHECK(leading_zero(text));
    }
    std::string hint;
    CHECK_FALSE(read_danish_number("0101", &hint));
    CHECK(hint.find("a number does not begin with 0") == 0);
    CHECK(hint.find("write 101") != std::string::npos);
    CHECK(read_plain("0") == "0/0");
    CHECK(read_plain("0 %") == "0/0%");
    CHECK_FALSE(leading_zero("0"));
    CHECK_FALSE(leading_zero("0,5"));
}

namespace {

// names_per_cent as first written: each way of naming per cent looked for in the folded heading
// between two spaces. The function looks for "pct" and "procent" once and compares around them.
bool names_per_cent_as_written(const std::string& heading) {
    if (heading.find_first_of("%pP") == std::string::npos) return false;
    const std::string k = " " + boardpack::fold_label(heading) + " ";
    const auto after_number = [&](size_t at) {
        while (at > 0 && k[at - 1] == ' ') --at;
        return at > 0 && k[at - 1] >= '0' && k[at - 1] <= '9';
    };
    for (size_t at = k.find('%'); at != std::string::npos; at = k.find('%', at + 1))
        if (!after_number(at)) return true;
    for (const char* word : {" (pct.) ", " (pct) ", " (procent) "})
        if (k.find(word) != std::string::npos) return true;
    for (const char* word : {" pct ", " pct. ", " procent ", " pct.) "})
        for (size_t at = k.find(word); at != std::string::npos; at = k.find(word, at + 1))
            if (!after_number(at + 1)) return true;
    return false;
}

}  // namespace

TEST_CASE("danish numbers: names_per_cent reads a heading as the search for each way of writing it did") {
    const std::vector<std::string> headings = {
        "%", "Andel (%)", "Andel i pct.", "Procent", "PCT", "pct", "pct.", "Pct.)", "(pct.)", "(pct)", "(procent)",
        "Andel 2023 (pct.)", "Andel 2023 (PCT)", "Andel 2023 (Procent)", "Budget 2024 inkl. 25 pct. moms",
        "Budget (inkl. 5 % moms)", "5 %", "5%", "5  %", "a 5 % b %", "Ændring (%-point)", "Ændring i pct.-point",
        "pct.point", "5 pct", "5 pct.) x", "x pct.) y", "Andel pct) x", "apct b", "a pctb", "pct pct", "5 pct pct",
        "5 procent procent", "Opgørelse (procent)", "Speciallæger", "Apr. 2023", "procentpoint", "(pct.)x", "x(pct.) ",
        "  Andel   i\tpct.  ", "Andel i p\xC2\xAD" "ct.", "Andel\xC2\xA0pct.", "P", "p", "%%", "1%%", "(Pct.) (pct)",
        "pct.) ", " (pct.) ", "2023 (pct.)", "2023 pct.", "2023pct.", "x pct.-point", "PROCENT", "procenter",
        std::string(200, 'p') + " pct.", std::string(100, 'x') + " (pct) " + std::string(100, 'y'),
    };
    for (const std::string& h : headings) {
        CAPTURE(h);
        CHECK(boardpack::calc::names_per_cent(h) == names_per_cent_as_written(h));
    }
}

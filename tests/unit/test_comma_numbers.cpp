// Numbers a file separated by "," could mean two ways (input/comma_numbers.*, calc::two_readings).
#include <doctest/doctest.h>

#include "numbers/danish_number.hpp"
#include "one_item_meeting.hpp"

using namespace boardpack;

namespace {

using test::row_texts;

test::OneItem compute(const std::string& body, const std::string& csv) { return test::compute_one_item(body, csv); }
const model::Table& table(const test::OneItem& l) { return l.table(); }

const char* const kTotal = "```tabel\nfil: t.csv\nnavn: t\ntitel: T\nrække: Total = sum(A .. C)\ntilføj: nederst\n```\n";

}  // namespace

TEST_CASE("two readings: a number whose one mark stands before three digits reads two ways") {
    auto r = calc::two_readings("1.250");
    REQUIRE(r);
    CHECK(r->whole.value == calc::Decimal(1250, 0));
    CHECK(r->decimal.value == calc::Decimal(125, 2));
    CHECK(r->whole_written == "1250");
    CHECK(r->decimal_written == "1,25");
    r = calc::two_readings("1,250");
    REQUIRE(r);
    CHECK(r->whole_written == "1250");
    CHECK(r->decimal_written == "1,25");
    // Three decimals cannot be written so that both notations agree.
    r = calc::two_readings("2.375");
    REQUIRE(r);
    CHECK(r->decimal_written == "");
    r = calc::two_readings("-1.000 kr.");
    REQUIRE(r);
    CHECK(r->whole_written == "-1000 kr.");
    CHECK(r->decimal_written == "-1 kr.");
    CHECK(calc::format_danish_cell(r->whole) == "-1.000 kr.");
    // One reading only: two points, both marks, a first group 0, a space, decimals not three.
    for (const char* one : {"1.250.000", "1.250,5", "0,250", "12,5", "1 250", "1.25", "1250", "12.5000", "1234.567"})
        CHECK_MESSAGE(!calc::two_readings(one), one);
}

TEST_CASE("comma files: \"1.250\" in a file separated by \",\" is an error at its cell, not 1.250") {
    // Regression (repro-5): an English-style export's 1.250, 2.375, 3.125 were summed as 6.750.
    const auto l = compute(kTotal, "Post,Rate\nA,1.250\nB,2.375\nC,3.125\n");
    CHECK(l.messages.find(
              "m/01-a/t.csv:2:3: error: \"1.250\" could be 1.250 or 1,25: files separated by \",\" are often written the "
              "English way, with \".\" as the decimal point and \",\" grouping thousands; write 1250 for 1.250 or \"1,25\" for "
              "1,25, or separate the fields by \";\" as Danish Excel does (\"CSV (semikolonsepareret)\"): such a file is read "
              "the Danish way\n") != std::string::npos);
    CHECK(l.messages.find("m/01-a/t.csv:3:3: error: \"2.375\" could be 2.375 or 2,375: ") != std::string::npos);
    CHECK(l.messages.find("write 2375 for 2.375; for 2,375, separate the fields by \";\"") != std::string::npos);
    CHECK(l.messages.find("m/01-a/t.csv:4:3: error: \"3.125\"") != std::string::npos);
}

TEST_CASE("comma files: the unambiguous ways to write numbers are read, and \";\" files the Danish way") {
    // Without the point, quoted with a decimal comma, or with both marks: one reading each.
    auto l = compute(kTotal, "Post,Rate\nA,1250\nB,\"1,25\"\nC,\"1.250,5\"\n");
    CHECK(l.messages == "");
    CHECK(row_texts(table(l), 3) == std::vector<std::string>{"Total", "2.501,75"});
    // A file separated by ";" is Danish Excel's: "1.250" is a thousand two hundred and fifty.
    l = compute(kTotal, "Post;Rate\nA;1.250\nB;2.375\nC;3.125\n");
    CHECK(l.messages == "");
    CHECK(row_texts(table(l), 3) == std::vector<std::string>{"Total", "6.750"});
}

TEST_CASE("comma files: a quoted \"1,250\" is as ambiguous as 1.250, and \"1.25\" says to quote its decimal comma") {
    auto l = compute(kTotal, "Post,Rate\nA,\"1,250\"\nB,1\nC,2\n");
    CHECK(l.messages.find("m/01-a/t.csv:2:3: error: \"1,250\" could be 1.250 or 1,25: ") != std::string::npos);
    l = compute(kTotal, "Post,Rate\nA,1.25\nB,1\nC,2\n");
    CHECK(l.messages.find("m/01-a/t.csv:2:3: error: \"1.25\" is not a Danish number: \".\" groups thousands in Danish "
                          "numbers; in a file separated by \",\", write the number with a decimal comma in double quotes, "
                          "\"1,25\", or separate the fields by \";\"") != std::string::npos);
    // The same cell in a ";" file keeps its message, which has no quotes to ask for.
    l = compute(kTotal, "Post;Rate\nA;1.25\nB;1\nC;2\n");
    CHECK(l.messages.find("error: \"1.25\" is not a Danish number: \".\" groups thousands in Danish numbers; write decimals "
                          "with \",\" (2,5)") != std::string::npos);
}

TEST_CASE("semicolon files: a point before three digits in a column with an English decimal point reads two ways") {
    // Regression (english-decimal-column): "12.5" and "0.5" were errors at their cells, but
    // "1.250" beside them, likely 1,25 in a file exported the English way, was read as 1.250 in
    // silence, and stayed so once the others were corrected.
    auto l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\n```\n", "Ydelse;Takst\nA;12.5\nB;1.250\nC;0.5\nD;2.000 kr.\n");
    CHECK(l.messages.find("m/01-a/t.csv:3:3: error: \"1.250\" could be 1.250 or 1,25: \"12.5\" at m/01-a/t.csv:2:3 in the "
                          "same column is written the English way, with \".\" as the decimal point; write 1250 for 1.250 or "
                          "1,25 for 1,25") != std::string::npos);
    CHECK(l.messages.find("m/01-a/t.csv:5:3: error: \"2.000 kr.\" could be 2.000 kr. or 2 kr.") != std::string::npos);
    // Without one in the column, a ";" file is read the Danish way.
    l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\n```\n", "Ydelse;Takst;Note\nA;12,5;2.5\nB;1.250;x\n");
    CHECK(l.messages.find("\"1.250\" could be") == std::string::npos);
}

TEST_CASE("semicolon files: one number with three decimals among whole numbers is a warning at its cell") {
    // A probe: 500, 750 and "1,250" patients (an English thousands comma) summed to 1.251,250.
    auto l = compute(kTotal, "Post;Antal\nA;500\nB;750\nC;1,250\n");
    CHECK(l.messages.find("m/01-a/t.csv:4:3: warning: \"1,250\" has three decimals in a column whose other figures are whole "
                          "numbers: if it is 1.250 written the English way (a comma grouping thousands), write 1.250") !=
          std::string::npos);
    // With a unit after it (regression lone-three-decimals-unit: the point of "kr." hid the
    // warning, and 1.500 kr., 1,250 kr. and 2.000 kr. summed to 3.501,250 in silence).
    l = compute(kTotal, "Post;Beløb\nA;1.500 kr.\nB;1,250 kr.\nC;2.000 kr.\n");
    CHECK(l.messages.find("m/01-a/t.csv:3:3: warning: \"1,250 kr.\" has three decimals in a column whose other figures are "
                          "whole numbers: if it is 1.250 written the English way") != std::string::npos);
    l = compute(kTotal, "Post;Andel\nA;12 pct.\nB;1,250 pct.\nC;20 pct.\n");
    CHECK(l.messages.find("m/01-a/t.csv:3:3: warning: \"1,250 pct.\" has three decimals") != std::string::npos);
    // Regression (three-decimals-each): an English export writes every figure from 1.000 up with
    // a comma, so "1,250" and "2,500" beside 500 and 750 (a count, 4.250 patients) were read as
    // 1,25 and 2,5 in silence, as a column of decimals: a warning at each.
    l = compute(kTotal, "Post;Antal\nA;500\nB;1,250\nC;750\nD;2,500\n");
    CHECK(l.messages.find("m/01-a/t.csv:3:3: warning: \"1,250\" has three decimals") != std::string::npos);
    CHECK(l.messages.find("m/01-a/t.csv:5:3: warning: \"2,500\" has three decimals in a column whose other figures are "
                          "whole numbers: if it is 2.500 written the English way") != std::string::npos);
    // Regression (probe39): beside one whole number, or with another such number, as well:
    // 1,250 and 980 for two regions summed to 981,250 in silence.
    for (const char* csv : {"Post;Rate\nA;500\nC;1,250\n", "Post;Rate\nA;2,125\nB;750\nC;1,250\n"}) {
        l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\n```\n", csv);
        CHECK_MESSAGE(l.messages.find("warning: \"1,250\" has three decimals in a column whose other figures are whole "
                                      "numbers") != std::string::npos,
                      csv);
    }
    // Decimals throughout, a fraction, or nothing else to tell: as written.
    for (const char* csv : {"Post;Rate\nA;1,5\nB;750\nC;1,250\n", "Post;Rate\nA;500\nB;750\nC;0,125\n",
                            "Post;Rate\nA;500 kr.\nB;1,5 kr.\nC;1,250 kr.\n", "Post;Rate\nA;2,125\nC;1,250\n"}) {
        l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\n```\n", csv);
        CHECK_MESSAGE(l.messages == "", csv);
    }
}

TEST_CASE("semicolon files: a number with three decimals under a heading of counts is a warning, however few others") {
    // Regression (count-three-decimals): "1,250" and "2,500" patients alone, or beside one whole
    // number, had too few others to tell, and were read as 1,25 and 2,5 patients in silence.
    const char* const plain = "```tabel\nfil: t.csv\nnavn: t\ntitel: T\n```\n";
    auto l = compute(plain, "Region;Antal patienter\nA;1,250\nB;2,500\n");
    CHECK(l.messages.find("m/01-a/t.csv:2:3: warning: \"1,250\" has three decimals in a column of counts (\"Antal "
                          "patienter\"): if it is 1.250 written the English way (a comma grouping thousands), write 1.250; "
                          "if it is the decimal number, write it with fewer decimals") != std::string::npos);
    CHECK(l.messages.find("m/01-a/t.csv:3:3: warning: \"2,500\" has three decimals in a column of counts") !=
          std::string::npos);
    // A table titled as counts (a probe typed the seed's doctors "1,036", "5,442", "1,909" and
    // printed "9,357 speciallæger").
    l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: Antal fuldtidsansatte speciallæger. Hele landet\n```\n",
                ";Dec. 2016;April 2023\nLægelige chefer;1,036;1,496\nOverlæger;5,442;5,041\n");
    CHECK(l.messages.find("m/01-a/t.csv:2:17: warning: \"1,036\" has three decimals in a column of counts (\"Dec. 2016\")") !=
          std::string::npos);
    l = compute(plain, "Region;Indbyggere\nA;500\nB;1,250\n");
    CHECK(l.messages.find("m/01-a/t.csv:3:3: warning: \"1,250\" has three decimals in a column of counts") !=
          std::string::npos);
    // A rate or an average of counts has decimals; so has a column with other decimals, and a
    // fraction is no thousand.
    for (const char* csv : {"Region;Antal pr. 1.000 indbyggere\nA;1,250\nB;2,500\n", "Region;Gns. antal dage\nA;1,250\n",
                            "Region;Antal patienter\nA;1,5\nB;1,250\n", "Region;Antal patienter\nA;0,125\n",
                            "Region;Rate\nA;1,250\nB;2,500\n"}) {
        l = compute(plain, csv);
        CHECK_MESSAGE(l.messages == "", csv);
    }
}

TEST_CASE("comma files: an unquoted decimal comma split into the column after it is a warning there") {
    // Regression (probe41): "Medicinrådet,12,5" under "Enhed,Beløb,Note" kept its three fields: 12
    // under "Beløb", 5 under "Note", and the total printed 119 for 119,75 in silence.
    const char* const body = "```tabel\nfil: t.csv\nnavn: t\ntitel: Tilskud (mio. kr.)\ntalenhed: mio. kr.\n```\n";
    auto l = compute(body, "Enhed,Beløb,Note\nMedicinrådet,12,5\nBehandlingsrådet,7,25\nKvalitetsenheden,100,\n");
    CHECK(l.messages.find("m/01-a/t.csv:2:17: warning: \"5\" under \"Note\" may be the decimals of the number before it: in "
                          "a file separated by \",\", 12,5 splits in two unless it is quoted, and a whole number leaves "
                          "\"Note\" empty (as \"100\" does); if it is one number, write it in double quotes, \"12,5\"") !=
          std::string::npos);
    // Quoted, or a column of its own figures (a heading with a year), or nothing left empty: as written.
    for (const char* csv : {"Enhed,Beløb,Note\nA,\"12,5\"\nB,\"7,25\"\nC,100\n",
                            "Region,2023,2024\nNord,100,120\nSyd,90,\n",
                            "Enhed,Beløb,Antal\nA,12,5\nB,7,25\n",
                            // A column of figures with one missing (probe41b).
                            "Hospital,Patienter,Dødsfald\nNord,1250,12\nMidt,980,\nSyd,1430,7\n"}) {
        l = compute(body, csv);
        CHECK_MESSAGE(l.messages.find("may be the decimals") == std::string::npos, csv);
    }
}

TEST_CASE("comma files: a whole number and bare digits beside quoted decimals may be one number split in two") {
    // Regression (hunt-6): "Drift,12,5" typed by hand beside "12,5" and "1,5" in quotes kept the
    // row's three fields: 12 under "2023", 5 under "2024", and the total 26,0 / 21,0 in silence.
    const char* const body =
        "```tabel\nfil: t.csv\nnavn: t\ntitel: Udgifter (mio. kr.)\ntalenhed: mio. kr.\nrække: I alt = sum(Løn .. Husleje)\n```\n";
    auto l = compute(body, "Post,2023,2024\nLøn,\"12,5\",\"13,5\"\nDrift,12,5\nHusleje,\"1,5\",\"2,5\"\nI alt,,\n");
    CHECK(l.messages.find("m/01-a/t.csv:3:7: warning: 12 under \"2023\" and 5 under \"2024\" may be one number, 12,5, split "
                          "in two by an unquoted decimal comma: the other figures under \"2023\" are written with 1 decimal, "
                          "in double quotes; if it is one number, write \"12,5\"") != std::string::npos);
    // Two decimals, and the bare digits as many.
    l = compute(body, "Post,2023,2024\nLøn,\"12,25\",\"13,5\"\nDrift,12,75\nHusleje,\"1,50\",\"2,5\"\nI alt,,\n");
    CHECK(l.messages.find("t.csv:3:7: warning: 12 under \"2023\" and 75 under \"2024\" may be one number, 12,75") !=
          std::string::npos);
    // Quoted, whole numbers all down the column, decimals that differ, digits not as many as the
    // decimals, or a ";" file: as written.
    for (const char* csv : {"Post,2023,2024\nLøn,\"12,5\",\"13,5\"\nDrift,\"12\",\"5\"\nHusleje,\"1,5\",\"2,5\"\nI alt,,\n",
                            "Post,2023,2024\nLøn,12,13\nDrift,12,5\nHusleje,1,2\nI alt,,\n",
                            "Post,2023,2024\nLøn,\"12,5\",\"13,5\"\nDrift,12,5\nHusleje,\"1,25\",\"2,5\"\nI alt,,\n",
                            "Post,2023,2024\nLøn,\"12,5\",\"13,5\"\nDrift,12,50\nHusleje,\"1,5\",\"2,5\"\nI alt,,\n",
                            "Post;2023;2024\nLøn;12,5;13,5\nDrift;12;5\nHusleje;1,5;2,5\nI alt;;\n"}) {
        l = compute(body, csv);
        CHECK_MESSAGE(l.messages.find("may be one number") == std::string::npos, csv);
    }
}

// Columns of codes and years: printed as written, never computed with (input/code_columns.*).
#include <doctest/doctest.h>

#include "input/code_columns.hpp"
#include "one_item_meeting.hpp"

using namespace boardpack;

namespace {

using test::row_texts;

test::OneItem compute(const std::string& body, const std::string& csv) { return test::compute_one_item(body, csv); }
const model::Table& table(const test::OneItem& l) { return l.table(); }
std::string figure_text(const test::OneItem& l) { return l.figure_text(); }

}  // namespace

TEST_CASE("code columns: a heading names an identifier or a year") {
    using input::CodeHeading;
    for (const char* id : {"Postnr.", "Postnummer", "CVR-nr.", "CVR", "P-nr.", "EAN", "EAN-nr.", "Kode", "Kommunekode",
                           "Journalnr.", "Sagsnr.", "Sagsnummer", "ID", "Nr.", "CVR-nr. (virksomhed)", "Kontonr.*",
                           // a probe's "Konto" and "Note" (10, 20, 30 and 1, 2, 3) were added up as t. kr.
                           "Konto", "Note", "Noter", "Fodnote",
                           // a probe's ERP export: "Artskonto" 1100 and 2200 added up to "I alt 3.300".
                           "Artskonto", "Hovedkonto", "Funktionskonto", "Finanskonto", "Kto.", "No.", "SOR", "GLN", "PSP",
                           "SHAK", "Kostcenter", "Omkostningssted", "Ansvarssted"})
        CHECK_MESSAGE(input::code_heading(id) == CodeHeading::Identifier, id);
    for (const char* year : {"År", "Årstal", "Åbnet år", "Byggeår", "År for åbning"})
        CHECK_MESSAGE(input::code_heading(year) == CodeHeading::Year, year);
    // Counts, rates, amounts and periods name no code.
    for (const char* none : {"Antal år", "Udgift pr. år", "Antal CVR-numre", "Senge", "Budget 2024", "I alt (kr.)",
                             "Dec. 2016", "Årsværk", "Periode", "Budget år 2024", "År 2024", "Udgift pr. år (mio. kr.)",
                             "Beløb (t.kr.)", "Kode (kr.)", "Andel (%)", "Konto (mio. kr.)", "Kontobeløb",
                             // "i år", "sidste år" say when (a probe: "Forbrug i år" printed 2100 as a year).
                             "Forbrug i år", "Forbrug sidste år", "Næste år", "Udgifter samme år i fjor",
                             // A name with its number (a probe: "Kommune nr. 20" rows printed as codes, unaligned).
                             "Kommune nr. 20", "Afdeling nr. 3", "Bygning nummer 12", "Region no. 1"})
        CHECK_MESSAGE(input::code_heading(none) == CodeHeading::None, none);
}

TEST_CASE("code columns: a period of a year or a count of person-years is no year") {
    using input::CodeHeading;
    // Words that end in "år" but name no year: half and whole years as periods, person-years and
    // life years as counts, wounds as counts of patients.
    for (const char* none : {"Første halvår", "Andet halvår", "Halvår", "Helår", "Elevår", "Mandeår", "Mandår", "Personår",
                             "Leveår", "Vundne leveår", "Kvalitetsjusterede leveår", "Patientår", "Kursistår", "Tryksår",
                             "Liggesår", "Sår",
                             // Regression (probe39): a budget's columns of amounts, wounds, seasons, and
                             // "indeværende år" that says when.
                             "Budgetår", "Overslagsår", "Bensår", "Forår", "Efterår", "Forbrug indeværende år",
                             "Korrektion vedr. tidligere år", "Budget kommende år"})
        CHECK_MESSAGE(input::code_heading(none) == CodeHeading::None, none);
    for (const char* year : {"År", "Åbnet år", "Byggeår", "Årstal", "Regnskabsår"})
        CHECK_MESSAGE(input::code_heading(year) == CodeHeading::Year, year);
    // Regression (probe27): "Første halvår" over 1250, 1300 and 1420 was a column of years: its
    // figures printed as years and the sum row left its cell empty, without a word.
    const auto l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: Patienter\nrække: I alt = sum(A .. C)\n```\n",
                           "Region;Første halvår;Elevår;Udgift\nA;1250;1250;100\nB;1300;1300;200\nC;1420;1420;300\nI alt;;;\n");
    REQUIRE(l.meeting);
    CHECK(l.messages == "");
    CHECK(row_texts(table(l), 3) == std::vector<std::string>{"I alt", "3.970", "3.970", "600"});
}

TEST_CASE("code columns: postcodes, CVR numbers and years print as written and are left out of a total") {
    // Regression (repro-7): printed 2.100, 29.190.623, 1.910 and summed into "I alt".
    const auto l = compute(
        "```tabel\nfil: t.csv\nnavn: t\ntitel: Sygehuse\n"
        "række: I alt = sum(Rigshospitalet .. Aarhus Universitetshospital)\n```\n\n"
        "Postnummer {t[Rigshospitalet; Postnr.]}, åbnet {t[Rigshospitalet; Åbnet år]}.\n",
        "Sygehus;Postnr.;CVR-nr.;Åbnet år;Senge\n"
        "Rigshospitalet;2100;29190623;1910;1.100\n"
        "Odense Universitetshospital;5000;29190909;1912;950\n"
        "Aarhus Universitetshospital;8200;29190925;2019;1.150\n"
        "I alt;;;;\n");
    REQUIRE(l.meeting);
    CHECK(l.messages == "");
    const model::Table& t = table(l);
    CHECK(row_texts(t, 0) == std::vector<std::string>{"Rigshospitalet", "2100", "29190623", "1910", "1.100"});
    CHECK(row_texts(t, 3) == std::vector<std::string>{"I alt", "", "", "", "3.200"});
    CHECK(t.rows[0].cells[2].kind == model::Cell::Kind::Text);
    CHECK(t.rows[0].cells[2].code);
    CHECK_FALSE(t.numeric[1]);
    CHECK(t.numeric[4]);
    CHECK(figure_text(l).find("Postnummer 2100, åbnet 1910.") != std::string::npos);
}

TEST_CASE("code rows: a row labelled as years or codes prints as written and is left out of a column total") {
    // Regression (code-rows): in a table whose rows are measures, "Opgørelsesår" over 2019 and
    // 2019 printed "2.019" and "I alt = sum(Nord .. Syd)" added them up to "4.038" in silence.
    const auto l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\nkolonne: I alt = sum(Nord .. Syd)\n```\n\n"
                           "Opgjort i {t[Opgørelsesår; Nord]}.\n",
                           "Nøgletal;Nord;Syd;I alt\nPatienter;100;200;\nOpgørelsesår;2019;2019;\nKommunekode;0101;0147;\n");
    REQUIRE(l.meeting);
    CHECK(l.messages == "");
    CHECK(row_texts(table(l), 0) == std::vector<std::string>{"Patienter", "100", "200", "300"});
    CHECK(row_texts(table(l), 1) == std::vector<std::string>{"Opgørelsesår", "2019", "2019", ""});
    CHECK(row_texts(table(l), 2) == std::vector<std::string>{"Kommunekode", "0101", "0147", ""});
    CHECK(figure_text(l).find("Opgjort i 2019.") != std::string::npos);
    // Computed with, it is the error a code column's is.
    const auto used = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\n```\n\nI alt {t[Opgørelsesår; Nord] + 1}.\n",
                              "Nøgletal;Nord;Syd\nPatienter;100;200\nOpgørelsesår;2019;2019\n");
    CHECK(used.messages.find("is a code or a year, not a number: the heading of its column, or its row's label, names codes "
                             "or years") != std::string::npos);
    // A row of figures under a label that names none is added up as before.
    const auto figures = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\nkolonne: I alt = sum(Nord .. Syd)\n```\n",
                                 "Nøgletal;Nord;Syd;I alt\nAntal år;3;4;\nMandeår;12,5;3;\n");
    CHECK(figures.messages == "");
    CHECK(row_texts(table(figures), 0)[3] == "7");
    CHECK(row_texts(table(figures), 1)[3] == "15,5");
}

TEST_CASE("code columns: arithmetic on a code is an error at the formula, in a table and in the text") {
    const char* const csv = "Sygehus;Postnr.;Åbnet år;Senge\nA;2100;1910;1.100\nB;5000;1912;950\n";
    auto l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\nkolonne: Alder = 2024 - [Åbnet år]\n```\n", csv);
    CHECK(l.messages.find("m/01-a/item.md:14:25: error: \"1910\" (m/01-a/t.csv:2:8) is a code or a year, not a number: the "
                          "heading of its column, or its row's label, names codes or years, which are printed as "
                          "written and never computed with (in row \"A\")") != std::string::npos);
    l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\n```\n\nSummen er {t[A; Postnr.] + t[B; Postnr.]}.\n", csv);
    CHECK(l.messages.find("m/01-a/item.md:16:12: error: \"2100\" (m/01-a/t.csv:2:3) is a code or a year, not a number") !=
          std::string::npos);
}

TEST_CASE("code columns: a year heading over figures that are not years is a column of figures") {
    // "Mandeår" 12,5 and "Antal år" 3 are counts; "År" over 2.024 (written with a point) is no year.
    const auto l = compute(
        "```tabel\nfil: t.csv\ntitel: T\nrække: I alt = sum(A .. B)\n```\n",
        "Post;Mandeår;Antal år;År\nA;12,5;3;2.024\nB;2;4;1\nI alt;;;\n");
    REQUIRE(l.meeting);
    CHECK(l.messages == "");
    CHECK(row_texts(table(l), 2) == std::vector<std::string>{"I alt", "14,5", "7", "2.025"});
}

TEST_CASE("code columns: numbers written without the thousands point other columns use are a warning at the cell") {
    const char* const block = "```tabel\nfil: t.csv\ntitel: T\n```\n";
    auto l = compute(block, "Sygehus;Post;Senge\nA;2100;1.100\nB;5000;950\n");
    CHECK(l.messages ==
          "m/01-a/t.csv:2:3: warning: \"2100\" in the column \"Post\" is written without a thousands point, as every whole "
          "number from 1.000 up in that column is, while the column \"Senge\" writes them with one (\"1.100\" at "
          "m/01-a/t.csv:2:8): if the column holds codes or years, give it a heading that says so (such as \"Postnr.\", "
          "\"Kode\", \"ID\" or \"År\"), and they are printed as written and never added up; if they are amounts, write "
          "2.100\n  A;2100;1.100\n    ^\n");
    // A year keeps its form (as any number 1900-2099 written without a point does) but is warned about too.
    l = compute(block, "Sygehus;Åbnet;Senge\nA;1910;1.100\n");
    CHECK(l.messages.find("warning: \"1910\" in the column \"Åbnet\"") != std::string::npos);
    CHECK(row_texts(table(l), 0) == std::vector<std::string>{"A", "1910", "1.100"});
    // No other column with a point, a column that has one itself, or decimals: no warning.
    for (const char* quiet : {"Sygehus;Post;Senge\nA;2100;1100\n", "Sygehus;Post;Senge\nA;2100;1.100\nB;2.200;1\n",
                              "Sygehus;Post;Senge\nA;2100,5;1.100\n", "Sygehus;Postnr.;Senge\nA;2100;1.100\n"})
        CHECK_MESSAGE(compute(block, quiet).messages == "", quiet);
}

#include <doctest/doctest.h>

#include <algorithm>

#include "numbers/footnote_marks.hpp"
#include "calc/meeting_calc.hpp"
#include "calc/table_calc.hpp"
#include "numbers/danish_number.hpp"
#include "input/code_columns.hpp"
#include "input/meeting_loader.hpp"
#include "one_item_meeting.hpp"
#include "test_support.hpp"

using namespace boardpack;

namespace {

const char* const kMeeting =
    "organisation: O\norgan: Bestyrelsen\ndato: 2024-03-07\ntidspunkt: kl. 9\nsted: S\npunkt: 01-a\npunkt: 02-b\n";

std::string item(int number, const std::string& status, const std::string& body) {
    return "---\nnummer: " + std::to_string(number) + "\nstatus: " + status +
           "\ntitel: T\nsagsbehandler: S\nsagsnummer: EMN-2024-00001\n---\n# Sagsfremstilling\n\n" + body;
}

struct Loaded {
    std::optional<model::Meeting> meeting;
    std::string messages;
};

// The meeting in `f`, loaded and computed, with the messages.
Loaded load_and_compute(MemoryFiles& f) {
    Diagnostics d;
    Loaded out;
    out.meeting = input::load_meeting(f, "m", d);
    if (out.meeting) calc::compute_meeting(*out.meeting, test::words(), d);
    out.messages = test::messages(d);
    return out;
}

Loaded compute(const std::string& body_a, const std::string& csv_a, const std::string& body_b = "Tekst.\n",
               const std::string& status_b = "Offentlig") {
    MemoryFiles f("m");
    f.add("meeting.txt", kMeeting);
    f.add("01-a/item.md", item(1, "Offentlig", body_a));
    f.add("01-a/t.csv", csv_a);
    f.add("02-b/item.md", item(2, status_b, body_b));
    f.add("02-b/t.csv", "Post;2023;2024\nIndtægter;-100;-120\nUdgifter;90;130\n");
    return load_and_compute(f);
}

const model::Table& table(const Loaded& l, size_t item = 0) { return l.meeting->items[item].tables.at(0); }

using test::row_texts;

std::string figure_text(const Loaded& l, size_t item = 0) {
    std::string out;
    for (const model::Block& b : l.meeting->items[item].sections[2].blocks)
        for (const model::Inline& i : b.inlines)
            out += i.kind == model::Inline::Kind::SoftBreak ? " " : i.text;
    return out;
}

const char* const kBudgetCsv =
    "Post;Budget;Regnskab\n"
    "Kontingent;-152.100.000;-152.500.000\n"
    "Øvrige indtægter;-27.900.000;-27.800.000\n"
    "Indtægter i alt:;;\n"
    ";;\n"
    "Løn;197.200.000;196.400.000\n";

}  // namespace

TEST_CASE("table calc: computed rows fill their placeholder, computed columns are added at the right") {
    const auto l = compute(
        "```tabel\nfil: t.csv\ntitel: Budget\n"
        "række: Indtægter i alt = sum(Kontingent .. Øvrige indtægter)\n"
        "række: Resultat = [Indtægter i alt] + Løn\n"
        "kolonne: Forskel = [Budget] - [Regnskab]\ntilføj: nederst\n```\n",
        kBudgetCsv);
    REQUIRE(l.meeting);
    CHECK(l.messages == "");
    const model::Table& t = table(l);
    CHECK(t.header == std::vector<std::string>{"Post", "Budget", "Regnskab", "Forskel"});
    CHECK(row_texts(t, 2) == std::vector<std::string>{"Indtægter i alt:", "-180.000.000", "-180.300.000", "300.000"});
    CHECK(t.rows[2].role == model::TableRow::Role::Computed);
    CHECK(t.rows[3].role == model::TableRow::Role::Spacer);
    CHECK(row_texts(t, 5) == std::vector<std::string>{"Resultat", "17.200.000", "16.100.000", "1.100.000"});
    CHECK(t.numeric[3]);
}

TEST_CASE("table calc: a published total within the tolerance is shown, with the rounding note") {
    const auto l = compute(
        "```tabel\nfil: t.csv\ntitel: Læger\nkilde: KRL.\n"
        "afrundingsnote: Tallene er afrundede, hvorfor totalsum afviger minimalt.\n"
        "række: I alt = sum(A .. C) | tolerance 2\n```\n",
        ";2016;2023\nA;1.036;1.496\nB;5.442;5.041\nC;1.909;2.820\nI alt;8.388;9.357\n");
    REQUIRE(l.meeting);
    CHECK(l.messages == "");
    const model::Table& t = table(l);
    CHECK(row_texts(t, 3) == std::vector<std::string>{"I alt", "8.388", "9.357"});
    CHECK(t.rows[3].cells[1].value == calc::Decimal(8388, 0));  // formulas go on with the printed value
    CHECK(t.source == "KRL. Tallene er afrundede, hvorfor totalsum afviger minimalt.");
}

TEST_CASE("table calc: a published total kept within its tolerance gives what reads it its own decimals") {
    // Found by tests/calc/probe_one_figure.py: one part written with a decimal (1.036,5) made the
    // kept total 8.388 count as having one, so the index of the totals was 111,6, and the source's
    // 112, right to the decimals it is computed from, was called wrong and replaced.
    const auto l = compute(
        "```tabel\nfil: t.csv\nnavn: t\ntitel: Læger\n"
        "række: I alt = sum(A .. C) | tolerance 2\n"
        "kolonne: Indeks = [2023] / [2016] * 100 | rækker A .. I alt\n```\n\n"
        "Indekset er {t[I alt; Indeks]}, og i alt {t[I alt; 2016]}.\n",
        "Post;2016;2023;Indeks\nA;1.036,5;1.496;\nB;5.442;5.041;\nC;1.909;2.820;\nI alt;8.388;9.357;112\n");
    REQUIRE(l.meeting);
    CHECK(l.messages == "");
    const model::Table& t = table(l);
    CHECK(row_texts(t, 0) == std::vector<std::string>{"A", "1.036,5", "1.496", "144,3"});
    CHECK(row_texts(t, 3) == std::vector<std::string>{"I alt", "8.388", "9.357", "112"});
    CHECK(t.rows[3].cells[1].decimals == 0);
    CHECK(figure_text(l) == "Indekset er 112, og i alt 8.388.");
    // Parts that add up to the published total exactly, with a decimal (1.036,5 + 5.442,5): the
    // published 8.388 is printed, not "8.388,0", and the index of the totals is 112 as before.
    const auto exact = compute(
        "```tabel\nfil: t.csv\nnavn: t\ntitel: Læger\n"
        "række: I alt = sum(A .. C) | tolerance 2\n"
        "kolonne: Indeks = [2023] / [2016] * 100 | rækker A .. I alt\n```\n\n"
        "Indekset er {t[I alt; Indeks]}, og i alt {t[I alt; 2016]}.\n",
        "Post;2016;2023;Indeks\nA;1.036,5;1.496;\nB;5.442,5;5.041;\nC;1.909;2.820;\nI alt;8.388;9.357;112\n");
    REQUIRE(exact.meeting);
    CHECK(exact.messages == "");
    CHECK(row_texts(table(exact), 3) == std::vector<std::string>{"I alt", "8.388", "9.357", "112"});
    CHECK(figure_text(exact) == "Indekset er 112, og i alt 8.388.");
}

TEST_CASE("table calc: a published figure beyond the tolerance is reported at its cell, and the computed one shown") {
    const auto l = compute(
        "```tabel\nfil: t.csv\ntitel: Læger\nkolonne: [Indeks (2016=100)] = [2023] / [2016] * 100\n```\n",
        ";2016;2023;Indeks (2016=100)\nAfdelingslæger;1.909;2.820;147\n");
    REQUIRE(l.meeting);
    CHECK(l.messages ==
          "m/01-a/t.csv:2:28: warning: the published figure 147 for \"Afdelingslæger\" / \"Indeks (2016=100)\" differs from "
          "the computed 148 (unrounded 147,72132006286) (Indeks (2016=100) = [2023] / [2016] * 100) by 1, more than the tolerance 0; the packet shows 148\n");
    CHECK(row_texts(table(l), 0)[3] == "148");
    // A published figure with more decimals than the inputs is checked and shown at its own:
    // 333 of 1.000 is 33,3, right as published, not "33" and a note calling the source wrong.
    const auto finer = compute("```tabel\nfil: t.csv\ntitel: T\nkolonne: Andel = [Ja] / [N] * 100\n```\n",
                               "Post;N;Ja;Andel\nA;1.000;333;33,3\nB;1.000;500;50,0\nC;1.000;250;25,1\n");
    CHECK(row_texts(table(finer), 0)[3] == "33,3");
    CHECK(row_texts(table(finer), 1)[3] == "50,0");
    CHECK(finer.messages.find("the published figure 33,3") == std::string::npos);
    CHECK(finer.messages.find("the published figure 25,1 for \"C\" / \"Andel\" differs from the computed 25,0") !=
          std::string::npos);
}

TEST_CASE("table calc: a ratio row with its decimals, and a column limited to some rows") {
    const auto l = compute(
        "```tabel\nfil: t.csv\ntitel: Læger\n"
        "række: Forhold = Overlæger / Afdelingslæger | decimaler 2\n"
        "kolonne: Indeks = [2023] / [2016] * 100 | rækker Overlæger .. Afdelingslæger\ntilføj: nederst\n```\n",
        ";2016;2023\nOverlæger;5.442;5.041\nAfdelingslæger;1.909;2.820\n");
    REQUIRE(l.meeting);
    CHECK(l.messages == "");
    const model::Table& t = table(l);
    CHECK(row_texts(t, 2) == std::vector<std::string>{"Forhold", "2,85", "1,79", ""});
    CHECK(row_texts(t, 0)[3] == "93");
}

TEST_CASE("table calc: a backwards range of rows or columns in a formula's options is an error naming it") {
    auto l = compute("```tabel\nfil: t.csv\ntitel: T\nkolonne: I alt = [2023] + [2024] | rækker Løn .. Drift\n```\n",
                     "Post;2023;2024;I alt\nDrift;100;150;999\nLøn;200;260;\n");
    CHECK(l.messages.find("m/01-a/item.md:13:36: error: the range \"Løn\" .. \"Drift\" runs backwards") == 0);
    l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: I alt = sum(A .. B) | kolonner 2024 .. 2023\n```\n",
                "Post;2023;2024\nA;100;150\nB;200;260\nI alt;301;999\n");
    CHECK(l.messages.find("m/01-a/item.md:13:30: error: the range \"2024\" .. \"2023\" runs backwards") == 0);
}

TEST_CASE("figures: a quotient in the text or a beregning value printed far from its value is warned about, as in a table") {
    // A probe: 10 / 4 printed "3" in the text with no word, where the table's cell was warned of.
    const auto l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\n```\n\n```beregning\nnavn: b\n"
                           "værdi: q = t[Nord; Sager] / t[Nord; Ansatte]\nværdi: d = t[Nord; Sager] / t[Nord; Ansatte] | decimaler 1\n```\n\n"
                           "Sager pr. ansat: {t[Nord; Sager] / t[Nord; Ansatte]}, {b[q]}, {b[d]}, "
                           "{t[Nord; Sager] / t[Nord; Ansatte] | decimaler 1}, {t[Syd; Sager] / t[Syd; Ansatte]}.\n",
                           "Region;Sager;Ansatte\nNord;10;4\nSyd;21;2\n");
    REQUIRE(l.meeting);
    CHECK(figure_text(l).find("Sager pr. ansat: 3, 3, 2,5, 2,5, 11.") != std::string::npos);
    CHECK(l.messages.find("warning: the figure \"{t[Nord; Sager] / t[Nord; Ansatte]}\" is 2,5 but prints as \"3\", with the "
                          "decimals of the figures it is computed from; give it decimals (\"| decimaler 2\")") != std::string::npos);
    CHECK(l.messages.find("\"{b[q]}\" is 2,5 but prints as \"3\"") != std::string::npos);
    CHECK(l.messages.find("{b[d]}") == std::string::npos);
    CHECK(l.messages.find("decimaler 1}") == std::string::npos);
    CHECK(l.messages.find("Syd") == std::string::npos);  // 10,5 printed 11: within a tenth
}

TEST_CASE("table calc: a quotient that does not terminate is exact, so a figure on a rounding boundary is not rounded down") {
    // 10 / 12 * 3 is 2,5 and prints 3, as 10 * 3 / 12 does (not 2,499999999999 printed 2).
    const auto l = compute(
        "```tabel\nfil: t.csv\nnavn: t\ntitel: Budget periodiseret (mio. kr.)\ntalenhed: mio. kr.\n"
        "kolonne: 1. kvartal = [Budget] / 12 * 3\nkolonne: Kontrol = [Budget] * 3 / 12\n"
        "kolonne: Trediedel = [Budget] / 3 * 4,5 | decimaler 0\n```\n\n"
        "Første kvartal: {t[Drift; Budget] / 12 * 3 | mio. kr., decimaler 0}. "
        "Trediedel: {t[Andet; Budget] / 3 * 4,5 | decimaler 0} mio. kr. Stor: {1 / 3 * 1.500.001,5 | decimaler 0}. "
        "Præcis: {1 / 3 * 300.000.000.000 | decimaler 6}.\n",
        "Post;Budget\nDrift;10\nAndet;1\n");
    REQUIRE(l.meeting);
    // Andet's quarter, 0,25, prints as 0: said at each formula; Drift's, 2,5, prints as 3, a fifth
    // off, with the decimals of the budget: said once at each formula too.
    CHECK(l.messages ==
          "m/01-a/item.md:15:23: warning: the computed figure for \"Drift\" / \"1. kvartal\" is 2,5 but prints as \"3\", "
          "with the decimals of the figures it is computed from; give the formula decimals (\"| decimaler 2\")\n"
          "m/01-a/item.md:15:23: warning: the computed figure for \"Andet\" / \"1. kvartal\" is not zero but prints as \"0\" "
          "(unrounded 0,25); give the formula more decimals (\"| decimaler 2\"), or multiply by 100 for per cent\n"
          "m/01-a/item.md:16:20: warning: the computed figure for \"Drift\" / \"Kontrol\" is 2,5 but prints as \"3\", "
          "with the decimals of the figures it is computed from; give the formula decimals (\"| decimaler 2\")\n"
          "m/01-a/item.md:16:20: warning: the computed figure for \"Andet\" / \"Kontrol\" is not zero but prints as \"0\" "
          "(unrounded 0,25); give the formula more decimals (\"| decimaler 2\"), or multiply by 100 for per cent\n");
    CHECK(row_texts(table(l), 0) == std::vector<std::string>{"Drift", "10", "3", "3", "15"});
    CHECK(row_texts(table(l), 1) == std::vector<std::string>{"Andet", "1", "0", "0", "2"});
    CHECK(table(l).rows[0].cells[2].value == calc::Decimal(25, 1));
    CHECK(figure_text(l).find("Første kvartal: 3 mio. kr. Trediedel: 2 mio. kr. Stor: 500.001. Præcis: 100.000.000.000,000000.") !=
          std::string::npos);
}

TEST_CASE("table calc: a factor near 1 printed without decimals is a warning, however near the whole number") {
    // A probe: growth factors 0,926 and 1,058 both printed "1" without a word (each less than a
    // tenth from it).
    const auto l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\nkolonne: Vækstfaktor = [2023] / [2016]\n```\n\n"
                           "Faktor {t[A; 2023] / t[A; 2016]}.\n",
                           "Post;2016;2023\nA;5.442;5.041\nB;1.036;1.096\nC;100;200\n");
    CHECK(l.messages.find("warning: the computed figure for \"A\" / \"Vækstfaktor\" is 0,9263 but prints as \"1\", with the "
                          "decimals of the figures it is computed from") != std::string::npos);
    CHECK(l.messages.find("warning: the figure \"{t[A; 2023] / t[A; 2016]}\" is 0,9263 but prints as \"1\"") !=
          std::string::npos);
    // With decimals, or a whole number exactly: no warning.
    const auto exact = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\nkolonne: Vækstfaktor = [2023] / [2016]\n```\n",
                               "Post;2016;2023\nA;100;200\nB;100;100\n");
    CHECK(exact.messages == "");
    const auto decimals = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\nkolonne: Vækstfaktor = [2023] / [2016] | decimaler 2\n"
                                  "```\n",
                                  "Post;2016;2023\nA;5.442;5.041\n");
    CHECK(decimals.messages == "");
}

TEST_CASE("table calc: amounts shown in mio. kr.") {
    const auto l = compute(
        "```tabel\nfil: t.csv\ntitel: Budget\nenhed: mio. kr.\nrække: Indtægter i alt = sum(Kontingent .. Øvrige indtægter)\n```\n",
        kBudgetCsv);
    REQUIRE(l.meeting);
    CHECK(row_texts(table(l), 2) == std::vector<std::string>{"Indtægter i alt:", "-180,0", "-180,3"});
    CHECK(row_texts(table(l), 0) == std::vector<std::string>{"Kontingent", "-152,1", "-152,5"});
    // A column headed as a count holds no kroner: "enhed" leaves it as written (a probe found
    // 1.234.567 patients printed as 1,2), and the text quotes it so.
    const auto counts = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: Udgifter (mio. kr.)\ntalenhed: kr.\nenhed: mio. kr.\n"
                                "tilføj: nederst\nrække: I alt = sum(Nord .. Syd)\n```\n\nPatienter: {t[Nord; Antal patienter]}.\n",
                                "Region;Udgift;Antal patienter\nNord;2.345.000.000;1.234.567\nSyd;3.456.000.000;2.345.678\n");
    CHECK(counts.messages == "");
    CHECK(row_texts(table(counts), 0) == std::vector<std::string>{"Nord", "2.345,0", "1.234.567"});
    CHECK(row_texts(table(counts), 2) == std::vector<std::string>{"I alt", "5.801,0", "3.580.245"});
    CHECK(figure_text(counts).find("Patienter: 1.234.567.") != std::string::npos);
    // So is a row labelled as a count (a probe found 590.000 citizens printed as 0,6), and an
    // amount per head divided by it is kroner.
    const auto row = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: Budget (mio. kr.)\ntalenhed: kr.\nenhed: mio. kr.\n"
                             "decimaler: 1\n```\n\nDer er {t[Antal borgere; 2024]} borgere.\n",
                             "Post;2024\nUdgifter;16.100.000\nAntal borgere;590.000\n");
    CHECK(row.messages == "");
    CHECK(row_texts(table(row), 1) == std::vector<std::string>{"Antal borgere", "590.000"});
    CHECK(row_texts(table(row), 0) == std::vector<std::string>{"Udgifter", "16,1"});
    CHECK(figure_text(row).find("Der er 590.000 borgere.") != std::string::npos);
    // Regression (probe27): a row or column whose label begins with what it counts, without the
    // word "antal" ("Indbyggere", "Årsværk", "Ansatte"), printed 1.234.567 inhabitants as 1,2
    // under "mio. kr.", without a word.
    const auto nouns = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: Budget (mio. kr.)\ntalenhed: kr.\nenhed: mio. kr.\n```\n\n"
                               "Der er {t[Indbyggere; 2024]} indbyggere.\n",
                               "Post;2024;Ansatte\nUdgifter;12.345.670.000;\nIndbyggere;1.234.567;\nÅrsværk;25.300;\n"
                               "Region Nord;;1.500\n");
    CHECK(nouns.messages == "");
    CHECK(row_texts(table(nouns), 0) == std::vector<std::string>{"Udgifter", "12.345,7", ""});
    CHECK(row_texts(table(nouns), 1) == std::vector<std::string>{"Indbyggere", "1.234.567", ""});
    CHECK(row_texts(table(nouns), 2) == std::vector<std::string>{"Årsværk", "25.300", ""});
    CHECK(row_texts(table(nouns), 3) == std::vector<std::string>{"Region Nord", "", "1.500"});
    CHECK(figure_text(nouns).find("Der er 1.234.567 indbyggere.") != std::string::npos);
    // An amount whose label names who it is paid to is kroner.
    for (const char* amount : {"Løn til ansatte", "Patientbefordring", "Tilskud til borgere"})
        CHECK_FALSE_MESSAGE(input::count_heading(amount), amount);
    // A label that begins with what is counted and says more may name who an amount is for (a
    // budget by target group): its figures stay the table's amounts, and the label is warned of
    // (taken as a count, "Borgere med handicap" printed 850.000.000 kr. as "850.000.000" under
    // mio. kr.). The noun with "i alt" or a year says no more than the noun.
    const auto groups = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: Udgifter (mio. kr.)\ntalenhed: kr.\nenhed: mio. kr.\n```\n",
                                "Målgruppe;2024\nBørn og unge;1.200.000.000\nBorgere med handicap;850.000.000\n"
                                "Indbyggere i alt;1.234.567\n");
    CHECK(row_texts(table(groups), 1) == std::vector<std::string>{"Borgere med handicap", "850,0"});
    CHECK(row_texts(table(groups), 2) == std::vector<std::string>{"Indbyggere i alt", "1.234.567"});
    CHECK(groups.messages.find("t.csv:3:1: warning: \"Borgere med handicap\" may count what it names") != std::string::npos);
    CHECK(groups.messages.find("Indbyggere") == std::string::npos);
    CHECK(input::count_heading_of("Ansatte 2024") == input::CountHeading::Count);
    CHECK(input::count_heading_of("Patienter i psykiatrien") == input::CountHeading::MaybeCount);
    CHECK(input::count_heading_of("Antal patienter i psykiatrien") == input::CountHeading::Count);
    // Regression (probe41): "Indbyggertal" and "Befolkning" in a budget shown in mio. kr. printed
    // 1.865.000 inhabitants as 1,9; "Læger" and "Operationer" may head a count or what it costs.
    for (const char* count : {"Indbyggertal", "Befolkning", "Befolkningstal", "Folketal", "Fuldtidsansatte", "Helårspersoner",
                              "Fuldtidspersoner", "Pladser", "Sengepladser", "Normeringer"})
        CHECK_MESSAGE(input::count_heading_of(count) == input::CountHeading::Count, count);
    for (const char* maybe : {"Læger", "Speciallæger", "Operationer", "Henvisninger", "Forløb", "Fødsler"})
        CHECK_MESSAGE(input::count_heading_of(maybe) == input::CountHeading::CountOrCost, maybe);
    // Regression (hunt-5): compounds of what is counted, what is counted after an adjective, other
    // counted things and units of measure printed 2.450.000 visits as 2,5 under "mio. kr." in silence.
    for (const char* count : {"Skadestuebesøg", "Hospitalssenge", "Genindlæggelser", "Kvadratmeter", "m2", "Tons CO2", "Km",
                              "Timer"})
        CHECK_MESSAGE(input::count_heading_of(count) == input::CountHeading::Count, count);
    for (const char* maybe : {"Ambulante besøg", "Nye patienter", "Akutte operationer", "Faste ansatte", "Konsultationer",
                              "Lægekonsultationer", "Recepter", "Kørsler", "Ambulancekørsler", "Klager", "Sager"})
        CHECK_MESSAGE(input::count_heading_of(maybe) == input::CountHeading::CountOrCost, maybe);
    // Budget lines that end in what could be counted, and amounts.
    for (const char* amount : {"Sundhedsydelser", "Sociale ydelser", "Retssager", "Udgifter", "Løn", "Husleje pr. m2",
                               "Patientbefordring", "Øvrige udgifter"})
        CHECK_MESSAGE(input::count_heading_of(amount) == input::CountHeading::None, amount);
    const auto visits = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: Nøgletal (mio. kr.)\ntalenhed: kr.\nenhed: mio. kr.\n```\n",
                                "Post;2023\nLøn;125.000.000\nSkadestuebesøg;2.450.000\nAmbulante besøg;2.450.000\n");
    CHECK(row_texts(table(visits), 0) == std::vector<std::string>{"Løn", "125,0"});
    CHECK(row_texts(table(visits), 1) == std::vector<std::string>{"Skadestuebesøg", "2.450.000"});
    CHECK(visits.messages.find("t.csv:4:1: warning: \"Ambulante besøg\" may count what it names") != std::string::npos);
    // Counted at a date, or in full-time posts (probe41b: these printed 590.000 as "0,6").
    for (const char* count : {"Befolkning 1. jan. 2024", "Folketal pr. 1. januar", "Befolkning pr. 1. januar 2024",
                              "Fuldtidsansatte (FTE)", "Læger (fuldtidsansatte)", "Læger, årsværk", "Fuldtidsansatte læger",
                              "Indbyggere (1.000)"})
        CHECK_MESSAGE(input::count_heading_of(count) == input::CountHeading::Count, count);
    // A salary budget by staff group in mio. kr. as written: no question to ask.
    CHECK(compute("```tabel\nfil: t.csv\nnavn: t\ntitel: Lønbudget efter personalegruppe (mio. kr.)\ntalenhed: mio. kr.\n```\n",
                  "Personalegruppe;2024\nLæger;120,5\nSygeplejersker;240,3\n")
              .messages.find("may count") == std::string::npos);
    const auto people = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: Udgifter (mio. kr.)\ntalenhed: kr.\nenhed: mio. kr.\n```\n",
                                "Region;Udgift;Indbyggertal;Læger\nNord;52.300.000.000;1.865.000;1.790\n");
    CHECK(row_texts(table(people), 0) == std::vector<std::string>{"Nord", "52.300,0", "1.865.000", "0,0"});
    CHECK(people.messages.find("t.csv:1:28: warning: \"Læger\" may count what it names") != std::string::npos);
}

TEST_CASE("table calc: figures in per cent, points or an index in a table of amounts are no amounts") {
    // Regression (hunt-1): under "talenhed: mio. kr." a typed "-1,7" under "Ændring i pct." was
    // -1.700.000 kr. to a figure, "98,3" under "Indeks" 98,3 mio. kr.; under "enhed: mio. kr."
    // both printed 0,0, and with more decimals 0,000098, each in silence.
    const char* const csv = "Post;Budget 2023;Budget 2024;Ændring i pct.;Indeks;Forskel (pct.-point);Regionens andel\n"
                            "Løn;203.800.000;200.300.000;-1,7;98,3;0,5;150.000.000\n"
                            "Drift;45.500.000;47.300.000;3,8;103,8;-0,5;30.000.000\n"
                            "Ændring i pct.;;-0,7;;;;\n";
    const auto shown = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: Budget (mio. kr.)\ntalenhed: kr.\nenhed: mio. kr.\n```\n\n"
                               "B {t[Løn; Indeks]}. D {t[Løn; Ændring i pct.]} pct. R {t[Løn; Regionens andel] | mio. kr.}.\n",
                               csv);
    CHECK(shown.messages == "");
    CHECK(row_texts(table(shown), 0) ==
          std::vector<std::string>{"Løn", "203,8", "200,3", "-1,7", "98,3", "0,5", "150,0"});  // the share in kroner converts
    CHECK(row_texts(table(shown), 2) == std::vector<std::string>{"Ændring i pct.", "", "-0,7", "", "", "", ""});
    CHECK(figure_text(shown) == "B 98,3. D -1,7 pct. R 150,0 mio. kr.");
    // Asked for in kroner: an error at the figure, in a table of amounts or in one without a unit.
    for (const char* fence : {"```tabel\nfil: t.csv\nnavn: t\ntitel: Budget (kr.)\ntalenhed: kr.\n```\n",
                              "```tabel\nfil: t.csv\nnavn: t\ntitel: Budget\n```\n"}) {
        const auto asked = compute(std::string(fence) + "\nB {t[Løn; Indeks] | mio. kr.}. D {t[Løn; Ændring i pct.] | kr.}. "
                                                        "P {t[Løn; Forskel (pct.-point)] + t[Drift; Forskel (pct.-point)] | kr.}.\n",
                                   csv);
        CHECK_MESSAGE(asked.messages.find("error: the figure \"{t[Løn; Indeks] | mio. kr.}\" quotes a figure in per cent, in "
                                          "percentage points, per thousand or an index (its heading or row says so), but asks "
                                          "for it in mio. kr.; it is no amount") != std::string::npos,
                      fence);
        CHECK_MESSAGE(asked.messages.find("error: the figure \"{t[Løn; Ændring i pct.] | kr.}\" quotes a figure in per cent") !=
                          std::string::npos,
                      fence);
        // Two figures in points added are none either (the message shortens the figure).
        CHECK_MESSAGE(asked.messages.find("error: the figure \"{t[Løn; Forskel (pct.-point)] + t[Drift; Forskel (pct.-point...\" "
                                          "quotes a figure in per cent") != std::string::npos,
                      fence);
    }
}

TEST_CASE("table calc: indexing a column by a price and wage rate") {
    const auto l = compute(
        "```tabel\nfil: t.csv\ntitel: Budget\nkolonne: Budget i 2024 P/L = [Budget] * (1 + 3,4 / 100) | decimaler 0\n```\n",
        kBudgetCsv);
    REQUIRE(l.meeting);
    CHECK(row_texts(table(l), 0)[3] == "-157.271.400");
}

TEST_CASE("table calc: a bare number that is also a heading or row label of the table is ambiguous, an error") {
    const char* const csv = "Post;2023;2024\nDrift;100;150\nLøn;200;260\n";
    auto l = compute("```tabel\nfil: t.csv\ntitel: T\nkolonne: Ændring = 2024 - 2023\n```\n", csv);
    CHECK(l.messages.find("m/01-a/item.md:13:20: error: 2024 could be the number or the column \"2024\" of the table; "
                          "write [2024] for the column, or the number another way (2.024)") == 0);
    l = compute("```tabel\nfil: t.csv\ntitel: T\nkolonne: Gns = (2020 + 2023) / 2\n```\n",
                "Post;2020;2023\nDrift;100;250\n");
    CHECK(l.messages.find("error: 2020 could be the number or the column \"2020\"") != std::string::npos);
    l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: I alt = [1] + 2\ntilføj: nederst\n```\n", "Nr;V\n1;10\n2;20\n");
    CHECK(l.messages.find("error: 2 could be the number or the row \"2\" of the table; write [2] for the row, or the number "
                          "another way (2,0)") != std::string::npos);
    // In brackets it is the column; a number no heading has is the number; a range takes labels.
    l = compute("```tabel\nfil: t.csv\ntitel: T\nkolonne: Ændring = [2024] - [2023] + 2022 - 2022\n"
                "kolonne: I alt = sum(2023 .. 2024)\n```\n", csv);
    REQUIRE(l.meeting);
    CHECK(l.messages == "");
    CHECK(row_texts(table(l), 0) == std::vector<std::string>{"Drift", "100", "150", "50", "250"});
}

TEST_CASE("table calc: errors name file, line, column and the label") {
    auto l = compute("```tabel\nfil: t.csv\ntitel: B\nrække: I alt = sum(Kontingent .. Lønn)\ntilføj: nederst\n```\n", kBudgetCsv);
    CHECK(l.messages ==
          "m/01-a/item.md:13:34: error: the table has no row \"Lønn\"; did you mean \"Løn\"? (it has: Kontingent, Øvrige indtægter, Indtægter i "
          "alt:, Løn, I alt) (in column \"Budget\")\n"
          "  række: I alt = sum(Kontingent .. Lønn)\n"
          "                                   ^\n");
    l = compute("```tabel\nfil: t.csv\ntitel: B\nrække: I alt = Kontingent / [Indtægter i alt]\ntilføj: nederst\n```\n", kBudgetCsv);
    // A row with no figures at all is a heading or a total with no formula: not "write 0".
    CHECK(l.messages.find("m/01-a/item.md:13:29: error: the cell \"Indtægter i alt:\" / \"Budget\" (m/01-a/t.csv:4:18) "
                          "is empty, as is every cell of its row: if the row is a heading, leave it out of the formula (a "
                          "range can start below it); if it is a total, compute it with a \"række:\" line before this "
                          "formula; else write its figures, 0 where an amount is zero") == 0);
    l = compute("```tabel\nfil: t.csv\ntitel: B\nrække: I alt = sum(Drift .. Husleje)\ntilføj: nederst\n```\n",
                "Post;Budget;Regnskab\nDrift;;\nLøn;100;110\nHusleje;50;\n");
    CHECK(l.messages.find("m/01-a/item.md:13:29: error: the cell \"Drift\" / \"Budget\" (m/01-a/t.csv:2:7) is empty, as is "
                          "every cell of its row: if the row is a heading") == 0);
    l = compute("```tabel\nfil: t.csv\ntitel: B\nrække: I alt = sum(Løn .. Husleje)\ntilføj: nederst\n```\n",
                "Post;Budget;Regnskab\nDrift;;\nLøn;100;110\nHusleje;50;\n");
    CHECK(l.messages.find("error: the cell \"Husleje\" / \"Regnskab\" (m/01-a/t.csv:4:12) is empty; write 0 if the amount "
                          "is zero") != std::string::npos);
    l = compute("```tabel\nfil: t.csv\ntitel: B\nkolonne: X = [Budget] / ([Regnskab] - [Regnskab])\n```\n", kBudgetCsv);
    CHECK(l.messages.find("m/01-a/item.md:13:23: error: division by zero: what comes after \"/\" is 0 (in row \"Kontingent\")") == 0);
    l = compute("```tabel\nfil: t.csv\ntitel: B\nrække: I alt = Kontingent + 1 | decimaler to\n```\n", kBudgetCsv);
    CHECK(l.messages.find("m/01-a/item.md:13:33: error: \"decimaler\" takes a whole number") == 0);
}

TEST_CASE("table calc: a number whose first thousands group is 0 is an error, never 125 for 0.125") {
    // In a cell: no Danish number begins with the group "0", so the "." is an English decimal point.
    auto l = compute("```tabel\nfil: t.csv\ntitel: T\n```\n", "Post;Andel\nA;0.125\nB;00.125\nC;-0.625\nD;0,125\n");
    CHECK(l.messages.find("m/01-a/t.csv:2:3: error: \"0.125\" is not a Danish number: a number does not begin with a "
                          "thousands group of 0; if a decimal number is meant, write it with \",\" (0,125)") != std::string::npos);
    CHECK(l.messages.find("m/01-a/t.csv:3:3: error: \"00.125\" is not a Danish number") != std::string::npos);
    CHECK(l.messages.find("m/01-a/t.csv:4:3: error: \"-0.625\" is not a Danish number") != std::string::npos);
    CHECK(l.messages.find("(-0,625)") != std::string::npos);
    CHECK(l.messages.find("t.csv:5:3: error") == std::string::npos);  // a share written as a fraction is a warning only
    // A number with more digits than are read exactly: said as such, not "not a number" (probe).
    l = compute("```tabel\nfil: t.csv\ntitel: T\n```\n", "Post;Beløb\nA;9.000.000.000.000.000.000\n");
    CHECK(l.messages.find("m/01-a/t.csv:2:3: error: \"9.000.000.000.000.000.000\" is not a Danish number: the number has "
                          "too many digits (at most 18, of which 12 decimals)") != std::string::npos);
    // With a unit too, and in a cell no formula uses: printed "2.5 kr." it reads as 2.500 kr.
    l = compute("```tabel\nfil: t.csv\ntitel: T\n```\n", "Post;Beløb;Andel\nA;2.5 kr.;12.5 %\n");
    CHECK(l.messages.find("m/01-a/t.csv:2:3: error: \"2.5 kr.\" is not a Danish number") != std::string::npos);
    CHECK(l.messages.find("m/01-a/t.csv:2:11: error: \"12.5 %\" is not a Danish number") != std::string::npos);
    // In a formula, a tolerance and a beregning value alike.
    l = compute("```tabel\nfil: t.csv\ntitel: T\nkolonne: Moms = [Budget] * 0.250\n```\n", kBudgetCsv);
    CHECK(l.messages.find("m/01-a/item.md:13:28: error: \"0.250\" is not a Danish number: a number does not begin with a "
                          "thousands group of 0; if a decimal number is meant, write it with \",\" (0,250)") == 0);
    l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: I alt = Kontingent + Løn | tolerance 0.500\ntilføj: nederst\n```\n",
                kBudgetCsv);
    CHECK(l.messages.find("error: \"0.500\" is not a Danish number") != std::string::npos);
    CHECK(l.messages.find("(0,500)") != std::string::npos);
    // A tolerance with a unit is said to be one, not a number written wrongly (a probe got
    // "'.' groups thousands" for "tolerance 100.000 kr.").
    l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: I alt = Kontingent + Løn | tolerance 100.000 kr.\ntilføj: nederst\n```\n",
                kBudgetCsv);
    CHECK(l.messages.find("error: \"tolerance\" takes a number without a unit, in the unit the table prints its figures in "
                          "(\"100.000 kr.\" has one)") != std::string::npos);
    l = compute("Sats: {b[rate]}.\n\n```beregning\nnavn: b\nværdi: rate = 0.034\n```\n", kBudgetCsv);
    CHECK(l.messages.find("error: \"0.034\" is not a Danish number") != std::string::npos);
    CHECK(l.messages.find("(0,034)") != std::string::npos);
    // Regression (hunt-9): a decimal point after a whole part from 1 up, or a number of more digits
    // than are read, was taken for a label: "the table has no column \"1.5\"", "no value \"25.70\"
    // above this line", "\"2.5\" alone means nothing".
    l = compute("```tabel\nfil: t.csv\ntitel: T\nkolonne: Moms = [Budget] * 1.5\n```\n", kBudgetCsv);
    CHECK(l.messages.find("m/01-a/item.md:13:28: error: \"1.5\" is not a Danish number: \".\" groups thousands in Danish "
                          "numbers; write decimals with \",\" (2,5), or [1.5] for a label") == 0);
    l = compute("Sats: {b[rate]}, {b[stor]} og {2.5}.\n\n```beregning\nnavn: b\nværdi: rate = 25.70\n"
                "værdi: stor = 1.000.000.000.000.000.000\n```\n",
                kBudgetCsv);
    CHECK(l.messages.find("error: \"25.70\" is not a Danish number: \".\" groups thousands") != std::string::npos);
    CHECK(l.messages.find("error: \"1.000.000.000.000.000.000\" is not a Danish number: the number has too many digits") !=
          std::string::npos);
    CHECK(l.messages.find("error: \"2.5\" is not a Danish number") != std::string::npos);
    CHECK(l.messages.find("no value") == std::string::npos);
}

TEST_CASE("table calc: a whole number with a leading zero is a code, printed as written, not an amount") {
    const char* const csv = "Kommune;Kode;Beløb\nKøbenhavn;0101;5.000\nFrederiksberg;0147;1.500\n";
    auto l = compute("```tabel\nfil: t.csv\ntitel: T\n```\n", csv);
    REQUIRE(l.meeting);
    CHECK(l.messages == "");
    CHECK(row_texts(table(l), 0) == std::vector<std::string>{"København", "0101", "5.000"});
    CHECK(table(l).rows[0].cells[1].kind == model::Cell::Kind::Text);
    CHECK_FALSE(table(l).numeric[1]);
    // A formula computing with the code is an error, never 102 (the heading "Kode" says it holds codes).
    l = compute("```tabel\nfil: t.csv\ntitel: T\nkolonne: X = [Kode] + 1\n```\n", csv);
    CHECK(l.messages.find("error: \"0101\" (m/01-a/t.csv:2:11) is a code or a year, not a number") != std::string::npos);
    // Under a heading that names no code, the leading zero alone makes it one.
    l = compute("```tabel\nfil: t.csv\ntitel: T\nkolonne: X = [Nøgle] + 1\n```\n",
                "Kommune;Nøgle;Beløb\nKøbenhavn;0101;5.000\nFrederiksberg;0147;1.500\n");
    CHECK(l.messages.find("error: \"0101\" (m/01-a/t.csv:2:11) is not a number") != std::string::npos);
    // Nor is such a number written in a formula read as 101.
    l = compute("```tabel\nfil: t.csv\ntitel: T\nkolonne: X = [Beløb] * 0101\n```\n", csv);
    CHECK(l.messages.find("error: \"0101\" is not a Danish number: a number does not begin with 0") != std::string::npos);
}

TEST_CASE("table calc: a year written without a thousands point prints as written") {
    // Regression (codes): "Startår" 2024 printed "2.024", which no Danish reader takes for a year.
    const auto l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\n```\n\nStart {t[København; Startår]}.\n",
                           "Kommune;Startår;Beløb;Antal\nKøbenhavn;2024;5.000;1.500\nFrederiksberg;1999;2500 kr.;-1500\n"
                           "Gentofte;2025;3500;*\n");
    REQUIRE(l.meeting);
    CHECK(l.messages == "");
    CHECK(row_texts(table(l), 0) == std::vector<std::string>{"København", "2024", "5.000", "1.500"});
    // Under a heading that names a year, the years are codes (input/code_columns.hpp); an amount
    // (with its unit or not, not a year), or a signed figure, is printed with the point, as the
    // totals computed from them are.
    CHECK(table(l).rows[0].cells[1].code);
    CHECK(row_texts(table(l), 1) == std::vector<std::string>{"Frederiksberg", "1999", "2.500 kr.", "-1.500"});
    CHECK(row_texts(table(l), 2)[2] == "3.500");
    CHECK(figure_text(l).find("Start 2024.") != std::string::npos);
    // A year-like amount among amounts is one of them: "2023" beside "1.500" and "3.523" in
    // "Beløb" read as a year. A column of nothing but year-like numbers keeps them as written.
    const auto amounts = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\nrække: I alt = sum(A .. B)\n```\n",
                                 "Post;Beløb;Antal;Periode\nA;1500;1950 *;2019\nB;2023;40;2020\nI alt;;;\n");
    REQUIRE(amounts.meeting);
    CHECK(row_texts(table(amounts), 0) == std::vector<std::string>{"A", "1.500", "1.950 *", "2019"});
    CHECK(row_texts(table(amounts), 1) == std::vector<std::string>{"B", "2.023", "40", "2020"});
    CHECK(row_texts(table(amounts), 2)[1] == "3.523");
    // Years summed make a figure that means nothing: a warning at the first year-like cell read,
    // once for the formula and column. Left out of the formula, the column raises none.
    CHECK(amounts.messages.find("m/01-a/t.csv:2:15: warning: the formula \"I alt = sum(A .. B)\" adds up \"A\" / "
                                "\"Periode\", 2019, in a column whose numbers are all written like years") != std::string::npos);
    CHECK(amounts.messages.find("written like years") == amounts.messages.rfind("written like years"));
    const auto left_out = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\nrække: I alt = sum(A .. B) | kolonner Beløb .. Antal\n```\n",
                                  "Post;Beløb;Antal;Periode\nA;1500;1950 *;2019\nB;2023;40;2020\nI alt;;;\n");
    CHECK(left_out.messages == "");
    // Years apart are a duration, not years added up: no warning.
    const auto span = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\nkolonne: Varighed = [Slut] - [Start]\n```\n",
                              "Projekt;Start;Slut\nA;2019;2023\nB;2020;2024\n");
    CHECK(span.messages == "");
    CHECK(row_texts(table(span), 0)[3] == "4");
}

TEST_CASE("figures: the text quotes cells as the table prints them, or in the unit asked for") {
    const auto l = compute(
        "```tabel\nfil: t.csv\nnavn: b\ntitel: Budget\nrække: Indtægter i alt = sum(Kontingent .. Øvrige indtægter)\n```\n\n"
        "Indtægterne er {b[Indtægter i alt; Budget]} kr., eller {b[Indtægter i alt; Budget] | mio. kr.}; "
        "forskellen er {b[Indtægter i alt; Budget] - b[Indtægter i alt; Regnskab] | mio. kr.} (tabel {nummer(b)}).\n",
        kBudgetCsv);
    REQUIRE(l.meeting);
    CHECK(l.messages == "");
    CHECK(figure_text(l).find("Indtægterne er -180.000.000 kr., eller -180,0 mio. kr.; forskellen er 0,3 mio. kr. (tabel 1).") !=
          std::string::npos);
}

TEST_CASE("figures: a table that says its figures are kroner is not quoted as millions") {
    // A probe: "titel: Budget 2024 (kr.)" without "talenhed:", and "{u[Løn; 2024]} mio. kr."
    // printed "1.250.000 mio. kr." without a word (a table without a stated unit may hold counts).
    const char* csv = "Post;2024\nLøn;1.250.000\nDrift;300.000\n";
    for (const std::string said : {"titel: Budget 2024 (kr.)\n", "titel: Budget 2024\nnote: Beløb i kr.\n"}) {
        const std::string block = "```tabel\nfil: t.csv\nnavn: u\n" + said + "```\n\n";
        const auto wrong = compute(block + "Lønnen udgør {u[Løn; 2024]} mio. kr.\n", csv);
        CHECK_MESSAGE(wrong.messages.find("error: the figure \"{u[Løn; 2024]}\" prints \"1.250.000\", a number in kr., but the "
                                          "text after it says mio. kr.") != std::string::npos,
                      said);
        const auto right = compute(block + "Lønnen udgør {u[Løn; 2024]} kr., {u[Løn; 2024] | mio. kr.}.\n", csv);
        CHECK_MESSAGE(right.messages == "", said);
        CHECK(figure_text(right).find("Lønnen udgør 1.250.000 kr., 1,3 mio. kr.") != std::string::npos);
    }
    // The heading says it, for its column.
    const auto heading = compute("```tabel\nfil: t.csv\nnavn: v\ntitel: Budget\n```\n\nLønnen udgør {v[Løn; Budget 2024 (kr.)]} mio. kr.\n",
                                 "Post;Budget 2024 (kr.)\nLøn;1.250.000\n");
    CHECK(heading.messages.find("a number in kr., but the text after it says mio. kr.") != std::string::npos);
    // A table that says nothing of kroner may hold counts: its figure followed by "mio." is
    // the writer's to judge ("{t[Indbyggere; 2024]} mio." of a table in millions of people).
    CHECK(compute("```tabel\nfil: t.csv\nnavn: t\ntitel: Indbyggere\n```\n\nDer er {t[Danmark; 2024]} mio. indbyggere.\n",
                  "Land;2024\nDanmark;5,9\n")
              .messages == "");
    // But not a million or more called millions or billions: a table in kroner that never says
    // so printed "Driftsresultatet forbedres med 11.500.000 mio. kr." without a word (a review).
    for (const std::string unit : {"mio. kr.", "mia. kr.", "mio."}) {
        const auto millions = compute("```tabel\nfil: t.csv\nnavn: r\ntitel: Regnskab\n```\n\nForbedret med {r[Drift; Forskel]} " +
                                          unit + " i alt.\n",
                                      "Post;Forskel\nDrift;11.500.000\nAndet;-1.000\n");
        CHECK_MESSAGE(millions.messages.find("error: the figure \"{r[Drift; Forskel]}\" prints \"11.500.000\", but the text after "
                                             "it says ") != std::string::npos,
                      unit);
    }
    CHECK(compute("```tabel\nfil: t.csv\nnavn: r\ntitel: Regnskab\n```\n\nForbedret med {r[Drift; Forskel]} kr. og "
                  "{r[Andet; Forskel]} mio. kr.\n",
                  "Post;Forskel\nDrift;11.500.000\nAndet;-999.999\n")
              .messages == "");
}

TEST_CASE("figures: a table that names a unit its talenhed does not is an error wherever its figures are computed with") {
    // "Budget 2024 (mio. kr.)" over 1.250 without "talenhed:": read as kroner, 1.250 would be
    // 1.250 kr. in a conversion, a sum with an amount or a beregning value (a probe printed
    // "Lønnen er 1.250 kr." with no message). Quoted alone, as the table prints it, it is fine.
    const char* csv = "Post;2024\nLøn;1.250\nDrift;11,5\n";
    const std::string block = "```tabel\nfil: t.csv\nnavn: t\ntitel: Budget 2024 (mio. kr.)\n```\n\n";
    const auto alone = compute(block + "Lønnen er {t[Løn; 2024]} mio. kr.\n", csv);
    CHECK(alone.messages == "");
    CHECK(figure_text(alone).find("Lønnen er 1.250 mio. kr.") != std::string::npos);
    // Quoted alone but followed by another unit than the table names, it is the error a
    // declared unit's is (regression heading-unit-after: "{t[I alt; 2023 (1.000 kr.)]} kr."
    // printed 1.900 t. kr. as "1.900 kr." without a word).
    const auto other_unit = compute(block + "Lønnen er {t[Løn; 2024]} kr.\n", csv);
    CHECK(other_unit.messages.find("m/01-a/item.md:16:12: error: the figure \"{t[Løn; 2024]}\" prints \"1.250\", a number in "
                                   "mio. kr., but the text after it says kr.") == 0);
    const auto heading = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: Udgifter\n```\n\nI alt {t[Løn; 2023 (1.000 kr.)]} kr.\n",
                                 "Post;2023 (1.000 kr.)\nLøn;1.900\n");
    CHECK(heading.messages.find("error: the figure \"{t[Løn; 2023 (1.000 kr.)]}\" prints \"1.900\", a number in t. kr., but "
                                "the text after it says kr.") != std::string::npos);
    CHECK(compute("```tabel\nfil: t.csv\nnavn: t\ntitel: Udgifter\n```\n\nI alt {t[Løn; 2023 (1.000 kr.)]} t. kr.\n",
                  "Post;2023 (1.000 kr.)\nLøn;1.900\n")
              .messages == "");

    const std::string said =
        "error: the table \"t\" names mio. kr. in its title, but without \"talenhed:\" its figures are read as kr.; "
        "add \"talenhed: mio. kr.\" to the table if they are written in mio. kr., or correct the text\n";
    const auto converted = compute(block + "Lønnen er {t[Løn; 2024] | kr.}.\n", csv);
    CHECK(converted.messages == "m/01-a/item.md:16:12: " + said);
    const auto summed = compute(block + "I alt {t[Løn; 2024] + t[Drift; 2024]}.\n", csv);
    CHECK(summed.messages.find("m/01-a/item.md:16:8: " + said) == 0);
    const auto value = compute(block + "```beregning\nnavn: v\nværdi: y = t[Løn; 2024] * 2\n```\n\n{v[y]}\n", csv);
    INFO(value.messages);
    CHECK(value.messages.find("m/01-a/item.md:18:12: " + said) == 0);
    // From another table's formula too.
    const auto other = compute(block, csv, "```tabel\nfil: t.csv\ntitel: B\nkolonne: C = t[Løn; 2024] + [2024]\n```\n");
    CHECK(other.messages.find("names mio. kr. in its title") != std::string::npos);

    // Declared, the conversion is right.
    const auto declared = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: Budget 2024 (mio. kr.)\ntalenhed: mio. kr.\n```\n\n"
                                  "Lønnen er {t[Løn; 2024] | kr.}.\n",
                                  csv);
    CHECK(declared.messages == "");
    CHECK(figure_text(declared).find("Lønnen er 1.250.000.000 kr.") != std::string::npos);
    // A title that names the unit the table is shown in ("enhed:"), with its figures declared in kr.
    const auto shown = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: Budget 2024 (mio. kr.)\ntalenhed: kr.\nenhed: mio. kr.\n```\n\n"
                               "Lønnen er {t[Løn; 2024] | kr.}.\n",
                               "Post;2024\nLøn;1.250.000.000\n");
    CHECK(shown.messages == "");
    CHECK(figure_text(shown).find("Lønnen er 1.250.000.000 kr.") != std::string::npos);

    // A note, a row or a heading may name it; a talenhed that says otherwise is a contradiction.
    const auto note = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: Budget\nnote: Beløb i mio. kr.\n```\n\n"
                              "{t[Drift; 2024] | kr.}\n",
                              csv);
    CHECK(note.messages.find("the table \"t\" names mio. kr. in its note \"Beløb i mio. kr.\"") != std::string::npos);
    const auto row = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: Budget\n```\n\n{t[Drift (t. kr.); 2024] + 1}\n",
                             "Post;2024\nDrift (t. kr.);11,5\n");
    CHECK(row.messages.find("names t. kr. in the row \"Drift (t. kr.)\"") != std::string::npos);
    const auto contradiction = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: Budget 2024 (mio. kr.)\ntalenhed: kr.\n```\n\n"
                                       "{t[Drift; 2024] * 2}\n",
                                       csv);
    CHECK(contradiction.messages.find("names mio. kr. in its title, but its \"talenhed:\" says kr.; correct the one that "
                                      "is wrong") != std::string::npos);
    // An amount in the title is no unit of the figures ("Rammen er 4,2 mio. kr.").
    const auto amount = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: Rammen er 4,2 mio. kr.\n```\n\n{t[Drift; 2024] * 2}\n",
                                csv);
    CHECK(amount.messages == "");
}

TEST_CASE("figures: a beregning block computes named values, as the membership fee") {
    const auto l = compute(
        "Kontingentet bliver {kontingent[sats-2024] | kr.}, en stigning på {kontingent[stigning] | kr.}.\n\n"
        "```beregning\nnavn: kontingent\nværdi: sats-2023 = 25,70\nværdi: reduktion = 0,70\nværdi: pl = 3,4\n"
        "værdi: sats-2024 = (sats-2023 - reduktion) * (1 + pl / 100) | decimaler 2\n"
        "værdi: stigning = sats-2024 - sats-2023\n```\n",
        kBudgetCsv);
    REQUIRE(l.meeting);
    CHECK(l.messages == "");
    // One full stop after "kr.", as Danish typography writes it (issue 9, point 8).
    CHECK(figure_text(l).find("Kontingentet bliver 25,85 kr., en stigning på 0,15 kr.") != std::string::npos);
    CHECK(figure_text(l).find("kr..") == std::string::npos);
}

TEST_CASE("figures: one full stop after a figure ending in \"kr.\" at the end of a link or an emphasis") {
    // A probe: "Se [i alt {…| kr.}](…)." printed "650.000 kr..", as did emphasis around the figure.
    const auto l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\ntalenhed: kr.\n```\n\n"
                           "Se [i alt {t[Løn; 2024] | kr.}](https://example.org). **{t[Løn; 2024] | kr.}**. "
                           "*Ellipse {t[Løn; 2024] | kr.}*...\n",
                           "Post;2024\nLøn;650.000\n");
    CHECK(l.messages == "");
    std::string text;
    const auto walk = [&](const auto& self, const std::vector<model::Inline>& inlines) -> void {
        for (const model::Inline& i : inlines) {
            text += i.text;
            self(self, i.children);
        }
    };
    for (const model::Block& b : l.meeting->items[0].sections[2].blocks) walk(walk, b.inlines);
    CHECK(text.find("kr..") == text.find("kr...."));  // only the ellipsis after "kr." keeps its points
    CHECK(text.find("650.000 kr. 650.000 kr. Ellipse") != std::string::npos);
}

TEST_CASE("figures: a beregning value computed from one cell prints what it computes, in the unit its table shows") {
    // A probe: "underskud = -t[Resultat; 2024]" printed the cell as its table prints it, -500.000,
    // and abs() alike; "halvdel = t[Drift; 2024] / 2" from a table shown in mio. kr. printed
    // 5.750.000 beside "mio. kr.".
    const std::string csv = "Post;2024\nDrift;11.500.000\nResultat;-500.000\n";
    const std::string table = "```tabel\nfil: t.csv\nnavn: t\ntitel: Regnskab\n```\n\n";
    auto l = compute(table + "```beregning\nnavn: b\nværdi: underskud = -t[Resultat; 2024]\nværdi: a = abs(t[Resultat; 2024])\n"
                             "værdi: r = t[Resultat; 2024]\nværdi: d = t[Resultat; 2024] | decimaler 2\n```\n\n"
                             "Underskud {b[underskud]}, {b[a]}, {b[r]}, {b[d]}.\n",
                     csv);
    REQUIRE(l.meeting);
    CHECK(l.messages == "");
    CHECK(figure_text(l).find("Underskud 500.000, 500.000, -500.000, -500.000,00.") != std::string::npos);
    const std::string shown = "```tabel\nfil: t.csv\nnavn: t\ntitel: Regnskab (mio. kr.)\ntalenhed: kr.\nenhed: mio. kr.\n```\n\n";
    l = compute(shown + "```beregning\nnavn: b\nværdi: drift = t[Drift; 2024]\nværdi: halvdel = t[Drift; 2024] / 2\n```\n\n"
                        "Driften er {b[drift]} mio. kr., halvdelen {b[halvdel]} mio. kr. ({b[drift] | decimaler 2}); "
                        "{b[halvdel] | mio. kr.}.\n",
                csv);
    CHECK(l.messages.find("error: the figure \"{b[halvdel]}\" is computed from a table that shows its figures in mio. kr., "
                          "but they are written in kr.: name the unit this figure is printed in, \"| mio. kr.\" or \"| kr.\"") !=
          std::string::npos);
    CHECK(l.messages.find("\"{b[drift] | decimaler 2}\" is computed from a table") != std::string::npos);
    CHECK(l.messages.find("\"{b[drift]}\"") == std::string::npos);  // quoted as the table prints it: 11,5
    CHECK(l.messages.find("\"{b[halvdel] | mio. kr.}\"") == std::string::npos);
}

// Probe 20, repro 10: "værdi: x = 5" was accepted, and "y = x + 1" then failed with 'found "*"':
// "x" between spaces is the multiplication operator, so such a name is refused where it is given.
TEST_CASE("figures: a beregning value may not be named by an operator, x or ×") {
    const std::string block = "Y: {b[y]}.\n\n```beregning\nnavn: b\n";
    const auto first_line = [](const std::string& m) { return m.substr(0, m.find('\n') + 1); };
    auto l = compute(block + "værdi: x = 5\nværdi: y = 2\n```\n", kBudgetCsv);
    CHECK(first_line(l.messages) ==
          "m/01-a/item.md:14:8: error: the value name \"x\" is an operator in a formula (multiplication, as *), so the "
          "value could not be used by its name (\"x + 1\" would not quote it); choose another name\n");
    l = compute(block + "værdi: × = 5\nværdi: y = 2\n```\n", kBudgetCsv);
    CHECK(l.messages.find("m/01-a/item.md:14:8: error: the value name \"×\" is an operator") == 0);
    l = compute(block + "værdi: pris x antal = 5\nværdi: y = 2\n```\n", kBudgetCsv);
    CHECK(first_line(l.messages) ==
          "m/01-a/item.md:14:13: error: the value name \"pris x antal\" holds \"x\" between spaces, which a formula "
          "reads as an operator (multiplication, as *), so the value could not be used by its name; choose another "
          "name\n");
    l = compute(block + "værdi: drift - anlæg = 5\nværdi: y = 2\n```\n", kBudgetCsv);
    CHECK(l.messages.find("m/01-a/item.md:14:14: error: the value name \"drift - anlæg\" holds \"-\"") == 0);
    // A name with an x in a word, or a capital X, is a name.
    l = compute(block + "værdi: X = 5\nværdi: max-x = 1\nværdi: y = X + max-x\n```\n", kBudgetCsv);
    CHECK(l.messages == "");
    CHECK(figure_text(l) == "Y: 6.");
    // Where a value is expected, the message names the operator as written, not the "*" it stands for.
    l = compute(block + "værdi: y = 2 + x\n```\n", kBudgetCsv);
    CHECK(first_line(l.messages) ==
          "m/01-a/item.md:14:16: error: expected a number, a label or \"(\", found \"x\", which between spaces is the "
          "multiplication operator; a label \"x\" is written [x]\n");
}

TEST_CASE("figures: tables in other items are quoted by name; errors point into the text") {
    auto l = compute("Underskud: {andet[Udgifter; 2024] + andet[Indtægter; 2024]}.\n", kBudgetCsv,
                     "```tabel\nfil: t.csv\nnavn: andet\ntitel: Andet\n```\n");
    REQUIRE(l.meeting);
    CHECK(l.messages == "");
    CHECK(figure_text(l) == "Underskud: 10.");
    l = compute("Tal: {andet[Udgifter; 2025]}.\n", kBudgetCsv, "```tabel\nfil: t.csv\nnavn: andet\ntitel: Andet\n```\n");
    CHECK(l.messages == "m/01-a/item.md:10:7: error: the table \"andet\" has no column \"2025\"\n");
    l = compute("Tal: {Udgifter}.\n", kBudgetCsv);
    CHECK(l.messages.find("m/01-a/item.md:10:7: error: name the table or calculation") == 0);
    l = compute("Tal: {ukendt[a; b]}.\n", kBudgetCsv);
    CHECK(l.messages == "m/01-a/item.md:10:7: error: there is no table or calculation named \"ukendt\" in this meeting\n");
}

TEST_CASE("figures: a public item may not quote a confidential item's data") {
    const auto l = compute("Tal: {hemmelig[Udgifter; 2024]}.\n", kBudgetCsv,
                           "```tabel\nfil: t.csv\nnavn: hemmelig\ntitel: Hemmelig\n```\n", "Fortrolig");
    CHECK(l.messages ==
          "m/01-a/item.md:10:7: error: item 1 (Offentlig) quotes \"hemmelig\" from item 2 (Fortrolig); a public item may not "
          "quote a confidential item's data\n");
}

TEST_CASE("figures: a public item's misspelt name is offered no confidential item's table or calculation") {
    // "Did you mean" would tell the public item's author a confidential item's names.
    const std::string confidential = "```tabel\nfil: t.csv\nnavn: fyringsbudget\ntitel: Hemmelig\n```\n\n"
                                     "```beregning\nnavn: fyringssum\nværdi: v = 1\n```\n";
    auto l = compute("Tal: {fyringsbudgt[Udgifter; 2024]}, {fyringssm[v]}, tabel {nummer(fyringsbudgt)}.\n", kBudgetCsv,
                     confidential, "Fortrolig");
    CHECK(l.messages.find("there is no table or calculation named \"fyringsbudgt\" in this meeting\n") != std::string::npos);
    CHECK(l.messages.find("there is no table named \"fyringsbudgt\" in this meeting\n") != std::string::npos);
    CHECK(l.messages.find("fyringsbudget") == std::string::npos);
    CHECK(l.messages.find("fyringssum") == std::string::npos);
    // The confidential item's own misspelling is still helped, and so is a public item's among public names.
    l = compute("Tekst.\n", kBudgetCsv, confidential + "\nTal: {fyringssm[v]}.\n", "Fortrolig");
    CHECK(l.messages.find("did you mean \"fyringssum\"") != std::string::npos);
    l = compute("Tal: {fyringssm[v]}.\n", kBudgetCsv, confidential, "Offentlig");
    CHECK(l.messages.find("did you mean \"fyringssum\"") != std::string::npos);
}

TEST_CASE("table calc: a word used as a number names the cell it came from") {
    const auto l = compute("```tabel\nfil: t.csv\ntitel: B\nkolonne: X = [Budget] + [Regnskab]\n```\n",
                           "Post;Budget;Regnskab\nKontingent;-152.100.000;ukendt\n");
    CHECK(l.messages.find("m/01-a/item.md:13:25: error: \"ukendt\" (m/01-a/t.csv:2:25) is not a number (in row \"Kontingent\")") == 0);
}

TEST_CASE("table calc: a published figure too far from the computed one to compare is an error at the formula") {
    // The difference, -999.999.999.999.999.999 - 9.000.000.000.000.000.000, does not fit in 64 bits.
    const auto l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: I alt = p * 10\n```\n",
                           "Post;A\np;900.000.000.000.000.000\nI alt;-999.999.999.999.999.999\n");
    CHECK(l.messages.find("m/01-a/item.md:13:16: error: the published figure -999.999.999.999.999.999 for \"I alt\" / \"A\" "
                          "(m/01-a/t.csv:3:7) and the computed 9.000.000.000.000.000.000 are too far apart to compare "
                          "(numbers are computed exactly up to 9.223.372.036.854.775.807") == 0);
    // An overflow inside the formula is reported at its operator, in the column it happened in.
    const auto m = compute("```tabel\nfil: t.csv\ntitel: T\nrække: I alt = p * 100\n```\n",
                           "Post;A\np;900.000.000.000.000.000\nI alt;\n");
    CHECK(m.messages.find("m/01-a/item.md:13:18: error: the result is too large to compute exactly") == 0);
    CHECK(m.messages.find("(in column \"A\")") != std::string::npos);
}

namespace {

// `n` beregning blocks c0 .. c(n-1), each using the next; the last is 1, so c0[v] is n.
std::string calc_chain(int n, bool closed) {
    std::string body = "Svar: {c0[v]}.\n\n";
    for (int i = 0; i < n; ++i) {
        const std::string next = i + 1 < n ? "c" + std::to_string(i + 1) + "[v] + 1" : (closed ? "c0[v] + 1" : "1");
        body += "```beregning\nnavn: c" + std::to_string(i) + "\nværdi: v = " + next + "\n```\n\n";
    }
    return body;
}

}  // namespace

TEST_CASE("calculations: a chain of 5.000 beregning blocks, each using the next, is computed without deep recursion") {
    const auto l = compute(calc_chain(5000, false), kBudgetCsv);
    REQUIRE(l.meeting);
    CHECK(l.messages == "");
    CHECK(figure_text(l).find("Svar: 5.000.") == 0);
}

TEST_CASE("calculations: 6.000 tables, each quoting the next, are computed without deep recursion") {
    std::string body = "Svar: {t0[s; A]}.\n\n";
    const int n = 6000;
    for (int i = 0; i < n; ++i) {
        const std::string formula = i + 1 < n ? "p + t" + std::to_string(i + 1) + "[s; A]" : "p";
        body += "```tabel\nfil: t.csv\nnavn: t" + std::to_string(i) + "\ntitel: T\nrække: s = " + formula + "\ntilføj: nederst\n```\n\n";
    }
    const auto l = compute(body, "Post;A\np;1\n");
    REQUIRE(l.meeting);
    CHECK(l.messages == "");
    CHECK(figure_text(l).find("Svar: 6.000.") == 0);
}

TEST_CASE("calculations: quoting in a circle is an error at the formula, however long the circle") {
    // Two tables quoting each other.
    auto l = compute("```tabel\nfil: t.csv\nnavn: a\ntitel: A\nrække: s = p + b[s; A]\n```\n\n"
                     "```tabel\nfil: t.csv\nnavn: b\ntitel: B\nrække: s = p + a[s; A]\n```\n",
                     "Post;A\np;1\n");
    CHECK(l.messages.find("m/01-a/item.md:21:16: error: the table \"a\" quotes this formula's results back (directly or "
                          "through other tables and calculations); a table cannot depend on itself (in column \"A\")") !=
          std::string::npos);
    // Table a failing because b failed follows from b's error: one note under it, not a second error.
    CHECK(l.messages.find("could not be computed") == std::string::npos);
    CHECK(l.messages.find("m/01-a/item.md:21:16: note: 1 more problem follows from this error (the first at "
                          "m/01-a/item.md:14:16)") != std::string::npos);
    // A table quoting its own computed cell by name.
    l = compute("```tabel\nfil: t.csv\nnavn: a\ntitel: A\nrække: s = p + a[s; A]\n```\n", "Post;A\np;1\n");
    CHECK(l.messages.find("error: the formula quotes a[s; A], a cell it computes itself: that is a cycle; use the cells "
                          "that one is computed from") != std::string::npos);
    // 5.000 beregning blocks in a circle.
    l = compute(calc_chain(5000, true), kBudgetCsv);
    CHECK(l.messages.find("error: the calculation \"c0\" quotes this formula's results back") != std::string::npos);
    // A beregning block may still quote its own values above by its name.
    l = compute("Svar: {c[b]}.\n\n```beregning\nnavn: c\nværdi: a = 1\nværdi: b = c[a] + 1\n```\n", kBudgetCsv);
    CHECK(l.messages == "");
    CHECK(figure_text(l).find("Svar: 2.") == 0);
}

TEST_CASE("table calc: a formula may quote a cell of its own table that an earlier formula computed") {
    // Regression (probe item 7): an index of a computed total, "[I alt] / t[I alt; 2016] * 100",
    // was refused as a cycle, though "I alt" is computed first and nothing depends on the index.
    const std::string csv = "Stilling;2016;2020;2023\nOverlæger;1.036;1.100;1.200\nAfdelingslæger;1.909;2.500;2.820\n"
                            "I alt;;;\nIndeks (2016=100);;;\n";
    const std::string head = "```tabel\nfil: t.csv\nnavn: t\ntitel: Antal speciallæger\n";
    auto l = compute(head + "række: I alt = sum(Overlæger .. Afdelingslæger)\n"
                            "række: Indeks (2016=100) = [I alt] / t[I alt; 2016] * 100 | decimaler 1\n```\n\n"
                            "Indekset for 2023 er {t[Indeks (2016=100); 2023]}.\n",
                     csv);
    REQUIRE(l.meeting);
    CHECK(l.messages == "");
    CHECK(row_texts(table(l), 2) == std::vector<std::string>{"I alt", "2.945", "3.600", "4.020"});
    // 3.600 / 2.945 = 1,2224; 4.020 / 2.945 = 1,3650.
    CHECK(row_texts(table(l), 3) == std::vector<std::string>{"Indeks (2016=100)", "100,0", "122,2", "136,5"});
    CHECK(figure_text(l).find("Indekset for 2023 er 136,5.") != std::string::npos);

    // A published total kept within its tolerance is what the index is computed from: 2.946, so
    // the base year prints 100,0 and the table never contradicts itself.
    l = compute(head + "række: I alt = sum(Overlæger .. Afdelingslæger) | tolerance 1\n"
                       "række: Indeks (2016=100) = [I alt] / t[I alt; 2016] * 100 | decimaler 1\n```\n",
                "Stilling;2016;2020;2023\nOverlæger;1.036;1.100;1.200\nAfdelingslæger;1.909;2.500;2.820\n"
                "I alt;2.946;3.600;4.020\nIndeks (2016=100);;;\n");
    REQUIRE(l.meeting);
    CHECK(row_texts(table(l), 2) == std::vector<std::string>{"I alt", "2.946", "3.600", "4.020"});
    CHECK(row_texts(table(l), 3) == std::vector<std::string>{"Indeks (2016=100)", "100,0", "122,2", "136,5"});

    // The README's share of a computed whole: a column formula after the row formulas.
    l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\nrække: Hele året = sum(Q1 .. Q2)\n"
                "kolonne: Andel = [2020] / t[Hele året; 2020] * 100\n```\n",
                "Periode;2020\nQ1;30\nQ2;10\nHele året;\n");
    REQUIRE(l.meeting);
    CHECK(l.messages == "");
    CHECK(row_texts(table(l), 0) == std::vector<std::string>{"Q1", "30", "75"});
    CHECK(row_texts(table(l), 2) == std::vector<std::string>{"Hele året", "40", "100"});
}

TEST_CASE("table calc: a cell of its own table that a later formula computes, or the formula itself, is not quoted") {
    const std::string csv = "Stilling;2016;2020\nOverlæger;1.036;1.100\nAfdelingslæger;1.909;2.500\nI alt;;\nIndeks;;\n";
    const std::string head = "```tabel\nfil: t.csv\nnavn: t\ntitel: Antal speciallæger\n";
    // The order is the order of computing, as for labels: the index before the total it quotes
    // would read the empty cell (or the published figure), so it is an error saying so.
    auto l = compute(head + "række: Indeks = [Overlæger] / t[I alt; 2016] * 100\n"
                            "række: I alt = sum(Overlæger .. Afdelingslæger)\n```\n",
                     csv);
    CHECK_MESSAGE(l.messages.find("error: the cell \"I alt\" / \"2016\" is computed by the formula \"I alt = "
                                  "sum(Overlæger .. Afdelingslæger)\", which has not been computed yet: row formulas are "
                                  "computed in the order written, then column formulas; put that one first") !=
                      std::string::npos,
                  l.messages);
    // Even where the CSV holds a published total there, which would be read unchecked.
    l = compute(head + "række: Indeks = [Overlæger] / t[I alt; 2016] * 100\n"
                       "række: I alt = sum(Overlæger .. Afdelingslæger)\n```\n",
                "Stilling;2016;2020\nOverlæger;1.036;1.100\nAfdelingslæger;1.909;2.500\nI alt;2.945;3.600\nIndeks;;\n");
    CHECK(l.messages.find("which has not been computed yet") != std::string::npos);
    // Two formulas each quoting a cell the other computes: a cycle, named by both cells.
    l = compute(head + "række: I alt = sum(Overlæger .. Afdelingslæger) + t[Indeks; 2016]\n"
                       "række: Indeks = [Overlæger] / t[I alt; 2016] * 100\n```\n",
                csv);
    CHECK_MESSAGE(l.messages.find("error: the cell \"Indeks\" / \"2016\" is computed by the formula \"Indeks = "
                                  "[Overlæger] / t[I alt; 2016] * 100\" (m/01-a/item.md:15:17), which in turn quotes the "
                                  "cell \"I alt\" / \"2016\" that this formula computes: that is a cycle") !=
                      std::string::npos,
                  l.messages);
    // A formula quoting a cell it computes itself.
    l = compute(head + "række: I alt = sum(Overlæger .. Afdelingslæger) + t[I alt; 2016] * 0\n```\n", csv);
    CHECK(l.messages.find("error: the formula quotes t[I alt; 2016], a cell it computes itself: that is a cycle") !=
          std::string::npos);
    // ... but a cell of its own row that its range leaves out is an input cell.
    l = compute(head + "række: Indeks = [I alt] / t[Indeks; 2016] * 100 | kolonner 2020 .. 2020\n```\n",
                "Stilling;2016;2020\nI alt;2.000;3.000\nIndeks;100;\n");
    REQUIRE(l.meeting);
    CHECK(l.messages == "");
    CHECK(row_texts(table(l), 1) == std::vector<std::string>{"Indeks", "100", "3.000"});
}

TEST_CASE("table calc: a beregning value taken from a table that quotes it is refused, saying where to quote the cell") {
    // The table is computed after the values it quotes, so it cannot give them its cells; the
    // message says the way that works: the cell quoted in the table's own formula.
    const auto l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: Antal speciallæger\n"
                           "række: I alt = sum(Overlæger .. Afdelingslæger)\n"
                           "række: Indeks = [I alt] / b[basis] * 100\n```\n\n"
                           "```beregning\nnavn: b\nværdi: basis = t[I alt; 2016]\n```\n",
                           "Stilling;2016;2020\nOverlæger;1.036;1.100\nAfdelingslæger;1.909;2.500\nI alt;;\nIndeks;;\n");
    CHECK_MESSAGE(l.messages.find("error: the table \"t\" quotes this calculation's values (directly or through other "
                                  "tables and calculations), so it is computed after them and cannot give them its cells; "
                                  "quote the cell in the table's own formula instead (t[I alt; 2016])") != std::string::npos,
                  l.messages);
}

TEST_CASE("table calc: two formulas that write the same row or column are an error naming both") {
    auto l = compute(
        "```tabel\nfil: t.csv\ntitel: Budget\n"
        "række: Indtægter i alt = sum(Kontingent .. Øvrige indtægter)\n"
        "række: Indtægter i alt = Kontingent\n```\n",
        kBudgetCsv);
    REQUIRE(l.meeting);
    CHECK(l.messages.find("m/01-a/item.md:14:26: error: two formulas write the row \"Indtægter i alt\": this one and "
                          "\"Indtægter i alt = sum(Kontingent .. Øvrige indtægter)\" (m/01-a/item.md:13:26)") !=
          std::string::npos);
    l = compute(
        "```tabel\nfil: t.csv\ntitel: Budget\n"
        "kolonne: Forskel = [Budget] - [Regnskab]\n"
        "kolonne: Forskel = [Regnskab] - [Budget]\n```\n",
        kBudgetCsv);
    REQUIRE(l.meeting);
    CHECK(l.messages.find("error: two formulas write the column \"Forskel\"") != std::string::npos);
    // The first formula's figures stand; the second never overwrites them.
    CHECK(row_texts(table(l), 0).back() == "400.000");
}

TEST_CASE("table calc: the warning prints the tolerance as written and the computed value unrounded") {
    const auto l = compute(
        "```tabel\nfil: t.csv\ntitel: Andel\nkolonne: Andel = [A] / [B] * 100 | decimaler 1, tolerance 0,5\n```\n",
        "Post;A;B;Andel\nX;1;3;34,0\n");
    REQUIRE(l.meeting);
    // 33,3 printed, 33,33333 computed: 0,7 from 34,0 is beyond 0,5 (not "tolerance 1").
    CHECK(l.messages ==
          "m/01-a/t.csv:2:7: warning: the published figure 34,0 for \"X\" / \"Andel\" differs from the computed 33,3 "
          "(unrounded 33,333333333333) (Andel = [A] / [B] * 100) by 0,7, more than the tolerance 0,5; the packet shows 33,3\n");
}

TEST_CASE("table calc: a published figure of the other sign is never kept within the tolerance") {
    // A probe: a published change of 1 kept over a computed -1 (tolerance 2), and the text said
    // "steget med 1" for a fall.
    const auto l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\nkolonne: Ændring = [2023] - [2022] | tolerance 2\n```\n",
                           "Region;2022;2023;Ændring\nNord;1.036;1.035;1\nMidt;5.442;5.443;2\n");
    CHECK(l.messages.find("warning: the published figure 1 for \"Nord\" / \"Ændring\" has the other sign than the computed "
                          "-1 (Ændring = [2023] - [2022]): within the tolerance 2, but a figure of the other sign is no "
                          "rounding; the packet shows -1") != std::string::npos);
    CHECK(row_texts(table(l), 0) == std::vector<std::string>{"Nord", "1.036", "1.035", "-1"});
    // The same sign within the tolerance is kept, as before.
    CHECK(row_texts(table(l), 1) == std::vector<std::string>{"Midt", "5.442", "5.443", "2"});
    CHECK(l.messages.find("\"Midt\"") == std::string::npos);
}

TEST_CASE("table calc: a formula may name its own table to reach a fixed cell, with [2020] bracketed or not") {
    const char* const csv = "Periode;2017;2020\nHele året;200;300\nForår;50;60\n";
    auto l = compute(
        "```tabel\nnavn: t\nfil: t.csv\ntitel: Ventetid\n"
        "kolonne: Andel = [2020] / t[Hele året; [2020]] * 100 | decimaler 0\n"
        "kolonne: Mod 2017 = [2020] / t[Hele året; 2017] * 100 | decimaler 0\n```\n",
        csv);
    REQUIRE(l.meeting);
    CHECK(l.messages == "");
    CHECK(row_texts(table(l), 1) == std::vector<std::string>{"Forår", "50", "60", "20", "30"});
    // A cell of its own table that a formula writes would be a cycle: named as one.
    l = compute(
        "```tabel\nnavn: t\nfil: t.csv\ntitel: Ventetid\n"
        "kolonne: Andel = [2020] / t[Hele året; Andel]\n```\n",
        csv);
    REQUIRE(l.meeting);
    CHECK(l.messages.find("error: the formula quotes t[Hele året; Andel], a cell it computes itself: that is a cycle") !=
          std::string::npos);
}

TEST_CASE("table calc: advice to write 0 only for input cells; a formula using its own row is a cycle") {
    auto l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: I alt = A + I alt\n```\n", "Post;2024\nA;1\nI alt;\n");
    REQUIRE(l.meeting);
    CHECK(l.messages.find("error: the formula uses its own row \"I alt\": that is a cycle") != std::string::npos);
    CHECK(l.messages.find("write 0") == std::string::npos);
    // A computed cell used before its formula: put that one first, never "write 0".
    l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: B = [I alt] * 2\nrække: I alt = A + 1\n```\n",
                "Post;2024\nA;1\nI alt;\nB;\n");
    REQUIRE(l.meeting);
    CHECK(l.messages.find("error: the cell \"I alt\" / \"2024\" is computed by the formula \"I alt = A + 1\", which has "
                          "not been computed yet") != std::string::npos);
    CHECK(l.messages.find("write 0") == std::string::npos);
}

TEST_CASE("table calc: a \"-\" a formula needs is an error at that input cell unless the table says \"mangler: videre\"") {
    const std::string csv = "Post;2023;2024\nA;10;-\nB;4;5\nI alt;;\n";
    const auto refused = compute("```tabel\nfil: t.csv\ntitel: T\nrække: I alt = A + B\n```\n", csv);
    CHECK(refused.messages.find("m/01-a/t.csv:2:6: error: the cell \"A\" / \"2024\" holds \"-\", not a number, but the formula "
                                "\"I alt = A + B\"") != std::string::npos);
    const auto passed = compute("```tabel\nfil: t.csv\ntitel: T\nmangler: videre\nrække: I alt = A + B\n```\n", csv);
    REQUIRE(passed.meeting);
    CHECK(passed.messages == "");
    CHECK(row_texts(table(passed), 2) == std::vector<std::string>{"I alt", "14", "-"});
    // Statistics tables' signs for a figure withheld or not to be had (".." and "."), and "…",
    // are not available too: refused where a formula needs them, passed on under "mangler: videre".
    for (const std::string sign : {"..", ".", "\xE2\x80\xA6"}) {
        const std::string stats = "Post;2023;2024\nA;10;" + sign + "\nB;4;5\nI alt;;\n";
        const auto withheld = compute("```tabel\nfil: t.csv\ntitel: T\nrække: I alt = A + B\n```\n", stats);
        CHECK(withheld.messages.find("m/01-a/t.csv:2:6: error: the cell \"A\" / \"2024\" holds \"" + sign +
                                     "\", not a number, but the formula \"I alt = A + B\"") != std::string::npos);
        CHECK(withheld.messages.find("to print \"" + sign + "\" in the cells computed from it") != std::string::npos);
        CHECK(withheld.messages.find("such as \"ca.\"") == std::string::npos);
        const auto carried = compute("```tabel\nfil: t.csv\ntitel: T\nmangler: videre\nrække: I alt = A + B\n```\n", stats);
        CHECK(carried.messages == "");
        CHECK(row_texts(table(carried), 2) == std::vector<std::string>{"I alt", "14", sign});
    }
}

TEST_CASE("table calc: a row formula whose row is not in the CSV warns that it was added at the end") {
    const auto l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: I alt = A + B\n```\n", "Post;2024\nA;10\nB;4\n");
    REQUIRE(l.meeting);
    CHECK(l.messages.find("warning: the row \"I alt\" is not in the CSV, so it was added at the end of the table") !=
          std::string::npos);
    CHECK(row_texts(table(l), 2) == std::vector<std::string>{"I alt", "14"});
}

TEST_CASE("table calc: a row formula whose label is a near miss of a CSV row suggests it") {
    const auto l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: I alt = A + B\n```\n", "Post;2024\nA;10\nB;4\nI alt;\n");
    CHECK(l.messages.find("warning") == std::string::npos);
    const auto typo = compute("```tabel\nfil: t.csv\ntitel: T\nrække: I alr = A + B\n```\n", "Post;2024\nA;10\nB;4\nI alt;\n");
    CHECK(typo.messages.find("warning: the row \"I alr\" is not in the CSV, so it was added at the end of the table; did "
                             "you mean \"I alt\"?") != std::string::npos);
}

TEST_CASE("table calc: a '-' quoted from another table is an error at its cell unless the formula's table says videre") {
    const char* csv = "Post;2024\nA;10\nB;-\n";
    const auto refused = compute("```tabel\nfil: t.csv\nnavn: a\ntitel: T\n```\n\n```beregning\nnavn: v\nværdi: y = a[B; 2024] + 1\n```\n",
                                 csv);
    CHECK(refused.messages.find("m/01-a/t.csv:3:3: error: the cell a[B; 2024] holds \"-\", not a number, but the formula "
                                "\"y = a[B; 2024] + 1\"") != std::string::npos);
    const auto passed = compute(
        "```tabel\nfil: t.csv\nnavn: a\ntitel: T\n```\n\n```beregning\nnavn: v\nmangler: videre\nværdi: y = a[B; 2024] + 1\n```\n"
        "\n{v[y]}\n",
        csv);
    // Passed on, and printed "-" by the figure that quotes it, with a warning there.
    CHECK(passed.messages.find("error") == std::string::npos);
    CHECK(passed.messages.find("m/01-a/item.md:22:2: warning: the figure \"{v[y]}\" quotes a[B; 2024], which holds \"-\"") !=
          std::string::npos);
}

TEST_CASE("table calc: a heading is matched folded, short or long, with Danish letters and a trailing \":\" or \"*\"") {
    // Headings past 85 bytes are matched by another path than shorter ones (table_calc's
    // has_label_key folds into a buffer of 256 bytes): both must match alike.
    const std::string long_heading = "Udgifter til " + std::string(90, 'x') + " I ALT";
    const std::string csv = "Post;ØKONOMI  i\u00a0alt:;" + long_heading + "*;Andet\nr1;4;5;6\n";
    const std::string md = "```tabel\nfil: t.csv\nnavn: t\ntitel: T\nkolonne: C = [økonomi i alt] + [udgifter til " +
                           std::string(90, 'X') + " i alt]\n```\n\n{t[r1; C]}\n";
    const auto r = compute(md.c_str(), csv.c_str());
    CHECK(r.messages == "");
    CHECK(row_texts(table(r), 0) == std::vector<std::string>{"r1", "4", "5", "6", "9"});
    // A heading that matches no column is still refused.
    const auto missing = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\nkolonne: C = [økonomi] + 1\n```\n", csv.c_str());
    CHECK(missing.messages.find("error") != std::string::npos);
}

TEST_CASE("table calc: where a computed row and a computed column cross, the one that does not add up writes the cell") {
    const char* csv = "Post;Mænd;Kvinder\nAnsatte i alt;100;300\nHeraf ledere;10;90\n";
    // A share row across a sum column: the share of the totals (100 / 400), not the sum of the
    // two shares (10 + 30), which a probe found printed without a word.
    const auto share = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\ntilføj: nederst\n"
                               "række: Andel ledere (pct.) = [Heraf ledere] / [Ansatte i alt] * 100\n"
                               "kolonne: I alt = [Mænd] + [Kvinder]\n```\n\n{t[Andel ledere (pct.); I alt]}\n",
                               csv);
    CHECK(share.messages == "");
    CHECK(row_texts(table(share), 2) == std::vector<std::string>{"Andel ledere (pct.)", "10", "30", "25"});
    CHECK(row_texts(table(share), 0) == std::vector<std::string>{"Ansatte i alt", "100", "300", "400"});
    CHECK(figure_text(share).find("25") != std::string::npos);
    // A sum row across an index column: the index of the sum (the example's speciallæger table).
    const auto index = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\ntilføj: nederst\n"
                               "række: I alt = sum(Læger .. Sygeplejersker)\n"
                               "kolonne: Indeks = [Kvinder] / [Mænd] * 100\n```\n",
                               "Post;Mænd;Kvinder\nLæger;100;300\nSygeplejersker;10;90\n");
    CHECK(index.messages == "");
    CHECK(row_texts(table(index), 2) == std::vector<std::string>{"I alt", "110", "390", "355"});
    // A sum across a sum agrees either way.
    const auto sums = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\ntilføj: nederst\n"
                              "række: I alt = [Ansatte i alt] + [Heraf ledere]\nkolonne: Begge = sum(Mænd .. Kvinder)\n```\n",
                              csv);
    CHECK(sums.messages == "");
    CHECK(row_texts(table(sums), 2) == std::vector<std::string>{"I alt", "110", "390", "500"});
    const auto reads = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\ntilføj: nederst\n"
                               "række: Andel = [Heraf ledere] / [Ansatte i alt] * 100\n"
                               "kolonne: I alt = [Mænd] + [Kvinder]\nkolonne: Største = max([Mænd]; [I alt])\n```\n",
                               csv);
    // Neither adds up but they agree (an index of shares is the share of the indices): no error.
    const auto ratios = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\ntilføj: nederst\n"
                                "række: Andel (pct.) = [Overlæger] / [Samlet] * 100 | decimaler 1\n"
                                "kolonne: Indeks = [2023] / [2016] * 100\n```\n",
                                "Post;2016;2023\nOverlæger;1909;2820\nSamlet;3000;3700\n");
    CHECK(ratios.messages == "");
    CHECK(row_texts(table(ratios), 2) == std::vector<std::string>{"Andel (pct.)", "63,6", "76,2", "119,8"});
    // Neither adds up, and they differ: an error naming both.
    const auto both = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\ntilføj: nederst\n"
                              "række: Andel = [Heraf ledere] / [Ansatte i alt] * 100\n"
                              "kolonne: Forskel = ([Kvinder] - [Mænd]) / [Mænd] * 100\n```\n",
                              csv);
    CHECK(both.messages.find("error: the row formula \"Andel = [Heraf ledere] / [Ansatte i alt] * 100\" and the column formula "
                             "\"Forskel = ([Kvinder] - [Mænd]) / [Mænd] * 100\" cross in the cell \"Andel\" / \"Forskel\", and "
                             "neither adds up what it reads: the column's gives 200 there, the row's would give 400") != std::string::npos);
    // Left out of the row formula, the column's figure stands.
    const auto left_out = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\ntilføj: nederst\n"
                                  "række: Andel = [Heraf ledere] / [Ansatte i alt] * 100 | kolonner Mænd .. Kvinder\n"
                                  "kolonne: Forskel = ([Kvinder] - [Mænd]) / [Mænd] * 100\n```\n",
                                  csv);
    CHECK(left_out.messages == "");
    CHECK(row_texts(table(left_out), 2) == std::vector<std::string>{"Andel", "10", "30", "200"});
    // A column formula that reads a crossing cell the row formula writes after it: an error, not
    // the sum of the shares read before the cell was computed.
    CHECK(reads.messages.find("error: the cell \"Andel\" / \"I alt\" is computed by the row formula \"Andel = [Heraf "
                              "ledere] / [Ansatte i alt] * 100\", from the totals of the columns it crosses, so after every "
                              "column formula") != std::string::npos);
}

TEST_CASE("table calc: a crossing is added up as its row or column is, unless a ratio meets a plain sum") {
    // A sum row across "Udgift = [Antal] * [Takst]": the sum of the products (59.000.000), not the
    // product of the sums (1.700 x 125.000 = 212.500.000), which a probe found printed without a word.
    const char* prices = "Ydelse;Takst;Antal\nFødsler;20.000;1.000\nHofter;60.000;500\nKejsersnit;45.000;200\n";
    const auto product = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\ntilføj: nederst\n"
                                 "række: I alt = sum(Fødsler .. Kejsersnit) | kolonner Antal .. Udgift\n"
                                 "kolonne: Udgift = [Antal] * [Takst]\n```\n\n{t[I alt; Udgift] | mio. kr.}\n",
                                 prices);
    CHECK(product.messages == "");
    CHECK(row_texts(table(product), 3) == std::vector<std::string>{"I alt", "", "1.700", "59.000.000"});
    CHECK(figure_text(product).find("59,0 mio. kr.") != std::string::npos);
    // The same with the column formula kept to the rows it prices: the total is still computed,
    // never left empty.
    const auto kept = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\ntilføj: nederst\n"
                              "række: I alt = sum(Fødsler .. Kejsersnit)\n"
                              "kolonne: Udgift = [Antal] * [Takst] | rækker Fødsler .. Kejsersnit\n```\n",
                              prices);
    // (Its takster added up are no takst: a warning, as for any rate per unit.)
    CHECK(kept.messages.find("warning: the row formula \"I alt = sum(Fødsler .. Kejsersnit)\" adds up the column \"Takst\" "
                             "(125.000), whose heading names") != std::string::npos);
    CHECK(kept.messages.find("warning") == kept.messages.rfind("warning"));
    CHECK(row_texts(table(kept), 3) == std::vector<std::string>{"I alt", "125.000", "1.700", "59.000.000"});
    // A difference row across a share column could mean the difference of the shares (2) or the
    // share of the differences (20 / 100 = 20): an error naming both, never one silently (a probe
    // found 20 printed). Each reading is one option away.
    const char* years = "År;Ansatte;Ledere\n2023;400;40\n2024;500;60\n";
    const auto change = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\ntilføj: nederst\n"
                                "række: Ændring = [2024] - [2023]\nkolonne: Andel = [Ledere] / [Ansatte] * 100\n```\n",
                                years);
    CHECK(change.messages.find("error: the row formula \"Ændring = [2024] - [2023]\" and the column formula \"Andel = "
                               "[Ledere] / [Ansatte] * 100\" cross in the cell \"Ændring\" / \"Andel\", which could mean "
                               "either: the column's gives 20 there (from the row's figures), the row's would give 2") !=
          std::string::npos);
    const auto points = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\ntilføj: nederst\n"
                                "række: Ændring = [2024] - [2023]\n"
                                "kolonne: Andel = [Ledere] / [Ansatte] * 100 | rækker 2023 .. 2024\n```\n",
                                years);
    CHECK(points.messages == "");
    CHECK(row_texts(table(points), 2) == std::vector<std::string>{"Ændring", "100", "20", "2"});
    const auto of_net = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\ntilføj: nederst\n"
                                "række: Ændring = [2024] - [2023] | kolonner Ansatte .. Ledere\n"
                                "kolonne: Andel = [Ledere] / [Ansatte] * 100\n```\n",
                                years);
    CHECK(of_net.messages == "");
    CHECK(row_texts(table(of_net), 2) == std::vector<std::string>{"Ændring", "100", "20", "20"});
    // A sum row across a share column stays the share of the totals (100 / 900 = 11).
    const auto total = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\ntilføj: nederst\n"
                               "række: I alt = [2023] + [2024]\nkolonne: Andel = [Ledere] / [Ansatte] * 100\n```\n",
                               "År;Ansatte;Ledere\n2023;400;40\n2024;500;60\n");
    CHECK(total.messages == "");
    CHECK(row_texts(table(total), 2) == std::vector<std::string>{"I alt", "900", "100", "11"});
}

TEST_CASE("table calc: across a sum, a growth rate, a max() and a constant are never the sum of the rows' figures") {
    // A probe found "Hele landet" printed 15,0 (10 + 5 + 0) for "[2024] / [2023] * 100 - 100",
    // where the growth of the totals is 2,9: a division anywhere makes the formula a ratio.
    const char* regions = "Region;2023;2024\nNord;1.000;1.100\nMidt;2.000;2.100\nSyd;4.000;4.000\nHele landet;;\n";
    const auto growth = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\nrække: Hele landet = sum(Nord .. Syd)\n"
                                "kolonne: A = ([2024] - [2023]) / [2023] * 100 | decimaler 1\n"
                                "kolonne: B = [2024] / [2023] * 100 - 100 | decimaler 1\n"
                                "kolonne: C = ([2024] / [2023] - 1) * 100 | decimaler 1\n"
                                "kolonne: D = 100 - [2023] / [2024] * 100 | decimaler 1\n```\n",
                                regions);
    CHECK(growth.messages == "");
    CHECK(row_texts(table(growth), 3) == std::vector<std::string>{"Hele landet", "7.000", "7.200", "2,9", "2,9", "2,9", "2,8"});
    // The same laid out with years as rows.
    const auto rows = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\ntilføj: nederst\n"
                              "kolonne: Hele landet = sum(Nord .. Syd)\nrække: Vækst = [2024] / [2023] * 100 - 100 | decimaler 1\n```\n",
                              "År;Nord;Midt;Syd\n2023;1.000;2.000;4.000\n2024;1.100;2.100;4.000\n");
    CHECK(rows.messages == "");
    CHECK(row_texts(table(rows), 2) == std::vector<std::string>{"Vækst", "10,0", "5,0", "0,0", "2,9"});
    // A max() or min() row across a sum column is the largest (smallest) total, 1.250, not the
    // sum of the largest parts (1.000 + 1.100 = 2.100); so a max() column across a sum row.
    const auto extremes = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\ntilføj: nederst\n"
                                  "række: Højeste = max(Nord .. Syd)\nrække: Laveste = min(Nord .. Syd)\n"
                                  "kolonne: I alt = [Kirurgi] + [Medicin]\n```\n",
                                  "Region;Kirurgi;Medicin\nNord;1.000;120\nMidt;600;600\nSyd;150;1.100\n");
    CHECK(extremes.messages == "");
    CHECK(row_texts(table(extremes), 3) == std::vector<std::string>{"Højeste", "1.000", "1.100", "1.250"});
    CHECK(row_texts(table(extremes), 4) == std::vector<std::string>{"Laveste", "150", "120", "1.120"});
    const auto quarters = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\nrække: Hele landet = sum(Nord .. Syd)\n"
                                  "kolonne: Højeste = max(Q1 .. Q2)\n```\n",
                                  "Region;Q1;Q2\nNord;1.000;600\nSyd;500;1.000\nHele landet;;\n");
    CHECK(quarters.messages == "");
    CHECK(row_texts(table(quarters), 2) == std::vector<std::string>{"Hele landet", "1.500", "1.600", "1.600"});
    // A constant across a sum row could mean either: the target of the whole (79) or the sum of
    // the parts' (237). An error naming both, never 237 in silence.
    const auto constant = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\nrække: Hele landet = sum(Nord .. Syd)\n"
                                  "kolonne: Målsætning = 79\n```\n",
                                  regions);
    CHECK(constant.messages.find("error: the row formula \"Hele landet = sum(Nord .. Syd)\" and the column formula "
                                 "\"Målsætning = 79\" cross in the cell \"Hele landet\" / \"Målsætning\", which could mean "
                                 "either: the column's gives 79 there (from the row's figures), the row's would give 237") !=
          std::string::npos);
    // Each reading one option away: the row's own target, or the sum.
    const auto target = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\nrække: Hele landet = sum(Nord .. Syd) | kolonner 2023 .. 2024\n"
                                "kolonne: Målsætning = 79\n```\n",
                                regions);
    CHECK(target.messages == "");
    CHECK(row_texts(table(target), 3) == std::vector<std::string>{"Hele landet", "7.000", "7.200", "79"});
}

TEST_CASE("table calc: a sum row leaves a ratio column that leaves its row out as the CSV has it, never adds the ratios") {
    // A probe found five ratios added up (8,72) where the ratio of the totals is 1,77.
    const char* csv = "Region;Overlæger;Afdelingslæger;Fordelingstal\nNord;200;100;\nSyd;300;200;\nHele landet;;;\n";
    const auto left = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\nrække: Hele landet = sum(Nord .. Syd)\n"
                              "kolonne: Fordelingstal = [Overlæger] / [Afdelingslæger] | decimaler 2, rækker Nord .. Syd\n```\n",
                              csv);
    CHECK(left.messages == "");
    CHECK(row_texts(table(left), 2) == std::vector<std::string>{"Hele landet", "500", "300", ""});
    // Quoted, the empty cell names the range that leaves it out, not a formula yet to come.
    const auto quoted = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\nrække: Hele landet = sum(Nord .. Syd)\n"
                                "kolonne: Fordelingstal = [Overlæger] / [Afdelingslæger] | decimaler 2, rækker Nord .. Syd\n"
                                "```\n\nx {t[Hele landet; Fordelingstal]}.\n",
                                csv);
    CHECK(quoted.messages.find("error: the cell \"Hele landet\" / \"Fordelingstal\" is left empty by the formula "
                               "\"Fordelingstal = [Overlæger] / [Afdelingslæger]") != std::string::npos);
    // Without the range, the ratio of the totals.
    const auto whole = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\nrække: Hele landet = sum(Nord .. Syd)\n"
                               "kolonne: Fordelingstal = [Overlæger] / [Afdelingslæger] | decimaler 2\n```\n",
                               csv);
    CHECK(whole.messages == "");
    CHECK(row_texts(table(whole), 2) == std::vector<std::string>{"Hele landet", "500", "300", "1,67"});
}

TEST_CASE("table calc: a sum row adding up a column of targets is warned, and the row's own target judges it") {
    // A probe found "Hele landet" judged against 79 + 79 + 79 = 237: "ikke opfyldt" without a word.
    const char* csv = "Region;Forløb;Overholdt;Mål\nNord;1.000;800;79\nMidt;2.000;1.700;79\nHele landet;;;79\n";
    const auto summed = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\nrække: Hele landet = sum(Nord .. Midt)\n"
                                "kolonne: Andel = [Overholdt] / [Forløb] * 100\nkolonne: Status = status([Andel]; [Mål]; højere)\n```\n",
                                csv);
    CHECK(summed.messages.find("warning: the row formula \"Hele landet = sum(Nord .. Midt)\" adds up the column \"Mål\" "
                               "(158), whose heading names a target") != std::string::npos);
    const auto own = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\n"
                             "række: Hele landet = sum(Nord .. Midt) | kolonner Forløb .. Overholdt\n"
                             "kolonne: Andel = [Overholdt] / [Forløb] * 100\nkolonne: Status = status([Andel]; [Mål]; højere)\n```\n",
                             csv);
    CHECK(own.messages == "");
    CHECK(row_texts(table(own), 2) == std::vector<std::string>{"Hele landet", "3.000", "2.500", "79", "83", "opfyldt"});
}

TEST_CASE("table calc: a sum adding up averages, indexes, ranks or figures per person is warned") {
    // Regression (no-sum-columns): "Hele landet = sum(Nord .. Syd)" printed an average waiting
    // time of 120 days, 3.600 kr. per inhabitant, an index of 360 and a rank of 6 without a word.
    const char* csv = "Region;Forløb;Gns. ventetid (dage);Udgift pr. indbygger (kr.);Udvikling (2016=100);Rang;"
                      "Udgift pr. år\nNord;1.000;30;1.200;110;2;500\nMidt;2.000;40;1.300;120;1;600\nSyd;3.000;50;1.100;130;3;700\n";
    auto l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: Hele landet = sum(Nord .. Syd)\ntilføj: nederst\n```\n", csv);
    for (const char* column : {"\"Gns. ventetid (dage)\" (120)", "\"Udgift pr. indbygger (kr.)\" (3.600)",
                               "\"Udvikling (2016=100)\" (360)", "\"Rang\" (6)"})
        CHECK_MESSAGE(l.messages.find(std::string("warning: the row formula \"Hele landet = sum(Nord .. Syd)\" adds up the "
                                                  "column ") + column + ", whose heading names an average") != std::string::npos,
                      column);
    // Counts, and amounts per period across lines, add up.
    CHECK(l.messages.find("\"Forløb\" (6.000), whose") == std::string::npos);
    CHECK(l.messages.find("\"Udgift pr. år\" (1.800), whose") == std::string::npos);
    CHECK(compute("```tabel\nfil: t.csv\ntitel: T\nrække: I alt = sum(A .. B)\ntilføj: nederst\n```\n",
                  "Post;Udgift pr. region;Senge pr. 1.000 indbyggere\nA;100;3\nB;200;4\n")
              .messages.find("warning: the row formula \"I alt = sum(A .. B)\" adds up the column \"Senge pr. 1.000 "
                             "indbyggere\" (7), whose heading names an average") != std::string::npos);
    // Whether a sum row over a column headed so is warned of.
    const auto warned = [](const std::string& heading) {
        return compute("```tabel\nfil: t.csv\ntitel: T\nrække: I alt = sum(A .. B)\ntilføj: nederst\n```\n",
                       "Post;" + heading + "\nA;4;\nB;3;\n")
                   .messages.find("whose heading names an average") != std::string::npos;
    };
    // Tariffs, prices per unit and rates: a probe's "Takst" and "Sats" of two operations were added up
    // in silence beside "Udgift = [Antal] * [Takst]".
    for (const char* rate : {"Takst", "DRG-takst", "Sengedagstakster", "Timepris", "Enhedspris", "Stykpris", "Sats",
                             "Kontingentsats", "Fordelingstal"})
        CHECK_MESSAGE(warned(rate), rate);
    // Times per case, grades, scores and scales (a probe: three regions' waiting times of 35-44
    // days printed "ventetiden 119 dage", a satisfaction on a 1-5 scale summed to 12).
    for (const char* rate : {"Ventetid (dage)", "Middelventetid", "Liggetid", "Gns. liggetiden", "Behandlingstid (uger)",
                             "Dækningsgrad", "Belægningsgraden", "Snit", "Tilfredshed", "Tilfredshed (1-5)",
                             "Score (0-10)", "Incidens", "Standardiseret rate", "Genindlæggelsesrate", "Prævalens",
                             "Dødelighed"})
        CHECK_MESSAGE(warned(rate), rate);
    // Regression (probe41): times until, life expectancies, ages, prices and price indexes of five
    // regions or two operations were summed in silence (221 days, a price of 90.000).
    for (const char* rate : {"Tid til behandling (dage)", "Dage til operation", "Kø-tid (dage)", "Middellevetid (år)",
                             "Alder (år)", "Gennemsnitsalder", "Pris", "Pris (kr.)", "Kostpris", "Enhedsomkostning",
                             "Lønsats", "Prisindeks", "BMI", "Klassekvotient", "Udgift pr. udskrivning (kr.)",
                             "Sygefravær (dage pr. medarbejder)", "Kvadratmeterpris (kr.)"})
        CHECK_MESSAGE(warned(rate), rate);
    // Regression (hunt-4): an average, a median or a rate written as one word or with a slash, and
    // guarantees and norms per case, were summed in silence (three regions' pay to 135.500 kr.).
    for (const char* rate : {"Gennemsnitsløn", "Gennemsnitspris", "Gennemsnitsudgift", "Gennemsnitsventetid", "Medianalder",
                             "Medianløn", "Snitløn", "Udgift/indbygger", "Kr./patient", "Senge/1.000 indbyggere",
                             "Ventetidsgaranti (dage)", "Behandlingsgaranti", "Normtid", "Normeret tid"})
        CHECK_MESSAGE(warned(rate), rate);
    // ... but amounts and counts that use those words do (probe41b: "Udgifter i faste priser 2022"
    // was warned of, and a wrong total under it passed).
    for (const char* sums : {"Pris i alt", "Samlet pris (kr.)", "Overtid (timer)", "Dage i alt", "Udgifter i faste priser 2022",
                             "Medicinforbrug, kostpris (mio. kr.)", "Forbrug til kostpris", "Kostpris (mio. kr.)",
                             "Pris (mio. kr.)", "Lønudgift (alder 18-25)", "Priser og lønninger",
                             "Antal forløb, tid til udredning over 30 dage", "Tid til udredning, antal forløb",
                             "Kø-tid (timer i alt)", "Budget 2023/24", "Løn/drift", "Normerede stillinger",
                             "Gennemsnitsantal indlagte pr. dag", "Snitflader"})
        CHECK_FALSE_MESSAGE(warned(sums), sums);
    // The title or the labels' heading saying it of every figure (a probe: "Gennemsnitlig
    // ventetid til operation (dage) efter region" over two quarters, the regions summed to 301 days).
    const char* const quarters = "Region;1. kvt. 2023;2. kvt. 2023\nNord;66;60\nSyd;71;64\n";
    for (const char* title : {"Gennemsnitlig ventetid til operation (dage) efter region",
                              "Udredningsretten overholdt (pct. af forløbene) efter region",
                              "Andel patienter udredt inden for 30 dage efter region", "Ventetider efter region (dage)"})
        CHECK_MESSAGE(compute(std::string("```tabel\nfil: t.csv\ntitel: ") + title +
                                  "\nrække: Hele landet = sum(Nord .. Syd)\ntilføj: nederst\n```\n",
                              quarters)
                          .messages.find("warning: the row formula \"Hele landet = sum(Nord .. Syd)\" adds up the column "
                                         "\"1. kvt. 2023\" (137), but \"" + std::string(title) +
                                         "\" names an average, a median, an index, a share or a figure per person") !=
                          std::string::npos,
                      title);
    CHECK(compute("```tabel\nfil: t.csv\ntitel: T\nrække: Hele landet = sum(Nord .. Syd)\ntilføj: nederst\n```\n",
                  "Gns. ventetid (dage);1. kvt. 2023;2. kvt. 2023\nNord;66;60\nSyd;71;64\n")
              .messages.find("but \"Gns. ventetid (dage)\" names an average") != std::string::npos);
    // A column formula adding up the periods of such a table (probe41b: a share of 162).
    CHECK(compute("```tabel\nfil: t.csv\ntitel: Udredningsretten overholdt (pct. af forløbene)\n"
                  "kolonne: 2023 = sum(1. kvt. 2023 .. 2. kvt. 2023)\n```\n",
                  "Region;1. kvt. 2023;2. kvt. 2023\nNord;40;42\nSyd;30;31\n")
              .messages.find("warning: the column formula \"2023 = sum(1. kvt. 2023 .. 2. kvt. 2023)\" adds up the row "
                             "\"Nord\" (82), but \"Udredningsretten overholdt (pct. af forløbene)\" names an average") !=
          std::string::npos);
    // Once a table; and a title naming two kinds of figure, or a count column, says nothing of it.
    auto once = compute("```tabel\nfil: t.csv\ntitel: Gns. ventetid (dage)\nrække: Hele landet = sum(Nord .. Syd)\n"
                        "tilføj: nederst\n```\n",
                        quarters);
    CHECK(once.messages.find("but \"Gns. ventetid (dage)\"") != std::string::npos);
    CHECK(once.messages.find("\"2. kvt. 2023\" (124), but") == std::string::npos);
    for (const char* title : {"Antal forløb og gennemsnitlig ventetid", "Budget (mio. kr.)"})
        CHECK_MESSAGE(compute(std::string("```tabel\nfil: t.csv\ntitel: ") + title +
                                  "\nrække: Hele landet = sum(Nord .. Syd)\ntilføj: nederst\n```\n",
                              quarters)
                          .messages.find("names an average") == std::string::npos,
                      title);
    CHECK(compute("```tabel\nfil: t.csv\ntitel: Gns. ventetid (dage)\nrække: Hele landet = sum(Nord .. Syd)\ntilføj: nederst\n```\n",
                  "Region;Antal forløb\nNord;66\nSyd;71\n")
              .messages.find("names an average") == std::string::npos);
    for (const char* sums : {"Indsats", "Samlet pris", "Anlægspris", "Sengedage", "Udgift 2023-2024", "Grad", "Arbejdstid",
                             "Rate", "1. rate", "Renter", "Rente", "Renteindtægter", "Middel"})
        CHECK_FALSE_MESSAGE(warned(sums), sums);
    // The units a rate is per, each spelt in UTF-8 in the program ("forløb" once lost its last
    // letter to a hex escape that swallowed it).
    for (const char* unit : {"forløb", "besøg", "årsværk", "indlæggelse", "speciallæge"})
        CHECK_MESSAGE(compute("```tabel\nfil: t.csv\ntitel: T\nrække: I alt = sum(A .. B)\ntilføj: nederst\n```\n",
                              std::string("Post;Udgift pr. ") + unit + "\nA;100;\nB;200;\n")
                          .messages.find("whose heading names an average") != std::string::npos,
                      unit);
    CHECK(compute("```tabel\nfil: t.csv\ntitel: T\nrække: I alt = sum(A .. B)\ntilføj: nederst\n```\n",
                  "Post;Dødelighed (‰)\nA;3,1\nB;4,2\n")
              .messages.find("adds up the column \"Dødelighed (‰)\" (7,3), whose heading names") != std::string::npos);
    CHECK(compute("```tabel\nfil: t.csv\ntitel: T\nrække: I alt = sum(A .. B)\ntilføj: nederst\n```\n",
                  "Post;Udgift pr. region;Ansatte pr. 1. januar 2023;Ansatte pr. 31.12.2023;Gns. antal indlagte pr. dag\n"
                  "A;100;5;6;40\nB;200;7;8;50\n")
              .messages == "");
    // Left out, the row's own figures pass.
    l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: Hele landet = sum(Nord .. Syd) | kolonner Forløb .. Forløb\n"
                "tilføj: nederst\n```\n",
                csv);
    CHECK(l.messages == "");
    // A column formula adding up a row of averages (a table whose rows are measures), too.
    l = compute("```tabel\nfil: t.csv\ntitel: T\nkolonne: Hele landet = [Nord] + [Syd]\n```\n",
                "Nøgletal;Nord;Syd\nForløb;1.000;2.000\nGennemsnitlig ventetid (dage);30;40\n");
    CHECK(l.messages.find("warning: the column formula \"Hele landet = [Nord] + [Syd]\" adds up the row \"Gennemsnitlig "
                          "ventetid (dage)\" (70), whose label names an average") != std::string::npos);
    CHECK(l.messages.find("\"Forløb\"") == std::string::npos);
}

TEST_CASE("table calc: every cell a table cannot compute with is listed at once, each once") {
    // A probe found only "ca. 5" reported, twice (once per formula), and "ca. 6" and the empty
    // cell only after it was fixed: a formula stopped at its first bad cell.
    const auto l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\ntilføj: nederst\nrække: S = sum(x .. z)\n"
                           "kolonne: D = [A] + [C]\n```\n",
                           "Post;A;B;C\nx;ca. 5;1;7\ny;1;ca. 6;\nz;1;1;1\n");
    CHECK(l.messages.find("m/01-a/t.csv:2:3: error: the cell \"x\" / \"A\" holds the text \"ca. 5\"") != std::string::npos);
    CHECK(l.messages.find("m/01-a/t.csv:3:5: error: the cell \"y\" / \"B\" holds the text \"ca. 6\"") != std::string::npos);
    CHECK(l.messages.find("error: the cell \"y\" / \"C\" (m/01-a/t.csv:3:11) is empty") != std::string::npos);
    size_t errors = 0;
    for (size_t at = l.messages.find(": error: "); at != std::string::npos; at = l.messages.find(": error: ", at + 1)) ++errors;
    CHECK(errors == 3);
    CHECK(l.messages.find("\"ca. 5\"", l.messages.find("\"ca. 5\"") + 1) == std::string::npos);  // once
    // A formula's own error (a row it names that is not there) is said once, not once a column.
    const auto own = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\nrække: S = [x] + [w]\n```\n",
                             "Post;A;B;C\nx;1;2;3\nS;;;\n");
    size_t own_errors = 0;
    for (size_t at = own.messages.find(": error: "); at != std::string::npos; at = own.messages.find(": error: ", at + 1)) ++own_errors;
    CHECK(own_errors == 1);
    // A column formula reading that row's other cells follows from it: a probe found "which has
    // not been computed yet: put that one first" beside it, advice that fixes nothing.
    const auto crossed = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\nrække: S = sum(x .. T)\nrække: T = [x] + [y]\n"
                                 "kolonne: D = [B] - [A]\n```\n",
                                 "Post;A;B\nx;1;2\ny;3;4\nT;;\nS;;\n");
    CHECK(crossed.messages.find("has not been computed yet") == std::string::npos);
    CHECK(crossed.messages.find(": error: ") == crossed.messages.rfind(": error: "));
}

TEST_CASE("table calc: a number without unit beside figures shown in another unit than written is an error") {
    // Written in kroner, shown in millions: the reader sees 1,3 and writes 1,3, which beside
    // 1.250.000 kr. would be 1,3 kr. ("over loftet", a probe found, next to a printed 1,3).
    const char* csv = "Post;2023\nDrift;1.250.000\n";
    const auto bare = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: Budget (mio. kr.)\ntalenhed: kr.\nenhed: mio. kr.\n"
                              "kolonne: Loft = loft([2023]; 1,3)\n```\n",
                              csv);
    CHECK(bare.messages.find("error: the table shows its figures in mio. kr., but they are written in kr., so the number "
                             "written here would be taken in kr.; write the number with its unit (\"1,3 mio. kr.\" or "
                             "\"1,3 kr.\")") != std::string::npos);
    const auto named = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: Budget (mio. kr.)\ntalenhed: kr.\nenhed: mio. kr.\n"
                               "kolonne: Loft = loft([2023]; 1,3 mio. kr.)\n```\n",
                               csv);
    CHECK(named.messages == "");
    CHECK(row_texts(table(named), 0)[2] == "under loftet");
    // Zero is zero in every unit: a band of 0 needs none (a probe was asked for "0 mio. kr.").
    const auto zero = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: Budget (mio. kr.)\ntalenhed: kr.\nenhed: mio. kr.\n"
                              "kolonne: Loft = loft([2023]; 0)\nkolonne: Udvikling = udvikling([2023]; [2023]; højere; 0)\n```\n",
                              csv);
    CHECK(zero.messages == "");
    CHECK(row_texts(table(zero), 0)[2] == "over loftet");
    // Shown as written: a bare number is in that unit, as before.
    const auto as_written = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: Budget\nkolonne: Loft = loft([2023]; 1.300.000)\n```\n",
                                    csv);
    CHECK(as_written.messages == "");
    CHECK(row_texts(table(as_written), 0)[2] == "under loftet");
}

TEST_CASE("table calc: a row labelled like a group's row is an error where a reference could mean either") {
    // A probe found "[Drift / Løn]" taking the row labelled so (7) over "Løn" under "Drift" (200).
    const char* csv = "Post;2023;2024\nLøn;100;110\nDrift;50;60\nLøn;200;210\nDrift / Løn;7;8\n";
    const auto both = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\n```\n\nx {t[Drift / Løn; 2023]}.\n", csv);
    CHECK(both.messages.find("error: in the table \"t\", the row \"Drift / Løn\" could mean 2 rows: [Drift / Løn] "
                             "(m/01-a/t.csv:5), [Drift / Løn] (m/01-a/t.csv:4)") != std::string::npos);
    // Where "Løn" is not repeated, the row labelled "Drift / Løn" is the one.
    const auto one = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\n```\n\nx {t[Drift / Løn; 2023]}.\n",
                             "Post;2023;2024\nDrift;50;60\nLøn;200;210\nDrift / Løn;7;8\n");
    CHECK(one.messages == "");
    CHECK(figure_text(one).find("x 7.") != std::string::npos);
}

TEST_CASE("table calc: a group's heading row (a label and no figures) names its rows and is left empty by a column formula") {
    // A budget in groups: "Drift;;" heads its rows. A column formula used to stop at the heading
    // ("write 0"), and "[Drift / I alt]" did not name Drift's total (its group was "Husleje").
    const char* csv = "Post;2023;2024\nDrift;;\nLøn;100;110\nHusleje;50;55\nI alt;150;165\nAnlæg;;\nByggeri;20;25\nI alt;20;25\n";
    const auto l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\nkolonne: Forskel = [2024] - [2023]\n```\n\n"
                           "Drift {t[Drift / I alt; Forskel]}, anlæg {t[Anlæg / I alt; Forskel]}, {t[Husleje / I alt; 2024]}.\n",
                           csv);
    CHECK(l.messages == "");
    CHECK(figure_text(l).find("Drift 15, anlæg 5, 165.") != std::string::npos);
    CHECK(row_texts(table(l), 0) == std::vector<std::string>{"Drift", "", "", ""});
    CHECK(row_texts(table(l), 1) == std::vector<std::string>{"Løn", "100", "110", "10"});
    CHECK(row_texts(table(l), 4) == std::vector<std::string>{"Anlæg", "", "", ""});
    // Named without its group, the message names each by its heading.
    const auto bare = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\n```\n\nx {t[I alt; 2024]}.\n", csv);
    CHECK(bare.messages.find("the row \"I alt\" could mean 2 rows: [Drift / I alt] (m/01-a/t.csv:5), [Anlæg / I alt] "
                             "(m/01-a/t.csv:8)") != std::string::npos);
    // A sum over a heading is still an error: a forgotten row of figures looks the same.
    const auto sum = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\nrække: Total = sum(Drift .. Husleje)\n```\n", csv);
    CHECK(sum.messages.find("the cell \"Drift\" / \"2023\" (m/01-a/t.csv:2:7) is empty, as is every cell of its row") !=
          std::string::npos);
    // A heading whose label is repeated names no group; the row above does, as before.
    const auto twice = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\n```\n\nx {t[I alt; 2024]}.\n",
                               "Post;2024\nDrift;\nLøn;110\nI alt;110\nDrift;\nHusleje;55\nI alt;55\n");
    CHECK(twice.messages.find("[Løn / I alt] (m/01-a/t.csv:4), [Husleje / I alt] (m/01-a/t.csv:7)") != std::string::npos);
}

TEST_CASE("figures: a bracketed label holding \";\" is one label inside a cell reference") {
    // A probe found {t[Drift; [Budget; 2024]]} refused, though [Budget; 2024] works in a table formula.
    const auto l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\nkolonne: Dobbelt = [Budget; 2024] * 2\n```\n\n"
                           "Budget {t[Drift; [Budget; 2024]]} og {t[[Drift]; Dobbelt]}.\n",
                           "Post;\"Budget; 2024\"\nDrift;2.000\n");
    CHECK(l.messages == "");
    CHECK(figure_text(l).find("Budget 2.000 og 4.000.") != std::string::npos);
}

TEST_CASE("table calc: a heading that could mean two columns is an error at the reference, listing both") {
    // "Budget" and "budget*" match alike (case and footnote "*" ignored): a reference would take
    // the first one silently.
    const char* csv = "Post;Budget;budget*\nr1;1;2\nr2;10;20\n";
    const auto formula = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\nkolonne: C = [Budget] * 1\n```\n", csv);
    CHECK(formula.messages.find(
              "m/01-a/item.md:14:14: error: the column \"Budget\" could mean 2 columns: [Budget] (m/01-a/t.csv:1:6), [budget*] "
              "(m/01-a/t.csv:1:13); give the columns headings that differ in the CSV (case, spacing, a trailing \":\" and "
              "footnote \"*\" are ignored when headings are matched) (in row \"r1\")\n") == 0);
    const auto quote = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\n```\n\nBudget for r2: {t[r2; budget*]}.\n", csv);
    CHECK(quote.messages.find("m/01-a/item.md:16:17: error: in the table \"t\", the column \"budget*\" could mean 2 columns: "
                              "[Budget] (m/01-a/t.csv:1:6), [budget*] (m/01-a/t.csv:1:13)") == 0);
    // The same heading twice, as a formula's target too.
    const auto same = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\nkolonne: A = [B] * 2\n```\n",
                              "Post;A;A;B\nr1;1;2;3\n");
    CHECK(same.messages.find("m/01-a/item.md:14:14: error: the column \"A\" could mean 2 columns: [A] (m/01-a/t.csv:1:6), "
                             "[A] (m/01-a/t.csv:1:8)") == 0);
    // Headings that repeat are fine as long as nothing refers to them.
    const auto unused = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\nkolonne: C = [B] * 2\n```\n\nB: {t[r1; B]}.\n",
                                "Post;A;A;B\nr1;1;2;3\n");
    CHECK(unused.messages == "");
    CHECK(row_texts(table(unused), 0) == std::vector<std::string>{"r1", "1", "2", "3", "6"});
}

TEST_CASE("table calc: a percentage among amounts is an error at its cell") {
    // A table declaring its figures in mio. kr. takes no shares, as a table in pct. takes no kr.
    const auto declared = compute(
        "```tabel\nfil: t.csv\nnavn: t\ntitel: Udgifter\ntalenhed: mio. kr.\nrække: I alt = sum(Løn .. Drift)\n```\n",
        "Post;2024\nLøn;0,6 mio. kr.\nDrift;5 %\nI alt;\n");
    CHECK(declared.messages.find("m/01-a/t.csv:3:7: error: \"5 %\" is a percentage but the table's figures are in mio. kr. "
                                 "(\"talenhed: mio. kr.\"), so it would be added to them as an amount") == 0);
    const auto declared_kr = compute(
        "```tabel\nfil: t.csv\nnavn: t\ntitel: Udgifter\ntalenhed: kr.\n```\n", "Post;2024\nLøn;600.000\nDrift;5 pct.\n");
    CHECK(declared_kr.messages.find("m/01-a/t.csv:3:7: error: \"5 pct.\" is a percentage but the table's figures are in kr.") == 0);
    // Without "talenhed", a share in a column of amounts written in kr.
    const auto column = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: Udgifter\nrække: I alt = sum(Løn .. Drift)\n```\n",
                                "Post;2024\nLøn;600.000 kr.\nDrift;5 %\nI alt;\n");
    CHECK(column.messages.find("m/01-a/t.csv:3:7: error: \"5 %\" is a percentage in a column of amounts (such as "
                               "\"600.000 kr.\" at m/01-a/t.csv:2:5), so a total of the column would add it as an amount") == 0);
    // Shares in a column of their own, beside amounts, are what Excel writes.
    const auto beside = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: Udgifter\nrække: I alt = sum(Løn .. Drift)\n```\n",
                                "Post;Beløb;Andel\nLøn;600.000 kr.;60 %\nDrift;400.000 kr.;40 %\nI alt;;\n");
    CHECK(beside.messages == "");
    CHECK(row_texts(table(beside), 2) == std::vector<std::string>{"I alt", "1.000.000", "100 %"});
    // So are they in a table that declares its amounts, as one shown in mio. kr. must.
    const auto beside_declared = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: Udgifter (mio. kr.)\ntalenhed: kr.\n"
                                         "enhed: mio. kr.\nrække: I alt = sum(Løn .. Drift)\n```\n",
                                         "Post;Beløb;Andel\nLøn;600.000;60 %\nDrift;400.000;40 %\nI alt;;\n");
    CHECK(beside_declared.messages == "");
    CHECK(row_texts(table(beside_declared), 2) == std::vector<std::string>{"I alt", "1,0", "100 %"});
}

TEST_CASE("table calc: a word in a column of numbers that a total sums is an error at that cell") {
    const char* csv = "Post;2023;2024\nLøn;1.000;3.000\nHusleje;2.000;ca. 5.000\nDrift;3.000;2.000\nI alt;;\n";
    const auto l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: Udgifter\nrække: I alt = sum(Løn .. Drift)\n```\n", csv);
    CHECK(l.messages.find(
          "m/01-a/t.csv:3:15: error: the cell \"Husleje\" / \"2024\" holds the text \"ca. 5.000\", not a number, so the "
          "formula \"I alt = sum(Løn .. Drift)\" (m/01-a/item.md:14:16) cannot compute \"I alt\" / \"2024\"; write the number "
          "alone in the cell (a word such as \"ca.\" belongs in a note)\n") == 0);
    // A text quoting that total gets no "not computed yet": it only follows from the cell's error.
    const auto quoted =
        compute("```tabel\nfil: t.csv\nnavn: t\ntitel: Udgifter\nrække: I alt = sum(Løn .. Drift)\n```\n\nI alt: {t[I alt; 2024]}.\n",
                csv);
    CHECK(quoted.messages.find("m/01-a/t.csv:3:15: error: the cell \"Husleje\" / \"2024\" holds the text \"ca. 5.000\"") == 0);
    CHECK(quoted.messages.find("not been computed yet") == std::string::npos);
    // A word outside the rows the total sums leaves the total to compute.
    const auto outside = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: Udgifter\nrække: I alt = sum(Løn .. Drift)\n```\n",
                                 "Post;2024\nLøn;3.000\nDrift;2.000\nI alt;\nNote;se bilag\n");
    CHECK(outside.messages == "");
    CHECK(row_texts(table(outside), 2) == std::vector<std::string>{"I alt", "5.000"});
}

TEST_CASE("table calc: a formula reading a cell a later formula computes is an error, never the stale published figure") {
    auto l = compute("```tabel\nfil: t.csv\ntitel: T\nkolonne: Ændring pct = [Ændring] / [2022] * 100\n"
                     "kolonne: Ændring = [2023] - [2022]\n```\n",
                     "Post;2022;2023;Ændring;Ændring pct\nDrift;100;150;15;\n");
    CHECK(l.messages.find("m/01-a/item.md:13:24: error: the cell \"Drift\" / \"Ændring\" is computed by the formula "
                          "\"Ændring = [2023] - [2022]\", which has not been computed yet") == 0);
    const char* const rows = "Post;2023\nA;100\nB;200\nAndel A;\nI alt;999\n";
    l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: Andel A = [A] / [I alt] * 100 | decimaler 1\n"
                "række: I alt = sum(A .. B)\n```\n", rows);
    CHECK(l.messages.find("error: the cell \"I alt\" / \"2023\" is computed by the formula \"I alt = sum(A .. B)\", "
                          "which has not been computed yet") != std::string::npos);
    // Also through a range (one that does not hold the rows "I alt" sums, which would count them twice).
    l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: Alt = sum(C .. I alt)\nrække: I alt = sum(A .. B)\n"
                "tilføj: nederst\n```\n", "Post;2023\nA;100\nB;200\nC;50\nI alt;999\n");
    CHECK(l.messages.find("error: the cell \"I alt\" / \"2023\" is computed by the formula \"I alt = sum(A .. B)\", "
                          "which has not been computed yet") != std::string::npos);
    // In the order of their dependencies, the same formulas compute (and compare the published figure).
    l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: I alt = sum(A .. B)\n"
                "række: Andel A = [A] / [I alt] * 100 | decimaler 1\n```\n", rows);
    REQUIRE(l.meeting);
    CHECK(row_texts(table(l), 2) == std::vector<std::string>{"Andel A", "33,3"});
    // Formulas that use each other are a cycle, whatever their order.
    l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: A = [B] + 1\nrække: B = [A] + 1\n```\n", "Post;V\nA;1\nB;2\n");
    CHECK(l.messages.find("that is a cycle") != std::string::npos);
    // A range over the formula's own row, with a published figure in it, is a cycle too.
    l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: I alt = sum(A .. I alt)\n```\n", "Post;V\nA;1\nI alt;5\n");
    CHECK(l.messages.find("error: the formula uses its own row \"I alt\": that is a cycle") != std::string::npos);
}

TEST_CASE("table calc: a column formula computes a row without a label too, so its published figure is checked") {
    // Excel leaves a merged label cell empty in the rows below the first.
    const auto l = compute("```tabel\nfil: t.csv\ntitel: Udgifter\nkolonne: I alt = [2023] + [2024]\n```\n",
                           "Post;2023;2024;I alt\nDrift;100;150;\n;200;260;999\n");
    REQUIRE(l.meeting);
    CHECK(l.messages.find("m/01-a/t.csv:3:10: warning: the published figure 999") == 0);
    CHECK(row_texts(table(l), 1)[3] == "460");
}

TEST_CASE("table calc: a computed cell's per-cent sign comes from the cells its formula reads, not from cells computed before") {
    // Regression (unitleak): "%" of the first row's change was carried to every later row.
    const auto l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\nkolonne: Ændring = [2023] - [2022]\n```\n\n"
                           "Tal: {t[Antal forløb; Ændring]} og {t[Ventetid (dage); Ændring]}.\n",
                           "Post;2022;2023\nAndel overholdt;73 %;75 %\nAntal forløb;100;120\nVentetid (dage);46;43\n");
    REQUIRE(l.meeting);
    CHECK(l.messages == "");
    CHECK(row_texts(table(l), 0) == std::vector<std::string>{"Andel overholdt", "73 %", "75 %", "2 pct.-point"});
    CHECK(row_texts(table(l), 1) == std::vector<std::string>{"Antal forløb", "100", "120", "20"});
    CHECK(row_texts(table(l), 2) == std::vector<std::string>{"Ventetid (dage)", "46", "43", "-3"});
    CHECK(figure_text(l).find("Tal: 20 og -3.") != std::string::npos);
    // A ratio of two shares is not a share: 73 % / 71 % is 1,028, not "1,028 %" (pct-unit-ratio).
    const auto ratio = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\nkolonne: Forhold = [2023] / [2022] | decimaler 3\n"
                               "kolonne: Vækst = ([2023] - [2022]) / [2022] * 100 | decimaler 1\n```\n",
                               "Post;2022;2023\nAndel;71 %;73 %\n");
    REQUIRE(ratio.meeting);
    CHECK(row_texts(table(ratio), 0) == std::vector<std::string>{"Andel", "71 %", "73 %", "1,028", "2,8"});
    // A row formula reads its own column: a total of shares is a share, one of counts is not.
    const auto rows = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\nrække: I alt = [A] + [B]\n```\n",
                              "Post;Andel;Antal\nA;60 %;4\nB;40 %;6\nI alt;;\n");
    REQUIRE(rows.meeting);
    CHECK(rows.messages == "");
    CHECK(row_texts(table(rows), 2) == std::vector<std::string>{"I alt", "100 %", "10"});
    // A published figure written with "%" in a column whose formula reads counts is not a share.
    const auto first_row_counts = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\nkolonne: Sum = [X] + [Y]\n```\n",
                                          "Post;X;Y\nAntal;1;2\nAndel;10 %;20 %\n");
    REQUIRE(first_row_counts.meeting);
    CHECK(row_texts(table(first_row_counts), 0) == std::vector<std::string>{"Antal", "1", "2", "3"});
    CHECK(row_texts(table(first_row_counts), 1) == std::vector<std::string>{"Andel", "10 %", "20 %", "30 %"});
}

TEST_CASE("table calc: shares written without their sign under a heading in per cent are points apart too") {
    // Regression (headed-points): 72 and 68 under "Andel 2024 (pct.)" and "Andel 2023 (pct.)", or
    // in a row "Andel overholdt (pct.)", were plain numbers once subtracted, so the text's
    // "{t[Nord; Ændring] | pct.}" printed "steg med 4 pct." for 4 percentage points (5,9 %);
    // and a year before "(pct.)" made the heading read as "2023 pct.", an amount it speaks of.
    const auto headed = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\n"
                                "kolonne: Ændring = [Andel 2024 (pct.)] - [Andel 2023 (pct.)]\n```\n\n"
                                "Steg med {t[Nord; Ændring]}.\n",
                                "Region;Andel 2023 (pct.);Andel 2024 (pct.)\nNord;68;72\nSyd;55;51\n");
    REQUIRE(headed.meeting);
    CHECK(headed.messages == "");
    CHECK(row_texts(table(headed), 0) == std::vector<std::string>{"Nord", "68", "72", "4 pct.-point"});
    CHECK(row_texts(table(headed), 1) == std::vector<std::string>{"Syd", "55", "51", "-4 pct.-point"});
    CHECK(figure_text(headed).find("Steg med 4 pct.-point.") != std::string::npos);
    // A row named in per cent, beside a row of counts: its difference is points, asked for in per
    // cent an error at the figure; the counts' difference stays a number.
    const auto labelled = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\nkolonne: Ændring = [2024] - [2023]\n```\n\n"
                                  "Steg med {t[Andel overholdt (pct.); Ændring] | pct.} og {t[Antal forløb; Ændring]}.\n",
                                  "Måling;2023;2024\nAndel overholdt (pct.);68;72\nAntal forløb;5.000;5.200\n");
    CHECK(labelled.messages.find("error: the figure is the difference of two shares, in percentage points, not a share in "
                                 "per cent; print it with \"| pct.-point\" in the figure "
                                 "\"{t[Andel overholdt (pct.); Ændring] | pct.}\"") != std::string::npos);
    const auto counts = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\nkolonne: Ændring = [2024] - [2023]\n```\n\n"
                                "Steg med {t[Andel overholdt (pct.); Ændring]} og {t[Antal forløb; Ændring]}.\n",
                                "Måling;2023;2024\nAndel overholdt (pct.);68;72\nAntal forløb;5.000;5.200\n");
    REQUIRE(counts.meeting);
    CHECK(figure_text(counts).find("Steg med 4 pct.-point og 200.") != std::string::npos);
    // "inkl. 5 % moms" after a number is still an amount the heading speaks of, not its unit.
    CHECK_FALSE(boardpack::calc::names_per_cent("Budget 2024 inkl. 25 pct. moms"));
    CHECK(boardpack::calc::names_per_cent("Andel 2023 (pct.)"));
    // Regression (probe39): headings of shares in per cent as exports write them; fractions under
    // them printed "0,75 pct." for 75 % without a word.
    for (const char* heading : {"Procentandel", "Procentdel", "Pct.-andel", "pct_overholdt", "andel_pct", "Percent", "Per cent"})
        CHECK_MESSAGE(boardpack::calc::names_per_cent(heading), heading);
    for (const char* heading : {"Pct.-point", "Procentpoint", "Ændring (procentpoint)", "Perception", "Procentsats 2024 inkl. 25 pct."})
        CHECK_MESSAGE(!boardpack::calc::names_per_cent(heading), heading);
}

TEST_CASE("table calc: the difference of two shares the table computes, under a per-cent heading, prints in points") {
    // Regression (probe39): "Ændring" of "Andel overholdt (pct.)" computed per hundred printed a
    // bare "4" under the heading, which reads as 4 %; shares written in the CSV print "4 pct.-point".
    const auto l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\n"
                           "kolonne: Andel overholdt (pct.) = [Overholdt] / [Forløb] * 100 | rækker 2023 .. 2024\n"
                           "kolonne: Andel = [Overholdt] / [Forløb] * 100 | rækker 2023 .. 2024\n"
                           "række: Ændring = [2024] - [2023]\n```\n",
                           "År;Forløb;Overholdt;Andel overholdt (pct.);Andel\n2023;1.000;680;;\n2024;1.000;720;;\nÆndring;;;;\n");
    REQUIRE(l.meeting);
    CHECK(row_texts(table(l), 2) == std::vector<std::string>{"Ændring", "0", "40", "4 pct.-point", "4"});
}

TEST_CASE("table calc: the difference of two shares is in percentage points, never printed as a share") {
    // 72 % - 68 % is 4 percentage points; "4 %" would read as a change of 4 % of 68 % (2,72 points).
    const auto l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\nkolonne: Ændring = [2024] - [2023]\n"
                           "kolonne: Ændring (procentpoint) = [2024] - [2023]\nkolonne: Dobbelt = [Ændring] * 2\n"
                           "kolonne: Ny = [2023] + [Ændring]\n```\n\n"
                           "Tal: {t[Nord; Ændring]}, {t[Nord; 2024] - t[Nord; 2023]}, "
                           "{t[Nord; 2024] - t[Nord; 2023] | procentpoint}, {t[Nord; Ny] | pct.} i alt.\n",
                           "Region;2023;2024\nNord;68 %;72 %\nSyd;80,5 %;80 %\n");
    REQUIRE(l.meeting);
    CHECK(l.messages == "");
    // Printed with its unit, unless its heading names it already; points moved onto a share are a share.
    CHECK(row_texts(table(l), 0) == std::vector<std::string>{"Nord", "68 %", "72 %", "4 pct.-point", "4", "8 pct.-point", "72 %"});
    CHECK(row_texts(table(l), 1) ==
          std::vector<std::string>{"Syd", "80,5 %", "80 %", "-0,5 pct.-point", "-0,5", "-1,0 pct.-point", "80,0 %"});
    CHECK(figure_text(l).find("Tal: 4 pct.-point, 4, 4 pct.-point, 72 pct. i alt.") != std::string::npos);
    // Asked for in per cent, the points are an error at the figure; a share is not points either.
    const auto as_share = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\nkolonne: Ændring = [2024] - [2023]\n```\n\n"
                                  "Tal: {t[Nord; Ændring] | pct.} og {t[Nord; 2024] | pct.-point}.\n",
                                  "Region;2023;2024\nNord;68 %;72 %\n");
    CHECK(as_share.messages.find("error: the figure is the difference of two shares, in percentage points, not a share in "
                                 "per cent; print it with \"| pct.-point\" in the figure \"{t[Nord; Ændring] | pct.}\"") !=
          std::string::npos);
    CHECK(as_share.messages.find("error: the figure is in pct. and cannot be shown in pct.-point") != std::string::npos);
    // Points are no parts of a whole: their sum is not checked against 100 %, and is points.
    const auto sum = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\nkolonne: Ændring = [2024] - [2023]\n```\n\n"
                             "Samlet {sum(t[Nord; Ændring]; t[Syd; Ændring]) | pct.-point}.\n",
                             "Region;2023;2024\nNord;68 %;72 %\nSyd;10 %;90 %\n");
    CHECK(sum.messages == "");
    CHECK(figure_text(sum).find("Samlet 84 pct.-point.") != std::string::npos);
    // The text calling points per cent after a figure, or giving a unit the figure prints again,
    // is a warning at the figure.
    const auto text = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\nkolonne: Ændring = [2024] - [2023]\n```\n\n"
                              "Steg {t[Nord; 2024] - t[Nord; 2023]} %, {t[Nord; 2024] - t[Nord; 2023]} procentpoint, "
                              "{t[Nord; 2024]} % og {t[Nord; 2024] | decimaler 1} %.\n",
                              "Region;2023;2024\nNord;68 %;72 %\n");
    CHECK(text.messages.find("m/01-a/item.md:17:7: warning: the figure \"{t[Nord; 2024] - t[Nord; 2023]}\" is the difference "
                             "of two shares or index numbers, in points, but the text after it calls it per cent") !=
          std::string::npos);
    CHECK(text.messages.find("warning: the figure \"{t[Nord; 2024]}\" prints \"72 %\" with its unit, and the text after it "
                             "gives a unit again") != std::string::npos);
    CHECK(text.messages.find("percentage points") == text.messages.rfind("percentage points"));  // "procentpoint" after one is right
    CHECK(text.messages.find("decimaler 1") == std::string::npos);  // a share printed bare takes its "%" from the text
    // A share the cell prints with its "%" that the text calls points: one of them is wrong. A
    // difference printed in points with "procentpoint" after it gives its unit twice.
    const auto called_points = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\nkolonne: Ændring = [2024] - [2023]\n```\n\n"
                                       "Andelen er {t[Nord; 2024]} procentpoint, ændringen {t[Nord; Ændring]} procentpoint.\n",
                                       "Region;2023;2024\nNord;68 %;72 %\n");
    CHECK(called_points.messages.find("warning: the figure \"{t[Nord; 2024]}\" prints \"72 %\", a share in per cent, but the "
                                      "text after it calls it percentage points") != std::string::npos);
    CHECK(called_points.messages.find("warning: the figure \"{t[Nord; Ændring]}\" prints \"4 pct.-point\" with its unit, and "
                                      "the text after it gives a unit again") != std::string::npos);
}

TEST_CASE("table calc: a figure printed without its unit that the text after it gives another is an error") {
    // Regression (bare-figure-unit): "{b[a]} kr." with a = 5 mio. kr. printed "5 kr.", a cell of a
    // table in mio. kr. the same, 5.000.000 kr. followed by "mio. kr." "5.000.000 mio. kr.", and a
    // share followed by "kr." "5 kr.", all without a word.
    const auto l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T (mio. kr.)\ntalenhed: mio. kr.\n```\n\n"
                           "```beregning\nnavn: b\nværdi: a = 5 mio. kr.\nværdi: c = 5.000.000 kr.\nværdi: p = 5 %\n```\n\n"
                           "Tal: {b[a]} kr., {b[c]} mio. kr., {b[p]} kr., {t[A; 2024]} kr. og {t[A; 2024]}\u00A0t. kr.\n",
                           "Post;2024\nA;5\n");
    CHECK(l.messages.find("m/01-a/item.md:24:7: error: the figure \"{b[a]}\" prints \"5\", a number in mio. kr., but the text "
                          "after it says kr.; a reader takes the number in that unit: ask for the unit in the figure (\"| kr.\") "
                          "and leave the word after it out") != std::string::npos);
    CHECK(l.messages.find("error: the figure \"{b[c]}\" prints \"5.000.000\", a number in kr., but the text after it says "
                          "mio. kr.") != std::string::npos);
    CHECK(l.messages.find("error: the figure \"{b[p]}\" prints \"5\", a number in pct., but the text after it says kr.") !=
          std::string::npos);
    CHECK(l.messages.find("error: the figure \"{t[A; 2024]}\" prints \"5\", a number in mio. kr., but the text after it "
                          "says kr.") != std::string::npos);
    CHECK(l.messages.find("says t. kr.") != std::string::npos);
    // The unit the figure is in, or asked for, and a count's words, pass; so does a table that
    // does not say its figures are amounts (they may be counts).
    const auto right = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T (mio. kr.)\ntalenhed: mio. kr.\n```\n\n"
                               "```tabel\nfil: t.csv\nnavn: u\ntitel: U\n```\n\n"
                               "```beregning\nnavn: b\nværdi: a = 5 mio. kr.\nværdi: p = 5 %\n```\n\n"
                               "Tal: {b[a]} mio. kr., {b[a] | kr.} i alt, {b[p]} pct., {t[A; 2024]} mio. kr., {t[A; 2024] | "
                               "kr.}, {u[A; 2024]} mio. kr. og {u[A; 2024]} kr.\n",
                               "Post;2024\nA;5\n");
    CHECK(right.messages.find("error") == std::string::npos);
    CHECK(figure_text(right).find("Tal: 5 mio. kr., 5.000.000 kr. i alt, 5 pct., 5 mio. kr., 5.000.000 kr., 5 mio. kr. og 5 kr.") !=
          std::string::npos);
    // Regression (probe27): a figure per hundred (a share, an index) is no amount: "{t[A; Andel]}
    // mio. kr." printed a share of 38 as "38 mio. kr." without a word, in a table of amounts as in
    // one that does not say its unit. A ratio of kroner to a count (kroner per inhabitant) is an
    // amount, a share followed by "pct." is one, and a plain ratio in a table that does not say its
    // figures are amounts may be kroner per person.
    for (const char* unit_key : {"talenhed: mio. kr.\n", ""}) {
        const auto ratio = compute(std::string("```tabel\nfil: t.csv\nnavn: t\ntitel: T\n") + unit_key +
                                       "kolonne: Andel = [2024] / [I alt] * 100\nkolonne: Del = [2024] / [I alt]\n"
                                       "kolonne: Pr. borger = [2024] / [Borgere]\n```\n\n"
                                       "Tal: {t[A; Andel]} mio. kr., {t[A; Del]} kr., {t[A; Andel]} pct. og "
                                       "{t[A; Pr. borger] | decimaler 2} mio. kr. pr. borger.\n",
                                       "Post;2024;I alt;Borgere\nA;5;13;100\n");
        CHECK_MESSAGE(ratio.messages.find("error: the figure \"{t[A; Andel]}\" prints \"38\", a ratio of two figures (a "
                                          "share, an index or their difference), which is no amount, but the text after it "
                                          "says mio. kr.") != std::string::npos,
                      ratio.messages);
        CHECK(ratio.messages.find("Pr. borger] | decimaler 2}\" prints") == std::string::npos);
        CHECK(ratio.messages.find("{t[A; Andel]}\" prints \"38\", a ratio") == ratio.messages.rfind("{t[A; Andel]}\" prints"));
    }
    // Regression (probe39): the unit after a figure read only from the text right after it on the
    // same line: "{…}\nkr.", "{…} *kr.*", "{…} [kr.](…)" and "*{…}* kr." printed "1,2 kr." for
    // 1,2 mio. kr. without a word. The words are read as the reader sees them.
    const auto across = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T (mio. kr.)\ntalenhed: mio. kr.\n```\n\n"
                                "A {t[A; 2024]}\nkr. B {t[A; 2024]} *kr.* C {t[A; 2024]} [kr.](https://x.dk) D *{t[A; 2024]}* "
                                "kr.\n",
                                "Post;2024\nA;5\n");
    for (const char* line_column : {":17:4:", ":18:8:", ":18:29:", ":18:65:"})
        CHECK_MESSAGE(across.messages.find(std::string(line_column) + " error: the figure \"{t[A; 2024]}\" prints \"5\", a "
                                           "number in mio. kr., but the text after it says kr.") != std::string::npos,
                      line_column, across.messages);
}

TEST_CASE("table calc: a share printed bare with no unit near it is a warning at the figure") {
    // Regression (probe39): "{12,5 %}" printed "12,5", and a share quoted with "| decimaler 2"
    // "12,50", in sentences that said nothing of per cent.
    const auto l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\n```\n\n"
                           "A {t[Nord; Andel] | decimaler 2}. B {12,5 %}. C {t[Syd; Andel]}. D {t[Nord; Andel] | decimaler 2} %. "
                           "E i pct. {t[Nord; Andel] | decimaler 2}. F {t[Nord; Andel] | pct., decimaler 2}.\n",
                           "Region;Andel\nNord;12,5 %\nSyd;65 %\n");
    CHECK(l.messages.find("warning: the figure \"{t[Nord; Andel] | decimaler 2}\" prints \"12,50\", a share in per cent, "
                          "and no unit follows it: a reader cannot tell it from a count; ask for the unit in the figure "
                          "(\"| pct.\"), or write \"%\" after it") != std::string::npos);
    CHECK(l.messages.find("warning: the figure \"{12,5 %}\" prints \"12,5\", a share in per cent") != std::string::npos);
    size_t count = 0;
    for (size_t at = l.messages.find("no unit follows"); at != std::string::npos; at = l.messages.find("no unit follows", at + 1))
        ++count;
    CHECK(count == 2);  // C prints its "%", D and F give it, E says it before
}

TEST_CASE("table calc: a negative figure after words that give its direction is a warning at the figure") {
    // A probe: "Huslejen er {… | verbum} med {…}" printed "faldet med -10.000 kr.", which reads as a rise.
    const auto l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: Udgifter (kr.)\ntalenhed: kr.\nkolonne: Ændring = [2024] - [2023]\n"
                           "kolonne: Udvikling = udvikling([2023]; [2024]; lavere; 0)\n```\n\n"
                           "Huslejen er {t[Husleje; Udvikling] | verbum} med {t[Husleje; Ændring] | kr.}. Et fald på "
                           "{t[Husleje; Ændring]}, og Løn er steget med {t[Løn; Ændring]}. Ændringen er {t[Husleje; Ændring]}.\n",
                           "Post;2023;2024\nHusleje;50.000;40.000\nLøn;100;120\n");
    CHECK(l.messages.find("warning: the figure \"{t[Husleje; Ændring] | kr.}\" prints \"-10.000 kr.\", a negative number, "
                          "after \"faldet med\", which gives the direction already") != std::string::npos);
    CHECK(l.messages.find("quote its size, as \"{abs(t[Husleje; Ændring]) | kr.}\"") != std::string::npos);
    CHECK(l.messages.find("after \"fald på\"") != std::string::npos);
    CHECK(l.messages.find("Løn; Ændring") == std::string::npos);  // positive: as meant
    size_t warnings = 0;
    for (size_t at = l.messages.find("a negative number"); at != std::string::npos; at = l.messages.find("a negative number", at + 1))
        ++warnings;
    CHECK(warnings == 2);  // "Ændringen er -10.000" gives no direction of its own
}

TEST_CASE("table calc: a change's size quoted with abs() after words of the other way is a warning at the figure") {
    // A probe: "Lønnen er faldet med {abs(r[Løn; Ændring]) | kr.}" printed "faldet med 10.000 kr."
    // for a rise of 10.000, and abs() had turned the sign warning off.
    const std::string csv = "Post;2023;2024\nLøn;800.000;810.000\nDrift;150.000;120.000\n";
    const std::string table = "```tabel\nfil: t.csv\nnavn: r\ntitel: Budget (kr.)\ntalenhed: kr.\n"
                              "kolonne: Ændring = [2024] - [2023]\nkolonne: Tilbage = [2023] - [2024]\n```\n\n";
    auto l = compute(table + "Lønnen er faldet med {abs(r[Løn; Ændring]) | kr.}, og driften er steget med "
                             "{abs(r[Drift; Ændring]) | kr.}.\n",
                     csv);
    CHECK(l.messages.find("warning: the figure \"{abs(r[Løn; Ændring]) | kr.}\" prints the size of a change after "
                          "\"faldet med\", but the figures rose (+10.000)") != std::string::npos);
    CHECK(l.messages.find("warning: the figure \"{abs(r[Drift; Ændring]) | kr.}\" prints the size of a change after "
                          "\"steget med\", but the figures fell (-30.000)") != std::string::npos);
    // The words as the figures go: no warning; so for a difference written the other way round,
    // one in the figure itself, and words that give no way in time.
    l = compute(table + "Lønnen er steget med {abs(r[Løn; Ændring]) | kr.}, driften er faldet med {abs(r[Drift; Tilbage]) | "
                        "kr.} og med {abs(r[Drift; 2024] - r[Drift; 2023]) | kr.}; en besparelse på {abs(r[Løn; Ændring])}.\n",
                csv);
    CHECK(l.messages == "");
    l = compute(table + "Driften er steget med {abs(r[Drift; 2023] - r[Drift; 2024]) | kr.}.\n", csv);
    CHECK(l.messages.find("after \"steget med\", but the figures fell (-30.000)") != std::string::npos);
    // Regression (probe39): values of a calculation, quoted as a difference or as a value whose
    // formula is one, printed "et fald på 0,40 kr." for a rise.
    l = compute("```beregning\nnavn: k\nværdi: sats-2023 = 25,70\nværdi: sats-2024 = 26,10\n"
                "værdi: aendring = sats-2024 - sats-2023\nværdi: tilbage = sats-2023 - sats-2024\n```\n\n"
                "Et fald på {abs(k[aendring]) | kr.}, et fald på {abs(k[sats-2024] - k[sats-2023]) | kr.}, en stigning på "
                "{abs(k[tilbage]) | kr.}.\n",
                csv);
    CHECK(l.messages.find("warning: the figure \"{abs(k[aendring]) | kr.}\" prints the size of a change after \"fald på\", "
                          "but the figures rose (+0,40)") != std::string::npos);
    CHECK(l.messages.find("warning: the figure \"{abs(k[sats-2024] - k[sats-2023]) | kr.}\" prints the size of a change "
                          "after \"fald på\", but the figures rose (+0,40)") != std::string::npos);
    CHECK(l.messages.find("k[tilbage]") == std::string::npos);  // a rise told as one
    // Regression (probe: abs() of a growth rate after "steget med" printed a fall of 13,5 % as a
    // rise; a difference written the other way round, quoted without abs(), "steget med 70").
    const std::string growth = "```tabel\nfil: t.csv\nnavn: r\ntitel: Budget (kr.)\ntalenhed: kr.\n"
                               "kolonne: Vækst (pct.) = ([2024] - [2023]) / [2023] * 100 | decimaler 1\n"
                               "kolonne: Indeks = [2024] / [2023] * 100 - 100 | decimaler 1\n"
                               "kolonne: Mindreudgift = [2023] - [2024]\n```\n\n";
    for (const char* figure : {"{abs(r[Drift; Vækst (pct.)])} pct.", "{abs(r[Drift; Indeks])} pct.",
                               "{abs((r[Drift; 2024] / r[Drift; 2023] - 1) * 100) | decimaler 1} pct.",
                               "{r[Drift; Mindreudgift] | kr.}", "{r[Drift; 2023] - r[Drift; 2024] | kr.}"}) {
        l = compute(growth + "Driften er steget med " + figure + ".\n", csv);
        CHECK_MESSAGE(l.messages.find("after \"steget med\", but the figures fell") != std::string::npos, figure);
        l = compute(growth + "Driften er faldet med " + figure + ".\n", csv);
        CHECK_MESSAGE(l.messages.find("but the figures") == std::string::npos, figure);
    }
    // Two figures below zero (an income entered with a minus) tell neither way: not judged.
    l = compute(growth + "Indtægten er reduceret med {r[Kontingent; 2024] - r[Kontingent; 2023] | kr.}.\n",
                csv + "Kontingent;-157.300;-153.800\n");
    CHECK(l.messages.find("but the figures") == std::string::npos);
}

TEST_CASE("table calc: a figure per hundred called percentage points is a warning, in the text and under a heading") {
    // A probe: shares of 68 % and 72 %; their change in per cent (5,9) printed "5,9 procentpoint"
    // and under "Ændring (procentpoint)", where the points are 4.
    const std::string csv = "Region;2023;2024\nNord;68 %;72 %\n";
    const auto l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\n"
                           "kolonne: Ændring (procentpoint) = ([2024] - [2023]) / [2023] * 100 | decimaler 1\n"
                           "kolonne: Point = [2024] - [2023]\n```\n\n"
                           "A {t[Nord; Ændring (procentpoint)]} procentpoint. B {(t[Nord; 2024] - t[Nord; 2023]) / "
                           "t[Nord; 2023] * 100 | decimaler 1} pct.-point. C {t[Nord; Point]}. D "
                           "{t[Nord; Ændring (procentpoint)]} pct.\n",
                           csv);
    CHECK(l.messages.find("warning: the formula \"Ændring (procentpoint) = ([2024] - [2023]) / [2023] * 100\" computes a "
                          "figure per hundred (a share, an index or a change in per cent), but \"Ændring (procentpoint)\" "
                          "says percentage points, which are the difference of two shares (5,9 there)") != std::string::npos);
    CHECK(l.messages.find("warning: the figure \"{t[Nord; Ændring (procentpoint)]}\" is a figure per hundred") !=
          std::string::npos);
    CHECK(l.messages.find("warning: the figure \"{(t[Nord; 2024] - t[Nord; 2023]) / t[Nord; 2023] * 100 | dec...\" is a "
                          "figure per hundred") != std::string::npos);
    // Points called points, and the change in per cent called per cent: no more warnings.
    size_t warnings = 0;
    for (size_t at = l.messages.find("warning:"); at != std::string::npos; at = l.messages.find("warning:", at + 1)) ++warnings;
    CHECK_MESSAGE(warnings == 3, l.messages);
}

TEST_CASE("table calc: two ratios apart, times 100, are points, however the formula is written") {
    // A probe: "(a/b - c/d) * 100" printed "9,0 pct." for 9 points without a word (the same
    // value written "a/b*100 - c/d*100" was warned); "100 * (a/b - c/d) | pct." was refused as
    // no share at all.
    const std::string csv = "Region;Forløb;Overholdt\nNord;1000;790\nSyd;1000;700\n";
    const std::string block = "```tabel\nfil: t.csv\nnavn: t\ntitel: T\n```\n\n"
                              "```beregning\nnavn: b\nværdi: nord = t[Nord; Overholdt] / t[Nord; Forløb]\n"
                              "værdi: syd = t[Syd; Overholdt] / t[Syd; Forløb]\nværdi: forskel = (nord - syd) * 100\n```\n\n";
    const auto points = compute(block + "Nord ligger {b[forskel] | decimaler 1} procentpoint over, "
                                        "{100 * (t[Nord; Overholdt] / t[Nord; Forløb] - t[Syd; Overholdt] / t[Syd; Forløb]) | "
                                        "pct.-point, decimaler 1}.\n",
                                csv);
    CHECK(points.messages == "");
    CHECK(figure_text(points).find("Nord ligger 9,0 procentpoint over, 9,0 pct.-point.") != std::string::npos);
    const auto called_per_cent = compute(block + "Nord ligger {b[forskel] | decimaler 1} pct. over Syd.\n", csv);
    CHECK(called_per_cent.messages.find("warning: the figure \"{b[forskel] | decimaler 1}\" is the difference of two shares "
                                        "or index numbers, in points, but the text after it calls it per cent") !=
          std::string::npos);
    for (const char* figure : {"{(t[Nord; Overholdt] / t[Nord; Forløb] - t[Syd; Overholdt] / t[Syd; Forløb]) * 100 | pct.}",
                               "{100 * (t[Nord; Overholdt] / t[Nord; Forløb] - t[Syd; Overholdt] / t[Syd; Forløb]) | pct.}",
                               "{b[forskel] | pct.}"}) {
        const auto asked = compute(block + "Forskellen er " + figure + ".\n", csv);
        CHECK_MESSAGE(asked.messages.find("error: the figure is the difference of two figures computed per hundred") !=
                          std::string::npos,
                      figure);
    }
    // Without the 100, a difference of two ratios (0,09) is no per cent or points either.
    const auto bare = compute(block + "Forskellen er {t[Nord; Overholdt] / t[Nord; Forløb] - t[Syd; Overholdt] / t[Syd; Forløb] | "
                                      "pct.}.\n",
                              csv);
    CHECK(bare.messages.find("error: the figure 0,09 is the difference of two ratios") != std::string::npos);
    // In a table column: points, warned when the text calls them per cent, an error when asked for as per cent.
    const auto column = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\n"
                                "kolonne: Ændring = ([Overholdt] / [Forløb] - 0,7) * 100\n"
                                "kolonne: Mod Syd = ([Overholdt] / [Forløb] - t[Syd; Overholdt] / t[Syd; Forløb]) * 100\n```\n\n"
                                "Nord ligger {t[Nord; Mod Syd]} pct. over Syd.\n",
                                csv);
    CHECK(column.messages.find("warning: the figure \"{t[Nord; Mod Syd]}\" is the difference of two shares") != std::string::npos);
    CHECK(column.messages.find("{t[Nord; Ændring]}") == std::string::npos);
}

TEST_CASE("table calc: the words before a negative figure are read as printed, across emphasis, links and line ends") {
    // Regression (probe item 6): "Udgiften er faldet\nmed {…}" and "*faldet med* {…}" print
    // "faldet med -10.000 kr." as the plain sentence does, and were not warned of; nor were words
    // between ("faldet med ca.", "faldet fra 2023 til 2024 med") or "reduceres med", "sænket med".
    const std::string table = "```tabel\nfil: t.csv\nnavn: t\ntitel: Udgifter (kr.)\ntalenhed: kr.\n"
                              "kolonne: Ændring = [2024] - [2023]\n```\n\n";
    const std::string csv = "Post;2023;2024\nLøn;810.000;800.000\n";
    const char* const warned[][2] = {
        {"Udgiften er faldet\nmed {t[Løn; Ændring] | kr.}.", "faldet med"},
        {"Udgiften er *faldet med* {t[Løn; Ændring] | kr.}.", "faldet med"},
        {"Udgiften er **faldet** med {t[Løn; Ændring] | kr.}.", "faldet med"},
        {"Udgiften er [faldet med](https://example.org) {t[Løn; Ændring] | kr.}.", "faldet med"},
        {"Udgiften er faldet med ca. {t[Løn; Ændring] | kr.}.", "faldet med ca."},
        {"Udgiften er faldet med *i alt* {t[Løn; Ændring] | kr.}.", "faldet med i alt"},
        {"Udgiften er faldet fra 2023 til 2024 med {t[Løn; Ændring] | kr.}.", "faldet fra 2023 til 2024 med"},
        {"Udgiften reduceres med {t[Løn; Ændring] | kr.}.", "reduceres med"},
        {"Udgiften er sænket med {t[Løn; Ændring] | kr.}.", "sænket med"},
        {"Der er et fald i udgiften på {t[Løn; Ændring] | kr.}.", "fald i udgiften på"},
        {"Det giver en besparelse på {t[Løn; Ændring] | kr.}.", "besparelse på"},
        {"Det giver et underskud på {t[Løn; Ændring] | kr.}.", "underskud på"},
        {"Regionen har indtægter på {t[Løn; Ændring] | kr.}.", "indtægter på"},
        // The figure's own words count: a year quoted between the verb and "med".
        {"Udgiften er faldet fra {t[Løn; 2023] | kr.} med {t[Løn; Ændring] | kr.}.", "faldet fra 810.000 kr. med"},
    };
    for (const auto& case_ : warned) {
        const char* const text = case_[0];  // not a structured binding: doctest's macros capture it
        const char* const words = case_[1];
        const auto l = compute(table + text + "\n", csv);
        CHECK_MESSAGE(l.messages.find("warning: the figure \"{t[Løn; Ændring] | kr.}\" prints \"-10.000 kr.\", a negative "
                                      "number, after \"" + std::string(words) + "\", which gives the direction already") !=
                          std::string::npos,
                      text, "\n", l.messages);
    }
    // Ordinary sentences with a negative figure say nothing of its direction.
    const auto plain = compute(table +
                                   "Ændringen er {t[Løn; Ændring] | kr.}. En afvigelse på {t[Løn; Ændring] | kr.} og et "
                                   "resultat på {t[Løn; Ændring] | kr.}. Udgiften er faldet til {t[Løn; Ændring] | kr.}, "
                                   "og den er steget, *sammenlignet med* {t[Løn; Ændring] | kr.}. Udgiften er faldet.\n"
                                   "Resultatet blev med {t[Løn; Ændring] | kr.} lavere.\n",
                               csv);
    CHECK_MESSAGE(plain.messages.find("a negative number") == std::string::npos, plain.messages);
}

TEST_CASE("table calc: shares computed per hundred are shares, and two of them apart are points, never per cent") {
    // "[Ja] / [I alt] * 100" is a share in per cent (or an index); two of them apart are points.
    // "| pct." on the difference used to pass: the text printed "4,0 pct." for 4 points.
    const std::string csv = "Region;Ja 2023;I alt 2023;Ja 2024;I alt 2024\nNord;680;1000;720;1000\n";
    const auto l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\n"
                           "kolonne: Andel 2023 = [Ja 2023] / [I alt 2023] * 100 | decimaler 1, pct.\n"
                           "kolonne: Andel 2024 = 100 * [Ja 2024] / [I alt 2024] | decimaler 1, pct.\n"
                           "kolonne: Ændring = [Andel 2024] - [Andel 2023]\n"
                           "kolonne: Direkte = [Ja 2024] / [I alt 2024] * 100 - [Ja 2023] / [I alt 2023] * 100 | pct.-point\n"
                           "```\n\nTal: {t[Nord; Ændring]} og {t[Nord; Andel 2023] | pct.}.\n",
                           csv);
    REQUIRE(l.meeting);
    CHECK(l.messages == "");
    // Asked for, the share prints its sign; the difference of two prints as points.
    CHECK(row_texts(table(l), 0) == std::vector<std::string>{"Nord", "680", "1.000", "720", "1.000", "68,0 %", "72,0 %",
                                                             "4,0 pct.-point", "4 pct.-point"});
    CHECK(figure_text(l).find("Tal: 4,0 pct.-point og 68,0 pct.") != std::string::npos);
    // Without a unit option the shares print bare, and their difference quoted "| pct." is an error at the figure.
    const auto bare = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\n"
                              "kolonne: Andel 2023 = [Ja 2023] / [I alt 2023] * 100\n"
                              "kolonne: Andel 2024 = [Ja 2024] / [I alt 2024] * 100\n```\n\n"
                              "Tal: {t[Nord; Andel 2024] - t[Nord; Andel 2023] | pct.} og {t[Nord; Andel 2024] | pct.}.\n",
                              csv);
    CHECK(bare.messages.find("error: the figure is the difference of two figures computed per hundred (as \"[Ja] / [I alt] * "
                             "100\"), in points, not per cent") != std::string::npos);
    CHECK(bare.messages.find("Andel 2024] | pct.}") == std::string::npos);  // one share in per cent is right
    // In a table, "| pct." on such a difference is an error at the formula's option, once.
    const auto column = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\n"
                                "kolonne: Andel 2023 = [Ja 2023] / [I alt 2023] * 100\n"
                                "kolonne: Andel 2024 = [Ja 2024] / [I alt 2024] * 100\n"
                                "kolonne: Ændring = [Andel 2024] - [Andel 2023] | pct.\n```\n",
                                csv + "Syd;1;2;1;2\n");
    CHECK(column.messages.find("error: the formula's figures are differences of shares or index numbers, in points, not per "
                               "cent; write \"| pct.-point\"") != std::string::npos);
    CHECK(column.messages.find("differences of shares") == column.messages.rfind("differences of shares"));
    // A unit option that does not fit the figure was silently ignored before: now an error.
    const auto amount = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\nkolonne: Sum = [Ja 2023] + [Ja 2024] | pct.\n"
                                "kolonne: Mio = [Ja 2023] + [Ja 2024] | mio. kr.\n```\n",
                                csv);
    CHECK(amount.messages.find("error: \"| pct.\" is for a share computed per hundred") != std::string::npos);
    CHECK(amount.messages.find("error: a table's formula takes no amount unit (\"| mio. kr.\")") != std::string::npos);
    // A growth rate is per hundred too; an index's difference is index points, not per cent.
    const auto index = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\nkolonne: Indeks = [Ja 2024] / [Ja 2023] * 100\n"
                               "kolonne: Indeks I alt = [I alt 2024] / [I alt 2023] * 100\n"
                               "kolonne: Vækst = ([Ja 2024] - [Ja 2023]) / [Ja 2023] * 100 | decimaler 1, pct.\n```\n\n"
                               "Tal: {t[Nord; Indeks] - 100 | pct.} og {t[Nord; Indeks] - t[Nord; Indeks I alt] | pct.}.\n",
                               csv);
    CHECK(row_texts(table(index), 0).back() == "5,9 %");
    CHECK(index.messages.find("t[Nord; Indeks] - 100 | pct.}") == std::string::npos);  // a number apart is no difference of two
    CHECK(index.messages.find("computed per hundred (as") != std::string::npos);
    // A ratio is a share of one: "| pct." on it printed "0,786 pct." for 78,6 % (a probe), in
    // the text as a table's option already refused it.
    const auto ratio = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\nkolonne: Andel = [Ja 2023] / [I alt 2023] | decimaler 3\n"
                               "kolonne: Procent = [Ja 2023] / [I alt 2023] * 100 | decimaler 1\n```\n\n"
                               "Tal: {t[Nord; Andel] | pct.}, {t[Nord; Ja 2023] / t[Nord; I alt 2023] | pct.}, "
                               "{t[Nord; Procent] / 100 | pct.} og {t[Nord; Andel] * 100 | pct.}.\n",
                               csv);
    CHECK(ratio.messages.find("error: the figure 0,680 is a ratio of two figures (\"[Ja] / [Alle]\"), not per hundred; "
                              "printed \"| pct.\" it would read as 0,680 %") != std::string::npos);
    CHECK(ratio.messages.find("{t[Nord; Ja 2023] / t[Nord; I alt 2023] | pct.}") != std::string::npos);
    CHECK(ratio.messages.find("{t[Nord; Procent] / 100 | pct.}") != std::string::npos);
    CHECK(ratio.messages.find("{t[Nord; Andel] * 100 | pct.}") == std::string::npos);  // per hundred again
    // A share or index computed per hundred is not points, and not an amount: "79 pct.-point" and
    // "79 kr." were printed (a probe); so is a growth rate of shares (4 points of 68 %).
    const auto units = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\n```\n\n```beregning\nnavn: b\n"
                               "værdi: p = t[Nord; Ja 2023] / t[Nord; I alt 2023] * 100\n```\n\n"
                               "Tal: {t[Nord; Ja 2023] / t[Nord; I alt 2023] * 100 | pct.-point}, {b[p] | kr.}, {b[p] | pct.}.\n",
                               csv);
    CHECK(units.messages.find("error: the figure is computed per hundred (as \"[Ja] / [I alt] * 100\"): a share in per cent or "
                              "an index, not the difference of two shares; print it with \"| pct.\"") != std::string::npos);
    CHECK(units.messages.find("not an amount, and cannot be shown in kr. in the figure \"{b[p] | kr.}\"") != std::string::npos);
    CHECK(units.messages.find("{b[p] | pct.}") == std::string::npos);
    const auto growth = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\n```\n\nTal: {(t[Nord; 2024] - t[Nord; 2023]) / "
                                "t[Nord; 2023] * 100 | pct.-point} og {t[Nord; 2024] / t[Nord; 2023] | pct.}.\n",
                                "Region;2023;2024\nNord;68 %;72 %\n");
    CHECK(growth.messages.find("a share in per cent or an index, not the difference of two shares") != std::string::npos);
    CHECK(growth.messages.find("is a ratio of two figures") != std::string::npos);
    // Divided by a hundredth is per hundred too, and a ratio of two amounts has no unit: "104,0 kr."
    // and "1,04 kr." were printed (a probe).
    const auto amounts = compute("```tabel\nfil: t.csv\nnavn: k\ntitel: T\ntalenhed: kr.\n"
                                 "kolonne: Indeks = [2024] / ([2023] / 100) | decimaler 1\n```\n\n"
                                 "Tal: {k[Løn; 2024] / (k[Løn; 2023] / 100) | kr.}, {k[Løn; Indeks] | kr.}, "
                                 "{k[Løn; 2024] / k[Løn; 2023] | kr.}, {k[Løn; Indeks]}, {k[Løn; 2024] / 100 | kr.}.\n",
                                 "Post;2023;2024\nLøn;1.250.000;1.300.000\n");
    CHECK(amounts.messages.find("\"{k[Løn; 2024] / (k[Løn; 2023] / 100) | kr.}\"") != std::string::npos);
    CHECK(amounts.messages.find("not an amount, and cannot be shown in kr. in the figure \"{k[Løn; Indeks] | kr.}\"") !=
          std::string::npos);
    CHECK(amounts.messages.find("error: the figure is a ratio of two amounts, which has no unit, and cannot be shown in kr.") !=
          std::string::npos);
    CHECK(amounts.messages.find("{k[Løn; Indeks]}") == std::string::npos);
    CHECK(amounts.messages.find("{k[Løn; 2024] / 100 | kr.}") == std::string::npos);  // a hundredth of an amount is one
}

namespace {

// A meeting of one public item with the given item text and CSV files.
Loaded compute_files(const std::string& body, const std::vector<std::pair<std::string, std::string>>& csvs) {
    MemoryFiles f("m");
    f.add("meeting.txt", "organisation: O\norgan: Bestyrelsen\ndato: 2024-03-07\ntidspunkt: kl. 9\nsted: S\npunkt: 01-a\n");
    f.add("01-a/item.md", item(1, "Offentlig", body));
    for (const auto& [name, text] : csvs) f.add("01-a/" + name, text);
    return load_and_compute(f);
}

const std::pair<std::string, std::string> kMillions{"t.csv", "Post;2023\nDrift;11,5\nAnlæg;2,25\n"};
const char* const kMillionsTable = "```tabel\nfil: t.csv\nnavn: t\ntitel: I mio. kr.\ntalenhed: mio. kr.\n```\n\n";
const std::pair<std::string, std::string> kShares{"p.csv", "Post;V\nAndel;73\n"};
const char* const kSharesTable = "```tabel\nfil: p.csv\nnavn: p\ntitel: Andele\ntalenhed: pct.\n```\n\n";

}  // namespace

TEST_CASE("table calc: a formula quoting a table in another amount unit converts it exactly") {
    // Regression (xunit): 11,5 mio. kr. was added to 3.000.000 kr. as 11,5.
    const auto l = compute_files(std::string(kMillionsTable) +
                                     "```tabel\nfil: u.csv\nnavn: u\ntitel: I kr\nrække: Drift = t[Drift; 2023]\n"
                                     "række: I alt = [Løn] + [Drift]\n```\n\nTal: {u[I alt; 2023] | mio. kr.}.\n",
                                 {kMillions, {"u.csv", "Post;2023\nLøn;3.000.000\nDrift;\nI alt;\n"}});
    REQUIRE(l.meeting);
    CHECK(l.messages == "");
    const model::Table& u = l.meeting->items[0].tables.at(1);
    CHECK(row_texts(u, 1) == std::vector<std::string>{"Drift", "11.500.000"});
    CHECK(row_texts(u, 2) == std::vector<std::string>{"I alt", "14.500.000"});
    CHECK(figure_text(l).find("Tal: 14,5 mio. kr.") != std::string::npos);
    // A table in millions quoting one in kr. gets millions, exactly.
    const auto m = compute_files("```tabel\nfil: u.csv\nnavn: u\ntitel: I kr\n```\n\n"
                                 "```tabel\nfil: t.csv\nnavn: t\ntitel: I mio. kr.\ntalenhed: mio. kr.\n"
                                 "række: I alt = [Drift] + [Anlæg] + u[Løn; 2023]\n```\n",
                                 {{"t.csv", "Post;2023\nDrift;11,5\nAnlæg;2,25\nI alt;\n"}, {"u.csv", "Post;2023\nLøn;3.250.000\n"}});
    REQUIRE(m.meeting);
    CHECK(m.messages == "");
    CHECK(row_texts(m.meeting->items[0].tables.at(1), 2) == std::vector<std::string>{"I alt", "17,00"});
    // A share and millions cannot be added: an error at the formula.
    const auto mixed = compute_files(std::string(kMillionsTable) + kSharesTable +
                                         "```tabel\nfil: u.csv\nnavn: u\ntitel: I kr\nrække: I alt = t[Drift; 2023] + p[Andel; V]\n"
                                         "tilføj: nederst\n```\n",
                                     {kMillions, kShares, {"u.csv", "Post;2023\nLøn;3.000.000\n"}});
    CHECK(mixed.messages.find("error: the formula adds, subtracts or compares a figure in per cent and one in mio. kr.") !=
          std::string::npos);
    // A bare number of a table that says nothing of its unit is named as that, not as kroner (a
    // probe: "79" under "Mål" beside shares was called an amount in kr.): mostly a share written
    // without its sign.
    const auto target = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: Udredningsret\n"
                                "kolonne: Andel = [Overholdt] / [Forløb] * 100 | pct.\n"
                                "kolonne: Status = status([Andel]; [Mål]; højere)\n```\n",
                                "Region;Forløb;Overholdt;Mål\nNord;1.000;790;79\n");
    CHECK(target.messages.find("error: the formula adds, subtracts or compares a figure in per cent and \"79\", a number "
                               "written without a unit in a table that does not say what its numbers are in; if it is a "
                               "share, write it with its sign in the CSV (\"79 %\")") != std::string::npos);
    CHECK(target.messages.find("one in kr.") == std::string::npos);
    CHECK(compute("```tabel\nfil: t.csv\nnavn: t\ntitel: Udredningsret\n"
                  "kolonne: Andel = [Overholdt] / [Forløb] * 100 | pct.\n"
                  "kolonne: Status = status([Andel]; [Mål]; højere)\n```\n",
                  "Region;Forløb;Overholdt;Mål\nNord;1.000;790;79 %\n")
              .messages == "");
}

TEST_CASE("figures: a beregning value carries the unit of the cells it is computed from") {
    // Regression (beregn2): a value from a table in mio. kr. printed "11,5 kr." and "0,0 mio. kr.".
    const auto l = compute_files(std::string(kMillionsTable) +
                                     "```beregning\nnavn: b\nværdi: drift = t[Drift; 2023]\n"
                                     "værdi: i-alt = drift + u[Løn; 2023]\nværdi: andel = drift / t[Anlæg; 2023]\n```\n\n"
                                     "```tabel\nfil: u.csv\nnavn: u\ntitel: I kr\n```\n\n"
                                     "Tal: {b[drift] | kr.}; {b[drift] | mio. kr.}; {b[i-alt] | mio. kr.}; {b[andel] | decimaler 1}.\n",
                                 {kMillions, {"u.csv", "Post;2023\nLøn;3.000.000\n"}});
    REQUIRE(l.meeting);
    CHECK(l.messages == "");
    CHECK(figure_text(l).find("Tal: 11.500.000 kr.; 11,5 mio. kr.; 14,5 mio. kr.; 5,1.") != std::string::npos);
}

TEST_CASE("figures: a unit the figure cannot be converted to is an error at the figure") {
    // Regression (xunit, hdrunit): "73 kr." for a cell of a table in pct.
    auto l = compute_files(std::string(kSharesTable) + "Tal: {p[Andel; V] | kr.}.\n", {kShares});
    CHECK(l.messages == "m/01-a/item.md:17:21: error: the figure is in pct. and cannot be shown in kr.; leave out the unit, "
                        "or quote a figure in a unit that converts to it in the figure \"{p[Andel; V] | kr.}\"\n");
    l = compute_files(std::string(kMillionsTable) + "Tal: {t[Drift; 2023] | pct.}.\n", {kMillions});
    CHECK(l.messages.find("m/01-a/item.md:17:") == 0);
    CHECK(l.messages.find("error: the figure is in mio. kr. and cannot be shown in pct.") != std::string::npos);
    // A share written "73 %" in a table without "talenhed" is a share too.
    l = compute_files("```tabel\nfil: p.csv\nnavn: p\ntitel: Andele\n```\n\nTal: {p[Andel; V] | mio. kr.}.\n",
                      {{"p.csv", "Post;V\nAndel;73 %\n"}});
    CHECK(l.messages.find("error: the figure is in pct. and cannot be shown in mio. kr.") != std::string::npos);
    // A ratio of amounts is no amount: it may be shown in pct.
    l = compute_files(std::string(kMillionsTable) + "Tal: {t[Drift; 2023] / t[Anlæg; 2023] * 100 | pct., decimaler 0}.\n",
                      {kMillions});
    CHECK(l.messages == "");
    CHECK(figure_text(l).find("Tal: 511 pct.") != std::string::npos);
    // Kroner are amounts where the table says so ("talenhed: kr.") or the cell does ("1.250.000
    // kr."): not a share (regression kr-as-pct: "1.250.000 pct."). A table without "talenhed"
    // may hold counts, which may be printed as anything; one whose title, a heading or a note says
    // "kr." (not this one's "Tal") holds kroner.
    l = compute_files("```tabel\nfil: k.csv\nnavn: k\ntitel: Kr\ntalenhed: kr.\n```\n\nTal: {k[A; V] | pct.} og "
                      "{k[A; V] + k[B; V] | pct.}.\n",
                      {{"k.csv", "Post;V\nA;1.250.000\nB;5\n"}});
    CHECK(l.messages.find("error: the figure is in kr. and cannot be shown in pct.") != std::string::npos);
    CHECK(l.messages.find("{k[A; V] + k[B; V] | pct.}") != std::string::npos);
    l = compute_files("```tabel\nfil: k.csv\nnavn: k\ntitel: Tal\n```\n\nTal: {k[A; V] | pct.}, {k[B; V] | pct.}.\n",
                      {{"k.csv", "Post;V\nA;1.250.000 kr.\nB;73\n"}});
    CHECK(l.messages.find("{k[A; V] | pct.}") != std::string::npos);
    CHECK(l.messages.find("{k[B; V] | pct.}") == std::string::npos);
}

TEST_CASE("figures: a unit conversion that does not fit is an error at the figure") {
    // Regression (ovf): "10.000.000.001 kr." for 10.000.000.000,5 mia. kr.
    const auto l = compute_files("```tabel\nfil: t.csv\nnavn: t\ntitel: I mia. kr.\ntalenhed: mia. kr.\n```\n\n"
                                 "Tal: {t[Drift; 2023] | kr.} / {t[Drift; 2023] | mio. kr.}.\n",
                                 {{"t.csv", "Post;2023\nDrift;10.000.000.000,5\n"}});
    CHECK(l.messages.find("m/01-a/item.md:17:") == 0);
    CHECK(l.messages.find("error: the figure 10.000.000.000,5 mia. kr. is too large to convert to kr. exactly") !=
          std::string::npos);
    CHECK(l.messages.find("\n") == l.messages.size() - 1);  // the conversion to mio. kr. fits
}

TEST_CASE("figures: converting from a column headed in another unit than the table's figures is an error") {
    // Regression (hdrunit): "Budget 2024 (mio. kr.)" without "talenhed" printed 11,5 as "11,5 kr.".
    const std::pair<std::string, std::string> csv{"t.csv", "Post;Budget 2024 (mio. kr.)\nDrift;11,5\n"};
    auto l = compute_files("```tabel\nfil: t.csv\nnavn: t\ntitel: Budget\n```\n\n"
                           "Tal: {t[Drift; Budget 2024 (mio. kr.)] | kr.}.\n", {csv});
    CHECK(l.messages.find("m/01-a/item.md:16:") == 0);
    CHECK(l.messages.find("error: the column \"Budget 2024 (mio. kr.)\" of the table \"t\" is headed in mio. kr., but the "
                          "table's figures are in kr.") != std::string::npos);
    // Quoted as printed, or from a table that declares the unit, it is what the heading says.
    l = compute_files("```tabel\nfil: t.csv\nnavn: t\ntitel: Budget\n```\n\nTal: {t[Drift; Budget 2024 (mio. kr.)]} mio. kr.\n",
                      {csv});
    CHECK(l.messages == "");
    l = compute_files("```tabel\nfil: t.csv\nnavn: t\ntitel: Budget\ntalenhed: mio. kr.\n```\n\n"
                      "Tal: {t[Drift; Budget 2024 (mio. kr.)] | kr.}.\n", {csv});
    CHECK(l.messages == "");
    CHECK(figure_text(l).find("Tal: 11.500.000 kr.") != std::string::npos);
}

TEST_CASE("table calc: a footnote mark on a published figure stays on the computed one") {
    const auto l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: I alt = sum(A .. B)\nnote: * Foreløbigt tal\n```\n",
                           "Post;V;W\nA;1.000;5\nB;2.000;6\nI alt;3.000 *;12 **\n");
    REQUIRE(l.meeting);
    // The same figure, and one that differs (the computed one is shown): both keep the mark.
    CHECK(row_texts(table(l), 2) == std::vector<std::string>{"I alt", "3.000 *", "11 **"});
}

TEST_CASE("table calc: a computed figure that is not zero but prints as zero is warned about at its formula") {
    const auto l = compute("```tabel\nfil: t.csv\ntitel: T\nnavn: t\nkolonne: Andel = [Antal] / t[I alt; Antal]\n```\n",
                           "Post;Antal;Andel\nA;30;\nB;70;\nI alt;100;\n");
    REQUIRE(l.meeting);
    CHECK(l.messages.find("warning: the computed figure for \"A\" / \"Andel\" is not zero but prints as \"0\" (unrounded 0,3)") !=
          std::string::npos);
    // 0,7 prints as 1, three tenths off (a probe: "Andelen i Nord er 1"): a warning too, once.
    CHECK(l.messages.find("warning: the computed figure for \"B\" / \"Andel\" is 0,7 but prints as \"1\", with the "
                          "decimals of the figures it is computed from") != std::string::npos);
    // With decimals asked for, or a figure rounded by less than a tenth, nothing.
    const auto asked = compute("```tabel\nfil: t.csv\ntitel: T\nkolonne: Andel = [Antal] / [I alt] | decimaler 2\n"
                               "kolonne: Snit = [I alt] / [Antal]\n```\n",
                               "Post;Antal;I alt\nA;30;1.000\nB;70;1.000\n");
    CHECK(asked.messages == "");
}

TEST_CASE("table calc: an amount quoted with options from a table shown in mio. kr. must name its unit") {
    // The table shows 11,5; "| decimaler 2" alone would print 11.500.000,00 before the text's "mio. kr.".
    const std::string table = "```tabel\nfil: t.csv\nnavn: t\ntitel: T (mio. kr.)\ntalenhed: kr.\nenhed: mio. kr.\n```\n\n";
    const std::string csv = "Post;2023\nDrift;11.500.000\nAnlæg;2.000.000\n";
    auto l = compute(table + "Tal: {t[Drift; 2023] | decimaler 2} mio. kr.\n", csv);
    CHECK(l.messages.find("error: the table \"t\" shows its figures in mio. kr., but they are written in kr.: name the unit "
                          "this figure is printed in, \"| mio. kr.\" or \"| kr.\"") != std::string::npos);
    // Named, or quoted as the table prints it, or a ratio (no unit): as before.
    l = compute(table + "Tal: {t[Drift; 2023] | mio. kr., decimaler 2}, {t[Drift; 2023]} mio. kr. og "
                        "{t[Drift; 2023] / (t[Drift; 2023] + t[Anlæg; 2023]) * 100 | decimaler 1} pct.\n", csv);
    CHECK(l.messages == "");
    CHECK(figure_text(l).find("Tal: 11,50 mio. kr., 11,5 mio. kr. og 85,2 pct.") != std::string::npos);
    // Regression (probe39): quoted as printed with no unit after it, nor before it in its
    // sentence, 11,5 reads as kroner: a warning at the figure.
    l = compute(table + "Driften koster {t[Drift; 2023]} om året. I mio. kr. er det {t[Drift; 2023]}.\n", csv);
    CHECK(l.messages.find("m/01-a/item.md:18:17: warning: the figure \"{t[Drift; 2023]}\" prints \"11,5\", a number in mio. "
                          "kr., and no unit follows it: a reader cannot tell it from kroner; ask for the unit in the figure "
                          "(\"| mio. kr.\"), or write it after the figure") != std::string::npos);
    CHECK(l.messages.find("no unit follows") == l.messages.rfind("no unit follows"));
}

TEST_CASE("table calc: a figure in braces in a table's caption, source or note is warned about: it prints as written") {
    const auto l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: Budget {t[A; V]}\nkilde: KRL\nnote: Heraf {t[A; V]} kr.\n```\n",
                           "Post;V\nA;1\n");
    REQUIRE(l.meeting);
    CHECK(l.messages.find("warning: a figure in braces is computed only in the text, not in a table's \"titel:\"") !=
          std::string::npos);
    CHECK(l.messages.find("not in a table's \"note:\"") != std::string::npos);
    CHECK(l.messages.find("\"kilde:\"") == std::string::npos);
}

TEST_CASE("table calc: a status whose figures print alike but compare otherwise is warned about at its formula") {
    // 78,96 prints as 79 against a target of 79: "ikke opfyldt" beside "79" and "79" reads as an error.
    const auto l = compute("```tabel\nfil: t.csv\ntitel: T\nkolonne: Andel = [Antal] / [I alt] * 100\n"
                           "kolonne: Status = status([Andel]; [Mål]; højere)\n```\n",
                           "Region;Antal;I alt;Mål\nA;7.896;10.000;79\nB;7.000;10.000;79\nC;7.950;10.000;79\n");
    REQUIRE(l.meeting);
    CHECK(row_texts(table(l), 0) == std::vector<std::string>{"A", "7.896", "10.000", "79", "79", "ikke opfyldt"});
    CHECK(l.messages.find("warning: the cell \"A\" / \"Status\" compares 78,96 with 79 (\"ikke opfyldt\"), but they "
                          "print as 79 and 79; give the figures more decimals so the reader can see why") != std::string::npos);
    // 70 against 79 reads as it compares; 79,5 prints as 80, "opfyldt" as it reads.
    CHECK(l.messages.find("\"B\"") == std::string::npos);
    CHECK(l.messages.find("\"C\"") == std::string::npos);
    // The same in the text, and for loft() and udvikling().
    const auto f = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\nkolonne: Andel = [Antal] / [I alt] * 100\n```\n\n"
                           "Målet er {status(t[A; Andel]; 79; højere)}; loftet {loft(t[A; Andel]; 79)}; "
                           "{udvikling(79; t[A; Andel]; højere)}.\n",
                           "Region;Antal;I alt\nA;7.896;10.000\n");
    REQUIRE(f.meeting);
    CHECK(figure_text(f).find("Målet er ikke opfyldt; loftet under loftet; faldende.") != std::string::npos);
    CHECK(f.messages.find("warning: the figure \"{status(t[A; Andel]; 79; højere)}\" compares 78,96 with 79 (\"ikke "
                          "opfyldt\"), but they print as 79 and 79") != std::string::npos);
    CHECK(f.messages.find("\"{loft(t[A; Andel]; 79)}\" compares 78,96 with 79 (\"under loftet\")") != std::string::npos);
    CHECK(f.messages.find("\"{udvikling(79; t[A; Andel]; højere)}\" compares 79 with 78,96 (\"faldende\")") !=
          std::string::npos);
    // Regression (probe39): in a table shown in mio. kr., the figures as it shows them: 1.040.000
    // over a cap of 1.000.000 kr. both print "1,0", "over loftet" beside them without a word.
    const auto scaled = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T (mio. kr.)\ntalenhed: kr.\nenhed: mio. kr.\n"
                                "kolonne: Vurdering = loft([2024]; [Loft])\n```\n",
                                "Post;2024;Loft;Vurdering\nB;1.040.000;1.000.000;\nC;1.140.000;1.000.000;\n");
    REQUIRE(scaled.meeting);
    CHECK(scaled.messages.find("warning: the cell \"B\" / \"Vurdering\" compares 1.040.000 with 1.000.000 (\"over loftet\"), "
                               "but they print as 1,0 and 1,0") != std::string::npos);
    CHECK(scaled.messages.find("\"C\"") == std::string::npos);  // 1,1 over 1,0 reads as it compares
}

TEST_CASE("table calc: a number added in a formula that combines amounts in two units is an error, never taken in the larger") {
    // Regression (probe): [Løn] in kr. + t[Drift; 2023] in mio. kr. is computed in mio. kr., so
    // "+ 100.000" meant as kroner became 100.000 mio. kr.
    const std::string u = "```tabel\nfil: u.csv\nnavn: u\ntitel: I kr\nrække: I alt = [Løn] + t[Drift; 2023] + 100.000\n"
                          "tilføj: nederst\n```\n";
    auto l = compute_files(std::string(kMillionsTable) + u, {kMillions, {"u.csv", "Post;2023\nLøn;3.000.000\n"}});
    CHECK(l.messages.find("error: the formula combines amounts in kr. and mio. kr., so the number written in it would be "
                          "taken in mio. kr.") != std::string::npos);
    // Wherever the number stands.
    const std::string csv_t = "Post;2023\nDrift;11,5\nAnlæg;2,25\n";
    l = compute_files("```tabel\nfil: u.csv\nnavn: u\ntitel: I kr\n```\n\n```tabel\nfil: t.csv\nnavn: t\ntitel: I mio. kr.\n"
                      "talenhed: mio. kr.\nrække: I alt = 100 + [Drift] - u[Løn; 2023]\ntilføj: nederst\n```\n",
                      {{"t.csv", csv_t}, {"u.csv", "Post;2023\nLøn;3.000.000\n"}});
    CHECK(l.messages.find("error: the formula combines amounts in mio. kr. and kr., so the number written in it would be "
                          "taken in mio. kr.") != std::string::npos);
    // Scaling by a number is not ambiguous, nor is a number added to amounts in one unit.
    l = compute_files("```tabel\nfil: u.csv\nnavn: u\ntitel: I kr\n```\n\n```tabel\nfil: t.csv\nnavn: t\ntitel: I mio. kr.\n"
                      "talenhed: mio. kr.\nrække: Dobbelt = ([Drift] + u[Løn; 2023]) * 2\n"
                      "række: Halvt = ([Drift] + u[Løn; 2023]) / 2\ntilføj: nederst\n```\n\n"
                      "Tal: {u[Løn; 2023] + 500.000 | kr.}.\n",
                      {{"t.csv", csv_t}, {"u.csv", "Post;2023\nLøn;3.000.000\n"}});
    CHECK(l.messages == "");
    CHECK(row_texts(l.meeting->items[0].tables.at(1), 2) == std::vector<std::string>{"Dobbelt", "29,0"});
    CHECK(row_texts(l.meeting->items[0].tables.at(1), 3) == std::vector<std::string>{"Halvt", "7,3"});
    CHECK(figure_text(l).find("Tal: 3.500.000 kr.") != std::string::npos);
}

TEST_CASE("figures: nummer() of another item's table, or of an attachment's, warns unless the paragraph says where") {
    // "tabel 1" alone names a table of this item to a reader.
    const std::string other = "```tabel\nfil: t.csv\nnavn: andet\ntitel: Andet\n```\n";
    auto l = compute("Se tabel {nummer(andet)}.\n", "Post;V\nA;1\n", other);
    CHECK(l.messages.find("warning: the figure \"{nummer(andet)}\" gives the number of a table in item 2, but the paragraph "
                          "does not say so (\"punkt 2\")") != std::string::npos);
    l = compute("Se tabel {nummer(andet)} under punkt 2.\n", "Post;V\nA;1\n", other);
    CHECK(l.messages == "");
    // Its own table needs no place; "punkt 20" is not "punkt 2".
    l = compute("```tabel\nfil: t.csv\nnavn: egen\ntitel: Egen\n```\n\nSe tabel {nummer(egen)}.\n", "Post;V\nA;1\n");
    CHECK(l.messages == "");
    l = compute("Se tabel {nummer(andet)} i punkt 20.\n", "Post;V\nA;1\n", other);
    CHECK(l.messages.find("gives the number of a table in item 2") != std::string::npos);
    // A table of the item's attachment, quoted from the item's text: "bilag 1" must be said.
    const auto with_attachment = [](const std::string& text) {
        MemoryFiles f("m");
        f.add("meeting.txt", "organisation: O\norgan: Bestyrelsen\ndato: 2024-03-07\ntidspunkt: kl. 9\nsted: S\npunkt: 01-a\n");
        f.add("01-a/item.md", "---\nnummer: 1\nstatus: Offentlig\ntitel: T\nsagsbehandler: S\nsagsnummer: EMN-2024-00001\n"
                              "bilag: Notat | 123 | bilag-1.md\n---\n# Sagsfremstilling\n\n" + text);
        f.add("01-a/bilag-1.md", "Tal.\n\n```tabel\nfil: t.csv\nnavn: notat\ntitel: Notat\n```\n\nSe tabel {nummer(notat)}.\n");
        f.add("01-a/t.csv", "Post;V\nA;1\n");
        return load_and_compute(f);
    };
    l = with_attachment("Se tabel {nummer(notat)}.\n");
    REQUIRE(l.meeting);
    CHECK(l.messages.find("warning: the figure \"{nummer(notat)}\" gives the number of a table in bilag 1, but the "
                          "paragraph does not say so (\"bilag 1\")") != std::string::npos);
    // Said, or quoted inside the attachment itself: no warning.
    l = with_attachment("Se tabel {nummer(notat)} i bilag 1.\n");
    CHECK(l.messages == "");
    // Regression (probe39): the item's own table numbered from its attachment, where the
    // attachment's own "Tabel 1" is what a reader finds; "punkt 1" must be said.
    const auto from_attachment = [](const std::string& attachment_text) {
        MemoryFiles f("m");
        f.add("meeting.txt", "organisation: O\norgan: Bestyrelsen\ndato: 2024-03-07\ntidspunkt: kl. 9\nsted: S\npunkt: 01-a\n");
        f.add("01-a/item.md", "---\nnummer: 1\nstatus: Offentlig\ntitel: T\nsagsbehandler: S\nsagsnummer: EMN-2024-00001\n"
                              "bilag: Notat | 123 | bilag-1.md\n---\n# Sagsfremstilling\n\nTal.\n\n"
                              "```tabel\nfil: t.csv\nnavn: egen\ntitel: Egen\n```\n");
        f.add("01-a/bilag-1.md", attachment_text + "\n\n```tabel\nfil: t.csv\nnavn: notat\ntitel: Notat\n```\n");
        f.add("01-a/t.csv", "Post;V\nA;1\n");
        return load_and_compute(f);
    };
    l = from_attachment("Tallene i tabel {nummer(egen)} og tabel {nummer(notat)}.");
    REQUIRE(l.meeting);
    CHECK(l.messages.find("warning: the figure \"{nummer(egen)}\" in bilag 1 gives the number of a table in item 1's own "
                          "text, but the paragraph does not say so (\"punkt 1\")") != std::string::npos);
    CHECK(l.messages.find("nummer(notat)") == std::string::npos);
    l = from_attachment("Tallene i tabel {nummer(egen)} under punkt 1.");
    CHECK(l.messages == "");
}

TEST_CASE("figures: a beregning value computed from amounts in two units carries that on; a number added to it is an error") {
    // Regression (beregning-unit-chain): samlet = vm + vk (mio. kr. and kr.) is in mio. kr., so
    // "plus = samlet + 5" added 5 mio. kr., and a bare {b[samlet]} printed "3".
    const std::string tables = std::string(kMillionsTable) + "```tabel\nfil: u.csv\nnavn: u\ntitel: I kr\n```\n\n";
    const std::vector<std::pair<std::string, std::string>> csvs = {kMillions, {"u.csv", "Post;2023\nLøn;3.000.000\n"}};
    auto l = compute_files(tables + "```beregning\nnavn: b\nværdi: samlet = t[Drift; 2023] + u[Løn; 2023]\n"
                                    "værdi: plus = samlet + 5\n```\n",
                           csvs);
    CHECK(l.messages.find("error: the formula combines amounts in mio. kr. and kr., so the number written in it would be "
                          "taken in mio. kr.; write the number with its unit (\"5 kr.\" or \"5 mio. kr.\")") != std::string::npos);
    // With its unit the number is exact, in either unit.
    l = compute_files(tables + "```beregning\nnavn: b\nværdi: samlet = t[Drift; 2023] + u[Løn; 2023]\n"
                               "værdi: plus = samlet + 5 kr.\nværdi: mere = samlet + 0,5 mio. kr.\n```\n\n"
                               "Tal: {b[plus] | kr.}, {b[mere] | mio. kr.}.\n",
                      csvs);
    CHECK(l.messages == "");
    CHECK(figure_text(l).find("Tal: 14.500.005 kr., 15,0 mio. kr.") != std::string::npos);
    // Quoted bare, its unit would be invisible: it must be named.
    l = compute_files(tables + "```beregning\nnavn: b\nværdi: samlet = t[Drift; 2023] + u[Løn; 2023]\n```\n\nTal: {b[samlet]}.\n",
                      csvs);
    CHECK(l.messages.find("error: the figure \"{b[samlet]}\" is computed from amounts in mio. kr. and kr. and is in mio. "
                          "kr.; name the unit it is printed in, \"| mio. kr.\" or \"| kr.\"") != std::string::npos);
}

TEST_CASE("table calc: a sum over a range that holds a subtotal and the rows it sums is an error, never counted twice") {
    // Regression (subtotal-double-count): "I alt = sum(Løn .. Indtægter)" added "Udgifter i alt" and
    // its rows Løn and Drift again: 100 instead of -50.
    const char* const csv = "Post;2023;2024\nLøn;100;110\nDrift;50;55\nUdgifter i alt;;\nIndtægter;-200;-210\nI alt;;\n";
    auto l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: Udgifter i alt = sum(Løn .. Drift)\n"
                     "række: I alt = sum(Løn .. Indtægter)\n```\n",
                     csv);
    CHECK(l.messages.find("error: the range \"Løn\" .. \"Indtægter\" holds \"Udgifter i alt\", which sums \"Løn\" of the same range, "
                          "so they would be counted twice; sum the rows or their subtotals, not both") != std::string::npos);
    CHECK(l.messages.find("t.csv") == std::string::npos);  // at the formula, once
    CHECK(std::count(l.messages.begin(), l.messages.end(), '^') == 1);
    // The subtotals and the rows outside them, or a range past the subtotal only: as meant.
    l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: Udgifter i alt = sum(Løn .. Drift)\n"
                "række: I alt = [Udgifter i alt] + [Indtægter]\n```\n",
                csv);
    CHECK(l.messages == "");
    CHECK(row_texts(table(l), 4) == std::vector<std::string>{"I alt", "-50", "-45"});
    // A computed row that is not a sum (a share of another row) may stand in a range with it.
    l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: Pension = Løn * 0,1 | decimaler 0\nrække: I alt = sum(Løn .. Pension)\n"
                "tilføj: nederst\n```\n",
                "Post;2023\nLøn;100\nPension;\n");
    CHECK(l.messages == "");
    CHECK(row_texts(table(l), 2) == std::vector<std::string>{"I alt", "110"});
}

TEST_CASE("table calc: a ratio of amounts in a table shown in mio. kr. is a ratio, not kroner to convert") {
    // Regression (ratio-scaled): "Andel i pct. = [Budget 2024] / t[I alt; Budget 2024] * 100" in a
    // table with "enhed: mio. kr." printed 34,7 as 0,000035 (with "decimaler: 6"), table and text alike.
    const std::string body = "```tabel\nfil: t.csv\nnavn: t\ntitel: Budget 2024 (mio. kr.)\ntalenhed: kr.\n"
                             "enhed: mio. kr.\nkolonne: Andel i pct. = [Budget 2024] / t[I alt; Budget 2024] * 100\n```\n\n"
                             "Lønnen udgør {t[Løn; Andel i pct.]} pct.; i alt {t[I alt; Budget 2024] | mio. kr.}.\n";
    const char* const csv = "Post;Budget 2024\nLøn;1.249.000\nDrift;2.351.000\nI alt;3.600.000\n";
    auto l = compute(body, csv);
    CHECK(l.messages == "");
    CHECK(row_texts(table(l), 0) == std::vector<std::string>{"Løn", "1,2", "35"});
    CHECK(figure_text(l).find("Lønnen udgør 35 pct.; i alt 3,6 mio. kr.") != std::string::npos);
    // The same in t. kr., for a row formula, and a growth rate; an amount computed beside them
    // (a difference) is still converted.
    l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: Budget (t. kr.)\ntalenhed: kr.\nenhed: t. kr.\n"
                "række: Lønandel = [Løn] / ([Løn] + [Drift]) * 100 | decimaler 1, kolonner 2023 .. 2024\n"
                "kolonne: Vækst = ([2024] - [2023]) / [2023] * 100 | decimaler 1\n"
                "kolonne: Ændring = [2024] - [2023]\n```\n",
                "Post;2023;2024\nLøn;1.200.000;1.249.000\nDrift;2.300.000;2.351.000\n");
    CHECK(row_texts(table(l), 0) == std::vector<std::string>{"Løn", "1.200,0", "1.249,0", "4,1", "49,0"});
    CHECK(row_texts(table(l), 2)[1] == "34,3");
    CHECK(row_texts(table(l), 2)[2] == "34,7");
}

TEST_CASE("table calc: a sum whose rounded parts do not add up to its printed total gets a note saying so") {
    // Regression (rounded-parts): 1,2 + 1,2 printed as 2,5 with nothing telling the reader why.
    const std::string body = "```tabel\nfil: t.csv\ntitel: Udgifter (mio. kr.)\ntalenhed: kr.\nenhed: mio. kr.\n"
                             "række: I alt = sum(Løn .. Drift)\ntilføj: nederst\n";
    auto l = compute(body + "```\n", "Post;2024\nLøn;1.249.000\nDrift;1.249.000\n");
    CHECK(l.messages == "");
    CHECK(row_texts(table(l), 2) == std::vector<std::string>{"I alt", "2,5"});
    REQUIRE(table(l).notes.size() == 1);
    CHECK(table(l).notes[0] == test::words().rounded_parts);
    CHECK(!test::words().rounded_parts.empty());
    // The table's own note is used instead, once, where it has one.
    l = compute(body + "afrundingsnote: Tallene er afrundede.\n```\n", "Post;2024\nLøn;1.249.000\nDrift;1.249.000\n");
    CHECK(table(l).notes == std::vector<std::string>{"Tallene er afrundede."});
    // Parts that add up as printed (1,2 + 1,3 = 2,5), or figures printed as written: no note.
    l = compute(body + "```\n", "Post;2024\nLøn;1.249.000\nDrift;1.251.000\n");
    CHECK(table(l).notes.empty());
    l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: I alt = [Løn] - [Drift]\ntilføj: nederst\n```\n",
                "Post;2024\nLøn;1.249,4\nDrift;3,25\n");
    CHECK(row_texts(table(l), 2) == std::vector<std::string>{"I alt", "1.246,15"});
    CHECK(table(l).notes.empty());
    // Regression (probe39): a total printed with fewer decimals than its parts (1,46 + 1,46 as
    // "2,9") had no note.
    l = compute("```tabel\nfil: t.csv\ntitel: T (mio. kr.)\ntalenhed: mio. kr.\nrække: I alt = sum(Løn .. Drift) | decimaler 1\n"
                "tilføj: nederst\n```\n",
                "Post;Mio. kr.\nLøn;1,46\nDrift;1,46\n");
    CHECK(row_texts(table(l), 2) == std::vector<std::string>{"I alt", "2,9"});
    CHECK(table(l).notes == std::vector<std::string>{test::words().rounded_parts});
    // A difference of parts, across columns too.
    l = compute("```tabel\nfil: t.csv\ntitel: Udgifter (mio. kr.)\ntalenhed: kr.\nenhed: mio. kr.\n"
                "kolonne: Ændring = [2024] - [2023]\n```\n",
                "Post;2023;2024\nLøn;1.149.000;1.251.000\n");
    CHECK(row_texts(table(l), 0) == std::vector<std::string>{"Løn", "1,1", "1,3", "0,1"});
    CHECK(table(l).notes.size() == 1);
    // A published total kept within its tolerance is a rounded figure its parts do not add up to
    // either (a probe: 8.388 over 1.036 + 5.442 + 1.909 = 8.387, with no note).
    l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: I alt = sum(A .. C) | tolerance 2\n```\n",
                "Post;2023\nA;1.036\nB;5.442\nC;1.909\nI alt;8.388\n");
    CHECK(row_texts(table(l), 3) == std::vector<std::string>{"I alt", "8.388"});
    CHECK(table(l).notes == std::vector<std::string>{test::words().rounded_parts});
    // Quoted with more decimals than it is written with, the kept figure would claim 8.388,00
    // where its parts add up to 8.388,20 (a probe): an error at the figure.
    l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\nrække: I alt = sum(A .. C) | decimaler 1, tolerance 1\n```\n\n"
                "Tal: {t[I alt; 2023] | decimaler 2} og {t[I alt; 2023]}.\n",
                "Post;2023\nA;1.036,4\nB;5.442,4\nC;1.909,4\nI alt;8.388\n");
    CHECK(l.messages.find("error: the figure is the published 8.388 that its table keeps within the formula's tolerance, "
                          "exact only to its own decimals; with \"decimaler 2\"") != std::string::npos);
    CHECK(l.messages.find("{t[I alt; 2023]}\"") == std::string::npos);  // quoted as the table prints it: right
    // A column formula that adds up what it reads, crossing the sum row: 3,33 three times under
    // "I alt" 10,00 (a probe, no note). A ratio there is the ratio of the totals: no note.
    l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: I alt = sum(A .. C)\ntilføj: nederst\n"
                "kolonne: Pr. kvartal = [År] / 3 | decimaler 2\n```\n",
                "Post;År\nA;10\nB;10\nC;10\n");
    CHECK(row_texts(table(l), 3) == std::vector<std::string>{"I alt", "30", "10,00"});
    CHECK(table(l).notes == std::vector<std::string>{test::words().rounded_parts});
    l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: I alt = sum(A .. C)\ntilføj: nederst\n"
                "kolonne: Snit = [Kr] / [Antal] | decimaler 1\n```\n",
                "Post;Kr;Antal\nA;10;3\nB;10;3\nC;10;3\n");
    CHECK(table(l).notes.empty());
}

TEST_CASE("table calc: a cell a formula's own range leaves out is said to be left out, not to come later") {
    // Regression (kolonner-left-out): the message advised "put that one first" for a cell that
    // "| kolonner 2023 .. 2023" never computes.
    const auto l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\nrække: I alt = sum(A .. B) | kolonner 2023 .. 2023\n"
                           "tilføj: nederst\n```\n\nI alt 2024: {t[I alt; 2024]}.\n",
                           "Post;2023;2024\nA;1;2\nB;3;4\n");
    CHECK(l.messages.find("error: the cell \"I alt\" / \"2024\" is left empty by the formula \"I alt = sum(A .. B) | "
                          "kolonner 2023 .. 2023\", whose range leaves it out") != std::string::npos);
    CHECK(l.messages.find("put that one first") == std::string::npos);
}

TEST_CASE("table calc: a product of a figure printed rounded, which its printed figures do not give, is a warning") {
    // A probe: a rate computed as 26,5738 and printed "26,57", times 1.000 members, printed
    // "26.573,80" where the printed figures give 26.570,00, without a word.
    const char* csv = "Region;Sats 2023;Antal medlemmer\nRegion Nord;25,70;1.000\nRegion Syd;25,70;10\n";
    const std::string head = "```tabel\nfil: t.csv\nnavn: t\ntitel: Kontingent\ntalenhed: kr.\n";
    auto l = compute(head + "kolonne: Sats 2024 = [Sats 2023] * (1 + 3,4 / 100) | decimaler 2\n"
                            "kolonne: Provenu 2024 = [Sats 2024] * [Antal medlemmer]\n```\n",
                     csv);
    CHECK(l.messages.find("warning: the formula \"Provenu 2024 = [Sats 2024] * [Antal medlemmer]\" computes with \"Region "
                          "Nord\" / \"Sats 2024\" as 26,5738, which the table prints as \"26,57\": \"Region Nord\" / \"Provenu "
                          "2024\" is \"26.573,80\", where the figures as printed give \"26.570,00\"") != std::string::npos);
    CHECK(l.messages.find("warning") == l.messages.rfind("warning"));  // once a formula
    // Printed with the decimals it is computed with, or a sum of rounded figures (the rounding
    // note's), or a product the rounding does not reach: no warning.
    for (const char* formulas : {"kolonne: Sats 2024 = [Sats 2023] * (1 + 3,4 / 100) | decimaler 4\n"
                                 "kolonne: Provenu 2024 = [Sats 2024] * [Antal medlemmer]\n",
                                 "kolonne: Sats 2024 = [Sats 2023] * (1 + 3,4 / 100) | decimaler 2\n"
                                 "kolonne: I alt = [Sats 2023] + [Sats 2024]\n",
                                 "kolonne: Sats 2024 = [Sats 2023] * (1 + 3,4 / 100) | decimaler 2\n"
                                 "kolonne: Halv = [Sats 2024] / 2 | decimaler 0\n"}) {
        l = compute(head + formulas + "```\n", csv);
        CHECK_MESSAGE(l.messages.find("as printed give") == std::string::npos, formulas);
    }
}

TEST_CASE("figures: a beregning value or a text figure multiplying a figure printed rounded is a warning, as in a table") {
    // A probe: "Satsen bliver 25,86 kr. ... kontingentet giver 153.403.600,81 kr.", computed with
    // 25,8575, where 25,86 times the inhabitants gives 153.418.432,44, without a word.
    const std::string block = "```beregning\nnavn: k\nværdi: sats = (25,70 - 0,70) * (1 + 3,43 / 100) | decimaler 2\n"
                              "værdi: indbyggere = 5.932.654\nværdi: provenu = sats * indbyggere\n```\n";
    auto l = compute("Satsen {k[sats] | kr.} giver {k[provenu] | kr.}.\n\n" + block, kBudgetCsv);
    CHECK(l.messages.find("warning: the value \"provenu\" computes with \"sats\" as 25,8575, which is printed as \"25,86\": "
                          "\"provenu\" is \"153.403.600,81\", where the figures as printed give \"153.418.432,44\"; if "
                          "\"sats\" is meant as printed (a rate that is set), write it so (sats = 25,86)") != std::string::npos);
    // In the text, from a beregning value or a table's cell.
    l = compute("Provenu {k[sats] * k[indbyggere] | kr.}.\n\n" + block, kBudgetCsv);
    CHECK(l.messages.find("warning: the figure \"{k[sats] * k[indbyggere] | kr.}\" computes with k[sats] as 25,8575, which "
                          "is printed as \"25,86\": the figure is \"153.403.600,81 kr.\", where the figures as printed give "
                          "\"153.418.432,44 kr.\"") != std::string::npos);
    // Printed so that the rounding does not show, or with the decimals it is computed with, or a
    // sum of rounded figures: no warning.
    for (const char* text : {"Provenu {k[sats] * k[indbyggere] | mio. kr.}.", "Dobbelt {k[sats] + k[sats] | kr.}."}) {
        l = compute(std::string(text) + "\n\n```beregning\nnavn: k\nværdi: sats = (25,70 - 0,70) * (1 + 3,43 / 100) | "
                    "decimaler 2\nværdi: indbyggere = 5.932.654\n```\n",
                    kBudgetCsv);
        CHECK_MESSAGE(l.messages.find("as printed give") == std::string::npos, text);
    }
    l = compute("```beregning\nnavn: k\nværdi: sats = (25,70 - 0,70) * (1 + 3,43 / 100) | decimaler 4\n"
                "værdi: indbyggere = 5.932.654\nværdi: provenu = sats * indbyggere\n```\n",
                kBudgetCsv);
    CHECK(l.messages.find("as printed give") == std::string::npos);
}

TEST_CASE("table calc: a formula that quotes only fixed cells, the same in every column, is a warning") {
    // A probe: "Gennemsnit = (t[Nord; 2023] + t[Midt; 2023] + t[Syd; 2023]) / 3" printed 2023's
    // average under 2024 too, and the text quoted it as 2024's, without a word.
    const char* csv = "Region;2023;2024\nNord;30;31\nMidt;40;38\nSyd;40;38\n";
    auto l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\n"
                     "række: Gennemsnit = (t[Nord; 2023] + t[Midt; 2023] + t[Syd; 2023]) / 3 | decimaler 1\n```\n",
                     csv);
    CHECK(l.messages.find("warning: the row formula \"Gennemsnit = (t[Nord; 2023] + t[Midt; 2023] + t[Syd; 2023]) ...\" "
                          "quotes only fixed cells") != std::string::npos);
    l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\nkolonne: Basis = t[Nord; 2023]\n```\n", csv);
    CHECK(l.messages.find("warning: the column formula \"Basis = t[Nord; 2023]\" quotes only fixed cells") != std::string::npos);
    // Its own rows or columns, numbers, named values, or one column only: as meant.
    for (const char* formula : {"række: Gennemsnit = ([Nord] + [Midt] + [Syd]) / 3 | decimaler 1",
                                "række: Indeks = [Nord] / t[Nord; 2023] * 100", "række: Mål = 79",
                                "række: Gennemsnit = (t[Nord; 2023] + t[Midt; 2023]) / 2 | kolonner 2023 .. 2023",
                                "kolonne: Mål = b[mål]"}) {
        l = compute("```beregning\nnavn: b\nværdi: mål = 35\n```\n\n```tabel\nfil: t.csv\nnavn: t\ntitel: T\n" +
                        std::string(formula) + "\n```\n",
                    csv);
        CHECK_MESSAGE(l.messages.find("quotes only fixed cells") == std::string::npos, formula);
        CHECK_MESSAGE(l.messages.find("error") == std::string::npos, formula);
    }
}

TEST_CASE("table calc: a range over a row that is the sum of the rows next to it is a warning, whatever its label") {
    // Regression (unlabelled-subtotal): "Hovedsum = sum(Løn .. Husleje)" over a CSV row "Udgifter"
    // that is Løn + Drift in both years printed 6.030 for 3.030 without a word; a group's row
    // above its rows ("Personale" over "Løn" and "Pension") the same.
    auto l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: Hovedsum = sum(Løn .. Husleje)\ntilføj: nederst\n```\n",
                     "Post;2023;2024\nLøn;1.000;1.100\nDrift;2.000;1.900\nUdgifter;3.000;3.000\nHusleje;30;40\n");
    CHECK(l.messages.find("m/01-a/item.md:13:19: warning: the range \"Løn\" .. \"Husleje\" holds \"Udgifter\", whose "
                          "figures are the sum of the rows \"Løn\" .. \"Drift\" next to it in every column the formula "
                          "adds, as a subtotal's are; if it is their subtotal, they are counted twice") != std::string::npos);
    // In one column, a run of three rows or more.
    l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: I alt = sum(Løn .. Husleje)\ntilføj: nederst\n```\n",
                "Post;2024\nLøn;1.000\nPension;150\nDrift;2.000\nUdgifter;3.150\nHusleje;30\n");
    CHECK(l.messages.find("holds \"Udgifter\", whose figures are the sum of the rows \"Løn\" .. \"Drift\"") !=
          std::string::npos);
    l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: I alt = sum(Personale .. Drift)\ntilføj: nederst\n```\n",
                "Post;2023;2024\nPersonale;300;310\nLøn;100;110\nPension;200;200\nDrift;50;60\n");
    CHECK(l.messages.find("holds \"Personale\", whose figures are the sum of the rows \"Løn\" .. \"Pension\" next to it") !=
          std::string::npos);
    // A subtotal published rounded, a unit off its rounded parts' sum (8.388 over 8.387): the
    // same, said to be within rounding (a probe: counted twice without a word).
    const std::string rounded_block = "```tabel\nfil: t.csv\ntitel: T\nrække: Udgifter i alt = sum(Løn .. Husleje)\n"
                                      "tilføj: nederst\n```\n";
    l = compute(rounded_block, "Post;2023;2024\nLøn;1.036;1.100\nPension;5.442;5.500\nØvrigt personale;1.909;2.000\n"
                               "Personale;8.388;8.601\nHusleje;700;720\n");
    CHECK(l.messages.find("holds \"Personale\", whose figures are the sum of the rows \"Løn\" .. \"Øvrigt personale\" next to "
                          "it in every column the formula adds (as rounded figures do, within a unit or so), as a "
                          "subtotal's are") != std::string::npos);
    l = compute(rounded_block, "Post;2024\nLøn;1.036,4\nPension;5.442,3\nØvrigt personale;1.909,4\nPersonale;8.388,2\nHusleje;700\n");
    CHECK(l.messages.find("within a unit or so") != std::string::npos);
    // More apart than rounding explains, or small figures a unit apart: no warning.
    for (const char* csv : {"Post;2023;2024\nLøn;1.036;1.100\nPension;5.442;5.500\nØvrigt personale;1.909;2.000\nPersonale;8.391;8.601\nHusleje;700;720\n",
                            "Post;2023;2024\nLøn;10;11\nPension;54;55\nØvrigt personale;19;20\nPersonale;84;87\nHusleje;7;7\n"}) {
        l = compute(rounded_block, csv);
        CHECK_MESSAGE(l.messages.find("next to it") == std::string::npos, csv);
    }
    // Figures that add up so in one column only, small counts in a table of one column, a row
    // beside an empty row or a computed one: no warning.
    const std::pair<const char*, const char*> as_meant[] = {
        {"Post;2023;2024\nA;1.000;5\nB;2.000;6\nC;3.000;7\nD;4;8\n", "A .. D"},
        {"Post;Antal\nA;1\nB;1\nC;2\nD;3\n", "A .. D"},
        {"Post;2024\nA;1.000\nB;2.000\nC;3.000\nD;5.000\n", "A .. D"},
        {"Post;2024\nA;1.000\n;\nB;2.000\nC;3.000\n", "A .. C"}};
    for (const auto& meant : as_meant) {
        const char* csv = meant.first;  // not a structured binding: doctest's macros capture it
        l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: I alt = sum(" + std::string(meant.second) +
                        ")\ntilføj: nederst\n```\n",
                    csv);
        CHECK_MESSAGE(l.messages.find("next to it") == std::string::npos, csv);
        CHECK_MESSAGE(l.messages.find("error") == std::string::npos, csv);
    }
}

TEST_CASE("table calc: a column range over a column that is the sum of the columns next to it is a warning") {
    // A quarter's column exported between the months ("Q1" after "Mar") without "i alt" in its
    // heading: "Året = sum(Jan .. Apr)" added Q1 to the months it sums, 1.100 printed as 1.700.
    auto l = compute("```tabel\nfil: t.csv\ntitel: T\nkolonne: Året = sum(Jan .. Apr)\n```\n",
                     "Post;Jan;Feb;Mar;Q1;Apr\nLøn;100;100;100;300;100\nDrift;50;60;70;180;80\n");
    CHECK(l.messages.find("warning: the range \"Jan\" .. \"Apr\" holds the column \"Q1\", whose figures are the sum of "
                          "the columns \"Jan\" .. \"Mar\" next to it in every row the formula computes") != std::string::npos);
    // Columns that add up so in one row only, or a range without such a column: no warning.
    for (const char* csv : {"Post;Jan;Feb;Mar;Q1;Apr\nLøn;100;100;100;300;100\nDrift;50;60;70;181;80\n",
                            "Post;Jan;Feb;Mar;Apr\nLøn;100;100;100;300\nDrift;50;60;70;80\n"}) {
        l = compute("```tabel\nfil: t.csv\ntitel: T\nkolonne: Året = sum(Jan .. Apr)\n```\n", csv);
        CHECK_MESSAGE(l.messages.find("next to it") == std::string::npos, csv);
        CHECK_MESSAGE(l.messages.find("error") == std::string::npos, csv);
    }
}

TEST_CASE("table calc: a range over a total or a part the CSV holds is an error, never counted twice") {
    // Regression (read-total-double-count): "I alt = sum(Løn .. Husleje)" over a CSV row
    // "Udgifter i alt" printed 3.300 for 1.800, and over "Heraf overtid" 2.000 for 1.800.
    auto l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: I alt = sum(Løn .. Husleje)\ntilføj: nederst\n```\n",
                     "Post;2024\nLøn;1.000\nDrift;500\nUdgifter i alt;1.500\nHusleje;300\n");
    CHECK(l.messages.find("error: the range \"Løn\" .. \"Husleje\" holds \"Udgifter i alt\", a total of the rows above it "
                          "such as \"Drift\", so they would be counted twice; sum the rows or their totals, not both: name them one by one, as "
                          "\"[Løn] + [Drift] + [Husleje]\"") != std::string::npos);
    // Named a total by "total:" only, it is one all the same.
    l = compute("```tabel\nfil: t.csv\ntitel: T\ntotal: Udgifter\ntotal: I alt\nrække: I alt = sum(Løn .. Husleje)\n"
                "tilføj: nederst\n```\n",
                "Post;2024\nLøn;1.000\nDrift;500\nUdgifter;1.500\nHusleje;300\n");
    CHECK(l.messages.find("holds \"Udgifter\", a total of the rows above it") != std::string::npos);
    l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: I alt = sum(Løn .. Husleje)\ntilføj: nederst\n```\n",
                "Post;2024\nLøn;1.000\nHeraf overtid;200\nDrift;500\nHusleje;300\n");
    CHECK(l.messages.find("error: the range \"Løn\" .. \"Husleje\" holds \"Heraf overtid\", a part of \"Løn\", which the "
                          "range holds too, so the part would be counted twice; leave the part out: name them one by one, as \"[Løn] + [Drift] + [Husleje]\"") !=
          std::string::npos);
    // Parts and totals as exports write them (a probe: "- heraf løn" printed 2.000 for 1.500,
    // "Ialt" 3.300 for 1.900): dashes, bullets, parentheses, "Ialt", "… total", "(i alt)".
    for (const char* part : {"- heraf løn", "– heraf løn", "(heraf løn)", "• Heraf løn", "Heriblandt løn",
                             // Regression (probe39): counted twice without a word.
                             "Af hvilke ledere", "Af disse ledere", "Deriblandt løn", "Inkl. moms", "Bl.a. vikarer",
                             "Dvs. løn", "Her af løn", "Herav løn", "of which managers", "Indeholdt heri: løn", "- Ledere",
                             "• Ledere", "> Ledere", "  – ledere"}) {
        l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: I alt = sum(Drift .. Anlæg)\ntilføj: nederst\n```\n",
                    std::string("Post;2024\nDrift;1.000\n") + part + ";400\nAnlæg;500\n");
        CHECK_MESSAGE(l.messages.find("a part of \"Drift\", which the range holds too") != std::string::npos, part);
    }
    // Rows indented in the CSV under a row that is not, as exports write sub-items (a probe:
    // "  Overtid" under "Løn" was added to it, libcsv having taken its blanks), in or out of
    // quotes, with spaces or a tab.
    for (const char* part : {"  Overtid", "\tOvertid", "\"   Overtid\"", " \" Overtid\""}) {
        l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: I alt = sum(Drift .. Anlæg)\ntilføj: nederst\n```\n",
                    std::string("Post;2024\nDrift;1.000\n") + part + ";400\nAnlæg;500\n");
        CHECK_MESSAGE(l.messages.find("holds \"Overtid\", a part of \"Drift\", which the range holds too") != std::string::npos,
                      part);
    }
    // Indented alike, or under a total or a group heading without figures, rows are peers; the
    // parts alone add up once.
    for (const char* peers : {"Post;2024\n  Drift;1.000\n  Løn;400\n  Anlæg;500\n",
                              "Post;2024\nUdgifter;;\n  Drift;1.000\n  Løn;400\n  Anlæg;500\n",
                              "Post;2024\nI alt;1.900\n  Drift;1.000\n  Løn;400\n  Anlæg;500\n"}) {
        l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: Sum = sum(Drift .. Anlæg)\ntilføj: nederst\n```\n", peers);
        CHECK_MESSAGE(l.messages.find("error") == std::string::npos, peers);
        CHECK_MESSAGE((row_texts(table(l), table(l).rows.size() - 1) == std::vector<std::string>{"Sum", "1.900"}), peers);
    }
    l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: Sum = sum(Overtid .. Tillæg)\ntilføj: nederst\n```\n",
                "Post;2024\nLøn;1.000\n  Overtid;200\n  Tillæg;100\nDrift;500\n");
    CHECK(l.messages == "");
    CHECK(row_texts(table(l), 4) == std::vector<std::string>{"Sum", "300"});
    // A part's word with a colon, or after its name (a probe: "Hvoraf: ledere" 25 was added to
    // its whole, 190 employees for 165), and a column marked as a list's item among plain ones.
    for (const char* part : {"Hvoraf: ledere", "Heraf:ledere", "Af hvilke: ledere", "Bl.a.: ledere", "Inkl.: ledere",
                             "Ledere (heraf)", "Ledere (indgår i ovenstående)", "Hvorav ledere", "Inklusiv ledere"}) {
        l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: I alt = sum(Drift .. Anlæg)\ntilføj: nederst\n```\n",
                    std::string("Post;2024\nDrift;1.000\n") + part + ";400\nAnlæg;500\n");
        CHECK_MESSAGE(l.messages.find("a part of \"Drift\", which the range holds too") != std::string::npos, part);
    }
    l = compute("```tabel\nfil: t.csv\ntitel: T\nkolonne: Alle = sum(Læger .. Sygeplejersker)\n```\n",
                "Region;Læger;- Overlæger;Sygeplejersker\nNord;100;40;300\n");
    CHECK(l.messages.find("holds \"- Overlæger\", a part of \"Læger\"") != std::string::npos);
    // Rows that all carry a list's mark are peers: the marks say nothing of parts.
    l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: I alt = sum([- Drift] .. [- Anlæg])\ntilføj: nederst\n```\n",
                "Post;2024\n- Drift;1.000\n- Løn;400\n- Anlæg;500\n");
    CHECK(l.messages == "");
    for (const char* total : {"Ialt", "Drift total", "Drift (i alt)", "I alt, drift", "Hovedtotal", "Udgifter, samlet",
                              // Regression (tilsammen): "Tilsammen" 1.400 was added to the rows it sums.
                              "Tilsammen", "Udgifter tilsammen", "Sammenlagt"}) {
        l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: Resultat = sum(Løn .. Anlæg)\ntilføj: nederst\n```\n",
                    std::string("Post;2024\nLøn;1.000\nHusleje;400\n") + total + ";1.400\nAnlæg;500\n");
        CHECK_MESSAGE(l.messages.find("a total of the rows above it") != std::string::npos, total);
    }
    // The same across columns.
    l = compute("```tabel\nfil: t.csv\ntitel: T\nkolonne: Alle = sum(Mænd .. Børn)\n```\n",
                "Post;Mænd;Kvinder;Voksne i alt;Børn\nA;1;2;3;4\n");
    CHECK(l.messages.find("holds \"Voksne i alt\", a total of the columns before it such as \"Kvinder\"") != std::string::npos);
    // A total that comes first, as statistics tables put it, adds the rows below it (regression
    // total-first: "sum(Hele landet .. Region Syd)" printed 1.200 for 600).
    l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: Sum = sum(Hele landet .. Region Syd)\ntilføj: nederst\n```\n",
                "Område;2023\nHele landet;600\nRegion Nord;100\nRegion Midt;200\nRegion Syd;300\n");
    CHECK(l.messages.find("error: the range \"Hele landet\" .. \"Region Syd\" holds \"Hele landet\", which comes first and "
                          "reads as a total of the rows below it such as \"Region Nord\", so they would be counted twice; sum "
                          "the rows or the total, not both: name them one by one, as \"[Region Nord] + [Region Midt] + "
                          "[Region Syd]\"") != std::string::npos);
    l = compute("```tabel\nfil: t.csv\ntitel: T\nkolonne: Personer = sum(I alt .. Kvinder)\n```\n",
                "Område;I alt;Mænd;Kvinder\nNord;100;40;60\n");
    CHECK(l.messages.find("holds \"I alt\", which comes first and reads as a total of the columns after it such as "
                          "\"Mænd\"") != std::string::npos);
    // Ranges after it, or of totals only, are as meant.
    l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: Sum = sum(Region Nord .. Region Syd)\ntilføj: nederst\n```\n",
                "Område;2023\nHele landet;600\nRegion Nord;100\nRegion Midt;200\nRegion Syd;300\n");
    CHECK(l.messages == "");
    CHECK(row_texts(table(l), 4) == std::vector<std::string>{"Sum", "600"});
    // Totals only, parts only, a range that starts at its total, and totals beside rows they do
    // not add: each counted once, as meant.
    l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: I alt = sum(Løn i alt .. Anlæg i alt)\ntilføj: nederst\n```\n",
                "Post;2024\nLøn i alt;1.000\nDrift i alt;500\nAnlæg i alt;300\n");
    CHECK(l.messages == "");
    CHECK(row_texts(table(l), 3) == std::vector<std::string>{"I alt", "1.800"});
    l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: Heraf i alt = sum(Heraf overtid .. Heraf tillæg)\n"
                "tilføj: nederst\n```\n",
                "Post;2024\nLøn;1.000\nHeraf overtid;200\nHeraf tillæg;100\n");
    CHECK(l.messages == "");
    CHECK(row_texts(table(l), 3) == std::vector<std::string>{"Heraf i alt", "300"});
    l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: Alt = sum(Udgifter i alt .. Husleje)\ntilføj: nederst\n```\n",
                "Post;2024\nLøn;1.000\nDrift;500\nUdgifter i alt;1.500\nHusleje;300\n");
    CHECK(l.messages == "");
    CHECK(row_texts(table(l), 4) == std::vector<std::string>{"Alt", "1.800"});
    l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: I alt = [Udgifter i alt] + [Husleje]\ntilføj: nederst\n```\n",
                "Post;2024\nLøn;1.000\nDrift;500\nUdgifter i alt;1.500\nHusleje;300\n");
    CHECK(l.messages == "");
    CHECK(row_texts(table(l), 4) == std::vector<std::string>{"I alt", "1.800"});
}

TEST_CASE("table calc: a sum of shares in per cent beyond 100 % is an error, and one short of 100 % a warning") {
    // Regression (share-sum): "Hele landet = sum(Nord .. Syd)" printed 68 % + 75 % + 80 % as 223 %.
    const char* const csv = "Region;Forløb;Overholdt\nNord;1.000;68 %\nMidt;2.000;75 %\nSyd;3.000;80 %\n";
    auto l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: Hele landet = sum(Nord .. Syd)\ntilføj: nederst\n```\n", csv);
    CHECK(l.messages.find("error: sum() adds figures in per cent to 223 %, more than 100 %: shares of different wholes") !=
          std::string::npos);
    // A rate named by what it counts, in one word (a probe: "Svarprocent" 90, 85 and 95 printed
    // "svarprocenten 270 pct."); a per-cent heading that says of what (the example meeting's own
    // "Udredningsretten overholdt (pct. af forløbene)": a probe's regions summed to 361); a share
    // written with a dash.
    for (const char* rate : {"Svarprocent", "Belægningsprocenten", "Overholdelsesprocent",
                             "Udredningsretten overholdt (pct. af forløbene)", "Andel (procent af alle)"}) {
        l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: Hele landet = sum(Nord .. Syd)\ntilføj: nederst\n```\n",
                    std::string("Region;") + rate + "\nNord;90\nMidt;85\nSyd;95\n");
        CHECK_MESSAGE(l.messages.find("error: sum() adds figures in per cent to 270 %, more than 100 %") != std::string::npos, rate);
    }
    CHECK(compute("```tabel\nfil: t.csv\ntitel: T\nrække: Hele landet = sum(Nord .. Syd)\ntilføj: nederst\n```\n",
                  "Region;Ja-andel\nNord;90\nMidt;85\nSyd;95\n")
              .messages.find("warning: the cell \"Hele landet\" / \"Ja-andel\" adds figures headed as shares to 270") !=
          std::string::npos);
    // Leaving the column out, or computing the whole's share from the counts, is as meant.
    l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: Hele landet = sum(Nord .. Syd) | kolonner Forløb .. Forløb\n"
                "tilføj: nederst\n```\n",
                csv);
    CHECK(l.messages == "");
    CHECK(row_texts(table(l), 3) == std::vector<std::string>{"Hele landet", "6.000", ""});
    // A distribution adds up to 100 % (within its rounding: 33 + 33 + 33 is 99); short of it, a warning.
    l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: I alt = sum(A .. C)\ntilføj: nederst\n```\n",
                "Post;Andel\nA;33 %\nB;33 %\nC;33 %\n");
    CHECK(l.messages == "");
    CHECK(row_texts(table(l), 3) == std::vector<std::string>{"I alt", "99 %"});
    l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: I alt = sum(A .. B)\ntilføj: nederst\n```\n",
                "Post;Andel\nA;40 %\nB;35 %\n");
    CHECK(l.messages.find("warning: the cell \"I alt\" / \"Andel\" adds figures in per cent to 75 %; shares add up only "
                          "where they split one whole") != std::string::npos);
    CHECK(l.messages.find("error") == std::string::npos);
    // Added with "+" (a probe: 223 % in the table and the text, with a clean check), the same error.
    l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\n```\n\nSamlet {t[Nord; Overholdt] + t[Midt; Overholdt] + "
                "t[Syd; Overholdt]}.\n",
                csv);
    CHECK(l.messages.find("error: the formula adds figures in per cent to 143 %, more than 100 %") != std::string::npos);
    l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: Hele landet = [Nord] + [Midt] + [Syd]\ntilføj: nederst\n```\n", csv);
    CHECK(l.messages.find("error: the formula adds figures in per cent to 143 %") != std::string::npos);
    // Parts of one whole added with "+" pass, within the rounding of each term (34 + 33 + 34 is 101).
    l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: I alt = [A] + [B] + [C]\ntilføj: nederst\n```\n",
                "Post;Andel\nA;34 %\nB;33 %\nC;34 %\n");
    CHECK(l.messages == "");
    CHECK(row_texts(table(l), 3) == std::vector<std::string>{"I alt", "101 %"});
    // An average of the shares, divided by their number, is no share of a whole (a probe: the
    // regions' unweighted average refused as a sum of 143 %).
    l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: Gennemsnit = ([Nord] + [Midt] + [Syd]) / 3 | decimaler 1\n"
                "række: Snit = sum(Nord .. Syd) / 3 | decimaler 1\ntilføj: nederst\n```\n",
                csv);
    CHECK(l.messages.find("error") == std::string::npos);
    CHECK(row_texts(table(l), 3).back() == row_texts(table(l), 4).back());
}

TEST_CASE("table calc: a verdict on a share in per cent against a fraction, or a ratio against per cent, is an error") {
    // Regression (probe: "[Overholdt] / [Forløb] * 100" = 60 judged against a target 0,79 printed
    // "opfyldt" in green; "status([Overholdt] / [Forløb]; 79; højere)" gave "ikke opfyldt" for 85 %).
    auto l = compute("```tabel\nfil: t.csv\ntitel: T\nkolonne: Andel (pct.) = [Overholdt] / [Forløb] * 100\n"
                     "kolonne: Status = status([Andel (pct.)]; [Mål]; højere)\n```\n",
                     "Region;Forløb;Overholdt;Mål\nNord;1.000;600;0,79\n");
    CHECK(l.messages.find("error: compares 60 with 0,79: one is a share in per cent and the other a fraction") !=
          std::string::npos);
    l = compute("```tabel\nfil: t.csv\ntitel: T\nkolonne: Status = status([Overholdt] / [Forløb]; 79; højere)\n```\n",
                "Region;Forløb;Overholdt\nNord;1.000;850\n");
    CHECK(l.messages.find("error: compares 0,85 with 79") != std::string::npos);
    // One scale on both sides passes; so do small shares against a small target, and ratios near 1.
    for (const char* formula : {"status([Overholdt] / [Forløb] * 100; 79; højere)", "status([Overholdt] / [Forløb]; 0,79; højere)",
                                "status([Overholdt] / [Forløb]; 1,1; lavere)"}) {
        l = compute(std::string("```tabel\nfil: t.csv\ntitel: T\nkolonne: Status = ") + formula + "\n```\n",
                    "Region;Forløb;Overholdt\nNord;1.000;850\n");
        CHECK_MESSAGE(l.messages.find("error") == std::string::npos, formula);
    }
    l = compute("```tabel\nfil: t.csv\ntitel: T\nkolonne: Status = status([Fejl (pct.)]; [Mål]; lavere)\n```\n",
                "Region;Fejl (pct.);Mål\nNord;0,3;0,5\n");
    CHECK(l.messages.find("error") == std::string::npos);
    // Regression (hunt-2): a table whose rows are measures, a row in per cent by its label, its
    // target written as a fraction: "opfyldt" for 73 % of 79 %, in silence.
    const char* const measures = "```tabel\nfil: t.csv\ntitel: Nøgletal\nkolonne: Målopfyldelse = status([2. kvt. 2023]; Mål; Bedst)\n```\n";
    l = compute(measures, "Nøgletal;Bedst;Mål;1. kvt. 2023;2. kvt. 2023\nGns. ventetid (dage);lavere;45;46;43\n"
                          "Udredningsretten overholdt (pct. af forløbene);højere;0,79;71;73\n");
    CHECK(l.messages.find("error: compares 73 with 0,79: one is a share in per cent and the other a fraction") !=
          std::string::npos);
    // Small shares against a small target in the same row, and one scale on both sides, pass.
    for (const char* csv : {"Nøgletal;Bedst;Mål;1. kvt. 2023;2. kvt. 2023\nFejl (pct.);lavere;0,5;0,4;2,3\n",
                            "Nøgletal;Bedst;Mål;1. kvt. 2023;2. kvt. 2023\nOverholdt (pct.);højere;79;71;73\n",
                            "Nøgletal;Bedst;Mål;1. kvt. 2023;2. kvt. 2023\nOverholdt (pct.);højere;0,79 %;71;73\n"}) {
        l = compute(measures, csv);
        CHECK_MESSAGE(l.messages.find("a hundred times apart") == std::string::npos, csv);
    }
}

TEST_CASE("figures: udvikling() of the later figure first, and a ratio called per cent, are errors") {
    // Regression (probe: "udvikling([2024]; [2023]; lavere)" over 40 -> 50 days printed "faldende"
    // and "er faldet fra 40 til 50 dage"; "{b[andel]} %" printed "0,68 %" for 68 %).
    auto l = compute("```tabel\nfil: t.csv\ntitel: T\nkolonne: Udvikling = udvikling([2024]; [2023]; lavere; 1)\n```\n",
                     "Region;2023;2024\nNord;40;50\n");
    CHECK(l.messages.find("error: udvikling() takes the earlier figure first, then the later one, but \"2024\" comes after "
                          "\"2023\"") != std::string::npos);
    l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\n```\n\nVentetiden er {udvikling(t[Nord; 2024]; t[Nord; 2023]; lavere)}.\n",
                "Region;2023;2024\nNord;40;50\n");
    CHECK(l.messages.find("takes the earlier figure first") != std::string::npos);
    l = compute("```tabel\nfil: t.csv\ntitel: T\nkolonne: Udvikling = udvikling([2023]; [2024]; lavere; 1)\n```\n",
                "Region;2023;2024\nNord;40;50\n");
    CHECK(l.messages.find("earlier figure first") == std::string::npos);
    const std::string shares = "```tabel\nfil: t.csv\nnavn: t\ntitel: T\nkolonne: Andel = [Overholdt] / [Forløb] | decimaler 2\n"
                               "kolonne: Pct = [Overholdt] / [Forløb] * 100\n```\n\n";
    for (const char* text : {"Andelen var {t[Nord; Andel]} %.", "Andelen var {t[Nord; Andel]} pct.",
                             "Andelen var {t[Nord; Andel] | decimaler 0} procent."}) {
        l = compute(shares + text + "\n", "Region;Forløb;Overholdt\nNord;1.000;680\n");
        CHECK_MESSAGE(l.messages.find("a ratio of two figures (0,68 is 68 %), but the text after it calls it per cent") !=
                          std::string::npos, text);
    }
    l = compute(shares + "Andelen var {t[Nord; Pct]} %, forholdet {t[Nord; Andel]}.\n", "Region;Forløb;Overholdt\nNord;1.000;680\n");
    CHECK(l.messages.find("a ratio of two figures") == std::string::npos);
}

TEST_CASE("figures: an index called the change, and a change of counts called per cent, are warned") {
    // Regression (probe: "steget med {b[Læger; Indeks (2023=100)]} pct." printed 110 for a rise of
    // 10 %; "steget med {b[Læger; Ændring]} pct." printed 30 pct. for 300 -> 330).
    const std::string table = "```tabel\nfil: t.csv\nnavn: b\ntitel: Ansatte\nkolonne: Ændring = [2024] - [2023]\n"
                              "kolonne: Indeks (2023=100) = [2024] / [2023] * 100\n"
                              "kolonne: Vækst (pct.) = ([2024] - [2023]) / [2023] * 100\n```\n\n";
    const std::string csv = "Gruppe;2023;2024\nLæger;300;330\n";
    auto l = compute(table + "Antallet er steget med {b[Læger; Indeks (2023=100)]} pct.\n", csv);
    CHECK(l.messages.find("prints \"110\", a later period's figure on an earlier one's (an index or a ratio), after "
                          "\"steget med\"") != std::string::npos);
    l = compute(table + "Antallet er steget med {b[Læger; 2024] / b[Læger; 2023] * 100} pct.\n", csv);
    CHECK(l.messages.find("a later period's figure on an earlier one's") != std::string::npos);
    for (const char* text : {"Antallet er steget med {b[Læger; Ændring]} pct.", "Antallet er steget med {b[Læger; Ændring]} procent."}) {
        l = compute(table + text + "\n", csv);
        CHECK_MESSAGE(l.messages.find("a change of two figures, but the text after it calls it per cent") !=
                          std::string::npos, text);
    }
    l = compute(table + "Antallet er steget med {b[Læger; Ændring] | pct.}.\n", csv);
    CHECK(l.messages.find("is a change of two figures, printed in per cent") != std::string::npos);
    // The change as it is, and the change in per cent, are as meant.
    l = compute(table + "Antallet er steget med {b[Læger; Ændring]} læger, eller {b[Læger; Vækst (pct.)]} pct.; indekset er "
                        "{b[Læger; Indeks (2023=100)]}.\n", csv);
    CHECK(l.messages == "");
}

TEST_CASE("figures: a count asked for in an amount unit is an error") {
    // Regression (probe: "{b[Antal ansatte; 2024] | mio. kr.}" in a table in t. kr. printed "Der er
    // 0,0 mio. kr. ansatte").
    const char* csv = "Post;2023;2024\nLøn;1.250;1.300\nAntal ansatte;12.000;12.500\n";
    const std::string table = "```tabel\nfil: t.csv\nnavn: b\ntitel: Budget (1.000 kr.)\ntalenhed: t. kr.\n```\n\n";
    auto l = compute(table + "Der er {b[Antal ansatte; 2024] | mio. kr.} ansatte.\n", csv);
    CHECK(l.messages.find("error: the figure \"{b[Antal ansatte; 2024] | mio. kr.}\" quotes a count (its heading or row "
                          "says so), but asks for it in mio. kr.") != std::string::npos);
    l = compute(table + "Der er {b[Antal ansatte; 2024]} ansatte, og lønnen er {b[Løn; 2024] | mio. kr.}.\n", csv);
    CHECK(l.messages.find("error") == std::string::npos);
    CHECK(figure_text(l).find("Der er 12.500 ansatte, og lønnen er 1,3 mio. kr.") != std::string::npos);
}

TEST_CASE("table calc: loft() and status() given the limit or target first are errors") {
    // Regression (probe: "loft([Ramme]; [Forbrug])" printed "under loftet" for 1.200.000 against a
    // frame of 1.000.000; "status([Mål]; [Resultat]; højere)" "opfyldt" for 70 against 79).
    auto l = compute("```tabel\nfil: t.csv\ntitel: T\nkolonne: Vurdering = loft([Ramme]; [Forbrug])\n"
                     "kolonne: Status = status([Mål]; [Resultat]; højere)\n```\n",
                     "Region;Forbrug;Ramme;Resultat;Mål\nNord;1.200.000;1.000.000;70;79\n");
    CHECK(l.messages.find("error: loft() takes the figure first and the limit second, but \"Ramme\" names a limit and "
                          "\"Forbrug\" does not") != std::string::npos);
    CHECK(l.messages.find("error: status() takes the figure first and the target second, but \"Mål\" names a target") !=
          std::string::npos);
    l = compute("```tabel\nfil: t.csv\ntitel: T\nkolonne: Vurdering = loft([Forbrug]; [Ramme])\n"
                "kolonne: Status = status([Resultat]; [Mål]; højere)\n```\n",
                "Region;Forbrug;Ramme;Resultat;Mål\nNord;1.200.000;1.000.000;70;79\n");
    CHECK(l.messages.find("error") == std::string::npos);
    CHECK(row_texts(table(l), 0).back() == "ikke opfyldt");
}

TEST_CASE("figures: a rate per thousand printed or called per cent is an error") {
    // Regression (probe: "{t[Nord; Dødelighed (‰)] | pct.}" printed "2,5 pct." for 2,5 per thousand).
    const char* csv = "Region;Dødelighed (‰);Rate pr. 1.000 indbyggere;Dødelighed (promille);Pr. 100.000;Andel (pct.)\n"
                      "Nord;2,5;3,1;9,4;45,2;12\n";
    for (const char* column : {"Dødelighed (‰)", "Rate pr. 1.000 indbyggere", "Dødelighed (promille)", "Pr. 100.000"}) {
        auto l = compute(std::string("```tabel\nfil: t.csv\nnavn: t\ntitel: T\n```\n\nRaten er {t[Nord; ") + column + "] | pct.}.\n", csv);
        CHECK_MESSAGE(l.messages.find("is a rate per thousand or more (its heading or row says so), but it is printed in per "
                                      "cent") != std::string::npos, column);
        l = compute(std::string("```tabel\nfil: t.csv\nnavn: t\ntitel: T\n```\n\nRaten er {t[Nord; ") + column + "]} pct.\n", csv);
        CHECK_MESSAGE(l.messages.find("a rate per thousand or more (its heading or row says so), but the text after it calls "
                                      "it per cent") != std::string::npos, column);
        l = compute(std::string("```tabel\nfil: t.csv\nnavn: t\ntitel: T\n```\n\nRaten er {t[Nord; ") + column + "]} promille.\n", csv);
        CHECK_MESSAGE(l.messages.find("per thousand") == std::string::npos, column);
    }
    auto l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\n```\n\nAndelen er {t[Nord; Andel (pct.)] | pct.}.\n", csv);
    CHECK(l.messages.find("per thousand") == std::string::npos);
}

TEST_CASE("table calc: a range holding an index, a share or a figure per person beside counts is an error") {
    // Regression (probe: "I alt = sum(Læger .. Sygeplejersker)" over a computed row "Læger, indeks
    // (2023=100)" printed 1.820 employees for 1.700; "Løn pr. ansat" added 500.000 kr. to the wages).
    auto l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: Læger, indeks (2023=100) = [Læger] / t[Læger; 2023] * 100\n"
                     "række: I alt = sum(Læger .. Sygeplejersker)\n```\n",
                     "Post;2023;2024\nLæger;500;600\nLæger, indeks (2023=100);;\nSygeplejersker;1.000;1.100\nI alt;;\n");
    CHECK(l.messages.find("error: the range \"Læger\" .. \"Sygeplejersker\" holds \"Læger, indeks (2023=100)\", whose "
                          "label names an index, an average, a share or a figure per person, beside figures such as "
                          "\"Læger\" that add up; added to them it is no figure of anything; leave it out: name them one "
                          "by one, as \"[Læger] + [Sygeplejersker]\"") != std::string::npos);
    for (const char* rate : {"Løn pr. ansat", "Andel (pct.)", "Gns. løn"}) {
        l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: I alt = sum(Løn .. Drift)\ntilføj: nederst\n```\n",
                    std::string("Post;2024\nLøn;5.000\n") + rate + ";500\nDrift;2.000\n");
        CHECK_MESSAGE(l.messages.find("whose label names an index") != std::string::npos, rate);
    }
    // Across columns too; counts and amounts only, or the rates only, are no such mix.
    l = compute("```tabel\nfil: t.csv\ntitel: T\nkolonne: Alle = sum(Læger .. Sygeplejersker)\n```\n",
                "Region;Læger;Læger pr. 1.000 indbyggere;Sygeplejersker\nNord;100;3;300\n");
    CHECK(l.messages.find("holds \"Læger pr. 1.000 indbyggere\", whose label names an index") != std::string::npos);
    l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: I alt = sum(Løn .. Drift)\ntilføj: nederst\n```\n",
                "Post;2024\nLøn;5.000\nHusleje;500\nDrift;2.000\n");
    CHECK(l.messages == "");
}

TEST_CASE("table calc: figures headed only as shares added up beyond 100 are a warning, whatever they are") {
    // Regression (probe, share heading without a unit): "Andel" over 68, 75 and 80, the regions'
    // shares of patients seen in time, summed by "I alt" to 223 without a word.
    const char* const csv = "Region;Andel\nNord;68\nMidt;75\nSyd;80\n";
    auto l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: I alt = sum(Nord .. Syd)\ntilføj: nederst\n```\n", csv);
    CHECK(l.messages.find("warning: the cell \"I alt\" / \"Andel\" adds figures headed as shares to 223, more than 100: "
                          "if they are per cent") != std::string::npos);
    CHECK(l.messages.find("error") == std::string::npos);
    // A row label that calls its figures shares, added up across its columns, too.
    l = compute("```tabel\nfil: t.csv\ntitel: T\nkolonne: I alt = sum(2022 .. 2023)\n```\n",
                "Nøgletal;2022;2023\nForløb;1.000;2.000\nAndelen overholdt;68;75\n");
    CHECK(l.messages.find("\"Andelen overholdt\" / \"I alt\" adds figures headed as shares to 143") != std::string::npos);
    // Added with "+", in a table or a text, the same.
    l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: I alt = [Nord] + [Midt] + [Syd]\ntilføj: nederst\n```\n", csv);
    CHECK(l.messages.find("\"I alt\" / \"Andel\" adds figures headed as shares to 143, more than 100") != std::string::npos);
    l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\n```\n\nSamlet {t[Nord; Andel] + t[Syd; Andel]} pct.\n", csv);
    CHECK(l.messages.find("adds figures headed as shares to 148, more than 100") != std::string::npos);
    l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: I alt = [Nord] + [Midt] + [Syd]\ntilføj: nederst\n```\n",
                "Region;Andel\nNord;34\nMidt;33\nSyd;34\n");
    CHECK(l.messages.find("headed as shares") == std::string::npos);
    // Up to 100 they may split one whole; an average of them is no sum; a heading or table that
    // names their unit says what they are; counts added up are counts.
    for (const char* quiet : {"Region;Andel\nNord;20\nMidt;30\nSyd;50\n", "Region;Andel (mio. kr.)\nNord;68\nMidt;75\nSyd;80\n",
                              "Region;Andel, antal\nNord;68\nMidt;75\nSyd;80\n", "Region;Kommunernes andel (kr.)\nNord;68\nMidt;75\nSyd;80\n",
                              "Region;Antal\nNord;68\nMidt;75\nSyd;80\n"}) {
        l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: I alt = sum(Nord .. Syd)\ntilføj: nederst\n```\n", quiet);
        CHECK_MESSAGE(l.messages.find("headed as shares") == std::string::npos, quiet);
    }
    l = compute("```tabel\nfil: t.csv\ntitel: T\ntalenhed: mio. kr.\nrække: I alt = sum(Nord .. Syd)\ntilføj: nederst\n```\n",
                csv);
    CHECK(l.messages.find("headed as shares") == std::string::npos);
    l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: Snit = sum(Nord .. Syd) / 3 | decimaler 1\ntilføj: nederst\n```\n", csv);
    CHECK(l.messages.find("headed as shares") == std::string::npos);
    CHECK(row_texts(table(l), 3) == std::vector<std::string>{"Snit", "74,3"});
}

TEST_CASE("table calc: shares headed in per cent but written without the sign are held to 100 % when added up") {
    // Regression (headed-share-sum): statistics tables print the sign in the heading, not the
    // cells; "Andel (pct.)" over 30, 40 and 50 summed to a share of 120 without a word.
    const char* const csv = "Region;Forløb;Andel (pct.)\nNord;1.000;30\nMidt;2.000;40\nSyd;3.000;50\n";
    auto l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: Hele landet = sum(Nord .. Syd)\ntilføj: nederst\n```\n", csv);
    CHECK(l.messages.find("error: sum() adds figures in per cent to 120 %, more than 100 %: shares of different wholes") !=
          std::string::npos);
    l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\n```\n\nSamlet {t[Nord; Andel (pct.)] + t[Midt; Andel (pct.)] + "
                "t[Syd; Andel (pct.)]}.\n",
                csv);
    CHECK(l.messages.find("error: the formula adds figures in per cent to 120 %, more than 100 %") != std::string::npos);
    // Growth rates of regions ("Ændring i pct.") added up are no rate of the whole: a warning.
    l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: I alt = sum(Nord .. Syd)\ntilføj: nederst\n```\n",
                "Region;Ændring i pct.\nNord;1,3\nMidt;3,1\nSyd;-1,5\n");
    CHECK(l.messages.find("warning: the cell \"I alt\" / \"Ændring i pct.\" adds figures in per cent to 2,9 %") !=
          std::string::npos);
    // A row labelled in per cent, added up across its columns by a column formula, too.
    l = compute("```tabel\nfil: t.csv\ntitel: T\nkolonne: Hele landet = sum(Nord .. Syd)\n```\n",
                "Nøgletal;Nord;Syd\nForløb;1.000;2.000\nOverholdt (pct.);68;75\n");
    CHECK(l.messages.find("error: sum() adds figures in per cent to 143 %, more than 100 %") != std::string::npos);
    // A distribution passes; counts beside it, percentage points and a table in "pct." are as before.
    l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: I alt = sum(A .. C)\ntilføj: nederst\n```\n",
                "Post;Antal;Andel (pct.)\nA;10;41,7\nB;5;20,0\nC;9;38,3\n");
    CHECK(l.messages == "");
    CHECK(row_texts(table(l), 3) == std::vector<std::string>{"I alt", "24", "100,0"});
    l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: I alt = sum(A .. C)\ntilføj: nederst\n```\n",
                "Post;Ændring (%-point)\nA;60\nB;50\nC;10\n");
    CHECK(l.messages == "");
    // A share the heading speaks of, after a number, is no unit of its figures.
    l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: I alt = sum(A .. C)\ntilføj: nederst\n```\n",
                "Post;Budget (inkl. 25 % moms);Løft på 2 pct.\nA;600;700\nB;500;800\nC;100;900\n");
    CHECK(l.messages == "");
}

TEST_CASE("table calc: a table that prints in mio. kr. says so, and one headed in mio. kr. prints in it") {
    // Regression (enhed-unlabelled): 1.250.000 printed as "1,3" under a title that named no unit.
    auto l = compute("```tabel\nfil: t.csv\ntitel: Udgifter\nenhed: mio. kr.\n```\n", "Post;2023\nDrift;1.250.000\n");
    CHECK(l.messages.find("warning: the table \"Udgifter\" prints its figures in mio. kr., but neither its title, its "
                          "headings nor its notes say so") != std::string::npos);
    l = compute("```tabel\nfil: t.csv\ntitel: Udgifter (mio. kr.)\ntalenhed: kr.\nenhed: mio. kr.\n```\n", "Post;2023\nDrift;1.250.000\n");
    CHECK(l.messages == "");
    l = compute("```tabel\nfil: t.csv\ntitel: Udgifter\ntalenhed: mio. kr.\n```\n", "Post;2023 (mio.kr.)\nDrift;1,25\n");
    CHECK(l.messages == "");
    // Written in millions under a heading that says so, it reads right; converted to kr. it needs
    // "talenhed" (regression heading-unit: "(mio)" was not seen, and 2 printed as "2 kr.").
    l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: Udgifter\n```\n\nTal: {t[Drift; 2023 (mio)] | kr.}.\n",
                "Post;2023 (mio)\nDrift;2\n");
    CHECK(l.messages.find("error: the column \"2023 (mio)\" of the table \"t\" is headed in mio. kr., but the table's "
                          "figures are in kr.") != std::string::npos);
}

TEST_CASE("table calc: a column of figures each with a footnote or unit that makes it text is a warning where a sum passes it") {
    // Regression (decorated-column): a column of "10 a)", "11 1)", "12 b)" (or "2,5 ‰", "1.250,-")
    // held no number, so "I alt = sum(Nord .. Syd)" left its cell empty without a word. ("12,5¹"
    // is a figure with a footnote mark now: the next test.)
    const char* const block = "```tabel\nfil: t.csv\ntitel: T\nrække: I alt = sum(Nord .. Syd)\ntilføj: nederst\n```\n";
    auto l = compute(block, "Region;Antal;2023;Note;Dato;Periode\nNord;5;10 a);Se note;28-09-2023;2023K1\n"
                            "Midt;6;11 1);Ny;01-10-2023;2023K2\nSyd;7;12 b);;02-10-2023;1. kvt. 2023\n");
    CHECK(l.messages.find("m/01-a/t.csv:2:8: warning: the column \"2023\" holds no number the row formula \"I alt = "
                          "sum(Nord .. Syd)\" can read, so it leaves the row's cell there empty; \"10 a)\" is a figure "
                          "with something after it") == 0);
    // Words, dates and periods are no figures: one warning, for "2023".
    CHECK(l.messages.find("warning") == l.messages.rfind("warning"));
    CHECK(row_texts(table(l), 3) == std::vector<std::string>{"I alt", "18", "", "", "", ""});
    for (const char* cell : {"2,5 ‰", "1.250,-", "-3 mdr."}) {
        l = compute(block, std::string("Region;Antal;Tal\nNord;5;") + cell + "\nSyd;7;" + cell + "\n");
        CHECK_MESSAGE(l.messages.find("warning: the column \"Tal\" holds no number") != std::string::npos, cell);
    }
    // Left out of the formula, nothing to say.
    l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: I alt = sum(Nord .. Syd) | kolonner Antal .. Antal\n"
                "tilføj: nederst\n```\n",
                "Region;Antal;2023\nNord;5;10 a)\nSyd;7;12 b)\n");
    CHECK(l.messages == "");
}

TEST_CASE("table calc: a superscript digit or a dagger after a figure is a footnote mark, as \"*\" is") {
    // Published tables mark figures "12,5¹", "10†"; such a cell was text, an error where a
    // formula summed it. The mark is printed as written, right after the figure, and kept on a
    // computed figure whose published one has it.
    const auto l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\nrække: I alt = sum(A .. D)\nnote: ¹ Foreløbigt.\n```\n\n"
                           "A er {t[A; V]}.\n",
                           "Post;V\nA;12,5¹\nB;10 †\nC;3 *\nD;1⁴²\nI alt;26,5²\n");
    REQUIRE(l.meeting);
    CHECK(l.messages == "");
    const model::Table& t = table(l);
    CHECK(t.rows[0].cells[1].kind == model::Cell::Kind::Number);
    CHECK(t.rows[0].cells[1].text == "12,5¹");
    CHECK(t.rows[1].cells[1].text == "10†");
    CHECK(t.rows[2].cells[1].text == "3 *");
    CHECK(t.rows[3].cells[1].text == "1⁴²");
    CHECK(row_texts(t, 4) == std::vector<std::string>{"I alt", "26,5²"});
    CHECK(figure_text(l).find("A er 12,5¹.") != std::string::npos);
    // A computed figure other than the published one keeps its mark too.
    const auto off = compute("```tabel\nfil: t.csv\ntitel: T\nrække: I alt = sum(A .. B)\n```\n", "Post;V\nA;12,5¹\nB;10\nI alt;23²\n");
    CHECK(row_texts(table(off), 2) == std::vector<std::string>{"I alt", "22,5²"});
    CHECK(off.messages.find("warning: the published figure 23² for \"I alt\" / \"V\" differs from the computed 22,5") !=
          std::string::npos);
}

TEST_CASE("footnote marks: read apart from the figure, in order, and printed as a table prints them") {
    std::string marks;
    CHECK(calc::without_footnote_marks(" 12,5¹ ", &marks) == "12,5");
    CHECK(marks == "¹");
    CHECK(calc::without_footnote_marks("3.000 **", &marks) == "3.000");
    CHECK(marks == "**");
    CHECK(calc::without_footnote_marks("7 * †‡", &marks) == "7");
    CHECK(marks == "*†‡");
    CHECK(calc::without_footnote_marks("⁰⁴⁵⁶⁷⁸⁹", &marks).empty());
    CHECK(marks == "⁰⁴⁵⁶⁷⁸⁹");
    CHECK(calc::without_footnote_marks("120 m2", &marks) == "120 m2");  // a digit is no mark
    CHECK(marks.empty());
    CHECK(calc::without_footnote_marks("¹1", &marks) == "¹1");  // only after the figure
    CHECK(calc::without_footnote_marks("\xC2", &marks) == "\xC2");  // a cut sequence is no mark
    CHECK(calc::with_footnote_marks("3.000", "**") == "3.000 **");
    CHECK(calc::with_footnote_marks("12,5", "¹") == "12,5¹");
    CHECK(calc::with_footnote_marks("12,5", "") == "12,5");
}

TEST_CASE("table calc: a row formula in a table without a column of numbers says so, not that it was not computed yet") {
    // Regression (msg-not-computed-yet): a CSV with only its header row.
    const auto l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: Resultat = sum(Kontingent .. Husleje)\n"
                           "kolonne: Ændring = [Budget 2025] - [Budget 2024]\n```\n",
                           "Post;Budget 2024;Budget 2025\n");
    CHECK(l.messages.find("error: the row formula \"Resultat\" computes no figure: the table has no column of numbers (its "
                          "CSV has no rows below the header)") != std::string::npos);
}

TEST_CASE("table calc: a tolerance is in the units shown, millions in a table shown in mio. kr.") {
    // Regression (tolunit): "tolerance 0,1" refused a difference of 40.001 kr. that prints as the same 3,7.
    const std::string csv = "Post;2023\nA;1.000.000\nB;2.699.999\nI alt;3.740.000\n";
    auto l = compute("```tabel\nfil: t.csv\ntitel: T (mio. kr.)\ntalenhed: kr.\nenhed: mio. kr.\nrække: I alt = sum(A .. B) | tolerance 0,1\n```\n",
                     csv);
    CHECK(l.messages == "");
    CHECK(row_texts(table(l), 2) == std::vector<std::string>{"I alt", "3,7"});
    // Beyond it: the warning says both in their units, and the packet's note has one full stop after "kr.".
    l = compute("```tabel\nfil: t.csv\ntitel: T (mio. kr.)\ntalenhed: kr.\nenhed: mio. kr.\nrække: I alt = sum(A .. B) | tolerance 0,01\n```\n",
                csv);
    CHECK(l.messages.find("by 40.001 kr., more than the tolerance 0,01 mio. kr.") != std::string::npos);
    const std::string& note = table(l).source.empty() ? table(l).notes.back() : table(l).source;
    CHECK(note.find("kr..") == std::string::npos);
    CHECK(note.find("3.699.999 kr.") != std::string::npos);
}

namespace {

const std::pair<std::string, std::string> kRaise{"t.csv", "Post;Løn;Stigning\nA;400.000;3 %\n"};

// The table's and the text's messages for a table of pay and raises in per cent.
Loaded raise_table(const std::string& formulas, const std::string& text = "Tekst.") {
    return compute_files("```tabel\nfil: t.csv\nnavn: t\ntitel: Løn\n" + formulas + "```\n\n" + text + "\n", {kRaise});
}

}  // namespace

TEST_CASE("per cent: an amount times a figure in per cent is an error until divided by 100") {
    // Regression: "3 %" is 3 in a formula, so the pay times it was a hundred times the raise
    // (1.200.000 for 12.000), and (1 + 3 %) four times the pay.
    for (const char* formula : {"kolonne: X = [Løn] * [Stigning]\n", "kolonne: X = [Løn] * (1 + [Stigning])\n",
                                "kolonne: X = [Løn] / [Stigning]\n", "kolonne: X = [Løn] * [Stigning] + [Løn]\n"}) {
        INFO(formula);
        const auto l = raise_table(formula);
        CHECK(l.messages.find("error: the formula ") != std::string::npos);
        CHECK(l.messages.find("per cent") != std::string::npos);
    }
    const auto text = raise_table("", "{t[A; Løn] * t[A; Stigning] | kr.}");
    CHECK(text.messages.find("multiplies an amount by a figure in per cent and does not divide by 100") != std::string::npos);
    // Divided (or multiplied) by 100 in any of the ways one writes it, the figure is the share.
    const auto ok = raise_table("kolonne: Tillæg = [Løn] * [Stigning] / 100\nkolonne: Ny = [Løn] * (1 + [Stigning] / 100)\n"
                                "kolonne: Igen = [Tillæg] / [Stigning] * 100\n",
                                "{t[A; Løn] * t[A; Stigning] / 100 | kr.}");
    REQUIRE(ok.meeting);
    CHECK(ok.messages == "");
    CHECK(row_texts(ok.meeting->items[0].tables[0], 0) == std::vector<std::string>{"A", "400.000", "3 %", "12.000", "412.000", "400.000"});
    CHECK(figure_text(ok).find("12.000 kr.") != std::string::npos);
}

TEST_CASE("per cent: a share added to, or compared with, an amount is an error") {
    const std::pair<std::string, std::string> years{"t.csv", "Post;2023;2024\nLøn;1.000.000;1.040.000\n"};
    for (const char* formula : {"kolonne: X = [2024] + 5 %\n", "kolonne: X = status([2024]; 5 %; lavere)\n",
                                "kolonne: X = loft([2024]; 5 %)\n", "kolonne: X = max([2024]; 3 pct.)\n",
                                "kolonne: X = udvikling([2023]; [2024]; lavere; 5 %)\n"}) {
        INFO(formula);
        const auto l = compute_files("```tabel\nfil: t.csv\nnavn: t\ntitel: Løn\ntalenhed: kr.\n" + std::string(formula) + "```\n",
                                     {years});
        CHECK(l.messages.find("error: ") != std::string::npos);
        CHECK(l.messages.find("per cent") != std::string::npos);
    }
    // Shares with shares are fine.
    const auto shares = compute_files("```tabel\nfil: t.csv\nnavn: t\ntitel: Andele\n"
                                      "kolonne: S = status([2024]; 75 %; højere)\nkolonne: U = udvikling([2023]; [2024]; højere; 2 %)\n```\n",
                                      {{"t.csv", "Post;2023;2024\nAndel;70 %;80 %\n"}});
    CHECK(shares.messages == "");
    // The band's message names the figures' unit only where it is known: figures of a table that
    // does not say they are amounts may be counts (a probe's "in kr." over 68 and 72).
    const auto amounts = compute_files("```tabel\nfil: t.csv\nnavn: t\ntitel: Løn\ntalenhed: kr.\n"
                                       "kolonne: X = udvikling([2023]; [2024]; lavere; 5 %)\n```\n",
                                       {years});
    CHECK(amounts.messages.find("the band for \"uændret\" is in per cent, the figures it judges in kr.;") != std::string::npos);
    const auto plain = compute_files("```tabel\nfil: t.csv\nnavn: t\ntitel: Tal\nkolonne: X = udvikling([2023]; [2024]; lavere; 5 %)\n```\n",
                                     {{"t.csv", "Post;2023;2024\nA;68;72\n"}});
    CHECK(plain.messages.find("error: the band for \"uændret\" is in per cent, but the figures it judges are no shares; "
                              "write it as a number in their unit") != std::string::npos);
}

TEST_CASE("units: a number without a unit beside a cell of a table shown in another unit is an error anywhere") {
    // Regression: the band of udvikling() and numbers in the text or a beregning beside such a
    // cell were taken in kroner, where the reader of the table sees millions.
    const std::pair<std::string, std::string> years{"t.csv", "Post;2023;2024\nDrift;11.500.000;11.800.000\n"};
    const std::string table = "```tabel\nfil: t.csv\nnavn: t\ntitel: Drift (mio. kr.)\ntalenhed: kr.\nenhed: mio. kr.\n";
    const auto band = compute_files(table + "kolonne: Udv = udvikling([2023]; [2024]; højere; 0,5)\n```\n", {years});
    CHECK(band.messages.find("error: the table shows its figures in mio. kr., but they are written in kr.") != std::string::npos);
    const auto text = compute_files(table + "```\n\n{t[Drift; 2024] - 1 | mio. kr.}\n", {years});
    CHECK(text.messages.find("error: the table shows its figures in mio. kr., but they are written in kr.") != std::string::npos);
    const auto calc = compute_files(table + "```\n\n```beregning\nnavn: b\nværdi: ok = status(t[Drift; 2024]; 12; højere)\n```\n", {years});
    CHECK_MESSAGE(calc.messages.find("error: the table shows its figures in mio. kr., but they are written in kr.") != std::string::npos, calc.messages);
    // With the unit written, each is what it says.
    const auto written = compute_files(table + "kolonne: Udv = udvikling([2023]; [2024]; højere; 0,5 mio. kr.)\n```\n\n"
                                               "{t[Drift; 2024] - 1 mio. kr. | mio. kr.}\n",
                                       {years});
    CHECK(written.messages == "");
    REQUIRE(written.meeting);
    CHECK(row_texts(written.meeting->items[0].tables[0], 0).back() == "uændret");
    CHECK(figure_text(written).find("10,8 mio. kr.") != std::string::npos);
}

TEST_CASE("figures: a table in thousands of kroner is declared with talenhed: t. kr. and converts exactly") {
    // Regression (repro-13): "Regionernes udgifter 2024, 1.000 kr." was read as kroner, and
    // {t[Sundhed; 2024] | mio. kr.} over 125.000 printed "0,1 mio. kr." with no message.
    const char* csv = "Post;2024\nSundhed;125.000\n";
    for (const char* title : {"Regionernes udgifter 2024, 1.000 kr.", "Regionernes udgifter 2024 (kr. 1.000)",
                              "Regionernes udgifter 2024 (DKK 1.000)", "Budget 2024 (1.000 kr.)"}) {
        const auto l = compute(std::string("```tabel\nfil: t.csv\nnavn: t\ntitel: ") + title + "\n```\n\n"
                                   "Sundhed: {t[Sundhed; 2024] | mio. kr.}.\n",
                               csv);
        INFO(title);
        CHECK(l.messages.find("error: the table \"t\" names t. kr. in its title, but without \"talenhed:\" its figures are "
                              "read as kr.; add \"talenhed: t. kr.\" to the table") != std::string::npos);
    }
    // Regression (probe39): the unit in the labels' column heading or in a row of units, as
    // spreadsheets export it, was not read: {t[I alt; 2024] | kr.} printed "1.650 kr." for 1.650
    // mio. kr.
    for (const auto& file_where : std::vector<std::pair<std::string, std::string>>{
             {"Mio. kr.;2024\nLøn;1.100\nDrift;550\n", "in the heading of its first column \"Mio. kr.\""},
             {"Post;2024\nEnhed;mio. kr.\nLøn;1.100\nDrift;550\n", "in its row \"Enhed\""},
             {"Post;2024\n;(mio. kr.)\nLøn;1.100\nDrift;550\n", "in its row \"(mio. kr.)\""},
             {"Post;2024\nBeløb i;1.000 kr.\nLøn;1.100\nDrift;550\n", "in its row \"Beløb i\""},
             {"Post;2024\nLøn;1.100\nDrift;550\nAnm.: Beløb i mio. kr.;\n", "in its row \"Anm.: Beløb i mio. kr.\""}}) {
        const std::string& file = file_where.first;
        const std::string& where = file_where.second;
        const auto l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: Budget\n```\n\nLøn: {t[Løn; 2024] | kr.}.\n", file);
        INFO(file);
        CHECK(l.messages.find("error: the table \"t\" names ") != std::string::npos);
        CHECK(l.messages.find(where + ", but without \"talenhed:\" its figures are read as kr.") != std::string::npos);
    }
    // A row of figures in kroner is no row of units.
    CHECK(compute("```tabel\nfil: t.csv\nnavn: t\ntitel: Budget\n```\n\nLøn: {t[Løn; 2024] | kr.}.\n",
                  "Post;2024\nLøn;1.000 kr.\nDrift;550 kr.\n").messages == "");
    // Regression (repro-14): the advice "talenhed: t. kr." was refused as an unknown unit.
    for (const char* unit : {"t. kr.", "tkr.", "t.kr.", "1.000 kr."}) {
        const auto l = compute(std::string("```tabel\nfil: t.csv\nnavn: t\ntitel: Budget 2024 (1.000 kr.)\ntalenhed: ") + unit +
                                   "\n```\n\nSundhed: {t[Sundhed; 2024] | mio. kr.}, {t[Sundhed; 2024] | kr.}, "
                                   "{t[Sundhed; 2024] | t. kr.} og {t[Sundhed; 2024]} t. kr.\n",
                               csv);
        INFO(unit);
        CHECK(l.messages == "");
        CHECK(table(l).figures_unit == "t. kr.");
        CHECK(figure_text(l).find("Sundhed: 125,0 mio. kr., 125.000.000 kr., 125.000 t. kr. og 125.000 t. kr.") != std::string::npos);
    }
    // A cell written with its unit, in a table in t. kr.; one in kr. there is an error at the cell.
    const std::string block = "```tabel\nfil: t.csv\nnavn: t\ntitel: Budget (t. kr.)\ntalenhed: t. kr.\n```\n\n{t[A; 2024] | kr.}\n";
    auto l = compute(block, "Post;2024\nA;12,5 tkr.\nB;3.000 kr.\n");
    CHECK(l.messages.find("error: \"3.000 kr.\" is in kr. but the table's figures are in t. kr.") != std::string::npos);
    l = compute(block, "Post;2024\nA;12,5 tkr.\nB;3.000\n");
    CHECK(l.messages == "");
    REQUIRE(!table(l).rows.empty());
    CHECK(row_texts(table(l), 0)[1] == "12,5 t. kr.");
    CHECK(figure_text(l).find("12.500 kr.") != std::string::npos);
}

TEST_CASE("table calc: a formula quoting a table in t. kr. converts it exactly") {
    const auto l = compute_files("```tabel\nfil: t.csv\nnavn: t\ntitel: Budget (1.000 kr.)\ntalenhed: t. kr.\n```\n\n"
                                 "```tabel\nfil: u.csv\nnavn: u\ntitel: I mio. kr.\ntalenhed: mio. kr.\n"
                                 "række: Sundhed = t[Sundhed; 2024]\nrække: I alt = [Drift] + [Sundhed]\n```\n\n"
                                 "```tabel\nfil: k.csv\nnavn: k\ntitel: I kr\nrække: Sundhed = t[Sundhed; 2024] + 500 t. kr.\n"
                                 "tilføj: nederst\n```\n",
                                 {{"t.csv", "Post;2024\nSundhed;125.500\n"},
                                  {"u.csv", "Post;2024\nDrift;1,5\nSundhed;\nI alt;\n"},
                                  {"k.csv", "Post;2024\nLøn;100\n"}});
    REQUIRE(l.meeting);
    CHECK(l.messages == "");
    const auto& tables = l.meeting->items[0].tables;
    CHECK(row_texts(tables.at(1), 1) == std::vector<std::string>{"Sundhed", "125,5"});
    CHECK(row_texts(tables.at(1), 2) == std::vector<std::string>{"I alt", "127,0"});
    CHECK(row_texts(tables.at(2), 1) == std::vector<std::string>{"Sundhed", "126.000.000"});
}

TEST_CASE("table calc: enhed shows kroner in t. kr. or mia. kr. as it does in mio. kr.") {
    auto l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: Budget (t. kr.)\ntalenhed: kr.\nenhed: tkr.\n```\n\n"
                     "{t[Sundhed; 2024]} t. kr. er {t[Sundhed; 2024] | mio. kr.}\n",
                     "Post;2024\nSundhed;125.000.000\nGebyr;40\n");
    CHECK(table(l).unit == "t. kr.");
    CHECK(row_texts(table(l), 0)[1] == "125.000,0");
    CHECK(l.messages.find("warning: the amount 40 kr. for \"Gebyr\" / \"2024\" prints as \"0,0\" in this table in t. kr.") !=
          std::string::npos);
    CHECK(figure_text(l).find("125.000,0 t. kr. er 125,0 mio. kr.") != std::string::npos);
    l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: Budget (mia. kr.)\ntalenhed: kr.\nenhed: mia. kr.\n```\n",
                "Post;2024\nSundhed;2.500.000.000\n");
    CHECK(l.messages == "");
    CHECK(row_texts(table(l), 0)[1] == "2,5");
    l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: Budget\nenhed: pct.\n```\n", "Post;2024\nSundhed;1\n");
    CHECK(l.messages.find("unknown unit \"pct.\"; use \"kr.\", \"t. kr.\", \"mio. kr.\" or \"mia. kr.\"") != std::string::npos);
}

TEST_CASE("table calc: in a table shown in another unit, a formula's decimals are its cells', and a cell it prints as 0 is warned at it") {
    // A probe: "I alt = sum(Nord .. Syd) | decimaler 3" in a table shown in mio. kr. printed
    // 3,512 as "3,5", the option dropped without a word; and the warning that an amount prints
    // as 0,0 stood at the table's fence, not at the formula that computed it.
    auto l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: Udgifter (mio. kr.)\ntalenhed: kr.\nenhed: mio. kr.\n"
                     "række: I alt = sum(Nord .. Syd) | decimaler 3\n```\n\nI alt {t[I alt; Udgift]} mio. kr.\n",
                     "Region;Udgift\nNord;1.512.345\nSyd;2.000.000\n");
    CHECK(row_texts(table(l), 0)[1] == "1,5");  // read, the table's own decimal
    CHECK(row_texts(table(l), 2)[1] == "3,512");
    CHECK(figure_text(l).find("I alt 3,512 mio. kr.") != std::string::npos);
    l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: Udgifter (mio. kr.)\ntalenhed: kr.\nenhed: mio. kr.\n\n"
                "kolonne: Ændring = [2024] - [2023]\n```\n",
                "Post;2023;2024\nDrift;1.000.000;960.000\n");
    CHECK(l.messages.find("m/01-a/item.md:17:20: warning: the amount -40.000 kr. for \"Drift\" / \"Ændring\" prints as "
                          "\"0,0\"") == 0);
}

TEST_CASE("table calc: a table that names an amount unit and converts its figures by enhed must say what they are written in") {
    // Regression (repro-6): "(mio. kr.)" with "enhed: mio. kr." over 125.000 printed 0,13 with no
    // message (with "decimaler: 2" not even the "prints as zero" warning): the figures may be
    // kroner shown in millions, or already millions that enhed divides again.
    const char* csv = "Post;2024\nSundhed;125.000\nUdvikling;25.500\n";
    const std::string said = "error: the table \"Regionernes budget 2024 (mio. kr.)\" names mio. kr. in its title and shows its "
                             "figures in mio. kr. (\"enhed: mio. kr.\"), but does not say which unit they are written in; add "
                             "\"talenhed: kr.\" if they are written in kr., or, if they are written in mio. kr., write "
                             "\"talenhed: mio. kr.\" instead of \"enhed\"\n";
    auto l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: Regionernes budget 2024 (mio. kr.)\nenhed: mio. kr.\ndecimaler: 2\n"
                     "række: I alt = sum(Sundhed .. Udvikling)\ntilføj: nederst\n```\n\nSundhed {t[Sundhed; 2024]} mio. kr.\n",
                     csv);
    CHECK(l.messages.find("m/01-a/item.md:") == 0);
    CHECK(l.messages.find(": " + said) != std::string::npos);
    // Declared either way, it is what the writer says.
    l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: Regionernes budget 2024 (mio. kr.)\ntalenhed: mio. kr.\n```\n\n"
                "Sundhed {t[Sundhed; 2024] | mio. kr.}\n",
                csv);
    CHECK(l.messages == "");
    CHECK(figure_text(l).find("Sundhed 125.000 mio. kr.") != std::string::npos);
    l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: Regionernes budget 2024 (mio. kr.)\ntalenhed: kr.\nenhed: mio. kr.\n```\n",
                csv);
    CHECK(l.messages.find("error") == std::string::npos);
    // A heading or a note naming another unit is as ambiguous.
    l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: Budget\nnote: Beløb i 1.000 kr.\nenhed: mio. kr.\n```\n", csv);
    CHECK(l.messages.find("names t. kr. in its note \"Beløb i 1.000 kr.\" and shows its figures in mio. kr.") != std::string::npos);
}


TEST_CASE("table calc: a range over group totals that come first offers the sum of the rows alone") {
    // A probe of a budget whose group totals stand above their rows: the error read "Regional
    // udvikling i alt" as a total of the rows above it and offered "[Sundhed i alt] + [Somatik] +
    // [Psykiatri] + ...", which, written, counts health twice without a word.
    const auto l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: Budget 2025 (mio. kr.)\ntalenhed: mio. kr.\n"
                           "række: Drift i alt = sum(Sundhed i alt .. Uddannelse)\n```\n",
                           "Post;2025\nSundhed i alt;1.200,8\nSomatik;1.000,4\nPsykiatri;200,4\nRegional udvikling i alt;60,6\n"
                           "Kollektiv trafik;50,3\nUddannelse;10,3\nDrift i alt;\n");
    CHECK(l.messages.find("error: the range \"Sundhed i alt\" .. \"Uddannelse\" holds \"Sundhed i alt\", which comes first "
                          "and reads as a total of the rows below it such as \"Somatik\", so they would be counted twice; "
                          "sum the rows or the total, not both: name them one by one, as \"[Somatik] + [Psykiatri] + "
                          "[Kollektiv trafik] + [Uddannelse]\"") != std::string::npos);
    CHECK(l.messages.find("[Sundhed i alt] +") == std::string::npos);
}

TEST_CASE("table calc: a table's label keys are made again when a label changes, and find alike with and without them") {
    model::Table t;
    t.header = {"Post", "Budget 2023", "budget 2024:", "I ALT*"};
    for (const char* label : {"Løn", "Drift", "", "Løn i alt", "Drift"}) {
        model::TableRow row;
        row.cells.resize(t.header.size());
        row.cells[0].text = label;
        t.rows.push_back(row);
    }
    t.rows.push_back(model::TableRow{});  // a row without cells: no label
    calc::LabelKeys keys;
    CHECK(keys.columns(t) == std::vector<std::string>{"post", "budget 2023", "budget 2024", "i alt"});
    CHECK(keys.rows(t) == std::vector<std::string>{"løn", "drift", "", "løn i alt", "drift", ""});
    for (const char* label : {"budget 2024", "BUDGET 2023", "i alt", "Post", "Budget", "x"}) {
        CAPTURE(label);
        CHECK(calc::find_column(t, keys.columns(t), label) == calc::find_column(t, label));
    }
    std::string ambiguous;
    CHECK(calc::find_row(t, keys.rows(t), "LØN") == std::optional<size_t>(0));
    CHECK(calc::find_row(t, keys.rows(t), "Drift", &ambiguous) == std::nullopt);  // twice
    CHECK(ambiguous.find("could mean 2 rows") != std::string::npos);
    CHECK(calc::find_row(t, keys.rows(t), "Løn i alt:") == std::optional<size_t>(3));
    // A label changed in place, the count the same: its key follows.
    t.header[2] = "Budget 2025";
    t.rows[1].cells[0].text = "Husleje";
    CHECK(keys.columns(t)[2] == "budget 2025");
    CHECK(calc::find_column(t, keys.columns(t), "budget 2024") == std::nullopt);
    CHECK(calc::find_column(t, keys.columns(t), "budget 2025") == std::optional<size_t>(2));
    CHECK(keys.rows(t)[1] == "husleje");
    CHECK(calc::find_row(t, keys.rows(t), "Drift") == std::optional<size_t>(4));
    // A row or column added.
    t.header.push_back("Ny");
    model::TableRow added;
    added.cells.resize(1);
    added.cells[0].text = "Ny række";
    t.rows.push_back(added);
    CHECK(calc::find_column(t, keys.columns(t), "ny") == std::optional<size_t>(4));
    CHECK(calc::find_row(t, keys.rows(t), "ny række") == std::optional<size_t>(6));
}

TEST_CASE("labels are found by the key folded on the stack exactly when their label_key is the same, short or long") {
    // find_column and find_row fold the label looked up on the stack (or on the heap past 85
    // bytes); the headings' and rows' keys are label_key's. Labels that differ only in case,
    // spacing, a trailing ":" or "*", or in what they are written with (NFC "Ø" or "O" and a
    // combining stroke, a no-break space), each compared with each, at lengths on both sides of
    // the stack's room.
    std::vector<std::string> labels;
    for (const std::string& stem : {std::string("Løn"), std::string(84, 'x'), std::string(85, 'x'), std::string(86, 'x'),
                                    std::string(120, 'y')})
        for (const std::string& spelled :
             {stem, stem + ":", stem + " *", stem + ":*", "  " + stem + "\t", stem + " i alt", stem + "  i\xC2\xA0" "ALT",
              stem + " \xC3\x98", stem + " O\xCC\xB8", stem + " \xC3\xB8:", stem + "\xE2\x80\x8B", stem + "\xFF"}) {
            labels.push_back(spelled);
            std::string upper = spelled;
            for (char& c : upper)
                if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
            labels.push_back(upper);
        }
    for (const std::string& heading : labels) {
        model::Table t;
        t.header = {"Post", heading};
        t.rows.resize(1);
        t.rows[0].cells.resize(2);
        t.rows[0].cells[0].text = heading;
        const std::vector<std::string> column_keys = {calc::label_key("Post"), calc::label_key(heading)};
        const std::vector<std::string> row_keys = {calc::label_key(heading)};
        for (const std::string& label : labels) {
            const bool same = calc::label_key(label) == calc::label_key(heading);
            INFO(boardpack::escape_for_messages(heading), " / ", boardpack::escape_for_messages(label));
            CHECK(calc::find_column(t, label) == (same ? std::optional<size_t>(1) : std::nullopt));
            CHECK(calc::find_column(t, column_keys, label) == (same ? std::optional<size_t>(1) : std::nullopt));
            CHECK(calc::find_row(t, row_keys, label) == (same ? std::optional<size_t>(0) : std::nullopt));
            CHECK(calc::find_row(t, label) == (same ? std::optional<size_t>(0) : std::nullopt));
        }
    }
}

TEST_CASE("table calc: a total typed in the CSV that is not the sum of its rows is a warning at it") {
    // Regression (probe41): "I alt;1.050.000;1.060.000" under rows adding up to 1.030.000 was
    // printed in bold as their total, and "stiger med 10.000 kr." quoted from it, without a word.
    const char* const body = "```tabel\nfil: t.csv\nnavn: u\ntitel: Budget (kr.)\n```\n";
    auto l = compute(body, "Post;Regnskab 2023;Budget 2024\nLøn;800.000;810.000\nHusleje;150.000;120.000\n"
                           "Drift;100.000;100.000\nI alt;1.050.000;1.060.000\n");
    CHECK(l.messages.find("m/01-a/t.csv:5:7: warning: the total \"I alt\" / \"Regnskab 2023\" is typed as 1.050.000, but "
                          "the rows it totals, \"Løn\" .. \"Drift\", add up to 1.050.000") == std::string::npos);
    CHECK(l.messages.find("m/01-a/t.csv:5:17: warning: the total \"I alt\" / \"Budget 2024\" is typed as 1.060.000, but "
                          "the rows it totals, \"Løn\" .. \"Drift\", add up to 1.030.000: the packet reads it as their "
                          "total; correct the figure, or compute it (\"række: I alt = sum(Løn .. Drift)\") so it follows "
                          "them, or name the rows the table's totals are (\"total:\", \"total: ingen\")") !=
          std::string::npos);
    // Subtotals and the grand total after them; parts ("Heraf"), a dash for nothing, a "total:"
    // row, and the whole first ("Hele landet" over the regions): all adding up, nothing said.
    for (const char* csv :
         {"Post;2024\nLøn;800\nHusleje;150\nI alt drift;950\nAnlæg A;100\nAnlæg B;50\nI alt anlæg;150\nI alt;1.100\n",
          "Post;2024\nLøn;800\nHeraf ledere;100\nHusleje;-\nDrift;150\nI alt;950\n",
          "Region;2024\nHele landet;300\nNord;100\nSyd;200\n",
          "Post;2024\nLøn;800\n  Overtid;50\nDrift;150\nSamlet;950\n"}) {
        l = compute(body, csv);
        CHECK_MESSAGE(l.messages.find("is typed as") == std::string::npos, csv);
    }
    l = compute(body, "Post;2024\nLøn;812\nHusleje;138\nI alt drift;950\nAnlæg A;103\nAnlæg B;47\nI alt anlæg;160\nI alt;1.090\n");
    CHECK(l.messages.find("the total \"I alt anlæg\" / \"2024\" is typed as 160, but the rows it totals, \"Anlæg A\" .. "
                          "\"Anlæg B\", add up to 150") != std::string::npos);
    CHECK(l.messages.find("the total \"I alt\" / \"2024\" is typed as 1.090, but the rows it totals, \"I alt drift\" .. "
                          "\"I alt anlæg\", add up to 1.110") != std::string::npos);
    CHECK(l.messages.find("or compute it with a \"række:\" formula") != std::string::npos);  // no range names them alone
    l = compute(body, "Region;2024;2025\nHele landet;310;400\nNord;103;153\nSyd;197;247\n");
    CHECK(l.messages.find("the total \"Hele landet\" / \"2024\" is typed as 310, but the rows it totals, \"Nord\" .. "
                          "\"Syd\", add up to 300") != std::string::npos);
    CHECK(l.messages.find("(and in 1 other column)") == std::string::npos);
    // Real layouts a probe met (probe41b): a result row between two groups; a grand total first
    // and each group led by its subtotal; group rows holding their parts' sum; income typed
    // without its minus under a net total; a table of measures with a "Samlet ..." share; shares,
    // growth and absence under headings that say so; "total: ingen".
    for (const char* csv :
         {"Mio. kr.;Budget 2024\nIndtægter;-300,0\nUdgifter;290,0\nResultat før finansiering;-10,0\nRenteindtægter;-5,0\n"
          "Renteudgifter;2,0\nFinansiering i alt;-3,0\nResultat;-13,0\n",
          "Område;Budget 2024\nI alt;1.000,0\nSomatik i alt;700,0\nHospital A;400,0\nHospital B;300,0\nPsykiatri i alt;300,0\n"
          "Psykiatri Nord;120,0\nPsykiatri Syd;180,0\n",
          "Område;2023\nRegion Nord;2.000\nAalborg;1.200\nHjørring;800\nRegion Syd;4.000\nOdense;3.000\nEsbjerg;1.000\n"
          "Hele landet;6.000\n",
          "Post;2024\nUdgifter;1.500,0\nIndtægter;60,0\nNettoudgifter i alt;1.440,0\n",
          "Nøgletal;2022;2023\nHenvisninger;1.000;1.100\nUdredte patienter;800;900\nSamlet tilfredshed (pct.);85;87\n",
          "Region;Andel\nNord;40\nMidt;35\nSyd;30\nHele landet;36\n", "Region;Realvækst\nNord;4\nMidt;3\nSyd;3\nHele landet;3\n",
          "Region;Sygefravær\nNord;4,1\nMidt;3,5\nSyd;3,2\nHele landet;3,6\n"}) {
        l = compute(body, csv);
        CHECK_MESSAGE(l.messages.find("is typed as") == std::string::npos, csv);
    }
    // Probe41c: a grand total over a subtotal and loose rows after it; "Alder" heading age groups;
    // income typed as the first of the rows (no formula suggested that would add it).
    for (const char* csv :
         {"Mio. kr.;2024\nSomatik;21.345,6\nPsykiatri;2.987,4\nSundhed i alt;24.333,0\nSocial;212,3\nRegional udvikling;891,2\n"
          "Drift i alt;25.436,5\n",
          "Alder;2024\n0-5 år;3.412\n6-16 år;7.120\n17-64 år;30.455\nI alt;40.987\n",
          "Kr.;Budget 2024\nIndtægter i alt;2.470\nLøn;60\nDrift;40\nUdgifter i alt;100\nResultat;2.370\n",
          "Mio. kr.;Budget 2024\nLøn;200,0\nDrift;100,0\nUdgifter i alt;300,0\nKontingent;-280,0\nDriftsresultat;20,0\n"
          "Kapitalindtægter;-9,0\nKapitaludgifter;2,0\nKapitalposter i alt;-7,0\nResultat;13,0\n",
          "Region;Antal dage til operation\nNord;40\nMidt;35\nSyd;30\nHele landet;36\n"}) {
        l = compute(body, csv);
        CHECK_MESSAGE(l.messages.find("is typed as") == std::string::npos, csv);
    }
    // Round figures are exact as often as rounded (probe41c: 1.000.000 + 2.000.000 typed as 4.000.000
    // passed as rounded to millions); a result line under its subtotals; "Alder" heading age groups.
    l = compute(body, "Post;2024\nLøn;1.000.000\nDrift;2.000.000\nI alt;4.000.000\n");
    CHECK(l.messages.find("is typed as 4.000.000, but the rows it totals, \"Løn\" .. \"Drift\", add up to 3.000.000") !=
          std::string::npos);
    l = compute(body, "Kr.;Budget 2024\nKontingent;-150.000\nØvrige indtægter;-20.000\nIndtægter i alt;-170.000\nLøn;120.000\n"
                      "Drift;40.000\nUdgifter i alt;160.000\nDriftsresultat;-15.000\n");
    CHECK(l.messages.find("the total \"Driftsresultat\" / \"Budget 2024\" is typed as -15.000, but the rows it totals, "
                          "\"Indtægter i alt\" .. \"Udgifter i alt\", add up to -10.000") != std::string::npos);
    l = compute(body, "Alder;2024\n0-5 år;3.412\n6-16 år;7.120\n17-64 år;30.455\nI alt;60.000\n");
    CHECK(l.messages.find("the total \"I alt\" / \"2024\" is typed as 60.000, but the rows it totals, \"0-5 år\" .. "
                          "\"17-64 år\", add up to 40.987") != std::string::npos);
    l = compute(body, "Post;2024\nIndtægter;48.200\nLønudgifter;31.450\nDriftsudgifter;14.380\nUdgifter i alt;45.930\n");
    CHECK(l.messages.find("or compute it with a \"række:\" formula") != std::string::npos);
    l = compute("```tabel\nfil: t.csv\nnavn: u\ntitel: Ansatte\ntotal: ingen\n```\n", "Post;2024\nLæger;1.036\nSygeplejersker;5.442\nI alt;8.387\n");
    CHECK(l.messages.find("is typed as") == std::string::npos);
    // A grand total first over subtotals that lead their groups; a total with a superscript mark.
    l = compute(body, "Område;Budget 2024\nI alt;1.100,0\nSomatik i alt;700,0\nHospital A;400,0\nHospital B;300,0\n"
                      "Psykiatri i alt;300,0\nPsykiatri Nord;120,0\nPsykiatri Syd;180,0\n");
    CHECK(l.messages.find("the total \"I alt\" / \"Budget 2024\" is typed as 1.100,0, but the rows it totals, \"Somatik i "
                          "alt\" .. \"Psykiatri i alt\", add up to 1.000,0") != std::string::npos);
    l = compute(body, "Personalegruppe;2023\nLæger;1.036\nSygeplejersker;5.442\nØvrige;1.909\nI alt\xC2\xB9;8.487\n");
    CHECK(l.messages.find("is typed as 8.487, but the rows it totals, \"Læger\" .. \"Øvrige\", add up to 8.387") !=
          std::string::npos);
    // Rounding: parts and total shown rounded may differ by half a unit each; more is a warning.
    l = compute(body, "Post;2024\nA;1,2\nB;2,3\nC;3,4\nI alt;7,0\n");
    CHECK(l.messages.find("is typed as") == std::string::npos);
    l = compute(body, "Post;2024;2025\nA;1,2;1\nB;2,3;1\nC;3,4;1\nI alt;7,2;6\n");
    CHECK(l.messages.find("the total \"I alt\" / \"2024\" is typed as 7,2, but the rows it totals, \"A\" .. \"C\", add up "
                          "to 6,9 (and in 1 other column)") != std::string::npos);
    // Rates, shares and a table of averages are not sums; a total a formula computes is judged
    // by the formula's own check.
    for (const char* csv : {"Region;Ventetid (dage)\nNord;30\nSyd;40\nHele landet;36\n",
                            "Region;Andel (pct.)\nNord;30\nSyd;40\nHele landet;36\n"}) {
        l = compute(body, csv);
        CHECK_MESSAGE(l.messages.find("is typed as") == std::string::npos, csv);
    }
    l = compute("```tabel\nfil: t.csv\nnavn: u\ntitel: Gennemsnitlig ventetid (dage)\n```\n",
                "Region;2023;2024\nNord;30;31\nSyd;40;41\nHele landet;36;37\n");
    CHECK(l.messages.find("is typed as") == std::string::npos);
    l = compute("```tabel\nfil: t.csv\nnavn: u\ntitel: Budget\nrække: I alt = sum(Løn .. Drift)\n```\n",
                "Post;2024\nLøn;800\nDrift;150\nI alt;1.060\n");
    CHECK(l.messages.find("is typed as") == std::string::npos);
}

namespace {

// A table block around `csv` titled `title`, with `more` lines in the block; its messages.
std::string typed_total_messages(const std::string& csv, const std::string& more = "",
                                 const std::string& title = "Ansatte") {
    return compute("```tabel\nfil: t.csv\nnavn: u\ntitel: " + title + "\n" + more + "```\n", csv).messages;
}

// How often `part` is in `text`.
size_t occurrences(const std::string& text, const std::string& part) {
    size_t n = 0;
    for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("table calc: a total column typed in the CSV that is not the sum of the columns before it is a warning at it") {
    // The column counterpart of the typed total row: "Sjælland;80;95;170" printed 170 as the total
    // of 80 and 95 without a word.
    const std::string m = typed_total_messages("Region;Mænd;Kvinder;I alt\nHovedstaden;120;130;250\nSjælland;80;95;170\n");
    CHECK(m.find("m/01-a/t.csv:3:16: warning: the total \"Sjælland\" / \"I alt\" is typed as 170, but the columns it totals, "
                 "\"Mænd\" .. \"Kvinder\", add up to 175: the packet reads it as their total; correct the figure, or compute "
                 "it (\"kolonne: I alt = sum(Mænd .. Kvinder)\") so it follows them, or, if the table has no totals, say so "
                 "(\"total: ingen\")") != std::string::npos);
    CHECK(occurrences(m, "is typed as") == 1);
    // Years as columns add up; several rows off are one warning, at the first, with the count.
    const std::string years = typed_total_messages("Post;2022;2023;I alt\nLøn;100;110;210\nDrift;50;55;115\nHusleje;20;20;45\n",
                                                   "", "Udgifter (kr.)");
    CHECK(years.find("m/01-a/t.csv:3:13: warning: the total \"Drift\" / \"I alt\" is typed as 115, but the columns it totals, "
                     "\"2022\" .. \"2023\", add up to 105 (and in 1 other row): the packet reads it as their total; correct the "
                     "figure, or compute it (\"kolonne: I alt = sum(2022 .. 2023)\")") != std::string::npos);
    // Headings a range must bracket ("2024 (kr.)", "0-17 år") are bracketed in the formula offered.
    CHECK(typed_total_messages("Post;2024 (kr.);2025 (kr.);I alt (kr.);Andel (pct.)\nLicenser;1.250.000;1.250.000;2.500.000;"
                               "41,7\nDrift;600.000;1.100.000;1.800.000;28,3\nUddannelse;450.000;150.000;600.000;10,0\n",
                               "", "Projektbudget")
              .find("the total \"Drift\" / \"I alt (kr.)\" is typed as 1.800.000, but the columns it totals, \"2024 (kr.)\" "
                    ".. \"2025 (kr.)\", add up to 1.700.000: the packet reads it as their total; correct the figure, or "
                    "compute it (\"kolonne: I alt (kr.) = sum([2024 (kr.)] .. [2025 (kr.)])\")") != std::string::npos);
    // All adding up: nothing said.
    CHECK(typed_total_messages("Region;Mænd;Kvinder;I alt\nHovedstaden;120;130;250\nSjælland;80;95;175\n").find("is typed as") ==
          std::string::npos);
}

TEST_CASE("table calc: a total column first totals the columns after it, and a grand total its subtotal columns") {
    // Statistics Denmark's "I alt;Mænd;Kvinder", and age groups after "I alt".
    std::string m = typed_total_messages("Region;I alt;Mænd;Kvinder\nHovedstaden;250;120;130\nSjælland;170;80;95\n");
    CHECK(m.find("m/01-a/t.csv:3:10: warning: the total \"Sjælland\" / \"I alt\" is typed as 170, but the columns it totals, "
                 "\"Mænd\" .. \"Kvinder\", add up to 175") != std::string::npos);
    m = typed_total_messages("Område;I alt;0-17 år;18-64 år;65 år og derover\nNord;590.000;120.000;350.000;120.000\n"
                             "Syd;1.230.000;250.000;720.000;250.000\n",
                             "", "Folketal");
    CHECK(m.find("the total \"Syd\" / \"I alt\" is typed as 1.230.000, but the columns it totals, \"0-17 år\" .. \"65 år og "
                 "derover\", add up to 1.220.000: the packet reads it as their total; correct the figure, or compute it "
                 "(\"kolonne: I alt = sum([0-17 år] .. 65 år og derover)\")") != std::string::npos);
    // A grand total after subtotal columns adds the subtotals; each subtotal its own group.
    const char* const groups = "Område;Drift A;Drift B;Drift i alt;Anlæg A;Anlæg B;Anlæg i alt;I alt\n";
    CHECK(typed_total_messages(std::string(groups) + "Nord;10;20;30;5;5;10;40\nSyd;11;21;32;6;4;10;42\n", "", "Budget (mio. kr.)")
              .find("is typed as") == std::string::npos);
    m = typed_total_messages(std::string(groups) + "Nord;10;20;30;5;5;10;40\nSyd;11;21;32;6;4;10;52\n", "", "Budget (mio. kr.)");
    CHECK(m.find("the total \"Syd\" / \"I alt\" is typed as 52, but the columns it totals, \"Drift i alt\" .. \"Anlæg i "
                 "alt\", add up to 42: the packet reads it as their total; correct the figure, or compute it with a "
                 "\"kolonne:\" formula so it follows them") != std::string::npos);
    m = typed_total_messages(std::string(groups) + "Nord;10;20;30;5;5;10;40\nSyd;11;21;32;6;4;16;48\n", "", "Budget (mio. kr.)");
    CHECK(m.find("the total \"Syd\" / \"Anlæg i alt\" is typed as 16, but the columns it totals, \"Anlæg A\" .. \"Anlæg B\", "
                 "add up to 10") != std::string::npos);
    // The same headings twice, a year's columns after another's: each total its own.
    m = typed_total_messages("Region;Mænd;Kvinder;I alt;Mænd;Kvinder;I alt\nNord;10;12;22;11;13;24\nSyd;20;22;42;21;23;49\n");
    CHECK(m.find("m/01-a/t.csv:3:20: warning: the total \"Syd\" / \"I alt\" is typed as 49, but the columns it totals, "
                 "\"Mænd\" .. \"Kvinder\", add up to 44") != std::string::npos);
    CHECK(occurrences(m, "is typed as") == 1);
}

TEST_CASE("table calc: a total column leaves out \"Heraf\" columns, rates, shares and averages; a change is no total") {
    // A "Heraf" column is a part of the column before it, not one of the total's.
    const char* const heraf = "Region;Læger;Heraf overlæger;Sygeplejersker;I alt\nNord;500;200;1.500;2.000\n";
    CHECK(typed_total_messages(std::string(heraf) + "Syd;700;300;2.100;2.800\n").find("is typed as") == std::string::npos);
    CHECK(typed_total_messages(std::string(heraf) + "Syd;700;300;2.100;2.900\n")
              .find("the total \"Syd\" / \"I alt\" is typed as 2.900, but the columns it totals, \"Læger\" .. "
                    "\"Sygeplejersker\", add up to 2.800: the packet reads it as their total; correct the figure, or "
                    "compute it with a \"kolonne:\" formula") != std::string::npos);
    // Each adding up as meant, or a figure no sum: nothing said. Parts after a total; shares beside
    // the figures; an average, a change, a score; a total of shares; an average over periods.
    for (const char* csv :
         {"Region;Ansatte i alt;Heraf ledere;Heraf deltid\nNord;2.000;100;300\nSyd;2.800;150;400\n",
          "Region;I alt;Heraf mænd;Heraf kvinder\nNord;250;120;130\nSyd;175;80;90\n",
          "Hospital;Planlagt;Akut;I alt;Heraf over 65 år\nA;100;200;300;120\nB;50;70;120;60\n",
          "Region;Mænd;Andel (pct.);Kvinder;Andel (pct.);I alt\nHovedstaden;120;48,0;130;52,0;250\nSjælland;80;45,7;95;54,3;175\n",
          "Region;Mænd;Kvinder;I alt;Andel kvinder i pct.\nHovedstaden;120;130;250;52,0\nSjælland;80;95;175;54,3\n",
          "Område;I alt;Mænd;Kvinder;Mænd (pct.);Kvinder (pct.)\nNord;22;10;12;45,5;54,5\nSyd;42;20;22;47,6;52,4\n",
          "Region;Mænd;Kvinder;I alt (pct.)\nNord;40;60;50\nSyd;45;55;52\n",
          "Region;Mænd;Kvinder;Samlet andel\nNord;40;60;50\nSyd;45;55;52\n",
          "Region;2022;2023;Gns.\nNord;30;40;35\nSyd;20;30;25\n", "Region;2022;2023;Gennemsnit\nNord;30;40;35\nSyd;20;30;25\n",
          "Region;2022;2023;Gns. i alt\nNord;30;40;35\nSyd;20;30;25\n",
          "Post;Budget 2023;Budget 2024;Ændring\nLøn;800.000;810.000;10.000\nHusleje;150.000;120.000;-30.000\n",
          "Post;Budget 2023;Budget 2024;Samlet ændring\nNy aktivitet;0;500;500\nLøn;800;810;10\nDrift;100;120;20\n",
          "Hospital;Kvalitet;Service;Samlet score\nA;4;5;4,5\nB;3;4;3,5\n",
          "Region;Mænd;Kvinder;I alt\nNord;40 %;60 %;100 %\nSyd;45 %;55 %;110 %\n"}) {
        CHECK_MESSAGE(typed_total_messages(csv).find("is typed as") == std::string::npos, csv);
    }
    // A change is no total, but may be a part: a budget corrected by its changes.
    const char* const corrected = "Post;Oprindeligt budget;Ændringer;Korrigeret budget i alt\nLøn;800;20;820\n";
    CHECK(typed_total_messages(std::string(corrected) + "Drift;200;-10;190\n", "", "Budget (t. kr.)").find("is typed as") ==
          std::string::npos);
    CHECK(typed_total_messages(std::string(corrected) + "Drift;200;-10;210\n", "", "Budget (t. kr.)")
              .find("the total \"Drift\" / \"Korrigeret budget i alt\" is typed as 210, but the columns it totals, "
                    "\"Oprindeligt budget\" .. \"Ændringer\", add up to 190") != std::string::npos);
    // A row naming a rate or an average is not judged across its columns.
    CHECK(typed_total_messages("Nøgletal;Mænd;Kvinder;I alt\nAnsatte;120;130;250\nAndel på deltid (pct.);20,0;40,0;30,4\n"
                               "Gennemsnitsalder;45;43;44\n",
                               "", "Personale")
              .find("is typed as") == std::string::npos);
}

TEST_CASE("table calc: a total column a formula computes, or with a figure missing, is not judged; nor key figures") {
    // The formula writes it; "Ikke oplyst" beside it; "total: ingen".
    CHECK(typed_total_messages("Region;Mænd;Kvinder;I alt\nNord;120;130;\nSyd;80;95;\n", "kolonne: I alt = [Mænd] + [Kvinder]\n")
              .find("is typed as") == std::string::npos);
    CHECK(typed_total_messages("Region;Mænd;Kvinder;I alt\nNord;Ikke oplyst;130;260\nSyd;80;95;175\n").find("is typed as") ==
          std::string::npos);
    CHECK(typed_total_messages("Region;Mænd;Kvinder;I alt\nNord;1;2;3\nSyd;1;1;7\n", "total: ingen\n").find("is typed as") ==
          std::string::npos);
    // A "-" is nothing.
    CHECK(typed_total_messages("Region;Mænd;Kvinder;I alt\nNord;-;130;130\nSyd;80;95;175\n").find("is typed as") ==
          std::string::npos);
    // Columns no row adds up to but by chance: key figures beside an amount in all, an amount of
    // things times a price, a year's spending beside the next year's budget.
    for (const char* csv :
         {"Kommune;Indbyggere;Ansatte;Udgifter i alt (mio. kr.)\nAarhus;350.000;25.000;12.345,6\nOdense;205.000;18.000;9.876,5\n",
          "Kommune;Indbyggere;Areal (km2);Udgifter i alt\nAarhus;350.000;468;12.345\n",
          "Stilling;Antal;Løn;I alt\nDirektør;1;1.200.000;1.200.000\nChef;1;900.000;900.000\nKonsulent;3;600.000;1.800.000\n",
          "Post;Budget 2024;Forbrug 1. halvår 2024;Samlet forbrug 2023\nLøn;800;410;790\nDrift;200;90;210\n"}) {
        CHECK_MESSAGE(typed_total_messages(csv, "", "Nøgletal").find("is typed as") == std::string::npos, csv);
    }
    // ... but a total of the last of them, where it adds up in another row, is held to them.
    CHECK(typed_total_messages("Kommune;Indbyggere;Ansatte;Drift;Anlæg;Udgifter i alt\nAarhus;350.000;25.000;10.000;2.345;"
                               "12.345\nOdense;205.000;18.000;8.000;1.876;9.976\n",
                               "", "Nøgletal (mio. kr.)")
              .find("the total \"Odense\" / \"Udgifter i alt\" is typed as 9.976, but the columns it totals, \"Drift\" .. "
                    "\"Anlæg\", add up to 9.876") != std::string::npos);
}

TEST_CASE("table calc: a total column's figures rounded are held to their rounding, round ones as exact") {
    // Mio. kr. with one decimal: 1,2 + 2,3 typed as 3,6 is within their rounding; 4,8 for 4,5 is not.
    const std::string m = typed_total_messages("Region;Drift;Anlæg;I alt\nNord;1,2;2,3;3,6\nSyd;3,4;1,1;4,8\nMidt;0,4;0,4;0,9\n",
                                               "", "Budget (mio. kr.)");
    CHECK(m.find("m/01-a/t.csv:3:13: warning: the total \"Syd\" / \"I alt\" is typed as 4,8, but the columns it totals, "
                 "\"Drift\" .. \"Anlæg\", add up to 4,5: ") != std::string::npos);
    CHECK(occurrences(m, "is typed as") == 1);
    // Round figures are exact as often as rounded: 1.000.000 + 2.000.000 is no 4.000.000.
    CHECK(typed_total_messages("Post;Drift;Anlæg;I alt\nA;1.000.000;2.000.000;3.000.000\nB;1.000.000;2.000.000;4.000.000\n", "",
                               "Budget (kr.)")
              .find("is typed as 4.000.000, but the columns it totals, \"Drift\" .. \"Anlæg\", add up to 3.000.000") !=
          std::string::npos);
    // Income typed without its minus beside expenses under a net total.
    CHECK(typed_total_messages("Post;Udgifter;Indtægter;Netto i alt\nDrift;1.500;60;1.440\nAnlæg;300;20;280\n", "",
                               "Budget (t. kr.)")
              .find("is typed as") == std::string::npos);
}

TEST_CASE("table calc: a cell both a typed total row and a typed total column hold is said once, never both ways apart") {
    const char* const head = "Region;Mænd;Kvinder;I alt\nHovedstaden;120;130;250\n";
    // Off both ways: one message naming both sums, nothing more.
    std::string m = typed_total_messages(std::string(head) + "Sjælland;80;95;175\nHele landet;200;225;430\n");
    CHECK(m.find("m/01-a/t.csv:4:21: warning: the total \"Hele landet\" / \"I alt\" is typed as 430, but the rows it totals, "
                 "\"Hovedstaden\" .. \"Sjælland\", add up to 425, and the columns it totals, \"Mænd\" .. \"Kvinder\", to "
                 "425: the packet reads it as the total of both; correct the figures, or compute it with a \"række:\" or "
                 "\"kolonne:\" formula so it follows them") != std::string::npos);
    CHECK(occurrences(m, "is typed as") == 1);
    // A region's total typed wrong, the whole's right: the region's cell is said, not the corner
    // (which the rows above it, one of them wrong, do not add up to).
    m = typed_total_messages(std::string(head) + "Sjælland;80;95;170\nHele landet;200;225;425\n");
    CHECK(m.find("m/01-a/t.csv:3:16: warning: the total \"Sjælland\" / \"I alt\" is typed as 170, but the columns it totals, "
                 "\"Mænd\" .. \"Kvinder\", add up to 175: ") != std::string::npos);
    CHECK(occurrences(m, "is typed as") == 1);
    // The whole's "Mænd" typed wrong: said there, not at the corner its row no longer adds up to.
    m = typed_total_messages(std::string(head) + "Sjælland;80;95;175\nHele landet;210;225;425\n");
    CHECK(m.find("m/01-a/t.csv:4:13: warning: the total \"Hele landet\" / \"Mænd\" is typed as 210, but the rows it totals, "
                 "\"Hovedstaden\" .. \"Sjælland\", add up to 200: ") != std::string::npos);
    CHECK(occurrences(m, "is typed as") == 1);
    // The whole typed as the rows above add up, one of them wrong: the corner is off its own row
    // too, said with the region's cell.
    m = typed_total_messages(std::string(head) + "Sjælland;80;95;170\nHele landet;200;225;420\n");
    CHECK(m.find("m/01-a/t.csv:3:16: warning: the total \"Sjælland\" / \"I alt\" is typed as 170, but the columns it totals, "
                 "\"Mænd\" .. \"Kvinder\", add up to 175 (and in 1 other row): ") != std::string::npos);
    CHECK(occurrences(m, "is typed as") == 1);
    // All adding up both ways: nothing.
    CHECK(typed_total_messages(std::string(head) + "Sjælland;80;95;175\nHele landet;200;225;425\n").find("is typed as") ==
          std::string::npos);
}

TEST_CASE("table calc: a CSV with classic Mac line ends (a CR alone) is rows of their own, not indented parts") {
    const auto l = compute("```tabel\nfil: t.csv\ntitel: Budget\nrække: Resultat = sum(Kontingent .. Husleje)\n```\n",
                           "Post;Budget 2024;Budget 2025\rKontingent;-1.200.000;-1.200.000\rLøn;800.000;810.000\r"
                           "Husleje;150.000;120.000\rResultat;;\r");
    REQUIRE(l.meeting);
    CHECK(l.messages == "");
    const model::Table& t = table(l);
    for (const model::TableRow& r : t.rows) CHECK(r.indent == 0);
    CHECK(row_texts(t, 3) == std::vector<std::string>{"Resultat", "-250.000", "-270.000"});
    CHECK(t.rows[1].cells[1].loc.line == 3);
    CHECK(t.rows[1].cells[1].loc.column == 5);
}

TEST_CASE("table calc: a published figure kept within the tolerance but beyond its parts' rounding is a warning") {
    // Regression (probe41): "tolerance 2" copied into a table shown in mio. kr. (2 mio. kr.) kept a
    // published 163.900.000 over exact parts adding up to 162.000.000, with the note that the
    // figures are rounded.
    auto l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: Budget (mio. kr.)\ntalenhed: kr.\nenhed: mio. kr.\n"
                     "række: I alt = sum(Løn .. Drift) | tolerance 2\n```\n",
                     "Post;Budget 2023;Budget 2024\nLøn;125.100.000;122.100.000\nHusleje;9.300.000;9.800.000\n"
                     "Drift;30.600.000;30.100.000\nI alt;165.000.000;163.900.000\n");
    CHECK(l.messages.find("m/01-a/t.csv:5:19: warning: the published figure 163.900.000 for \"I alt\" / \"Budget 2024\" is "
                          "kept, being within the formula's tolerance (2 mio. kr.), but the figures it adds, as written, add "
                          "up to 162.000.000: 1.900.000 apart, more than their rounding explains (at most 200.000)") !=
          std::string::npos);
    CHECK(l.messages.find("\"Budget 2023\" is kept") == std::string::npos);  // 165,0 is their sum
    // The example's kind: 8.388 published over 1.036 + 5.442 + 1.909 = 8.387, within their rounding.
    l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: Læger\nrække: I alt = sum(A .. C) | tolerance 2\n```\n",
                "Post;2016\nA;1.036\nB;5.442\nC;1.909\nI alt;8.388\n");
    CHECK(l.messages.find("is kept") == std::string::npos);
    CHECK(row_texts(table(l), 3) == std::vector<std::string>{"I alt", "8.388"});
}

TEST_CASE("table calc: the labels a table has are listed cut, however long, and forty at most") {
    // Regression (hostile-7): a 60.000-character row label made the "(it has: ...)" line as long.
    std::string csv = "Post;2024\nA;1\nHusleje" + std::string(60000, 'H') + ";2\n";
    for (int r = 0; r < 60; ++r) csv += "Række " + std::to_string(r) + ";1\n";
    const auto l = compute("```tabel\nfil: t.csv\ntitel: T\nrække: S = [Husleje] + [A]\n```\n", csv);
    const size_t at = l.messages.find("error: the table has no row \"Husleje\" (it has: A, HuslejeHHH");
    REQUIRE(at != std::string::npos);
    const std::string line = l.messages.substr(at, l.messages.find('\n', at) - at);
    CHECK(line.size() < 1000);
    CHECK(line.find("Række 37, \xE2\x80\xA6)") != std::string::npos);  // the fortieth name, then "…"
}

TEST_CASE("table calc: a row of figures beside a sum's range and in no sum is a warning at the row") {
    // Regression (sum-gap): a row added under the range's last row, rows reordered so that one
    // slipped out above its first, or a row moved into another group were left out of the total
    // without a word (a review: a budget's result 17,6 mio. kr. off after two rows swapped).
    const std::string block = "```tabel\nfil: t.csv\ntitel: Budget\nrække: Indtægter i alt = sum(Kontingent .. Øvrige indtægter)\n"
                              "række: Udgifter i alt = sum(Husleje .. Tilskud)\n"
                              "række: Resultat = [Indtægter i alt] + [Udgifter i alt] + [Projekter]\n```\n";
    const auto with_rows = [&](const std::string& expenses) {
        return compute(block, "Post;2024\nKontingent;-150\nØvrige indtægter;-20\nIndtægter i alt;\n;\n" + expenses +
                                  "Udgifter i alt;\n;\nProjekter;8\n;\nResultat;\n");
    };
    // As written: no warning (Projekter stands alone, but a formula reads it).
    CHECK(with_rows("Husleje;10\nDrift;30\nTilskud;3\n").messages == "");
    // A row under the range's last.
    auto l = with_rows("Husleje;10\nDrift;30\nTilskud;3\nIT-licenser;2\n");
    CHECK(l.messages.find("m/01-a/t.csv:9:1: warning: the row \"IT-licenser\" has figures but is in no sum: it stands beside the "
                          "rows \"Husleje\" .. \"Tilskud\" that \"Udgifter i alt\" adds, so its figures are left out of that "
                          "total; widen the range (\"sum(Husleje .. IT-licenser)\"), or move the row") == 0);
    // Above its first, after a swap.
    l = with_rows("Drift;30\nHusleje;10\nTilskud;3\n");
    CHECK(l.messages.find("warning: the row \"Drift\" has figures but is in no sum") != std::string::npos);
    CHECK(l.messages.find("(\"sum(Drift .. Tilskud)\")") != std::string::npos);
    // A part of a row above it, or a row indented under it, is no term: no warning.
    CHECK(with_rows("Husleje;10\nDrift;30\nTilskud;3\nHeraf til IT;2\n").messages == "");
    CHECK(with_rows("Husleje;10\nDrift;30\nTilskud;3\n  Tilskud til Y;1\n").messages == "");
}

TEST_CASE("table calc: a label is named without its footnote mark, a superscript or a dagger as a star") {
    // Regression (superscript-key): "[Antal i alt]" did not name the heading "Antal i alt¹",
    // where "Antal i alt*" was named so.
    for (const std::string mark : {"*", "¹", "²", "⁴", "†", " ¹"}) {
        const auto l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\n```\n\nI alt {t[Nord; Antal i alt]}.\n",
                               "Region;Antal i alt" + mark + "\nNord;1.250\n");
        CHECK_MESSAGE(l.messages == "", mark);
        CHECK_MESSAGE(figure_text(l).find("I alt 1.250.") != std::string::npos, mark);
    }
    // Written with its mark, it is found too.
    const auto l = compute("```tabel\nfil: t.csv\nnavn: t\ntitel: T\n```\n\nAreal {t[Nord; Areal m²]}.\n", "Region;Areal m²\nNord;80\n");
    CHECK(l.messages == "");
}

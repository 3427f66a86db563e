#include <doctest/doctest.h>

#include <string>

#include "calc/expression.hpp"
#include "calc/negative_bases.hpp"
#include "one_item_meeting.hpp"

using namespace boardpack;
using test::compute_one_item;

namespace {

const char* const kGrowth = "```tabel\nfil: t.csv\nnavn: t\ntitel: Resultat (kr.)\n"
                            "kolonne: Ændring i pct. = ([2025] - [2024]) / [2024] * 100 | decimaler 1\n```\n";

}  // namespace

// A probe of a budget that enters income with a minus: a change in per cent of a result that
// turns from a surplus into a deficit printed "-300,0", and one of a shrinking surplus "-48,4"
// beside a change of 18,7, without a word.
TEST_CASE("negative bases: a change in per cent across zero is a warning at the cell") {
    const auto l = compute_one_item(kGrowth, "Post;2024;2025\nResultat;-10;20\nLøn;100;110\n");
    CHECK(test::row_texts(l.table(), 0)[3] == "-300,0");
    CHECK(l.messages == "m/01-a/item.md:14:27: warning: the cell \"Resultat\" / \"Ændring i pct.\" computes a change in per "
                        "cent from -10 to 20, which have opposite signs: such a percentage says nothing of the size of the "
                        "change; give the change as an amount (in a table, leave this cell out of the formula with \"| "
                        "rækker\" or \"| kolonner\")\n");
    // From a positive base into the negative, too.
    CHECK(compute_one_item(kGrowth, "Post;2024;2025\nResultat;5;-5\n").messages.find("from 5 to -5, which have opposite signs") !=
          std::string::npos);
}

TEST_CASE("negative bases: a change in per cent from a negative base is a warning; abs() of the base says which is meant") {
    auto l = compute_one_item(kGrowth, "Post;2024;2025\nKontingent;-100;-104\n");
    CHECK(test::row_texts(l.table(), 0)[3] == "4,0");
    CHECK(l.messages.find("warning: the cell \"Kontingent\" / \"Ændring i pct.\" computes a change in per cent from a "
                          "negative base, -100 to -104: its sign is the opposite of the change's") != std::string::npos);
    l = compute_one_item("```tabel\nfil: t.csv\nnavn: t\ntitel: Resultat (kr.)\n"
                         "kolonne: Ændring i pct. = ([2025] - [2024]) / abs([2024]) * 100 | decimaler 1\n```\n",
                         "Post;2024;2025\nKontingent;-100;-104\nLøn;100;110\n");
    CHECK(l.messages == "");
    CHECK(test::row_texts(l.table(), 0)[3] == "-4,0");
    // Positive bases, a new figure of zero, and no change, say nothing.
    CHECK(compute_one_item(kGrowth, "Post;2024;2025\nLøn;100;110\nDrift;50;0\nIndtægter;-100;-100\n").messages == "");
}

TEST_CASE("negative bases: the change in per cent written as a ratio less one is judged alike") {
    for (const std::string formula :
         {"([2025] / [2024] - 1) * 100", "[2025] / [2024] * 100 - 100", "100 * [2025] / [2024] - 100"}) {
        const std::string table =
            "```tabel\nfil: t.csv\nnavn: t\ntitel: Resultat (kr.)\nkolonne: Ændring i pct. = " + formula + " | decimaler 1\n```\n";
        auto l = compute_one_item(table, "Post;2024;2025\nResultat;-10;20\nKontingent;-100;-104\nLøn;100;110\nDrift;50;50\n");
        CHECK_MESSAGE(l.messages.find("the cell \"Resultat\" / \"Ændring i pct.\" computes a change in per cent from -10 to "
                                      "20, which have opposite signs") != std::string::npos,
                      formula);
        CHECK_MESSAGE(l.messages.find("the cell \"Kontingent\" / \"Ændring i pct.\" computes a change in per cent from a "
                                      "negative base, -100 to -104") != std::string::npos,
                      formula);
        CHECK_MESSAGE(l.messages.find("\"Løn\"") == std::string::npos, formula);
        CHECK_MESSAGE(l.messages.find("\"Drift\"") == std::string::npos, formula);
    }
    // A ratio less another number is no change in per cent.
    const auto l = compute_one_item("```tabel\nfil: t.csv\nnavn: t\ntitel: Resultat (kr.)\n"
                                    "kolonne: Rest = [2025] / [2024] - 2\n```\n",
                                    "Post;2024;2025\nResultat;-10;20\n");
    CHECK(l.messages.find("computes a change in per cent") == std::string::npos);
}

TEST_CASE("negative bases: the same warning for a figure in the text and a beregning value") {
    const auto l = compute_one_item("```tabel\nfil: t.csv\nnavn: t\ntitel: Resultat (kr.)\n```\n\n"
                                    "Ændring {(t[Resultat; 2025] - t[Resultat; 2024]) / t[Resultat; 2024] * 100 | decimaler 1}.\n\n"
                                    "```beregning\nnavn: b\nværdi: vækst = (t[Resultat; 2025] - t[Resultat; 2024]) / "
                                    "t[Resultat; 2024] * 100\n```\n",
                                    "Post;2024;2025\nResultat;-10;20\n");
    CHECK(l.messages.find("item.md:16:10: warning: the figure \"{(t[Resultat; 2025] - t[Resultat; 2024]) / t[Resultat; "
                          "2024]...\" computes a change in per cent from -10 to 20") != std::string::npos);
    CHECK(l.messages.find("warning: the value \"vækst\" computes a change in per cent from -10 to 20") != std::string::npos);
}

TEST_CASE("negative bases: expressions written alike") {
    calc::FormulaError e;
    const auto a = calc::parse_expression("([2025] - t[A; 2024]) / t[A; 2024]", &e);
    const auto b = calc::parse_expression("t[A; 2024]", &e);
    const auto c = calc::parse_expression("t[A; 2023]", &e);
    REQUIRE(a);
    REQUIRE(b);
    REQUIRE(c);
    CHECK(calc::same_expression(*a->args[1], *b));
    CHECK(calc::same_expression(*a->args[0]->args[1], *b));
    CHECK_FALSE(calc::same_expression(*b, *c));
    CHECK_FALSE(calc::same_expression(*a, *b));
}

// A probe of frames ("ramme") in a budget that enters income with a minus: an income of 505,2
// against a frame of 500 (-505,2 against -500) was "under loftet" without a word.
TEST_CASE("negative bases: a cap below zero is a warning at the cell; abs() of both says which is meant") {
    auto l = compute_one_item("```tabel\nfil: t.csv\nnavn: t\ntitel: Rammer (mio. kr.)\ntalenhed: mio. kr.\n"
                              "kolonne: Vurdering = loft([Forbrug]; [Ramme])\n```\n",
                              "Post;Ramme;Forbrug\nIndtægter;-500,0;-505,2\nUdgifter;480,0;492,3\n");
    CHECK(test::row_texts(l.table(), 0)[3] == "under loftet");
    CHECK(l.messages.find("m/01-a/item.md:15:22: warning: the cell \"Indtægter\" / \"Vurdering\" judges -505,2 against a cap "
                          "of -500,0, which is below zero") == 0);
    CHECK(l.messages.find("\"Udgifter\"") == std::string::npos);
    l = compute_one_item("```tabel\nfil: t.csv\nnavn: t\ntitel: Rammer (mio. kr.)\ntalenhed: mio. kr.\n"
                         "kolonne: Vurdering = loft(abs([Forbrug]); abs([Ramme]))\n```\n",
                         "Post;Ramme;Forbrug\nIndtægter;-500,0;-505,2\n");
    CHECK(l.messages == "");
    CHECK(test::row_texts(l.table(), 0)[3] == "over loftet");
}

TEST_CASE("negative bases: a trend of figures below zero is a warning at the cell; abs() of both says which is meant") {
    // A probe: income entered with a minus that grew from 30 to 32,5 mio. kr. was "faldende", and
    // "| verbum" printed "Kontingentindtægterne er faldet med 2,5 mio. kr.".
    const std::string block = "```tabel\nfil: t.csv\nnavn: t\ntitel: Budget (mio. kr.)\ntalenhed: mio. kr.\n";
    auto l = compute_one_item(block + "kolonne: Udvikling = udvikling([2023]; [2024]; højere; 0,5)\n```\n",
                              "Post;2023;2024\nKontingent;-30,0;-32,5\nLøn;20,0;21,0\n");
    CHECK(test::row_texts(l.table(), 0)[3] == "faldende");
    CHECK(l.messages.find("warning: the cell \"Kontingent\" / \"Udvikling\" judges the trend from -30,0 to -32,5, figures "
                          "below zero") != std::string::npos);
    CHECK(l.messages.find("\"Løn\"") == std::string::npos);
    l = compute_one_item(block + "kolonne: Udvikling = udvikling(abs([2023]); abs([2024]); højere; 0,5)\n```\n",
                         "Post;2023;2024\nKontingent;-30,0;-32,5\n");
    CHECK(l.messages == "");
    CHECK(test::row_texts(l.table(), 0)[3] == "stigende");
}

// The probe's "index across zero": a share or an index of figures of opposite signs (a result
// of -20 against a base of 10 printed "-200,0" as its index) is a warning at the cell; figures of
// one sign, negative ones too (a surplus half the size of the year before is an index of 50), say
// nothing, and neither does a change in per cent, judged as one above.
TEST_CASE("negative bases: a share or an index of figures of opposite signs is a warning at the cell") {
    for (const std::string formula : {"[2025] / [2024] * 100", "100 * [2025] / [2024]", "[2025] * 100 / [2024]"}) {
        const std::string table = "```tabel\nfil: t.csv\nnavn: t\ntitel: Resultat (kr.)\nkolonne: Indeks (2024=100) = " +
                                  formula + " | decimaler 1\n```\n";
        const auto l = compute_one_item(table, "Post;2024;2025\nResultat;10;-20\nOverskud;-40;-20\nLøn;100;110\n");
        CHECK_MESSAGE(test::row_texts(l.table(), 0)[3] == "-200,0", formula);
        CHECK_MESSAGE(l.messages ==
                          "m/01-a/item.md:14:30: warning: the cell \"Resultat\" / \"Indeks (2024=100)\" computes a share "
                          "or an index in per cent of -20 against 10, which have opposite signs: a negative share or index "
                          "says nothing of how the two compare (is one of them an income or a surplus entered with a "
                          "minus?); compare their sizes with abs() if that is meant, or give the two figures instead\n",
                      formula);
    }
    // A share of a net total that a region's result works against.
    const auto share = compute_one_item("```tabel\nfil: t.csv\nnavn: t\ntitel: Resultat (mio. kr.)\nrække: I alt = sum(Nord .. Syd)\n"
                                        "kolonne: Andel (pct.) = [Resultat] / t[I alt; Resultat] * 100 | decimaler 1\n```\n",
                                        "Region;Resultat\nNord;-12\nMidt;-5\nSyd;3\n");
    CHECK(share.messages.find("the cell \"Syd\" / \"Andel (pct.)\" computes a share or an index in per cent of 3 against -14") !=
          std::string::npos);
    CHECK(share.messages.find("\"Nord\"") == std::string::npos);
    // The change in per cent is the change's warning only.
    const auto change = compute_one_item(kGrowth, "Post;2024;2025\nLøn;100;90\n");
    CHECK(change.messages == "");
}

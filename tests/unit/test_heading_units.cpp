#include <doctest/doctest.h>

#include <string>

#include "one_item_meeting.hpp"

using namespace boardpack;
using test::compute_one_item;

// A probe of a budget office's tables: a heading naming kroner over figures the table prints in
// millions, or a table in thousands whose heading says kroner, was printed and quoted without a word.
TEST_CASE("heading units: a column heading naming another amount unit than the table prints is an error at it") {
    // "Ændring (kr.)" computed in a table shown in mio. kr. printed "4,0" under "(kr.)".
    auto l = compute_one_item("```tabel\nfil: t.csv\nnavn: t\ntitel: Budget (mio. kr.)\ntalenhed: kr.\nenhed: mio. kr.\n"
                              "kolonne: Ændring (kr.) = [2025] - [2024]\n```\n",
                              "Post;2024;2025\nLøn;80.000.000;84.000.000\n");
    CHECK(l.messages.find("m/01-a/item.md:16:26: error: the column heading \"Ændring (kr.)\" says its figures are in kr., but "
                          "the table prints them in mio. kr. (\"enhed: mio. kr.\"), so a reader takes \"4,0\" for kr.") == 0);
    // An input column headed in kroner in a table written in thousands: quoted as 1,6 mio. kr.
    l = compute_one_item("```tabel\nfil: t.csv\nnavn: t\ntitel: Budget (t. kr.)\ntalenhed: t. kr.\n```\n\n"
                         "{t[Løn; Budget 2024 (kr.)] | mio. kr.}\n",
                         "Post;Budget 2024 (kr.)\nLøn;1.550\n");
    CHECK(l.messages.find("m/01-a/t.csv:1:6: error: the column heading \"Budget 2024 (kr.)\" says its figures are in kr., but "
                          "the table prints them in t. kr. (\"talenhed: t. kr.\"), so a reader takes \"1.550\" for kr.") == 0);
    // A heading in thousands over figures the table shows in millions.
    l = compute_one_item("```tabel\nfil: t.csv\nnavn: t\ntitel: Budget (mio. kr.)\ntalenhed: kr.\nenhed: mio. kr.\n```\n",
                         "Post;2024 (1.000 kr.)\nLøn;1.550.000\n");
    CHECK(l.messages.find("the column heading \"2024 (1.000 kr.)\" says its figures are in t. kr., but the table prints "
                          "them in mio. kr.") != std::string::npos);
}

TEST_CASE("heading units: a row label naming another amount unit than the table prints is an error at it") {
    auto l = compute_one_item("```tabel\nfil: t.csv\nnavn: t\ntitel: Nøgletal (mio. kr.)\ntalenhed: mio. kr.\n```\n",
                              "Post;2024\nDrift;12,5\nGebyr pr. borger (kr.);250\n");
    CHECK(l.messages.find("m/01-a/t.csv:3:1: error: the row \"Gebyr pr. borger (kr.)\" says its figures are in kr., but the "
                          "table prints them in mio. kr. (\"talenhed: mio. kr.\"), so a reader takes \"250\" for kr.") == 0);
}

TEST_CASE("heading units: headings that name the printed unit, or head counts, shares and ratios, pass") {
    // The heading names the unit printed.
    auto l = compute_one_item("```tabel\nfil: t.csv\nnavn: t\ntitel: Budget\ntalenhed: kr.\nenhed: mio. kr.\n"
                              "kolonne: Ændring (mio. kr.) = [2025] - [2024 (mio. kr.)]\n```\n",
                              "Post;2024 (mio. kr.);2025\nLøn;80.000.000;84.000.000\n");
    CHECK(l.messages == "");
    // A count, a share in per cent and a ratio of amounts, each headed in kroner or not, are no
    // amounts the table converts.
    l = compute_one_item("```tabel\nfil: t.csv\nnavn: t\ntitel: Udgifter (mio. kr.)\ntalenhed: kr.\nenhed: mio. kr.\n"
                         "kolonne: Andel (pct.) = [Udgift] / t[Hele regionen; Udgift] * 100 | decimaler 1\n```\n",
                         "Region;Udgift;Indbyggere;Takst (kr.)\nNord;5.000.000;300.000;5 %\nHele regionen;20.000.000;1.600.000;6 %\n");
    CHECK(l.messages == "");
    // Without a declared unit a table prints its figures as written: the heading is their unit.
    l = compute_one_item("```tabel\nfil: t.csv\nnavn: t\ntitel: Budget\n```\n", "Post;Budget (kr.);Budget (mio. kr.)\nLøn;1.250;1,3\n");
    CHECK(l.messages == "");
}

// A probe: with no "talenhed", figures under headings naming two units were added as written,
// and a cell computed from figures under a heading in millions was quoted as kroner.
TEST_CASE("heading units: a formula reading two amount units, in a table that declares neither, is an error") {
    auto l = compute_one_item("```tabel\nfil: t.csv\nnavn: t\ntitel: T\nkolonne: I alt = [Drift (mio. kr.)] + [Anlæg (t. kr.)]\n```\n",
                              "Post;Drift (mio. kr.);Anlæg (t. kr.)\nNord;130,5;5.200\n");
    CHECK(l.messages.find("error: the formula reads \"Drift (mio. kr.)\" (in mio. kr.) and \"Anlæg (t. kr.)\" (in t. kr.), "
                          "but the table does not say what its figures are written in") != std::string::npos);
    // A row formula's labels, loft() comparing two, and a sum over a range holding both.
    l = compute_one_item("```tabel\nfil: t.csv\nnavn: t\ntitel: T\nkolonne: Status = loft([Forbrug (kr.)]; [Ramme (mio. kr.)])\n```\n",
                         "Post;Forbrug (kr.);Ramme (mio. kr.)\nNord;1.200.000;1,5\n");
    CHECK(l.messages.find("the formula reads \"Forbrug (kr.)\" (in kr.) and \"Ramme (mio. kr.)\" (in mio. kr.)") !=
          std::string::npos);
    l = compute_one_item("```tabel\nfil: t.csv\nnavn: t\ntitel: T\nrække: I alt = sum([Drift (mio. kr.)] .. [Anlæg (t. kr.)])\n"
                         "tilføj: nederst\n```\n",
                         "Post;2024\nDrift (mio. kr.);130,5\nAnlæg (t. kr.);5.200\n");
    CHECK(l.messages.find("the formula reads \"Drift (mio. kr.)\" (in mio. kr.) and \"Anlæg (t. kr.)\"") != std::string::npos);
    // Converted where it is read, one unit, or a declared unit: as written.
    for (const char* fine : {"kolonne: I alt = [Drift (mio. kr.)] * 1000 + [Anlæg (t. kr.)]",
                             "kolonne: I alt = [Drift (mio. kr.)] + [Anlæg (mio. kr.)]"}) {
        l = compute_one_item(std::string("```tabel\nfil: t.csv\nnavn: t\ntitel: T\n") + fine + "\n```\n",
                             "Post;Drift (mio. kr.);Anlæg (t. kr.);Anlæg (mio. kr.)\nNord;130,5;5.200;5,2\n");
        CHECK_MESSAGE(l.messages.find("the formula reads") == std::string::npos, fine);
    }
    // A cell computed from figures under headings in millions, quoted in another unit.
    l = compute_one_item("```tabel\nfil: t.csv\nnavn: t\ntitel: T\nkolonne: I alt = [Medicinpuljen (mio. kr.)] + "
                         "[Forebyggelsespuljen (mio. kr.)]\n```\n\nI alt {t[2029; I alt] | kr.}.\n",
                         "År;Medicinpuljen (mio. kr.);Forebyggelsespuljen (mio. kr.)\n2024;10;7\n2029;38;12\n");
    CHECK(l.messages.find("error: the table \"t\" names mio. kr. in the heading \"Medicinpuljen (mio. kr.)\", which the "
                          "formula of the cell reads, but without \"talenhed:\" its figures are read as kr.") !=
          std::string::npos);
    l = compute_one_item("```tabel\nfil: t.csv\nnavn: t\ntitel: T\ntalenhed: mio. kr.\nkolonne: I alt = [Medicinpuljen (mio. kr.)] + "
                         "[Forebyggelsespuljen (mio. kr.)]\n```\n\nI alt {t[2029; I alt] | kr.}.\n",
                         "År;Medicinpuljen (mio. kr.);Forebyggelsespuljen (mio. kr.)\n2024;10;7\n2029;38;12\n");
    CHECK(l.messages.find("error") == std::string::npos);
    CHECK(l.figure_text().find("I alt 50.000.000 kr.") != std::string::npos);
}

TEST_CASE("heading units: an index whose heading names another base year than it divides by is warned") {
    // Regression (probe: "Indeks (2016=100) = [2023] / [2018] * 100" printed 123 under "2016=100",
    // where against 2016 it is 148).
    auto l = compute_one_item("```tabel\nfil: t.csv\nnavn: t\ntitel: T\nkolonne: Indeks (2016=100) = [2023] / [2018] * 100\n```\n",
                              "Post;2016;2018;2023\nLæger;100;120;148\n");
    CHECK(l.messages.find("warning: \"Indeks (2016=100)\" names 2016=100 as the index's base, but the formula divides by "
                          "\"2018\", a figure of 2018") != std::string::npos);
    // Divided by the base year's figure (a month of it too, or another table's cell of it): as meant.
    for (const char* fine : {"kolonne: Indeks (2016=100) = [2023] / [2016] * 100",
                             "kolonne: Udvikling, 2016 = 100 = 100 * [2023] / [2016]",
                             "kolonne: Indeks (2018=100) = [2023] / [2018] * 100"}) {
        l = compute_one_item(std::string("```tabel\nfil: t.csv\nnavn: t\ntitel: T\n") + fine + "\n```\n",
                             "Post;2016;2018;2023\nLæger;100;120;148\n");
        CHECK_MESSAGE(l.messages.find("as the index's base") == std::string::npos, fine);
    }
}

#include <doctest/doctest.h>

#include <string>

#include "one_item_meeting.hpp"

using namespace boardpack;
using test::compute_one_item;

// A probe of waiting times: weeks computed from days under a sum row that leaves the days out
// ("| kolonner Forløb .. Overholdt") printed the packet's note that the rounded figures do not add
// up to the total, where the whole's 4,6 weeks are its own average of 32 days, no total.
TEST_CASE("rounded parts: a column formula crossing a sum row that leaves its column out computes no total") {
    const std::string body = "```tabel\nfil: t.csv\nnavn: t\ntitel: Ventetid\n"
                             "række: Hele regionen = sum(Nord .. Syd) | kolonner Forløb .. Forløb\n"
                             "kolonne: Ventetid (uger) = [Ventetid (dage)] / 7 | decimaler 1\n```\n";
    const std::string csv = "Region;Forløb;Ventetid (dage)\nNord;1.000;30\nMidt;2.000;35\nSyd;1.500;28\nHele regionen;;32\n";
    auto l = compute_one_item(body, csv);
    CHECK(l.messages == "");
    CHECK(test::row_texts(l.table(), 3)[3] == "4,6");
    CHECK(l.table().notes.empty());
    // Where the sum row covers the days, the weeks of the whole are computed from its total and
    // 4,3 + 5,1 + 4,1 printed over 13,6 is what the note is for.
    l = compute_one_item("```tabel\nfil: t.csv\nnavn: t\ntitel: Ventetid\nrække: Hele regionen = sum(Nord .. Syd)\n"
                         "kolonne: Ventetid (uger) = [Ventetid (dage)] / 7 | decimaler 1\n```\n",
                         "Region;Forløb;Ventetid (dage)\nNord;1.000;30\nMidt;2.000;36\nSyd;1.500;29\nHele regionen;;\n");
    CHECK(test::row_texts(l.table(), 3)[3] == "13,6");
    REQUIRE(l.table().notes.size() == 1);
    CHECK(l.table().notes[0].find("afrundede") != std::string::npos);
}

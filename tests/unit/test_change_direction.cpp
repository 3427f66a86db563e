// Which way a change went, as words say it and as the figures say it (calc/change_direction):
// "faldet med {abs(...)}" of a change the figures show as a rise is warned about.
#include <doctest/doctest.h>

#include "calc/change_direction.hpp"

using boardpack::calc::direction_of_words;
using boardpack::calc::period_order;

TEST_CASE("change direction: words of a fall, of a rise, and of neither") {
    for (const char* fall : {"faldet med", "FALDT MED", "reduceres med", "sænket med", "nedbragt med", "ned med",
                             "fald på", "nedgang på", "reduktion på", "tilbagegang på"})
        CHECK_MESSAGE(direction_of_words(fall, "steget", "faldet") == -1, fall);
    for (const char* rise : {"steget med", "stiger med", "øget med", "forhøjet med", "op med", "stigning på", "vækst på",
                             "fremgang på", "udvidet med"})
        CHECK_MESSAGE(direction_of_words(rise, "steget", "faldet") == 1, rise);
    // A result or an amount has its sign in its name, not a way in time.
    for (const char* neither : {"besparelse på", "mindreforbrug på", "merforbrug på", "underskud på", "overskud på",
                                "indtægter på", "forbedret med", "overskredet med", "nedskrevet med"})
        CHECK_MESSAGE(direction_of_words(neither, "steget", "faldet") == 0, neither);
    // The packet's own trend words ("| verbum").
    CHECK(direction_of_words("dalet med", "vokset", "dalet") == -1);
}

TEST_CASE("change direction: which of two periods a label names comes later") {
    CHECK(period_order("2024", "2023") == 1);
    CHECK(period_order("Budget 2023", "Regnskab 2024") == -1);
    CHECK(period_order("2. kvt. 2023", "1. kvt. 2023") == 1);
    CHECK(period_order("1. kvartal 2024", "4. kvartal 2023") == 1);
    CHECK(period_order("2023K1", "2023K3") == -1);
    CHECK(period_order("Q4 2023", "Q1 2023") == 1);
    CHECK(period_order("2. halvår 2023", "1. halvår 2023") == 1);
    CHECK(period_order("December 2016", "April 2023") == -1);
    CHECK(period_order("marts 2023", "januar 2023") == 1);
    // Regression (probe39): months by their short names, as the example's attachment heads them.
    CHECK(period_order("Okt. 2022", "April 2022") == 1);
    CHECK(period_order("01. mar. 2023", "01. apr. 2023") == -1);
    CHECK(period_order("Aug. 2022", "Dec. 2022") == -1);
    CHECK(period_order("feb. 2023", "jan. 2023") == 1);
    CHECK(period_order("Sept. 2021", "Maj 2021") == 1);
    // Regression (probe41): months as Excel heads them by default, with a two-digit year ("dec-22"
    // and "jan-23": a fall of 270 was "steget med 270").
    CHECK(period_order("jan-23", "dec-22") == 1);
    CHECK(period_order("Dec. 22", "Jan. 23") == -1);
    CHECK(period_order("feb-23", "mar-23") == -1);
    CHECK(period_order("januar-23", "december-22") == 1);  // probe41b
    CHECK(period_order("okt 23", "Okt. 23") == std::nullopt);
    CHECK_FALSE(period_order("Afd-22", "Afd-23"));
    CHECK(boardpack::calc::names_period("dec-22"));
    CHECK(boardpack::calc::names_period("2. kvt. 2023"));
    CHECK_FALSE(boardpack::calc::names_period("Forløb"));
    CHECK_FALSE(period_order("Decentralt 2023", "Marked 2023").has_value());  // words that begin like a month
    // No year, the same period, or a year and nothing else to tell them apart.
    CHECK_FALSE(period_order("Budget", "Regnskab").has_value());
    CHECK_FALSE(period_order("Budget 2024", "Regnskab 2024").has_value());
    CHECK_FALSE(period_order("2024", "I alt").has_value());
    // Four digits that are no year: an amount heading.
    CHECK_FALSE(period_order("Konto 5000", "Konto 4000").has_value());
}

// "Did you mean": edit distance and the nearest name (core/suggest).
#include <doctest/doctest.h>

#include "core/suggest.hpp"

using namespace boardpack;

TEST_CASE("suggest: edit distance counts code points, so æ is one edit") {
    CHECK(edit_distance("tabel", "tabell") == 1);
    CHECK(edit_distance("beregning", "beregninger") == 2);
    CHECK(edit_distance("Økonomi", "Okonomi") == 1);
    CHECK(edit_distance("", "abc") == 3);
}

TEST_CASE("suggest: the nearest name, a case-only difference first, nothing when far") {
    CHECK(nearest_name("tabell", {"tabel", "beregning"}) == "tabel");
    CHECK(nearest_name("beregninger", {"tabel", "beregning"}) == "beregning");
    CHECK(nearest_name("ventetid.csv", {"Ventetid.csv", "ventetider.csv"}) == "Ventetid.csv");
    CHECK_FALSE(nearest_name("python", {"tabel", "beregning"}));
    CHECK_FALSE(nearest_name("tabel-9.csv", {"tabel-1.csv"}));  // another number is another file
    CHECK_FALSE(nearest_name("Budget 2026", {"Budget 2025"}));
    CHECK(did_you_mean("Sagsfremstiling", {"Resumé", "Sagsfremstilling"}) == "; did you mean \"Sagsfremstilling\"?");
    CHECK(did_you_mean("xyz", {"Resumé"}).empty());
}

TEST_CASE("suggest: another word is another thing, a shortened label is the likely one") {
    // Two regions 4 edits apart in 18 characters: each word that differs must be near its own.
    CHECK_FALSE(nearest_name("Region Nordjylland", {"Region Midtjylland", "Region Sjælland"}));
    CHECK(nearest_name("Region Nordjylland", {"Region Midtjylland", "Nordjylland"}) == "Nordjylland");
    CHECK(nearest_name("Nordjylland", {"Region Midtjylland", "Region Nordjylland"}) == "Region Nordjylland");
    CHECK(nearest_name("Region Sjæland", {"Region Midtjylland", "Region Sjælland"}) == "Region Sjælland");
    CHECK(nearest_name("Heraf deltidsansate", {"Heraf deltidsansatte", "Heraf fuldtid"}) == "Heraf deltidsansatte");
    // A part that stands in several candidates names none of them; nor does a part of a word.
    CHECK_FALSE(nearest_name("I alt", {"OUH i alt", "AUH i alt"}));
    CHECK_FALSE(nearest_name("jylland", {"Region Nordjylland"}));
    CHECK(nearest_name("I alt", {"OUH i alt", "Udmeldt loft"}) == "OUH i alt");
}

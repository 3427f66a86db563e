// The names of the PDF attachments' own files (bilag/<item>-<n>-<slug>.pdf): issue 12, point 2.
#include <doctest/doctest.h>

#include "model/attachment_file.hpp"

using boardpack::model::file_slug;

TEST_CASE("attachment files: the title as a file name, Danish letters spelled out") {
    CHECK(file_slug("Høringssvar fra Region Midtjylland") == "hoeringssvar-fra-region-midtjylland");
    CHECK(file_slug("Børne- og ungdomspsykiatri: ÆØÅ 2023!") == "boerne-og-ungdomspsykiatri-aeoeaa-2023");
    CHECK(file_slug("../../etc/passwd") == "etc-passwd");  // nothing of a path survives
    CHECK(file_slug("—") == "bilag");
}

TEST_CASE("attachment files: a long title is cut at a word's end, at most 60 characters") {
    const std::string slug = file_slug("Høringssvar - ændringsforslag til lov om autorisation af sundhedspersoner og om sundhedsfaglig virksomhed");
    CHECK(slug == "hoeringssvar-aendringsforslag-til-lov-om-autorisation-af");
    CHECK(slug.size() <= 60);
    CHECK(file_slug(std::string(100, 'a')).size() == 60);
}

TEST_CASE("attachment files: item, number and slug") {
    boardpack::model::AgendaItem item;
    item.number = 21;
    boardpack::model::Attachment a;
    a.number = 2;
    a.title = "Notat";
    CHECK(boardpack::model::attachment_file(item, a) == "bilag/21-2-notat.pdf");
}

#include <doctest/doctest.h>

#include "model/document.hpp"

using namespace boardpack::model;

TEST_CASE("model: the public edition keeps only number and status of a confidential item") {
    Meeting m;
    m.organisation = "Danske Regioner";
    AgendaItem open;
    open.number = 5;
    open.title = "Offentligt";
    AgendaItem secret;
    secret.number = 6;
    secret.status = Status::Fortrolig;
    secret.title = "Hemmelig titel";
    secret.case_officer = "Hemmelig sagsbehandler";
    secret.case_number = "EMN-2023-90006";
    secret.folder = "06-hemmelig-mappe";
    secret.sections.resize(6);
    secret.tables.resize(1);
    secret.attachments.resize(1);
    m.items = {open, secret};

    const Meeting pub = edition_view(m, Edition::Offentlig);
    REQUIRE(pub.items.size() == 2);
    CHECK(pub.items[0].title == "Offentligt");
    const AgendaItem& r = pub.items[1];
    CHECK(r.redacted);
    CHECK(r.number == 6);
    CHECK(r.status == Status::Fortrolig);
    CHECK(r.title.empty());
    CHECK(r.case_officer.empty());
    CHECK(r.case_number.empty());
    CHECK(r.folder.empty());
    CHECK(r.sections.empty());
    CHECK(r.tables.empty());
    CHECK(r.attachments.empty());

    const Meeting closed = edition_view(m, Edition::Lukket);
    CHECK_FALSE(closed.items[1].redacted);
    CHECK(closed.items[1].title == "Hemmelig titel");
}

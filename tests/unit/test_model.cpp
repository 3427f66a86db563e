#include <doctest/doctest.h>

#include "model/document.hpp"
#include "model/edition.hpp"

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

    const EditionView pub = edition_view(m, Edition::Offentlig);
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

    const EditionView closed = edition_view(m, Edition::Lukket);
    CHECK_FALSE(closed.items[1].redacted);
    CHECK(closed.items[1].title == "Hemmelig titel");
}

TEST_CASE("model: an edition is a view of the meeting, not a copy of it") {
    Meeting m;
    m.title = "Dagsorden";
    AgendaItem open;
    open.number = 1;
    open.title = "Offentligt";
    open.sections.resize(6);
    AgendaItem secret;
    secret.number = 2;
    secret.status = Status::Lukket;
    secret.title = "Lukket titel";
    m.items = {open, secret};

    for (Edition e : {Edition::Offentlig, Edition::Lukket}) {
        const EditionView view = edition_view(m, e);
        CHECK(&view.title == &m.title);
        REQUIRE(view.items.size() == 2);
        // The public item is the meeting's own, in both editions.
        CHECK(&view.items[0] == &m.items[0]);
        const bool closed = e == Edition::Lukket;
        CHECK((&view.items[1] == &m.items[1]) == closed);
        CHECK(view.items[1].title == (closed ? "Lukket titel" : ""));
        int walked = 0;
        for (const AgendaItem& item : view.items) walked += item.number;
        CHECK(walked == 3);
    }
    // A change to the meeting shows through the view.
    const EditionView view = edition_view(m, Edition::Offentlig);
    m.items[0].title = "Ændret";
    CHECK(view.items[0].title == "Ændret");
}

TEST_CASE("model: prepare_for_print fills in the title and each defaulted section") {
    Meeting m;
    AgendaItem item;
    item.number = 1;
    for (int k = 0; k < kSectionCount; ++k) {
        Section s;
        s.kind = static_cast<SectionKind>(k);
        s.defaulted = k != 0;
        if (k == 0) s.blocks.resize(1);
        item.sections.push_back(s);
    }
    m.items = {item};
    PrintDefaults defaults;
    defaults.title = "Dagsorden";
    for (int k = 0; k < kSectionCount; ++k) defaults.sections[static_cast<size_t>(k)] = "tekst " + std::to_string(k);
    boardpack::Diagnostics d;
    prepare_for_print(m, defaults, d);
    CHECK(m.title == "Dagsorden");
    CHECK(m.items[0].sections[0].blocks[0].inlines.empty());  // written in the input: kept
    REQUIRE(m.items[0].sections[3].blocks.size() == 1);
    CHECK(m.items[0].sections[3].blocks[0].inlines[0].text == "tekst 3");
    CHECK(d.all().empty());
}

// Issue 13, points 3 and 4: the rettelsesblad and the marks, rendered from model::Changes and the
// `changed` flags built here by hand (the comparison that fills them is the VERSIONS lane's), on
// a small meeting written at test time with a confidential item full of canaries.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "build.hpp"
#include "core/input_files.hpp"
#include "render/pdf/correction_layout.hpp"
#include "render/pdf/pdf_style.hpp"
#include "test_support.hpp"

using namespace boardpack;
namespace fs = std::filesystem;

namespace {

const char* const kCanary = "KANARIEFUGL";

void write(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}

fs::path small_meeting() {
    const fs::path dir = fs::temp_directory_path() / ("boardpack-rettelser-" + std::to_string(std::random_device{}()));
    write(dir / "meeting.txt",
          "organisation: Foreningen\norgan: Bestyrelsen\ndato: 2023-09-14\ntidspunkt: kl. 10\nsted: Her\n"
          "punkt: 01-budget\npunkt: 02-hemmelig\n");
    write(dir / "01-budget/budget.csv", "Post;2024\nLøn;1.000\nHusleje;500\n");
    write(dir / "01-budget/item.md",
          "---\nnummer: 1\nstatus: Offentlig\ntitel: Budget\nsagsbehandler: Anna\nsagsnummer: EMN-2023-00001\n---\n\n"
          "# Resumé\n\nLønnen er {budget[Løn; 2024] | kr.} i alt.\n\n# Sagsfremstilling\n\nVi foreslår en lille stigning.\n\n"
          "```tabel\nfil: budget.csv\nnavn: budget\ntitel: Budget\nrække: I alt = sum(Løn .. Husleje)\n```\n");
    write(dir / "02-hemmelig/hemmelig.csv", std::string("Post;2024\n") + kCanary + "rad;777.777\n");
    write(dir / "02-hemmelig/item.md",
          std::string("---\nnummer: 2\nstatus: Fortrolig\ntitel: ") + kCanary +
              " titel\nsagsbehandler: Bo\nsagsnummer: EMN-2023-00002\n---\n\n# Resumé\n\n" + kCanary +
              " tekst.\n\n```tabel\nfil: hemmelig.csv\nnavn: hemmelig\ntitel: " + kCanary + "tabel\n```\n");
    return dir;
}

struct Fixture {
    fs::path dir = small_meeting();
    model::Meeting meeting;
    model::Changes changes;
    std::optional<pipeline::RenderKit> kit;

    Fixture() {
        Diagnostics d;
        DiskFiles files(dir);
        auto m = pipeline::load(files, "2023-09-rettelser", d);
        kit = pipeline::load_kit(std::string(BOARDPACK_SOURCE_DIR) + "/templates", BOARDPACK_FONT_DIR, d);
        if (!m || !kit) throw std::runtime_error(test::messages(d));
        meeting = std::move(*m);
        pipeline::compute(meeting, kit->wording, d);
        pipeline::prepare(meeting, kit->wording, d);
        if (d.error_count()) throw std::runtime_error(test::messages(d));
        flag();
        changes = hand_made_changes();
    }
    ~Fixture() { fs::remove_all(dir); }

    // The flags as the comparison would set them: one input cell, the total it feeds, the figure
    // quoted in the text, one paragraph; and in the confidential item, its cell and the item.
    void flag() {
        model::AgendaItem& budget = meeting.items[0];
        budget.changed = true;
        model::Table& t = budget.tables[0];
        t.rows[0].cells[1].changed = true;  // Løn
        t.rows[2].cells[1].changed = true;  // I alt
        for (model::Block& b : budget.sections[0].blocks)
            for (model::Inline& in : b.inlines)
                if (in.kind == model::Inline::Kind::Figure) in.changed = true;
        for (model::Section& s : budget.sections)
            if (s.kind == model::SectionKind::Sagsfremstilling) s.blocks[0].changed = true;
        model::AgendaItem& secret = meeting.items[1];
        secret.changed = true;
        secret.tables[0].rows[0].cells[1].changed = true;
    }

    // What the comparison would give the closed edition, and (wrongly, to prove the renderers
    // hold the line on their own) the same for the public one, plus "now confidential".
    model::Changes hand_made_changes() const {
        model::Changes c;
        c.version = {2, {2023, 9, 15}};
        c.previous = {1, {2023, 9, 14}};
        c.figures.push_back({1, 1, "Budget", "Løn", "2024", "", "900", "1.000", true, -1, "", ""});
        c.figures.push_back({1, 1, "Budget", "I alt", "2024", "", "1.400", "1.500", false, 0, "", ""});
        c.figures.push_back({1, 0, "", "", "", "Resumé", "900 kr.", "1.000 kr.", false, 0, "", ""});
        c.figures.push_back({2, 1, std::string(kCanary) + "tabel", std::string(kCanary) + "rad", "2024", "", "1", "777.777", true, -1, "", ""});
        c.figures.push_back({2, 0, "", "", "", kCanary, "2", "3", false, 0, "", ""});  // derived from an input in item 1
        using K = model::DiffWord::Kind;
        c.texts.push_back({1, "Sagsfremstilling", {{K::Same, "Vi"}, {K::Same, "foreslår"}, {K::Removed, "ingen"},
                                                    {K::Added, "en"}, {K::Added, "lille"}, {K::Same, "stigning."}}});
        c.texts.push_back({2, "Resumé", {{K::Removed, kCanary}, {K::Added, kCanary}}});
        c.parts.push_back({model::PartChange::Kind::TableAdded, 2, std::string(kCanary) + "tabel"});
        return c;
    }

    std::string html(model::Edition e, bool with_changes = true) {
        model::EditionView view = pipeline::edition(meeting, e);
        if (with_changes) view.changes = &changes;
        Diagnostics d;
        auto out = pipeline::render_html(view, kit->wording, kit->html, d);
        REQUIRE(out);
        return *out;
    }

    render::pdf::LaidOutDocument pdf(model::Edition e) {
        model::EditionView view = pipeline::edition(meeting, e);
        view.changes = &changes;
        return pipeline::lay_out(view, kit->wording, kit->fonts.layout_metrics());
    }
};

size_t count(const std::string& s, const std::string& what) {
    size_t n = 0;
    for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
    return n;
}

std::string page_text(const render::pdf::Page& page) {
    std::string out;
    for (const render::pdf::TextItem& t : page.texts) out += t.text + "\n";
    return out;
}

size_t bars(const render::pdf::Page& page) {
    size_t n = 0;
    for (const render::pdf::BoxItem& b : page.boxes)
        if (b.color == render::pdf::kChangedColor && b.x < render::pdf::style::kMarginLeft) ++n;
    return n;
}

}  // namespace

TEST_CASE("corrections: the closed HTML opens with the rettelsesblad and marks what changed") {
    Fixture f;
    const std::string h = f.html(model::Edition::Lukket);
    CHECK(h.find("<title>LUKKET – ") != std::string::npos);
    CHECK(h.find("Version 2, rettet 15. september 2023</title>") != std::string::npos);
    CHECK(h.find("<p class=\"version\">Version 2, rettet 15. september 2023</p>") != std::string::npos);
    // The sheet comes first, before the front page's header.
    REQUIRE(h.find("<h1 id=\"rettelsesblad\">Rettelsesblad</h1>") != std::string::npos);
    CHECK(h.find("<h1 id=\"rettelsesblad\">") < h.find("<header class=\"forside\">"));
    CHECK(h.find("erstatter version 1 fra 14. september 2023") != std::string::npos);
    // The input figure with its table and cell, the derived ones under it (in its <li>).
    const size_t input = h.find("<li>Tabel 1: Budget – Løn, 2024: fra 900 til 1.000");
    REQUIRE(input != std::string::npos);
    const size_t derived = h.find("Tabel 1: Budget – I alt, 2024: fra 1.400 til 1.500");
    const size_t quoted = h.find("Tal i teksten under Resumé: fra 900 kr. til 1.000 kr.");
    REQUIRE(derived != std::string::npos);
    REQUIRE(quoted != std::string::npos);
    // Under it: the lead-in, then a nested list, before the input's own item closes.
    const size_t lead = h.find("<p class=\"afledte\">Beregnet af dette tal og derfor også rettet:</p>\n<ul>\n<li>", input);
    CHECK(lead != std::string::npos);
    CHECK(lead < derived);
    CHECK(derived < quoted);
    CHECK(h.find("</ul>\n</li>", quoted) < h.find("<h3>Rettet tekst</h3>"));
    // The derived figure in the other item says which item it is in.
    CHECK(h.find("punkt 2, Tal i teksten under") != std::string::npos);
    // The word-level difference: struck and inserted, with words for screen readers.
    CHECK(h.find("Vi foreslår <del><span class=\"skjult\">[slettet: </span>ingen<span class=\"skjult\"> slut]</span></del> "
                 "<ins><span class=\"skjult\">[tilføjet: </span>en lille<span class=\"skjult\"> slut]</span></ins> stigning.") !=
          std::string::npos);
    // Marks: agenda and heading, figures and cells framed with a hidden word, the paragraph's bar.
    CHECK(count(h, "<span class=\"rettet-maerke\">Rettet i version 2</span>") == 2);
    CHECK(count(h, "<p class=\"rettet-maerke\">Rettet i version 2</p>") == 2);
    CHECK(count(h, "<span class=\"skjult\"> (rettet)</span></mark>") == 4);  // Løn, I alt, the quoted figure, item 2's cell
    CHECK(h.find("<p class=\"rettet-afsnit\">Vi foreslår en lille stigning.<span class=\"skjult\"> (rettet)</span></p>") !=
          std::string::npos);
    CHECK(h.find("class=\"rettet-forklaring\"") != std::string::npos);
}

TEST_CASE("corrections: the public edition shows nothing of the confidential item, not even that it changed") {
    Fixture f;
    f.changes.parts.push_back({model::PartChange::Kind::ItemNowConfidential, 2, std::string(kCanary) + " titel"});
    const std::string h = f.html(model::Edition::Offentlig);
    CHECK(h.find(kCanary) == std::string::npos);
    CHECK(h.find("777") == std::string::npos);
    CHECK(h.find("Punktet er nu fortroligt.") != std::string::npos);
    CHECK(h.find("punkt 2,") == std::string::npos);
    // Item 1's marks are there; item 2's stand-in carries none.
    CHECK(count(h, "<span class=\"rettet-maerke\">") == 1);
    CHECK(count(h, "<p class=\"rettet-maerke\">") == 1);
    const render::pdf::LaidOutDocument doc = f.pdf(model::Edition::Offentlig);
    const std::string dump = render::pdf::dump(doc);
    CHECK(dump.find(kCanary) == std::string::npos);
    CHECK(dump.find("777") == std::string::npos);
    CHECK(dump.find("Punktet er nu fortroligt.") != std::string::npos);
    // The sheet's own files, too.
    model::EditionView view = pipeline::edition(f.meeting, model::Edition::Offentlig);
    view.changes = &f.changes;
    Diagnostics d;
    const auto sheet = pipeline::render_correction_html(view, f.kit->wording, f.kit->html, d);
    REQUIRE(sheet);
    CHECK(sheet->find(kCanary) == std::string::npos);
    CHECK(render::pdf::dump(pipeline::lay_out_correction(view, f.kit->wording, f.kit->fonts.layout_metrics())).find(kCanary) ==
          std::string::npos);
}

TEST_CASE("corrections: a confidential item new on the agenda is listed on the public sheet as its line, and nothing more") {
    // A probe: the public packet printed a new "2 (Fortrolig)", its sheet "Ingen rettelser.".
    Fixture f;
    f.changes.figures.clear();
    f.changes.texts.clear();
    f.changes.parts.push_back({model::PartChange::Kind::ItemAdded, 2, std::string(kCanary) + " titel"});
    model::EditionView view = pipeline::edition(f.meeting, model::Edition::Offentlig);
    view.changes = &f.changes;
    Diagnostics d;
    const auto sheet = pipeline::render_correction_html(view, f.kit->wording, f.kit->html, d);
    REQUIRE(sheet);
    CHECK(sheet->find("Punktet er tilføjet i denne version.") != std::string::npos);
    CHECK(sheet->find("2 (Fortrolig)") != std::string::npos);
    CHECK(sheet->find(kCanary) == std::string::npos);
    CHECK(sheet->find("Ingen rettelser") == std::string::npos);
}

TEST_CASE("corrections: version 1 (or no changes) prints no version line, sheet or mark, whatever the flags") {
    Fixture f;
    const std::string none = f.html(model::Edition::Lukket, false);
    f.changes = {};
    CHECK(f.html(model::Edition::Lukket) == none);
    const std::string body = none.substr(none.find("<body>"));  // the style sheet names the marks' classes
    CHECK(body.find("ettet") == std::string::npos);
    CHECK(body.find("<mark") == std::string::npos);
    model::EditionView view = pipeline::edition(f.meeting, model::Edition::Lukket);
    CHECK(render::pdf::dump(pipeline::lay_out(view, f.kit->wording, f.kit->fonts.layout_metrics())).find("ettet") ==
          std::string::npos);
}

TEST_CASE("corrections: the PDF opens with the sheet, bars stand beside changed lines, the version is in footer and info") {
    Fixture f;
    const render::pdf::LaidOutDocument doc = f.pdf(model::Edition::Lukket);
    REQUIRE(doc.pages.size() >= 3);
    const std::string first = page_text(doc.pages[0]);
    CHECK(first.find("Rettelsesblad\n") != std::string::npos);
    CHECK(first.find("Version 2, rettet 15. september 2023") != std::string::npos);
    CHECK(first.find("fra 900 til 1.000") != std::string::npos);
    CHECK(first.find("Beregnet af dette tal og derfor også rettet:") != std::string::npos);
    CHECK(bars(doc.pages[0]) == 0);  // the sheet names changes in words
    CHECK(doc.info.title.find("Version 2, rettet 15. september 2023") != std::string::npos);
    CHECK(doc.info.subject.find("Version 2") != std::string::npos);
    REQUIRE(!doc.outline.empty());
    CHECK(doc.outline[0].anchor == "rettelsesblad");
    size_t total_bars = 0;
    for (const render::pdf::Page& p : doc.pages) {
        CHECK(page_text(p).find("Version 2, rettet 15. september 2023") != std::string::npos);  // the footer
        total_bars += bars(p);
    }
    // The legend, item 1's mark line, the quoted figure's paragraph, the changed paragraph, Løn, I alt;
    // item 2's mark line and its cell.
    CHECK(total_bars == 8);
    // Struck words in the sheet: the strike is a box over the removed word.
    bool struck = false;
    for (const render::pdf::TextItem& t : doc.pages[0].texts) struck = struck || t.text == "ingen";
    CHECK(struck);
}

TEST_CASE("corrections: write_correction_sheet writes the sheet as its own HTML and PDF, nothing for version 1") {
    Fixture f;
    model::EditionView view = pipeline::edition(f.meeting, model::Edition::Lukket);
    Diagnostics d;
    const fs::path out = f.dir / "ud";
    fs::create_directories(out);
    auto none = pipeline::write_correction_sheet(view, *f.kit, out, d);
    REQUIRE(none);
    CHECK(none->empty());
    view.changes = &f.changes;
    auto files = pipeline::write_correction_sheet(view, *f.kit, out, d);
    INFO(test::messages(d));
    REQUIRE(files);
    REQUIRE(files->size() == 2);
    CHECK((*files)[0].filename() == "rettelsesblad-lukket.html");
    CHECK((*files)[1].filename() == "rettelsesblad-lukket.pdf");
    std::ifstream in((*files)[0]);
    const std::string h((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(h.find("<title>Rettelsesblad – LUKKET") != std::string::npos);
    CHECK(h.find("<h1 id=\"rettelsesblad\">") != std::string::npos);
    CHECK(h.find("<nav") == std::string::npos);  // the sheet alone: no agenda, no items
    CHECK(h.find("href=\"#punkt-1\"") == std::string::npos);  // no items to link to on its own page
    CHECK(fs::file_size((*files)[1]) > 1000);
    // A sheet that cannot be written is named with the system's reason (it said "cannot write X").
    Diagnostics full;
    {
        const test::FileSizeLimit limit(1024);
        CHECK_FALSE(pipeline::write_correction_sheet(view, *f.kit, out, full));
    }
    CHECK(test::messages(full) == (out / "rettelsesblad-lukket.html").string() + ": error: cannot write " +
                                      (out / "rettelsesblad-lukket.html").string() + ": File too large\n");
}

TEST_CASE("corrections: a figure added or removed reads so on the sheet, never \"fra  til 30\"") {
    // Regression (corr-repeated-labels): a group of rows inserted printed "Løn, 2023: fra  til 30".
    Fixture f;
    model::FigureChange added = f.changes.figures.at(0);
    added.before.clear();
    added.after = "30";
    added.row = "Region Midt / Løn";
    model::FigureChange removed = added;
    removed.before = "20";
    removed.after.clear();
    f.changes.figures = {added, removed};
    const std::string h = f.html(model::Edition::Lukket);
    CHECK(h.find("Region Midt / Løn, 2024: tilføjet, 30") != std::string::npos);
    CHECK(h.find("Region Midt / Løn, 2024: fjernet (var 20)") != std::string::npos);
    CHECK(h.find("fra  til") == std::string::npos);
}

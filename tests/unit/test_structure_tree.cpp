// The tagged PDF's structure tree from the page items' Origin (issue 11, point 1): what becomes
// which element, what is an artifact, and how marked-content ids are shared.
#include <doctest/doctest.h>

#include "render/pdf/structure_tree.hpp"

using namespace boardpack::render::pdf;
using Role = Origin::Role;

namespace {

Origin origin(Role role, int block, int level = 0, int parent = -1, int item = -1, int row = -1, int col = -1) {
    Origin o;
    o.role = role;
    o.block = block;
    o.level = static_cast<signed char>(level);
    o.parent = parent;
    o.item = item;
    o.row = row;
    o.col = col;
    return o;
}

TextItem text(const std::string& s, const Origin& o, double x = 68, double baseline = 100) {
    TextItem t;
    t.x = x;
    t.baseline = baseline;
    t.text = s;
    t.origin = o;
    return t;
}

LaidOutDocument pages(size_t n) {
    LaidOutDocument doc;
    doc.page_width = 595;
    doc.page_height = 842;
    doc.pages.resize(n);
    return doc;
}

}  // namespace

TEST_CASE("structure: a paragraph's lines share one MCID; a footer between them is an artifact") {
    LaidOutDocument doc = pages(1);
    auto& t = doc.pages[0].texts;
    t.push_back(text("Resumé", origin(Role::Heading, 1, 3)));
    t.push_back(text("Første linje", origin(Role::Paragraph, 2)));
    t.push_back(text("anden linje", origin(Role::Paragraph, 2)));
    t.push_back(text("Side 1 af 1", origin(Role::Artifact, -1)));
    t.push_back(text("", origin(Role::Paragraph, 2)));  // writes nothing, marks nothing
    const StructureTree tree = build_structure(doc);
    CHECK(dump(tree, doc) == "Document\n  H3 |Resumé|\n  P |Første linje anden linje|\n");
    CHECK(tree.text_mcid[0] == std::vector<int>{0, 1, 1, -1, -1});
    CHECK(tree.mcid_element[0].size() == 2);
}

TEST_CASE("structure: an element interrupted by an artifact gets a second MCID, never a repeated one") {
    LaidOutDocument doc = pages(1);
    auto& t = doc.pages[0].texts;
    t.push_back(text("a", origin(Role::Paragraph, 1)));
    t.push_back(text("rule", origin(Role::Artifact, -1)));
    t.push_back(text("b", origin(Role::Paragraph, 1)));
    const StructureTree tree = build_structure(doc);
    CHECK(tree.text_mcid[0] == std::vector<int>{0, -1, 1});
    CHECK(tree.mcid_element[0][0] == tree.mcid_element[0][1]);
}

TEST_CASE("structure: a table continued on the next page repeats its caption and header as artifacts") {
    LaidOutDocument doc = pages(2);
    for (int p = 0; p < 2; ++p) {
        auto& t = doc.pages[static_cast<size_t>(p)].texts;
        t.push_back(text(p == 0 ? "Tabel 1: Budget" : "Tabel 1: Budget (fortsat)", origin(Role::TableCaption, 5)));
        t.push_back(text("Post", origin(Role::TableHeader, 5, 0, -1, -1, 0, 0)));
        t.push_back(text("Beløb", origin(Role::TableHeader, 5, 0, -1, -1, 0, 1)));
        t.push_back(text("Post " + std::to_string(p + 1), origin(Role::TableCell, 5, 0, -1, -1, p + 1, 0)));
        t.push_back(text("100", origin(Role::TableCell, 5, 0, -1, -1, p + 1, 1)));
    }
    doc.pages[1].texts.push_back(text("Kilde: eksemplet.", origin(Role::TableNote, 5)));
    const StructureTree tree = build_structure(doc);
    CHECK(dump(tree, doc) ==
          "Document\n"
          "  Table\n"
          "    Caption |Tabel 1: Budget|\n"
          "    THead\n      TR\n        TH |Post|\n        TH |Beløb|\n"
          "    TBody\n      TR\n        TH |Post 1|\n        TD |100|\n"
          "      TR\n        TH |Post 2|\n        TD |100|\n"
          "  P |Kilde: eksemplet.|\n");
    CHECK(tree.text_mcid[1][0] == -1);
    CHECK(tree.text_mcid[1][1] == -1);
    CHECK(tree.text_mcid[1][2] == -1);
    CHECK(tree.text_mcid[1][3] >= 0);
}

TEST_CASE("structure: a \"(fortsat)\" heading before the rest of the agenda is an artifact; the agenda is one TOC") {
    LaidOutDocument doc = pages(2);
    doc.pages[0].texts.push_back(text("Dagsorden", origin(Role::Heading, 2, 2)));
    doc.pages[0].texts.push_back(text("1 Budget", origin(Role::AgendaEntry, 3, 0, -1, 0)));
    doc.pages[1].texts.push_back(text("Dagsorden (fortsat)", origin(Role::Heading, 4, 2)));
    doc.pages[1].texts.push_back(text("2 Eventuelt", origin(Role::AgendaEntry, 3, 0, -1, 1)));
    doc.pages[1].texts.push_back(text("5 (Offentlig) Budget", origin(Role::Heading, 5, 2)));
    doc.pages[1].texts.push_back(text("Tekst", origin(Role::Paragraph, 6)));
    const StructureTree tree = build_structure(doc);
    CHECK(dump(tree, doc) == "Document\n  H2 |Dagsorden|\n  TOC\n    TOCI\n      Reference |1 Budget|\n    TOCI\n      Reference |2 Eventuelt|\n"
                        "  H2 |5 (Offentlig) Budget|\n  P |Tekst|\n");
    CHECK(tree.text_mcid[1][0] == -1);
}

TEST_CASE("structure: lists are L/LI/Lbl/LBody, a nested list sits in its item's body, a quote is a BlockQuote") {
    LaidOutDocument doc = pages(1);
    auto& t = doc.pages[0].texts;
    t.push_back(text("•", origin(Role::ListLabel, 11, 1, 10, 0)));
    t.push_back(text("Første", origin(Role::Paragraph, 11, 1, 10, 0)));
    t.push_back(text("–", origin(Role::ListLabel, 13, 2, 12, 0)));
    t.push_back(text("Under", origin(Role::Paragraph, 13, 2, 12, 0)));
    t.push_back(text("•", origin(Role::ListLabel, 14, 1, 10, 1)));
    t.push_back(text("Andet", origin(Role::Paragraph, 14, 1, 10, 1)));
    t.push_back(text("Citat", origin(Role::Paragraph, 16, 0, 15)));
    t.push_back(text("6 (Fortrolig)", origin(Role::Placeholder, 17)));
    const StructureTree tree = build_structure(doc);
    CHECK(dump(tree, doc) ==
          "Document\n"
          "  L\n"
          "    LI\n      Lbl |•|\n      LBody\n        P |Første|\n"
          "        L\n          LI\n            Lbl |–|\n            LBody\n              P |Under|\n"
          "    LI\n      Lbl |•|\n      LBody\n        P |Andet|\n"
          "  BlockQuote\n    P |Citat|\n"
          "  H2 |6 (Fortrolig)|\n");
}

TEST_CASE("structure: a link over two lines is one Link element with both annotations; the full stop after it is not in it") {
    LaidOutDocument doc = pages(1);
    auto& page = doc.pages[0];
    page.texts.push_back(text("Se ", origin(Role::Paragraph, 1), 68, 100));
    Origin linked = origin(Role::Paragraph, 1);
    linked.link = true;
    page.texts.push_back(text("planen for", linked, 90, 100));
    page.texts.push_back(text("ventelister", linked, 68, 114));
    page.texts.push_back(text(".", origin(Role::Paragraph, 1), 120, 114));
    page.links.push_back({90, 92, 60, 11, "https://example.org/plan", "", "", origin(Role::Paragraph, 1)});
    page.links.push_back({68, 106, 52, 11, "https://example.org/plan", "", "", origin(Role::Paragraph, 1)});
    const StructureTree tree = build_structure(doc);
    CHECK(dump(tree, doc) == "Document\n  P\n    Link |planen for ventelister|\n");
    const int link = tree.link_element[0][0];
    CHECK(link == tree.link_element[0][1]);
    int annotations = 0;
    for (const StructKid& k : tree.kids(static_cast<size_t>(link))) annotations += k.kind == StructKid::Kind::Annotation;
    CHECK(annotations == 2);
    CHECK(tree.text_mcid[0] == std::vector<int>{0, 1, 1, 2});
}

TEST_CASE("structure: a figure's texts and drawing are one Figure element with its Alt and box, in reading order (issues 12, 14)") {
    LaidOutDocument doc = pages(1);
    Page& page = doc.pages[0];
    page.texts.push_back(text("Før", origin(Role::Paragraph, 1), 68, 90));
    // A chart: a bar (a box), two axis labels; a rule of the page's layout is no part of it.
    page.boxes.push_back({100, 120, 20, 80, {}, origin(Role::Figure, 2)});
    page.boxes.push_back({68, 300, 450, 0.5, {}, origin(Role::Artifact, -1)});
    page.texts.push_back(text("0", origin(Role::Figure, 2), 80, 200));
    page.texts.push_back(text("100", origin(Role::Figure, 2), 80, 130));
    page.texts.push_back(text("Efter", origin(Role::Paragraph, 3), 68, 260));
    doc.figures.push_back({2, "Figur 1: Søjle på 100"});
    const StructureTree tree = build_structure(doc);
    CHECK(dump(tree, doc) == "Document\n  P |Før|\n  Figure alt=\"Figur 1: Søjle på 100\" |0 100|\n  P |Efter|\n");
    // The drawing has an MCID of its own in the figure's element; its texts share another.
    REQUIRE(tree.figure_mcid[0].count(2) == 1);
    const int drawing = tree.figure_mcid[0].at(2);
    const int figure = tree.mcid_element[0][static_cast<size_t>(drawing)];
    CHECK(std::string(tree.elements[static_cast<size_t>(figure)].type()) == "Figure");
    CHECK(tree.mcid_element[0][static_cast<size_t>(tree.text_mcid[0][1])] == figure);
    CHECK(tree.text_mcid[0][1] == tree.text_mcid[0][2]);
    CHECK(tree.text_mcid[0][1] != drawing);
    // Its box in PDF coordinates: from the labels' left (x 80) to the bar's right (120), from the
    // lower label's descent to the bar's top (y 120 from the top of an 842 point page;
    // a text counts from its size above its baseline).
    const FigureTag& tag = tree.figures.at(figure);
    CHECK(tag.bbox[0] == doctest::Approx(80));
    CHECK(tag.bbox[2] == doctest::Approx(120));
    CHECK(tag.bbox[3] == doctest::Approx(842 - 120));
    CHECK(tag.bbox[1] == doctest::Approx(842 - 202.5));
}

TEST_CASE("structure: a picture with no text is a Figure between the blocks around it, also inside a list item") {
    LaidOutDocument doc = pages(1);
    Page& page = doc.pages[0];
    page.texts.push_back(text("Før", origin(Role::Paragraph, 1), 68, 90));
    page.texts.push_back(text("Efter", origin(Role::Paragraph, 3), 68, 400));
    page.texts.push_back(text("•", origin(Role::ListLabel, 5, 1, 4, 0), 68, 420));
    page.texts.push_back(text("Punkt", origin(Role::Paragraph, 5, 1, 4, 0), 80, 420));
    page.images.push_back({68, 100, 300, 200, nullptr, origin(Role::Figure, 2)});
    page.images.push_back({80, 430, 100, 50, nullptr, origin(Role::Figure, 6, 1, 4, 0)});
    doc.figures.push_back({2, "Et kort over regionen"});
    doc.figures.push_back({6, "Et lille billede"});
    const StructureTree tree = build_structure(doc);
    CHECK(dump(tree, doc) ==
          "Document\n  P |Før|\n  Figure alt=\"Et kort over regionen\" ||\n  P |Efter|\n"
          "  L\n    LI\n      Lbl |•|\n      LBody\n        P |Punkt|\n        Figure alt=\"Et lille billede\" ||\n");
    const FigureTag& tag = tree.figures.at(tree.mcid_element[0][static_cast<size_t>(tree.figure_mcid[0].at(2))]);
    CHECK(tag.bbox[0] == doctest::Approx(68));
    CHECK(tag.bbox[1] == doctest::Approx(842 - 300));
    CHECK(tag.bbox[2] == doctest::Approx(368));
    CHECK(tag.bbox[3] == doctest::Approx(842 - 100));
    // Every MCID on the page belongs to one element, the drawings' too.
    CHECK(tree.mcid_element[0].size() == 6);
}

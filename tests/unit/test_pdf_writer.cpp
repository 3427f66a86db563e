// The PDF writer's limits and messages (issue 8): libharu's limits are refused with a message
// naming them, a libharu error says what was being written, and a damaged font is named.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "render/pdf/pdf_writer.hpp"
#include "render/pdf/truetype_check.hpp"

using namespace boardpack;
using namespace boardpack::render::pdf;

namespace {

LaidOutDocument pages(size_t n) {
    LaidOutDocument doc;
    doc.page_width = 595;
    doc.page_height = 842;
    doc.pages.resize(n);
    doc.info.subject = "Offentlig udgave";
    return doc;
}

std::string messages(const Diagnostics& diags) {
    std::string out;
    for (const Diagnostic& d : diags.all()) out += format_diagnostic(d);
    return out;
}

std::string font_bytes() {
    std::ifstream in(std::string(BOARDPACK_FONT_DIR) + "/" + font_file(FontStyle::Regular), std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("PDF writer: more pages than libharu can write are refused before writing, naming the limit") {
    Diagnostics diags;
    CHECK_FALSE(write_pdf(pages(32768), BOARDPACK_FONT_DIR, diags));
    CHECK(messages(diags) ==
          "error: cannot write the PDF (Offentlig udgave): it would have 32768 pages; the limit is 32767 pages "
          "(libharu's)\n");
}

TEST_CASE("PDF writer: a libharu error says what was being written") {
    SUBCASE("a font size libharu refuses, on the page that has it") {
        LaidOutDocument doc = pages(2);
        doc.pages[1].texts.push_back({72, 100, "Budget 2024", FontStyle::Regular, 700, {}, {}});
        Diagnostics diags;
        CHECK_FALSE(write_pdf(doc, BOARDPACK_FONT_DIR, diags));
        CHECK(messages(diags) ==
              "error: cannot write the text \"Budget 2024\" on page 2 of 2 of the PDF (Offentlig udgave): libharu error "
              "0x1050: a font size is outside libharu's limits (above 0, at most 600 points) (detail 700)\n");
    }
    SUBCASE("a bookmark over libharu's string limit") {
        LaidOutDocument doc = pages(1);
        doc.pages[0].anchors.push_back({"forside", 0});
        doc.outline.push_back({std::string(70000, 'x'), "forside", 0, {"m/01-budget/item.md", 0, 0}});
        Diagnostics diags;
        CHECK_FALSE(write_pdf(doc, BOARDPACK_FONT_DIR, diags));
        CHECK(messages(diags).find("m/01-budget/item.md: error: cannot write the bookmark \"xxxxxxxxxx") == 0);
        CHECK(messages(diags).find("in the PDF (Offentlig udgave): libharu error 0x105B: a text is longer than "
                                   "libharu's limit of 65535 bytes\n") != std::string::npos);
    }
    SUBCASE("a text longer than libharu's limit for one call is written in parts") {
        LaidOutDocument doc = pages(1);
        doc.pages[0].texts.push_back({72, 100, std::string(70000, 'x'), FontStyle::Regular, 0.01, {}, {}});
        Diagnostics diags;
        CHECK(write_pdf(doc, BOARDPACK_FONT_DIR, diags));
        CHECK(messages(diags).empty());
    }
    SUBCASE("a good document is written") {
        LaidOutDocument doc = pages(1);
        doc.pages[0].texts.push_back({72, 100, "Budget 2024", FontStyle::Bold, 12, {}, {}});
        Diagnostics diags;
        const auto pdf = write_pdf(doc, BOARDPACK_FONT_DIR, diags);
        REQUIRE(pdf);
        CHECK(pdf->rfind("%PDF-", 0) == 0);
        CHECK(messages(diags).empty());
    }
}

TEST_CASE("TrueType check: a cut-off, damaged or foreign file is named as such; Carlito passes") {
    const std::string font = font_bytes();
    REQUIRE(font.size() > 100000);
    CHECK(truetype_problem(font).empty());
    CHECK(truetype_problem(font.substr(0, font.size() / 2)).find("the file is cut off: table \"") == 0);
    CHECK(truetype_problem(font.substr(0, 20)) == "the file is cut off inside its table directory");
    CHECK(truetype_problem("") == "the file is too short to be a TrueType font");
    CHECK(truetype_problem("organisation: Eksempelregionernes Forening\n") == "this is not a TrueType font");
    std::string flipped = font;
    flipped[flipped.size() / 3] = static_cast<char>(flipped[flipped.size() / 3] ^ 0x55);
    CHECK(truetype_problem(flipped).find("the file is damaged: table \"") == 0);
}

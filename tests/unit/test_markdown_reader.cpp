#include <doctest/doctest.h>

#include "input/markdown_reader.hpp"
#include "test_support.hpp"

using namespace boardpack;
using boardpack::model::Block;
using boardpack::model::Inline;

namespace {

std::vector<Block> read(const std::string& text, Diagnostics& d) {
    input::MarkdownSource src;
    src.text = text;
    src.file = "item.md";
    src.first_line = 10;
    return input::read_markdown(src, nullptr, d);
}

}  // namespace

TEST_CASE("markdown: paragraphs, headings, lists and emphasis become model blocks") {
    Diagnostics d;
    const auto blocks = read("# Resumé\n\nTekst med **fed**.\n\n- en\n- to\n\n2. anden\n3. tredje\n", d);
    REQUIRE(blocks.size() == 4);
    CHECK(blocks[0].kind == Block::Kind::Heading);
    CHECK(blocks[0].level == 1);
    CHECK(blocks[0].loc.line == 10);  // positions are file lines
    CHECK(blocks[1].inlines[1].kind == Inline::Kind::Strong);
    CHECK(blocks[2].kind == Block::Kind::BulletList);
    CHECK(blocks[2].items.size() == 2);
    CHECK(blocks[3].kind == Block::Kind::OrderedList);
    CHECK(blocks[3].start == 2);
    CHECK(blocks[3].loc.line == 17);
}

TEST_CASE("markdown: raw HTML is kept as text, never passed through") {
    Diagnostics d;
    const auto blocks = read("<script>alert(1)</script>\n\nEt <b>ord</b>.\n", d);
    REQUIRE(blocks.size() == 2);
    CHECK(blocks[0].kind == Block::Kind::CodeBlock);
    CHECK(blocks[0].text == "<script>alert(1)</script>\n");
    CHECK(input::plain_text(blocks[1].inlines) == "Et <b>ord</b>.");
}

TEST_CASE("markdown: a block that is one HTML comment is a note to the author, left out") {
    Diagnostics d;
    const auto blocks = read("<!--\nRet teksten.\n\nOgså her.\n-->\n\nTekst.\n\n<!-- a --> og mere\n\n<!-- a --><!-- b -->\n", d);
    REQUIRE(blocks.size() == 3);
    CHECK(input::plain_text(blocks[0].inlines) == "Tekst.");
    // Not one comment alone: printed as the text it is, as any other raw HTML.
    CHECK(blocks[1].kind == Block::Kind::CodeBlock);
    CHECK(blocks[1].text == "<!-- a --> og mere\n");
    CHECK(blocks[2].text == "<!-- a --><!-- b -->\n");
    CHECK(d.all().empty());
}

TEST_CASE("markdown: javascript: links lose their target and warn") {
    Diagnostics d;
    const auto blocks = read("Klik [her](javascript:alert(1)) og [her](https://regioner.dk).\n", d);
    REQUIRE(blocks.size() == 1);
    const auto& in = blocks[0].inlines;
    CHECK(input::plain_text(in) == "Klik her og her.");
    int links = 0;
    for (const Inline& i : in) links += i.kind == Inline::Kind::Link ? 1 : 0;
    CHECK(links == 1);
    CHECK(test::messages(d) ==
          "item.md:10:6: warning: link to \"javascript:alert(1)\" removed: only http, https and mailto links and places in the packet (#punkt-5) are allowed\n");
}

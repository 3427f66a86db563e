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

// The same with the file's lines, as the loader gives them: what needs the source line (escapes,
// a closing fence) is read from them.
// With `note_anchor`, as an item's text is read: its footnotes' notes are places named so.
std::vector<Block> read_lines(const std::string& text, Diagnostics& d, const std::string& note_anchor = {}) {
    input::MarkdownSource src;
    src.text = text;
    src.file = "item.md";
    src.first_line = 10;
    src.note_anchor = note_anchor;
    src.lines.assign(9, "");
    for (size_t start = 0; start < text.size();) {
        const size_t end = text.find('\n', start);
        src.lines.push_back(std::string_view(text).substr(start, end - start));
        start = end == std::string::npos ? text.size() : end + 1;
    }
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

TEST_CASE("markdown: HTML comments are notes to the author, left out wherever they stand") {
    Diagnostics d;
    const auto blocks = read("<!--\nRet teksten.\n\nOgså her.\n-->\n\nTekst <!-- intern note --> mere.\n\n<!-- a --> <!-- b -->\n", d);
    REQUIRE(blocks.size() == 1);
    CHECK(input::plain_text(blocks[0].inlines) == "Tekst  mere.");
    CHECK(d.all().empty());
}

// Probe 20, repro 3: a comment inside a line holding "--" or ending "--->" is a comment to HTML
// (and CommonMark 0.31), but cmark-gfm's older rule left it as text: the author's note was printed
// in the public edition. Comments end at their first "-->", wherever they stand.
TEST_CASE("markdown: a comment ends at its first \"-->\", as in HTML, inside a line too") {
    Diagnostics d;
    const auto blocks = read_lines(
        "Beløb. <!-- Husk: tallet -- 12,5 mio. kr. -- er ikke godkendt -->\n\n"
        "Tekst <!-- NOTEC ---> mere.\n\n"
        "A <!--> B <!---> C.\n\n"
        "Linje <!-- over\nto -- linjer --> slut.\n\n"
        "- punkt <!-- i -- liste --> her\n\n"
        "Se [linket <!-- a -- b --> tekst](https://x.dk/).\n\n"
        "Skrevet \\<!-- vises -- her --> og &lt;!-- også -->.\n\n"
        "`<!-- kode -- x -->` bliver.\n\n"
        "<!-->\n\n"
        "<!--- a -- b --->\n\n"
        "## Titel <!-- a -- b --> slut\n\n"
        "Figur {1 + 1} <!-- x -- y --> og {2 + 2}.\n",
        d);
    CHECK(test::messages(d) == "");
    REQUIRE(blocks.size() == 10);
    CHECK(input::plain_text(blocks[0].inlines) == "Beløb. ");
    CHECK(input::plain_text(blocks[1].inlines) == "Tekst  mere.");
    CHECK(input::plain_text(blocks[2].inlines) == "A  B  C.");
    CHECK(input::plain_text(blocks[3].inlines) == "Linje  slut.");
    REQUIRE(blocks[4].items.size() == 1);
    CHECK(input::plain_text(blocks[4].items[0][0].inlines) == "punkt  her");
    CHECK(input::plain_text(blocks[5].inlines) == "Se linket  tekst.");
    // Written escaped or as a reference, it is text, as CommonMark reads it; in code it is code.
    CHECK(input::plain_text(blocks[6].inlines) == "Skrevet <!-- vises -- her --> og <!-- også -->.");
    CHECK(input::plain_text(blocks[7].inlines) == "<!-- kode -- x --> bliver.");
    CHECK(blocks[8].kind == Block::Kind::Heading);
    CHECK(input::plain_text(blocks[8].inlines) == "Titel  slut");
    // A figure after a comment keeps its column.
    std::vector<int> columns;
    for (const Inline& in : blocks[9].inlines)
        if (in.kind == Inline::Kind::Figure) columns.push_back(in.loc.column);
    CHECK(columns == std::vector<int>{8, 35});
}

TEST_CASE("markdown: a comment inside a line that does not end where it can is an error, never printed") {
    const auto messages = [](const std::string& text) {
        Diagnostics d;
        read_lines(text, d);
        const std::string m = test::messages(d);
        return m.substr(0, m.find('\n') + 1);  // the first line; the source line and caret follow
    };
    CHECK(messages("Tekst <!-- aldrig lukket\n\nmere -->\n") ==
          "item.md:10:7: error: this HTML comment is never closed with \"-->\" in its paragraph, so it would be printed; "
          "close it (a comment inside a line may not hold a blank line), or put it on lines of its own\n");
    CHECK(messages("Tekst <!-- uden slut -- her\n").find("item.md:10:7: error: this HTML comment is never closed") == 0);
    CHECK(messages("*a <!-- b* -- c -->\n").find("item.md:10:4: error: this HTML comment is never closed") == 0);
    CHECK(messages("Tekst <!-- a -- `-->` b -->\n") ==
          "item.md:10:7: error: this HTML comment ends inside code, emphasis or a link, so part of it would be printed; "
          "end it in the plain text, or put it on lines of its own\n");
    CHECK(messages("<!-- note -- uden slut\n\n# Indstilling\n").find("error: this HTML block is never closed") != std::string::npos);
}

TEST_CASE("markdown: text after a comment on its line is refused, so the note is not printed with it") {
    Diagnostics d;
    read("Tekst.\n\n<!-- intern note --> og mere\n", d);
    CHECK(test::messages(d) == "item.md:12:1: error: text follows an HTML comment on its line: put the comment on lines of its own "
                               "(it is then left out of the packet) and the text after it\n");
}

TEST_CASE("markdown: a code block or HTML block never closed is refused, not made of the sections after it") {
    const auto first_message = [](const std::string& text) {
        Diagnostics d;
        read_lines(text, d);
        const std::string m = test::messages(d);
        return m.substr(0, m.find('\n'));
    };
    CHECK(first_message("Før.\n\n```\nkode\n\n# Indstilling\n\nDet indstilles.\n") ==
          "item.md:12:1: error: this code block is never closed, so everything after it, the next sections too, would be "
          "printed as its text; close it with ``` on a line of its own");
    CHECK(first_message("~~~~\nkode\n~~~\n") .find("close it with ~~~~") != std::string::npos);
    CHECK(first_message("<!-- note uden slut\n\n# Indstilling\n") ==
          "item.md:10:1: error: this HTML block is never closed (no \"-->\"), so everything after it, the next sections too, "
          "would be printed as its text; close it, or remove it");
    CHECK(first_message("<pre>\nx\n\n# Indstilling\n").find("(no \"</pre>\")") != std::string::npos);
    // Closed ones are read as they are.
    CHECK(first_message("```\nkode\n```\n\n> ```\n> i et citat\n> ```\n\n<PRE>\nx\n</pre>\n\n<!--\nnote\n-->\n").empty());
}

TEST_CASE("markdown: a character reference that gives a control character is refused") {
    Diagnostics d;
    read("Beløb &#1;100 mio. kr.&#2; og &#27;[31m.\n", d);
    CHECK(test::messages(d) == "item.md:10:1: error: a character reference (such as &#27;) here gives the control character "
                               "U+0001, which prints as nothing; remove it\n");
}

TEST_CASE("markdown: an escaped brace after a character reference stays text") {
    Diagnostics d;
    const auto blocks = read_lines("R&amp;D: skriv \\{t[A; V]\\} for et tal; R&D \\{x\\}; &#65; \\{y\\}.\n", d);
    REQUIRE(blocks.size() == 1);
    for (const Inline& in : blocks[0].inlines) CHECK(in.kind != Inline::Kind::Figure);
    CHECK(input::plain_text(blocks[0].inlines) == "R&D: skriv {t[A; V]} for et tal; R&D {x}; A {y}.");
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

namespace {

std::vector<Block> read_item_text(const std::string& text, Diagnostics& d) { return read_lines(text, d, "punkt-5-note-"); }

}  // namespace

TEST_CASE("markdown: a footnote is a superscript number linked to its note, at the end of the section that first refers to it") {
    Diagnostics d;
    const auto blocks = read_item_text(
        "# Resumé\n\nLagt[^kilde] og godkendt.\n\n# Sagsfremstilling\n\n4,2 mio. kr.[^1] i 2024[^2], se[^kilde].\n\n"
        "[^1]: Budgetaftalen.\n\n[^kilde]: Sekretariatets opgørelse[^2].\n\n    Anden paragraf.\n\n[^2]: Tredje.\n\n"
        "# Økonomi\n\nIngen.\n",
        d);
    CHECK(d.all().empty());
    // Resumé: its paragraph, then note 1 (referred to first there); Sagsfremstilling: its
    // paragraph, then notes 2 and 3; Økonomi as written.
    REQUIRE(blocks.size() == 8);
    CHECK(blocks[1].inlines[1].kind == Inline::Kind::Link);
    CHECK(blocks[1].inlines[1].url() == "#punkt-5-note-1");
    CHECK(input::plain_text(blocks[1].inlines) == "Lagt\u00B9 og godkendt.");
    const Block& first = blocks[2];
    CHECK(first.kind == Block::Kind::OrderedList);
    CHECK(first.notes);
    CHECK(first.start == 1);
    CHECK(first.text == "punkt-5-note-");
    REQUIRE(first.items.size() == 1);
    REQUIRE(first.items[0].size() == 2);  // a note of two paragraphs
    // A note's own reference to another note is numbered in the text's order, and linked.
    CHECK(input::plain_text(first.items[0][0].inlines) == "Sekretariatets opgørelse\u00B3.");
    CHECK(first.items[0][0].inlines[1].url() == "#punkt-5-note-3");
    CHECK(blocks[3].kind == Block::Kind::Heading);
    CHECK(input::plain_text(blocks[4].inlines) == "4,2 mio. kr.\u00B2 i 2024\u00B3, se\u00B9.");
    const Block& second = blocks[5];
    CHECK(second.notes);
    CHECK(second.start == 2);
    REQUIRE(second.items.size() == 2);
    CHECK(input::plain_text(second.items[0][0].inlines) == "Budgetaftalen.");
    CHECK(input::plain_text(second.items[1][0].inlines) == "Tredje.");
    CHECK(blocks[6].kind == Block::Kind::Heading);
    CHECK(input::plain_text(blocks[7].inlines) == "Ingen.");
}

TEST_CASE("markdown: footnotes past nine, inside a link, and without a place") {
    Diagnostics d;
    std::string text = "Tekst";
    for (int k = 1; k <= 12; ++k) text += "[^" + std::to_string(k) + "]";
    text += " og [et link[^13]](https://regioner.dk).\n\n";
    for (int k = 1; k <= 13; ++k) text += "[^" + std::to_string(k) + "]: Note " + std::to_string(k) + ".\n\n";
    const auto blocks = read_item_text(text, d);
    CHECK(d.all().empty());
    REQUIRE(blocks.size() == 2);
    CHECK(input::plain_text(blocks[0].inlines) ==
          "Tekst\u00B9\u00B2\u00B3\u2074\u2075\u2076\u2077\u2078\u2079\u00B9\u2070\u00B9\u00B9\u00B9\u00B2 og et "
          "link\u00B9\u00B3.");
    // The link's words hold the number as text: a link cannot hold another.
    const Inline& link = blocks[0].inlines.back().kind == Inline::Kind::Link ? blocks[0].inlines.back()
                                                                             : blocks[0].inlines[blocks[0].inlines.size() - 2];
    REQUIRE(link.kind == Inline::Kind::Link);
    CHECK(link.url() == "https://regioner.dk");
    for (const Inline& c : link.children) CHECK(c.kind == Inline::Kind::Text);
    CHECK(blocks[1].items.size() == 13);
    // Read without a place for its notes (not an item's text): the numbers are not linked.
    Diagnostics d2;
    const auto plain = read("Tekst[^a].\n\n[^a]: Noten.\n", d2);
    REQUIRE(plain.size() == 2);
    CHECK(plain[0].inlines.size() == 1);
    CHECK(plain[0].inlines[0].text == "Tekst\u00B9.");
    CHECK(plain[1].notes);
    CHECK(plain[1].text.empty());
}

TEST_CASE("markdown: a footnote with no note, and a note nothing refers to, are warned of where they are written") {
    Diagnostics d;
    const auto blocks = read_item_text(
        "Tekst[^1] og[^mangler], men \\[^skrevet] som tekst.\n\n[^1]: Brugt.\n\n[^ubrugt]: Aldrig.\n\n"
        "```\n[^kode]: i en kodeblok\n```\n",
        d);
    REQUIRE(d.all().size() == 2);
    CHECK(d.all()[0].loc.line == 10);
    CHECK(d.all()[0].loc.column == 13);
    CHECK(d.all()[0].message.find("[^mangler] has no note") != std::string::npos);
    CHECK(d.all()[1].loc.line == 14);
    CHECK(d.all()[1].loc.column == 1);
    CHECK(d.all()[1].message.find("[^ubrugt]'s note is not printed") != std::string::npos);
    // Printed as written, and the note that is referred to kept, at the end of the text.
    REQUIRE(blocks.size() == 3);
    CHECK(input::plain_text(blocks[0].inlines) == "Tekst\u00B9 og[^mangler], men [^skrevet] som tekst.");
    CHECK(blocks[1].kind == Block::Kind::CodeBlock);
    CHECK(blocks[2].notes);
}

TEST_CASE("markdown: a task list's item starts with its box, to do or done") {
    Diagnostics d;
    const auto blocks = read("- [ ] godkend {b[Løn; 2025]}\n- [x] send til **høring**\n- [ ] {b[I alt; 2025]} kr.\n- almindelig\n", d);
    CHECK(d.all().empty());
    REQUIRE(blocks.size() == 1);
    REQUIRE(blocks[0].items.size() == 4);
    const auto first = [&](size_t k) { return input::plain_text(blocks[0].items[k][0].inlines); };
    CHECK(first(0) == "\u2610 godkend ");
    CHECK(blocks[0].items[0][0].inlines.back().kind == Inline::Kind::Figure);
    CHECK(first(1) == "\u2611 send til høring");
    // A box before a figure is a text of its own; the figure stays one to compute.
    CHECK(blocks[0].items[2][0].inlines[0].text == "\u2610 ");
    CHECK(blocks[0].items[2][0].inlines[1].kind == Inline::Kind::Figure);
    CHECK(first(3) == "almindelig");
}

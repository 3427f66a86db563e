#include <doctest/doctest.h>

#include <set>
#include <string>

#include "model/text_fields.hpp"
#include "render/pdf/printable.hpp"
#include "test_support.hpp"

using namespace boardpack;

namespace {

// A meeting with every text field filled with its own name.
model::Meeting every_field() {
    model::Meeting m;
    m.id = "m";
    m.organisation = "organisation";
    m.body = "body";
    m.title = "title";
    m.time = "time";
    m.place = "place";
    model::AgendaItem item;
    item.loc = {"m/a/item.md", 1, 1};
    item.title = "item title";
    item.case_officer = "case officer";
    item.case_number = "case number";
    model::Inline link;
    link.kind = model::Inline::Kind::Link;
    link.set_title("link title");
    model::Inline text;
    text.text = "link text";
    link.children.push_back(text);
    model::Block p;
    p.inlines.push_back(link);
    model::Block code;
    code.kind = model::Block::Kind::CodeBlock;
    code.text = "code";
    model::Block list;
    list.kind = model::Block::Kind::BulletList;
    list.items.push_back({code});
    model::Section s;
    s.blocks = {p, list};
    item.sections.push_back(s);
    model::Attachment a;
    a.loc = {"m/a/item.md", 7, 1};
    a.title = "attachment title";
    a.document_id = "document id";
    model::Block quote;
    quote.kind = model::Block::Kind::Quote;
    model::Block inner;
    model::Inline t2;
    t2.text = "attachment text";
    inner.inlines.push_back(t2);
    quote.children.push_back(inner);
    a.content.push_back(quote);
    item.attachments.push_back(a);
    model::Table t;
    t.title = "table title";
    t.source = "table source";
    t.notes = {"table note"};
    t.header = {"header"};
    model::TableRow row;
    model::Cell c;
    c.text = "cell";
    row.cells.push_back(c);
    t.rows.push_back(row);
    item.tables.push_back(t);
    m.items.push_back(item);
    return m;
}

}  // namespace

TEST_CASE("text fields: the walker visits every text field the packet prints") {
    std::set<std::string> seen;
    model::for_each_text(every_field(), [&](const std::string& s, const SourceLoc&) { seen.insert(s); });
    for (const char* f : {"organisation", "body", "title", "time", "place", "item title", "case officer", "case number",
                          "link title", "link text", "code", "attachment title", "document id", "attachment text",
                          "table title", "table source", "table note", "header", "cell"}) {
        INFO(f);
        CHECK(seen.count(f) == 1);
    }
}

const render::pdf::FontFiles& fonts() {
    static const render::pdf::FontFiles files = [] {
        Diagnostics d;
        return std::move(*render::pdf::FontFiles::load(BOARDPACK_FONT_DIR, d));
    }();
    return files;
}

TEST_CASE("printable: a character no font of the PDF has, in an attachment's document id, is warned about at its line") {
    model::Meeting m = every_field();
    m.items[0].attachments[0].document_id = "1647734\u6F22" "2";  // a CJK character: neither Carlito nor DejaVu Sans
    Diagnostics d;
    render::pdf::report_unprintable(m, fonts(), d);
    const std::string out = test::messages(d);
    CHECK(d.warning_count() == 1);
    CHECK(out.find("m/a/item.md:7:1: warning: the PDF cannot print \u6F22 (U+6F22): none of its fonts has it") != std::string::npos);
}

TEST_CASE("printable: characters beyond Windows-1252 that Carlito or the fallback face has are no warning (issue 11)") {
    model::Meeting m = every_field();
    // Polish, Dutch ligature, Greenlandic kra, Greek, Cyrillic, an arrow, a minus sign (Carlito's);
    // Armenian, Georgian, a check mark (DejaVu Sans's).
    m.items[0].attachments[0].document_id =
        "\u0141ukasz \u0132sselmeer \u0138 \u03B1\u03B2\u03B3 \u0416 \u2192 \u2212 \u0531 \u10D0 \u2713";
    Diagnostics d;
    render::pdf::report_unprintable(m, fonts(), d);
    CHECK(test::messages(d) == "");
}

TEST_CASE("printable: right-to-left text, which the PDF sets left to right, is warned about at its line") {
    model::Meeting m = every_field();
    m.items[0].attachments[0].document_id = "\u05E9\u05DC\u05D5\u05DD 2023";  // Hebrew
    Diagnostics d;
    render::pdf::report_unprintable(m, fonts(), d);
    CHECK(d.warning_count() == 1);
    CHECK(test::messages(d).find("m/a/item.md:7:1: warning: the PDF prints right-to-left text (Hebrew, Arabic) left to "
                                 "right, so its words read backwards there") != std::string::npos);
    // A byte order mark (U+FEFF, in the block of Arabic forms) is no such text.
    m.items[0].attachments[0].document_id = "\uFEFF1647734";
    Diagnostics none;
    render::pdf::report_unprintable(m, fonts(), none);
    CHECK(none.warning_count() == 0);
}

TEST_CASE("printable: a character is found at every place in a text of plain ASCII, read eight bytes at a time") {
    const std::string ascii = "EMN-2023-00648 Bilag 1 (notat) ~ af 7. august";
    for (const std::string& odd : {std::string("\u6F22"), std::string("\u05E9"), std::string("\x7F"), std::string("\x01")}) {
        for (size_t at = 0; at <= ascii.size(); ++at) {
            model::Meeting m = every_field();
            m.items[0].attachments[0].document_id = ascii.substr(0, at) + odd + ascii.substr(at);
            Diagnostics with, alone;
            render::pdf::report_unprintable(m, fonts(), with);
            m.items[0].attachments[0].document_id = odd;
            render::pdf::report_unprintable(m, fonts(), alone);
            INFO("at " << at);
            CHECK(test::messages(with) == test::messages(alone));
            if (odd == "\u6F22" || odd == "\u05E9") CHECK(with.warning_count() == 1);
        }
    }
}

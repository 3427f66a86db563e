// An item's blocks' HTML made once for the two editions rendered together
// (render/html/blocks_memo): shared only for the same blocks with the same mark word, never a
// markup made with an error, made once when both editions ask at once, and the example's two
// pages the same to the byte with it as without.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>

#include "example_meeting.hpp"
#include "render/html/blocks_memo.hpp"
#include "render/html/html_writer.hpp"
#include "render/html/table_context.hpp"
#include "test_support.hpp"

using namespace boardpack;
using namespace boardpack::render::html;

namespace {

const std::string& text_of(const SharedHtml& html) { return html->string_value(); }

}  // namespace

TEST_CASE("blocks memo: the first edition makes the blocks' markup, the second is given it; other blocks or mark word made anew") {
    const int a = 0, b = 0;  // two places that stand for two lists of blocks
    BlocksHtmlMemo memo;
    int calls = 0;
    const auto make = [&](const std::string& html) {
        return [&calls, html](std::string& into) {
            ++calls;
            into += html;
            return true;
        };
    };
    const SharedHtml first = memo.markup(&a, "", make("<table>A</table>"));
    const SharedHtml second = memo.markup(&a, "", make("<table>other</table>"));
    CHECK(text_of(first) == "<table>A</table>");
    CHECK(second == first);  // the same markup, not a copy
    CHECK(calls == 1);
    CHECK(text_of(memo.markup(&b, "", make("<table>B</table>"))) == "<table>B</table>");
    CHECK(text_of(memo.markup(&a, "(rettet)", make("<table>A rettet</table>"))) == "<table>A rettet</table>");
    CHECK(calls == 3);
    CHECK(memo.made() == 3);
    CHECK(memo.shared() == 1);
}

TEST_CASE("blocks memo: a markup made with an error is not given out again: the next edition makes its own") {
    const int blocks = 0;
    BlocksHtmlMemo memo;
    const SharedHtml first = memo.markup(&blocks, "", [](std::string& into) {
        into += "<table>half";
        return false;
    });
    const SharedHtml second = memo.markup(&blocks, "", [](std::string& into) {
        into += "<table>whole</table>";
        return true;
    });
    CHECK(text_of(first) == "<table>half");
    CHECK(text_of(second) == "<table>whole</table>");
    CHECK(memo.shared() == 0);
}

TEST_CASE("blocks memo: two editions asking at once, one makes it, the other waits and is given it") {
    const int blocks = 0;
    BlocksHtmlMemo memo;
    std::atomic<int> calls{0};
    SharedHtml out[2];
    const auto ask = [&](int e) {
        out[e] = memo.markup(&blocks, "", [&](std::string& into) {
            ++calls;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));  // the other asks meanwhile
            into += "<table>T</table>";
            return true;
        });
    };
    test::at_once(ask);
    CHECK(calls == 1);
    CHECK(text_of(out[0]) == "<table>T</table>");
    CHECK(out[1] == out[0]);
}

TEST_CASE("make_html: the markup make() appends, and whether it was made without an error") {
    bool ok = true;
    const SharedHtml html = make_html(
        [](std::string& into) {
            into += "<p>x</p>";
            return false;
        },
        &ok);
    CHECK(html->is_string());
    CHECK(text_of(html) == "<p>x</p>");
    CHECK_FALSE(ok);
}

TEST_CASE("a table's caption id names its item and its place among the item's tables") {
    model::AgendaItem item;
    item.number = 18;
    item.tables.resize(3);
    CHECK(table_caption_id(item, 0) == "tabeltitel-18-1");
    CHECK(table_caption_id(item, 2) == "tabeltitel-18-3");
}

TEST_CASE("blocks memo: the example's two pages are the same with it, each public item's blocks made once, and streamed") {
    Diagnostics d;
    auto meeting = test::prepared_example(d);
    REQUIRE_MESSAGE(meeting, test::messages(d));
    DiskFiles template_files(std::string(BOARDPACK_SOURCE_DIR) + "/templates");
    auto templates = HtmlTemplates::load(template_files, d);
    REQUIRE_MESSAGE(templates, test::messages(d));
    BlocksHtmlMemo memo;
    size_t lists[2] = {0, 0};  // the sections' and the attachments' blocks each edition renders
    for (const model::Edition e : {model::Edition::Lukket, model::Edition::Offentlig}) {
        const model::EditionView view = pipeline::edition(*meeting, e);
        for (const model::AgendaItem& item : view.items) {
            lists[e == model::Edition::Lukket] += item.sections.size();
            for (const model::Attachment& a : item.attachments) lists[e == model::Edition::Lukket] += !a.content.empty();
        }
        INFO(model::edition_folder(e));
        const auto alone = pipeline::render_html(view, test::wording(), *templates, d);
        const auto shared = pipeline::render_html(view, test::wording(), *templates, d, &memo);
        REQUIRE(alone);
        REQUIRE(shared);
        CHECK(*alone == *shared);
        // Given piece by piece, as it is written: the lines with an item's blocks in them apart,
        // the small ones gathered.
        std::vector<std::string> pieces;
        REQUIRE(pipeline::render_html(view, test::wording(), *templates, d, [&](std::string_view p) { pieces.emplace_back(p); }));
        std::string joined;
        for (const std::string& p : pieces) joined += p;
        CHECK(joined == *alone);
        CHECK(pieces.size() > 2);
        CHECK(pieces.size() < alone->size() / 1024);
        CHECK(alone->find("id=\"tabeltitel-18-1\"") != std::string::npos);
    }
    REQUIRE(lists[0] > 0);
    REQUIRE(lists[0] < lists[1]);  // a confidential item's sections are the closed page's alone
    CHECK(memo.made() == lists[1]);
    CHECK(memo.shared() == lists[0]);
    CHECK_FALSE(d.has_errors());
}

TEST_CASE("a public table only a confidential item links to has no anchor in the public page, with the memo or without") {
    // The public page's id="punkt-1-tabel-1" would tell that a confidential item refers to the table.
    MemoryFiles f("m");
    f.add("meeting.txt", "organisation: O\norgan: Bestyrelsen\ndato: 2024-03-07\ntidspunkt: kl. 9\nsted: S\n"
                         "punkt: 01-a\npunkt: 02-b\npunkt: 03-c\n");
    const auto item = [](int n, const std::string& status, const std::string& body) {
        return "---\nnummer: " + std::to_string(n) + "\nstatus: " + status + "\ntitel: T" + std::to_string(n) +
               "\nsagsbehandler: S\nsagsnummer: EMN-2024-0000" + std::to_string(n) + "\n---\n# Sagsfremstilling\n\n" + body;
    };
    const std::string tables = "```tabel\nfil: t.csv\ntitel: Første\n```\n\n```tabel\nfil: t.csv\ntitel: Anden\n```\n";
    f.add("01-a/item.md", item(1, "Offentlig", tables));
    f.add("01-a/t.csv", "Post;2024\nA;1\n");
    f.add("02-b/item.md", item(2, "Fortrolig", "Se [tabellen](#punkt-1-tabel-1).\n"));
    f.add("03-c/item.md", item(3, "Offentlig", "Se [den anden](#punkt-1-tabel-2).\n"));
    Diagnostics d;
    auto meeting = pipeline::load(f, "m", d);
    REQUIRE_MESSAGE(meeting, test::messages(d));
    pipeline::compute(*meeting, test::wording(), d);
    pipeline::prepare(*meeting, test::wording(), d);
    REQUIRE_MESSAGE(!d.has_errors(), test::messages(d));
    DiskFiles template_files(std::string(BOARDPACK_SOURCE_DIR) + "/templates");
    auto templates = HtmlTemplates::load(template_files, d);
    REQUIRE_MESSAGE(templates, test::messages(d));
    BlocksHtmlMemo memo;
    for (BlocksHtmlMemo* shared : {static_cast<BlocksHtmlMemo*>(nullptr), &memo}) {
        // The closed edition first, as it would fill the memo.
        for (const model::Edition e : {model::Edition::Lukket, model::Edition::Offentlig}) {
            INFO(model::edition_folder(e), (shared ? " with the memo" : " alone"));
            const auto html = pipeline::render_html(pipeline::edition(*meeting, e), test::wording(), *templates, d, shared);
            REQUIRE(html);
            CHECK((html->find("id=\"punkt-1-tabel-1\"") != std::string::npos) == (e == model::Edition::Lukket));
            CHECK(html->find("id=\"punkt-1-tabel-2\"") != std::string::npos);  // a public item links to it
        }
    }
    CHECK_FALSE(d.has_errors());
}

TEST_CASE("a parsed template is lent again once given back, unless its render failed") {
    namespace mstch = kainjow::mustache;
    ParsedTemplate t("<{{>part}}>");
    const auto render = [](mstch::mustache& tmpl, const std::string& part) {
        mstch::data data;
        data.set("part", part);
        return tmpl.render(data);
    };
    {
        const ParsedTemplate::Lent a = t.lend();
        CHECK(render(*a, "x") == "<x>");
    }
    {
        // The same copy again, while a second one is lent at once beside it.
        const ParsedTemplate::Lent a = t.lend();
        const ParsedTemplate::Lent b = t.lend();
        CHECK(t.made() == 2);
        CHECK(render(*b, "{{#open}}") == "<");  // the partial does not parse: b keeps the error
        CHECK_FALSE((*b).is_valid());
        CHECK((*a).is_valid());
    }
    // b was dropped, a kept: two lent at once now take a and a new copy.
    const ParsedTemplate::Lent a = t.lend();
    const ParsedTemplate::Lent c = t.lend();
    CHECK(t.made() == 3);
    CHECK((*a).is_valid());
    CHECK((*c).is_valid());
    CHECK(render(*c, "y") == "<y>");
    // Without a kept template, the text is parsed for the one render.
    const ParsedTemplate::Lent own = ParsedTemplate::lend(nullptr, "[{{>part}}]");
    CHECK(render(*own, "z") == "[z]");
    CHECK(t.parsed().is_valid());
}

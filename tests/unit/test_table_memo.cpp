// A table's HTML made once for the two editions rendered together (render/html/table_memo):
// copied only for the same table with the same mark word, never a markup made with an error,
// made once when both editions ask at once, and the example's two pages the same to the byte
// with it as without.
#include <doctest/doctest.h>

#include <atomic>
#include <thread>

#include "build.hpp"
#include "render/html/table_context.hpp"
#include "render/html/table_memo.hpp"
#include "test_support.hpp"

using namespace boardpack;
using namespace boardpack::render::html;

TEST_CASE("table memo: the first edition makes a table, the second copies it; another table or mark word is made anew") {
    model::Table a, b;
    TableHtmlMemo memo;
    int calls = 0;
    const auto make = [&](const std::string& html) {
        return [&calls, html](std::string& into) {
            ++calls;
            into += html;
            return true;
        };
    };
    std::string first = "<p>", second = "<p>";
    memo.append(a, "", first, make("<table>A</table>"));
    memo.append(a, "", second, make("<table>other</table>"));
    CHECK(first == "<p><table>A</table>");
    CHECK(second == "<p><table>A</table>");
    CHECK(calls == 1);
    std::string other;
    memo.append(b, "", other, make("<table>B</table>"));
    memo.append(a, "(rettet)", other, make("<table>A rettet</table>"));
    CHECK(other == "<table>B</table><table>A rettet</table>");
    CHECK(calls == 3);
    CHECK(memo.made() == 3);
    CHECK(memo.copied() == 1);
}

TEST_CASE("table memo: a markup made with an error is not copied: the next edition makes its own") {
    model::Table t;
    TableHtmlMemo memo;
    std::string first, second;
    memo.append(t, "", first, [](std::string& into) {
        into += "<table>half";
        return false;
    });
    memo.append(t, "", second, [](std::string& into) {
        into += "<table>whole</table>";
        return true;
    });
    CHECK(first == "<table>half");
    CHECK(second == "<table>whole</table>");
    CHECK(memo.copied() == 0);
}

TEST_CASE("table memo: two editions asking at once, one makes it, the other waits and copies it") {
    model::Table t;
    TableHtmlMemo memo;
    std::atomic<int> calls{0};
    std::string out[2];
    const auto ask = [&](int e) {
        memo.append(t, "", out[e], [&](std::string& into) {
            ++calls;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));  // the other asks meanwhile
            into += "<table>T</table>";
            return true;
        });
    };
    std::thread other(ask, 1);
    ask(0);
    other.join();
    CHECK(calls == 1);
    CHECK(out[0] == "<table>T</table>");
    CHECK(out[1] == "<table>T</table>");
}

TEST_CASE("a table's caption id names its item and its place among the item's tables") {
    model::AgendaItem item;
    item.number = 18;
    item.tables.resize(3);
    CHECK(table_caption_id(item, 0) == "tabeltitel-18-1");
    CHECK(table_caption_id(item, 2) == "tabeltitel-18-3");
}

TEST_CASE("table memo: the example's two pages are the same with it, each public table made once") {
    Diagnostics d;
    DiskFiles files(std::string(BOARDPACK_SOURCE_DIR) + "/inputs/2023-09-bestyrelsen");
    auto meeting = pipeline::load(files, "2023-09-bestyrelsen", d);
    REQUIRE_MESSAGE(meeting, test::messages(d));
    pipeline::compute(*meeting, test::wording(), d);
    pipeline::prepare(*meeting, test::wording(), d);
    DiskFiles template_files(std::string(BOARDPACK_SOURCE_DIR) + "/templates");
    auto templates = HtmlTemplates::load(template_files, d);
    REQUIRE_MESSAGE(templates, test::messages(d));
    TableHtmlMemo memo;
    size_t tables[2] = {0, 0};
    for (const model::Edition e : {model::Edition::Lukket, model::Edition::Offentlig}) {
        const model::EditionView view = pipeline::edition(*meeting, e);
        for (const model::AgendaItem& item : view.items) tables[e == model::Edition::Lukket] += item.tables.size();
        INFO(model::edition_folder(e));
        const auto alone = pipeline::render_html(view, test::wording(), *templates, d);
        const auto shared = pipeline::render_html(view, test::wording(), *templates, d, &memo);
        REQUIRE(alone);
        REQUIRE(shared);
        CHECK(*alone == *shared);
        CHECK(alone->find("id=\"tabeltitel-18-1\"") != std::string::npos);
    }
    REQUIRE(tables[0] > 0);
    REQUIRE(tables[0] < tables[1]);  // a confidential item's table is the closed page's alone
    CHECK(memo.made() == tables[1]);
    CHECK(memo.copied() == tables[0]);
    CHECK_FALSE(d.has_errors());
}

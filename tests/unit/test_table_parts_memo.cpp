// A table measured once for the two editions laid out together (render/pdf/table_parts_memo):
// the same parts given again for the same table and width, made once when both editions ask at
// once, and the example's two packets the same item for item with it as without.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>

#include "example_meeting.hpp"
#include "render/pdf/page_items.hpp"
#include "render/pdf/pdf_style.hpp"
#include "render/pdf/table_layout.hpp"
#include "render/pdf/table_parts_memo.hpp"
#include "test_support.hpp"

using namespace boardpack;
using namespace boardpack::render::pdf;

TEST_CASE("table parts memo: a table at a width measured once; another table or width measured anew") {
    model::Table a, b;
    TablePartsMemo memo;
    int calls = 0;
    const auto make = [&calls](double height) {
        return [&calls, height] {
            ++calls;
            TableParts p;
            p.box.leading = height;
            return p;
        };
    };
    const auto first = memo.get(a, 400, make(10));
    const auto again = memo.get(a, 400, make(20));
    CHECK(first == again);
    CHECK(again->box.leading == 10);
    CHECK(memo.get(a, 300, make(30))->box.leading == 30);
    CHECK(memo.get(b, 400, make(40))->box.leading == 40);
    CHECK(calls == 3);
    CHECK(memo.made() == 3);
    CHECK(memo.reused() == 1);
}

TEST_CASE("table parts memo: two editions asking at once, one measures, the other waits for the same parts") {
    model::Table t;
    TablePartsMemo memo;
    std::atomic<int> calls{0};
    std::shared_ptr<const TableParts> got[2];
    const auto ask = [&](int e) {
        got[e] = memo.get(t, 400, [&] {
            ++calls;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));  // the other asks meanwhile
            return TableParts{};
        });
    };
    test::at_once(ask);
    CHECK(calls == 1);
    REQUIRE(got[0]);
    CHECK(got[0] == got[1]);
}

TEST_CASE("table parts memo: the example's two packets are the same with it, each public table measured once") {
    Diagnostics d;
    auto meeting = test::prepared_example(d);
    auto fonts = FontFiles::load(BOARDPACK_FONT_DIR, d);
    REQUIRE_MESSAGE((meeting && fonts), test::messages(d));
    TablePartsMemo memo;
    // Measures: one per table, and a second, landscape one for a table an upright page sets
    // small (style::kTableTurnBelow; the example's tables all stand at the content's width).
    size_t tables[2] = {0, 0};
    for (const model::Edition e : {model::Edition::Lukket, model::Edition::Offentlig}) {
        const model::EditionView view = pipeline::edition(*meeting, e);
        for (const model::AgendaItem& item : view.items)
            for (const model::Table& t : item.tables)
                tables[e == model::Edition::Lukket] +=
                    layout_table(t, style::kContentWidth, fonts->layout_metrics()).size < style::kTableTurnBelow ? 2 : 1;
        INFO(model::edition_folder(e));
        const LaidOutDocument alone = pipeline::lay_out(view, test::wording(), fonts->layout_metrics());
        const LaidOutDocument shared = pipeline::lay_out(view, test::wording(), fonts->layout_metrics(), &memo);
        CHECK(dump(alone) == dump(shared));
        CHECK(alone.numbers_split == shared.numbers_split);
    }
    REQUIRE(tables[0] > 0);
    REQUIRE(tables[0] < tables[1]);  // a confidential item's table is the closed packet's alone
    CHECK(memo.made() == tables[1]);
    CHECK(memo.reused() == tables[0]);
}

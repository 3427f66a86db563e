// A meeting of one public item whose Sagsfremstilling is `body`, with `csv` as 01-a/t.csv,
// loaded and computed: the scaffolding of the unit tests of one table's figures.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "calc/meeting_calc.hpp"
#include "input/meeting_loader.hpp"
#include "test_support.hpp"

namespace boardpack::test {

struct OneItem {
    std::optional<model::Meeting> meeting;
    std::string messages;

    const model::Table& table() const { return meeting->items[0].tables.at(0); }

    // The text of the item's Sagsfremstilling, its figures computed.
    std::string figure_text() const {
        std::string out;
        for (const model::Block& b : meeting->items[0].sections[2].blocks)
            for (const model::Inline& i : b.inlines) out += i.kind == model::Inline::Kind::SoftBreak ? " " : i.text;
        return out;
    }
};

inline OneItem compute_one_item(const std::string& body, const std::string& csv) {
    MemoryFiles f("m");
    f.add("meeting.txt", "organisation: O\norgan: Bestyrelsen\ndato: 2024-03-07\ntidspunkt: kl. 9\nsted: S\npunkt: 01-a\n");
    f.add("01-a/item.md", "---\nnummer: 1\nstatus: Offentlig\ntitel: T\nsagsbehandler: S\nsagsnummer: EMN-2024-00001\n---\n"
                          "# Sagsfremstilling\n\n" + body);
    f.add("01-a/t.csv", csv);
    Diagnostics d;
    OneItem out;
    out.meeting = input::load_meeting(f, "m", d);
    if (out.meeting) calc::compute_meeting(*out.meeting, words(), d);
    out.messages = messages(d);
    return out;
}

// Each cell's text in row `r` of `t`.
inline std::vector<std::string> row_texts(const model::Table& t, size_t r) {
    std::vector<std::string> out;
    for (const model::Cell& c : t.rows[r].cells) out.push_back(c.text);
    return out;
}

}  // namespace boardpack::test

#include "calc/typed_figures.hpp"

#include <string>
#include <unordered_map>

#include "core/messages.hpp"
#include "core/text.hpp"
#include "numbers/typed_numbers.hpp"

namespace boardpack::calc {

namespace {

struct CellAt {
    const model::Table* table = nullptr;
    size_t row = 0, column = 0;
    size_t others = 0;  // other cells of the item's tables that print the same number
};

// How the text would quote the cell instead of typing it.
std::string quoted(const CellAt& at) {
    const model::Table& t = *at.table;
    return "{" + t.name + "[" + t.rows[at.row].cells[0].text + "; " + t.header[at.column] + "]}";
}

}  // namespace

void warn_typed_figures(model::Meeting& meeting, Diagnostics& diags) {
    std::unordered_map<std::string, CellAt> printed;  // a number's key, and the first cell printing it
    for (model::AgendaItem& item : meeting.items) {
        if (item.typed_numbers.empty()) continue;
        printed.clear();
        for (const model::Table& t : item.tables)
            for (size_t r = 0; r < t.rows.size(); ++r)
                for (size_t c = 1; c < t.rows[r].cells.size() && c < t.header.size(); ++c) {
                    const model::Cell& cell = t.rows[r].cells[c];
                    if (cell.kind != model::Cell::Kind::Number) continue;
                    std::string key = number_key(cell.text);
                    if (key.empty()) continue;
                    const auto [at, added] = printed.emplace(std::move(key), CellAt{&t, r, c, 0});
                    if (!added) ++at->second.others;
                }
        for (const model::TypedNumber& n : item.typed_numbers) {
            const auto found = printed.find(n.key);
            if (found == printed.end()) continue;
            const CellAt& at = found->second;
            const model::Table& t = *at.table;
            const std::string row = quote_text(t.rows[at.row].cells[0].text), column = quote_text(t.header[at.column]);
            // A number several cells print may stand for any of them: the first is named.
            const std::string others = at.others == 0 ? std::string() : fmt(tr_n(" (and {} other cell)", " (and {} other cells)", at.others), at.others);
            const std::string message =
                t.name.empty()
                    ? fmt(_("{0} is typed here, but the table {1} prints it for {2} / {3}{4}: a correction of the table "
                            "would not change this number; give the table a \"navn:\" and quote the cell, or write "
                            "{{{0}}} to keep it as typed"),
                          n.shown, quote_text(t.title), row, column, others)
                    : fmt(_("{0} is typed here, but the table {1} prints it for {2} / {3}{4}: a correction of the table "
                            "would not change this number; quote the cell, {5}, or write {{{0}}} to keep it as typed"),
                          n.shown, quote_text(t.name), row, column, others, quoted(at));
            diags.warning(n.loc, message, n.line);
        }
        std::vector<model::TypedNumber>().swap(item.typed_numbers);
    }
}

}  // namespace boardpack::calc

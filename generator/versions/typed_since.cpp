#include "versions/typed_since.hpp"

#include "core/messages.hpp"
#include "core/text.hpp"
#include "numbers/typed_numbers.hpp"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace boardpack::versions {

void warn_stale_typed_numbers(model::Meeting& meeting, const Snapshot& before, const Snapshot& now, Diagnostics& diags) {
    if (std::none_of(meeting.items.begin(), meeting.items.end(),
                     [](const model::AgendaItem& item) { return !item.typed_numbers.empty(); }))
        return;
    // The published version's cells by item, and the cells now by place: a correcting build of a
    // large meeting holds thousands of typed numbers against tens of thousands of cells.
    std::unordered_map<int, std::vector<const CellEntry*>> was_of_item;
    for (const CellEntry& c : before.cells) was_of_item[c.item].push_back(&c);
    std::map<std::tuple<int, int, int, std::string, std::string>, const CellEntry*> now_at;
    for (const CellEntry& c : now.cells) now_at.emplace(std::make_tuple(c.item, c.table, c.attachment, c.row, c.column), &c);
    for (model::AgendaItem& item : meeting.items) {
        const auto cells = was_of_item.find(item.number);
        for (const model::TypedNumber& n : item.typed_numbers) {
            if (cells == was_of_item.end()) break;
            for (const CellEntry* was : cells->second) {
                // The number as typed, or scaled ("1,25 mio. kr.") as the ones a kroner table prints.
                const std::string was_text = number_key(was->text), was_written = number_key(was->written);
                if (was_text != n.key && was_written != n.key &&
                    (n.scaled_key.empty() || (was_text != n.scaled_key && was_written != n.scaled_key)))
                    continue;
                const auto is_at = now_at.find(std::make_tuple(was->item, was->table, was->attachment, was->row, was->column));
                if (is_at == now_at.end()) continue;
                const CellEntry& is = *is_at->second;
                if (number_key(is.text) == number_key(was->text) && number_key(is.written) == number_key(was->written)) continue;
                diags.warning(n.loc,
                              fmt(_("{0} is typed here, and version {1} printed it in table {2} for {3} / {4}, which now "
                                    "prints {5}: the table was corrected, this number was not; quote the cell, or write "
                                    "{{{6}}} to keep it as typed"),
                                  n.scaled_key.empty() ? n.shown : n.shown_scaled, before.version, was->table,
                                  quote_text(was->row), quote_text(was->column), quote_text(is.text), n.shown),
                              n.line);
                break;
            }
        }
        std::vector<model::TypedNumber>().swap(item.typed_numbers);
    }
}

}  // namespace boardpack::versions

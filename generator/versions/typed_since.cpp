#include "versions/typed_since.hpp"

#include "core/messages.hpp"
#include "core/text.hpp"
#include "numbers/typed_numbers.hpp"

namespace boardpack::versions {

namespace {

bool same_cell(const CellEntry& a, const CellEntry& b) {
    return a.item == b.item && a.table == b.table && a.attachment == b.attachment && a.row == b.row && a.column == b.column;
}

}  // namespace

void warn_stale_typed_numbers(model::Meeting& meeting, const Snapshot& before, const Snapshot& now, Diagnostics& diags) {
    for (model::AgendaItem& item : meeting.items) {
        for (const model::TypedNumber& n : item.typed_numbers) {
            for (const CellEntry& was : before.cells) {
                if (was.item != item.number || (number_key(was.text) != n.key && number_key(was.written) != n.key)) continue;
                const CellEntry* is = nullptr;
                for (const CellEntry& c : now.cells)
                    if (same_cell(c, was)) is = &c;
                if (!is || (number_key(is->text) == number_key(was.text) && number_key(is->written) == number_key(was.written)))
                    continue;
                diags.warning(n.loc,
                              fmt(_("{0} is typed here, and version {1} printed it in table {2} for {3} / {4}, which now "
                                    "prints {5}: the table was corrected, this number was not; quote the cell, or write "
                                    "{{{0}}} to keep it as typed"),
                                  n.shown, before.version, was.table, quote_text(was.row), quote_text(was.column),
                                  quote_text(is->text)),
                              n.line);
                break;
            }
        }
        std::vector<model::TypedNumber>().swap(item.typed_numbers);
    }
}

}  // namespace boardpack::versions

#include "calc/typed_figures.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "core/messages.hpp"
#include "core/text.hpp"
#include "numbers/amount_units.hpp"
#include "numbers/danish_number.hpp"
#include "numbers/typed_numbers.hpp"

namespace boardpack::calc {

namespace {

// What prints a number: a cell of one of the item's tables, or else one of its figures.
struct PrintedBy {
    const model::Table* table = nullptr;  // a cell [row, column] of it
    size_t row = 0, column = 0;
    const model::Inline* figure = nullptr;  // else a figure
    size_t others = 0;  // other cells of the item's tables that print the same number
    bool as_written = false;  // the number as the CSV writes it, where the table prints it in another unit
    bool in_kroner = false;   // the number in kroner, where the CSV writes it in t., mio. or mia. kr.
};

// How the text would quote the cell instead of typing it: in `scale_unit` where the text typed
// it scaled ("1,25 mio. kr.", with its decimals: "| mio. kr., decimaler 2"), else as the table
// prints it, or as written where the text typed that.
std::string quoted(const PrintedBy& at, const std::string& scale_unit, const std::string& key) {
    const model::Table& t = *at.table;
    std::string unit = !scale_unit.empty() ? " | " + scale_unit
                       : !at.as_written   ? ""
                                          : " | " + (t.figures_unit.empty() ? std::string("kr.") : t.figures_unit);
    if (!scale_unit.empty()) {
        const size_t comma = key.find(',');
        const size_t decimals = comma == std::string::npos ? 0 : key.size() - comma - 1;
        if (decimals != 1) unit += ", decimaler " + std::to_string(decimals);  // a converted amount shows one
    }
    return "{" + t.name + "[" + t.rows[at.row].cells[0].text + "; " + t.header[at.column] + "]" + unit + "}";
}

// Whether the cell may be what the text typed, by the unit the words after it name: "876 kr."
// is not a table's 876 t. kr., and "1,25 mio. kr." no share of 1,25 %.
bool same_kind(const model::TypedNumber& n, const PrintedBy& by, bool scaled) {
    // Scaled by words that name no kroner ("125,1 tusinde ansatte"): no cell printed as it is typed.
    if (!scaled && !n.scaled_key.empty() && n.scale_unit.empty()) return false;
    const std::string& unit = scaled ? n.scale_unit : n.unit_after;
    if (unit.empty() || by.figure) return true;
    const model::Table& t = *by.table;
    const model::Cell& cell = t.rows[by.row].cells[by.column];
    const bool share = cell.unit == "%" || cell.unit == "pct." || cell.unit == "pct.-point" ||
                       cell.hundred != model::Cell::Hundred::None || names_per_cent(t.header[by.column]) ||
                       names_per_cent(t.rows[by.row].cells[0].text) || names_share(t.header[by.column]);
    if (unit == "pct.") return share || (cell.unitless && !cell.count);  // "12,5 pct." is no amount
    if (share || cell.unitless || cell.count) return false;
    if (scaled) return true;  // compared in kroner
    // The unit of the figure as matched: as written, or as the table shows it ("" is kr. or a count).
    const std::string& in = by.in_kroner ? std::string("kr.") : by.as_written || t.unit.empty() ? t.figures_unit : t.unit;
    return in.empty() || in == unit;
}

// Whether a figure's formula reads anything a correction may change (a table, a beregning
// value): "{950,5}", a number written as a figure to keep it as typed, does not.
bool reads_something(const std::string& expression) {
    for (const char c : expression)
        if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return true;
    return false;
}

void add_figures(const std::vector<model::Inline>& inlines, std::unordered_map<std::string, PrintedBy>& printed) {
    for (const model::Inline& in : inlines) {
        if (in.kind == model::Inline::Kind::Figure && reads_something(in.expression()))
            if (std::string key = number_key(in.text); !key.empty()) printed.emplace(std::move(key), PrintedBy{nullptr, 0, 0, &in, 0});
        add_figures(in.children, printed);
    }
}

void add_figures(const std::vector<model::Block>& blocks, std::unordered_map<std::string, PrintedBy>& printed) {
    for (const model::Block& b : blocks) {
        add_figures(b.inlines, printed);
        for (const auto& item : b.items) add_figures(item, printed);
        add_figures(b.children, printed);
    }
}

// The numbers the item prints as computed, by key: its tables' cells first (the first cell
// printing a number named, the others counted), then its figures. With `in_ones`, also the
// amounts of tables whose figures are written in t., mio. or mia. kr. as kroner ("1.250" in
// t. kr. as "1250000"), for the numbers the text types scaled ("1,25 mio. kr.").
std::unordered_map<std::string, PrintedBy> printed_numbers(const model::AgendaItem& item, bool in_ones) {
    std::unordered_map<std::string, PrintedBy> printed;
    for (const model::Table& t : item.tables)
        for (size_t r = 0; r < t.rows.size(); ++r)
            for (size_t c = 1; c < t.rows[r].cells.size() && c < t.header.size(); ++c) {
                const model::Cell& cell = t.rows[r].cells[c];
                if (cell.kind != model::Cell::Kind::Number) continue;
                std::string key = number_key(cell.text);
                if (key.empty()) continue;
                const auto [at, added] = printed.emplace(std::move(key), PrintedBy{&t, r, c, nullptr, 0});
                if (!added) ++at->second.others;
                // A table shown in another unit than its figures are written in ("enhed: mio. kr."
                // over kroner) prints 1,4 for 1.449.000: the text may type either.
                if (!t.unit.empty() && t.unit != t.figures_unit && !cell.unitless && cell.hundred == model::Cell::Hundred::None)
                    if (std::string written = number_key(format_danish_exact(cell.value)); written != at->first)
                        printed.emplace(std::move(written), PrintedBy{&t, r, c, nullptr, 0, true});
                if (const int64_t per = kroner_per(t.figures_unit); in_ones && per > 1 && !cell.unitless && !cell.count &&
                                                                     cell.hundred == model::Cell::Hundred::None)
                    printed.emplace(shifted_key(number_key(format_danish_exact(cell.value)), per == 1000 ? 3 : per == 1000000 ? 6 : 9),
                                    PrintedBy{&t, r, c, nullptr, 0, true, true});
            }
    for (const model::Section& s : item.sections) add_figures(s.blocks, printed);
    for (const model::Attachment& a : item.attachments) add_figures(a.content, printed);
    return printed;
}

// `scaled`: the text typed the number with words that scale it ("1,25 mio. kr."), and the
// table or figure prints it in ones (1.250.000).
std::string message(const model::TypedNumber& n, const PrintedBy& by, bool scaled) {
    const std::string& shown = scaled ? n.shown_scaled : n.shown;
    if (by.figure) {
        const SourceLoc& at = by.figure->loc;
        return fmt(_("{0} is typed here, but the figure {1} ({2}:{3}) prints it: a correction of what the figure "
                     "quotes would change it but not this number; write the figure here too, or write {{{4}}} to keep "
                     "the number as typed"),
                   shown, quote_text("{" + by.figure->expression() + "}"), at.file, at.line, n.shown);
    }
    const model::Table& t = *by.table;
    const std::string row = quote_text(t.rows[by.row].cells[0].text), column = quote_text(t.header[by.column]);
    // A number several cells print may stand for any of them: the first is named.
    const std::string others = by.others == 0 ? std::string()
                                              : fmt(tr_n(" (and {} other cell)", " (and {} other cells)", by.others), by.others);
    if (t.name.empty())
        return fmt(_("{0} is typed here, but the table {1} prints it for {2} / {3}{4}: a correction of the table would "
                     "not change this number; give the table a \"navn:\" and quote the cell, or write {{{5}}} to keep "
                     "it as typed"),
                   shown, quote_text(t.title), row, column, others, n.shown);
    return fmt(_("{0} is typed here, but the table {1} prints it for {2} / {3}{4}: a correction of the table would not "
                 "change this number; quote the cell, {5}, or write {{{6}}} to keep it as typed"),
               shown, quote_text(t.name), row, column, others, quoted(by, scaled ? n.scale_unit : std::string(), n.key),
               n.shown);
}

}  // namespace

void warn_typed_figures(model::Meeting& meeting, Diagnostics& diags) {
    for (model::AgendaItem& item : meeting.items) {
        if (item.typed_numbers.empty()) continue;
        const bool scaled = std::any_of(item.typed_numbers.begin(), item.typed_numbers.end(),
                                        [](const model::TypedNumber& n) { return !n.scale_unit.empty(); });
        const std::unordered_map<std::string, PrintedBy> printed = printed_numbers(item, scaled);
        std::vector<model::TypedNumber> unmatched;
        for (model::TypedNumber& n : item.typed_numbers) {
            // Scaled words without kroner ("1,25 mio. indbyggere") are no amount a quote could print.
            const bool by_ones = !n.scaled_key.empty() && !n.scale_unit.empty();
            if (const auto found = printed.find(n.key); found != printed.end() && same_kind(n, found->second, false))
                diags.warning(n.loc, message(n, found->second, false), n.line);
            else if (const auto in_ones = by_ones ? printed.find(n.scaled_key) : printed.end();
                     in_ones != printed.end() && same_kind(n, in_ones->second, true))
                diags.warning(n.loc, message(n, in_ones->second, true), n.line);
            else if (meeting.corrects_published) unmatched.push_back(std::move(n));
        }
        item.typed_numbers.swap(unmatched);
        std::vector<model::TypedNumber>().swap(unmatched);
    }
}

}  // namespace boardpack::calc

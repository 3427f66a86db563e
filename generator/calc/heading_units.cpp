#include "calc/heading_units.hpp"

#include <string>

#include "calc/units.hpp"
#include "core/messages.hpp"
#include "core/text.hpp"

namespace boardpack::calc {

namespace {

using model::Cell;
using model::Table;

// The amount unit a heading or label names for the figures under or beside it: a larger one
// ("(mio. kr.)", "(1.000 kr.)") or kroner ("(kr.)", "Beløb i kr."); "" for none.
std::string amount_unit_named(const std::string& text) {
    std::string named = unit_named_in(text);
    if (named.empty() && names_kroner(text)) named = "kr.";
    return named;
}

// An amount the table prints in its unit: a number that is no share, points, count or ratio.
bool printed_as_amount(const Cell& c) {
    return c.kind == Cell::Kind::Number && !c.unitless && c.unit != "%" && c.unit != "pct." && c.unit != kPoints;
}

// Where a heading or row label is written: its CSV cell; for a row or column the CSV does not
// have, the formula that adds it.
SourceLoc label_loc(const Table& t, const SourceLoc& cell, model::Formula::Kind kind, const std::string& label) {
    if (cell.line > 0) return cell;
    for (const model::Formula& f : t.formulas)
        if (f.kind == kind && fold_label(f.target) == fold_label(label)) return f.loc;
    return t.loc;
}

}  // namespace

bool check_headings_name_printed_unit(const Table& t, Diagnostics& diags) {
    if (t.unit.empty() && t.figures_unit.empty()) return true;  // figures printed as written, unit undeclared
    const std::string printed = model::printed_unit(t);
    if (kroner_per(printed) <= 0) return true;  // a table of shares: its headings name no amounts
    const std::string declared = !t.unit.empty() ? "enhed: " + t.unit : "talenhed: " + t.figures_unit;
    bool ok = true;
    const auto report = [&](const SourceLoc& loc, const std::string& what, const std::string& named, const Cell& example) {
        diags.error(loc, fmt(_("{} says its figures are in {}, but the table prints them in {} (\"{}\"), so a reader "
                               "takes \"{}\" for {}; write the unit the table prints in the heading, or correct the "
                               "table's unit"),
                             what, named, printed, declared, example.text, named));
        ok = false;
    };
    for (size_t c = 1; c < t.header.size(); ++c) {
        const std::string named = amount_unit_named(t.header[c]);
        if (named.empty() || named == printed) continue;
        for (const model::TableRow& row : t.rows)
            if (c < row.cells.size() && printed_as_amount(row.cells[c])) {
                report(label_loc(t, c < t.header_locs.size() ? t.header_locs[c] : SourceLoc{}, model::Formula::Kind::Column,
                                 t.header[c]),
                       fmt(_("the column heading {}"), quote_text(t.header[c])), named, row.cells[c]);
                break;
            }
    }
    for (const model::TableRow& row : t.rows) {
        if (row.cells.empty()) continue;
        const std::string named = amount_unit_named(row.cells[0].text);
        if (named.empty() || named == printed) continue;
        for (size_t c = 1; c < row.cells.size(); ++c)
            if (printed_as_amount(row.cells[c])) {
                report(label_loc(t, row.cells[0].loc, model::Formula::Kind::Row, row.cells[0].text),
                       fmt(_("the row {}"), quote_text(row.cells[0].text)), named, row.cells[c]);
                break;
            }
    }
    return ok;
}

}  // namespace boardpack::calc

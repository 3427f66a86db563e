#include "calc/heading_units.hpp"

#include <string>

#include "calc/expression.hpp"
#include "calc/table_calc.hpp"
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
    // Every way of naming one holds one of these (read for each label a formula reads).
    bool may = false;
    for (const std::string_view part : {std::string_view("kr"), std::string_view("Kr"), std::string_view("KR"),
                                        std::string_view("mio"), std::string_view("Mio"), std::string_view("MIO"),
                                        std::string_view("mia"), std::string_view("Mia"), std::string_view("mil"),
                                        std::string_view("Mil"), std::string_view("mrd"), std::string_view("dkk"),
                                        std::string_view("DKK"), std::string_view("Dkk"), std::string_view("000"),
                                        std::string_view("tus"), std::string_view("Tus")})
        may = may || text.find(part) != std::string::npos;
    if (!may) return "";
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

std::vector<UnitRead> units_read(const Table& t, const model::Formula& f) {
    std::vector<UnitRead> out;
    if (f.kind == model::Formula::Kind::Value) return out;
    FormulaError err;
    const std::unique_ptr<Expr> e = parse_expression(f.expression, &err);
    if (!e) return out;
    const bool rows = f.kind == model::Formula::Kind::Row;
    const auto label_at = [&](size_t i) -> const std::string& { return rows ? t.rows[i].cells[0].text : t.header[i]; };
    LabelKeys keys;  // the table's labels folded once, not for each label looked up
    const auto index_of = [&](const std::string& label) {
        return rows ? find_row(t, keys.rows(t), label) : find_column(t, keys.columns(t), label);
    };
    const auto read = [&](size_t i) {
        if ((rows && (i >= t.rows.size() || t.rows[i].cells.empty())) || (!rows && i >= t.header.size())) return;
        const std::string unit = amount_unit_named(label_at(i));
        if (unit.empty()) return;
        for (const UnitRead& u : out)
            if (u.unit == unit) return;
        out.push_back({unit, label_at(i)});
    };
    const auto walk = [&](const auto& self, const Expr& x) -> void {
        if (x.kind == Expr::Kind::Label) {
            if (const auto i = index_of(x.text)) read(*i);
        } else if (x.kind == Expr::Kind::Range) {
            const auto a = index_of(x.text), b = index_of(x.text2);
            if (a && b)
                for (size_t i = std::min(*a, *b); i <= std::max(*a, *b); ++i) read(i);
        } else if (x.kind == Expr::Kind::Cell) {
            return;  // another table's cell: judged by that table's own units
        } else if (x.kind == Expr::Kind::Binary && (x.op == '*' || x.op == '/') &&
                   (x.args[0]->kind == Expr::Kind::Number || x.args[1]->kind == Expr::Kind::Number)) {
            return;  // converted where it is read ("[Drift (mio. kr.)] * 1000"), or scaled: its unit is the writer's
        }
        for (const auto& arg : x.args) self(self, *arg);
    };
    walk(walk, *e);
    return out;
}

bool check_formulas_read_one_unit(const Table& t, Diagnostics& diags) {
    if (!t.figures_unit.empty()) return true;
    bool ok = true;
    for (const model::Formula& f : t.formulas) {
        const std::vector<UnitRead> units = units_read(t, f);
        if (units.size() < 2) continue;
        diags.error(f.loc,
                    fmt(_("the formula reads {} (in {}) and {} (in {}), but the table does not say what its figures "
                          "are written in, so both are read as kr. and added or compared as written; write the CSV's "
                          "figures in one unit and declare it (\"talenhed: {}\"), or convert one where the formula "
                          "reads it (\"[{}] * 1000\", if that makes it {})"),
                        quote_text(units[0].label), units[0].unit, quote_text(units[1].label), units[1].unit, units[0].unit,
                        units[0].label, units[1].unit),
                    f.line);
        ok = false;
    }
    return ok;
}

namespace {

// The four-digit year in `text` (the first), or "" if none.
std::string year_in(std::string_view text) {
    for (size_t i = 0; i + 4 <= text.size(); ++i) {
        const auto digit = [&](size_t k) { return text[k] >= '0' && text[k] <= '9'; };
        if (!digit(i) || !digit(i + 1) || !digit(i + 2) || !digit(i + 3)) continue;
        if ((i > 0 && digit(i - 1)) || (i + 4 < text.size() && digit(i + 4))) continue;
        if (text[i] != '1' && text[i] != '2') continue;
        return std::string(text.substr(i, 4));
    }
    return "";
}

// The base year an index heading names: "Indeks (2016=100)", "Udvikling, 2016 = 100".
std::string base_year(std::string_view heading) {
    const size_t eq = heading.find('=');
    if (eq == std::string_view::npos) return "";
    std::string_view after = heading.substr(eq + 1);
    while (!after.empty() && after.front() == ' ') after.remove_prefix(1);
    if (after.substr(0, 3) != "100") return "";
    std::string_view before = heading.substr(0, eq);
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    if (before.size() < 4) return "";
    const std::string year = year_in(before.substr(before.size() - 4));
    return year;
}

}  // namespace

void check_index_bases(const Table& t, Diagnostics& diags) {
    for (const model::Formula& f : t.formulas) {
        if (f.kind == model::Formula::Kind::Value) continue;
        const std::string base = base_year(f.target);
        if (base.empty()) continue;
        FormulaError err;
        const std::unique_ptr<Expr> e = parse_expression(f.expression, &err);
        if (!e) continue;
        // "a / b * 100", "100 * a / b": the figure divided by.
        const Expr& x = unscaled(*e);
        if (x.kind != Expr::Kind::Binary || x.op != '/') continue;
        const Expr& under = *x.args[1];
        const std::string label = under.kind == Expr::Kind::Label ? under.text
                                  : under.kind == Expr::Kind::Cell && !under.cell.empty() ? under.cell.back()
                                                                                          : std::string();
        const std::string year = year_in(label);
        if (year.empty() || year == base) continue;
        diags.warning(f.loc,
                      fmt(_("{} names {} as the index's base, but the formula divides by {}, a figure of {}: the index "
                            "printed is against {}; divide by the base year's figure, or name the year divided by in "
                            "the heading"),
                          quote_text(f.target), base + "=100", quote_text(label), year, year),
                      f.line);
    }
}

}  // namespace boardpack::calc

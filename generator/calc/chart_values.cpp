#include "calc/chart_values.hpp"
#include "calc/change_direction.hpp"
#include "calc/chart_periods.hpp"
#include "core/messages.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "calc/table_calc.hpp"
#include "calc/units.hpp"
#include "numbers/danish_number.hpp"
#include "model/count_headings.hpp"
#include "model/totals.hpp"
#include "core/suggest.hpp"
#include "core/text.hpp"

namespace boardpack::calc {

using model::Chart;
using model::Table;

namespace {

double to_double(const Decimal& d) {
    double v = static_cast<double>(d.units());
    for (int s = 0; s < d.scale(); ++s) v /= 10;
    return v;
}

// The labels of the table's rows (skipping spacers) or of its columns after the label column.
std::vector<std::string> all_labels(const Table& t, bool rows) {
    std::vector<std::string> out;
    if (rows) {
        for (const auto& r : t.rows)
            if (r.role != model::TableRow::Role::Spacer && !r.cells.empty() && !r.cells[0].text.empty())
                out.push_back(r.cells[0].text);
    } else {
        for (size_t c = 1; c < t.header.size(); ++c) out.push_back(t.header[c]);
    }
    return out;
}

// Indexes (rows or columns of `t`) named by "A .. B; C": each part a label or a range of
// labels in the table's order. Empty text: all. nullopt after reporting.
std::optional<std::vector<size_t>> pick(const Table& t, const std::string& text, bool rows, const SourceLoc& loc,
                                        const std::string& line, Diagnostics& diags) {
    auto find = [&](const std::string& label) -> std::optional<size_t> {
        std::string ambiguous;
        auto i = rows ? find_row(t, label, &ambiguous) : find_column(t, label, &ambiguous);
        if (!ambiguous.empty()) {
            diags.error(loc, fmt(_("in the table {}, {}"), quote_text(t.name), ambiguous), line);
            return std::nullopt;
        }
        if (!i || (!rows && *i == 0)) {
            diags.error(loc, rows ? fmt(_("the table {} has no row {}{}"), quote_text(t.name), quote_text(label),
                                        did_you_mean(label, all_labels(t, true)))
                                  : fmt(_("the table {} has no column {}{}"), quote_text(t.name), quote_text(label),
                                        did_you_mean(label, all_labels(t, false))),
                        line);
            return std::nullopt;
        }
        return i;
    };
    std::vector<size_t> out;
    if (trim(text).empty()) {
        if (rows) {
            for (size_t r = 0; r < t.rows.size(); ++r)
                if (t.rows[r].role != model::TableRow::Role::Spacer && !t.rows[r].cells.empty()) out.push_back(r);
        } else {
            // A column of figures, or one whose figures are all missing ("Ikke oplyst", "-")
            // between two of them: a period with no figures is drawn as the gap it is, not left
            // out, which joined the periods on either side as if they came one after the other.
            const auto all_missing = [&t](size_t c) {
                bool marked = false;
                for (const model::TableRow& row : t.rows) {
                    if (c >= row.cells.size()) continue;
                    const model::Cell::Kind kind = row.cells[c].kind;
                    if (kind == model::Cell::Kind::NotAvailable || kind == model::Cell::Kind::Dash) marked = true;
                    else if (kind != model::Cell::Kind::Empty) return false;
                }
                return marked;
            };
            const auto numeric = [&t](size_t c) { return c < t.numeric.size() && t.numeric[c]; };
            for (size_t c = 1; c < t.header.size(); ++c) {
                if (numeric(c)) {
                    out.push_back(c);
                    continue;
                }
                if (out.empty() || !all_missing(c)) continue;
                size_t next = c + 1;
                while (next < t.header.size() && !numeric(next) && all_missing(next)) ++next;
                if (next < t.header.size() && numeric(next))
                    for (size_t gap = c; gap < next; ++gap) out.push_back(gap);
                c = next - 1;
            }
        }
        return out;
    }
    size_t start = 0;
    while (start <= text.size()) {
        const size_t semi = text.find(';', start);
        const std::string part(trim(std::string_view(text).substr(start, semi == std::string::npos ? std::string::npos : semi - start)));
        start = semi == std::string::npos ? text.size() + 1 : semi + 1;
        if (part.empty()) continue;
        const size_t dots = part.find("..");
        if (dots == std::string::npos) {
            auto i = find(part);
            if (!i) return std::nullopt;
            out.push_back(*i);
            continue;
        }
        auto a = find(std::string(trim(std::string_view(part).substr(0, dots))));
        auto b = a ? find(std::string(trim(std::string_view(part).substr(dots + 2)))) : std::nullopt;
        if (!a || !b) return std::nullopt;
        if (*b < *a) {
            diags.error(loc, fmt(_("the range {} runs backwards; write the first {} first"), quote_text(part),
                                 rows ? _("row") : _("column")), line);
            return std::nullopt;
        }
        for (size_t i = *a; i <= *b; ++i)
            if (!rows || (t.rows[i].role != model::TableRow::Role::Spacer && !t.rows[i].cells.empty())) out.push_back(i);
    }
    return out;
}

class Resolver {
public:
    Resolver(model::Meeting& m, Diagnostics& d) : m_(m), d_(d) {
        for (size_t i = 0; i < m_.items.size(); ++i)
            for (size_t t = 0; t < m_.items[i].tables.size(); ++t)
                if (!m_.items[i].tables[t].name.empty()) tables_.emplace(m_.items[i].tables[t].name, std::make_pair(i, t));
    }

    void resolve(size_t from, Chart& c) {
        const std::string key = fold_label(c.table);
        const auto found = tables_.find(key);
        if (found == tables_.end()) {
            for (const auto& item : m_.items)
                if (const auto u = item.unreadable.find(key); u != item.unreadable.end()) {
                    d_.follow_on(u->second, c.table_loc);
                    return;
                }
            // An item is offered only the tables it may chart.
            std::vector<std::string> names;
            for (const auto& [k, v] : tables_)
                if (model::may_use(m_.items[from].status, m_.items[v.first].status))
                    names.push_back(m_.items[v.first].tables[v.second].name);
            d_.error(c.table_loc, fmt(_("there is no table named {} in this meeting{}"), quote_text(c.table),
                                      did_you_mean(c.table, names)), c.table_line);
            return;
        }
        const model::AgendaItem& owner = m_.items[found->second.first];
        const model::AgendaItem& item = m_.items[from];
        if (!model::may_use(item.status, owner.status)) {
            d_.error(c.table_loc, fmt(_("item {} ({}) charts the table {} from item {} ({}); a public item may not show a "
                                        "confidential item's data"), item.number, model::status_name(item.status),
                                      quote_text(c.table), owner.number, model::status_name(owner.status)),
                     c.table_line);
            return;
        }
        const Table& t = owner.tables[found->second.second];
        auto rows = pick(t, c.rows, true, c.rows_loc.file.empty() ? c.table_loc : c.rows_loc, c.rows_line, d_);
        auto cols = rows ? pick(t, c.columns, false, c.columns_loc.file.empty() ? c.table_loc : c.columns_loc,
                                c.columns_line, d_)
                         : std::nullopt;
        if (!rows || !cols) return;
        if (!defaults_fit(c, t, *rows, *cols)) return;
        const auto& series = c.series_are_columns ? *cols : *rows;
        const auto& categories = c.series_are_columns ? *rows : *cols;
        if (series.empty() || categories.empty()) {
            d_.error(c.loc, _("the chart has no values: name rows and columns of numbers (\"rækker:\", \"kolonner:\")"));
            return;
        }
        if (series.size() > kMaxChartSeries) {
            d_.error(c.loc, fmt(_("the chart has {} series, more than the {} that colours, markers and patterns can tell apart; "
                                  "chart fewer rows or columns, or make two charts"), series.size(), kMaxChartSeries));
            return;
        }
        if (!unit_fits(c, t)) return;
        c.categories.clear();
        c.series.clear();
        c.source = t.source;
        for (size_t k : categories) c.categories.push_back(c.series_are_columns ? t.rows[k].cells[0].text : t.header[k]);
        // A row of figures without a label (a merged cell an export left empty, the second label
        // column of a statistics table: ";Kvinder;2957039") would be drawn as a series or a
        // category no legend or axis names, beside one its label only seems to name.
        for (size_t k : c.series_are_columns ? categories : series)
            if (trim(t.rows[k].cells[0].text).empty()) {
                d_.error(t.rows[k].loc.file.empty() ? c.loc : t.rows[k].loc,
                         fmt(_("the chart at {}:{} draws this row of the table {}, which has no label, so no legend or "
                               "axis would say what it is; give the row its label in the CSV (an export leaves it empty "
                               "under a merged cell), or leave the row out (\"rækker:\")"),
                             c.loc.file, c.loc.line, quote_text(t.name)));
                return;
            }
        bool ok = true;
        for (size_t s : series) {
            model::ChartSeries out;
            out.label = c.series_are_columns ? t.header[s] : t.rows[s].cells[0].text;
            for (size_t k : categories) {
                const auto [r, col] = place(c, s, k);
                const model::Cell* cell = col < t.rows[r].cells.size() ? &t.rows[r].cells[col] : nullptr;
                if (cell && cell->kind == model::Cell::Kind::Number) {
                    // The number as the table prints it (in millions for "enhed: mio. kr."), so the
                    // axis, the bars and the target are in the unit of the labels.
                    out.values.push_back(to_double(shown_number(t, *cell)));
                    out.printed.push_back(cell->text);
                } else if (!cell || cell->kind != model::Cell::Kind::Text) {
                    out.values.push_back(std::nullopt);  // a gap, never a zero
                    out.printed.push_back(cell ? cell->text : std::string());
                } else {
                    if (ok)
                        d_.error(cell->loc.file.empty() ? c.loc : cell->loc,
                                 fmt(_("the chart at {}:{} shows the cell {} / {} of the table {}, which is {}, not a number; "
                                       "chart only rows and columns of numbers"), c.loc.file, c.loc.line,
                                     quote_text(t.rows[r].cells[0].text), quote_text(t.header[col]), quote_text(t.name),
                                     quote_text(cell->text)));
                    ok = false;
                }
            }
            c.series.push_back(std::move(out));
        }
        if (ok && !points_fit(c, t, series, categories)) ok = false;
        if (ok && !shares_apart(c, t, series, categories)) ok = false;
        if (ok && !counts_apart(c, t, series, categories)) ok = false;
        if (ok && !shares_stack(c, t, series, categories)) ok = false;
        if (ok && !typed_total_stacks(c, t, series, categories)) ok = false;
        if (ok && !periods_in_time(c)) ok = false;
        if (!ok) c.series.clear();
    }

private:
    // A line through periods (every category names one: "2019", "Dec. 2016", "1. kvt. 2023"):
    // drawn at their distances in time where those are uneven (c.positions), and an error where
    // they run backwards or name one period twice, as a line read from left to right would show
    // each change the wrong way round ("2023; 2022; 2021", the newest first as some tables put it).
    bool periods_in_time(Chart& c) {
        c.positions.clear();
        if (c.kind != Chart::Kind::Line || c.categories.size() < 2) return true;
        std::vector<double> at;
        for (const std::string& label : c.categories) {
            const std::optional<double> start = period_start(label);
            if (!start) return true;  // not periods: evenly spaced, as names are
            at.push_back(*start);
        }
        const char* key = c.series_are_columns ? "rækker" : "kolonner";
        const SourceLoc& loc = c.series_are_columns ? (c.rows_loc.file.empty() ? c.loc : c.rows_loc)
                                                    : (c.columns_loc.file.empty() ? c.loc : c.columns_loc);
        for (size_t k = 1; k < at.size(); ++k) {
            if (at[k] > at[k - 1]) continue;
            if (at[k] == at[k - 1]) {
                d_.error(loc, fmt(_("the line chart draws the same period twice, {} and {}; chart each period once"),
                                  quote_text(c.categories[k - 1]), quote_text(c.categories[k])));
                return false;
            }
            std::vector<size_t> order(at.size());
            for (size_t i = 0; i < order.size(); ++i) order[i] = i;
            std::stable_sort(order.begin(), order.end(), [&at](size_t a, size_t b) { return at[a] < at[b]; });
            std::string in_time;
            for (size_t i : order) in_time += (in_time.empty() ? "" : "; ") + c.categories[i];
            d_.error(loc, fmt(_("the line chart draws its periods out of time order, {} after {}: a line is read from left to "
                                "right, so it would show each change the wrong way round; name them in time order, as "
                                "\"{}: {}\""),
                              quote_text(c.categories[k]), quote_text(c.categories[k - 1]), key, in_time));
            return false;
        }
        // Evenly spaced periods (years, quarters) stand where the categories always stood.
        bool even = true;
        for (size_t k = 2; k < at.size() && even; ++k) even = std::abs((at[k] - at[k - 1]) - (at[1] - at[0])) < 0.05;
        if (!even) c.positions = std::move(at);
        return true;
    }

    // The formula that writes row `index` ("række:", `row`) or column `index` ("kolonne:") of
    // `t`, where one does, in its first cell it writes; else null.
    static const model::Formula* line_formula(const Table& t, size_t index, bool row) {
        const size_t cells = row ? t.header.size() : t.rows.size();
        const auto kind = row ? model::Formula::Kind::Row : model::Formula::Kind::Column;
        for (size_t i = row ? 1 : 0; i < cells; ++i)
            if (const model::Formula* f = row ? writer_of(t, index, i) : writer_of(t, i, index); f && f->kind == kind) return f;
        return nullptr;
    }
    // Whether a formula as written only adds: "sum(...)", or labels joined by "+".
    static bool adds_only(const std::string& expression) {
        if (fold_label(expression).starts_with("sum(")) return true;
        if (!model::is_sum_expression(expression)) return false;
        int depth = 0;
        for (const char ch : expression) {
            depth += ch == '[' ? 1 : ch == ']' ? -1 : 0;
            if (ch == '-' && depth == 0) return false;
        }
        return true;
    }
    // A column the table computes (a "kolonne:" formula writes it); one it computes by adding only
    // ("sum(A .. C)", "[Løn] + [Drift]").
    static bool computed_column(const Table& t, size_t k) { return line_formula(t, k, false) != nullptr; }
    static bool adding_column(const Table& t, size_t k) {
        const model::Formula* f = line_formula(t, k, false);
        return f && adds_only(f->expression);
    }
    static bool computed_row(const Table& t, size_t r) { return line_formula(t, r, true) != nullptr; }
    static bool named_total_row(const Table& t, size_t r) {
        const std::string& label = t.rows[r].cells.empty() ? std::string() : t.rows[r].cells[0].text;
        return model::names_total(label) || model::declared_total(t, label);
    }
    // A row named or declared a total, or one whose formula only adds ("sum(Nord .. Syd)", "[A] +
    // [B]"): a difference ("Ændring = [2024] - [2023]") is no total to draw among its parts' periods.
    static bool adding_row(const Table& t, size_t r) {
        if (named_total_row(t, r)) return true;
        const model::Formula* f = line_formula(t, r, true);
        return f && adds_only(f->expression);
    }
    // A row named or declared a total, or one the table computes as a sum of others (a
    // difference of them too: "Driftsresultat = [Indtægter] + [Udgifter] - [Renter]").
    static bool total_row(const Table& t, size_t r) {
        if (named_total_row(t, r)) return true;
        const model::Formula* f = line_formula(t, r, true);
        return f && (model::is_sum_expression(f->expression) || fold_label(f->expression).starts_with("sum("));
    }

    // With no "kolonner:" a chart draws every column of figures; where those mix the data with
    // columns computed from it (a change, an index), it drew them as further periods in the
    // data's unit ("2022, 2023, 2024, Ændring, Indeks", the index labelled "125 dage"). And a
    // stacked chart adds up its series: with no "rækker:" (or "kolonner:" for series that are
    // columns) a total among them was stacked on the rows it adds. Either is an error at the
    // chart asking for the rows or columns to draw.
    // Whether labels name periods in time: two of them, not totals, whose order the calendar tells.
    static bool are_periods(const std::vector<std::string>& labels) {
        const std::string* first = nullptr;
        for (const std::string& l : labels) {
            if (model::names_total(l)) continue;
            if (!first) {
                first = &l;
                continue;
            }
            return period_order(*first, l).has_value();
        }
        return false;
    }

    bool defaults_fit(const Chart& c, const Table& t, const std::vector<size_t>& rows, const std::vector<size_t>& cols) {
        if (trim(c.columns).empty()) {
            std::vector<std::string> computed, data;
            // A total the CSV holds ("2022;2023;2024;I alt") is no more of the same either: a
            // line through the periods went on to "I alt 350" after 130 (a probe).
            // Only in a line through periods: a bar for "Hele landet" beside the regions, or for
            // the total beside the years, is as meant.
            std::vector<std::string> headings;
            for (size_t k : cols) headings.push_back(t.header[k]);
            const bool periods = c.kind == model::Chart::Kind::Line && are_periods(headings);
            for (size_t k : cols)
                (computed_column(t, k) || (periods && model::names_total(t.header[k])) ? computed : data).push_back(t.header[k]);
            if (!computed.empty() && !data.empty()) {
                d_.error(c.loc, fmt(_("the chart names no \"kolonner:\", so it would draw every column of figures: the "
                                      "computed or total {} beside the data {}, as more of the same; name the columns to draw, as "
                                      "\"kolonner: {} .. {}\""),
                                    quote_text(computed.front()), quote_text(data.front()), data.front(), data.back()));
                return false;
            }
        }
        // So a table turned around (years as rows, "serier: kolonner"): with no "rækker:", a
        // computed row that is no total ("Vækst (pct.)", "Ændring") was drawn as one more year,
        // in the data's unit ("5,6 kr.").
        if (trim(c.rows).empty() && c.series_are_columns) {
            std::string computed, data, last;
            std::vector<std::string> labels;
            for (size_t r : rows) labels.push_back(t.rows[r].cells.empty() ? std::string() : t.rows[r].cells[0].text);
            const bool periods = c.kind == model::Chart::Kind::Line && are_periods(labels);
            for (size_t r : rows) {
                const std::string& label = t.rows[r].cells.empty() ? std::string() : t.rows[r].cells[0].text;
                if ((computed_row(t, r) && !adding_row(t, r)) || (periods && model::names_total(label))) {
                    if (computed.empty()) computed = label;
                } else {
                    if (data.empty()) data = label;
                    if (computed.empty()) last = label;
                }
            }
            if (!computed.empty() && !data.empty()) {
                d_.error(c.loc, fmt(_("the chart names no \"rækker:\", so it would draw every row of figures: the "
                                      "computed or total {} beside the data {}, as more of the same; name the rows to draw, as "
                                      "\"rækker: {} .. {}\""),
                                    quote_text(computed), quote_text(data), data, last));
                return false;
            }
        }
        if (!c.stacked) return true;
        const bool series_rows = !c.series_are_columns;
        // Named ones are held to it too: "rækker: Løn .. I alt" stacked 300 where the total is 150.
        const bool named = !trim(series_rows ? c.rows : c.columns).empty();
        std::string total, part;
        if (series_rows) {
            for (size_t r : rows) {
                const std::string& label = t.rows[r].cells.empty() ? std::string() : t.rows[r].cells[0].text;
                if (total_row(t, r)) { if (total.empty()) total = label; }
                else if (part.empty()) part = label;
            }
        } else {
            for (size_t k : cols) {
                // Named, a computed column is a total only where its formula adds up ("I alt =
                // [Løn] + [Drift]"); "Pension = [Løn] * 0,1" stacked on "Løn" is a part of its own.
                const bool total_column = model::names_total(t.header[k]) || (named ? adding_column(t, k) : computed_column(t, k));
                if (total_column) { if (total.empty()) total = t.header[k]; }
                else if (part.empty()) part = t.header[k];
            }
        }
        // A part ("Heraf ledere") stacked on the row it is part of, the row before it among those
        // drawn (a probe: bars of 122 for a staff of 110).
        std::string whole, of_it;
        if (series_rows) {
            for (size_t i = 1; i < rows.size() && of_it.empty(); ++i) {
                const std::string& label = t.rows[rows[i]].cells.empty() ? std::string() : t.rows[rows[i]].cells[0].text;
                if (!model::names_part(label)) continue;
                of_it = label;
                for (size_t j = i; j-- > 0;) {
                    const std::string& before = t.rows[rows[j]].cells.empty() ? std::string() : t.rows[rows[j]].cells[0].text;
                    if (!model::names_part(before)) {
                        whole = before;
                        break;
                    }
                }
            }
        } else {
            for (size_t i = 1; i < cols.size() && of_it.empty(); ++i)
                if (model::names_part(t.header[cols[i]]) && !model::names_part(t.header[cols[i - 1]])) {
                    of_it = t.header[cols[i]];
                    whole = t.header[cols[i - 1]];
                }
        }
        if (!of_it.empty() && !whole.empty()) {
            d_.error(c.loc, fmt(_("the stacked chart stacks {}, a part of {}, on it, so the part would be counted twice; "
                                  "leave the part out, or draw them side by side (\"type: søjler\")"),
                                quote_text(of_it), quote_text(whole)));
            return false;
        }
        if (total.empty() || part.empty()) return true;
        if (named)
            d_.error(c.loc, fmt(_("the stacked chart's \"{}:\" holds {} and the {} it adds up, such as {}, so it would "
                                  "stack the total on its parts; leave the total out, or draw the totals alone"),
                                series_rows ? "rækker" : "kolonner", quote_text(total), series_rows ? _("rows") : _("columns"),
                                quote_text(part)));
        else
            d_.error(c.loc, fmt(_("the stacked chart names no \"{}:\", so it would stack {} on the {} it adds up, such as {}; "
                                  "name the ones to stack, leaving the total out"),
                                series_rows ? "rækker" : "kolonner", quote_text(total), series_rows ? _("rows") : _("columns"),
                                quote_text(part)));
        return false;
    }

    // Where series s and category k of the chart c are in its table: a cell's row and column.
    struct Place {
        size_t r = 0, col = 0;
    };
    static Place place(const Chart& c, size_t s, size_t k) { return c.series_are_columns ? Place{k, s} : Place{s, k}; }
    // The number the chart c draws for series s in category k of `t`, and where it is in *at; null
    // where the cell is missing or no number.
    static const model::Cell* drawn_number(const Chart& c, const Table& t, size_t s, size_t k, Place* at = nullptr) {
        const Place p = place(c, s, k);
        if (at) *at = p;
        if (p.col >= t.rows[p.r].cells.size() || t.rows[p.r].cells[p.col].kind != model::Cell::Kind::Number) return nullptr;
        return &t.rows[p.r].cells[p.col];
    }

    // Whether the number at row r, column col of `t` is a share in per cent: written with its sign,
    // or in a table, column or row that says per cent ("talenhed: pct.", "Ja (pct.)", "Andel
    // (pct.)" over the labels).
    static bool is_share(const Table& t, size_t r, size_t col) {
        const model::Cell& cell = t.rows[r].cells[col];
        return cell.unit.empty() ? cell.hundred == model::Cell::Hundred::None &&
                                       (t.figures_unit == "pct." || names_per_cent(t.header[col]) ||
                                        names_per_cent(t.rows[r].cells[0].text) || names_per_cent(t.header[0]))
                                 : unit_written(cell.unit) == "pct.";
    }

    // A chart draws all its figures on one axis: shares in per cent beside counts or amounts
    // ("Antal" and "Andel (pct.)" of one table) are drawn to one scale, where 72 % and 72 patients
    // make bars alike. An error at the chart naming one figure of each.
    bool shares_apart(const Chart& c, const Table& t, const std::vector<size_t>& series, const std::vector<size_t>& categories) {
        const TwoKinds found = first_of_each(c, t, series, categories, [&t](const model::Cell& cell, const Place& at) {
            // Percentage points (a change of shares) are in per cent's units: neither kind here.
            if (cell.unit == kPoints || cell.hundred == model::Cell::Hundred::Difference) return Kind::Neither;
            return is_share(t, at.r, at.col) ? Kind::First : Kind::Second;
        });
        if (!found.both()) return true;
        d_.error(c.loc, fmt(_("the chart draws {}, a share in per cent, and {}, which is not, on one axis, so a share and a "
                              "count or amount of the same size would look alike; chart them apart (\"rækker:\", "
                              "\"kolonner:\"), or write the per cent sign where the figure is a share"),
                            named(t, found.first), named(t, found.second)));
        return false;
    }

    // What first_of_each sorts a drawn figure into.
    enum class Kind { Neither, First, Second };
    struct Found {
        const model::Cell* cell = nullptr;
        Place at;
    };
    // The first figure drawn of each of two kinds that must not share an axis.
    struct TwoKinds {
        Found first, second;
        bool both() const { return first.cell && second.cell; }
    };
    template <class Classify>
    static TwoKinds first_of_each(const Chart& c, const Table& t, const std::vector<size_t>& series,
                                  const std::vector<size_t>& categories, const Classify& classify) {
        TwoKinds out;
        for (size_t s : series)
            for (size_t k : categories) {
                Place at;
                const model::Cell* cell = drawn_number(c, t, s, k, &at);
                if (!cell) continue;
                const Kind kind = classify(*cell, at);
                Found& slot = kind == Kind::First ? out.first : out.second;
                if (kind != Kind::Neither && !slot.cell) slot = {cell, at};
            }
        return out;
    }
    // A drawn figure as a message names it: "Nord" / "Antal" (72).
    static std::string named(const Table& t, const Found& f) {
        return quote_text(t.rows[f.at.r].cells[0].text) + " / " + quote_text(t.header[f.at.col]) + " (" + f.cell->text + ")";
    }

    // What a table's column headings and row labels say of the figures under or beside them,
    // each asked once, when first needed: whether it names a count ("Antal ansatte", "Indbyggere")
    // or kroner ("Lønsum (mio. kr.)", "Udgift, kr.").
    class LabelFacts {
    public:
        explicit LabelFacts(const Table& t) : t_(t), columns_(t.header.size()), rows_(t.rows.size()) {}
        bool column_counts(size_t col) { return facts(columns_[col], t_.header[col]).count; }
        bool column_kroner(size_t col) { return facts(columns_[col], t_.header[col]).kroner; }
        bool row_counts(size_t r) { return facts(rows_[r], t_.rows[r].cells[0].text).count; }
        bool row_kroner(size_t r) { return facts(rows_[r], t_.rows[r].cells[0].text).kroner; }

    private:
        struct Facts {
            bool known = false, count = false, kroner = false;
        };
        static const Facts& facts(Facts& f, const std::string& label) {
            if (!f.known) f = {true, model::count_heading(label), names_kroner(label) || !unit_named_in(label).empty()};
            return f;
        }
        const Table& t_;
        std::vector<Facts> columns_, rows_;
    };

    // Whether the number at row r, column col of `t` is an amount in kroner by what the table
    // says of it: written with a kroner unit ("4,2 mio. kr."), or under a column, beside a row
    // label or in a table that names one ("Lønsum (mio. kr.)", "Udgift, kr.", "enhed: mio. kr.",
    // "talenhed: kr."). A count ("Antal ansatte") never is, nor a ratio or a share.
    static bool is_amount(const Table& t, size_t r, size_t col, LabelFacts& labels) {
        const model::Cell& cell = t.rows[r].cells[col];
        if (cell.count || cell.unitless || cell.hundred != model::Cell::Hundred::None) return false;
        const auto kroner = [](const std::string& unit) {
            return unit == "kr." || unit == "t. kr." || unit == "mio. kr." || unit == "mia. kr.";
        };
        if (!cell.unit.empty()) return kroner(unit_written(cell.unit));
        return kroner(t.figures_unit) || !t.unit.empty() || labels.column_kroner(col) || labels.row_kroner(r);
    }

    // Counts beside amounts in kroner on one axis ("Antal ansatte" and "Lønsum (mio. kr.)" of one
    // table): 120 employees and 120 mio. kr. make bars alike. An error at the chart naming one
    // figure of each, where the table says which each is (a table whose columns say neither is
    // taken as it is).
    bool counts_apart(const Chart& c, const Table& t, const std::vector<size_t>& series, const std::vector<size_t>& categories) {
        LabelFacts& labels = label_facts_.try_emplace(&t, t).first->second;
        // Most charts draw no count: known before any figure is asked whether it is kroner.
        bool any_count = false;
        for (size_t s : series)
            for (size_t k : categories) {
                Place at;
                const model::Cell* cell = drawn_number(c, t, s, k, &at);
                any_count = any_count || (cell && (cell->count || labels.column_counts(at.col) || labels.row_counts(at.r)));
            }
        if (!any_count) return true;
        const TwoKinds found = first_of_each(c, t, series, categories, [&](const model::Cell& cell, const Place& at) {
            const bool counted = cell.count || labels.column_counts(at.col) || labels.row_counts(at.r);
            const bool amount = is_amount(t, at.r, at.col, labels);
            // A figure its row and its column call two things ("Patienter" under "Udgift (mio.
            // kr.)", the kroner spent on them): taken as it is.
            if (counted == amount) return Kind::Neither;
            return counted ? Kind::First : Kind::Second;
        });
        if (!found.both()) return true;
        d_.error(c.loc, fmt(_("the chart draws {}, a count, and {}, an amount in kroner, on one axis, so a count and an "
                              "amount of the same size would look alike; chart them apart (\"rækker:\", \"kolonner:\")"),
                            named(t, found.first), named(t, found.second)));
        return false;
    }

    // A stacked chart adds up its series; shares in per cent of different wholes (68 %, 75 % and
    // 80 % of three regions' patients) stacked to 223 % on an axis to 250 %. Where a category's
    // shares stack beyond 100 % (more than half a shown unit per share), an error at the chart.
    bool shares_stack(const Chart& c, const Table& t, const std::vector<size_t>& series, const std::vector<size_t>& categories) {
        if (!c.stacked) return true;
        for (size_t k : categories) {
            Decimal sum(0, 0), allowed(0, 0);
            int shares = 0;
            for (size_t s : series) {
                Place at;
                const model::Cell* cell = drawn_number(c, t, s, k, &at);
                if (!cell || cell->value.is_negative() || !is_share(t, at.r, at.col)) continue;
                sum = Decimal::add(sum, cell->value).value_or(sum);
                if (cell->decimals >= 0 && cell->decimals < Decimal::kMaxScale)
                    allowed = Decimal::add(allowed, Decimal(5, cell->decimals + 1)).value_or(allowed);
                ++shares;
            }
            if (shares < 2 || !(sum > Decimal::add(Decimal(100, 0), allowed).value_or(Decimal(100, 0)))) continue;
            d_.error(c.loc, fmt(_("the stacked chart stacks figures in per cent to {} in {}, more than 100 %: shares of "
                                  "different wholes do not add up; draw them side by side (\"type: søjler\")"),
                                format_danish_exact(sum) + " %",
                                quote_text(c.series_are_columns ? t.rows[k].cells[0].text : t.header[k])));
            return false;
        }
        return true;
    }

    // A stacked chart adds up its series: one that is, in every category, the sum of all the
    // others (a total its label does not name, "Hele landet" or "Danmark" beside the regions, typed
    // in the CSV) would be stacked on them and counted twice. A total named, declared or computed
    // is found by defaults_fit; this one only by its figures: in two categories at least, beside
    // two other series at least, within the figures' rounding, and larger than that somewhere, so
    // that chance cannot make it one.
    bool typed_total_stacks(const Chart& c, const Table& t, const std::vector<size_t>& series,
                            const std::vector<size_t>& categories) {
        if (!c.stacked || series.size() < 3 || categories.size() < 2) return true;
        const auto number = [&](size_t s, size_t k) -> const model::Cell* {
            const model::Cell* cell = drawn_number(c, t, s, k);
            return cell && cell->decimals >= 0 && cell->decimals < Decimal::kMaxScale ? cell : nullptr;
        };
        const auto category = [&](size_t k) { return c.series_are_columns ? t.rows[k].cells[0].text : t.header[k]; };
        for (size_t total : series) {
            bool adds = true, larger = false;
            std::string example;
            for (size_t k : categories) {
                const model::Cell* whole = number(total, k);
                if (!whole) {
                    adds = false;
                    break;
                }
                Decimal sum(0, 0), allowed(5, whole->decimals + 1);
                for (size_t s : series) {
                    if (s == total) continue;
                    const model::Cell* part = number(s, k);
                    if (!part) {
                        adds = false;
                        break;
                    }
                    sum = Decimal::add(sum, part->value).value_or(sum);
                    allowed = Decimal::add(allowed, Decimal(5, part->decimals + 1)).value_or(allowed);
                }
                const std::optional<Decimal> off = adds ? Decimal::sub(whole->value, sum) : std::nullopt;
                const std::optional<Decimal> distance = off ? off->abs() : std::nullopt;
                if (!distance || *distance > allowed) {
                    adds = false;
                    break;
                }
                const std::optional<Decimal> size = whole->value.abs();
                if (size && *size > allowed) larger = true;
                if (example.empty()) example = quote_text(category(k)) + ": " + whole->text;
            }
            if (!adds || !larger) continue;
            const std::string label = c.series_are_columns ? t.header[total] : t.rows[total].cells[0].text;
            d_.error(c.loc, fmt(_("the stacked chart stacks {} on the other {}, whose sum it is in every {} ({}), so it "
                                  "would be counted twice; leave it out of \"{}:\", or draw it alone"),
                                quote_text(label), c.series_are_columns ? _("columns") : _("rows"),
                                c.series_are_columns ? _("row") : _("column"), example,
                                c.series_are_columns ? "kolonner" : "rækker"));
            return false;
        }
        return true;
    }

    // The chart's "enhed:" is printed after its value labels, which are the figures as the table
    // prints them: an amount unit there must be the table's ("11,5 kr." for 11,5 mio. kr. would
    // be a wrong figure), and a share cannot label amounts. Other words ("dage", "stillinger")
    // name what is counted and are not checked.
    bool unit_fits(const model::Chart& c, const Table& t) {
        const bool declared = !t.unit.empty() || !t.figures_unit.empty();  // not kr. that may be counts
        // "mio." alone may count millions of something in a table of counts; under a table of
        // amounts it names mio. kr. as much as "mill. kr." does.
        bool lone_scale = false;
        const std::string named = unit_written(c.unit, &lone_scale);
        if (named.empty() || (lone_scale && !declared)) return true;
        const std::string printed = model::printed_unit(t);
        // Percentage points are computed in the table, whatever its figures are (points_fit).
        if (named == printed || ((named == "pct." || named == kPoints) && !declared) || named == kPoints) return true;
        d_.error(c.unit_loc, fmt(_("the chart's unit {} is not the unit its table {} prints its figures in, {}, so its labels "
                                   "would give the figures another value; write \"enhed: {}\", or leave the key out"),
                                 quote_text(c.unit), quote_text(t.name), printed, printed),
                 c.unit_line);
        return false;
    }

    // A chart's "enhed:" and percentage points (a difference of shares, "4 pct.-point"): "%"
    // after them would call the points per cent, and "pct.-point" after shares would call the
    // shares points. False, after an error at "enhed:", for either.
    bool points_fit(Chart& c, const Table& t, const std::vector<size_t>& series, const std::vector<size_t>& categories) {
        const std::string named = unit_written(c.unit);
        if (kroner_per(named) > 0) return amounts_fit(c, t, series, categories);
        if (named != "pct." && named != kPoints) return true;
        for (size_t s : series)
            for (size_t k : categories) {
                Place at;
                const model::Cell* number = drawn_number(c, t, s, k, &at);
                if (!number) continue;
                const model::Cell& cell = *number;
                const auto [r, col] = at;
                // A ratio computed as a fraction ("[Overholdt] / [Forløb]", 0,68) under "%" would be
                // labelled 0,68 %, a hundredth of the share (a probe: beside a target line of 79 %).
                if (named == "pct." && cell.unitless && cell.hundred == model::Cell::Hundred::Ratio) {
                    d_.error(c.unit_loc,
                             fmt(_("the chart's unit {} calls its figures per cent, but {} / {} of the table {} is {}, a "
                                   "ratio of two figures (0,68 is 68 %); multiply by 100 in its formula (\"[Del] / [Hele] "
                                   "* 100\"), or leave the key out"),
                                 quote_text(c.unit), quote_text(t.rows[r].cells[0].text), quote_text(t.header[col]),
                                 quote_text(t.name), quote_text(cell.text)),
                             c.unit_line);
                    return false;
                }
                // Points: a difference of shares, or of figures computed per hundred ("[Ja] / [I alt] * 100").
                const bool points = cell.unit == kPoints || cell.hundred == model::Cell::Hundred::Difference;
                if (points == (named == kPoints)) continue;
                d_.error(c.unit_loc,
                         fmt(named == kPoints
                                 ? _("the chart's unit {} calls its figures percentage points, but {} / {} of the table {} "
                                     "is {}, not a difference of shares; write the unit its figures are in, or leave the key out")
                                 : _("the chart's unit {} calls its figures per cent, but {} / {} of the table {} is {}, a "
                                     "difference of shares in percentage points; write \"enhed: pct.-point\", or leave the key out"),
                             quote_text(c.unit), quote_text(t.rows[r].cells[0].text), quote_text(t.header[col]),
                             quote_text(t.name), quote_text(cell.text)),
                         c.unit_line);
                return false;
            }
        // One spelling after the labels, the one the cells print ("4 pct.-point", not "4 pct.-point procentpoint").
        if (named == kPoints) c.unit = kPoints;
        return true;
    }

    // A chart whose "enhed:" is an amount unit labels each value with it: a share, an index or a
    // change in per cent among its values ("Vækst (pct.)" in a table in kr.) was labelled "5,6
    // kr.". False, after an error at "enhed:", for such a value.
    bool amounts_fit(const Chart& c, const Table& t, const std::vector<size_t>& series, const std::vector<size_t>& categories) {
        for (size_t s : series)
            for (size_t k : categories) {
                Place at;
                const model::Cell* number = drawn_number(c, t, s, k, &at);
                if (!number) continue;
                const model::Cell& cell = *number;
                const auto [r, col] = at;
                const bool no_amount = cell.hundred != model::Cell::Hundred::None || unit_written(cell.unit) == "pct." ||
                                       cell.unit == kPoints;
                if (!no_amount) continue;
                d_.error(c.unit_loc,
                         fmt(_("the chart's unit {} labels its figures as amounts, but {} / {} of the table {} is {}, a "
                               "share, an index or a change in per cent; chart it apart, without that unit"),
                             quote_text(c.unit), quote_text(t.rows[r].cells[0].text), quote_text(t.header[col]),
                             quote_text(t.name), quote_text(cell.text)),
                         c.unit_line);
                return false;
            }
        return true;
    }

    // The unit a chart's "enhed:" names as calc/units.hpp writes it ("Mio. kr" is "mio. kr."),
    // or "" for a word that is not a unit of figures.
    // The unit a chart's "enhed:" names, however it is spelled ("mill. kr.", "mio. DKK", "kroner"),
    // or "" for a word that names what is counted ("dage"). *lone_scale: a scale word alone ("mio.").
    static std::string unit_written(const std::string& text, bool* lone_scale = nullptr) {
        std::string key;
        for (char ch : text)
            if (ch != ' ' && ch != '.') key += static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
        if (key == "kr" || key == "kroner" || key == "dkk") return "kr.";
        if (const std::string amount = unit_named_in(text); !amount.empty()) return amount;
        if (const std::string scale = unit_named_in("(" + text + ")"); !scale.empty()) {
            if (lone_scale) *lone_scale = true;
            return scale;
        }

        if (key == "tkr" || key == "1000kr") return "t. kr.";
        if (key == "miokr") return "mio. kr.";
        if (key == "miakr") return "mia. kr.";
        if (key == "%" || key == "pct" || key == "procent") return "pct.";
        if (key == "pct-point" || key == "pctpoint" || key == "procentpoint" || key == "procent-point" || key == "%-point")
            return kPoints;
        return "";
    }

    model::Meeting& m_;
    Diagnostics& d_;
    std::map<std::string, std::pair<size_t, size_t>> tables_;
    std::map<const Table*, LabelFacts> label_facts_;  // each charted table's, for all its charts
};

// Charts, and any block a reader numbered as a figure before (a picture: b.figure > 0), share
// one count in reading order.
void number_blocks(std::vector<model::Block>& blocks, model::AgendaItem& item, int& n) {
    for (model::Block& b : blocks) {
        if (b.kind == model::Block::Kind::Chart && b.chart >= 0 && static_cast<size_t>(b.chart) < item.charts.size()) {
            b.figure = ++n;
            item.charts[static_cast<size_t>(b.chart)].number = n;
        } else if (b.figure > 0) {
            b.figure = ++n;
        }
        for (auto& it : b.items) number_blocks(it, item, n);
        number_blocks(b.children, item, n);
    }
}

}  // namespace

void number_figures(model::AgendaItem& item) {
    int n = 0;
    for (model::Section& s : item.sections) number_blocks(s.blocks, item, n);
    for (model::Attachment& a : item.attachments) {
        int own = 0;
        number_blocks(a.content, item, own);
    }
}

void resolve_charts(model::Meeting& meeting, Diagnostics& diags) {
    Resolver r(meeting, diags);
    for (size_t i = 0; i < meeting.items.size(); ++i) {
        number_figures(meeting.items[i]);
        for (Chart& c : meeting.items[i].charts) r.resolve(i, c);
    }
}

}  // namespace boardpack::calc

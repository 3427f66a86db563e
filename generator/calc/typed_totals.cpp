#include "calc/typed_totals.hpp"

#include <optional>
#include <vector>

#include "calc/table_calc.hpp"
#include "core/messages.hpp"
#include "core/text.hpp"
#include "model/totals.hpp"
#include "numbers/danish_number.hpp"

namespace boardpack::calc {

namespace {

const std::string& label_of(const model::TableRow& row) {
    static const std::string none;
    return row.cells.empty() ? none : row.cells[0].text;
}

bool has_number(const model::TableRow& row) {
    for (size_t c = 1; c < row.cells.size(); ++c)
        if (row.cells[c].kind == model::Cell::Kind::Number) return true;
    return false;
}

// A figure that may be added: a plain number (no share, ratio or index computed without a unit).
bool addable(const model::Cell& c) {
    return c.kind == model::Cell::Kind::Number && c.unit != "%" && c.unit != "pct." && c.unit != "pct.-point" &&
           !c.unitless && c.hundred == model::Cell::Hundred::None;
}

// What the table's rows are, as a total reads them.
struct Rows {
    std::vector<bool> total, part;
};

Rows roles_of(const model::Table& t) {
    Rows out{std::vector<bool>(t.rows.size(), false), std::vector<bool>(t.rows.size(), false)};
    int least = -1;
    for (size_t i = 0; i < t.rows.size(); ++i) {
        const std::string& label = label_of(t.rows[i]);
        out.total[i] = !label.empty() && (model::names_total(label) || model::declared_total(t, label));
        if (!out.total[i] && t.rows[i].role == model::TableRow::Role::Data && has_number(t.rows[i]))
            least = least < 0 ? t.rows[i].indent : std::min(least, t.rows[i].indent);
    }
    for (size_t i = 0; i < t.rows.size(); ++i) {
        const std::string& label = label_of(t.rows[i]);
        out.part[i] = !out.total[i] && (model::names_part(label) || model::marked_as_item(label) ||
                                        (least >= 0 && t.rows[i].indent > least) || names_rate_figures(label));
    }
    return out;
}

// The rows the total at `r` adds up, by the rules in the header; empty where it tells none.
std::vector<size_t> totalled_by(const model::Table& t, const Rows& roles, size_t r) {
    const auto counts = [&](size_t i) {
        return t.rows[i].role == model::TableRow::Role::Data && !roles.part[i] && has_number(t.rows[i]);
    };
    // The rows between the total before `at` (or the table's start) and it.
    const auto rows_above = [&](size_t at) {
        std::vector<size_t> out;
        for (size_t i = at; i > 0 && !roles.total[i - 1];) {
            --i;
            if (counts(i)) out.insert(out.begin(), i);
        }
        return out;
    };
    if (std::vector<size_t> above = rows_above(r); !above.empty()) return above;
    // Subtotals, each under rows of its own ("Løn i alt", "Drift i alt" alone are totals of
    // rows the table does not show: no sum of them is told).
    std::vector<size_t> totals_above;
    for (size_t k = 0; k < r; ++k)
        if (roles.total[k] && has_number(t.rows[k]) && !rows_above(k).empty()) totals_above.push_back(k);
    if (!totals_above.empty()) return totals_above;
    std::vector<size_t> below;
    for (size_t k = r + 1; k < t.rows.size() && !roles.total[k]; ++k)
        if (counts(k)) below.push_back(k);
    return below;
}

}  // namespace

void warn_typed_totals(const model::Table& t, Diagnostics& diags) {
    if (t.rows.size() < 3) return;
    // Most tables have no total typed (their totals computed, or none): found first, cheaply,
    // before the labels are read for what they name.
    const auto typed_figure = [](const model::TableRow& row) {
        for (size_t c = 1; c < row.cells.size(); ++c)
            if (row.cells[c].kind == model::Cell::Kind::Number && row.cells[c].formula == 0) return true;
        return false;
    };
    bool any = false;
    for (const model::TableRow& row : t.rows)
        any = any || (row.role == model::TableRow::Role::Data && !label_of(row).empty() && typed_figure(row) &&
                      (model::names_total(label_of(row)) || model::declared_total(t, label_of(row))));
    if (!any) return;
    // A table whose title or labels' heading says every figure is a rate: its "Hele landet" is
    // no sum of the regions.
    if (names_rate_figures(t.title) || (!t.header.empty() && names_rate_figures(t.header[0]))) return;
    const Rows roles = roles_of(t);
    for (size_t r = 0; r < t.rows.size(); ++r) {
        const model::TableRow& row = t.rows[r];
        if (!roles.total[r] || row.role != model::TableRow::Role::Data) continue;
        const std::vector<size_t> parts = totalled_by(t, roles, r);
        if (parts.size() < 2) continue;
        const model::Cell* first = nullptr;
        size_t first_column = 0, others = 0;
        Decimal first_sum;
        for (size_t c = 1; c < row.cells.size() && c < t.header.size(); ++c) {
            const model::Cell& total = row.cells[c];
            if (!addable(total) || total.formula != 0 || total.code || names_rate_figures(t.header[c])) continue;
            std::optional<Decimal> sum = Decimal();
            int decimals = 0;
            for (const size_t p : parts) {
                const model::Cell& part = c < t.rows[p].cells.size() ? t.rows[p].cells[c] : total;
                if (part.kind == model::Cell::Kind::Dash) continue;  // "-": nothing
                if (!addable(part) || part.code) {
                    sum.reset();
                    break;
                }
                decimals = std::max(decimals, part.decimals);
                sum = Decimal::add(*sum, part.value);
                if (!sum) break;
            }
            if (!sum) continue;
            // The parts and the total may each be rounded from figures with more decimals: half
            // a unit of their last decimal each.
            const auto slack = Decimal::add(Decimal(5 * static_cast<int64_t>(parts.size()), decimals + 1),
                                            Decimal(5, total.decimals + 1));
            const auto off = Decimal::sub(total.value, *sum);
            const auto size = off ? off->abs() : std::nullopt;
            if (!slack || !size || *size <= *slack) continue;
            if (first == nullptr) {
                first = &total;
                first_column = c;
                first_sum = *sum;
            } else {
                ++others;
            }
        }
        if (first == nullptr) continue;
        const std::string& from = label_of(t.rows[parts.front()]);
        const std::string& to = label_of(t.rows[parts.back()]);
        const std::string more = others == 0 ? std::string()
                                             : fmt(tr_n(" (and in {} other column)", " (and in {} other columns)", others), others);
        diags.warning(first->loc,
                      fmt(_("the total {} / {} is typed as {}, but the rows it totals, {} .. {}, add up to {}{}: the packet "
                            "prints it as their total; correct the figure, or compute it (\"række: {} = sum({} .. {})\") "
                            "so it follows them"),
                          quote_text(label_of(row)), quote_text(t.header[first_column]), first->text,
                          quote_text(from), quote_text(to), format_danish_exact(first_sum), more, label_of(row), from, to));
    }
}

}  // namespace boardpack::calc

#include "calc/typed_totals.hpp"

#include <algorithm>
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
           !c.unitless && c.hundred == model::Cell::Hundred::None && !c.code;
}

// Whether a heading or label names figures whose total is no sum: a rate, a share, an average,
// growth, an absence or an occupancy ("Andel", "Vækst", "Sygefravær", "Belægning", "Liggedage pr.
// udskrivning"): a typed "Hele landet" under it is the whole's own figure.
bool no_sum_figures(const std::string& heading) {
    if (heading.empty()) return false;
    if (names_rate_figures(heading) || names_share(heading)) return true;
    const std::string folded = " " + fold_label(heading) + " ";
    for (const char* word : {"vækst", "fravær", "overholdelse", "overholdt", "belægning",  // "Realvækst", "Sygefravær" too
                             "levealder", "tilfredshed", " pr. ", " pr ", " per ", " gns", "andel", "procent", "pct"})
        if (folded.find(word) != std::string::npos) return true;
    return false;
}

// Income typed without its minus under a net total ("Udgifter 1.500, Indtægter 60, Nettoudgifter i
// alt 1.440"): such rows may be taken off rather than added.
bool names_income(const std::string& label) {
    const std::string folded = fold_label(label);
    return folded.find("indtægt") != std::string::npos || folded.find("refusion") != std::string::npos;
}

// A result line ("Driftsresultat", "Resultat før finansiering", "Årets resultat"): a total of the
// lines above it, as a total reads them, though not printed as one.
bool names_result(const std::string& label) {
    if (label.find("esultat") == std::string::npos) return false;  // most labels: not folded at all
    const std::string folded = " " + fold_label(label);
    return folded.find("resultat") != std::string::npos && folded.find(" resultatet") == std::string::npos;
}

// What the table's rows are, as a total reads them.
struct Rows {
    std::vector<bool> total, part;
};

// `labels_read`: rows whose labels name rates are no parts; without it (a first, cheap look:
// leaving them out only ever takes a warning away) the labels are read for parts and totals only.
Rows roles_of(const model::Table& t, bool labels_read) {
    Rows out{std::vector<bool>(t.rows.size(), false), std::vector<bool>(t.rows.size(), false)};
    int least = -1;
    bool total_above = false;
    for (size_t i = 0; i < t.rows.size(); ++i) {
        const std::string& label = label_of(t.rows[i]);
        // "total:" names the totals (or "ingen": none); else the labels say it, and a result line
        // below a total ("Driftsresultat" under "Udgifter i alt"; one above any is a row of its own).
        out.total[i] = !label.empty() && (t.totals.empty() ? model::names_total(label) || (total_above && names_result(label))
                                                            : model::declared_total(t, label));
        total_above = total_above || out.total[i];
        if (!out.total[i] && t.rows[i].role == model::TableRow::Role::Data && has_number(t.rows[i]))
            least = least < 0 ? t.rows[i].indent : std::min(least, t.rows[i].indent);
    }
    for (size_t i = 0; i < t.rows.size(); ++i) {
        const std::string& label = label_of(t.rows[i]);
        out.part[i] = !out.total[i] && (model::names_part(label) || model::marked_as_item(label) ||
                                        (least >= 0 && t.rows[i].indent > least) ||
                                        (labels_read && no_sum_figures(label)));
    }
    return out;
}

// The ways the rows around the total at `r` may add up to it, the first the one the message
// names: the rows above it back to the total before it; the last of those only (a result row
// between two groups, "Resultat før finansiering" above "Renteindtægter", "Renteudgifter" and
// "Finansiering i alt"); the rows below it to the next total (a group led by its subtotal); the
// subtotals above it, each under rows of its own; the totals below it (a grand total first,
// each group then led by its subtotal).
// The rows below it may close with a total of their own ("Indtægter i alt" first, then "Løn",
// "Drift", "Udgifter i alt"): that reading's index and the closing total's row, in *below_at and
// *closed_by (npos where there is none), so a reading the closing total adds up to is left to it.
std::vector<std::vector<size_t>> readings_of(const model::Table& t, const Rows& roles, size_t r, size_t* below_at,
                                             size_t* closed_by) {
    const auto counts = [&](size_t i) {
        return t.rows[i].role == model::TableRow::Role::Data && !roles.part[i] && has_number(t.rows[i]);
    };
    const auto rows_above = [&](size_t at) {
        std::vector<size_t> out;
        for (size_t i = at; i > 0 && !roles.total[i - 1];) {
            --i;
            if (counts(i)) out.insert(out.begin(), i);
        }
        return out;
    };
    const auto rows_below = [&](size_t at) {
        std::vector<size_t> out;
        for (size_t i = at + 1; i < t.rows.size() && !roles.total[i]; ++i)
            if (counts(i)) out.push_back(i);
        return out;
    };
    std::vector<std::vector<size_t>> out;
    const std::vector<size_t> above = rows_above(r);
    if (!above.empty()) {
        out.push_back(above);
        for (size_t from = 1; from + 1 < above.size(); ++from) out.emplace_back(above.begin() + from, above.end());
    }
    std::vector<size_t> below = rows_below(r), subtotals_above, totals_below;
    for (size_t k = 0; k < r; ++k)
        if (roles.total[k] && has_number(t.rows[k]) && !rows_above(k).empty()) subtotals_above.push_back(k);
    for (size_t k = r + 1; k < t.rows.size(); ++k)  // subtotals each leading rows of its own
        if (roles.total[k] && has_number(t.rows[k]) && !rows_below(k).empty()) totals_below.push_back(k);
    // Right under a total ("Driftsresultat" after "Udgifter i alt"), the subtotals above are what
    // it most likely adds; else the rows below it.
    size_t before = r;
    while (before > 0 && t.rows[before - 1].role == model::TableRow::Role::Spacer) --before;
    const bool after_total = above.empty() && before > 0 && roles.total[before - 1];
    if (after_total && subtotals_above.size() >= 2) {
        out.push_back(subtotals_above);
        // Only the last of them ("Driftsresultat", itself over "Udgifter i alt", and "Kapitalposter
        // i alt" above "Resultat").
        for (size_t from = 1; from + 1 < subtotals_above.size(); ++from)
            out.emplace_back(subtotals_above.begin() + from, subtotals_above.end());
    }
    // A subtotal and the rows after it ("Sundhed i alt", "Social", "Regional udvikling", "Drift i alt").
    if (!above.empty() && !subtotals_above.empty()) {
        std::vector<size_t> both = subtotals_above;
        both.insert(both.end(), above.begin(), above.end());
        out.push_back(std::move(both));
    }
    *below_at = *closed_by = std::string::npos;
    if (below.size() >= 2) {
        if (below.back() + 1 < t.rows.size())
            for (size_t k = below.back() + 1; k < t.rows.size(); ++k)
                if (roles.total[k]) {
                    *closed_by = k;
                    break;
                }
        *below_at = out.size();
        out.push_back(std::move(below));
    }
    if (!after_total && subtotals_above.size() >= 2) out.push_back(std::move(subtotals_above));
    if (totals_below.size() >= 2 && above.empty()) out.push_back(std::move(totals_below));
    return out;
}

// The unit of a figure's last digit written: its last decimal, or 1. (Not the last digit before
// trailing zeros: "Løn;1.000.000 / Drift;2.000.000 / I alt;4.000.000" would pass as rounded to
// millions, and a round figure is as often exact.)
Decimal last_unit(const model::Cell& cell) { return Decimal(1, std::max(cell.decimals, 0)); }

// Whether the parts (`rows`, column `c`) add up to `total` within their rounding, read as a
// plain sum, with income taken off, or as group rows beside the rows they hold (twice the
// total); nullopt where a part is missing, and their plain sum in *sum.
std::optional<bool> adds_up_to(const model::Table& t, const std::vector<size_t>& rows, size_t c, const model::Cell& total,
                               Decimal* sum) {
    // All of them rounded to the finest unit any is written to (1.050.000 beside 150.000: to
    // 10.000), each off by half of it at most.
    std::optional<Decimal> plus = Decimal(), net = Decimal();
    Decimal unit = last_unit(total);
    bool income = false;
    int64_t figures = 1;
    for (const size_t p : rows) {
        const model::Cell* part = c < t.rows[p].cells.size() ? &t.rows[p].cells[c] : nullptr;
        if (part && part->kind == model::Cell::Kind::Dash) continue;  // "-": nothing
        if (!part || !addable(*part) || !plus || !net) return std::nullopt;
        const bool off = names_income(label_of(t.rows[p])) && !part->value.is_negative();
        income = income || off;
        plus = Decimal::add(*plus, part->value);
        net = off ? Decimal::sub(*net, part->value) : Decimal::add(*net, part->value);
        if (const Decimal own = last_unit(*part); own < unit) unit = own;
        ++figures;
    }
    if (!plus || !net) return std::nullopt;
    const std::optional<Decimal> slack = Decimal::mul(unit, Decimal(5 * figures, 1));
    if (!slack) return std::nullopt;
    *sum = *plus;
    const auto within = [&](const Decimal& value, const Decimal& room) {
        const auto off = Decimal::sub(total.value, value);
        const auto size = off ? off->abs() : std::nullopt;
        return size && *size <= room;
    };
    // Net either way: expenses less income, or a result of income less expenses.
    const auto negated = net->negated();
    if (within(*plus, *slack) || (income && (within(*net, *slack) || (negated && within(*negated, *slack))))) return true;
    const auto twice = Decimal::mul(total.value, Decimal(2, 0));
    const auto twice_off = twice ? Decimal::sub(*twice, *plus) : std::nullopt;
    const auto twice_size = twice_off ? twice_off->abs() : std::nullopt;
    const auto twice_slack = Decimal::add(*slack, *slack);
    return twice_size && twice_slack && *twice_size <= *twice_slack ? std::optional<bool>(true) : std::optional<bool>(false);
}

// Whether a total of `t` is not what any reading of its rows adds up to; said in `diags` when
// given. Without `labels_read` (and diags null), a first look that finds most tables fine before
// their rows' labels are read for the rates, shares and averages they name.
bool typed_totals_off(const model::Table& t, bool labels_read, Diagnostics* diags) {
    const Rows roles = roles_of(t, labels_read);
    bool off = false;
    for (size_t r = 0; r < t.rows.size(); ++r) {
        const model::TableRow& row = t.rows[r];
        if (!roles.total[r] || row.role != model::TableRow::Role::Data || (labels_read && no_sum_figures(label_of(row)))) continue;
        size_t below_at = 0, closed_by = 0;
        const std::vector<std::vector<size_t>> readings = readings_of(t, roles, r, &below_at, &closed_by);
        if (readings.empty() || readings.front().size() < 2) continue;
        const model::Cell* first = nullptr;
        size_t first_column = 0, others = 0, named = 0;
        Decimal first_sum;
        for (size_t c = 1; c < row.cells.size() && c < t.header.size(); ++c) {
            const model::Cell& total = row.cells[c];
            if (!addable(total) || total.formula != 0 || no_sum_figures(t.header[c])) continue;
            Decimal sum;
            size_t sum_of = 0;
            bool judged = false, fits = false;
            for (size_t k = 0; k < readings.size() && !fits; ++k) {
                Decimal reading_sum;
                // Rows the total closing them adds up to are its own, not this total's.
                if (k == below_at && closed_by != std::string::npos && c < t.rows[closed_by].cells.size() &&
                    addable(t.rows[closed_by].cells[c]) &&
                    adds_up_to(t, readings[k], c, t.rows[closed_by].cells[c], &reading_sum).value_or(false))
                    continue;
                const std::optional<bool> adds = adds_up_to(t, readings[k], c, total, &reading_sum);
                if (!adds) {
                    if (k == 0) break;  // the rows it stands under miss a figure: not judged
                    continue;
                }
                if (!judged) {
                    sum = reading_sum;
                    sum_of = k;
                }
                judged = true;
                fits = *adds;
            }
            if (!judged || fits) continue;
            if (first == nullptr) {
                first = &total;
                first_column = c;
                first_sum = sum;
                named = sum_of;
            } else {
                ++others;
            }
        }
        if (first == nullptr) continue;
        off = true;
        if (diags == nullptr) return true;
        const std::vector<size_t>& parts = readings[named];
        const std::string& from = label_of(t.rows[parts.front()]);
        const std::string& to = label_of(t.rows[parts.back()]);
        const std::string more = others == 0 ? std::string()
                                             : fmt(tr_n(" (and in {} other column)", " (and in {} other columns)", others), others);
        // The formula that would compute it, where its range names those rows alone: the rows run
        // on from one to the other, and neither label is used twice.
        bool plain_range = parts.back() - parts.front() + 1 == parts.size() && fold_label(from) != fold_label(to);
        for (size_t i = 0; i < t.rows.size() && plain_range; ++i)
            if ((i < parts.front() || i > parts.back()) &&
                (fold_label(label_of(t.rows[i])) == fold_label(from) || fold_label(label_of(t.rows[i])) == fold_label(to)))
                plain_range = false;
        int decimals = first->decimals;
        for (const size_t p : parts) {
            plain_range = plain_range && !names_income(label_of(t.rows[p]));  // sum() would add the income
            if (first_column < t.rows[p].cells.size()) decimals = std::max(decimals, t.rows[p].cells[first_column].decimals);
        }
        const std::string figure = format_danish(first->value, first->decimals), added = format_danish(first_sum, decimals);
        if (plain_range)
            diags->warning(first->loc,
                          fmt(_("the total {} / {} is typed as {}, but the rows it totals, {} .. {}, add up to {}{}: the "
                                "packet reads it as their total; correct the figure, or compute it (\"række: {} = sum({} .. "
                                "{})\") so it follows them, or name the rows the table's totals are (\"total:\", \"total: "
                                "ingen\")"),
                              quote_text(label_of(row)), quote_text(t.header[first_column]), figure, quote_text(from),
                              quote_text(to), added, more, label_of(row), from, to));
        else
            diags->warning(first->loc,
                          fmt(_("the total {} / {} is typed as {}, but the rows it totals, {} .. {}, add up to {}{}: the "
                                "packet reads it as their total; correct the figure, or compute it with a \"række:\" formula "
                                "so it follows them, or name the rows the table's totals are (\"total:\", \"total: ingen\")"),
                              quote_text(label_of(row)), quote_text(t.header[first_column]), figure, quote_text(from),
                              quote_text(to), added, more));
    }
    return off;
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
                      (t.totals.empty() ? model::names_total(label_of(row)) || names_result(label_of(row))
                                        : model::declared_total(t, label_of(row))));
    if (!any) return;
    if (no_sum_figures(t.title) || (!t.header.empty() && no_sum_figures(t.header[0]))) return;
    // A table whose title or labels' heading says every figure is a rate or a share (above):
    // its "Hele landet" is no sum of the regions. Looked at first without the rows' labels read.
    if (typed_totals_off(t, false, nullptr)) typed_totals_off(t, true, &diags);
}

}  // namespace boardpack::calc

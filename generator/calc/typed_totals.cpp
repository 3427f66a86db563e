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
    // Built by appending: GCC 12 warns (-Wrestrict, wrongly) of " " + a temporary, once inlined.
    std::string folded(1, ' ');
    folded += fold_label(heading);
    folded += ' ';
    for (const char* word : {"vækst", "fravær", "overholdelse", "overholdt", "belægning",  // "Realvækst", "Sygefravær" too
                             "levealder", "tilfredshed", " pr. ", " pr ", " per ", " gns", "andel", "procent", "pct"})
        if (folded.find(word) != std::string::npos) return true;
    return false;
}

// Whether a column heading names a change or a difference ("Samlet ændring", "Afvigelse i alt",
// "Forskel B-FvR", "Mer-/mindreforbrug"): no total of the columns before it, whatever its words
// (a new line's 0 and 500 changed by 500). It may be one of a total's parts ("Oprindeligt budget",
// "Ændringer", "Korrigeret budget i alt").
bool names_change(const std::string& heading) {
    std::string folded = " ";
    folded += fold_label(heading);
    folded += ' ';
    for (const char* word : {"ændring", "difference", " diff ", " diff.", "afvigelse", "stigning", " fald ", "merforbrug",
                             "mindreforbrug", "mer-/mindre", " +/-", " +/÷"})
        if (folded.find(word) != std::string::npos) return true;
    // "Forskel", "Prisforskel", not "Forskellige udgifter".
    for (size_t at = folded.find("forskel"); at != std::string::npos; at = folded.find("forskel", at + 1))
        if (folded.compare(at, 10, "forskellig") != 0) return true;
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
    std::string folded(1, ' ');
    folded += fold_label(label);
    return folded.find("resultat") != std::string::npos && folded.find(" resultatet") == std::string::npos;
}

// The lines a total adds up, as a total reads them: the table's rows (a total row's parts), or its
// columns (a total column's; line 0, the labels' column, is none). A cell stands at a line and a
// place across it: a total row's cells are across its columns, a total column's across its rows.
struct Lines {
    enum : unsigned char { kTotal = 1, kPart = 2, kData = 4, kNumber = 8, kSpacer = 16 };
    const model::Table* t = nullptr;
    bool columns = false;
    std::vector<unsigned char> flags;
    mutable std::vector<signed char> incomes;  // names_income of each line's label, read once: -1 not yet

    size_t size() const { return flags.size(); }
    bool is(size_t i, unsigned char flag) const { return (flags[i] & flag) != 0; }
    bool total(size_t i) const { return is(i, kTotal); }
    // A line a total adds: one the input gave (not a formula's), holding a number, no part.
    bool counts(size_t i) const { return (flags[i] & (kData | kPart | kNumber)) == (kData | kNumber); }
    const std::string& label(size_t i) const { return columns ? t->header[i] : label_of(t->rows[i]); }
    bool income(size_t i) const {
        if (incomes.empty()) incomes.assign(size(), -1);
        if (incomes[i] < 0) incomes[i] = names_income(label(i)) ? 1 : 0;
        return incomes[i] == 1;
    }
    const model::Cell* cell(size_t line, size_t across) const {
        const model::TableRow& row = t->rows[columns ? across : line];
        const size_t c = columns ? line : across;
        return c < row.cells.size() ? &row.cells[c] : nullptr;
    }
};

// What the table's rows are, as a total reads them.
// `labels_read`: rows whose labels name rates are no parts; without it (a first, cheap look:
// leaving them out only ever takes a warning away) the labels are read for parts and totals only.
Lines row_lines(const model::Table& t, bool labels_read) {
    Lines out{&t, false, std::vector<unsigned char>(t.rows.size(), 0), {}};
    int least = -1;
    bool total_above = false;
    for (size_t i = 0; i < t.rows.size(); ++i) {
        const model::TableRow& row = t.rows[i];
        const std::string& label = label_of(row);
        // "total:" names the totals (or "ingen": none); else the labels say it, and a result line
        // below a total ("Driftsresultat" under "Udgifter i alt"; one above any is a row of its own).
        const bool total = !label.empty() && (t.totals.empty() ? model::names_total(label) || (total_above && names_result(label))
                                                               : model::declared_total(t, label));
        const bool number = has_number(row);
        total_above = total_above || total;
        out.flags[i] = (total ? Lines::kTotal : 0) | (number ? Lines::kNumber : 0) |
                       (row.role == model::TableRow::Role::Data ? Lines::kData : 0) |
                       (row.role == model::TableRow::Role::Spacer ? Lines::kSpacer : 0);
        if (!total && row.role == model::TableRow::Role::Data && number)
            least = least < 0 ? row.indent : std::min(least, row.indent);
    }
    for (size_t i = 0; i < t.rows.size(); ++i) {
        const std::string& label = label_of(t.rows[i]);
        if (!out.total(i) && (model::names_part(label) || model::marked_as_item(label) ||
                              (least >= 0 && t.rows[i].indent > least) || (labels_read && no_sum_figures(label))))
            out.flags[i] |= Lines::kPart;
    }
    return out;
}

// What the table's columns are, as a total column reads them: its heading names a total ("I alt",
// "Samlet", "Regioner i alt (mio. kr.)", not "Samlet ændring"), or a result after one; a part of
// the column before it ("Heraf ledere"), or a rate, share or average, is no part of a total.
// A column a formula computes is no part, as a computed row is not. Without `headings_read` (a
// first, cheap look) only the headings of columns of typed figures are read, for a total only.
Lines column_lines(const model::Table& t, bool headings_read) {
    Lines out{&t, true, std::vector<unsigned char>(t.header.size(), 0), {}};
    bool total_before = false;
    for (size_t c = 1; c < t.header.size(); ++c) {
        bool number = false, typed = false;
        for (size_t r = 0; r < t.rows.size() && !typed; ++r) {
            const model::TableRow& row = t.rows[r];
            if (c < row.cells.size() && row.cells[c].kind == model::Cell::Kind::Number) {
                number = true;
                typed = row.cells[c].formula == 0;
            }
        }
        out.flags[c] = (number ? Lines::kNumber : 0) | (typed ? Lines::kData : 0);
        if (!headings_read) {
            if (typed && model::names_total(t.header[c])) out.flags[c] |= Lines::kTotal;
            continue;
        }
        const std::string& heading = t.header[c];
        const bool total = (model::names_total(heading) || (total_before && names_result(heading))) && !names_change(heading);
        total_before = total_before || total;
        if (total) out.flags[c] |= Lines::kTotal;
        else if (model::names_part(heading) || model::marked_as_item(heading) || no_sum_figures(heading))
            out.flags[c] |= Lines::kPart;
    }
    return out;
}

// The ways the lines around the total at `r` may add up to it, the first the one the message
// names: the lines above it back to the total before it; the last of those only (a result row
// between two groups, "Resultat før finansiering" above "Renteindtægter", "Renteudgifter" and
// "Finansiering i alt"); the lines below it to the next total (a group led by its subtotal); the
// subtotals above it, each under lines of its own; the totals below it (a grand total first,
// each group then led by its subtotal). For columns, "above" is before (to the left).
// The lines below it may close with a total of their own ("Indtægter i alt" first, then "Løn",
// "Drift", "Udgifter i alt"): that reading's index and the closing total's line, in *below_at
// and *closed_by (npos where there is none), so a reading the closing total adds up to is left
// to it.
std::vector<std::vector<size_t>> readings_of(const Lines& lines, size_t r, size_t* below_at, size_t* closed_by) {
    const size_t n = lines.size();
    const auto rows_above = [&](size_t at) {
        std::vector<size_t> out;
        for (size_t i = at; i > 0 && !lines.total(i - 1);) {
            --i;
            if (lines.counts(i)) out.insert(out.begin(), i);
        }
        return out;
    };
    const auto rows_below = [&](size_t at) {
        std::vector<size_t> out;
        for (size_t i = at + 1; i < n && !lines.total(i); ++i)
            if (lines.counts(i)) out.push_back(i);
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
        if (lines.total(k) && lines.is(k, Lines::kNumber) && !rows_above(k).empty()) subtotals_above.push_back(k);
    for (size_t k = r + 1; k < n; ++k)  // subtotals each leading rows of its own
        if (lines.total(k) && lines.is(k, Lines::kNumber) && !rows_below(k).empty()) totals_below.push_back(k);
    // Right under a total ("Driftsresultat" after "Udgifter i alt"), the subtotals above are what
    // it most likely adds; else the rows below it.
    size_t before = r;
    while (before > 0 && lines.is(before - 1, Lines::kSpacer)) --before;
    const bool after_total = above.empty() && before > 0 && lines.total(before - 1);
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
        if (below.back() + 1 < n)
            for (size_t k = below.back() + 1; k < n; ++k)
                if (lines.total(k)) {
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

// Whether the parts (`parts`, at `across`) add up to `total` within their rounding, read as a
// plain sum, with income taken off, or as group lines beside the lines they hold (twice the
// total); nullopt where a part is missing, and their plain sum in *sum (and in *solid, when
// given, how many of them are more than their rounding: not 0, nor 1 beside 50.000).
std::optional<bool> adds_up_to(const Lines& lines, const std::vector<size_t>& parts, size_t across, const model::Cell& total,
                               Decimal* sum, size_t* solid = nullptr) {
    // All of them rounded to the finest unit any is written to (1.050.000 beside 150.000: to
    // 10.000), each off by half of it at most.
    std::optional<Decimal> plus = Decimal(), net = Decimal();
    Decimal unit = last_unit(total);
    bool income = false;
    int64_t figures = 1;
    for (const size_t p : parts) {
        const model::Cell* part = lines.cell(p, across);
        if (part && part->kind == model::Cell::Kind::Dash) continue;  // "-": nothing
        if (!part || !addable(*part) || !plus || !net) return std::nullopt;
        const bool off = !part->value.is_negative() && lines.income(p);
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
    if (solid) {
        *solid = 0;
        for (const size_t p : parts) {
            const model::Cell* part = lines.cell(p, across);
            const auto size = part->kind == model::Cell::Kind::Number ? part->value.abs() : std::nullopt;
            *solid += size && *slack < *size ? 1 : 0;
        }
    }
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

// Whether the readings' k-th one, the one below the total that closes with a total of its own,
// adds up to that closing total at `across` (then its lines are that total's, not this one's).
bool closed_by_own_total(const Lines& lines, const std::vector<size_t>& reading, size_t across, size_t closed_by) {
    if (closed_by == std::string::npos) return false;
    const model::Cell* closing = lines.cell(closed_by, across);
    Decimal ignored;
    return closing && addable(*closing) && adds_up_to(lines, reading, across, *closing, &ignored).value_or(false);
}

// A typed total's cell its lines do not add up to: where across the total line it stands, the
// sum of the reading the message names, and that reading.
struct Off {
    size_t across = 0;
    Decimal sum;
    size_t reading = 0;
};

// A typed total line with such cells, and its readings.
struct Finding {
    size_t line = 0;
    std::vector<std::vector<size_t>> readings;
    std::vector<Off> off;
};

// Keeps the finding of the total line `line`, read by `readings`, in *found if it holds a cell
// off; whether it does.
bool keep(Finding& finding, size_t line, std::vector<std::vector<size_t>>& readings, std::vector<Finding>* found) {
    if (finding.off.empty()) return false;
    finding.line = line;
    finding.readings = std::move(readings);
    found->push_back(std::move(finding));
    return true;
}

// Whether a total row of `t` is not what any reading of its rows adds up to; each such row in
// *found when given. Without `labels_read` (and found null), a first look that finds most tables
// fine before their rows' labels are read for the rates, shares and averages they name.
bool rows_off(const model::Table& t, bool labels_read, std::vector<Finding>* found) {
    const Lines lines = row_lines(t, labels_read);
    bool any = false;
    for (size_t r = 0; r < t.rows.size(); ++r) {
        const model::TableRow& row = t.rows[r];
        if (!lines.total(r) || row.role != model::TableRow::Role::Data || (labels_read && no_sum_figures(label_of(row)))) continue;
        size_t below_at = 0, closed_by = 0;
        std::vector<std::vector<size_t>> readings = readings_of(lines, r, &below_at, &closed_by);
        if (readings.empty() || readings.front().size() < 2) continue;
        Finding finding;
        for (size_t c = 1; c < row.cells.size() && c < t.header.size(); ++c) {
            const model::Cell& total = row.cells[c];
            if (!addable(total) || total.formula != 0 || no_sum_figures(t.header[c])) continue;
            Decimal sum;
            size_t sum_of = 0;
            bool judged = false, fits = false;
            for (size_t k = 0; k < readings.size() && !fits; ++k) {
                // Rows the total closing them adds up to are its own, not this total's.
                if (k == below_at && closed_by_own_total(lines, readings[k], c, closed_by)) continue;
                Decimal reading_sum;
                const std::optional<bool> adds = adds_up_to(lines, readings[k], c, total, &reading_sum);
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
            if (found == nullptr) return true;
            finding.off.push_back(Off{c, sum, sum_of});
        }
        any = keep(finding, r, readings, found) || any;
    }
    return any;
}

// Whether a total column of `t` (`lines`, column_lines) holds a typed cell some reading of its
// columns does not add up to; each such column in *found when given, with `lines` read with its
// headings. A reading is held to a row only where it adds up in a row of the table of two figures
// at least that are more than their rounding: a column of key figures ("Indbyggere", "Ansatte",
// "Udgifter i alt (mio. kr.)"), or of an amount of things times a price, is no sum of the columns
// beside it in any row but by chance (where all but one are 0, or 1 beside 50.000), where a total
// typed wrong is one row's slip. Rows naming rates or shares are not judged. Without `found`, a
// first look that finds most tables fine before any heading or row label is read for what it
// names: whether every typed total cell adds up to some reading.
bool columns_off(const model::Table& t, const Lines& lines, std::vector<Finding>* found) {
    bool any = false;
    std::vector<signed char> judged_row;  // per row: -1 not read yet, 0 not judged, 1 judged
    for (size_t c = 1; c < lines.size(); ++c) {
        if (!lines.total(c) || !lines.is(c, Lines::kData) || (found && no_sum_figures(t.header[c]))) continue;
        size_t below_at = 0, closed_by = 0;
        std::vector<std::vector<size_t>> readings = readings_of(lines, c, &below_at, &closed_by);
        if (readings.empty() || readings.front().size() < 2) continue;
        const size_t n = t.rows.size(), k_count = readings.size();
        // Per reading and row: 1 adds up, 0 does not, -1 not read (a part missing, or no total).
        std::vector<signed char> adds(k_count * n, -1);
        std::vector<int> solid(k_count, 0);
        for (size_t r = 0; r < n; ++r) {
            const model::Cell* total = lines.cell(c, r);
            if (total == nullptr || !addable(*total) || total->formula != 0 ||
                t.rows[r].role == model::TableRow::Role::Spacer)
                continue;
            if (found) {
                if (judged_row.empty()) judged_row.assign(n, -1);
                if (judged_row[r] < 0) judged_row[r] = no_sum_figures(label_of(t.rows[r])) ? 0 : 1;
                if (judged_row[r] == 0) continue;
            }
            bool read = false, fits_one = false;
            for (size_t k = 0; k < k_count; ++k) {
                if (k == below_at && closed_by_own_total(lines, readings[k], r, closed_by)) continue;
                Decimal ignored;
                size_t parts = 0;
                const std::optional<bool> a =
                    adds_up_to(lines, readings[k], r, *total, &ignored, found ? &parts : nullptr);
                if (!a) continue;
                adds[k * n + r] = *a ? 1 : 0;
                solid[k] += *a && parts >= 2 ? 1 : 0;
                read = true;
                fits_one = fits_one || *a;
                if (!found && fits_one) break;
            }
            if (!found && read && !fits_one) return true;
        }
        if (!found) continue;
        Finding finding;
        for (size_t r = 0; r < n; ++r) {
            bool fits_one = false;
            size_t named = k_count;
            for (size_t k = 0; k < k_count && !fits_one; ++k) {
                fits_one = adds[k * n + r] == 1;
                if (named == k_count && adds[k * n + r] == 0 && solid[k] > 0) named = k;
            }
            if (fits_one || named == k_count) continue;
            Decimal sum;
            adds_up_to(lines, readings[named], r, *lines.cell(c, r), &sum);
            finding.off.push_back(Off{r, sum, named});
        }
        any = keep(finding, c, readings, found) || any;
    }
    return any;
}

// How a message names the reading `parts` of `lines` at `across`: its first and last line's
// labels, whether a range of them names those alone (they run on from one to the other, neither
// label is used twice, and none is income a sum() would add), and the decimals their sum is
// written with (the most any of them or `total` has).
struct Named {
    std::string from, to;
    bool plain_range = false;
    int decimals = 0;
};

Named name_reading(const Lines& lines, const std::vector<size_t>& parts, size_t across, const model::Cell& total) {
    Named out{lines.label(parts.front()), lines.label(parts.back())};
    const std::string from_key = fold_label(out.from), to_key = fold_label(out.to);
    out.plain_range = parts.back() - parts.front() + 1 == parts.size() && from_key != to_key;
    for (size_t i = lines.columns ? 1 : 0; i < lines.size() && out.plain_range; ++i)
        if ((i < parts.front() || i > parts.back()) &&
            (fold_label(lines.label(i)) == from_key || fold_label(lines.label(i)) == to_key))
            out.plain_range = false;
    out.decimals = total.decimals;
    for (const size_t p : parts) {
        out.plain_range = out.plain_range && !names_income(lines.label(p));  // sum() would add the income
        if (const model::Cell* part = lines.cell(p, across)) out.decimals = std::max(out.decimals, part->decimals);
    }
    return out;
}

// A column's heading as a formula's range names it: in brackets where its words hold what a
// formula reads otherwise ("[2024 (kr.)]", "[0-5 år]").
std::string range_label(const std::string& heading) {
    return heading.find_first_of("()[];\"+-*/=") == std::string::npos ? heading : "[" + heading + "]";
}

// The warning for the total row `f`'s cells `off`: at the first, with the count of the others.
void say_row(const model::Table& t, const Lines& rows, const Finding& f, const std::vector<Off>& off, Diagnostics& diags) {
    const Off& first = off.front();
    const model::Cell& total = *rows.cell(f.line, first.across);
    const Named n = name_reading(rows, f.readings[first.reading], first.across, total);
    const size_t others = off.size() - 1;
    const std::string more =
        others == 0 ? std::string() : fmt(tr_n(" (and in {} other column)", " (and in {} other columns)", others), others);
    const std::string figure = format_danish(total.value, total.decimals), added = format_danish(first.sum, n.decimals);
    const std::string& label = rows.label(f.line);
    if (n.plain_range)
        diags.warning(total.loc,
                      fmt(_("the total {} / {} is typed as {}, but the rows it totals, {} .. {}, add up to {}{}: the "
                            "packet reads it as their total; correct the figure, or compute it (\"række: {} = sum({} .. "
                            "{})\") so it follows them, or name the rows the table's totals are (\"total:\", \"total: "
                            "ingen\")"),
                          quote_text(label), quote_text(t.header[first.across]), figure, quote_text(n.from),
                          quote_text(n.to), added, more, label, n.from, n.to));
    else
        diags.warning(total.loc,
                      fmt(_("the total {} / {} is typed as {}, but the rows it totals, {} .. {}, add up to {}{}: the "
                            "packet reads it as their total; correct the figure, or compute it with a \"række:\" formula "
                            "so it follows them, or name the rows the table's totals are (\"total:\", \"total: ingen\")"),
                          quote_text(label), quote_text(t.header[first.across]), figure, quote_text(n.from),
                          quote_text(n.to), added, more));
}

// The warning for the total column `f`'s cells `off`: at the first, with the count of the others.
void say_column(const model::Table& t, const Lines& columns, const Finding& f, const std::vector<Off>& off,
                Diagnostics& diags) {
    const Off& first = off.front();
    const model::Cell& total = *columns.cell(f.line, first.across);
    const Named n = name_reading(columns, f.readings[first.reading], first.across, total);
    const size_t others = off.size() - 1;
    const std::string more =
        others == 0 ? std::string() : fmt(tr_n(" (and in {} other row)", " (and in {} other rows)", others), others);
    const std::string figure = format_danish(total.value, total.decimals), added = format_danish(first.sum, n.decimals);
    const std::string& heading = t.header[f.line];
    if (n.plain_range)
        diags.warning(total.loc,
                      fmt(_("the total {} / {} is typed as {}, but the columns it totals, {} .. {}, add up to {}{}: the "
                            "packet reads it as their total; correct the figure, or compute it (\"kolonne: {} = sum({} .. "
                            "{})\") so it follows them, or, if the table has no totals, say so (\"total: ingen\")"),
                          quote_text(label_of(t.rows[first.across])), quote_text(heading), figure, quote_text(n.from),
                          quote_text(n.to), added, more, heading, range_label(n.from), range_label(n.to)));
    else
        diags.warning(total.loc,
                      fmt(_("the total {} / {} is typed as {}, but the columns it totals, {} .. {}, add up to {}{}: the "
                            "packet reads it as their total; correct the figure, or compute it with a \"kolonne:\" formula "
                            "so it follows them, or, if the table has no totals, say so (\"total: ingen\")"),
                          quote_text(label_of(t.rows[first.across])), quote_text(heading), figure, quote_text(n.from),
                          quote_text(n.to), added, more));
}

// The cell where a total row and a total column cross, off both ways: one message.
void say_corner(const model::Table& t, const Lines& rows, const Finding& row, const Off& by_rows, const Lines& columns,
                const Finding& column, const Off& by_columns, Diagnostics& diags) {
    const model::Cell& total = *rows.cell(row.line, by_rows.across);
    const Named r = name_reading(rows, row.readings[by_rows.reading], by_rows.across, total);
    const Named c = name_reading(columns, column.readings[by_columns.reading], by_columns.across, total);
    diags.warning(total.loc,
                  fmt(_("the total {} / {} is typed as {}, but the rows it totals, {} .. {}, add up to {}, and the "
                        "columns it totals, {} .. {}, to {}: the packet reads it as the total of both; correct the "
                        "figures, or compute it with a \"række:\" or \"kolonne:\" formula so it follows them"),
                      quote_text(label_of(t.rows[row.line])), quote_text(t.header[column.line]),
                      format_danish(total.value, total.decimals), quote_text(r.from), quote_text(r.to),
                      format_danish(by_rows.sum, r.decimals), quote_text(c.from), quote_text(c.to),
                      format_danish(by_columns.sum, c.decimals)));
}

// Whether the cell `o` of the total line `f`, off `f`'s way, is a total of the other way too
// (`other`, of `other_lines`) that adds up there, and off only by a cell of its reading the other
// way found off: that cell's own warning names the slip, and the total itself is right.
bool explained(const Lines& other_lines, const std::vector<Finding>& other, const Finding& f, const Off& o,
               const model::Cell& cell) {
    for (const Finding& g : other) {
        if (g.line != o.across) continue;
        bool slip = false;
        for (const size_t p : f.readings[o.reading])
            for (const Off& go : g.off) slip = slip || go.across == p;
        if (!slip) return false;
        for (const std::vector<size_t>& reading : g.readings) {
            Decimal ignored;
            if (adds_up_to(other_lines, reading, f.line, cell, &ignored).value_or(false)) return true;
        }
        return false;
    }
    return false;
}

// The other way's off cell where the total line `line` crosses it at `across`, with its finding
// in *in; nullptr where there is none.
const Off* crossing_off(const std::vector<Finding>& other, size_t line, size_t across, const Finding** in) {
    for (const Finding& g : other) {
        if (g.line != across) continue;
        for (const Off& o : g.off)
            if (o.across == line) {
                *in = &g;
                return &o;
            }
    }
    return nullptr;
}

// Says the findings: each total row's and column's off cells, the first named with the count of
// the others. A cell a total row and a total column both hold is said once: with both sums where
// it is off both ways, and not at all where it adds up one way and is off the other only by a
// cell that way found off (a region's "I alt" typed wrong makes "Hele landet / I alt" differ from
// the column above it, and the region's cell is the one to correct).
void say(const model::Table& t, const std::vector<Finding>& row_found, const std::vector<Finding>& column_found,
         Diagnostics& diags) {
    const Lines rows = row_lines(t, true);
    const Lines columns = column_lines(t, !column_found.empty());
    std::vector<const Off*> corners_said;
    for (const Finding& f : row_found) {
        std::vector<Off> off;
        for (const Off& o : f.off) {
            const Finding* g = nullptr;
            if (const Off* by_columns = crossing_off(column_found, f.line, o.across, &g)) {
                say_corner(t, rows, f, o, columns, *g, *by_columns, diags);
                corners_said.push_back(by_columns);
            } else if (!explained(columns, column_found, f, o, *rows.cell(f.line, o.across))) {
                off.push_back(o);
            }
        }
        if (!off.empty()) say_row(t, rows, f, off, diags);
    }
    for (const Finding& g : column_found) {
        std::vector<Off> off;
        for (const Off& o : g.off)
            if (std::find(corners_said.begin(), corners_said.end(), &o) == corners_said.end() &&
                !explained(rows, row_found, g, o, *columns.cell(g.line, o.across)))
                off.push_back(o);
        if (!off.empty()) say_column(t, columns, g, off, diags);
    }
}

// Whether the table's "total:" lines say it has none ("total: ingen").
bool declares_none(const model::Table& t) {
    for (const model::Table::TotalLine& line : t.totals)
        if (fold_label(line.label) == "ingen") return true;
    return false;
}

}  // namespace

void warn_typed_totals(const model::Table& t, Diagnostics& diags) {
    // Most tables have no total typed (their totals computed, or none): found first, cheaply,
    // before the labels are read for what they name.
    const auto typed_figure = [](const model::TableRow& row) {
        for (size_t c = 1; c < row.cells.size(); ++c)
            if (row.cells[c].kind == model::Cell::Kind::Number && row.cells[c].formula == 0) return true;
        return false;
    };
    bool rows = false;
    if (t.rows.size() >= 3)
        for (const model::TableRow& row : t.rows)
            rows = rows || (row.role == model::TableRow::Role::Data && !label_of(row).empty() && typed_figure(row) &&
                            (t.totals.empty() ? model::names_total(label_of(row)) || names_result(label_of(row))
                                              : model::declared_total(t, label_of(row))));
    // A total column adds two columns at least beside the labels'; its heading names it, over a
    // figure typed.
    Lines cheap_columns;
    bool columns = false;
    if (t.header.size() >= 4 && !t.rows.empty()) {
        cheap_columns = column_lines(t, false);
        for (size_t c = 1; c < cheap_columns.size() && !columns; ++c) columns = cheap_columns.total(c);
    }
    if (!rows && !columns) return;
    if (no_sum_figures(t.title) || (!t.header.empty() && no_sum_figures(t.header[0]))) return;
    // A table whose title or labels' heading says every figure is a rate or a share (above):
    // its "Hele landet" is no sum of the regions. Looked at first without the rows' labels read.
    std::vector<Finding> by_rows, by_columns;
    if (rows && rows_off(t, false, nullptr)) rows_off(t, true, &by_rows);
    if (columns && !declares_none(t) && columns_off(t, cheap_columns, nullptr))
        columns_off(t, column_lines(t, true), &by_columns);
    if (!by_rows.empty() || !by_columns.empty()) say(t, by_rows, by_columns, diags);
}

}  // namespace boardpack::calc

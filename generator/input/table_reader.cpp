#include "input/table_reader.hpp"

#include <algorithm>
#include <optional>
#include <set>

#include "core/messages.hpp"

#include "numbers/danish_number.hpp"
#include "numbers/footnote_marks.hpp"
#include "core/suggest.hpp"
#include "core/text.hpp"
#include "core/text_file.hpp"
#include "input/braced_figures.hpp"
#include "input/code_columns.hpp"
#include "input/comma_numbers.hpp"
#include "input/csv_reader.hpp"
#include "input/foreign_figures.hpp"
#include "input/formula_reader.hpp"

namespace boardpack::input {

using model::Cell;

namespace {

const std::vector<KeySpec> kTableKeys = {
    {"fil", true, false},     {"titel", true, false},   {"navn", false, false},
    {"kilde", false, false},  {"note", false, true},    {"række", false, true},
    {"kolonne", false, true}, {"afrundingsnote", false, false}, {"enhed", false, false},
    {"talenhed", false, false}, {"decimaler", false, false},
    {"mangler", false, false}, {"tilføj", false, false}, {"total", false, true},
};

// "; did you mean ..." for a file that is not there but has a near namesake beside it, such as
// "Ventetid.csv" for "ventetid.csv" (the same file on Windows and macOS, not on Linux).
std::string near_file(const InputFiles& files, const std::string& path) {
    const size_t slash = path.rfind('/');
    const std::string folder = slash == std::string::npos ? "." : path.substr(0, slash);
    const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
    if (files.exists(path)) return "";
    return did_you_mean(name, files.list(folder));
}

}  // namespace

bool read_missing_passes(const KeyValue& kv, Diagnostics& diags) {
    // How an input cell holding "-" or "Ikke oplyst" is treated where a formula needs a number:
    // an error (the default), or passed on as "-" to the cells computed from it.
    const std::string m = fold_label(kv.value);
    if (m == "videre") return true;
    if (m != "fejl")
        diags.error(kv.value_loc, _("\"mangler\" must be \"videre\" (print \"-\" where a formula uses a cell "
                                  "that is not a number) or \"fejl\" (the default)"), kv.line);
    return false;
}

const std::vector<KeySpec>& table_keys() { return kTableKeys; }

namespace {

// The words for a figure that is not available, and the signs statistics tables print for one
// (Statistics Denmark's ".." for a figure withheld, "." for one not to be had; "…").
bool is_not_available(const std::string& folded) {
    return folded == "ikke oplyst" || folded == "i.o." || folded == "n/a" || folded == "ikke opgjort" || folded == ".." ||
           folded == "." || folded == "\xE2\x80\xA6";
}

bool is_share(const Cell& c) { return c.kind == Cell::Kind::Number && (c.unit == "%" || c.unit == "pct."); }

// An amount written with its unit ("3.400.000 kr.") is read in the table's unit ("talenhed",
// kr. by default); one in another unit would be added to the others as if it were in theirs,
// as an amount is in a table in pct. (A share among amounts: report_shares_among_amounts.)
void check_cell_unit(const Cell& c, const std::string& figures_unit, Diagnostics& diags, std::string_view line) {
    if (c.kind != Cell::Kind::Number || c.unit.empty() || is_share(c)) return;
    const std::string table_unit = figures_unit.empty() ? "kr." : figures_unit;
    if (c.unit == table_unit) return;
    diags.error(c.loc,
                fmt(_("{0} is in {1} but the table's figures are in {2}; write it in {2} or declare the unit with "
                      "\"talenhed: {1}\""), quote_text(c.text), c.unit, table_unit),
                std::string(line));
}

// In a column of numbers, a cell that starts with a number but has words after it that are
// not a unit ("3.400.000 DKK", "12 mio.") would silently make the column text, and the error
// would then point at a formula elsewhere: name the cell itself.
void report_unread_numbers(const model::Table& table, size_t k, const TextFile& text, Diagnostics& diags) {
    for (const model::TableRow& row : table.rows) {
        const Cell& c = row.cells[k];
        if (c.kind != Cell::Kind::Text) continue;
        const std::string_view t = c.text;
        const size_t space = t.find(' ');
        if (space == std::string_view::npos || !calc::read_danish_number(t.substr(0, space))) continue;
        diags.error(c.loc,
                    fmt(_("{} is not a number boardpack can read, in a column of numbers; write the number alone or with "
                          "its unit (kr., t. kr., mio. kr., mia. kr., % or pct.)"), quote_text(c.text)),
                    std::string(text.line_view(c.loc.line)));
    }
}

// A number written with exactly three decimals and no thousands point ("2,000", "1,250 kr."):
// what an English export writes for a whole number with a thousands comma. Judged by the number
// read, not its text, so a unit after it ("kr.", whose point is no thousands point) hides nothing.
bool three_decimals_below_thousand(const Cell& c) {
    const calc::Decimal thousand(1000, 0);
    return c.kind == Cell::Kind::Number && c.decimals == 3 && c.value.abs().value_or(thousand) < thousand;
}

// A column holding a number written the English way ("1,234.56", an error at its cell) was
// exported so: its "2,000" is likely two thousand, not 2 with three decimals, so it is an
// error at its cell too, never read as 2 in silence.
void report_english_column(const model::Table& table, size_t k, const TextFile& text, Diagnostics& diags) {
    const Cell* english = nullptr;
    for (const model::TableRow& row : table.rows)
        if (row.cells[k].kind == Cell::Kind::Text && english_grouped(row.cells[k].text)) {
            english = &row.cells[k];
            break;
        }
    if (!english) return;
    for (const model::TableRow& row : table.rows) {
        const Cell& c = row.cells[k];
        if (!three_decimals_below_thousand(c)) continue;
        diags.error(c.loc,
                    fmt(_("{} could be a whole number written the English way, as {} at {}:{}:{} in the same column is; "
                          "write the column the Danish way, or export the file with Danish number settings"),
                        quote_text(c.text), quote_text(english->text), english->loc.file, english->loc.line,
                        english->loc.column),
                    std::string(text.line_view(c.loc.line)));
    }
}

// A column of a ";" file holding a number with an English decimal point ("12.5", an error at its
// cell) was exported so: its "1.250" is as likely 1,25 as 1.250, and read as 1.250 in silence
// once the other cells are corrected, a tariff of 1,25 is a thousand times too large. An error
// at each such cell, naming both readings. (A "," file says so of every such number.)
void report_english_decimal_column(const CsvData& csv, const model::Table& table, size_t k, const TextFile& text,
                                   Diagnostics& diags) {
    if (csv.separator != ';') return;
    const auto written = [&](size_t r) {
        return calc::without_footnote_marks(csv.rows[r + 1].fields[k].text);
    };
    const Cell* english = nullptr;
    for (size_t r = 0; r < table.rows.size() && !english; ++r)
        if (table.rows[r].cells[k].kind == Cell::Kind::Text && calc::english_decimal(written(r))) english = &table.rows[r].cells[k];
    if (!english) return;
    for (size_t r = 0; r < table.rows.size(); ++r) {
        const Cell& c = table.rows[r].cells[k];
        const std::string_view t = written(r);
        if (c.kind != Cell::Kind::Number || calc::without_unit(t).find('.') == std::string_view::npos) continue;
        const auto two = calc::two_readings(t);
        if (!two) continue;
        diags.error(c.loc,
                    fmt(_("{0} could be {1} or {2}: {3} at {4}:{5}:{6} in the same column is written the English way, "
                          "with \".\" as the decimal point; write {7} for {1} or {8} for {2}, and the column the Danish way"),
                        quote_text(t), calc::format_danish_cell(two->whole), calc::format_danish_cell(two->decimal),
                        quote_text(english->text), english->loc.file, english->loc.line, english->loc.column,
                        two->whole_written, calc::format_danish_cell(two->decimal)),
                    std::string(text.line_view(c.loc.line)));
    }
}

// A column's cells under its heading, or a row's beside its label: the line the checks below
// read along. A table whose rows are measures ("Antal patienter", "Andel overholdt (pct.)" over
// the years) says in a row's label what a table of regions says in a column's heading.
struct Line {
    std::vector<const Cell*> cells;
    const std::string& heading;
    bool row = false;
};

Line column_line(const model::Table& table, size_t k) {
    Line line{{}, table.header[k], false};
    for (const model::TableRow& row : table.rows)
        if (k < row.cells.size()) line.cells.push_back(&row.cells[k]);
    return line;
}

Line row_line(const model::TableRow& row) {
    Line line{{}, row.cells[0].text, true};
    for (size_t k = 1; k < row.cells.size(); ++k) line.cells.push_back(&row.cells[k]);
    return line;
}

// Numbers written with exactly three decimals, the comma after a whole part from 1 up
// ("1,250"), in a column whose other figures (one or more) are all whole numbers written without
// a comma: an English export's thousands comma as likely as a decimal one, and read as 1,25 it
// is a thousand times off (a probe: 500, 750 and 1,250 patients summed to 1.251,250; another,
// 1,250 and 980 for two regions, to 981,250). An English
// export writes every figure from 1.000 up so, so a column may hold several ("1,250" and
// "2,500" beside 500 and 750): a warning at each, since nothing else in the column tells the
// two readings apart. A column with other decimals ("1,5") is one of decimal figures. Under a
// heading that counts whole things ("Antal patienter"), such a number is a warning however few
// other figures the column has: "1,250" and "2,500" patients alone were read as 1,25 and 2,5.
// Along a row, only one labelled as whole counts. The cells warned of are added to `warned`.
void report_three_decimals_among_whole(const model::Table& table, const Line& line, const TextFile& text,
                                       std::set<const Cell*>& warned, Diagnostics& diags) {
    const calc::Decimal one(1, 0);
    std::vector<const Cell*> three;
    int whole = 0;
    for (const Cell* cell : line.cells) {
        if (cell->kind != Cell::Kind::Number) continue;
        const Cell& c = *cell;
        if (three_decimals_below_thousand(c) && c.value.abs().value_or(one) >= one) {
            three.push_back(&c);
        } else if (c.decimals == 0) {
            ++whole;
        } else {
            return;  // other decimals: a column of figures with decimals
        }
    }
    if (three.empty()) return;
    // A count's heading, or a table titled as counts ("Antal fuldtidsansatte speciallæger").
    const bool counts = whole_count_heading(line.heading) || (!line.row && whole_count_heading(table.title));
    if (line.row && !counts) return;
    if (whole < 1 && !counts) return;
    for (const Cell* c : three) {
        if (!warned.insert(c).second) continue;
        const std::string digits = c->text.substr(0, c->text.find(',') + 4);
        std::string thousands = digits;
        thousands[thousands.find(',')] = '.';
        if (whole < 2 && counts) {
            diags.warning(c->loc,
                          fmt(line.row ? _("{} has three decimals in a row of counts ({}): if it is {} written the English "
                                           "way (a comma grouping thousands), write {}; if it is the decimal number, write "
                                           "it with fewer decimals")
                                       : _("{} has three decimals in a column of counts ({}): if it is {} written the English way "
                                           "(a comma grouping thousands), write {}; if it is the decimal number, write it with fewer "
                                           "decimals"),
                              quote_text(c->text), quote_text(line.heading), thousands, thousands),
                          std::string(text.line_view(c->loc.line)));
            continue;
        }
        diags.warning(c->loc,
                      fmt(line.row ? _("{} has three decimals in a row whose other figures are whole numbers: if it is {} "
                                       "written the English way (a comma grouping thousands), write {}; if it is the decimal "
                                       "number, write it with fewer decimals or give the row's other figures theirs")
                                   : _("{} has three decimals in a column whose other figures are whole numbers: if it is {} written "
                                       "the English way (a comma grouping thousands), write {}; if it is the decimal number, write it "
                                       "with fewer decimals or give the column's other figures theirs"),
                          quote_text(c->text), thousands, thousands),
                      std::string(text.line_view(c->loc.line)));
    }
}

// Percentages exported from different places mix "12,5 %" with "0,125" (a fraction) or "13"
// (a sign lost): a bare number in a column of shares (headed "Andel", "%", "pct.") that holds
// percentages is an error at its cell. Only there: a table whose rows are measures ("Andel
// overholdt" in %, "Antal forløb" counted) holds both in each column, rightly, and is judged
// along its rows instead, by their labels. A column headed in per cent whose bare figures are
// all fractions (0,75 and 0,8, as R, SAS or an Excel "Standard" cell export 75 % and 80 %) would
// print as 0,75 %: a warning at the first.
void report_bare_among_shares(const model::Table& table, const Line& line, const TextFile& text, Diagnostics& diags) {
    if (!table.figures_unit.empty()) return;  // declared: "talenhed: pct." makes every figure one
    const bool per_cent = calc::names_per_cent(line.heading);
    const bool headed_share = calc::names_share(line.heading);
    if (!per_cent && !headed_share) return;
    const Cell* share = nullptr;
    for (const Cell* c : line.cells)
        if (is_share(*c)) {
            share = c;
            break;
        }
    if (share) {
        for (const Cell* cell : line.cells) {
            const Cell& c = *cell;
            if (c.kind != Cell::Kind::Number || !c.unit.empty()) continue;
            diags.error(c.loc,
                        fmt(line.row ? _("{} has no per-cent sign, but the row's other figures are percentages (such as {} "
                                         "at {}:{}:{}); write it in per cent with its sign (\"12,5 %\" for a fraction 0,125)")
                                     : _("{} has no per-cent sign, but the column's other figures are percentages (such as {} at "
                                         "{}:{}:{}); write it in per cent with its sign (\"12,5 %\" for a fraction 0,125)"),
                            quote_text(c.text), quote_text(share->text), share->loc.file, share->loc.line, share->loc.column),
                        std::string(text.line_view(c.loc.line)));
        }
        return;
    }
    const Cell* first = nullptr;
    bool fraction = false;
    const calc::Decimal one(1, 0), zero(0, 0);
    for (const Cell* cell : line.cells) {
        const Cell& c = *cell;
        if (c.kind != Cell::Kind::Number) continue;
        if (c.value < zero || c.value > one) return;
        if (!first) first = &c;
        fraction = fraction || (c.value > zero && c.value < one);
    }
    if (first && fraction && per_cent)
        diags.warning(first->loc,
                      fmt(line.row ? _("the row {} is labelled in per cent, but all its figures are between 0 and 1 (such as "
                                       "{}); if they are fractions (0,75 for 75 %), write them in per cent")
                                   : _("the column {} is headed in per cent, but all its figures are between 0 and 1 (such as {}); "
                                       "if they are fractions (0,75 for 75 %), write them in per cent"),
                          quote_text(line.heading), quote_text(first->text)),
                      std::string(text.line_view(first->loc.line)));
    // A column of shares written as fractions ("Andel" over 0,72) prints "0,72", and a text that
    // calls it per cent ("{t[Nord; Andel]} %") "0,72 %": Danish tables write shares in per cent.
    else if (first && fraction)
        diags.warning(first->loc,
                      fmt(line.row ? _("the row {} holds shares, but all its figures are between 0 and 1 (such as {}), so "
                                       "they print as \"0,72\", and as \"0,72 %\" where a text calls them per cent; if they "
                                       "are fractions (0,72 for 72 %), write them in per cent")
                                   : _("the column {} holds shares, but all its figures are between 0 and 1 (such as {}), so they "
                                       "print as \"0,72\", and as \"0,72 %\" where a text calls them per cent; if they are fractions "
                                       "(0,72 for 72 %), write them in per cent"),
                          quote_text(line.heading), quote_text(first->text)),
                      std::string(text.line_view(first->loc.line)));
}

// A figure written with a per-cent sign in a column of amounts would be added to them as an
// amount by a total over the column. The amounts are the numbers of a table that declares its
// figures are amounts ("talenhed: kr.", "t. kr.", "mio. kr.", "mia. kr."); in a table that does
// not, the numbers written with an amount unit (a bare number may be a count). Shares in a
// column of their own, beside the amounts, are what Excel writes (and what a table shown in
// mio. kr. by "enhed", which must declare "talenhed: kr.", may hold).
void report_shares_among_amounts(const model::Table& table, size_t k, const TextFile& text, Diagnostics& diags) {
    if (table.figures_unit == "pct.") return;  // an amount there is check_cell_unit's error
    const bool declared = !table.figures_unit.empty();
    const Cell* amount = nullptr;
    for (const model::TableRow& row : table.rows) {
        const Cell& c = row.cells[k];
        if (c.kind == Cell::Kind::Number && (declared || !c.unit.empty()) && !is_share(c)) {
            amount = &c;
            break;
        }
    }
    if (!amount) return;
    for (const model::TableRow& row : table.rows) {
        const Cell& c = row.cells[k];
        if (!is_share(c)) continue;
        if (declared) {
            diags.error(c.loc,
                        fmt(_("{0} is a percentage but the table's figures are in {1} (\"talenhed: {1}\"), so it would be "
                              "added to them as an amount; write it in {1}, or put the percentages in a column of their own"),
                            quote_text(c.text), table.figures_unit),
                        std::string(text.line_view(c.loc.line)));
            continue;
        }
        diags.error(c.loc,
                    fmt(_("{} is a percentage in a column of amounts (such as {} at {}:{}:{}), so a total of the column "
                          "would add it as an amount; write it in {}, or put the percentages in a column of their own"),
                        quote_text(c.text), quote_text(amount->text), amount->loc.file, amount->loc.line, amount->loc.column,
                        amount->unit),
                    std::string(text.line_view(c.loc.line)));
    }
}

}  // namespace

std::optional<Cell> classify_no_figure(const std::string& text, const SourceLoc& loc) {
    Cell c;
    c.loc = loc;
    std::string marker;
    const std::string_view t = calc::without_footnote_marks(text, &marker);  // the marks belong to the printed text
    if (t.empty() && marker.empty()) {
        c.kind = Cell::Kind::Empty;
        return c;
    }
    if (!t.empty() && calc::minus_sign_size(t) == t.size()) {  // "-", an en dash, a hyphen ... alone
        c.kind = Cell::Kind::Dash;
        c.text = std::string(t) + marker;
        return c;
    }
    // (A cell that starts with a digit, most of them, folds to no such word: it is not folded.)
    const bool digit_first = !t.empty() && t[0] >= '0' && t[0] <= '9';
    if (!digit_first && is_not_available(fold_label(t))) {
        c.kind = Cell::Kind::NotAvailable;
        c.text = std::string(t) + marker;
        return c;
    }
    return std::nullopt;
}

Cell classify_cell(const std::string& text, const SourceLoc& loc, Diagnostics& diags, std::string_view source_line,
                   bool comma_separated) {
    if (auto c = classify_no_figure(text, loc)) return std::move(*c);
    Cell c;
    c.loc = loc;
    std::string marker;
    const std::string_view t = calc::without_footnote_marks(text, &marker);  // the marks belong to the printed text
    if (auto n = calc::read_danish_cell(t)) {
        c.kind = Cell::Kind::Number;
        c.value = n->value;
        c.decimals = n->decimals;
        c.unit = n->unit;
        // With the unit as the CSV wrote it ("73 %", "3.400.000 kr."), so computed cells can match it.
        c.text = calc::format_danish_cell(*n);
        // A year ("2024", four digits from 1900 to 2099 written without a thousands point) keeps
        // its form: "2.024" would misprint it. Other numbers get the point, so a column's
        // amounts and the totals computed from them look alike (and so does a year-like amount
        // among them: point_years_among_amounts).
        if (model::written_as_year(t)) c.text = std::string(t);
        c.text = calc::with_footnote_marks(std::move(c.text), marker);
        return c;
    }
    // "(400)", "#DIV/0!", "1,2E+06": a figure to a reader, text to a formula; the error is at the cell.
    if (const std::string foreign = foreign_figure(t); !foreign.empty()) diags.error(loc, foreign, std::string(source_line));
    // "2.5" and "0.125" would be text a formula stumbles over elsewhere, or a figure no one
    // notices is missing from a total: the error is at the cell. "0101" is a code, kept as text.
    std::string hint;
    if (comma_separated && calc::english_decimal(t)) {
        // The Danish way to write it, "2,5", splits in two in a file separated by "," unless quoted.
        std::string danish(t);
        danish[danish.find('.')] = ',';
        diags.error(loc,
                    fmt(_("{} is not a Danish number: \".\" groups thousands in Danish numbers; in a file separated by \",\", "
                          "write the number with a decimal comma in double quotes, \"{}\", or separate the fields by \";\" as "
                          "Danish Excel does (\"CSV (semikolonsepareret)\")"),
                        quote_text(t), danish),
                    std::string(source_line));
    } else if ((calc::english_decimal(t) || calc::zero_first_group(t) || calc::too_many_digits(t)) &&
               !calc::read_danish_cell(t, &hint) && !hint.empty()) {
        diags.error(loc, fmt(_("{} is not a Danish number: {}"), quote_text(t), hint), std::string(source_line));
    }
    c.kind = Cell::Kind::Text;
    c.text = std::string(trim(text));
    return c;
}

namespace {

// The block's keys into the table.
void read_table_keys(const TableBlock& block, model::Table& table, Diagnostics& diags) {
    for (const KeyValue& kv : block.keys) {
        // A figure ({t[A; 2023]}) is computed in the text only: in a caption, source or note it
        // would print as its braces and formula.
        if (kv.key == "titel" || kv.key == "kilde" || kv.key == "note" || kv.key == "afrundingsnote")
            warn_braced_figure(kv, fmt(_("a table's \"{}:\""), kv.key), diags);
        if (kv.key == "titel") table.title = kv.value;
        else if (kv.key == "navn") {
            table.name = fold_label(kv.value);
            table.name_loc = kv.value_loc;
        }
        else if (kv.key == "kilde") table.source = kv.value;
        else if (kv.key == "note") table.notes.push_back(kv.value);
        else if (kv.key == "afrundingsnote") table.rounding_note = kv.value;
        else if (kv.key == "total") table.totals.push_back({kv.value, kv.value_loc, kv.line});
        else if (kv.key == "række" || kv.key == "kolonne") {
            const auto kind = kv.key == "række" ? model::Formula::Kind::Row : model::Formula::Kind::Column;
            if (auto f = read_formula(kv, kind, diags)) table.formulas.push_back(std::move(*f));
        } else if (kv.key == "enhed") {
            // The larger amount unit figures written in kr. are shown in ("tkr." is "t. kr.").
            const std::string u = calc::canonical_unit(fold_label(kv.value));
            if (u == "t. kr." || u == "mio. kr." || u == "mia. kr.") table.unit = u;
            else if (u != "kr.")
                diags.error(kv.value_loc,
                            fmt(_("unknown unit {}; use \"kr.\", \"t. kr.\", \"mio. kr.\" or \"mia. kr.\""), quote_text(kv.value)),
                            kv.line);
        } else if (kv.key == "talenhed") {
            // The unit the figures are written in, so a quote asking for another converts
            // instead of dividing figures that are already millions (or thousands) again.
            const std::string u = calc::canonical_unit(fold_label(kv.value));
            if (u == "kr." || u == "t. kr." || u == "mio. kr." || u == "mia. kr." || u == "pct.") table.figures_unit = u;
            else
                diags.error(kv.value_loc,
                            fmt(_("unknown unit {}; use \"kr.\", \"t. kr.\", \"mio. kr.\", \"mia. kr.\" or \"pct.\""),
                                quote_text(kv.value)), kv.line);
        } else if (kv.key == "mangler") {
            table.missing_passes = read_missing_passes(kv, diags);
        } else if (kv.key == "tilføj") {
            // Computed rows the CSV does not have are meant to go at the end: no warning then.
            if (fold_label(kv.value) == "nederst") table.append_rows = true;
            else diags.error(kv.value_loc, _("\"tilføj\" can only be \"nederst\" (computed rows the CSV lacks go at the end)"), kv.line);
        } else if (kv.key == "decimaler") {
            const std::string d(trim(kv.value));
            if (d.size() == 1 && d[0] >= '0' && d[0] <= '6') table.decimals = d[0] - '0';
            else diags.error(kv.value_loc, _("\"decimaler\" must be a whole number from 0 to 6"), kv.line);
        }
    }
    if (!table.unit.empty() && !table.figures_unit.empty() && table.figures_unit != "kr.") {
        // "enhed: mio. kr." divides figures written in kr.; figures already in a unit print as written.
        const KeyValue* kv = find_key(block.keys, "enhed");
        diags.error(kv->value_loc, _("\"enhed\" converts figures written in kr.; with \"talenhed\" they are printed as written, so leave out \"enhed\""), kv->line);
    }
}

// The CSV file named by "fil:", read and parsed; `text` keeps the file for messages.
std::optional<CsvData> read_table_csv(const TableBlock& block, const std::string& folder, const InputFiles& files,
                                      model::Table& table, std::optional<TextFile>& text, Diagnostics& diags) {
    const KeyValue* file_key = find_key(block.keys, "fil");
    if (auto why = unsafe_path_reason(file_key->value, true)) {
        diags.error(file_key->value_loc, fmt(_("cannot use {}: {}"), quote_text(file_key->value), *why), file_key->line);
        return std::nullopt;
    }
    table.csv = join_relative(folder, file_key->value);
    std::string why;
    auto content = files.read(table.csv, &why);
    if (!content) {
        diags.error(file_key->value_loc,
                    fmt(_("cannot read the table's CSV file {} ({}): {}{}"), quote_text(file_key->value),
                        files.display(table.csv), why, near_file(files, table.csv)),
                    file_key->line);
        return std::nullopt;
    }
    text = make_text_file(table.csv, files.display(table.csv), std::move(*content), diags);
    if (!text) return std::nullopt;
    auto csv = read_csv(*text, diags);
    if (!csv) return std::nullopt;
    // Counted before the cells are typed: the model of a cell is what costs.
    if (!count_for_meeting(files.totals(), &ReadTotals::table_cells, (csv->rows.size() - 1) * csv->rows[0].fields.size(),
                           kMaxMeetingTableCells, N_("table cells (in CSV files)"), text->loc(1), diags))
        return std::nullopt;
    if (csv->rows[0].fields.size() < 2) {
        diags.error(text->loc(csv->rows[0].line, 1),
                    _("a table needs a label column and at least one more column; is the separator \";\" or \",\"?"),
                    text->line_text(csv->rows[0].line));
        return std::nullopt;
    }
    return csv;
}

// A column that holds amounts beside year-like numbers ("1500" and "2023" under "Beløb") prints
// them all as amounts: "1.500" beside "2023" would make the one look like a year, the other a
// figure, and the total "3.523" sum a year. Only a column whose every number is year-like keeps
// them as written.
void point_years_among_amounts(model::Table& table, size_t k) {
    bool amounts = false;
    for (const model::TableRow& row : table.rows)
        if (k < row.cells.size() && row.cells[k].kind == Cell::Kind::Number && !model::printed_as_year(row.cells[k])) amounts = true;
    if (!amounts) return;
    for (model::TableRow& row : table.rows)
        if (k < row.cells.size() && model::printed_as_year(row.cells[k])) {
            Cell& c = row.cells[k];
            c.text = calc::format_danish(c.value, 0) + c.text.substr(4);
        }
}

// In a table that declares its figures amounts ("talenhed: kr.") or shows them in a larger unit
// ("enhed: mio. kr."), a column headed as a count ("Antal patienter", "Indbyggere") holds no
// kroner: its plain numbers are unitless, so "enhed" does not print 1.234.567 patients as 1,2, and
// a formula reads them as counts. So does a row labelled so ("Antal borgere" in a budget shown in
// mio. kr., which printed 590.000 citizens as 0,6). A heading that only begins with what is
// counted ("Borgere med handicap") may head the kroner paid for them as well as a count: its
// figures stay amounts, and the warning at the heading asks the writer to say which.
void count_columns_unitless(model::Table& table, Diagnostics& diags) {
    // (read_table_keys takes only amount units and "pct." for these keys)
    if ((table.figures_unit.empty() || table.figures_unit == "pct.") && table.unit.empty()) return;
    const auto plain_number = [](const Cell& c) { return c.kind == Cell::Kind::Number && c.unit.empty(); };
    const std::string shown = table.unit.empty() ? table.figures_unit : table.unit;
    const auto ask = [&](const SourceLoc& loc, const std::string& heading) {
        diags.warning(loc, fmt(_("\"{}\" may count what it names rather than be kroner: its figures are taken as the "
                                 "table's amounts, in {}; if they are a count, add \"(antal)\" to it, and if they are "
                                 "kroner, name what is paid (\"Udgifter til ...\")"),
                               heading, shown));
    };
    // The plain numbers `each` visits under one heading: unitless under a count's, and a heading
    // that may be one asked about.
    const auto settle = [&](const std::string& heading, const SourceLoc& loc, const auto& each) {
        const CountHeading kind = count_heading_of(heading);
        if (kind == CountHeading::None) return;
        bool numbers = false;
        each([&](Cell& c) {
            if (!plain_number(c)) return;
            numbers = true;
            if (kind == CountHeading::Count) c.unitless = c.count = true;
        });
        // "Læger" alone in a table the "enhed" converts: 1.790 doctors or kroner would print as 0,0.
        if ((kind == CountHeading::MaybeCount ||
             (kind == CountHeading::CountOrCost && !table.unit.empty() && table.unit != table.figures_unit)) &&
            numbers)
            ask(loc, heading);
    };
    for (size_t k = 1; k < table.header.size(); ++k)
        settle(table.header[k], table.header_locs[k], [&](const auto& visit) {
            for (model::TableRow& row : table.rows)
                if (k < row.cells.size()) visit(row.cells[k]);
        });
    for (model::TableRow& row : table.rows)
        if (!row.cells.empty())
            settle(row.cells[0].text, row.cells[0].loc, [&](const auto& visit) {
                for (size_t k = 1; k < row.cells.size(); ++k) visit(row.cells[k]);
            });
}

// The line under the header written with a label (a pivot table's "Post;2023;2024;2023;2024"
// under ";Budget;Budget;Regnskab;Regnskab") is no row of figures either: its years, among the
// amounts below them, would print as amounts ("2.023") and count in a formula or a chart. Years
// alone, two or more, each over other figures, are a warning; a table of start and end years
// ("Start;Slut" over "2019;2023") holds years in every row.
void warn_labelled_second_header(const CsvData& csv, const TextFile& text, const model::Table& table, Diagnostics& diags) {
    if (table.rows.size() < 2 || table.rows[0].cells.empty() || table.rows[0].cells[0].kind != Cell::Kind::Text) return;
    const model::TableRow& first = table.rows[0];
    size_t years = 0;
    const Cell* example = nullptr;
    for (size_t k = 1; k < first.cells.size(); ++k) {
        const Cell& c = first.cells[k];
        if (c.kind == Cell::Kind::Empty) continue;
        if (c.kind != Cell::Kind::Number || !c.unit.empty() || !model::written_as_year(c.text)) return;
        bool amounts_below = false;
        for (size_t r = 1; r < table.rows.size() && !amounts_below; ++r) {
            const Cell& below = table.rows[r].cells[k];
            amounts_below = below.kind == Cell::Kind::Number && !model::written_as_year(below.text);
        }
        if (!amounts_below) return;
        if (years++ == 0) example = &c;
    }
    if (years < 2) return;
    diags.warning(first.loc,
                  fmt(_("the row {} right under the header holds only years, such as {}: if it is a second header line "
                        "(\"Budget\" over \"2023\", as a pivot table exports them), join the two into one heading per "
                        "column (\"Budget 2023\"); as a row of figures its years would print and count as amounts"),
                      quote_text(first.cells[0].text), quote_text(example->text)),
                  std::string(text.line_view(csv.rows[1].line)));
}

// The CSV's rows as the table's, every cell but the label typed.
// A column of codes (code_columns) has its cells as written.
// Columns empty from the header down at the right, and empty rows at the end: what Excel exports
// around a sheet's used cells (";;" after each row, a ";;;" line at the end). They printed as
// columns without a heading and a gap under the table's last row, and messages listed them
// ("it has: Budget 2023, , "). Nothing in them is lost.
void drop_empty_edges(CsvData& csv) {
    const auto blank = [](const CsvField& f) { return trim(f.text).empty(); };
    while (csv.rows.size() > 2 && std::all_of(csv.rows.back().fields.begin(), csv.rows.back().fields.end(), blank))
        csv.rows.pop_back();
    size_t width = csv.rows.empty() ? 0 : csv.rows[0].fields.size();
    while (width > 2 && std::all_of(csv.rows.begin(), csv.rows.end(), [&](const CsvRow& r) {
               return r.fields.size() < width || blank(r.fields[width - 1]);
           }))
        --width;
    for (CsvRow& r : csv.rows)
        if (r.fields.size() > width) r.fields.resize(width);
}

// A heading or a row's label as one line: a heading Excel wraps ("Samlet antal" / "speciallæger"
// in one quoted field) was quoted with its line break in messages and their suggestions (which
// then could not be pasted), and broke the packet's table notes there.
std::string one_line(std::string_view text) {
    if (text.find_first_of("\r\n\t") == std::string_view::npos) return std::string(text);
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        const char d = c == '\r' || c == '\n' || c == '\t' ? ' ' : c;
        if (d == ' ' && !out.empty() && out.back() == ' ') continue;
        out += d;
    }
    return out;
}

void fill_rows(const CsvData& csv, const std::vector<bool>& codes, const TextFile& text, model::Table& table,
               Diagnostics& diags) {
    // Sizes known in advance are reserved: the model holds no room left by doubling.
    table.header.reserve(csv.rows[0].fields.size());
    table.header_locs.reserve(csv.rows[0].fields.size());
    for (const CsvField& f : csv.rows[0].fields) {
        table.header.push_back(f.quoted ? one_line(trim(f.text)) : std::string(trim(f.text)));
        table.header_locs.push_back(text.loc(f.line, f.column));
    }
    const size_t width = table.header.size();
    const std::vector<bool> code_row = code_rows(csv);
    table.rows.reserve(table.rows.size() + csv.rows.size() - 1);
    for (size_t r = 1; r < csv.rows.size(); ++r) {
        const CsvRow& row = csv.rows[r];
        // The header again, lower down (a table copied from a PDF's pages, or two blocks of an
        // export stacked): its years would print as a row of figures and count in every sum.
        size_t same = 0;
        bool repeats = true;
        for (size_t k = 0; k < width && repeats; ++k) {
            const std::string_view here = trim(row.fields[k].text), heading = trim(csv.rows[0].fields[k].text);
            repeats = here == heading;
            same += repeats && !heading.empty() ? 1 : 0;
        }
        if (repeats && same >= 2)
            diags.error(text.loc(row.line, 1),
                        _("this row repeats the header, as a table copied from several pages or two blocks of an "
                          "export stacked do; its headings would print and count as figures; remove the row"),
                        std::string(text.line_view(row.line)));
        model::TableRow out;
        out.cells.reserve(width);
        out.loc = text.loc(row.line, 1);
        bool all_empty = true;
        for (size_t k = 0; k < width; ++k) {
            const CsvField& f = row.fields[k];
            const SourceLoc loc = text.loc(f.line, f.column);
            Cell c;
            if (k == 0) {
                c.kind = trim(f.text).empty() ? Cell::Kind::Empty : Cell::Kind::Text;
                c.text = f.quoted ? one_line(trim(f.text)) : std::string(trim(f.text));  // a line break only in quotes
                c.loc = loc;
                // The field starts at its first byte that is not blank (csv_reader); a quoted
                // one keeps its blanks inside the quotes.
                const size_t inside = f.quoted ? f.text.find_first_not_of(" \t") : 0;
                if (c.kind == Cell::Kind::Text)
                    out.indent = f.column - 1 + static_cast<int>(inside == std::string::npos ? 0 : inside);
            } else if (codes[k] || code_row[r]) {
                c = code_cell(f.text, loc);
            } else {
                // A view, not a copy: the line is copied only if the cell is reported.
                c = classify_cell(f.text, loc, diags, text.line_view(f.line), csv.separator == ',');
                check_cell_unit(c, table.figures_unit, diags, text.line_view(f.line));
            }
            if (c.kind != Cell::Kind::Empty) all_empty = false;
            out.cells.push_back(std::move(c));
        }
        out.role = all_empty ? model::TableRow::Role::Spacer : model::TableRow::Role::Data;
        // Figures without a label right under the header are most likely a second header line
        // ("Budget" over "2023" in a pivot table's export), which a chart would draw as bars
        // 2023 high. (Lower down, a row without a label is a merged label cell Excel left empty.)
        if (r == 1 && !all_empty && out.cells[0].kind == Cell::Kind::Empty &&
            std::any_of(out.cells.begin(), out.cells.end(), [](const Cell& c) { return c.kind == Cell::Kind::Number; }))
            diags.warning(out.loc,
                          _("this row has figures but no label, right under the header: if it is a second header line "
                            "(\"Budget\" over \"2023\", as a pivot table exports them), join the two into one heading "
                            "per column (\"Budget 2023\"); a row of figures needs a label"),
                          std::string(text.line_view(row.line)));
        table.rows.push_back(std::move(out));
    }
    warn_labelled_second_header(csv, text, table, diags);
}

// A column is numeric (right-aligned) when it holds numbers and nothing but numbers, dashes
// and "not available" marks.
void mark_numeric_columns(model::Table& table, const TextFile& text, Diagnostics& diags) {
    const size_t width = table.header.size();
    table.numeric.assign(width, false);
    for (size_t k = 1; k < width; ++k) {
        bool any_number = false, only_numbers = true;
        for (const model::TableRow& row : table.rows) {
            const Cell::Kind kind = row.cells[k].kind;
            if (kind == Cell::Kind::Number) any_number = true;
            else if (kind == Cell::Kind::Text) only_numbers = false;
        }
        table.numeric[k] = any_number && only_numbers;
        if (any_number && !only_numbers) report_unread_numbers(table, k, text, diags);
    }
}

}  // namespace

std::optional<model::Table> read_table(const TableBlock& block, const std::string& folder,
                                       const InputFiles& files, Diagnostics& diags) {
    const int errors_before = diags.error_count();
    check_keys(block.keys, kTableKeys, block.loc, _("the table block"), diags);
    model::Table table;
    table.loc = block.loc;
    read_table_keys(block, table, diags);
    if (!find_key(block.keys, "fil") || diags.error_count() > errors_before) return std::nullopt;
    std::optional<TextFile> text;
    std::optional<CsvData> csv = read_table_csv(block, folder, files, table, text, diags);
    if (!csv) return std::nullopt;
    drop_empty_edges(*csv);
    const std::vector<bool> codes = code_columns(*csv);
    fill_rows(*csv, codes, *text, table, diags);
    count_columns_unitless(table, diags);
    report_two_readings(*csv, table, *text, diags);
    report_split_decimals(*csv, table, *text, diags);
    report_unpointed_columns(*csv, table, codes, *text, diags);
    mark_numeric_columns(table, *text, diags);
    std::set<const Cell*> warned;
    for (size_t k = 1; k < table.header.size(); ++k) {
        if (k >= codes.size() || !codes[k]) point_years_among_amounts(table, k);
        report_shares_among_amounts(table, k, *text, diags);
        const Line column = column_line(table, k);
        report_bare_among_shares(table, column, *text, diags);
        report_english_column(table, k, *text, diags);
        report_english_decimal_column(*csv, table, k, *text, diags);
        report_three_decimals_among_whole(table, column, *text, warned, diags);
    }
    // Along the rows, by their labels: a table whose rows are measures, its columns periods or
    // places ("2023", "Nord"). Where a column's heading says what its figures are (per cent, a
    // share, a count), a row's label speaks of its own subject, not of the figures across it.
    // (The headings are asked only once a row's label names shares or counts.)
    std::optional<bool> columns_say;
    for (const model::TableRow& row : table.rows) {
        if (row.cells.size() < 2 || row.cells[0].kind != Cell::Kind::Text) continue;
        const std::string& label = row.cells[0].text;
        const bool shares = calc::names_per_cent(label) || calc::names_share(label);
        // (A row of counts is judged only for a number with three decimals, so most labels are not read.)
        const bool counts = std::any_of(row.cells.begin() + 1, row.cells.end(), three_decimals_below_thousand) &&
                            whole_count_heading(label);
        if (!shares && !counts) continue;
        if (!columns_say) {
            columns_say = false;
            for (size_t k = 1; k < table.header.size() && !*columns_say; ++k)
                columns_say = calc::names_per_cent(table.header[k]) || calc::names_share(table.header[k]) ||
                              count_heading_of(table.header[k]) != CountHeading::None;
        }
        if (*columns_say) break;
        const Line line = row_line(row);
        if (shares) report_bare_among_shares(table, line, *text, diags);
        if (counts) report_three_decimals_among_whole(table, line, *text, warned, diags);
    }
    return table;
}

}  // namespace boardpack::input

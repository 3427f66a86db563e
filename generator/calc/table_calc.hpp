// Computes a table's formulas into its cells: computed rows ("række:") for each numeric
// column, then computed columns ("kolonne:") for each row. Where the CSV carries a published
// figure in a computed cell, the two are compared: within the formula's tolerance the published
// figure is shown (with the table's rounding note); beyond it a warning names the cell and the
// computed value is shown.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "calc/evaluator.hpp"
#include "calc/options.hpp"
#include "calc/value.hpp"
#include "core/diagnostics.hpp"
#include "model/document.hpp"

namespace boardpack::calc {

// The formulas of a table are computed into its cells; `refs` resolves the other tables and
// calculations they quote. False if a formula could not be computed (a published figure that
// differs is reported, but the table is still computed).
bool compute_table(model::Table& table, References& refs, Diagnostics& diags);

// Whether a heading or label names figures that do not add up: an average, a median, an index,
// a rank, a figure per person or unit, or a share in per cent (not points).
bool names_rate_figures(const std::string& heading);

// A formula parsed with its options, ready to evaluate; nullopt after reporting a problem.
struct PreparedFormula {
    model::Formula* formula = nullptr;
    std::unique_ptr<Expr> expr;
    Options options;
};
std::optional<PreparedFormula> prepare(model::Formula& f, bool allow_range, Diagnostics& diags);

// How labels are compared: case and spacing ignored, as are a trailing ":" or footnote "*".
std::string label_key(const std::string& label);

// A row by its label, or a repeated label by "Gruppe / Label" (the group is the nearest row above
// that is not repeated); a label that could mean several rows sets *ambiguous, listing them.
std::optional<size_t> find_row(const model::Table& t, const std::string& label, std::string* ambiguous = nullptr);
// The same with each row's label_key given (keys[r] for t.rows[r]), for a caller that looks up
// many labels in one table.
std::optional<size_t> find_row(const model::Table& t, const std::vector<std::string>& keys, const std::string& label,
                               std::string* ambiguous = nullptr);
// A column by its heading; a heading that could mean several columns (two headings the same
// once case, spacing, a trailing ":" and footnote "*" are ignored) sets *ambiguous, listing them.
std::optional<size_t> find_column(const model::Table& t, const std::string& label, std::string* ambiguous = nullptr);
// The same with each heading's label_key given (keys[c] for t.header[c]).
std::optional<size_t> find_column(const model::Table& t, const std::vector<std::string>& keys, const std::string& label,
                                  std::string* ambiguous = nullptr);

// The label_key of each row label and column heading of one table, as find_row and find_column
// take them, for a caller that looks up many labels in it: made once, and made again whenever
// the labels are not those they were made of (a computed row or column added), which each use
// compares in full. Folding every label of a table for each lookup was 2 M instructions of the
// example.
class LabelKeys {
public:
    const std::vector<std::string>& rows(const model::Table& t);
    const std::vector<std::string>& columns(const model::Table& t);

private:
    std::vector<std::string> row_labels_, row_keys_;  // each row's first cell as written, and its key
    std::vector<std::string> headings_, column_keys_;
};

// A cell as a value for formulas; an empty input cell is an error (it should hold 0). A cell
// that is not available ("-") is a missing value that remembers the input cell it was read from
// (`from`), unless a formula writes it.
std::optional<Value> cell_value(const model::Table& t, size_t row, size_t column, Failure* error);

// Whether a column heading or row label names a target or a limit a figure is judged against
// ("Mål", "Loft", "Ramme"): what status() and loft() take second.
bool names_target_or_limit(const std::string& label);

// Whether a heading or label says its figures are no amounts, whatever their table's unit: per
// cent ("Ændring i pct."), percentage points, a rate per thousand or an index ("Indeks",
// "(2016=100)"). ("Andel" alone is not: "Regionens andel" of a budget in mio. kr. is kroner.)
bool names_no_amount(const std::string& heading);

// The number a cell prints: in a table shown in a larger unit ("enhed: mio. kr.", "t. kr.",
// "mia. kr."), an amount in that unit (a share written "6 %" stays as it is); else its value. A
// chart draws this number, so its axis and bars are in the unit its labels print.
Decimal shown_number(const model::Table& t, const model::Cell& c);

// The formula that writes the cell (row, column) of `t`, or nullptr for an input cell.
// *leaves (if given): the formula whose row or column the cell is in but whose "| kolonner"
// ("| rækker") range leaves it out, where no formula writes it.
const model::Formula* writer_of(const model::Table& t, size_t row, size_t column,
                                const model::Formula** leaves = nullptr);
class LabelKeys;
// The same with the table's label keys kept by a caller that asks of many cells.
const model::Formula* writer_of(const model::Table& t, LabelKeys& keys, size_t row, size_t column,
                                const model::Formula** leaves = nullptr);

// Reports a formula problem at a character offset of the formula text.
void report(Diagnostics& diags, const model::Formula& f, int offset, const std::string& message,
            bool in_options = false);

// Reports a formula that could not be computed: at the input cell at fault if there is one, as a
// follow-on of an earlier error if it only follows from that, else at the formula (with `where`,
// e.g. " (in column "2023")", added to the message).
void report(Diagnostics& diags, const model::Formula& f, const FormulaError& error, const std::string& where = {});

// The sentence for a "-" (or other word that is not a number) in an input cell where `f` needs
// a number, and the way out.
std::string missing_input_message(const std::string& cell, const std::string& shown, const model::Formula& f);

// Refuses a value that is not available where formula `f` needs a number, for a block that does
// not say "mangler: videre": always false, with *error at the input cell it came from, if known.
bool refuse_missing(const Value& missing, const model::Formula& f, Failure* error);

}  // namespace boardpack::calc

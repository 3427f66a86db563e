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
std::optional<size_t> find_column(const model::Table& t, const std::string& label);

// A cell as a value for formulas; an empty cell is an error (it should hold 0 or "-").
std::optional<Value> cell_value(const model::Table& t, size_t row, size_t column, std::string* error);

// Reports a formula problem at a character offset of the formula text.
void report(Diagnostics& diags, const model::Formula& f, int offset, const std::string& message,
            bool in_options = false);

}  // namespace boardpack::calc

// Whether a sum's printed parts add up to its printed total. A table shown in mio. kr. prints
// 1.249.000 kr. twice as 1,2 and their sum, 2.498.000 kr., as 2,5: each figure is right, but a
// reader adding the column finds 2,4. The table then carries a note saying the figures are
// rounded (its "afrundingsnote", or the packet's wording), never a silent contradiction.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "calc/expression.hpp"
#include "model/document.hpp"

namespace boardpack::calc {

// The rows (row formula) or columns a sum formula adds, each with its sign (+1 or -1): its
// labels and ranges joined by + and -, or sum(...); nullopt for any other formula, or a label
// the table does not have. `row_keys`: the rows' label_key, as find_row takes them.
std::optional<std::vector<std::pair<int, size_t>>> sum_terms(const model::Table& t, const std::vector<std::string>& row_keys,
                                                             const Expr& sum, bool row_formula);

// For the cell (row, column) a sum formula with these terms wrote: whether the parts as the
// table prints them add up to another figure than the cell prints. False where a part is not a
// printed number (a word, "-"), so only a plain sum of printed figures is judged.
bool rounded_parts_differ(const model::Table& t, const std::vector<std::pair<int, size_t>>& terms, bool row_formula,
                          size_t row, size_t column);

}  // namespace boardpack::calc

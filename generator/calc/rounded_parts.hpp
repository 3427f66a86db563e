// Whether a sum's printed parts add up to its printed total. A table shown in mio. kr. prints
// 1.249.000 kr. twice as 1,2 and their sum, 2.498.000 kr., as 2,5: each figure is right, but a
// reader adding the column finds 2,4. The table then carries a note saying the figures are
// rounded (its "afrundingsnote", or the packet's wording), never a silent contradiction.
#pragma once

#include <cstddef>

#include "calc/expression.hpp"
#include "model/document.hpp"

namespace boardpack::calc {

// For the cell (row, column) a sum formula wrote (`sum`: its parsed expression, rows and
// ranges joined by + and -, or sum(...)): whether the parts as the table prints them add up to
// another figure than the cell prints. False where a part is not a printed number (a word, a
// cell of another table), so only a plain sum of printed figures is judged.
bool rounded_parts_differ(const model::Table& t, const Expr& sum, bool row_formula, size_t row, size_t column);

}  // namespace boardpack::calc

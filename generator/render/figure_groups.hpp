// Which figures of a numeric column line up on the decimal comma, in both renderers alike.
//
// Down a column, figures line up on the last digit of their whole part, so decimals align on
// the comma. A row whose figures are a measure of their own among the column's others (a ratio
// row "Overlæger/afdelingslæger", 2,85, under counts of doctors; a row "Ændring i pct." under a
// budget's amounts) does not: aligned on the counts' comma its figures stood out right of them
// and pushed the counts left of their headings. Such a row's figures are set flush right.
#pragma once

#include <vector>

#include "model/document.hpp"

namespace boardpack::render {

// For each row of `t`: whether its figures are a measure of their own, by its label (a rate,
// share, index, average, per cent or points: calc::names_rate_figures, calc::names_no_amount),
// or because each of them is computed as a ratio ("[Overlæger] / [Afdelingslæger]"). Spacer rows
// and rows without a figure: No.
enum class MeasureRow : unsigned char { No, ByLabel, Ratios };
std::vector<MeasureRow> own_measure_rows(const model::Table& t);

// Whether column `k`'s figures end their whole parts at different distances from their ends,
// footnote marks aside: their decimals or units differ in length (2,85 among 1.036; 5 % among
// 12,5 %). Only then are its figures lined up on their comma, and rows set apart.
bool ragged_numbers(const model::Table& t, size_t k);

// The rows of a table's columns set apart from their comma, read once a table and only if
// asked: most columns line up as they stand, and then no label is read.
class FigureGroups {
public:
    explicit FigureGroups(const model::Table& t) : t_(t) {}
    // Whether row `r`'s figure in column `k` is set flush right, apart from the column's comma:
    // its row is a measure of its own and the column's heading names none. A row of computed
    // ratios is apart only among whole numbers: "Hele landet", quoting the national ratio under
    // the regions' ratios typed with decimals, is the same measure as they are.
    bool apart(size_t r, size_t k);

private:
    const model::Table& t_;
    std::vector<MeasureRow> rows_;
    bool read_ = false;
};

}  // namespace boardpack::render

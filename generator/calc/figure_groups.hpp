// Which figures of a numeric column line up on the decimal comma, for both renderers alike:
// judged once a table is computed (model::Table::figures_apart), as the renderers only read.
//
// Down a column, figures line up on the last digit of their whole part, so decimals align on
// the comma. A row whose figures are a measure of their own among the column's others (a ratio
// row "Overlæger/afdelingslæger", 2,85, under counts of doctors; a row "Ændring i pct." under a
// budget's amounts) does not: aligned on the counts' comma its figures stood out right of them
// and pushed the counts left of their headings. Such a row's figures are set flush right.
#pragma once

#include <string>
#include <vector>

#include "model/document.hpp"

namespace boardpack::calc {

// Whether a column's heading says what its figures are ("Andel (pct.)", "Antal"): then its
// figures are one measure, whatever their rows' labels say, and all line up.
bool heading_names_measure(const std::string& heading);

// The rows of a table's numeric columns that are set apart from their column's comma. Only a
// column whose figures do not line up as they stand (their decimals or units differ in length,
// footnote marks aside: 2,85 among 1.036) has any, and only rows whose figures end unlike most
// of the column's are candidates, so most tables read no label at all.
class FigureGroups {
public:
    explicit FigureGroups(const model::Table& t) : t_(t) {}

    // For each row, whether its figure in column `k` is set flush right, apart from the
    // column's comma; empty if none is. A row is apart when it is a measure of its own, by its
    // label (a rate, share, index, average, per cent or points: calc::names_rate_figures,
    // calc::names_no_amount) or because each of its figures is computed as a ratio
    // ("[Overlæger] / [Afdelingslæger]"), and the column's heading names no measure. A row of
    // computed ratios is apart only among whole numbers: "Hele landet", quoting the national
    // ratio under the regions' ratios typed with decimals, is the same measure as they are.
    std::vector<bool> apart_in(size_t k);

private:
    enum class Row : unsigned char { Unread, No, ByLabel, Ratios };
    Row reading(size_t r);

    const model::Table& t_;
    std::vector<Row> rows_;      // each row's reading, made when first asked
    std::vector<size_t> tails_;  // apart_in's, kept for the table's next column
};

// Fills t.figures_apart: for each numeric column that has any, its rows set apart
// (FigureGroups::apart_in). Called once the table is computed, its figures printed as they are.
void mark_figures_apart(model::Table& t);

}  // namespace boardpack::calc

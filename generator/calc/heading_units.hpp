// A heading that names the unit of the figures under it must name the one the table prints
// them in. "Ændring (kr.)" over figures a table shows in millions ("enhed: mio. kr.") printed
// "4,0" for 4.000.000 kr. under a heading that says kroner, and "Budget 2024 (kr.)" in a table
// whose figures are written in thousands ("talenhed: t. kr.") was quoted as 1,6 mio. kr. for what
// the heading says is 1.550 kr.: either the heading or the table's unit is wrong, and only the
// writer knows which.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "model/document.hpp"

namespace boardpack::calc {

// For a table that declares its unit ("talenhed:" or "enhed:"), an error at each column heading
// and row label that names an amount unit other than the one the table prints, over figures
// that are amounts (not counts, shares or ratios). Run after the table's formulas, so computed
// cells are judged as they print. False if it reported one.
bool check_headings_name_printed_unit(const model::Table& t, Diagnostics& diags);

// The amount units named by the column headings (a column formula) or row labels (a row formula)
// that a table formula reads, each once with the first label that names it, in the order read:
// "[Drift (mio. kr.)] + [Anlæg (t. kr.)]" reads mio. kr. and t. kr.
struct UnitRead {
    std::string unit, label;
};
std::vector<UnitRead> units_read(const model::Table& t, const model::Formula& f);

// For a table that does not say what its figures are written in ("talenhed:"), an error at each
// formula that reads figures under headings naming two amount units: both are read as kroner, and
// 130,5 mio. kr. + 5.200 t. kr. printed 5.330,5. False if it reported one.
bool check_formulas_read_one_unit(const model::Table& t, Diagnostics& diags);

// A warning at each formula whose row or column names an index's base year ("Indeks
// (2016=100)") but divides by another year's figure ("[2023] / [2018] * 100" printed an index
// of 123 under "2016=100", where against 2016 it is 148).
void check_index_bases(const model::Table& t, Diagnostics& diags);

}  // namespace boardpack::calc

// A total the CSV types ("I alt;1.050.000;1.060.000") that no formula computes: the packet prints
// it in bold under a rule, as the rows' total, and a reader takes it as theirs. One that is not
// their sum (a row corrected and the total not, a row left out) is a figure silently wrong.
#pragma once

#include "core/diagnostics.hpp"
#include "model/document.hpp"

namespace boardpack::calc {

// A warning at each typed total row (model::names_total, or the table's "total:") whose figures
// differ from the sum of the rows it totals by more than their rounding explains: the rows
// above it back to the total before it (its parts "Heraf ..." and indented rows left out), the
// subtotals above it where it follows one, or the rows below it where it opens the table
// ("Hele landet" first, as Statistics Denmark lists it). Columns of rates and shares, cells a
// formula writes, and parts with a cell missing are not judged. The same for each typed total
// column (its heading names a total: "Mænd;Kvinder;I alt", "I alt;Mænd;Kvinder") and the columns
// it totals, read the same ways ("Heraf ..." columns, rates, shares and averages left out), in
// each row but those naming rates, where the reading adds up in some row of two figures at least
// that are more than their rounding ("total: ingen": none). A cell both ways hold is said once.
// Called once a table is computed.
void warn_typed_totals(const model::Table& table, Diagnostics& diags);

}  // namespace boardpack::calc

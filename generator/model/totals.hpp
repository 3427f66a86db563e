// Which rows of a table are totals, the one thing a table prints in bold (HTML and PDF alike).
// The rule: the rows the table names with "total: Label" (repeatable; "total: ingen" for none);
// a table that names none has its computed sums as totals: the rows a "række:" formula fills
// that only adds or subtracts rows of the same table ("sum(A .. B)", "[A] + [B] - [C]"). A
// computed row that quotes another table, divides, or uses any other function (an index, a
// status, loft[...]) is computed but not a total, and is printed like any other row.
#pragma once

#include <string_view>

#include "core/diagnostics.hpp"
#include "model/document.hpp"

namespace boardpack::model {

// Whether a row formula's expression only adds or subtracts rows of its own table: at least
// two [row] terms, or a sum(...), joined by + and -.
bool is_sum_expression(std::string_view expression);

// Whether a label reads as a total of the rows (or columns) before it, or after it where it comes
// first: "Udgifter i alt", "I alt", "I alt drift", "Total", "Subtotal", "Samlet", "Samlede
// udgifter", "Sum", "Hele landet". A range that holds one and the rows it adds counts them twice.
bool names_total(std::string_view label);

// Whether a label reads as a part of the row (or column) before it: "Heraf overtid", "herunder
// vikarer", "Deraf", "Hvoraf", "Af hvilke ledere", "Inkl. moms", "Bl.a. vikarer", "Of which".
// A range that holds one and its whole counts it twice.
bool names_part(std::string_view label);

// Whether a label begins with a list's mark ("- Ledere", "• Ledere", "> Ledere"): among labels
// without one, a sub-item of the row before it (calc's sums read it so).
bool marked_as_item(std::string_view label);

// Whether the table's "total:" lines name this label.
bool declared_total(const Table& table, std::string_view label);

// Sets TableRow::total for every row of the table by the rule above; a "total:" naming no row of
// the table is an error at that line.
void mark_totals(Table& table, Diagnostics& diags);

}  // namespace boardpack::model

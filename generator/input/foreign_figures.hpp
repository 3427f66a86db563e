// Cells a reader takes for a figure but boardpack does not read as one: an accounting negative
// "(400)" or "1.234-", an Excel error value "#DIV/0!", a number in scientific notation
// "1,2E+06". Printed as text, they would stand in the table as if they were figures, and a sum
// row would pass over their column in silence; so each is an error at its cell.
#pragma once

#include <string>
#include <string_view>

namespace boardpack::input {

// The message for such a cell's text (trimmed, footnote marks removed), or "" for any other.
std::string foreign_figure(std::string_view text);

// Whether the text is a number written the English way with "," grouping thousands: "1,234,567"
// or "1,234.56" (no Danish number has two commas, or a "." after its comma). foreign_figure
// reports it; a column that holds one makes its "2,000" ambiguous (two thousand, or 2).
bool english_grouped(std::string_view text);

}  // namespace boardpack::input

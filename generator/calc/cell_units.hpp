// The unit a computed table cell prints after its number, taken from the input cells around it,
// so a table whose figures are "6 %" does not print its computed ones as a bare "6".
#pragma once

#include <string>

#include "model/document.hpp"

namespace boardpack::calc {

// The per-cent sign ("%", "pct.") shared by every number in the cell's column (other than the cell itself), or if the
// column has none, by every number in its row; "" when there is none or they differ.
std::string computed_unit(const model::Table& t, size_t row, size_t column);

}  // namespace boardpack::calc

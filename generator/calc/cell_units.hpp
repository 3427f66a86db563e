// The unit a computed table cell prints after its number, taken from the cells its formula
// reads, so a table whose figures are "6 %" does not print its computed ones as a bare "6".
#pragma once

#include <optional>
#include <string>

#include "model/document.hpp"

namespace boardpack::calc {

// The per-cent sign ("%", "pct.") shared by every number a formula reads in its own table: ""
// when there is none, they differ, or the formula reads no number there. Only the cells read
// count: a neighbour computed earlier (a share in the row above) says nothing about this cell.
class SharedShareSign {
public:
    // One more cell the formula read; cells that are not numbers, or are percentage points, do not count.
    void add(const model::Cell& cell);
    std::string sign() const { return shared_.value_or(std::string()); }

private:
    std::optional<std::string> shared_;  // nullopt until the first number
};

}  // namespace boardpack::calc

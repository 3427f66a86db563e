#include "calc/cell_units.hpp"

#include "calc/units.hpp"

namespace boardpack::calc {

// Amount units ("kr.") are not carried over: a formula among amounts may well compute a ratio,
// and a wrong unit is worse than none.
void SharedShareSign::add(const model::Cell& cell) {
    // Percentage points (a difference of two shares) say nothing of how a share is written:
    // 68 % moved by 4 points is "72 %".
    if (cell.kind != model::Cell::Kind::Number || cell.unit == kPoints) return;
    const std::string unit = cell.unit == "%" || cell.unit == "pct." ? cell.unit : std::string();
    if (!shared_) shared_ = unit;
    else if (*shared_ != unit) shared_ = std::string();
}

}  // namespace boardpack::calc

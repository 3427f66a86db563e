#include "calc/cell_units.hpp"

namespace boardpack::calc {

// Amount units ("kr.") are not carried over: a formula among amounts may well compute a ratio,
// and a wrong unit is worse than none.
void SharedShareSign::add(const model::Cell& cell) {
    if (cell.kind != model::Cell::Kind::Number) return;
    const std::string unit = cell.unit == "%" || cell.unit == "pct." ? cell.unit : std::string();
    if (!shared_) shared_ = unit;
    else if (*shared_ != unit) shared_ = std::string();
}

}  // namespace boardpack::calc

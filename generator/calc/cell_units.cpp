#include "calc/cell_units.hpp"

#include <optional>

namespace boardpack::calc {

namespace {

// Folds one more number's per-cent sign into the shared one: nullopt until the first number, ""
// once two differ (or one has none). Amount units ("kr.") are not carried over: a formula among
// amounts may well compute a ratio, and a wrong unit is worse than none.
void fold(std::optional<std::string>& shared, const model::Cell& cell) {
    if (cell.kind != model::Cell::Kind::Number) return;
    const std::string unit = cell.unit == "%" || cell.unit == "pct." ? cell.unit : std::string();
    if (!shared) shared = unit;
    else if (*shared != unit) shared = std::string();
}

}  // namespace

std::string computed_unit(const model::Table& t, size_t row, size_t column) {
    std::optional<std::string> shared;
    for (size_t r = 0; r < t.rows.size(); ++r)
        if (r != row && column < t.rows[r].cells.size()) fold(shared, t.rows[r].cells[column]);
    if (shared) return *shared;
    if (row < t.rows.size())
        for (size_t c = 1; c < t.rows[row].cells.size(); ++c)
            if (c != column) fold(shared, t.rows[row].cells[c]);
    return shared.value_or(std::string());
}

}  // namespace boardpack::calc

// The options after " | " in a formula or figure: how to show the result, which rows or
// columns a formula applies to, and how far a published figure may differ.
//   decimaler 2 | tolerance 2 | rækker A .. B | kolonner A .. B | kr. | t. kr. | mio. kr. | mia. kr. | pct. | pct.-point | verbum
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "calc/failure.hpp"
#include "numbers/decimal.hpp"
#include "calc/units.hpp"
#include "calc/value.hpp"
#include "calc/words.hpp"

namespace boardpack::calc {

struct Options {
    int decimals = -1;           // -1: from the inputs
    Decimal tolerance;           // how far a published figure may differ (in shown units)
    std::string from, to;        // rækker/kolonner: the range the formula applies to
    std::string unit;            // "", "kr.", "t. kr.", "mio. kr.", "mia. kr.", "pct.", "pct.-point"
    std::string source_unit;     // not an option: the unit the value is written in ("" = kr.)
    bool verb = false;           // trend words as verbs: "faldet", "steget"
};

// Parses the options; on failure returns nullopt and fills *error (its column a byte offset).
std::optional<Options> parse_options(const std::string& text, bool allow_range, FormulaError* error);

// The value as text: numbers converted from o.source_unit to o.unit, rounded half away from
// zero, Danish notation, with the unit; trend words as verbs if asked. Sets *lost_to_zero when a
// non-zero number prints as zero (0,0 mio. kr.), which the caller warns about. A unit the value
// cannot be converted to (a share as kroner, millions as pct.), or a conversion too large to be
// exact, returns "" with the reason in *error.
// Whether `value` printed with `decimals` is more than a tenth from it, and not zero (which has
// a warning of its own): 1.050 / 1.500 is 0,70, printed "1"; 10 / 4 is 2,5, printed "3"; or is
// a factor near 1 printed without decimals (0,926 and 1,058 both "1").
bool rounds_far(const Decimal& value, int decimals);

std::string format_value(const Value& v, const Options& o, const Words& words, bool* lost_to_zero = nullptr,
                         std::string* error = nullptr);

}  // namespace boardpack::calc

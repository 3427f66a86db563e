// The options after " | " in a formula or figure: how to show the result, which rows or
// columns a formula applies to, and how far a published figure may differ.
//   decimaler 2 | tolerance 2 | rækker A .. B | kolonner A .. B | kr. | mio. kr. | pct. | verbum
#pragma once

#include <optional>
#include <string>

#include "calc/decimal.hpp"
#include "calc/value.hpp"
#include "calc/words.hpp"

namespace boardpack::calc {

struct Options {
    int decimals = -1;           // -1: from the inputs
    Decimal tolerance;           // how far a published figure may differ (in shown units)
    std::string from, to;        // rækker/kolonner: the range the formula applies to
    std::string unit;            // "", "kr.", "mio. kr.", "pct."
    bool verb = false;           // trend words as verbs: "faldet", "steget"
};

// Parses the options; on failure returns nullopt and sets *error (and *column, 0-based).
std::optional<Options> parse_options(const std::string& text, bool allow_range, std::string* error, int* column);

// The value as text: numbers rounded half away from zero, Danish notation, with the unit; trend
// words as verbs if asked.
std::string format_value(const Value& v, const Options& o, const Words& words);

}  // namespace boardpack::calc

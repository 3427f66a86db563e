// Danish number notation: "1.036", "2,85", "-152.100.000", "−3,2", "73 %", "73 pct.".
// Numbers are read here and written here, once, so the HTML and the PDF print the same strings.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "calc/decimal.hpp"

namespace boardpack::calc {

// A number as read from the input: its value, the decimals it was written with, and whether it
// carried a per-cent sign ("%", "pct.").
struct ReadNumber {
    Decimal value;
    int decimals = 0;
    bool percent = false;
    std::string unit;  // the per-cent sign as printed: "%", "pct." (also for "pct", "procent"); ""
};

// Reads a Danish number; on failure returns nullopt and, when the text looks like a number
// written another way ("2.5", "1,036.5"), sets *hint to a sentence saying how to write it.
std::optional<ReadNumber> read_danish_number(std::string_view text, std::string* hint = nullptr);

// Writes a number rounded (half away from zero) to `decimals`: "." groups thousands, ","
// is the decimal mark, "-" the minus sign; -0 is written 0.
std::string format_danish(const Decimal& value, int decimals);

}  // namespace boardpack::calc

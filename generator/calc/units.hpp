// The units a computed number can be in: an amount ("kr.", "t. kr.", "mio. kr.", "mia. kr."), a share
// ("pct."), percentage points ("pct.-point": the difference of two shares, 72 % - 68 %), or none
// ("": a literal, a ratio, a count). Values carry theirs, so a formula that
// quotes a table in mio. kr. from one in kr. converts exactly instead of adding 11,5 to millions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "calc/value.hpp"
#include "numbers/amount_units.hpp"
#include "numbers/decimal.hpp"

namespace boardpack::calc {

// The unit of the difference of two shares: 72 % - 68 % is 4 percentage points, not 4 % (4 % of
// 68 % would be 2,72 points). Printed "pct.-point", as Danish statistics writes it.
inline const std::string kPoints = "pct.-point";

// The unit a table cell's number is in: "pct." for a cell written "73 %" or "73 pct.", else the
// table's "talenhed" ("" there means kr.). (kroner_per and convert_amount: numbers/amount_units.hpp;
// the unit a table prints its figures in: model::printed_unit.)
std::string cell_unit(const std::string& figures_unit, const std::string& written_unit);

// A number converted to the amount unit `unit` (both amounts; otherwise unchanged), its decimals
// following the digits (11,5 mio. kr. is 11.500.000 kr.); nullopt if it does not fit.
std::optional<Value> in_unit(const Value& v, const std::string& unit);

// Whether a number in `from` cannot be shown or used as one in `to`: a share (or percentage
// points) as an amount, millions or billions as a share, percentage points as a share or a share
// as points. "kr." is also what a table without "talenhed" is in, which may
// hold counts, so it converts to anything; "" (no unit) too.
bool units_conflict(const std::string& from, const std::string& to);

// The unit two numbers are combined in (added, compared, divided): the same one, the one that
// has a unit, or for two amounts the larger (mio. kr. for kr. and mio. kr.): dividing by a power
// of ten is always exact and keeps the decimals the figures in millions are shown with.
// nullopt for a share and millions or billions; "" for a share and kr., which may be a count; a
// share for a share and percentage points (72 % + 4 points is 76 %).
std::optional<std::string> common_unit(const std::string& a, const std::string& b);

// The amount unit a heading or title names, as in "Budget 2024 (mio. kr.)": "t. kr." (also
// "(1.000 kr.)", "2024, 1.000 kr.", "i 1.000 kr.", "(kr. 1.000)", "(DKK 1.000)", "tusinde kr.",
// "tkr."), "mio. kr." (also "mio.kr.", "mill. kr.", "mio. DKK", "kr. i mio.", "(mio)", "beløb i
// mio.") or "mia. kr."; "" when it names none of them, or an amount ("4,2 mio. kr.", "tilskud på
// 1.000 kr.").
std::string unit_named_in(const std::string& text);

// Whether a heading, title or note names plain kroner as the unit of the figures under it:
// "Budget 2024 (kr.)", "Udgifter 2024, kr.", "Udgift kr.", "Beløb i kr.", "(DKK)", "i kroner",
// "(kr. i 2024-priser)". Not an amount
// ("tilskud på 1.000 kr."), and not a larger unit ("mio. kr.": unit_named_in).
bool names_kroner(const std::string& text);

// The unit the words at the start of `text` name, as the text after a figure gives one ("5 mio.
// kr.", "12 %", "4 procentpoint"): "kr." (also "kroner", "DKK"), "t. kr." ("tkr.", "tusinde
// kr."), "mio. kr." ("mio.", "mill.", "millioner"), "mia. kr." ("mia.", "mrd."), "pct." ("%",
// "procent") or "pct.-point"; "" when they name none ("kr." after a "," is another clause's).
std::string unit_word_at(const std::string& text);

}  // namespace boardpack::calc

// Danish number notation: "1.036", "2,85", "-152.100.000", "−3,2", "73 %", "73 pct.".
// Numbers are read here and written here, once, so the HTML and the PDF print the same strings.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "numbers/decimal.hpp"

namespace boardpack::calc {

// A number as read from the input: its value, the decimals it was written with, and whether it
// carried a per-cent sign ("%", "pct.").
struct ReadNumber {
    Decimal value;
    int decimals = 0;
    bool percent = false;
    std::string unit;  // the unit written after it: "%", "pct." (also for "pct", "procent"),
                       // and from read_danish_cell "kr.", "t. kr.", "mio. kr.", "mia. kr."; "" for none
};

// The length in bytes of the minus sign `text` starts with, 0 for none: "-", U+2212 MINUS SIGN,
// U+2013 EN DASH, U+2012 FIGURE DASH, and U+2010 HYPHEN and U+2011 NON-BREAKING HYPHEN, which Word
// and web pages put before a figure to keep it on one line ("‑152.100.000").
size_t minus_sign_size(std::string_view text);

// Reads a Danish number; on failure returns nullopt and, when the text looks like a number
// written another way ("2.5", "1,036.5", "0.125", "0101"), sets *hint to a sentence saying how
// to write it. A first thousands group 0 ("0.125", "00.125") is no Danish number: the "." is
// probably an English decimal point. A whole number with a leading zero ("0101") is a code, not
// an amount.
std::optional<ReadNumber> read_danish_number(std::string_view text, std::string* hint = nullptr);

// Reads a table cell as Excel formats it: a Danish number, optionally followed by a per-cent
// sign or an amount unit ("3.400.000 kr.", "125 t. kr.", "12,5 mio. kr."), which is kept in `unit`.
std::optional<ReadNumber> read_danish_cell(std::string_view text, std::string* hint = nullptr);

// The number part of a cell, without the unit Excel writes after it ("1,234.56 kr." is
// "1,234.56", "12,5 %" is "12,5"): for the checks of how the number itself is written, which a
// unit after it must not hide.
std::string_view without_unit(std::string_view text);

// A unit as a table key ("talenhed:", "enhed:") or a figure's option writes it, folded
// (fold_label), in the one spelling numbers are read and printed with: thousands of kroner
// written "t.kr.", "tkr." or "1.000 kr." are "t. kr.", percentage points written "procentpoint" or
// "%-point" are "pct.-point"; any other text is returned as it is.
std::string canonical_unit(const std::string& folded);

// Whether a column heading or row label names per cent: "%", "Andel (%)", "Andel i pct.",
// "Procent"; its figures are shares, written with the sign or not.
bool names_per_cent(const std::string& heading);

// Whether a column heading or row label calls its figures shares ("Andel", "Andelen af
// forløb", "Regionens andel"): in per cent as likely as not, whatever else it names.
bool names_share(const std::string& heading);

// Writes a number rounded (half away from zero) to `decimals`: "." groups thousands, ","
// is the decimal mark, "-" the minus sign; -0 is written 0.
std::string format_danish(const Decimal& value, int decimals);
// The value with all its decimals but trailing zeros, at least `decimals` of them ("78,96"):
// what a rounded figure was before rounding.
std::string format_danish_exact(const Decimal& value, int decimals = 0);

// The text a number read from a table cell is printed with: the number as format_danish writes
// it, then the unit the cell was written with ("3.400.000 kr.", "73 %").
std::string format_danish_cell(const ReadNumber& number);

// "0.125", "-00.125", "0.125 kr.": a cell written as a Danish number but for its first
// thousands group 0, which no Danish number has; the "." is probably a decimal point.
bool zero_first_group(std::string_view text);

// "0101", "007 %": a cell written as a number but for its leading zero; a code, kept as text.
bool leading_zero(std::string_view text);

// A number with more digits than are read exactly (over 18, or over 12 decimals).
bool too_many_digits(std::string_view text);

// "2.5", "-3.14", "1100.001": one dot with digits around it, not Danish thousands grouping; a
// number probably written the English way; also with a unit after it ("2.5 kr.", "12.5 %").
bool english_decimal(std::string_view text);

// "1.250", "-1.250 kr.", "2,375 %": a number whose only mark is one "." or one "," with one to
// three digits before it (not "0") and exactly three after, which Danish notation reads one way
// (1.250 is a thousand two hundred and fifty, 1,250 a decimal) and English notation, as files
// separated by "," are often written, the other. Both readings, and how each can be written so
// that neither notation reads it otherwise.
struct TwoReadings {
    ReadNumber whole;    // the whole number: 1.250 (from "1.250" or "1,250")
    ReadNumber decimal;  // the decimal number, without trailing zeros: 1,25
    std::string whole_written;    // "1250": the whole number without a thousands point
    // "1,25" or "1": the decimal number with fewer than three decimals; "" when it has three
    // (2,375), which only a file that is read the Danish way can hold.
    std::string decimal_written;
};
std::optional<TwoReadings> two_readings(std::string_view text);

}  // namespace boardpack::calc

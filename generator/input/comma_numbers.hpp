// Numbers in a CSV file separated by ",". Danish Excel separates by ";"; a file separated by ","
// is often an English-style export, where "1.250" is one and a quarter and "1,250" (in quotes)
// a thousand two hundred and fifty. Read the Danish way, either would be a figure a thousand
// times off, silently.
#pragma once

#include "core/diagnostics.hpp"
#include "core/text_file.hpp"
#include "input/csv_reader.hpp"
#include "model/document.hpp"

namespace boardpack::input {

// In a file separated by ",", each number the two notations read differently (calc::two_readings:
// "1.250", "-1.250 kr.", "2,375") is an error at its cell, saying how to write what is meant. The
// table's rows are the CSV's, typed (read_table's fill_rows); a file separated by ";" is read the
// Danish way and has no such numbers.
void report_two_readings(const CsvData& csv, const model::Table& table, const TextFile& text, Diagnostics& diags);

// In a file separated by ",", a number written with an unquoted decimal comma ("12,5") splits
// into two fields; where the field after it is the table's last, or every row splits, the row
// keeps its field count and "12" is read under one heading and "5" under the next ("Note") in
// silence. A column of whole numbers followed by one of bare digits (1-3) that is empty where
// the number before it is whole ("100,") is a warning at the first such digits.
void report_split_decimals(const CsvData& csv, const model::Table& table, const TextFile& text, Diagnostics& diags);

}  // namespace boardpack::input

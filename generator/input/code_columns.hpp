// Columns of codes and years: a postcode, a CVR number or the year a hospital opened is written
// with digits but is no amount. Printed with a thousands point ("2.100", "1.910") it would be
// misread, and added into a total it would be a figure that means nothing. A column whose heading
// names an identifier or a year holds codes: printed as written, never computed with.
#pragma once

#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/text_file.hpp"
#include "input/csv_reader.hpp"
#include "model/count_headings.hpp"
#include "model/document.hpp"

namespace boardpack::input {

enum class CodeHeading {
    None,
    // A word of the heading ends in "nr." or "nummer" (Postnr., CVR-nr., P-nr., Journalnr.,
    // Sagsnummer), ends in "kode" (Kode, Kommunekode), or is CVR, EAN or ID.
    Identifier,
    // A word of the heading is "år" or "årstal" or ends in it (År, Åbnet år, Byggeår, Årstal).
    Year,
};

// What a column heading names. A heading that counts, gives a rate or names an amount unit
// ("Antal år", "Udgift pr. år", "Beløb (kr.)": a word "antal", "pr.", "per", "kr.", "mio.",
// "mia.", "pct.", "%" or "procent") names neither; nor does a year heading with a number in it
// ("Budget år 2024": that year's figures).
CodeHeading code_heading(std::string_view heading);

// Whether a heading names a count: model/count_headings.hpp (calc asks it too).
using model::CountHeading;
using model::count_heading;
using model::count_heading_of;
using model::whole_count_heading;

// Per column of the CSV (the label column is never one): true for a column of codes. A column
// whose heading names an identifier holds codes; one whose heading names a year holds years when
// every number in it is written as four digits from 1000 to 2999 without a thousands point
// ("Åbnet år" over 1910 and 2019), so that "Mandeår" over 12,5 is no column of years.
std::vector<bool> code_columns(const CsvData& csv);

// Per row of the CSV (index 0, the header, is never one): true for a row of codes, by its label
// as code_columns judges a heading: "Opgørelsesår" over 2019 and 2019 in a table whose rows are
// measures, printed as written and never added up across its columns.
std::vector<bool> code_rows(const CsvData& csv);

// The cell of a column of codes: its text as written; empty, "-" and "Ikke oplyst" as in any
// column (classify_cell).
model::Cell code_cell(const std::string& text, const SourceLoc& loc);

// A column whose numbers from 1.000 up (whole, without a unit) are all written without a
// thousands point, in a table where another column writes them with one ("2100" beside
// "1.100"), may be codes or years under a heading that does not say so: a warning at its first
// such cell, once a column. `codes` as code_columns gives it; the table's rows are the CSV's.
void report_unpointed_columns(const CsvData& csv, const model::Table& table, const std::vector<bool>& codes,
                              const TextFile& text, Diagnostics& diags);

// True if the number as written ("1.250", "-12.500 kr.") groups its thousands with a point or
// a space.
bool written_grouped(std::string_view text);

}  // namespace boardpack::input

// Reads CSV as Excel writes it in Denmark (UTF-8 with or without BOM, ";" or ",", quoted fields
// with separators and line breaks, CRLF), keeping each field's line and column for messages.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/text_file.hpp"

namespace boardpack::input {

struct CsvField {
    std::string text;
    int line = 0;    // where the field starts
    int column = 0;
    bool quoted = false;  // written in double quotes
};

struct CsvRow {
    std::vector<CsvField> fields;
    int line = 0;
};

struct CsvData {
    char separator = ';';
    std::vector<CsvRow> rows;  // rows[0] is the header
};

// Largest table boardpack reads (documented in the README): 2.000 rows below the header (some
// 60 pages), 30 columns (more than fit across an A4 page). A meeting's tables together hold
// at most kMaxMeetingTableCells cells (core/text_file.hpp).
inline constexpr size_t kMaxCsvRows = 2000;
inline constexpr size_t kMaxCsvColumns = 30;

// Parses the file; every row must have as many fields as the header (trailing empty fields
// beyond it are allowed). Problems are reported with file, line and column; nullopt if any.
std::optional<CsvData> read_csv(const TextFile& file, Diagnostics& diags);

}  // namespace boardpack::input

// A ```tabel block in the Markdown: reads its keys and its CSV file into a model table.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/input_files.hpp"
#include "core/key_values.hpp"
#include "model/document.hpp"

namespace boardpack::input {

// A table block as written, before its CSV is read.
struct TableBlock {
    SourceLoc loc;                 // the opening fence
    std::vector<KeyValue> keys;    // the block's key: value lines
};

// The keys a ```tabel block may hold.
const std::vector<KeySpec>& table_keys();

// The "mangler:" key of a table or beregning block: true for "videre" ("-" passes on into what
// is computed from it), false for "fejl" (the default; an error names the input cell).
bool read_missing_passes(const KeyValue& kv, Diagnostics& diags);

// Reads the block's keys and its CSV (relative to `folder`). Returns nullopt after reporting.
std::optional<model::Table> read_table(const TableBlock& block, const std::string& folder,
                                       const InputFiles& files, Diagnostics& diags);

// Types one CSV field: number, "-", "Ikke oplyst", empty or text. A trailing footnote marker
// ("166 *") is kept in the printed text, and so is a unit as Excel writes it ("73 %",
// "3.400.000 kr."), which is also kept in Cell::unit. A number written the English way ("2.5", "1100.001")
// is reported at its cell, since as text it would silently drop out of the calculations.
// The cells that hold no figure, typed alike in every column: empty, "-" and "Ikke oplyst" (with
// a footnote marker kept); nullopt for any other text.
std::optional<model::Cell> classify_no_figure(const std::string& text, const SourceLoc& loc);

// `comma_separated`: the file separates its fields by ",", where a decimal comma must be quoted,
// as the message about "2.5" says.
model::Cell classify_cell(const std::string& text, const SourceLoc& loc, Diagnostics& diags,
                          std::string_view source_line = {}, bool comma_separated = false);

}  // namespace boardpack::input

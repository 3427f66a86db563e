#include "input/comma_numbers.hpp"

#include "core/messages.hpp"
#include "core/text.hpp"
#include "numbers/danish_number.hpp"
#include "numbers/footnote_marks.hpp"

namespace boardpack::input {

void report_two_readings(const CsvData& csv, const model::Table& table, const TextFile& text, Diagnostics& diags) {
    if (csv.separator != ',') return;
    for (size_t r = 1; r < csv.rows.size(); ++r) {
        for (size_t k = 1; k < table.header.size(); ++k) {
            const model::Cell& c = table.rows[r - 1].cells[k];
            if (c.kind != model::Cell::Kind::Number) continue;
            // The value as written, without a footnote marker after it.
            const std::string_view t = calc::without_footnote_marks(csv.rows[r].fields[k].text);
            const auto two = calc::two_readings(t);
            if (!two) continue;
            const std::string whole = calc::format_danish_cell(two->whole);
            const std::string decimal = calc::format_danish_cell(two->decimal);
            if (two->decimal_written.empty())
                diags.error(c.loc,
                            fmt(_("{0} could be {1} or {2}: files separated by \",\" are often written the English way, "
                                  "with \".\" as the decimal point and \",\" grouping thousands; write {3} for {1}; for {2}, "
                                  "separate the fields by \";\" as Danish Excel does (\"CSV (semikolonsepareret)\"): such a "
                                  "file is read the Danish way"),
                                quote_text(t), whole, decimal, two->whole_written),
                            std::string(text.line_view(c.loc.line)));
            else
                diags.error(c.loc,
                            fmt(_("{0} could be {1} or {2}: files separated by \",\" are often written the English way, "
                                  "with \".\" as the decimal point and \",\" grouping thousands; write {3} for {1} or {4} "
                                  "for {2}, or separate the fields by \";\" as Danish Excel does (\"CSV "
                                  "(semikolonsepareret)\"): such a file is read the Danish way"),
                                quote_text(t), whole, decimal, two->whole_written,
                                two->decimal_written.find(',') == std::string::npos ? two->decimal_written
                                                                                     : "\"" + two->decimal_written + "\""),
                            std::string(text.line_view(c.loc.line)));
        }
    }
}

namespace {

// One to three digits and nothing else: what an unquoted decimal comma leaves after it.
bool digits_only(std::string_view t) {
    t = trim(t);
    return !t.empty() && t.size() <= 3 && t.find_first_not_of("0123456789") == std::string_view::npos;
}

// A column whose every other figure has the same decimals (in quotes, as a "," file must write
// them), and in one row a whole number, unquoted, followed by as many bare digits in the next
// field: "Drift,12,5" typed by hand beside "12,5" and "1,5" keeps the row's number of fields,
// and 12 is read under "2023" and 5 under "2024" in silence. A warning at the whole number.
void report_split_in_decimal_column(const CsvData& csv, const model::Table& table, const TextFile& text, Diagnostics& diags) {
    for (size_t k = 1; k + 1 < table.header.size(); ++k) {
        int decimals = -1;  // the other figures' decimals, all alike; 0 when they differ or are whole
        std::vector<size_t> suspects;
        for (size_t r = 1; r < csv.rows.size() && r - 1 < table.rows.size(); ++r) {
            const model::TableRow& row = table.rows[r - 1];
            if (k + 1 >= row.cells.size() || k + 1 >= csv.rows[r].fields.size()) continue;
            const model::Cell& number = row.cells[k];
            if (number.kind != model::Cell::Kind::Number) continue;
            const CsvField& field = csv.rows[r].fields[k];
            const CsvField& after = csv.rows[r].fields[k + 1];
            if (number.decimals == 0 && number.unit.empty() && !field.quoted && !after.quoted &&
                trim(field.text).find_first_not_of("0123456789") == std::string_view::npos && digits_only(after.text)) {
                suspects.push_back(r);
                continue;
            }
            decimals = decimals == -1 || decimals == number.decimals ? number.decimals : 0;
        }
        if (decimals <= 0) continue;
        for (const size_t r : suspects) {
            const std::string_view whole = trim(csv.rows[r].fields[k].text), after = trim(csv.rows[r].fields[k + 1].text);
            if (after.size() != static_cast<size_t>(decimals)) continue;
            const model::Cell& cell = table.rows[r - 1].cells[k];
            const std::string one = std::string(whole) + "," + std::string(after);
            const std::string written = fmt(tr_n("with {} decimal", "with {} decimals", static_cast<unsigned long>(decimals)), decimals);
            diags.warning(cell.loc,
                          fmt(_("{0} under {1} and {2} under {3} may be one number, {4}, split in two by an unquoted "
                                "decimal comma: the other figures under {1} are written {5}, in double quotes; if it is one number, write \"{4}\"; if they are two figures, write each in "
                                "double quotes (\"{0}\",\"{2}\"), or separate the fields by \";\" as Danish Excel does "
                                "(\"CSV (semikolonsepareret)\")"),
                              std::string(whole), quote_text(table.header[k]), std::string(after), quote_text(table.header[k + 1]),
                              one, written),
                          std::string(text.line_view(cell.loc.line)));
        }
    }
}

}  // namespace

void report_split_decimals(const CsvData& csv, const model::Table& table, const TextFile& text, Diagnostics& diags) {
    if (csv.separator != ',' || table.header.size() < 3) return;
    report_split_in_decimal_column(csv, table, text, diags);
    for (size_t k = 1; k + 1 < table.header.size(); ++k) {
        // Only a column that holds no figures of its own where nothing splits into it: a note, a
        // code or a reference ("Note", "Kontonr."). Under a heading of figures ("Dødsfald",
        // "2024") a number is one, and a missing one is empty (a probe's deaths of 12 and 7).
        const std::string heading = " " + fold_label(table.header[k + 1]);
        bool notes = false;
        for (const char* word : {" note", " noter", " fodnote", " bemærk", " kommentar", " konto", " kto", " kode", " nr",
                                 " id", " kilde", " ref", " henvisning", " kontonr", " løbenr", " journal"})
            notes = notes || heading.find(word) != std::string::npos;
        if (!notes) continue;
        // Column k whole numbers; column k + 1 bare digits where k has a number, and empty at least
        // once where k has one (a whole number leaves "100," and nothing after it).
        const model::Cell* first = nullptr;
        const model::Cell* whole = nullptr;
        size_t r_first = 0;
        bool plain = true;
        for (size_t r = 1; r < csv.rows.size() && plain && r - 1 < table.rows.size(); ++r) {
            const model::TableRow& row = table.rows[r - 1];
            if (k + 1 >= row.cells.size() || k + 1 >= csv.rows[r].fields.size()) {
                plain = false;
                break;
            }
            const model::Cell& number = row.cells[k];
            const CsvField& after = csv.rows[r].fields[k + 1];
            if (number.kind == model::Cell::Kind::Empty) continue;
            if (number.kind != model::Cell::Kind::Number || number.decimals != 0 || !number.unit.empty() ||
                csv.rows[r].fields[k].quoted || after.quoted) {
                plain = false;
            } else if (trim(after.text).empty()) {
                whole = whole ? whole : &number;
            } else if (digits_only(after.text)) {
                if (!first) {
                    first = &row.cells[k + 1];
                    r_first = r;
                }
            } else {
                plain = false;
            }
        }
        if (!plain || !first || !whole) continue;
        const std::string one = std::string(trim(csv.rows[r_first].fields[k].text)) + "," +
                                std::string(trim(csv.rows[r_first].fields[k + 1].text));
        diags.warning(first->loc,
                      fmt(_("{0} under {1} may be the decimals of the number before it: in a file separated by \",\", "
                            "{2} splits in two unless it is quoted, and a whole number leaves {1} empty (as {3} does); "
                            "if it is one number, write it in double quotes, \"{2}\"; if they are two figures, separate "
                            "the fields by \";\" as Danish Excel does (\"CSV (semikolonsepareret)\")"),
                          quote_text(trim(csv.rows[r_first].fields[k + 1].text)), quote_text(table.header[k + 1]), one,
                          quote_text(whole->text)),
                      std::string(text.line_view(first->loc.line)));
    }
}

}  // namespace boardpack::input

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

void report_split_decimals(const CsvData& csv, const model::Table& table, const TextFile& text, Diagnostics& diags) {
    if (csv.separator != ',' || table.header.size() < 3) return;
    const auto digits_only = [](std::string_view t) {
        t = trim(t);
        return !t.empty() && t.size() <= 3 && t.find_first_not_of("0123456789") == std::string_view::npos;
    };
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

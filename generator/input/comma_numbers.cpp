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

}  // namespace boardpack::input

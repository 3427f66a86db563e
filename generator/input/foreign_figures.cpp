#include "input/foreign_figures.hpp"

#include "core/messages.hpp"
#include "core/text.hpp"
#include "numbers/danish_number.hpp"

namespace boardpack::input {

namespace {

bool has_digit(std::string_view s) {
    for (char c : s)
        if (c >= '0' && c <= '9') return true;
    return false;
}

}  // namespace

bool english_grouped(std::string_view t) {
    // "1,234.56 kr.": a unit after it makes the number no less English.
    t = calc::without_unit(t);
    if (!t.empty() && (t[0] == '-' || t[0] == '+')) t.remove_prefix(1);
    const size_t dot = t.find('.');
    const std::string_view whole = t.substr(0, dot), decimals = dot == std::string_view::npos ? "" : t.substr(dot + 1);
    if (dot != std::string_view::npos && decimals.empty()) return false;
    for (char c : decimals)
        if (c < '0' || c > '9') return false;
    // Groups: 1-3 digits, then ",ddd" at least once; two of them, or one and decimals.
    size_t commas = 0, run = 0;
    for (size_t i = 0; i < whole.size(); ++i) {
        const char c = whole[i];
        if (c == ',') {
            if (run == 0 || run > 3 || (commas > 0 && run != 3)) return false;
            ++commas;
            run = 0;
        } else if (c >= '0' && c <= '9') {
            ++run;
        } else {
            return false;
        }
    }
    return commas > 0 && run == 3 && (commas >= 2 || dot != std::string_view::npos);
}

std::string foreign_figure(std::string_view t) {
    if (english_grouped(t)) {
        // The marks swapped in the number only: the unit after it ("kr.") keeps its point.
        const std::string_view number = calc::without_unit(t);
        std::string danish(number);
        for (char& c : danish) c = c == ',' ? '.' : (c == '.' ? ',' : c);
        danish += t.substr(number.data() - t.data() + number.size());
        return fmt(_("{} is written the English way, with \",\" grouping thousands; write it the Danish way, {}, or "
                     "export the file with Danish number settings"),
                   quote_text(t), quote_text(danish));
    }
    // "(400)", and "(1.234) kr." with the unit Excel's accounting format writes after it.
    if (const std::string_view number = calc::without_unit(t);
        number.size() >= 3 && number.front() == '(' && number.back() == ')') {
        const std::string_view inner = number.substr(1, number.size() - 2);
        const std::string_view unit = t.substr(number.data() - t.data() + number.size());
        if (has_digit(inner) && calc::read_danish_cell(inner))
            return fmt(_("{} is a negative number written in parentheses, as accounts write it; write it {}"),
                       quote_text(t), quote_text("-" + std::string(inner) + std::string(unit)));
    }
    // "kr. 1.250,00" or "DKK 1.250": a currency format that writes the unit first, which no
    // cell is read with; a column of them would be text a sum row passes over.
    for (std::string_view unit : {"kr.", "kr", "DKK", "dkk"})
        if (starts_with(t, unit) && t.size() > unit.size() && (t[unit.size()] == ' ' || (unit == "kr." && t[unit.size()] >= '0' && t[unit.size()] <= '9'))) {
            const std::string_view inner = trim(t.substr(unit.size()));
            if (has_digit(inner) && calc::read_danish_number(inner))
                return fmt(_("{} has its currency before the number, which a cell is not read with; write it {}, or the "
                             "unit in the column's heading"),
                           quote_text(t), quote_text(std::string(inner) + " kr."));
        }
    // "÷ 1.234" or "÷1.234": the division sign Danish accounts write for minus.
    if (starts_with(t, "\xC3\xB7")) {
        const std::string_view inner = trim(t.substr(2));
        if (has_digit(inner) && calc::read_danish_cell(inner))
            return fmt(_("{} is a negative number written with \"÷\" for minus, as accounts write it; write it {}"),
                       quote_text(t), quote_text("-" + std::string(inner)));
    }
    if (t.size() >= 2 && t.back() == '-') {
        std::string_view inner = t.substr(0, t.size() - 1);
        while (!inner.empty() && inner.back() == ' ') inner.remove_suffix(1);
        // A year with a dash after it ("2023-", from 2023 on) is a period, not a negative number.
        const bool year = inner.size() == 4 && (inner.substr(0, 2) == "19" || inner.substr(0, 2) == "20") &&
                          inner.find_first_not_of("0123456789") == std::string_view::npos;
        if (!year && has_digit(inner) && calc::read_danish_cell(inner))
            return fmt(_("{} is a negative number with its minus after it; write it {}"), quote_text(t),
                       quote_text("-" + std::string(inner)));
    }
    if (t.size() >= 2 && t.front() == '#') {
        // "####" for a column too narrow to show its number, and Excel's error values, in English
        // and Danish (#VÆRDI!, #NAVN?, #I/T).
        const std::string folded = fold_label(t);
        bool hashes = true;
        for (char c : t) hashes = hashes && c == '#';
        if (hashes)
            return fmt(_("{} is what a spreadsheet shows for a number too wide for its column, not a figure; widen the "
                         "column and export the CSV again"),
                       quote_text(t));
        if (folded.back() == '!' || folded.back() == '?' || folded == "#n/a" || folded == "#i/t" ||
            folded == "#getting_data")
            return fmt(_("{} is an error value from the spreadsheet, not a figure; correct the formula there and "
                         "export the CSV again"),
                       quote_text(t));
    }
    // 1,2E+06 or 1.2e-3: a number in scientific notation.
    const size_t e = t.find_first_of("eE");
    if (e != std::string_view::npos && e > 0 && e + 1 < t.size()) {
        std::string_view mantissa = t.substr(0, e), exponent = t.substr(e + 1);
        if (exponent.front() == '+' || exponent.front() == '-') exponent.remove_prefix(1);
        bool digits = !exponent.empty();
        for (char c : exponent) digits = digits && c >= '0' && c <= '9';
        bool number = has_digit(mantissa);
        for (char c : mantissa) number = number && ((c >= '0' && c <= '9') || c == ',' || c == '.' || c == '-');
        if (digits && number)
            return fmt(_("{} is a number in scientific notation, which spreadsheets show for very large or small "
                         "numbers; write the number out in full (format the column as a number before exporting)"),
                       quote_text(t));
    }
    return "";
}

}  // namespace boardpack::input

#include "input/code_columns.hpp"

#include <algorithm>

#include "core/messages.hpp"
#include "core/text.hpp"
#include "input/table_reader.hpp"
#include "model/count_headings.hpp"
#include "numbers/danish_number.hpp"
#include "numbers/footnote_marks.hpp"

namespace boardpack::input {

using model::heading_words;

namespace {

bool ends_with(std::string_view s, std::string_view end) {
    return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A number as a year is written: four digits from 1000 to 2999, no point, no unit.
bool written_as_year(std::string_view t) {
    return t.size() == 4 && (t[0] == '1' || t[0] == '2') && is_digit(t[1]) && is_digit(t[2]) && is_digit(t[3]);
}

// A word that ends in "år" but names no year: a period within or of a year ("Første halvår",
// "Helår", "Forår"), a count of person-years or life years ("Elevår", "Mandeår", "Vundne leveår"),
// wounds counted ("Tryksår", "Bensår"), and a budget's columns of amounts ("Budgetår",
// "Overslagsår"). Their whole figures from 1.000 to 2.999 (1250, 1300) are not years:
// taken as years, they printed as such and a sum row left their cell empty, without a word.
bool names_no_year(std::string_view w) {
    for (const std::string_view whole : {"s\xC3\xA5r"})  // "sår"
        if (w == whole) return true;
    for (const std::string_view tail : {"halv\xC3\xA5r", "hel\xC3\xA5r", "mand\xC3\xA5r", "mande\xC3\xA5r", "person\xC3\xA5r",
                                        "elev\xC3\xA5r", "leve\xC3\xA5r", "patient\xC3\xA5r", "kursist\xC3\xA5r",
                                        "studenter\xC3\xA5r", "tryks\xC3\xA5r", "ligges\xC3\xA5r", "bens\xC3\xA5r",
                                        "budget\xC3\xA5r", "overslags\xC3\xA5r", "for\xC3\xA5r", "efter\xC3\xA5r"})
        if (ends_with(w, tail)) return true;
    return false;
}

// The field's value without a footnote marker after it.
std::string_view value_of(std::string_view text) { return calc::without_footnote_marks(text); }

}  // namespace

CodeHeading code_heading(std::string_view heading) {
    std::string folded;
    const std::vector<std::string_view> words = heading_words(heading, folded);
    // A count, a rate or an amount: "Antal år", "Udgift pr. år", "Beløb (kr.)", "I alt (mio. kr.)".
    for (const std::string_view w : words)
        if (w == "antal" || w == "pr" || w == "per" || ends_with(w, "kr") || w == "mio" || w == "mia" || w == "pct" ||
            w == "%" || w == "procent")
            return CodeHeading::None;
    // "Kommune nr. 20", "Afdeling nr. 3": a name with its number, not a column or row of codes (a
    // probe: a table of municipalities so labelled printed every figure as a code, unaligned).
    for (size_t i = 0; i + 1 < words.size(); ++i)
        if ((words[i] == "nr" || words[i] == "nummer" || words[i] == "no") &&
            words[i + 1].find_first_not_of("0123456789.") == std::string_view::npos)
            return CodeHeading::None;
    for (const std::string_view w : words)
        if (ends_with(w, "nr") || ends_with(w, "nummer") || ends_with(w, "kode") || w == "cvr" || w == "ean" || w == "id" ||
            ends_with(w, "konto") || w == "note" || w == "noter" || w == "fodnote" ||  // an account's number, a note's
            // As ERP and registry exports head them (a probe: "Artskonto" 1100 and 2200 added up to 3.300):
            // "Kto.", "No.", cost centres and places of responsibility, SOR, GLN, PSP, SHAK codes.
            w == "kto" || w == "no" || w == "sor" || w == "gln" || w == "psp" || w == "shak" || w == "cpr" ||
            w == "kostcenter" || w == "omkostningscenter" || w == "costcenter" || w == "omkostningssted" ||
            w == "ansvarssted" || w == "ansvarscenter" || w == "profitcenter")
            return CodeHeading::Identifier;
    // A heading that names a particular year ("År 2024", "Budget år 2024") heads that year's figures.
    // "i år", "sidste år", "næste år" say when, not which year: "Forbrug i år" heads amounts (a
    // probe's 2100, 1350 and 1500 were printed as years and left out of the sum).
    const auto when = [&](size_t i) {
        if (i == 0 || words[i] != "\xC3\xA5r") return false;
        const std::string_view before = words[i - 1];
        return before == "i" || before == "sidste" || before == "n\xC3\xA6ste" || before == "forrige" || before == "hvert" ||
               before == "samme" || before == "dette" || before == "sidst" || before == "foreg\xC3\xA5" "ende" ||
               before == "indev\xC3\xA6rende" || before == "tidligere" || before == "kommende" || before == "seneste";
    };
    bool year = false;
    for (size_t i = 0; i < words.size(); ++i) {
        const std::string_view w = words[i];
        if (std::all_of(w.begin(), w.end(), is_digit)) return CodeHeading::None;
        if ((ends_with(w, "\xC3\xA5r") && !when(i) && !names_no_year(w)) || ends_with(w, "\xC3\xA5rstal")) year = true;
    }
    return year ? CodeHeading::Year : CodeHeading::None;
}

std::vector<bool> code_columns(const CsvData& csv) {
    const std::vector<CsvField>& header = csv.rows[0].fields;
    std::vector<bool> codes(header.size(), false);
    for (size_t k = 1; k < header.size(); ++k) {
        const CodeHeading named = code_heading(header[k].text);
        if (named == CodeHeading::Identifier) {
            codes[k] = true;
        } else if (named == CodeHeading::Year) {
            bool years = true;
            for (size_t r = 1; r < csv.rows.size() && years; ++r) {
                const std::string_view t = value_of(csv.rows[r].fields[k].text);
                if (calc::read_danish_cell(t) && !written_as_year(t)) years = false;
            }
            codes[k] = years;
        }
    }
    return codes;
}

std::vector<bool> code_rows(const CsvData& csv) {
    std::vector<bool> codes(csv.rows.size(), false);
    for (size_t r = 1; r < csv.rows.size(); ++r) {
        const std::vector<CsvField>& fields = csv.rows[r].fields;
        if (fields.empty()) continue;
        const CodeHeading named = code_heading(fields[0].text);
        if (named == CodeHeading::Identifier) {
            codes[r] = true;
        } else if (named == CodeHeading::Year) {
            bool years = true;
            for (size_t k = 1; k < fields.size() && years; ++k) {
                const std::string_view t = value_of(fields[k].text);
                if (calc::read_danish_cell(t) && !written_as_year(t)) years = false;
            }
            codes[r] = years;
        }
    }
    return codes;
}

model::Cell code_cell(const std::string& text, const SourceLoc& loc) {
    if (auto c = classify_no_figure(text, loc)) return std::move(*c);
    model::Cell c;
    c.kind = model::Cell::Kind::Text;
    c.text = std::string(trim(text));
    c.loc = loc;
    c.code = true;
    return c;
}

bool written_grouped(std::string_view t) {
    t = trim(t);
    if (const size_t sign = t.starts_with('+') ? 1 : calc::minus_sign_size(t)) t = trim(t.substr(sign));
    bool digits = false;
    for (size_t i = 0; i < t.size();) {
        if (is_digit(t[i])) {
            digits = true;
            ++i;
            continue;
        }
        size_t sep = 0;
        if (t[i] == '.' || t[i] == ' ') sep = 1;
        else if (t.substr(i, 2) == "\xC2\xA0") sep = 2;
        else if (t.substr(i, 3) == "\xE2\x80\xAF") sep = 3;
        return digits && sep > 0 && i + sep < t.size() && is_digit(t[i + sep]);
    }
    return false;
}

void report_unpointed_columns(const CsvData& csv, const model::Table& table, const std::vector<bool>& codes,
                              const TextFile& text, Diagnostics& diags) {
    const size_t width = table.header.size();
    // Per column, the CSV row of its first whole number from 1.000 up written without a point,
    // and of its first written with one (0: none).
    std::vector<size_t> unpointed(width, 0), pointed(width, 0);
    const calc::Decimal thousand(1000, 0);
    for (size_t r = 1; r < csv.rows.size(); ++r) {
        for (size_t k = 1; k < width; ++k) {
            const model::Cell& c = table.rows[r - 1].cells[k];
            if (codes[k] || c.kind != model::Cell::Kind::Number || c.decimals != 0 || !c.unit.empty()) continue;
            const auto size = c.value.abs();
            if (!size || *size < thousand) continue;
            size_t& first = written_grouped(csv.rows[r].fields[k].text) ? pointed[k] : unpointed[k];
            if (!first) first = r;
        }
    }
    for (size_t k = 1; k < width; ++k) {
        if (!unpointed[k] || pointed[k]) continue;
        size_t other = 0;
        for (size_t j = 1; j < width && !other; ++j)
            if (j != k && pointed[j]) other = j;
        if (!other) continue;
        const model::Cell& c = table.rows[unpointed[k] - 1].cells[k];
        const CsvField& p = csv.rows[pointed[other]].fields[other];
        diags.warning(c.loc,
                      fmt(_("{0} in the column {1} is written without a thousands point, as every whole number from 1.000 up "
                            "in that column is, while the column {2} writes them with one ({3} at {4}:{5}:{6}): if the column "
                            "holds codes or years, give it a heading that says so (such as \"Postnr.\", \"Kode\", \"ID\" or "
                            "\"År\"), and they are printed as written and never added up; if they are amounts, write {7}"),
                          quote_text(value_of(csv.rows[unpointed[k]].fields[k].text)), quote_text(table.header[k]),
                          quote_text(table.header[other]), quote_text(value_of(p.text)), text.name, p.line, p.column,
                          calc::format_danish(c.value, 0)),
                      std::string(text.line_view(c.loc.line)));
    }
}

}  // namespace boardpack::input

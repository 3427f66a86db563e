#include "input/csv_reader.hpp"
#include "core/messages.hpp"

#include <csv.h>

#include <algorithm>

#include "core/text.hpp"

namespace boardpack::input {

namespace {

// The separator is decided by the first line: ";" if it has one outside quotes, else ",".
// An Excel "sep=X" first line names it explicitly and is skipped.
char detect_separator(std::string_view content, size_t* skip) {
    *skip = 0;
    // The first line ends at LF, CRLF or a CR alone (split_lines).
    size_t eol = content.find_first_of("\r\n");
    std::string_view first = content.substr(0, eol);
    if (eol != std::string_view::npos && content[eol] == '\r' && eol + 1 < content.size() && content[eol + 1] == '\n') ++eol;
    if (first.size() == 5 && first.substr(0, 4) == "sep=") {
        *skip = eol == std::string_view::npos ? content.size() : eol + 1;
        return first[4];
    }
    bool in_quotes = false;
    bool comma = false;
    for (char c : first) {
        if (c == '"') in_quotes = !in_quotes;
        else if (!in_quotes && c == ';') return ';';
        else if (!in_quotes && c == ',') comma = true;
    }
    return comma ? ',' : ';';
}

// State shared with libcsv's callbacks while it is fed the file, so every field's start
// position is known.
struct Reader {
    CsvData data;
    CsvRow current;
    int line = 1;  // position of the byte being fed when libcsv calls back
    int column = 1;
    int pending_line = 0;  // position of the first byte of the field being read
    int pending_column = 0;
    bool pending_quoted = false;
    int row_line = 0;
    // Set at the first field or row past a limit: reading stops there, before the rest of a
    // huge file is taken in.
    bool too_big = false;
    std::string too_big_why;
    int too_big_line = 0;
    int too_big_column = 0;
};

void on_field(void* s, size_t len, void* user) {
    auto* r = static_cast<Reader*>(user);
    CsvField f;
    f.text.assign(static_cast<const char*>(s ? s : ""), s ? len : 0);
    f.line = r->pending_line ? r->pending_line : r->line;
    f.column = r->pending_line ? r->pending_column : r->column;
    f.quoted = r->pending_line && r->pending_quoted;
    if (r->current.fields.empty()) r->current.line = f.line;
    r->pending_line = 0;
    if (r->too_big) return;
    // Fields past the limit are refused only when they hold something: Excel pads rows with
    // empty ones.
    if (r->current.fields.size() >= kMaxCsvColumns && !trim(f.text).empty()) {
        r->too_big = true;
        r->too_big_why = fmt(_("this row has more than {0} columns; the limit is {0} columns"), kMaxCsvColumns);
        r->too_big_line = f.line;
        r->too_big_column = f.column;
        return;
    }
    if (r->current.fields.size() < kMaxCsvColumns) r->current.fields.push_back(std::move(f));
}

void on_row(int, void* user) {
    auto* r = static_cast<Reader*>(user);
    if (r->too_big) return;
    if (r->data.rows.size() >= kMaxCsvRows + 1) {
        r->too_big = true;
        r->too_big_why = fmt(_("the table has more than {0} rows; the limit is {0} rows below the header"), kMaxCsvRows);
        r->too_big_line = r->current.line;
        r->too_big_column = 1;
        return;
    }
    r->data.rows.push_back(std::move(r->current));
    r->current = CsvRow{};
    // Most rows are as wide as the header: their fields are made room for once.
    r->current.fields.reserve(std::min(r->data.rows[0].fields.size(), kMaxCsvColumns));
    r->pending_line = 0;
}

// The position after the byte at `at`, at line:column. A line ends at LF, CRLF or a CR alone
// (split_lines): a file of classic Mac line ends has its rows on lines of their own.
void step(std::string_view content, size_t at, int& line, int& column) {
    const char c = content[at];
    if (c == '\n' || (c == '\r' && (at + 1 >= content.size() || content[at + 1] != '\n'))) {
        ++line;
        column = 1;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
        ++column;
    }
}

// Feeds the file to libcsv so every field's start is known: a piece at a time, each up to and
// including the next separator or line end, as libcsv calls back only at those bytes (one call a
// byte was some 140 instructions a byte). Before a piece is fed, its bytes are walked in order for
// the first that starts a field, as a call a byte would have seen them: nothing in the piece
// before its last byte can call back. Returns false after reporting malformed quotes or a quoted
// field that is never closed.
bool parse_bytes(const TextFile& file, size_t skip, csv_parser& p, Reader& r, Diagnostics& diags) {
    const std::string_view content = file.content;
    const char separator = r.data.separator;
    for (size_t i = skip; i < content.size() && !r.too_big;) {
        const int first_line = r.line, first_column = r.column;
        size_t end = i;
        bool callback = false;  // the piece ends at a separator or line end
        while (end < content.size()) {
            const char c = content[end];
            callback = c == separator || c == '\n' || c == '\r';
            // A field starts at its first byte that is not blank, nor a separator, nor a line end
            // that ends a row without fields.
            if (r.pending_line == 0 && c != ' ' && c != '\t' && !(callback && (c == separator || r.current.fields.empty()))) {
                r.pending_line = r.line;
                r.pending_column = r.column;
                r.pending_quoted = c == '"';
            }
            ++end;
            if (callback) break;  // at its position still, where libcsv calls back
            step(content, end - 1, r.line, r.column);
        }
        const size_t fed = csv_parse(&p, content.data() + i, end - i, on_field, on_row, &r);
        if (fed != end - i) {
            // The position of the byte libcsv refused.
            r.line = first_line;
            r.column = first_column;
            for (size_t k = i; k < i + fed; ++k) step(content, k, r.line, r.column);
            diags.error(file.loc(r.line, r.column),
                        fmt(_("malformed quotes: a field holding a quote, \"{}\" or a line break must be enclosed in double "
                              "quotes, and each quote inside it written twice (\"\")"), separator),
                        file.line_text(r.line));
            return false;
        }
        if (callback) step(content, end - 1, r.line, r.column);
        i = end;
    }
    if (!r.too_big && csv_fini(&p, on_field, on_row, &r) != 0) {
        // Where the field that is still open when the file ends began (for an unclosed quote).
        const int l = r.pending_line ? r.pending_line : r.line;
        const int col = r.pending_line ? r.pending_column : r.column;
        diags.error(file.loc(l, col), _("this quoted field is never closed: a \" is missing"), file.line_text(l));
        return false;
    }
    return true;
}

// Every row as wide as the header; extra fields are allowed only when empty (Excel pads).
void check_widths(const TextFile& file, CsvData& data, Diagnostics& diags) {
    const size_t width = data.rows[0].fields.size();
    // One field over rows of several: a title line above the header, as some exports write it.
    // Said once, at that line, rather than at every row below it.
    // So is a title Excel padded to the table's width ("Budget 2024 i 1.000 kr.;;"): one field
    // filled, above a line whose every field is.
    const auto filled = [](const CsvRow& row) {
        return static_cast<size_t>(std::count_if(row.fields.begin(), row.fields.end(),
                                                  [](const CsvField& f) { return !trim(f.text).empty(); }));
    };
    const bool padded_title = width > 1 && data.rows.size() > 1 && filled(data.rows[0]) == 1 &&
                              !trim(data.rows[0].fields[0].text).empty() && filled(data.rows[1]) > 1 &&
                              filled(data.rows[1]) == data.rows[1].fields.size();
    if ((width == 1 && data.rows.size() > 1 && data.rows[1].fields.size() > 1) || padded_title) {
        diags.error(file.loc(data.rows[0].line, 1),
                    fmt(_("the first line has one field and the line below it {}: if it is a title above the table, "
                          "remove it from the CSV (a table's title is its \"titel:\" in item.md); the first line must be "
                          "the header"),
                        padded_title ? filled(data.rows[1]) : data.rows[1].fields.size()),
                    file.line_text(data.rows[0].line));
        return;
    }
    for (CsvRow& row : data.rows) {
        if (row.fields.size() < width) {
            const CsvField& last = row.fields.back();
            diags.error(file.loc(row.line, last.column),
                        fmt(_("this row has {} fields, the header has {} (fields are separated by \"{}\")"),
                            row.fields.size(), width, data.separator),
                        file.line_text(row.line));
            continue;
        }
        for (size_t k = width; k < row.fields.size(); ++k) {
            if (!trim(row.fields[k].text).empty()) {
                diags.error(file.loc(row.fields[k].line, row.fields[k].column),
                            fmt(_("this row has {} fields, the header has {}"), row.fields.size(), width),
                            file.line_text(row.fields[k].line));
                break;
            }
        }
        row.fields.resize(width);
    }
}

// What a separator other than the one the first line decided leaves behind, with the rows as wide
// as the header: a tab-separated file read at its commas, a title line without ";" above a ";"
// table, a trailing "," in the header under which 12,5 splits in two. Each would move figures
// into other columns, silently. `named`: an Excel "sep=" line named the separator.
void check_separator_fit(const TextFile& file, const CsvData& data, bool named, Diagnostics& diags) {
    const CsvRow& header = data.rows[0];
    for (const CsvRow& row : data.rows) {
        for (size_t k = 0; k < row.fields.size(); ++k) {
            const CsvField& f = row.fields[k];
            const SourceLoc at = file.loc(f.line, f.column);
            // (A tab before or after the field's text is only spacing.)
            if (!f.quoted && trim(f.text).find('\t') != std::string_view::npos) {
                diags.error(at, _("this field holds a tab: is the file separated by tabs? boardpack reads CSV files "
                                  "separated by \";\" or \",\" (in Excel: save as \"CSV (semikolonsepareret)\")"),
                            file.line_text(f.line));
                return;
            }
            if (!f.quoted && !named && data.separator == ',' && f.text.find(';') != std::string::npos) {
                diags.error(at, _("this field holds \";\", but the file's fields are taken as separated by \",\" (its "
                                  "first line has no \";\"): if they are separated by \";\", the first line must be the "
                                  "header row, with no title line above it; a \";\" meant as text goes in double quotes"),
                            file.line_text(f.line));
                return;
            }
            if (k > 0 && &row != &header && trim(header.fields[k].text).empty() && !trim(f.text).empty()) {
                diags.error(at, fmt(_("column {} has no heading in the first line, but this row holds {} in it: give the "
                                      "column a heading (a number with a decimal comma in a file separated by \",\" "
                                      "must be in double quotes, \"12,5\")"),
                                    k + 1, quote_text(f.text)),
                            file.line_text(f.line));
                return;
            }
        }
    }
}

}  // namespace

std::optional<CsvData> read_csv(const TextFile& file, Diagnostics& diags) {
    size_t skip = 0;
    Reader r;
    r.data.separator = detect_separator(file.content, &skip);
    if (skip) r.line = 2;

    csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
        diags.error(file.loc(0), _("out of memory while reading CSV"));
        return std::nullopt;
    }
    csv_set_delim(&p, static_cast<unsigned char>(r.data.separator));
    const int errors_before = diags.error_count();
    const bool parsed = parse_bytes(file, skip, p, r, diags);
    csv_free(&p);
    if (!parsed) return std::nullopt;
    if (r.too_big) {
        diags.error(file.loc(r.too_big_line, r.too_big_column), r.too_big_why,
                    std::string(file.line_view(r.too_big_line)));
        return std::nullopt;
    }
    if (r.data.rows.empty()) {
        diags.error(file.loc(1), _("the CSV file has no rows"));
        return std::nullopt;
    }
    check_widths(file, r.data, diags);
    if (diags.error_count() > errors_before) return std::nullopt;
    check_separator_fit(file, r.data, skip != 0, diags);
    if (diags.error_count() > errors_before) return std::nullopt;
    return std::move(r.data);
}

}  // namespace boardpack::input

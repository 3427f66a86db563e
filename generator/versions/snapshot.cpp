#include "versions/snapshot.hpp"

#include "numbers/amount_units.hpp"
#include "numbers/danish_number.hpp"
#include "core/fingerprint.hpp"
#include "core/messages.hpp"
#include "core/text.hpp"
#include "core/word_bytes.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <utility>

namespace boardpack::versions {

namespace {

constexpr const char* kFirstLine = "boardpack snapshot 1";
// In memory a quoted figure stands between these two bytes; the file writes them as \{ and \}.
constexpr char kOpen = '\x01';
constexpr char kClose = '\x02';

// How formulas name rows and columns: case and spacing aside, and a trailing ":" or "*".
std::string key(const std::string& label) {
    std::string out;
    for (char c : label) {
        if (c == ' ' || c == '\t') {
            if (!out.empty() && out.back() != ' ') out += ' ';
            continue;
        }
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    while (!out.empty() && (out.back() == ' ' || out.back() == ':' || out.back() == '*')) out.pop_back();
    return out;
}

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

std::string iso(const model::Date& d) {
    if (d.year == 0) return "";
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

// A text with its quoted figures' marks taken out: the words as printed.
std::string unquoted(std::string_view text) {
    std::string out;
    for (char c : text)
        if (c != kOpen && c != kClose) out += c;
    return out;
}

// Collects a block's words and quoted figures.
struct TextBuilder {
    std::string text;
    std::vector<std::string> expressions;
    std::vector<model::Inline*> figures;
    // Each link to an address outside the packet: its words (in `text`) and its address.
    std::vector<std::pair<std::string, std::string>> links;
    const std::string* struck = nullptr;  // the mark after struck text (PrintedWords::struck)

    void add(std::vector<model::Inline>& inlines) {
        for (model::Inline& in : inlines) {
            switch (in.kind) {
                case model::Inline::Kind::Text:
                case model::Inline::Kind::Code: text += in.text; break;
                case model::Inline::Kind::SoftBreak:
                case model::Inline::Kind::LineBreak: text += ' '; break;
                case model::Inline::Kind::Figure:
                    text += kOpen;
                    text += in.text;
                    text += kClose;
                    expressions.push_back(in.expression());
                    figures.push_back(&in);
                    break;
                // Struck text reads as withdrawn ("~~50 mio. kr.~~"): its words are not the same
                // content struck or not. (Emphasis is how words read, not which: not recorded.)
                // Recorded as the words followed by the wording's mark ("50 mio. kr. (overstreget)"),
                // which a rettelsesblad then shows added or removed.
                case model::Inline::Kind::Strike:
                    add(in.children);
                    if (struck && !struck->empty()) text += " " + *struck;
                    break;
                case model::Inline::Kind::Link: {
                    const size_t from = text.size();
                    add(in.children);
                    const std::string& address = in.url();
                    if (!address.empty() && address[0] != '#') links.emplace_back(text.substr(from), address);
                    break;
                }
                default: add(in.children); break;
            }
        }
    }
};

class Taker {
public:
    Taker(Snapshot& s, model::AgendaItem& item, const PrintedWords& words) : s_(s), item_(item), words_(words) {}

    void blocks(std::vector<model::Block>& blocks, const std::string& section) {
        for (model::Block& b : blocks) block(b, section);
    }

private:
    // A figure's caption as printed: "Figur 1: ...".
    std::string caption(int number, const std::string& description) const {
        return fill_in(words_.figure, {{"nummer", std::to_string(number)}, {"titel", description}});
    }

    // The links `built` found in block b.
    void links(TextBuilder& built, const std::string& section, model::Block* b) {
        for (auto& [words, address] : built.links) s_.links.push_back({item_.number, section, std::move(words), std::move(address), b});
        built.links.clear();
    }

    void text(model::Block* b, const std::string& section, std::string words, TextBuilder* built = nullptr,
              const model::Table* table = nullptr) {
        TextEntry t;
        t.item = item_.number;
        t.section = section;
        t.block = b;
        t.table = table;
        if (built) {
            links(*built, section, b);
            t.text = std::move(built->text);
            t.expressions = std::move(built->expressions);
            t.figures = std::move(built->figures);
        } else {
            t.text = std::move(words);
        }
        s_.texts.push_back(std::move(t));
    }

    // A picture's caption as a text. A figure in its description is computed like one in a
    // paragraph (calc/meeting_calc): it is quoted like one too, so a corrected value is listed as
    // a figure under its cause, not as words changed. Without figures, its printed words alone
    // (as snapshots before quoted them: a caption of words is recorded as it was).
    void picture_text(model::Block& b, const std::string& section, const model::Image& image, const std::string& printed) {
        TextBuilder tb;  // no struck mark: the caption prints the description's words plain
        tb.add(b.inlines);
        const std::string_view words = trim(tb.text);
        // The description is these words with the figures in: should they ever differ, the words printed.
        if (tb.figures.empty() || unquoted(words) != image.description) {
            links(tb, section, &b);
            text(&b, section, printed);
            return;
        }
        tb.text = b.figure > 0 ? caption(b.figure, std::string(words)) : std::string(words);
        text(&b, section, "", &tb);
    }

    void block(model::Block& b, const std::string& section) {
        switch (b.kind) {
            case model::Block::Kind::Paragraph:
            case model::Block::Kind::Heading: {
                TextBuilder tb;
                tb.struck = &words_.struck;
                tb.add(b.inlines);
                text(&b, section, "", &tb);
                break;
            }
            case model::Block::Kind::BulletList: for (auto& entry : b.items) blocks(entry, section); break;
            case model::Block::Kind::OrderedList:
                // A list numbered from other than 1 prints its numbers ("5.", "6."): recorded in
                // front of each item's first text, so renumbering it is a change. (From 1 they are
                // not written, as snapshots before them did not.)
                for (size_t k = 0; k < b.items.size(); ++k) {
                    const size_t first = s_.texts.size();
                    blocks(b.items[k], section);
                    if (b.start != 1 && s_.texts.size() > first)
                        s_.texts[first].text.insert(0, std::to_string(b.start + static_cast<int>(k)) + ". ");
                }
                break;
            case model::Block::Kind::Quote: blocks(b.children, section); break;
            case model::Block::Kind::CodeBlock: text(&b, section, b.text); break;
            case model::Block::Kind::Rule: break;
            case model::Block::Kind::Table: {
                if (b.table < 0 || static_cast<size_t>(b.table) >= item_.tables.size()) break;
                const model::Table& t = item_.tables[b.table];
                text(nullptr, section, fill_in(words_.table, {{"nummer", std::to_string(t.number)}, {"titel", t.title}}), nullptr, &t);
                if (!t.source.empty()) text(nullptr, section, fill_in(words_.source, {{"kilde", t.source}}), nullptr, &t);
                for (const std::string& note : t.notes) text(nullptr, section, note, nullptr, &t);
                if (!t.rounding_note.empty()) text(nullptr, section, t.rounding_note, nullptr, &t);
                break;
            }
            // A figure's printed words: a picture's caption (and its file's fingerprint, apart),
            // a chart's caption, axis, unit and target (its values are the table cells above).
            case model::Block::Kind::Image: {
                if (b.image < 0 || static_cast<size_t>(b.image) >= item_.images.size()) break;
                const model::Image& image = item_.images[static_cast<size_t>(b.image)];
                std::string printed = b.figure > 0 ? caption(b.figure, image.description) : image.description;
                picture_text(b, section, image, printed);
                s_.pictures.push_back({item_.number, b.image, std::move(printed), image.bytes ? image.fingerprint : "",
                                       image.bytes ? image.read_fingerprint : ""});
                break;
            }
            case model::Block::Kind::Chart: {
                if (b.chart < 0 || static_cast<size_t>(b.chart) >= item_.charts.size()) break;
                const model::Chart& c = item_.charts[static_cast<size_t>(b.chart)];
                text(&b, section, caption(c.number, c.title));
                for (const std::string* words : {&c.axis, &c.unit, &c.target_label})
                    if (!words->empty()) text(nullptr, section, *words);
                s_.charts.push_back({item_.number, c.number, section, drawn(c)});
                break;
            }
        }
    }

    // What a chart draws, as words: "Søjler. Forløb: Nord 1.000, Midt 2.000. Mål 2.500 (Mål). Enhed: %".
    static std::string drawn(const model::Chart& c) {
        static const char* const kinds[] = {"Søjler", "Liggende søjler", "Linjer"};
        std::string out = kinds[static_cast<int>(c.kind)];
        if (c.stacked) out += ", stablet";
        out += ".";
        for (const model::ChartSeries& s : c.series) {
            out += " " + s.label + ":";
            for (size_t k = 0; k < c.categories.size() && k < s.printed.size(); ++k)
                out += (k ? ", " : " ") + c.categories[k] + " " + s.printed[k];
            out += ".";
        }
        if (c.target) out += " Mål " + c.target_written + (c.target_label.empty() ? "" : " (" + c.target_label + ")") + ".";
        if (!c.unit.empty()) out += " Enhed: " + c.unit;
        return out;
    }

    Snapshot& s_;
    model::AgendaItem& item_;
    const PrintedWords& words_;
};

// An input amount a table shows in a larger unit ("enhed: mio. kr."), whose printed text is
// not the figure as written: that figure, exact, in kr. (the unit the table computes amounts in).
std::string written_exactly(const model::Table& t, const model::Cell& cell, bool input) {
    if (!input || cell.kind != model::Cell::Kind::Number || cell.unitless || calc::kroner_per(t.unit) <= 1) return "";
    if (cell.unit == "%" || cell.unit == "pct." || cell.unit == "pct.-point") return "";
    std::string exact = calc::format_danish_exact(cell.value);
    // A count in such a table is printed as written.
    if (cell.text == exact || cell.text.rfind(exact + " ", 0) == 0) return "";
    return exact + " kr.";
}

// A computed cell's published figure that the packet does not print (outside its tolerance), as
// the CSV wrote it: in kr. where the table shows amounts in a larger unit; "" if there is none.
std::string published_aside(const model::Table& t, size_t r, size_t c, const model::Cell& cell) {
    for (const model::Table::PublishedAside& p : t.published_aside)
        if (p.row == r && p.column == c)
            return p.text + (calc::kroner_per(t.unit) > 1 && cell.unit.empty() && !cell.unitless ? " kr." : "");
    return "";
}

void take_tables(Snapshot& s, model::AgendaItem& item) {
    for (model::Table& t : item.tables) {
        s.tables.push_back({item.number, t.number, t.attachment, t.name, t.title, model::printed_unit(t),
                            t.header.empty() ? std::string() : t.header[0], true});
        for (size_t r = 0; r < t.rows.size(); ++r) {
            model::TableRow& row = t.rows[r];
            if (row.role == model::TableRow::Role::Spacer || row.cells.empty()) continue;
            for (size_t c = 1; c < row.cells.size(); ++c) {
                const model::Cell& cell = row.cells[c];
                CellEntry e;
                e.item = item.number;
                e.table = t.number;
                e.attachment = t.attachment;
                e.row = row.cells[0].text;
                e.column = c < t.header.size() ? t.header[c] : std::to_string(c + 1);
                e.text = cell.text;
                // The formula that computed the cell, as the calculation recorded it: a cell a
                // row formula's range leaves out (a target the CSV gives beside it) is the CSV's.
                const model::Formula* f =
                    cell.formula > 0 && cell.formula <= t.formulas.size() ? &t.formulas[cell.formula - 1] : nullptr;
                // A published figure kept within its formula's tolerance is the CSV's: correcting it
                // is an input change, as correcting any figure the CSV holds.
                e.input = f == nullptr || cell.kept_published;
                if (f) {
                    e.formula = (f->kind == model::Formula::Kind::Row ? "række: " : "kolonne: ") + f->target + " = " + f->expression;
                    e.options = f->options;
                }
                e.options_kept = true;
                e.written = written_exactly(t, cell, e.input);
                if (!e.input) e.written = published_aside(t, r, c, cell);
                e.cell = &row.cells[c];
                e.label = &row.cells[0];
                s.cells.push_back(std::move(e));
            }
        }
    }
}

// Appends a field escaped: \\ \t \n \r, and the figure marks as \{ \}. Most fields need no
// escape and are appended whole.
// Which bytes need an escape, looked up per byte: the snapshot is written on every build.
constexpr auto kSpecial = [] {
    std::array<bool, 256> t{};
    for (unsigned char c : {'\\', '\t', '\n', '\r', static_cast<char>(kOpen), static_cast<char>(kClose)}) t[c] = true;
    return t;
}();

// Eight bytes at a time where none is a control character or a backslash (every special byte
// is one): a snapshot is mostly plain text, and it is written on every build.
bool plain_word(const char* p) {
    const uint64_t w = word_bytes::at(p);
    return !word_bytes::has_byte_below(w, 0x20) && !word_bytes::has_byte(w, '\\');
}

// Where the first byte to escape is, from `at` on (in.size() if none): a word at a time, byte
// by byte only through a word that has a control character or a backslash, and through the
// last few bytes (most fields are a few bytes: a number, a name).
size_t next_special(std::string_view in, size_t at) {
    while (at < in.size()) {
        if (at + 8 <= in.size() && plain_word(in.data() + at)) {
            at += 8;
            continue;
        }
        for (const size_t end = std::min(in.size(), at + 8); at < end; ++at)
            if (kSpecial[static_cast<unsigned char>(in[at])]) return at;
    }
    return in.size();
}

void put(std::string& out, std::string_view in) {
    static_assert(kOpen < 0x20 && kClose < 0x20);
    size_t from = 0;
    for (size_t at = next_special(in, 0); at < in.size(); at = next_special(in, from)) {
        out.append(in.data() + from, at - from);
        switch (in[at]) {
            case '\\': out += "\\\\"; break;
            case '\t': out += "\\t"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case kOpen: out += "\\{"; break;
            default: out += "\\}"; break;
        }
        from = at + 1;
    }
    out.append(in.data() + from, in.size() - from);
}

bool unescape(const std::string& in, std::string* out) {
    out->clear();
    for (size_t i = 0; i < in.size(); ++i) {
        if (in[i] != '\\') {
            *out += in[i];
            continue;
        }
        if (++i == in.size()) return false;
        switch (in[i]) {
            case '\\': *out += '\\'; break;
            case 't': *out += '\t'; break;
            case 'n': *out += '\n'; break;
            case 'r': *out += '\r'; break;
            case '{': *out += kOpen; break;
            case '}': *out += kClose; break;
            default: return false;
        }
    }
    return true;
}

// An integer field's digits, on the stack (std::to_string made a string for each of some
// 4.000 numbers a build writes).
class Number {
public:
    explicit Number(int i) : size_(static_cast<size_t>(std::to_chars(digits_, digits_ + sizeof digits_, i).ptr - digits_)) {}
    operator std::string_view() const { return {digits_, size_}; }

private:
    char digits_[12];  // "-2147483648"
    size_t size_;
};

// Appends one record: its fields escaped, tab-separated, and the line end.
void line(std::string& out, std::initializer_list<std::string_view> fields) {
    bool first = true;
    for (std::string_view f : fields) {
        if (!first) out += '\t';
        put(out, f);
        first = false;
    }
    out += '\n';
}

bool parse_int(const std::string& s, int* out) {
    if (s.empty() || s.size() > 9) return false;
    size_t i = s[0] == '-' ? 1 : 0;
    if (i == s.size()) return false;
    for (size_t j = i; j < s.size(); ++j)
        if (s[j] < '0' || s[j] > '9') return false;
    *out = std::atoi(s.c_str());
    return true;
}

bool parse_date(const std::string& s, model::Date* d) {
    if (s.empty()) {
        *d = {};
        return true;
    }
    return std::sscanf(s.c_str(), "%4d-%2d-%2d", &d->year, &d->month, &d->day) == 3;
}

}  // namespace

namespace {

// Whether the byte at `i` is, or starts, an operator of the formula reader (+ - * / x ×) or a
// "." (of ".."): a space beside one is meaningful.
bool operator_at(std::string_view s, size_t i) {
    if (i >= s.size()) return false;
    const char c = s[i];
    return c == '+' || c == '-' || c == '*' || c == '/' || c == 'x' || c == '.' || s.compare(i, 2, "\xC3\x97") == 0;
}

bool operator_before(std::string_view s) {
    if (s.empty()) return false;
    if (s.size() >= 2 && s.compare(s.size() - 2, 2, "\xC3\x97") == 0) return true;
    return operator_at(s, s.size() - 1);
}

// The byte before a bracket ends a word (a table's name): "navn[...]" is a cell reference.
bool word_end(std::string_view s) {
    if (s.empty()) return false;
    const unsigned char c = static_cast<unsigned char>(s.back());
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c >= 0x80;
}

}  // namespace

std::string canonical_expression(const std::string& written) {
    std::string_view expr = written, options;
    const size_t bar = written.find(" | ");
    if (bar != std::string::npos) {
        expr = std::string_view(written).substr(0, bar);
        options = trim(std::string_view(written).substr(bar + 3));
    }
    expr = trim(expr);
    std::string out;
    out.reserve(expr.size());
    int depth = 0;       // brackets open
    bool cell = false;   // the outer bracket open is a cell reference
    bool quoted = false; // inside "..." (outside brackets)
    for (size_t i = 0; i < expr.size();) {
        const char c = expr[i];
        if (quoted || (depth == 0 && c == '"')) {
            if (c == '"') quoted = !quoted;
            out += c;
            ++i;
            continue;
        }
        if (c == '[') {
            if (depth == 0) cell = word_end(out);
            ++depth;
        } else if (c == ']' && depth > 0) {
            --depth;
        }
        if (c != ' ') {
            out += c;
            ++i;
            continue;
        }
        size_t j = i;
        while (j < expr.size() && expr[j] == ' ') ++j;
        const char prev = out.empty() ? '\0' : out.back();
        const char next = j < expr.size() ? expr[j] : '\0';
        bool drop = false;
        if (depth == 0) {
            drop = (prev == '(' || prev == ';' || next == ')' || next == ';') && !operator_before(out) && !operator_at(expr, j);
        } else {
            // A bracket's text is trimmed; a cell reference's parts are split at ";" and trimmed.
            drop = (depth == 1 && (prev == '[' || next == ']')) || (cell && (prev == ';' || next == ';'));
        }
        if (!drop) out += ' ';
        i = j;
    }
    if (bar != std::string::npos) {
        out += " | ";
        out += options;
    }
    return out;
}

std::string canonical_formula(const std::string& written) {
    // "række: target = expression": split where the target ends, when that is certain.
    const size_t colon = written.find(": ");
    const size_t eq = colon == std::string::npos ? std::string::npos : written.find(" = ", colon + 2);
    if (eq == std::string::npos || written.find(" = ", eq + 1) != std::string::npos) return written;
    return written.substr(0, colon + 2) + key(written.substr(colon + 2, eq - colon - 2)) + " = " +
           canonical_expression(written.substr(eq + 3));
}

std::string snapshot_file(const std::string& edition) { return "snapshot-" + edition + ".txt"; }

Snapshot take_snapshot(model::Meeting& meeting, model::Edition edition, const PrintedWords& words) {
    Snapshot s;
    s.meeting = meeting.id;
    s.edition = model::edition_folder(edition);
    s.fields = {{"organisation", meeting.organisation}, {"organ", meeting.body}, {"titel", meeting.title},
                {"dato", iso(meeting.date)},            {"tidspunkt", meeting.time}, {"sted", meeting.place},
                // Says that a computed cell's published figure the packet prints instead of is
                // in its `written` field, so one without is known to have none (compare.cpp).
                {kPublishedAsidesField, "gemt"},
                // Says that its links' addresses are kept (`lenke`), so a link without one is known.
                {kLinksField, "gemt"}};
    // The cells, by far the most entries, are counted first and held without a vector's slack
    // (at ten times the example some 8.600 cells an edition).
    size_t cells = 0;
    for (const model::AgendaItem& item : meeting.items) {
        if (edition == model::Edition::Offentlig && model::is_confidential(item.status)) continue;
        for (const model::Table& t : item.tables)
            for (const model::TableRow& row : t.rows)
                if (row.role != model::TableRow::Role::Spacer && row.cells.size() > 1) cells += row.cells.size() - 1;
    }
    s.cells.reserve(cells);
    for (model::AgendaItem& item : meeting.items) {
        ItemEntry e;
        e.number = item.number;
        e.status = lower(model::status_name(item.status));
        // The public edition shows a confidential item as its number and status: so does its snapshot.
        e.shown = !(edition == model::Edition::Offentlig && model::is_confidential(item.status));
        e.folder = item.folder;
        if (!e.shown) {
            s.items.push_back(std::move(e));
            continue;
        }
        e.title = item.title;
        e.case_officer = item.case_officer;
        e.case_number = item.case_number;
        e.item = &item;
        s.items.push_back(std::move(e));
        Taker taker(s, item, words);
        for (model::Section& section : item.sections) taker.blocks(section.blocks, model::section_title(section.kind));
        for (model::Attachment& a : item.attachments) {
            s.attachments.push_back({item.number, a.number, a.title, a.document_id,
                                      !a.pdf ? "" : a.pdf_fingerprint.empty() ? fingerprint(*a.pdf) : a.pdf_fingerprint,
                                      a.date.year == 0 ? "-" : iso(a.date)});
            s.attachments.back().content_kept = true;
            taker.blocks(a.content, "Bilag " + std::to_string(a.number));
        }
        take_tables(s, item);
        for (const model::Calculation& c : item.calculations)
            for (const model::Formula& f : c.values)
                s.calculations.push_back({item.number, c.name, f.target, f.options.empty() ? f.expression : f.expression + " | " + f.options});
    }
    if (edition == model::Edition::Offentlig) s.published = shown_folders(s);
    return s;
}

std::string write_snapshot(const Snapshot& s) {
    std::string whole;
    write_snapshot(s, [&whole](std::string_view piece) { whole += piece; });
    return whole;
}

void write_snapshot(const Snapshot& s, const std::function<void(std::string_view)>& put_piece) {
    constexpr size_t kPiece = size_t{64} << 10;
    std::string out;
    out.reserve(kPiece + 4096);
    // Hands on what is written so far once it passes a piece's size: after a whole line.
    const auto flush = [&out, &put_piece](bool last) {
        if (!last && out.size() < kPiece) return;
        put_piece(out);
        out.clear();
    };
    // Appended, not assigned: a new string would drop the room reserved.
    out.append(kFirstLine) += '\n';
    const auto n = [](int i) { return Number(i); };
    line(out, {"møde", s.meeting});
    line(out, {"udgave", s.edition});
    line(out, {"version", n(s.version)});
    line(out, {"versionsdato", iso(s.date)});
    for (const auto& [k, v] : s.fields) line(out, {"felt", k, v});
    for (const ItemEntry& i : s.items) {
        line(out, {"punkt", n(i.number), i.status, i.shown ? "vist" : "skjult", i.title, i.case_officer, i.case_number,
                   i.shown ? i.folder : ""});
        flush(false);
    }
    for (const std::string& folder : s.published) line(out, {"udgivet", folder});
    for (const AttachmentEntry& a : s.attachments) {
        if (a.date.empty()) line(out, {"bilag", n(a.item), n(a.number), a.title, a.document_id, a.content});
        else line(out, {"bilag", n(a.item), n(a.number), a.title, a.document_id, a.content, a.date});
        flush(false);
    }
    for (const TableEntry& t : s.tables) {
        // The label column's heading only where it was recorded: a snapshot read from before keeps its lines.
        if (t.label_heading_kept)
            line(out, {"tabel", n(t.item), n(t.table), n(t.attachment), t.name, t.title, t.unit, t.label_heading});
        else
            line(out, {"tabel", n(t.item), n(t.table), n(t.attachment), t.name, t.title, t.unit});
    }
    for (const CellEntry& c : s.cells) {
        // The figure as written only where it is not what is printed: every other line stays as
        // before it was kept.
        if (c.written.empty())
            line(out, {"celle", n(c.item), n(c.table), n(c.attachment), c.row, c.column, c.text, c.input ? "input" : "beregnet",
                       c.formula, c.options});
        else
            line(out, {"celle", n(c.item), n(c.table), n(c.attachment), c.row, c.column, c.text, c.input ? "input" : "beregnet",
                       c.formula, c.options, c.written});
        flush(false);
    }
    for (const TextEntry& t : s.texts) {
        line(out, {"tekst", n(t.item), t.section, t.text});
        out.pop_back();
        for (const std::string& e : t.expressions) {
            out += '\t';
            put(out, e);
        }
        out += '\n';
        flush(false);
    }
    for (const LinkEntry& l : s.links) {
        line(out, {"lenke", n(l.item), l.section, l.text, l.address});
        flush(false);
    }
    for (const PictureEntry& p : s.pictures) line(out, {"billede", n(p.item), n(p.index), p.caption, p.content});
    for (const ChartEntry& c : s.charts) line(out, {"diagram", n(c.item), n(c.number), c.section, c.drawn});
    for (const CalculationEntry& c : s.calculations) line(out, {"beregning", n(c.item), c.name, c.value, c.expression});
    flush(true);
}

std::optional<Snapshot> read_snapshot(const std::string& text, std::string* why) {
    Snapshot s;
    size_t pos = 0;
    int number = 0;
    auto fail = [&](const std::string& what) {
        *why = fmt(_("line {}: {}"), number, what);
        return std::nullopt;
    };
    bool first = true;
    while (pos < text.size()) {
        const size_t end = text.find('\n', pos);
        if (end == std::string::npos) return fail(_("the last line has no line end (a cut-off file)"));
        const std::string raw = text.substr(pos, end - pos);
        pos = end + 1;
        ++number;
        if (first) {
            if (raw != kFirstLine) return fail(_("not a boardpack snapshot (first line)"));
            first = false;
            continue;
        }
        std::vector<std::string> f;
        size_t start = 0;
        for (;;) {
            const size_t tab = raw.find('\t', start);
            std::string field;
            if (!unescape(raw.substr(start, tab == std::string::npos ? std::string::npos : tab - start), &field))
                return fail(_("a bad escape"));
            f.push_back(std::move(field));
            if (tab == std::string::npos) break;
            start = tab + 1;
        }
        const std::string& kind = f[0];
        auto need = [&](size_t n) { return f.size() >= n; };
        if (kind == "møde" && need(2)) s.meeting = f[1];
        else if (kind == "udgave" && need(2)) s.edition = f[1];
        else if (kind == "version" && need(2)) {
            if (!parse_int(f[1], &s.version) || s.version < 1) return fail(_("a bad version number"));
        } else if (kind == "versionsdato" && need(2)) {
            if (!parse_date(f[1], &s.date)) return fail(_("a bad date"));
        } else if (kind == "felt" && need(3)) s.fields.emplace_back(f[1], f[2]);
        else if (kind == "punkt" && need(7)) {
            ItemEntry i;
            if (!parse_int(f[1], &i.number)) return fail(_("a bad item number"));
            i.status = f[2];
            i.shown = f[3] == "vist";
            i.title = f[4];
            i.case_officer = f[5];
            i.case_number = f[6];
            if (f.size() > 7) i.folder = f[7];  // none in a snapshot from before folders were kept
            s.items.push_back(std::move(i));
        } else if (kind == "udgivet" && need(2)) {
            s.published.insert(f[1]);
        } else if (kind == "bilag" && need(5)) {
            AttachmentEntry a;
            if (!parse_int(f[1], &a.item) || !parse_int(f[2], &a.number)) return fail(_("a bad number"));
            a.title = f[3];
            a.document_id = f[4];
            if (f.size() > 5) {  // none in a snapshot from before fingerprints
                a.content = f[5];
                a.content_kept = true;
            }
            if (f.size() > 6) a.date = f[6];     // none in a snapshot from before dates
            s.attachments.push_back(std::move(a));
        } else if (kind == "tabel" && need(6)) {
            TableEntry t;
            if (!parse_int(f[1], &t.item) || !parse_int(f[2], &t.table) || !parse_int(f[3], &t.attachment))
                return fail(_("a bad number"));
            t.name = f[4];
            t.title = f[5];
            if (f.size() > 6) t.unit = f[6];  // none in a snapshot from before units
            if (f.size() > 7) {  // none in a snapshot from before the label column's heading
                t.label_heading = f[7];
                t.label_heading_kept = true;
            }
            s.tables.push_back(std::move(t));
        } else if (kind == "celle" && need(9)) {
            CellEntry c;
            if (!parse_int(f[1], &c.item) || !parse_int(f[2], &c.table) || !parse_int(f[3], &c.attachment))
                return fail(_("a bad number"));
            c.row = f[4];
            c.column = f[5];
            c.text = f[6];
            c.input = f[7] == "input";
            c.formula = f[8];
            if (f.size() > 9) {  // none in a snapshot from before options were kept
                c.options = f[9];
                c.options_kept = true;
            }
            if (f.size() > 10) c.written = f[10];  // an input figure printed in a larger unit, a published figure aside
            s.cells.push_back(std::move(c));
        } else if (kind == "tekst" && need(4)) {
            TextEntry t;
            if (!parse_int(f[1], &t.item)) return fail(_("a bad item number"));
            t.section = f[2];
            t.text = f[3];
            t.expressions.assign(f.begin() + 4, f.end());
            s.texts.push_back(std::move(t));
        } else if (kind == "lenke" && need(5)) {
            int item = 0;
            if (!parse_int(f[1], &item)) return fail(_("a bad item number"));
            s.links.push_back({item, f[2], f[3], f[4]});
        } else if (kind == "billede" && need(5)) {
            PictureEntry p;
            if (!parse_int(f[1], &p.item) || !parse_int(f[2], &p.index)) return fail(_("a bad number"));
            p.caption = f[3];
            p.content = f[4];
            s.pictures.push_back(std::move(p));
        } else if (kind == "diagram" && need(5)) {
            ChartEntry c;
            if (!parse_int(f[1], &c.item) || !parse_int(f[2], &c.number)) return fail(_("a bad number"));
            c.section = f[3];
            c.drawn = f[4];
            s.charts.push_back(std::move(c));
        } else if (kind == "beregning" && need(5)) {
            CalculationEntry c;
            if (!parse_int(f[1], &c.item)) return fail(_("a bad item number"));
            c.name = f[2];
            c.value = f[3];
            c.expression = f[4];
            s.calculations.push_back(std::move(c));
        } else {
            return fail(fmt(_("an unknown or short line \"{}\""), kind));
        }
    }
    if (first) return fail(_("empty"));
    return s;
}

std::set<std::string> shown_folders(const Snapshot& s) {
    std::set<std::string> out = s.published;
    for (const ItemEntry& i : s.items)
        if (i.shown && !i.folder.empty()) out.insert(i.folder);
    return out;
}

namespace {

// Whether `t` is a picture's caption of `s` as a snapshot from before captions quoted their
// figures recorded it: its words alone, those of the picture's record.
bool caption_as_words(const Snapshot& s, const TextEntry& t) {
    return t.expressions.empty() && std::any_of(s.pictures.begin(), s.pictures.end(), [&](const PictureEntry& p) {
               return p.item == t.item && p.caption == t.text;
           });
}

// Whether `now` is the caption `old` recorded as words, with its figures quoted.
bool quoted_caption(const TextEntry& old, const TextEntry& now) {
    return !now.expressions.empty() && old.item == now.item && old.section == now.section && unquoted(now.text) == old.text;
}

}  // namespace

std::optional<Snapshot> with_quoted_captions(const Snapshot& before, const Snapshot& now) {
    if (before.pictures.empty()) return std::nullopt;
    std::optional<Snapshot> out;
    std::vector<bool> taken(now.texts.size());
    for (size_t i = 0; i < before.texts.size(); ++i) {
        if (!caption_as_words(before, before.texts[i])) continue;
        for (size_t k = 0; k < now.texts.size(); ++k) {
            if (taken[k] || !quoted_caption(before.texts[i], now.texts[k])) continue;
            if (!out) out = before;
            out->texts[i].text = now.texts[k].text;
            out->texts[i].expressions = now.texts[k].expressions;
            taken[k] = true;
            break;
        }
    }
    return out;
}

bool same_content(const Snapshot& a, const Snapshot& b) {
    // An older snapshot's captions of words compared as this build records them.
    if (const auto quoted = with_quoted_captions(a, b)) return same_content(*quoted, b);
    // Field by field (the build-only pointers aside), without writing either out.
    const auto items = [](const ItemEntry& x, const ItemEntry& y) {
        return x.number == y.number && x.status == y.status && x.shown == y.shown && x.title == y.title &&
               x.case_officer == y.case_officer && x.case_number == y.case_number;
    };
    const auto attachments = [](const AttachmentEntry& x, const AttachmentEntry& y) {
        return x.item == y.item && x.number == y.number && x.title == y.title && x.document_id == y.document_id &&
               same_file(x, y) && !changed_date(x, y);
    };
    const auto tables = [](const TableEntry& x, const TableEntry& y) {
        // Not its name (`navn:`), which is not printed: a table renamed prints the same.
        return x.item == y.item && x.table == y.table && x.attachment == y.attachment && x.title == y.title &&
               same_label_heading(x, y);
    };
    // A cell computed before and an input cell now, printing the same, prints the same: so a
    // snapshot written before a cell outside its formula's range ("| kolonner A .. B") was known
    // as an input cell is no new version for that alone.
    const auto cells = [](const CellEntry& x, const CellEntry& y) {
        return x.item == y.item && x.table == y.table && x.attachment == y.attachment && x.row == y.row &&
               x.column == y.column && x.text == y.text && (x.input == y.input || (!x.input && y.input));
    };
    // A figure's formula is not printed either: the figure prints what it computes, compared in the
    // text. Nor is a calculation's value (`calculations`): only the figures quoted from it.
    // A figure typed where it was quoted (or quoted where it was typed) prints the same words:
    // the texts are compared as printed, their figures' marks aside.
    const auto texts = [](const TextEntry& x, const TextEntry& y) {
        return x.item == y.item && x.section == y.section &&
               (x.text == y.text ? x.expressions.size() == y.expressions.size() : unquoted(x.text) == unquoted(y.text));
    };
    // The meeting's printed fields; not the one that says the snapshot keeps published figures
    // aside (kPublishedAsidesField), which one from before lacks.
    const auto printed_fields = [](const Snapshot& s) {
        std::vector<std::pair<std::string, std::string>> out;
        for (const auto& f : s.fields)
            if (f.first != kPublishedAsidesField && f.first != kLinksField) out.push_back(f);
        return out;
    };
    // The links' addresses, where both snapshots keep them.
    const auto links = [](const LinkEntry& x, const LinkEntry& y) {
        return x.item == y.item && x.section == y.section && x.text == y.text && x.address == y.address;
    };
    return a.meeting == b.meeting && a.edition == b.edition && printed_fields(a) == printed_fields(b) &&
           std::equal(a.items.begin(), a.items.end(), b.items.begin(), b.items.end(), items) &&
           std::equal(a.attachments.begin(), a.attachments.end(), b.attachments.begin(), b.attachments.end(), attachments) &&
           std::equal(a.tables.begin(), a.tables.end(), b.tables.begin(), b.tables.end(), tables) &&
           std::equal(a.cells.begin(), a.cells.end(), b.cells.begin(), b.cells.end(), cells) &&
           std::equal(a.texts.begin(), a.texts.end(), b.texts.begin(), b.texts.end(), texts) &&
           (!keeps_links(a) || !keeps_links(b) || std::equal(a.links.begin(), a.links.end(), b.links.begin(), b.links.end(), links)) &&
           !replaced_picture(a, b) && !redrawn_chart(a, b);
}

bool keeps_links(const Snapshot& s) {
    return std::any_of(s.fields.begin(), s.fields.end(), [](const auto& f) { return f.first == kLinksField; });
}

bool same_file(const std::string& a, const std::string& b) { return a.empty() || b.empty() || a == b; }

bool same_file(const AttachmentEntry& before, const AttachmentEntry& now) {
    return before.content_kept && now.content_kept ? before.content == now.content : same_file(before.content, now.content);
}

bool redrawn_chart(const Snapshot& before, const Snapshot& now) {
    for (const ChartEntry& c : now.charts)
        if (const ChartEntry* b = same_chart(before, c); b && b->drawn != c.drawn) return true;
    return false;
}

const ChartEntry* same_chart(const Snapshot& before, const ChartEntry& c) {
    for (const ChartEntry& b : before.charts)
        if (b.item == c.item && b.number == c.number) return &b;
    return nullptr;
}

bool same_label_heading(const TableEntry& before, const TableEntry& now) {
    return !before.label_heading_kept || !now.label_heading_kept || before.label_heading == now.label_heading;
}

bool changed_date(const AttachmentEntry& before, const AttachmentEntry& now) {
    return !before.date.empty() && !now.date.empty() && before.date != now.date;
}

bool same_picture_file(const PictureEntry& before, const PictureEntry& now) {
    return same_file(before.content, now.content) || (!now.content_as_read.empty() && before.content == now.content_as_read);
}

bool replaced_picture(const Snapshot& before, const Snapshot& now) {
    for (const PictureEntry& p : now.pictures)
        for (const PictureEntry& q : before.pictures)
            if (p.item == q.item && p.index == q.index && !same_picture_file(q, p)) return true;
    return false;
}

}  // namespace boardpack::versions

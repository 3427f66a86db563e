// The document: one meeting with its agenda items, their sections as block trees, their tables
// as typed cells. Both renderers (HTML, PDF) read only this.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/chart.hpp"
#include "numbers/decimal.hpp"
#include "core/diagnostics.hpp"

namespace boardpack::attach {
struct ImportedPdf;  // attach/pdf_import.hpp: an attachment's pages as objects to copy
}

namespace boardpack::model {

// Fields few objects of a kind use, kept in an allocation of their own that only those objects
// make: the others hold a null pointer (8 bytes) instead of the fields. Copies copy the fields
// (unlike a shared pointer's, an edit never shows through another object).
template <class T>
class Rare {
public:
    Rare() = default;
    Rare(const Rare& o) : p_(o.p_ ? std::make_unique<T>(*o.p_) : nullptr) {}
    Rare(Rare&&) noexcept = default;
    Rare& operator=(const Rare& o) {
        if (this != &o) p_ = o.p_ ? std::make_unique<T>(*o.p_) : nullptr;
        return *this;
    }
    Rare& operator=(Rare&&) noexcept = default;

    // The fields, or default ones when none were set.
    const T& get() const {
        static const T none;
        return p_ ? *p_ : none;
    }
    // The fields to set, made when first needed.
    T& edit() {
        if (!p_) p_ = std::make_unique<T>();
        return *p_;
    }

private:
    std::unique_ptr<T> p_;
};

// Text-level content of a paragraph or heading.
// Ordered so it packs, and with a link's and a figure's fields out of line (Inline::Extra): 96
// bytes, where they made it 192; a large meeting's text holds tens of thousands of inlines, most
// of them plain text, through the whole build.
struct Inline {
    enum class Kind : unsigned char {
        Text,       // plain text
        Emph,       // italic; children
        Strong,     // bold; children
        Strike,     // struck through; children
        Code,       // inline code; text
        Link,       // children, url
        SoftBreak,  // a line end inside a paragraph: a space
        LineBreak,  // a hard line break
        Figure,     // a value quoted from a table or calculation; text is the formatted value
    };
    Kind kind = Kind::Text;
    bool changed = false;  // Figure: its value changed since the edition's previous version (model/changes.hpp)
    std::string text;
    std::vector<Inline> children;
    SourceLoc loc;  // Text: where it starts; Link: the link; Figure: where the formula starts

    // A link's and a figure's own fields (no other inline has them).
    struct Extra {
        std::string url;
        std::string title;       // Link: the title written after the address, or ""
        std::string expression;  // Figure: the formula between { }, as written
    };
    Rare<Extra> extra;

    const std::string& url() const { return extra.get().url; }
    const std::string& title() const { return extra.get().title; }
    const std::string& expression() const { return extra.get().expression; }
    void set_url(std::string url) { extra.edit().url = std::move(url); }
    void set_title(std::string title) { extra.edit().title = std::move(title); }
    void set_expression(std::string expression) { extra.edit().expression = std::move(expression); }

    // A run of plain text.
    static Inline text_run(std::string text, SourceLoc loc) {
        Inline in;
        in.text = std::move(text);
        in.loc = std::move(loc);
        return in;
    }
};

// Block-level content of a section or attachment.
struct Block {
    enum class Kind : unsigned char {
        Paragraph,    // inlines
        Heading,      // inlines, level 2-6 (level 1 headings open sections)
        BulletList,   // items
        OrderedList,  // items, start (notes: footnotes' notes)
        Quote,        // children
        CodeBlock,    // text
        Rule,         // a thematic break
        Table,        // table: index into AgendaItem::tables
        Chart,        // chart: index into AgendaItem::charts; figure its number
        Image,        // image: index into AgendaItem::images (a picture alone in its paragraph)
    };
    // The small fields first, so they pack: 160 bytes a block, not 176.
    Kind kind = Kind::Paragraph;
    bool tight = true;
    bool changed = false;  // its words changed since the edition's previous version (model/changes.hpp)
    // OrderedList: footnotes' notes (input/markdown_reader.hpp), each item the note numbered
    // start + its index, its place named `text` + that number ("punkt-5-note-2"; no place if
    // `text` is empty).
    bool notes = false;
    // BulletList: every item a task ("- [ ] ..."), whose box (☐ or ☑) begins its first paragraph's
    // words: the box is the item's marker, no bullet beside it.
    bool tasks = false;
    int level = 0;
    int start = 1;
    int image = -1;  // Image: its index in AgendaItem::images
    int table = -1;
    int figure = 0;  // "Figur N"'s N, or 0
    int chart = -1;  // Chart: index into AgendaItem::charts
    std::vector<Inline> inlines;
    std::vector<std::vector<Block>> items;
    std::vector<Block> children;
    std::string text;
    SourceLoc loc;
};

// One table cell, typed; numbers keep their exact value and the text printed for them.
struct Cell {
    enum class Kind : unsigned char {
        Empty,         // nothing
        Text,          // a label or words
        Number,        // value, printed as text
        NotAvailable,  // "Ikke oplyst" and the like: printed as written
        Dash,          // "-": printed as written
    };
    // How a status cell is judged, so both renderers can colour it (never colour alone: the
    // text always says it too).
    enum class Tone : unsigned char { None, Good, Bad, Neutral };
    // The large fields first, then the small ones together, so they pack: 144 bytes a cell, not 160.
    calc::Decimal value;
    std::string text;
    std::string unit;  // Number: the unit printed after it, as the CSV wrote it ("%", "pct.", "kr."), or "pct.-point" for a computed difference of shares
    SourceLoc loc;
    int decimals = 0;
    Kind kind = Kind::Empty;
    Tone tone = Tone::None;
    bool changed = false;  // its value changed since the edition's previous version (model/changes.hpp)
    // Number: computed without a unit (a ratio or an index of amounts, "[Løn] / [I alt] * 100"):
    // never an amount, so a table's "enhed" does not convert it, and a formula reads no kroner.
    bool unitless = false;
    // Number, computed without a unit: a ratio of two figures in one unit ("[Ja] / [I alt]",
    // 0,786: no per cent), per hundred, as "[Ja] / [I alt] * 100" is (a share in per cent, or an
    // index), or the difference of two such figures (points, never per cent); or the difference of
    // two ratios ("[Ja] / [I alt] - [Ja 2023] / [I alt 2023]", 0,09), which times 100 is points.
    enum class Hundred : unsigned char { None, Ratio, PerHundred, Difference, RatioDifference };
    Hundred hundred = Hundred::None;
    // Number: a published figure kept within its formula's tolerance where the computation gives
    // another (8.388 for 8.387,2): exact only to the decimals it is written with.
    bool kept_published = false;
    // Text: a code or a year in a column whose heading names one ("Postnr.", "År"; see
    // input/code_columns.hpp), printed as written and never computed with.
    bool code = false;
    // Number: a count, read under a heading or beside a label that says so ("Antal ansatte";
    // input/table_reader's count headings): never an amount, whatever the table's unit.
    bool count = false;
    // The formula that computed the cell, as 1 + its index in its table's formulas (calc/
    // writes it with the result); 0 for a cell the input gave. What a snapshot records as the
    // cell's cause (versions/snapshot.cpp): a row formula limited to some columns leaves the
    // others as written, and a row given a formula per range of columns has each cell its own.
    uint32_t formula = 0;
};

// Four digits from 1900 to 2099 written without a thousands point ("2024"): a year, which a
// table prints as written, unless its column holds other amounts (input/table_reader.cpp).
bool written_as_year(std::string_view text);
// A number cell printed as the year it was written as ("2023", a footnote mark after it).
bool printed_as_year(const Cell& c);

// A formula written in the input: "række: Label = expression | options". It is evaluated by
// calc/, which fills the table's cells (or a calculation's values) with the results.
struct Formula {
    enum class Kind { Row, Column, Value };
    Kind kind = Kind::Row;
    std::string target;      // the row or column label, or the value's name
    std::string expression;
    std::string options;     // after " | ", e.g. "decimaler 2, tolerance 2"
    SourceLoc loc;           // the expression's first character
    SourceLoc options_loc;
    std::string line;        // the source line, for messages
};

struct TableRow {
    // Computed rows are filled by formulas; spacer rows are empty lines between groups.
    enum class Role { Data, Computed, Spacer };
    Role role = Role::Data;
    // A total: the one thing a table prints in bold, with a rule above, in both renderers. The
    // rows the table names with "total:", else its computed sums (see model/totals.hpp).
    bool total = false;
    // Blanks written before its label in the CSV (characters): exports indent a row's sub-items
    // ("  Heraf overtid" under "Løn"), which a sum over both would count twice (calc/table_calc).
    int indent = 0;
    std::vector<Cell> cells;  // cells[0] is the row label
    SourceLoc loc;
};

struct Table {
    int number = 0;           // "Tabel N", numbered per item (attachments count on their own)
    int attachment = -1;      // index of the attachment it belongs to, -1 for the item itself
    std::string name;         // for references from the text
    SourceLoc name_loc;       // its "navn:" value, where a name used twice is reported
    std::string title;        // caption without "Tabel N: "
    std::vector<std::string> header;  // column headings; header[0] heads the label column
    std::vector<SourceLoc> header_locs;  // each heading's place in the CSV (none for a computed column)
    std::vector<bool> numeric;        // per column: right-aligned numbers
    // Per numeric column, the rows whose figures are set flush right, apart from the column's
    // decimal comma (a ratio row under counts; calc/figure_groups.hpp); empty for most columns.
    std::vector<std::vector<bool>> figures_apart;
    std::vector<TableRow> rows;
    std::string source;               // "Kilde: ..." line, without "Kilde: "
    std::vector<std::string> notes;
    std::string csv;                  // the CSV file, relative to the meeting folder
    SourceLoc loc;                    // the table block in the Markdown
    std::vector<Formula> formulas;    // computed rows and columns, in the order written
    std::string rounding_note;        // added below the table when a published total is shown
    // The published figures the CSV gives where a formula computes another, outside its
    // tolerance, so the packet prints the computed one (and a note): as written, by row and
    // column. A snapshot keeps them, so a corrected one is the cause of what it changes.
    struct PublishedAside {
        size_t row = 0, column = 0;
        std::string text;
    };
    std::vector<PublishedAside> published_aside;
    std::string unit;                 // "enhed": "t. kr.", "mio. kr.", "mia. kr." shows amounts in kr. in that unit; "" as written
    std::string figures_unit;         // "talenhed": the unit the CSV's figures are in ("" = kr. or counts; "kr." declared)
    int decimals = -1;                // decimals for computed numbers, -1: from their inputs
    std::string anchor;               // its link target name when the text links to it, else ""
    bool linked_from_public = false;  // a public item's text links to it, so the public edition has the anchor too
    bool append_rows = false;         // "tilføj: nederst": rows not in the CSV are added at the end without a warning
    bool missing_passes = false;      // "mangler: videre": "-"/"Ikke oplyst" inputs print "-" in what uses them
    // "total:" lines, each naming a row to print as a total ("ingen": none); none given: the
    // computed sums are the totals.
    struct TotalLine {
        std::string label;
        SourceLoc loc;
        std::string line;  // the source line, for messages
    };
    std::vector<TotalLine> totals;
};

// The unit a table prints its figures in: its "enhed" (shown in), else its "talenhed" (written
// in), else kr. (which a table without "talenhed" may also use for counts).
std::string printed_unit(const Table& t);

// A "beregning" block: named values computed from numbers and table cells, quoted by the text
// but not printed as a table (e.g. the membership fee per inhabitant).
struct Calculation {
    std::string name;
    std::vector<Formula> values;
    SourceLoc loc;
    SourceLoc name_loc;          // its "navn:" value, where a name used twice is reported
    bool missing_passes = false;  // "mangler: videre": a value computed from "-" is "-"
};

enum class SectionKind { Resume, Indstilling, Sagsfremstilling, Oekonomi, Bemaerkninger, Kommunikation };
inline constexpr int kSectionCount = 6;

// The section's name as written in the input (the packet prints the wording's title).
const char* section_title(SectionKind kind);

struct Section {
    SectionKind kind = SectionKind::Resume;
    std::vector<Block> blocks;
    bool defaulted = false;  // missing or empty in the input: blocks hold the standard wording
};

struct Date {
    int year = 0, month = 0, day = 0;
};

// The days from 1970-01-01 to a date of the proleptic Gregorian calendar (negative before it):
// how far apart two dates are, and a date's weekday (1970-01-01 was a Thursday).
long day_number(const Date& date);

struct Attachment {
    int number = 0;            // "Bilag N"
    std::string title;
    std::string document_id;   // e.g. 1647734
    std::string case_number;   // the item's case number
    std::vector<Block> content;  // empty when only listed
    SourceLoc loc;
    Date date;                 // the attachment's own date ("bilag:"'s fourth field), or year 0
    // A PDF attachment (its file ends in .pdf): the file as checked and cleaned (active content,
    // embedded files and its own metadata removed) and its page count; null for the others.
    std::shared_ptr<const std::string> pdf;
    std::shared_ptr<const attach::ImportedPdf> imported;  // its pages' objects, to copy into the packet
    int pdf_pages = 0;
    std::string pdf_fingerprint;  // of `pdf` (core/fingerprint.hpp): what a snapshot records
    std::string file;          // the file as the input names it, relative to the meeting folder, for messages
};

enum class Status { Offentlig, Fortrolig, Lukket };
const char* status_name(Status s);
inline bool is_confidential(Status s) { return s != Status::Offentlig; }
// Whether an item of status `from` may use what an item of status `owner` holds (quote it, chart
// it, link into it, be offered its name): all but a confidential item's, from a public item,
// whose edition would show it.
inline bool may_use(Status from, Status owner) { return is_confidential(from) || !is_confidential(owner); }

// A picture in an item's text ("![Figur 1: description](figur-1.png)"), its file read and
// checked as untrusted input (input/image_reader).
struct Image {
    enum class Format { Png, Jpeg };
    Format format = Format::Png;
    std::string file;         // as written, relative to the item's folder
    std::string description;  // the alt text, without a "Figur N:" the author wrote before it
    int width = 0, height = 0;  // in pixels
    std::shared_ptr<const std::string> bytes;  // the file's bytes without its metadata (shared with the PDF's layout)
    // Of `bytes` (core/fingerprint.hpp), what the packet holds: what a snapshot records, so a
    // file saved again with other metadata alone (a date, a program's name) is the same picture.
    std::string fingerprint;
    // Of the file as read, which snapshots recorded before (the forty-third round): one of those
    // still knows the same file.
    std::string read_fingerprint;
    SourceLoc loc;            // where the picture is written in the text
};

// A number typed in an item's text rather than quoted from a table ("i alt 8.388"), distinctive
// enough (numbers/typed_numbers.hpp) to be one of the item's table figures: where it is one,
// a correction of the table would leave it as typed, so computing says so (calc/typed_figures).
struct TypedNumber {
    std::string key;    // number_key's: digits and decimal comma
    std::string shown;  // as typed
    // Followed by words that scale it ("1,25 mio. kr."): its key in ones ("1250000"), the amount
    // unit the words name ("mio. kr.", or "" for "1,25 mio. indbyggere") and the number with its
    // words as typed; all empty without such words (TypedNumberToken).
    std::string scaled_key, scale_unit, shown_scaled;
    std::string unit_after;  // the amount unit the words after it name ("kr.", "mio. kr."), or ""
    SourceLoc loc;
    std::string line;   // its source line, for the message
};

struct AgendaItem {
    int number = 0;
    Status status = Status::Offentlig;
    bool redacted = false;  // public edition of a confidential item: only number and status
    bool changed = false;   // changed since the edition's previous version: "Rettet i version N" (never set on a stand-in)
    std::string title;
    std::string case_officer;
    std::string case_number;
    std::vector<Section> sections;  // all six, in the standard order (empty when redacted)
    std::vector<Table> tables;
    std::vector<Calculation> calculations;
    std::vector<Chart> charts;  // ```diagram blocks, in the order written
    std::vector<Attachment> attachments;
    std::vector<Image> images;
    std::string folder;  // relative to the meeting folder
    SourceLoc loc;       // the item file
    // Where the header's text fields were written (their values), for messages about them.
    struct HeaderLocs {
        SourceLoc title, case_officer, case_number;
    } header_locs;
    // Names of its tables and beregning blocks that could not be read, each with the error that
    // says why (an index into the run's Diagnostics): what quotes them only follows from that
    // error, so it is counted under it rather than reported as a second mistake.
    std::map<std::string, size_t> unreadable;
    // Read from its text; emptied once checked, but for those no figure of the item prints where
    // the build corrects a published packet (Meeting::corrects_published), which are compared
    // with what the published version printed (edition_versions.cpp).
    std::vector<TypedNumber> typed_numbers;
};

struct Meeting {
    std::string id;  // the meeting folder's name; the output folder has the same name
    std::string organisation;
    std::string body;
    std::string title;
    Date date;
    Date corrected;  // "rettet:": the date of a corrected version (year 0: not given)
    bool corrects_published = false;  // a packet of it is published in the output: this build may correct it
    std::string time;
    std::string place;
    std::vector<AgendaItem> items;
    // Where the text fields were written in meeting.txt (their values), for messages about them;
    // a field given no value there (the default title) has none.
    struct FieldLocs {
        SourceLoc organisation, body, title, time, place;
        SourceLoc corrected;  // the "rettet:" value, or meeting.txt's first line when none is given
    } locs;
};

enum class Edition { Offentlig, Lukket };
const char* edition_folder(Edition e);  // "offentlig", "lukket"

// (The edition's view of the meeting, which the renderers are given, is in model/edition.hpp.)

}  // namespace boardpack::model

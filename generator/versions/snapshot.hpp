// A snapshot of one published edition: every figure it prints (table cells and figures quoted in
// the text), each section's text, its items and attachments, with the edition's version. It is
// written beside each version (offentlig/snapshot-offentlig.txt) so the next build can compare
// without re-reading old inputs. The format (README, "Corrections") is line-based UTF-8:
//
//   boardpack snapshot 1
//   <kind>\t<field>\t<field>...
//
// with "\\", "\t" and "\n" written as \\ \t \n inside fields, and in text fields a quoted figure
// written between \{ and \}. A public edition's snapshot holds nothing of a confidential item but
// its number and status, like the edition itself.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"
#include "model/document.hpp"

namespace boardpack::versions {

// The snapshot field ("felt") that says its computed cells' published figures are kept
// (CellEntry::written); a snapshot from before has no such field, and its empty ones say nothing.
inline constexpr const char* kPublishedAsidesField = "kildetal";
// The field that says its links' addresses are kept (`lenke` records, LinkEntry); a snapshot
// from before has none, and compares nothing by them.
inline constexpr const char* kLinksField = "lenker";

// One printed cell of a table.
struct CellEntry {
    int item = 0;
    int table = 0;       // "Tabel N"'s N
    int attachment = -1;  // the table's attachment index, -1 for the item's own
    std::string row, column;  // row label and column heading, as printed
    std::string text;         // as printed
    bool input = false;       // read from the CSV; else computed by `formula`
    std::string formula;      // "række: Label = ..." / "kolonne: ..." as written, or ""
    // The formula's options as written ("decimaler 2"), which change what it prints; kept known
    // (`options_kept`) in a snapshot from after they were recorded.
    std::string options;
    bool options_kept = false;
    // An input figure its table prints in a larger unit ("enhed: mio. kr." prints 1.249.001 kr.
    // as "1,2"): the figure as written, exact, with its unit ("1.249.001 kr."); "" for any other
    // input cell. Corrected, it prints as before, but what is computed from it may not: the sheet then
    // names it as the cause ("fra 1.249.000 kr. til 1.249.001 kr."). Missing in a snapshot from
    // before it was kept.
    // A computed cell: the figure the CSV publishes there, as written, where the packet prints
    // the computed one instead (outside the formula's tolerance); "" where it prints the published
    // one, or none is given. Corrected, it is the cause the sheet names for what it changes.
    std::string written;
    model::Cell* cell = nullptr;  // in the current build only: where to mark a change
    model::Cell* label = nullptr;  // in the current build only: its row's label (a row renamed)
};

// One table of an item: its number, name (for references) and caption.
struct TableEntry {
    int item = 0;
    int table = 0;
    int attachment = -1;
    std::string name, title;
    // The amount unit its figures are printed in ("kr.", "t. kr.", "mio. kr.", "mia. kr."): its
    // "enhed", else its "talenhed", else kr.; "" in a snapshot from before units were kept.
    std::string unit;
    // The label column's heading, the CSV's top-left cell ("Beløb i kr.", "Post"), as printed: it
    // says what every figure of the table is, so another is a correction. Kept known
    // (`label_heading_kept`) in a snapshot from after it was recorded; one from before compares
    // nothing by it.
    std::string label_heading{};
    bool label_heading_kept = false;
};

// One text block (paragraph, heading, list item, code, a table's caption, source or note), in
// reading order within its section. `text` has each quoted figure between \{ and \}.
struct TextEntry {
    int item = 0;
    std::string section;   // the section's input name ("Sagsfremstilling") or "Bilag N"
    std::string text;
    std::vector<std::string> expressions;  // each quoted figure's formula, in order
    model::Block* block = nullptr;           // current build only
    std::vector<model::Inline*> figures;     // current build only: the quoted figures, in order
    const model::Table* table = nullptr;     // current build only: the table whose caption, source or note it is
};

// One link in a text block, to an address outside the packet (a web page, a mail address; not a
// place in the packet, which its own structure gives): where it leads is what a reader gets from
// it, so another address is a correction though the link's words are the same.
struct LinkEntry {
    int item = 0;
    std::string section;  // as TextEntry::section
    std::string text;     // the link's words as printed, a quoted figure between \{ and \}
    std::string address;  // as written
    model::Block* block = nullptr;  // current build only: the block it is in
};

// One agenda item: shown whole, or (public edition, confidential item) only number and status.
struct ItemEntry {
    int number = 0;
    std::string status;  // "offentlig", "fortrolig", "lukket"
    bool shown = true;
    std::string title, case_officer, case_number;
    // The item's folder (model::AgendaItem::folder): which item it is, whatever its number. In
    // memory for every item; written only for a shown one (a public snapshot names nothing of a
    // confidential item), and empty in a snapshot from before boardpack kept it.
    std::string folder;
    model::AgendaItem* item = nullptr;  // current build only
};

// One attachment listed under an item. `content` is a PDF attachment's fingerprint (of the
// file as cleaned, core/fingerprint.hpp), so a corrected file under the same title is a change;
// empty for one with no PDF file (a Markdown attachment, whose text is in the texts, or one only
// listed), so a PDF file added to or taken from a `bilag:` line is a change too.
struct AttachmentEntry {
    int item = 0;
    int number = 0;
    std::string title, document_id;
    std::string content;
    // The attachment's own date as its stamp prints it, in ISO form ("2024-03-01"), "-" for none,
    // and empty in a snapshot from before boardpack kept it (then not compared).
    std::string date;
    // Whether `content` was recorded: a snapshot from before boardpack kept fingerprints has no
    // such field (five to a "bilag" record), and says nothing of the file; its attachments are
    // then taken as the same file, so an older packet is not made a new version by that alone.
    bool content_kept = false;
};

// One picture of an item (its index among the item's pictures), with its caption as printed and
// its file's fingerprint, of the bytes the packet holds (without the file's metadata): a new file
// under the same caption is a change, the same picture saved again with other metadata is not.
struct PictureEntry {
    int item = 0;
    int index = 0;
    std::string caption;
    std::string content;
    // Not written: the fingerprint of the file as read, which snapshots before the forty-third
    // round recorded as `content` (same_picture_file).
    std::string content_as_read;
};

// One chart of an item (its figure number), with what it draws as one line of words: its
// series, categories and values as printed, its target line and unit, so a chart that draws other
// figures (another column, another target) is a change though its caption is the same.
struct ChartEntry {
    int item = 0;
    int number = 0;
    std::string section;  // where it stands ("Sagsfremstilling", "Bilag 1")
    std::string drawn;
};

// One value of a "beregning" block, as written ("sats-2023 = 25,70"): not printed, but a value the
// text quotes is computed from it, so a corrected input of a calculation is the cause the
// rettelsesblad gives for the figures that changed with it.
struct CalculationEntry {
    int item = 0;
    std::string name;        // the block's "navn:"
    std::string value;       // the value's name
    std::string expression;  // as written, with its options after " | "
};

struct Snapshot {
    std::string meeting;
    std::string edition;  // "offentlig" or "lukket"
    int version = 1;
    model::Date date;     // the version's date; year 0 for a first version (none is given)
    std::vector<std::pair<std::string, std::string>> fields;  // the meeting's own fields, in order
    std::vector<ItemEntry> items;
    std::vector<TableEntry> tables;
    std::vector<CellEntry> cells;
    std::vector<TextEntry> texts;
    std::vector<LinkEntry> links;  // in reading order; none in a snapshot from before keeps_links
    std::vector<AttachmentEntry> attachments;
    std::vector<PictureEntry> pictures;
    std::vector<ChartEntry> charts;  // none in a snapshot from before boardpack kept them (then not compared)
    std::vector<CalculationEntry> calculations;  // none in a snapshot from before boardpack kept them
    // The public edition's: the folders of the items this version and the earlier versions still
    // in the public edition show. An item one of them showed that is confidential now is now
    // confidential, whatever its number was or whether the version just before had it.
    std::set<std::string> published;
};

// The packet's fixed wording (templates/wording.txt) that a snapshot records printed text in and
// a comparison names sections in, as plain text: versions/ sits below render/, whose Wording
// reads the file.
struct PrintedWords {
    std::map<std::string, std::string> sections;  // each section's printed title by its input name
    std::string figure;  // a figure's caption, {nummer} and {titel} to fill in: "Figur {nummer}: {titel}"
    std::string table;   // a table's caption, the same: "Tabel {nummer}: {titel}"
    std::string source;  // a table's source line, {kilde} to fill in: "Kilde: {kilde}"
    std::string struck;  // after struck-through text: "(overstreget)"
    std::string order;   // the items' or a table's rows' order changed: "Rækkefølge" (compare only)
    std::string unit;    // a table's unit changed ("enhed: mio. kr." added): "Enhed" (compare only)
    std::string row_name;  // a table's row renamed in place: "Rækkens navn" (compare only)
    std::string source_figure;  // a computed cell's published figure: "{kolonne} (kildens tal)" (compare only)
    std::string label_heading;  // a table's label column's heading changed: "Forspaltens overskrift" (compare only)
    std::string link;  // a link's address changed: "Link" (compare only)
};

// The edition's snapshot of a computed, prepared meeting (version 1, no date), with the figures'
// captions in `words`. The entries point into `meeting`, so the comparison can mark what changed.
Snapshot take_snapshot(model::Meeting& meeting, model::Edition edition, const PrintedWords& words);

// The snapshot as text, in the documented format.
std::string write_snapshot(const Snapshot& s);
// The same, given to `put` in pieces of some 64 KiB as it is written, so that a large meeting's
// snapshot is never held whole.
void write_snapshot(const Snapshot& s, const std::function<void(std::string_view)>& put);

// Reads a snapshot written by write_snapshot; nullopt with *why if the text is not one.
std::optional<Snapshot> read_snapshot(const std::string& text, std::string* why);

// Whether `s` keeps its links' addresses (kLinksField, `lenke` records): one from before has
// none, and compares nothing by them.
bool keeps_links(const Snapshot& s);

// The folders of the items a snapshot's edition has published: `published` and those it shows.
std::set<std::string> shown_folders(const Snapshot& s);

// A quoted figure's formula as written ("budget[Løn; Ændring] | kr.") in a canonical form, so
// that two formulas the formula reader reads alike compare equal: runs of spaces as one, and no
// space where the reader provably skips it (after "(" and ";", before ")" and ";", inside a
// bracket's ends, around ";" in a cell reference "navn[række; kolonne]"). A space beside an
// operator or ".." is never dropped: it tells a minus from a hyphen in a label. Quoted strings,
// the options after " | " (only trimmed) and letter case are kept as written.
std::string canonical_expression(const std::string& written);

// A cell's formula as recorded ("række: I alt = sum(Løn .. Drift)") in a canonical form: its
// target as labels are matched (case and spacing aside: it names the cell's own row or column),
// its expression as canonical_expression.
std::string canonical_formula(const std::string& written);

// Whether two snapshots show the same content (their version and date aside; `published` and
// the items' folders are not content, nor are the formulas, which the packet does not print:
// one rewritten to compute the same figures, "sum(Nord .. Syd)" as "[Nord] + [Midt] + [Syd]",
// corrects nothing; a figure it computes otherwise differs itself). A picture's caption that `a`
// (the version before) recorded as words and `b` quotes the same figures in is the same.
bool same_content(const Snapshot& a, const Snapshot& b);

// `before` with each picture caption it recorded as words alone, as a snapshot did before
// captions quoted their figures, quoted as `now` records the same words (same item and
// section); nullopt when it has none. So rebuilding an older packet makes no new version by it
// alone, and a caption's words corrected since are listed as words.
std::optional<Snapshot> with_quoted_captions(const Snapshot& before, const Snapshot& now);

// Whether two fingerprints are of the same file: an empty one (a snapshot from before they were
// kept) is taken as the same, so an older packet is not made a new version by it alone.
bool same_file(const std::string& a, const std::string& b);

// Whether an attachment has the same PDF file as before, or none as before: where both
// snapshots recorded it (content_kept), a file added or taken away is another; else same_file.
bool same_file(const AttachmentEntry& before, const AttachmentEntry& now);

// Whether the picture `now` records is the same file as `before`'s (same_file), `before` a
// snapshot that recorded the file's fingerprint as read or as the packet holds it.
bool same_picture_file(const PictureEntry& before, const PictureEntry& now);

// Whether a picture of `now` is another file than the same item's same picture in `before`
// (pictures added or removed show as their captions' texts).
bool replaced_picture(const Snapshot& before, const Snapshot& now);

// Whether a chart of `now` draws otherwise than the same item's same chart in `before` (charts
// added or removed show as their captions' texts).
bool redrawn_chart(const Snapshot& before, const Snapshot& now);

// The chart of `before` that `c` is (the same item and figure number), if `before` has one.
const ChartEntry* same_chart(const Snapshot& before, const ChartEntry& c);

// Whether a table's label column has the same heading as before; one a snapshot did not record
// (from before it was kept) is taken as the same.
bool same_label_heading(const TableEntry& before, const TableEntry& now);

// Whether an attachment's date changed; an empty one (a snapshot from before dates were kept)
// is taken as the same.
bool changed_date(const AttachmentEntry& before, const AttachmentEntry& now);

// A snapshot's file name in its edition's folder: "snapshot-offentlig.txt".
std::string snapshot_file(const std::string& edition);

}  // namespace boardpack::versions

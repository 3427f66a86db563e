// A table's names for its template (templates/html/tabel.mustache), answered from the table as
// the template asks for them. The template sees what it always saw (caption, header, rows,
// cells, ...: README, "Templates"), but no tree of kainjow data is built for every cell first and
// taken apart after: that was a third of the HTML's work (the example: 9 M instructions to build,
// some 5 M to free, for 4.000 cells). kainjow asks its context for a name (get) and tells it
// which value a section has entered (push, pop); this context knows the lists it gave out, so
// it knows which heading, row or cell a section is in.
#pragma once

#include <kainjow/mustache.hpp>

#include <cstddef>
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "model/document.hpp"
#include "render/wording.hpp"

namespace boardpack::render::html {

class TableContext final : public kainjow::mustache::basic_context<std::string> {
public:
    using Data = kainjow::mustache::data;
    // The table with its caption's id (table_caption_id); `changed_word` the hidden word of a
    // changed cell's mark, or "" for no marks; in `edition`, which prints the table's anchor
    // only where a text it shows links to the table (printed_anchor).
    TableContext(const model::Table& table, const Wording& wording, std::string caption_id, const std::string& changed_word,
                 model::Edition edition);

    void push(const Data* data) override;
    void pop() override;
    const Data* get(const std::string& name) const override;
    const Data* get_partial(const std::string& name) const override { return get(name); }

private:
    enum class Kind { Table, Heading, Row, Cell, Other };
    // The names this context answers, told apart once for a lookup (name_of) instead of compared
    // as strings in each section around it: a cell's lookups passed through up to thirty
    // comparisons (a name a cell lacks, such as "changed", is looked for in its row and table).
    enum class Name : unsigned char {
        Other, Caption, CaptionId, Anchor, HasAnchor, Wide, Header, Rows, Source, HasSource, Notes, Text, Empty,
        Numeric, Total, Spacer, Label, LabelHtml, LabelChanged, ChangedWord, Columns, Cells, Aligned, Whole, HasAfter,
        After, SlotWidth, TextHtml, Changed, HasClass, Class
    };
    static Name name_of(const std::string& name);
    struct Frame {
        Kind kind = Kind::Other;
        const Data* data = nullptr;  // what the section entered
        size_t index = 0;            // the heading's, row's or cell's (in the row's cells)
        size_t values = 0;           // values_'s size when it was entered
    };
    // A cell's fields, worked out when its section is entered. Its texts are made when first
    // asked for, into strings the cell entered before it (at the same depth) made: a cell costs
    // no allocation of its own, and a text the template does not ask for ({{text}}) is not made.
    struct CellFields {
        const model::Cell* cell = nullptr;
        bool aligned = false, has_after = false, changed = false;
        bool text_made = false, html_made = false;
        const Data* cls = nullptr;      // a constant string (cell_class)
        const Data* slot_width = nullptr;  // the column's (slot_widths_)
        Data text{Data::type::string}, text_html{Data::type::string}, whole{Data::type::string}, after{Data::type::string};
    };

    const Data* answer(const Frame& frame, Name name, const std::string& text) const;
    const Data* table_value(Name name) const;
    const Data* heading_value(size_t k, Name name) const;
    const Data* row_value(size_t r, Name name) const;
    const Data* cell_value(Name name) const;
    const Data* keep(std::string text) const;  // a string value, kept until its section ends
    const Data* list_of(size_t items) const;   // a list of that many entries, for a row's cells

    const model::Table& table_;
    bool has_anchor_;
    std::string changed_word_;
    std::vector<size_t> slots_;  // each numeric column's slot width (numeric_cells.hpp); 0 for the others
    std::vector<Data> slot_widths_;  // the CSS width of each column's slot, made once for its cells
    Data caption_, caption_id_, anchor_, source_, columns_, changed_word_data_;
    Data headings_, rows_, notes_;  // lists whose entries stand for the headings, rows and notes
    mutable std::map<size_t, Data> cell_lists_;
    std::vector<Frame> frames_;
    const Data* cells_ = nullptr;  // the list of cells last given out (the current row's)
    // The entered cells' fields, the innermost at cell_depth_ - 1 (one, as cells do not nest);
    // an entry is kept when its cell ends, its strings reused by the next cell. Each where it
    // was made: kainjow is given its strings.
    std::vector<std::unique_ptr<CellFields>> cell_;
    size_t cell_depth_ = 0;
    CellFields* innermost_cell_ = nullptr;  // cell_[cell_depth_ - 1], asked for at a cell's every name
    mutable std::deque<Data> values_;
    mutable size_t kept_ = 0;  // values_.size(), which a deque counts anew each time
};

// The id of the caption of item.tables[table]: "tabeltitel-<item>-<n>", n counting the item's
// tables (its attachments' too) from 1, as a chart's is "figur-<item>-<n>". It names the item,
// not the table's place on the page, so a public item's table is the same markup in both
// editions (blocks_memo.hpp).
std::string table_caption_id(const model::AgendaItem& item, size_t table);

// The anchor `edition` prints on `table` (its id): the closed edition prints every linked
// table's, the public edition only that of a table a public item links to; "" for none.
inline const std::string& printed_anchor(const model::Table& table, model::Edition edition) {
    static const std::string none;
    return edition == model::Edition::Lukket || table.linked_from_public ? table.anchor : none;
}

// Whether the two editions print an anchor of one of `item`'s tables differently, so that its
// blocks are not the same markup in both (blocks_memo.hpp).
inline bool anchors_differ(const model::AgendaItem& item) {
    for (const model::Table& t : item.tables)
        if (printed_anchor(t, model::Edition::Lukket) != printed_anchor(t, model::Edition::Offentlig)) return true;
    return false;
}

// Columns (the label column included) that still fit across a portrait A4 page in print.
inline constexpr size_t kPortraitColumns = 9;

}  // namespace boardpack::render::html

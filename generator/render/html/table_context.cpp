#include "render/html/table_context.hpp"

#include "render/html/context_values.hpp"

#include "render/html/html_blocks.hpp"
#include "render/html/numeric_cells.hpp"

#include <string_view>

namespace boardpack::render::html {

namespace {

using Data = TableContext::Data;
using model::Cell;

Data string_data(std::string text) {
    Data value{Data::type::string};
    const_cast<std::string&>(value.string_value()) = std::move(text);
    return value;
}

// A cell's class: "tal" for a numeric column's ("tal egen" for a figure set flush right, apart
// from its column's comma: calc/figure_groups.hpp), and its tone's. The twelve there are, made
// once (a cell made a string of its own for it).
const Data* cell_class(bool numeric, bool apart, Cell::Tone tone) {
    static const Data kClasses[3][4] = {
        {string_data(""), string_data("god"), string_data("daarlig"), string_data("neutral")},
        {string_data("tal"), string_data("tal god"), string_data("tal daarlig"), string_data("tal neutral")},
        {string_data("tal egen"), string_data("tal egen god"), string_data("tal egen daarlig"), string_data("tal egen neutral")},
    };
    const size_t t = static_cast<size_t>(tone);
    return &kClasses[numeric ? (apart ? 2 : 1) : 0][t < 4 ? t : 0];
}

// A cell's text as the template's {{text}} escapes it, with the places a long web address may
// break marked (<wbr>): it wraps in its cell rather than widen the table (html_blocks.hpp).
void append_cell_html(const std::string& text, std::string& out) {
    out.reserve(out.size() + text.size() + text.size() / 8);
    append_address_breaks(text, out, "&apos;");
}

std::string cell_html(const std::string& text) {
    std::string out;
    append_cell_html(text, out);
    return out;
}

// The slot width of each numeric column (see numeric_cells.hpp); 0 for the others. A column whose
// figures do not line up as they stand sets a row of a measure of its own apart, flush right
// (calc/figure_groups.hpp, model::Table::figures_apart): its cells are left out of the slot.
std::vector<size_t> numeric_slots(const model::Table& t) {
    std::vector<size_t> slots(t.header.size(), 0);
    std::vector<std::string_view> cells;
    for (size_t k = 1; k < t.header.size(); ++k) {
        if (k >= t.numeric.size() || !t.numeric[k]) continue;
        cells.clear();
        for (const model::TableRow& r : t.rows)
            if (r.role != model::TableRow::Role::Spacer && k < r.cells.size()) cells.push_back(r.cells[k].text);
        slots[k] = column_slot(cells);
        if (slots[k] == 0) continue;
        if (k >= t.figures_apart.size() || t.figures_apart[k].empty()) continue;
        const std::vector<bool>& set_apart = t.figures_apart[k];
        cells.clear();
        for (size_t r = 0; r < t.rows.size(); ++r) {
            const model::TableRow& row = t.rows[r];
            if (row.role != model::TableRow::Role::Spacer && k < row.cells.size() && !set_apart[r]) cells.push_back(row.cells[k].text);
        }
        slots[k] = column_slot(cells);
    }
    return slots;
}

}  // namespace

std::string table_caption_id(const model::AgendaItem& item, size_t table) {
    return "tabeltitel-" + std::to_string(item.number) + "-" + std::to_string(table + 1);
}

TableContext::TableContext(const model::Table& table, const Wording& wording, std::string caption_id,
                           const std::string& changed_word, model::Edition edition)
    : table_(table),
      has_anchor_(!printed_anchor(table, edition).empty()),
      changed_word_(changed_word),
      slots_(numeric_slots(table)),
      caption_(string_data(wording.table_caption(table))),
      caption_id_(string_data(std::move(caption_id))),
      anchor_(string_data(printed_anchor(table, edition))),
      source_(string_data(wording.table_source(table))),
      columns_(string_data(std::to_string(table.header.size()))),
      changed_word_data_(string_data(changed_word)),
      headings_(placeholders(table.header.size())),
      rows_(placeholders(table.rows.size())),
      notes_(Data::type::list) {
    auto& notes = const_cast<kainjow::mustache::list&>(notes_.list_value());
    for (const std::string& n : table.notes) notes.push_back(string_data(n));
    slot_widths_.reserve(slots_.size());
    for (const size_t slot : slots_) slot_widths_.push_back(slot > 0 ? string_data(slot_width(slot)) : Data{false});
    frames_.push_back({Kind::Table, nullptr, 0, 0});
}

TableContext::Name TableContext::name_of(const std::string& name) {
    // By length first: then at most a few comparisons of a few bytes each.
    const std::string_view n = name;
    switch (n.size()) {
        case 4:
            if (n == "text") return Name::Text;
            if (n == "wide") return Name::Wide;
            if (n == "rows") return Name::Rows;
            break;
        case 5:
            if (n == "class") return Name::Class;
            if (n == "whole") return Name::Whole;
            if (n == "after") return Name::After;
            if (n == "label") return Name::Label;
            if (n == "total") return Name::Total;
            if (n == "cells") return Name::Cells;
            if (n == "empty") return Name::Empty;
            if (n == "notes") return Name::Notes;
            break;
        case 6:
            if (n == "spacer") return Name::Spacer;
            if (n == "anchor") return Name::Anchor;
            if (n == "header") return Name::Header;
            if (n == "source") return Name::Source;
            break;
        case 7:
            if (n == "changed") return Name::Changed;
            if (n == "aligned") return Name::Aligned;
            if (n == "caption") return Name::Caption;
            if (n == "numeric") return Name::Numeric;
            if (n == "columns") return Name::Columns;
            break;
        case 9:
            if (n == "has_class") return Name::HasClass;
            if (n == "text_html") return Name::TextHtml;
            if (n == "has_after") return Name::HasAfter;
            break;
        case 10:
            if (n == "label_html") return Name::LabelHtml;
            if (n == "slot_width") return Name::SlotWidth;
            if (n == "caption_id") return Name::CaptionId;
            if (n == "has_anchor") return Name::HasAnchor;
            if (n == "has_source") return Name::HasSource;
            break;
        case 12:
            if (n == "changed_word") return Name::ChangedWord;
            break;
        case 13:
            if (n == "label_changed") return Name::LabelChanged;
            break;
    }
    return Name::Other;
}


void TableContext::push(const Data* data) {
    Frame f{Kind::Other, data, 0, kept_};
    if (entry_of(headings_, data, &f.index)) {
        f.kind = Kind::Heading;
    } else if (entry_of(rows_, data, &f.index)) {
        f.kind = Kind::Row;
    } else if (cells_ && entry_of(*cells_, data, &f.index)) {
        // A cell of the row the list was given out in (the nearest row entered).
        size_t row = table_.rows.size();
        for (auto it = frames_.rbegin(); it != frames_.rend() && row == table_.rows.size(); ++it)
            if (it->kind == Kind::Row) row = it->index;
        const size_t k = f.index + 1;  // the label cell is the row's, not one of its cells
        if (row < table_.rows.size() && k < table_.rows[row].cells.size()) {
            f.kind = Kind::Cell;
            f.index = row;
            const Cell& c = table_.rows[row].cells[k];
            if (cell_depth_ == cell_.size()) cell_.push_back(std::make_unique<CellFields>());
            CellFields& fields = *cell_[cell_depth_++];
            innermost_cell_ = &fields;
            fields.cell = &c;
            const bool apart = k < table_.figures_apart.size() && !table_.figures_apart[k].empty() && table_.figures_apart[k][row];
            fields.cls = cell_class(k < table_.numeric.size() && table_.numeric[k], apart, c.tone);
            const size_t slot = k < slots_.size() ? slots_[k] : 0;
            fields.aligned = slot > 0 && !c.text.empty() && !apart;
            fields.has_after = false;
            fields.slot_width = nullptr;
            if (fields.aligned) {
                FigureParts p = split_figure(c.text);
                const_cast<std::string&>(fields.whole.string_value()) = std::move(p.whole);
                // Nothing after the units digit: the slot is a margin (an empty element would be dropped).
                fields.has_after = !p.fraction.empty() || !p.trail.empty();
                std::string& after = const_cast<std::string&>(fields.after.string_value());
                after = p.fraction;
                after += p.trail;
                fields.slot_width = &slot_widths_[k];
            }
            fields.text_made = fields.html_made = false;
            fields.changed = c.changed && !changed_word_.empty();
        }
    }
    frames_.push_back(f);
}

void TableContext::pop() {
    const Frame f = frames_.back();
    frames_.pop_back();
    if (f.kind == Kind::Cell) {
        --cell_depth_;
        innermost_cell_ = cell_depth_ > 0 ? cell_[cell_depth_ - 1].get() : nullptr;
    }
    // What was looked up inside it is no longer used.
    if (kept_ != f.values) {
        values_.resize(f.values);
        kept_ = f.values;
    }
}

const Data* TableContext::keep(std::string text) const {
    values_.push_back(string_data(std::move(text)));
    ++kept_;
    return &values_.back();
}

const Data* TableContext::list_of(size_t items) const {
    auto it = cell_lists_.find(items);
    if (it == cell_lists_.end()) it = cell_lists_.emplace(items, placeholders(items)).first;
    return &it->second;
}

const Data* TableContext::table_value(Name name) const {
    switch (name) {
        case Name::Caption: return &caption_;
        case Name::CaptionId: return &caption_id_;
        case Name::Anchor: return &anchor_;
        case Name::HasAnchor: return boolean(has_anchor_);
        // A table this wide is printed on a landscape page (see style.css, @page bred).
        case Name::Wide: return boolean(table_.header.size() > kPortraitColumns);
        case Name::Header: return &headings_;
        case Name::Rows: return &rows_;
        case Name::Source: return &source_;
        case Name::HasSource: return boolean(!table_.source.empty());
        case Name::Notes: return &notes_;
        default: return nullptr;
    }
}

const Data* TableContext::heading_value(size_t k, Name name) const {
    switch (name) {
        case Name::Text: return keep(table_.header[k]);
        // A heading with no words (the label column's, often) is a plain cell: an empty <th>
        // announces a header that is not there.
        case Name::Empty: return boolean(table_.header[k].empty());
        case Name::Numeric: return boolean(k < table_.numeric.size() && table_.numeric[k]);
        default: return nullptr;
    }
}

const Data* TableContext::row_value(size_t r, Name name) const {
    const model::TableRow& row = table_.rows[r];
    switch (name) {
        case Name::Total: return boolean(row.total);
        case Name::Spacer: return boolean(row.role == model::TableRow::Role::Spacer);
        case Name::Label: return keep(row.cells.empty() ? std::string() : row.cells[0].text);
        case Name::LabelHtml: return keep(row.cells.empty() ? std::string() : cell_html(row.cells[0].text));
        // The row's label corrected (a row renamed in place, versions/compare.cpp): marked as a cell is.
        case Name::LabelChanged: return boolean(!row.cells.empty() && row.cells[0].changed && !changed_word_.empty());
        case Name::ChangedWord: return &changed_word_data_;
        case Name::Columns: return &columns_;
        case Name::Cells: {
            // Given out here and entered next: its entries are this row's cells.
            const Data* list = list_of(row.cells.size() > 1 ? row.cells.size() - 1 : 0);
            const_cast<TableContext*>(this)->cells_ = list;
            return list;
        }
        default: return nullptr;
    }
}

const Data* TableContext::cell_value(Name name) const {
    CellFields& c = *innermost_cell_;
    if (name == Name::Aligned) return boolean(c.aligned);
    if (c.aligned) {
        if (name == Name::Whole) return &c.whole;
        if (name == Name::HasAfter) return boolean(c.has_after);
        if (name == Name::After) return &c.after;
        if (name == Name::SlotWidth) return c.slot_width;
    } else if (name == Name::Text) {
        if (!c.text_made) const_cast<std::string&>(c.text.string_value()) = c.cell->text;
        c.text_made = true;
        return &c.text;
    } else if (name == Name::TextHtml) {
        if (!c.html_made) {
            std::string& html = const_cast<std::string&>(c.text_html.string_value());
            html.clear();
            append_cell_html(c.cell->text, html);
        }
        c.html_made = true;
        return &c.text_html;
    }
    if (c.changed) {
        if (name == Name::Changed) return boolean(true);
        if (name == Name::ChangedWord) return &changed_word_data_;
    }
    if (name == Name::HasClass) return boolean(!c.cls->string_value().empty());
    if (name == Name::Class) return c.cls;
    return nullptr;
}

const TableContext::Data* TableContext::answer(const Frame& f, Name name, const std::string& text) const {
    switch (f.kind) {
        case Kind::Table: return table_value(name);
        case Kind::Heading: return heading_value(f.index, name);
        case Kind::Row: return row_value(f.index, name);
        case Kind::Cell: return cell_value(name);
        case Kind::Other: return f.data && f.data->is_object() ? f.data->get(text) : nullptr;
    }
    return nullptr;
}

const TableContext::Data* TableContext::get(const std::string& name) const {
    // A name this context knows has no dot: only another is looked at for one (a search of
    // every name cost a tenth of the lookups).
    const Name n = name_of(name);
    if (n == Name::Other) {
        if (name == ".") {
            // The value the innermost section entered: a note's text, or a string a section named.
            return frames_.back().data;
        }
        if (name.find('.') != std::string::npos) return nullptr;  // nothing here has members of its own
    }
    for (auto it = frames_.rbegin(); it != frames_.rend(); ++it)
        if (const Data* value = answer(*it, n, name)) return value;
    return nullptr;
}

}  // namespace boardpack::render::html

#include "render/html/table_context.hpp"

#include "render/html/html_blocks.hpp"
#include "render/html/numeric_cells.hpp"

namespace boardpack::render::html {

namespace {

using Data = TableContext::Data;
using model::Cell;

const char* tone_class(Cell::Tone t) {
    switch (t) {
        case Cell::Tone::Good: return "god";
        case Cell::Tone::Bad: return "daarlig";
        case Cell::Tone::Neutral: return "neutral";
        default: return "";
    }
}

Data string_data(std::string text) {
    Data value{Data::type::string};
    const_cast<std::string&>(value.string_value()) = std::move(text);
    return value;
}

// A cell's text as the template's {{text}} escapes it, with the places a long web address may
// break marked (<wbr>): it wraps in its cell rather than widen the table (html_blocks.hpp).
std::string cell_html(const std::string& text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    append_address_breaks(text, out, "&apos;");
    return out;
}

// A list of `n` entries that stand for something by their place (their value is never shown).
Data placeholders(size_t n) {
    Data list{Data::type::list};
    auto& items = const_cast<kainjow::mustache::list&>(list.list_value());
    items.reserve(n);
    for (size_t i = 0; i < n; ++i) items.emplace_back(Data::type::bool_true);
    return list;
}

const Data kTrue{Data::type::bool_true};
const Data kFalse{Data::type::bool_false};
const Data* boolean(bool b) { return b ? &kTrue : &kFalse; }

// The slot width of each numeric column (see numeric_cells.hpp); 0 for the others.
std::vector<size_t> numeric_slots(const model::Table& t) {
    std::vector<size_t> slots(t.header.size(), 0);
    std::vector<FigureParts> parts;
    for (size_t k = 1; k < t.header.size(); ++k) {
        if (k >= t.numeric.size() || !t.numeric[k]) continue;
        parts.clear();
        for (const model::TableRow& r : t.rows)
            if (r.role != model::TableRow::Role::Spacer && k < r.cells.size()) parts.push_back(split_figure(r.cells[k].text));
        slots[k] = column_slot(parts);
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
    frames_.push_back({Kind::Table, nullptr, 0, 0});
}

bool TableContext::in(const Data& list, const Data* item, size_t* index) {
    const auto& items = list.list_value();
    if (items.empty() || item < items.data() || item >= items.data() + items.size()) return false;
    *index = static_cast<size_t>(item - items.data());
    return true;
}

void TableContext::push(const Data* data) {
    Frame f{Kind::Other, data, 0, values_.size()};
    if (in(headings_, data, &f.index)) {
        f.kind = Kind::Heading;
    } else if (in(rows_, data, &f.index)) {
        f.kind = Kind::Row;
    } else if (cells_ && in(*cells_, data, &f.index)) {
        // A cell of the row the list was given out in (the nearest row entered).
        size_t row = table_.rows.size();
        for (auto it = frames_.rbegin(); it != frames_.rend() && row == table_.rows.size(); ++it)
            if (it->kind == Kind::Row) row = it->index;
        const size_t k = f.index + 1;  // the label cell is the row's, not one of its cells
        if (row < table_.rows.size() && k < table_.rows[row].cells.size()) {
            f.kind = Kind::Cell;
            f.index = row;
            const Cell& c = table_.rows[row].cells[k];
            CellFields fields;
            std::string cls = k < table_.numeric.size() && table_.numeric[k] ? "tal" : "";
            if (const char* tone = tone_class(c.tone); *tone) cls += (cls.empty() ? "" : " ") + std::string(tone);
            fields.cls = string_data(std::move(cls));
            const size_t slot = k < slots_.size() ? slots_[k] : 0;
            fields.aligned = slot > 0 && !c.text.empty();
            if (fields.aligned) {
                FigureParts p = split_figure(c.text);
                fields.whole = string_data(std::move(p.whole));
                // Nothing after the units digit: the slot is a margin (an empty element would be dropped).
                fields.has_after = !p.fraction.empty() || !p.trail.empty();
                fields.after = string_data(p.fraction + p.trail);
                fields.slot_width = string_data(slot_width(slot));
            } else {
                fields.text = string_data(c.text);
                fields.text_html = string_data(cell_html(c.text));
            }
            fields.changed = c.changed && !changed_word_.empty();
            cell_.push_back(std::move(fields));
        }
    }
    frames_.push_back(f);
}

void TableContext::pop() {
    const Frame f = frames_.back();
    frames_.pop_back();
    if (f.kind == Kind::Cell) cell_.pop_back();
    values_.resize(f.values);  // what was looked up inside it is no longer used
}

const Data* TableContext::keep(std::string text) const {
    values_.push_back(string_data(std::move(text)));
    return &values_.back();
}

const Data* TableContext::list_of(size_t items) const {
    auto it = cell_lists_.find(items);
    if (it == cell_lists_.end()) it = cell_lists_.emplace(items, placeholders(items)).first;
    return &it->second;
}

const Data* TableContext::table_value(const std::string& name) const {
    if (name == "caption") return &caption_;
    if (name == "caption_id") return &caption_id_;
    if (name == "anchor") return &anchor_;
    if (name == "has_anchor") return boolean(has_anchor_);
    // A table this wide is printed on a landscape page (see style.css, @page bred).
    if (name == "wide") return boolean(table_.header.size() > kPortraitColumns);
    if (name == "header") return &headings_;
    if (name == "rows") return &rows_;
    if (name == "source") return &source_;
    if (name == "has_source") return boolean(!table_.source.empty());
    if (name == "notes") return &notes_;
    return nullptr;
}

const Data* TableContext::heading_value(size_t k, const std::string& name) const {
    if (name == "text") return keep(table_.header[k]);
    // A heading with no words (the label column's, often) is a plain cell: an empty <th>
    // announces a header that is not there.
    if (name == "empty") return boolean(table_.header[k].empty());
    if (name == "numeric") return boolean(k < table_.numeric.size() && table_.numeric[k]);
    return nullptr;
}

const Data* TableContext::row_value(size_t r, const std::string& name) const {
    const model::TableRow& row = table_.rows[r];
    if (name == "total") return boolean(row.total);
    if (name == "spacer") return boolean(row.role == model::TableRow::Role::Spacer);
    if (name == "label") return keep(row.cells.empty() ? std::string() : row.cells[0].text);
    if (name == "label_html") return keep(row.cells.empty() ? std::string() : cell_html(row.cells[0].text));
    // The row's label corrected (a row renamed in place, versions/compare.cpp): marked as a cell is.
    if (name == "label_changed") return boolean(!row.cells.empty() && row.cells[0].changed && !changed_word_.empty());
    if (name == "changed_word") return &changed_word_data_;
    if (name == "columns") return &columns_;
    if (name == "cells") {
        // Given out here and entered next: its entries are this row's cells.
        const Data* list = list_of(row.cells.size() > 1 ? row.cells.size() - 1 : 0);
        const_cast<TableContext*>(this)->cells_ = list;
        return list;
    }
    return nullptr;
}

const Data* TableContext::cell_value(const std::string& name) const {
    const CellFields& c = cell_.back();
    if (name == "aligned") return boolean(c.aligned);
    if (c.aligned) {
        if (name == "whole") return &c.whole;
        if (name == "has_after") return boolean(c.has_after);
        if (name == "after") return &c.after;
        if (name == "slot_width") return &c.slot_width;
    } else if (name == "text") {
        return &c.text;
    } else if (name == "text_html") {
        return &c.text_html;
    }
    if (c.changed) {
        if (name == "changed") return &kTrue;
        if (name == "changed_word") return &changed_word_data_;
    }
    if (name == "has_class") return boolean(!c.cls.string_value().empty());
    if (name == "class") return &c.cls;
    return nullptr;
}

const TableContext::Data* TableContext::answer(const Frame& f, const std::string& name) const {
    switch (f.kind) {
        case Kind::Table: return table_value(name);
        case Kind::Heading: return heading_value(f.index, name);
        case Kind::Row: return row_value(f.index, name);
        case Kind::Cell: return cell_value(name);
        case Kind::Other: return f.data && f.data->is_object() ? f.data->get(name) : nullptr;
    }
    return nullptr;
}

const TableContext::Data* TableContext::get(const std::string& name) const {
    if (name == ".") {
        // The value the innermost section entered: a note's text, or a string a section named.
        return frames_.back().data;
    }
    if (name.find('.') != std::string::npos) return nullptr;  // nothing here has members of its own
    for (auto it = frames_.rbegin(); it != frames_.rend(); ++it)
        if (const Data* value = answer(*it, name)) return value;
    return nullptr;
}

}  // namespace boardpack::render::html

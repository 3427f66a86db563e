#include "model/text_fields.hpp"

namespace boardpack::model {

namespace {

// A field with no line of its own (the default title comes from the wording) is placed at its file.
const SourceLoc& at(const SourceLoc& field, const SourceLoc& file) { return field.line > 0 ? field : file; }

void inlines(const std::vector<Inline>& in, const SourceLoc& block, const TextVisitor& visit) {
    for (const Inline& i : in) {
        const SourceLoc& where = at(i.loc, block);
        visit(i.text, where);
        if (!i.title().empty()) visit(i.title(), where);  // a link's title: the PDF's link tooltip
        inlines(i.children, block, visit);
    }
}

void blocks(const std::vector<Block>& bs, const TextVisitor& visit) {
    for (const Block& b : bs) {
        inlines(b.inlines, b.loc, visit);
        visit(b.text, b.loc);
        for (const auto& item : b.items) blocks(item, visit);
        blocks(b.children, visit);
    }
}

void table(const Table& t, const TextVisitor& visit) {
    for (const std::string* f : {&t.title, &t.source}) visit(*f, t.loc);
    for (const std::string& n : t.notes) visit(n, t.loc);
    // A heading at its place in the CSV (a computed column's at the table block).
    for (size_t k = 0; k < t.header.size(); ++k)
        visit(t.header[k], k < t.header_locs.size() ? at(t.header_locs[k], t.loc) : t.loc);
    for (const TableRow& r : t.rows)
        for (const Cell& c : r.cells) visit(c.text, at(c.loc, t.loc));
}

void addresses(const std::vector<Inline>& in, const SourceLoc& block, const TextVisitor& visit) {
    for (const Inline& i : in) {
        if (!i.url().empty()) visit(i.url(), at(i.loc, block));
        addresses(i.children, block, visit);
    }
}

void addresses(const std::vector<Block>& bs, const TextVisitor& visit) {
    for (const Block& b : bs) {
        addresses(b.inlines, b.loc, visit);
        for (const auto& item : b.items) addresses(item, visit);
        addresses(b.children, visit);
    }
}

}  // namespace

void for_each_link_address(const AgendaItem& item, const TextVisitor& visit) {
    for (const Section& s : item.sections) addresses(s.blocks, visit);
    for (const Attachment& a : item.attachments) addresses(a.content, visit);
}

void for_each_meeting_text(const Meeting& m, const TextVisitor& visit) {
    const SourceLoc meeting_file{m.id + "/meeting.txt", 0, 0};
    const Meeting::FieldLocs& ml = m.locs;
    for (const auto& [f, loc] : {std::pair{&m.organisation, &ml.organisation}, {&m.body, &ml.body}, {&m.title, &ml.title},
                                 {&m.time, &ml.time}, {&m.place, &ml.place}})
        visit(*f, at(*loc, meeting_file));
}

void for_each_text(const AgendaItem& item, const TextVisitor& visit) {
    const SourceLoc item_file{item.loc.file, 0, 0};
    const AgendaItem::HeaderLocs& hl = item.header_locs;
    for (const auto& [f, loc] : {std::pair{&item.title, &hl.title}, {&item.case_officer, &hl.case_officer},
                                 {&item.case_number, &hl.case_number}})
        visit(*f, at(*loc, item_file));
    for (const Section& s : item.sections) blocks(s.blocks, visit);
    for (const Attachment& a : item.attachments) {
        visit(a.title, a.loc);
        visit(a.document_id, a.loc);
        blocks(a.content, visit);
    }
    for (const Table& t : item.tables) table(t, visit);
    // A chart's own words (its categories and series are its table's labels, visited above).
    for (const Chart& c : item.charts) {
        for (const std::string* f : {&c.title, &c.axis}) visit(*f, c.loc);
        visit(c.unit, at(c.unit_loc, c.loc));
        visit(c.target_label, at(c.target_loc, c.loc));
    }
}

void for_each_text(const Meeting& m, const TextVisitor& visit) {
    for_each_meeting_text(m, visit);
    for (const AgendaItem& item : m.items) for_each_text(item, visit);
}

}  // namespace boardpack::model

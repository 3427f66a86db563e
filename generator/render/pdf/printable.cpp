#include "render/pdf/printable.hpp"

#include "core/text.hpp"
#include "render/pdf/winansi.hpp"

namespace boardpack::render::pdf {

namespace {

class Scanner {
public:
    explicit Scanner(Diagnostics& d) : d_(d) {}

    void text(const std::string& s, const SourceLoc& loc) {
        std::string bad;
        to_winansi(s, &bad);
        if (bad.empty()) return;
        // One message per place, naming the characters (and their code points).
        std::string list;
        for (char32_t cp : decode_utf8(bad)) {
            char hex[16];
            std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(cp));
            std::string one;
            append_utf8(one, cp);
            list += (list.empty() ? "" : ", ") + one + " (" + hex + ")";
        }
        d_.warning(loc, "the PDF cannot print " + list + "; it prints a stand-in or \"?\" (the HTML shows it)");
    }

    void inlines(const std::vector<model::Inline>& in, const SourceLoc& block) {
        for (const model::Inline& i : in) {
            text(i.text, i.loc.line > 0 ? i.loc : block);
            inlines(i.children, block);
        }
    }

    void blocks(const std::vector<model::Block>& bs) {
        for (const model::Block& b : bs) {
            inlines(b.inlines, b.loc);
            text(b.text, b.loc);
            for (const auto& it : b.items) blocks(it);
            blocks(b.children);
        }
    }

private:
    Diagnostics& d_;
};

}  // namespace

void report_unprintable(const model::Meeting& m, Diagnostics& diags) {
    Scanner s(diags);
    // A field with no line of its own (the default title comes from the wording) is reported
    // at its file.
    const SourceLoc meeting{m.id + "/meeting.txt", 0, 0};
    const auto at = [](const SourceLoc& field, const SourceLoc& file) { return field.line > 0 ? field : file; };
    const model::Meeting::FieldLocs& ml = m.locs;
    for (const auto& [f, loc] : {std::pair{&m.organisation, &ml.organisation}, {&m.body, &ml.body}, {&m.title, &ml.title},
                                 {&m.time, &ml.time}, {&m.place, &ml.place}})
        s.text(*f, at(*loc, meeting));
    for (const model::AgendaItem& item : m.items) {
        const SourceLoc header{item.loc.file, 0, 0};
        const model::AgendaItem::HeaderLocs& hl = item.header_locs;
        for (const auto& [f, loc] : {std::pair{&item.title, &hl.title}, {&item.case_officer, &hl.case_officer},
                                     {&item.case_number, &hl.case_number}})
            s.text(*f, at(*loc, header));
        for (const model::Section& sec : item.sections) s.blocks(sec.blocks);
        for (const model::Attachment& a : item.attachments) {
            s.text(a.title, a.loc);
            s.blocks(a.content);
        }
        for (const model::Table& t : item.tables) {
            for (const std::string* f : {&t.title, &t.source}) s.text(*f, t.loc);
            for (const std::string& n : t.notes) s.text(n, t.loc);
            for (const std::string& h : t.header) s.text(h, t.loc);
            for (const model::TableRow& r : t.rows)
                for (const model::Cell& c : r.cells) s.text(c.text, c.loc.line > 0 ? c.loc : t.loc);
        }
    }
}

}  // namespace boardpack::render::pdf

#include "render/correction_sheet.hpp"

#include <map>

#include "core/text.hpp"
#include "model/anchors.hpp"

namespace boardpack::render {

namespace {

using model::FigureChange;
using model::PartChange;

// Where a changed figure stands, in the item it is in.
std::string figure_place(const FigureChange& f, const Wording& w) {
    if (!f.calculation.empty()) return w.get("rettet-beregning", {{"navn", f.calculation}, {"vaerdi", f.row}});
    if (f.table > 0 && !f.formula_of.empty())
        return w.get("rettet-formel", {{"tabel", std::to_string(f.table)}, {"titel", f.table_title}, {"maal", f.formula_of}});
    if (f.table > 0) {
        // A row label printed as a lead-in ("Personaleudgifter i alt:") without its colon, which
        // the sentence's own comma follows.
        std::string row = f.row;
        while (!row.empty() && (row.back() == ':' || row.back() == ' ')) row.pop_back();
        return w.get("rettet-celle", {{"tabel", std::to_string(f.table)}, {"titel", f.table_title},
                                      {"raekke", row}, {"kolonne", f.column}});
    }
    return w.get("rettet-i-tekst", {{"afsnit", f.section}});
}

std::string figure_line(const FigureChange& f, const Wording& w, bool other_item) {
    std::string place = figure_place(f, w);
    // A derived figure in another item than its cause says which item it is in.
    if (other_item) place = w.get("rettet-i-punktet", {{"punkt", std::to_string(f.item)}}) + ", " + place;
    // A figure where there was none (a row added) or none where there was one: said so, never "fra  til 30".
    const char* key = f.before.empty() ? "rettet-tilfoejet" : f.after.empty() ? "rettet-fjernet" : "rettet-fra-til";
    return w.get(key, {{"sted", place}, {"foer", f.before}, {"efter", f.after}});
}

std::string part_line(const PartChange& p, const Wording& w) {
    const std::map<std::string, std::string> v{{"titel", p.title}, {"punkt", std::to_string(p.item)}};
    switch (p.kind) {
        case PartChange::Kind::ItemAdded: return w.get("del-punkt-tilfoejet", v);
        case PartChange::Kind::ItemRemoved:
            return w.get(p.title.empty() ? "del-punkt-fjernet-uden-titel" : "del-punkt-fjernet", v);
        case PartChange::Kind::ItemNowConfidential: return w.get("del-punkt-fortroligt", v);
        case PartChange::Kind::TableAdded: return w.get("del-tabel-tilfoejet", v);
        case PartChange::Kind::TableRemoved: return w.get("del-tabel-fjernet", v);
        case PartChange::Kind::AttachmentAdded: return w.get("del-bilag-tilfoejet", v);
        case PartChange::Kind::AttachmentRemoved: return w.get("del-bilag-fjernet", v);
        case PartChange::Kind::AttachmentReplaced: return w.get("del-bilag-udskiftet", v);
        case PartChange::Kind::PictureReplaced: return w.get("del-billede-udskiftet", v);
    }
    return "";
}

// Where a changed text stands ("Sagsfremstilling:"); for the same words spaced otherwise (a
// paragraph made a code block), the wording's words that say so, which a wording file from before
// them lacks: then the place alone.
std::string text_place(const model::TextChange& t, const std::string& where, const Wording& w) {
    if (t.respaced && w.has("rettet-tekst-opstilling")) return w.get("rettet-tekst-opstilling", {{"afsnit", where}});
    return w.get("rettet-tekst-sted", {{"afsnit", where}});
}

// The words in runs of one kind, with the spaces between them: "a b" struck reads as one
// struck stretch, not two.
std::vector<model::DiffWord> runs(const std::vector<model::DiffWord>& words) {
    std::vector<model::DiffWord> out;
    for (const model::DiffWord& word : words) {
        if (word.text.empty()) continue;
        if (!out.empty() && out.back().kind == word.kind) {
            out.back().text += ' ';
            out.back().text += word.text;
            continue;
        }
        if (!out.empty()) out.back().text += ' ';  // the space between runs belongs to the earlier one
        out.push_back(word);
    }
    return out;
}

bool inlines_marked(const std::vector<model::Inline>& inlines) {
    for (const model::Inline& in : inlines)
        if (in.changed || inlines_marked(in.children)) return true;
    return false;
}

bool blocks_marked(const std::vector<model::Block>& blocks, const model::AgendaItem& item) {
    for (const model::Block& b : blocks) {
        if (b.changed || inlines_marked(b.inlines) || blocks_marked(b.children, item)) return true;
        for (const auto& list_item : b.items)
            if (blocks_marked(list_item, item)) return true;
        if (b.kind == model::Block::Kind::Table && b.table >= 0 && static_cast<size_t>(b.table) < item.tables.size())
            for (const model::TableRow& r : item.tables[static_cast<size_t>(b.table)].rows)
                for (const model::Cell& c : r.cells)
                    if (c.changed) return true;
    }
    return false;
}

}  // namespace

bool has_marks(const model::EditionView& view) {
    if (!corrected_version(view)) return false;
    for (const model::AgendaItem& item : view.items) {
        if (item.redacted) continue;
        if (item.changed) return true;
        for (const model::Section& s : item.sections)
            if (blocks_marked(s.blocks, item)) return true;
        for (const model::Attachment& a : item.attachments)
            if (blocks_marked(a.content, item)) return true;
    }
    return false;
}

CorrectionSheet correction_sheet(const model::EditionView& view, const Wording& w) {
    CorrectionSheet sheet;
    if (!corrected_version(view)) return sheet;
    const model::Changes& c = *view.changes;
    sheet.title = w.get("rettelsesblad");
    sheet.about = view.organisation + " \xE2\x80\x93 " + w.meeting_line(view) + " \xE2\x80\x93 " + w.edition(view.edition);
    sheet.version_line = w.version_line(view);
    // A first version has no date of its own (only a correction is dated, by "rettet:").
    const bool dated = c.previous.date.year > 0;
    sheet.introduction = w.get(dated ? "rettelsesblad-indledning" : "rettelsesblad-indledning-uden-dato", {{"forrige", std::to_string(c.previous.number)},
                                                           {"dato", w.short_date(c.previous.date)},
                                                           {"maerke", w.changed_mark(view)}});
    sheet.none = w.get("ingen-rettelser");

    // The items the view shows, in agenda order; a redacted one only for "now confidential".
    std::map<int, size_t> slot;  // item number -> index in sheet.items
    std::map<int, bool> redacted;
    for (const model::AgendaItem& item : view.items) {
        redacted[item.number] = item.redacted;
        SheetItem si;
        si.number = item.number;
        si.heading = item.redacted ? w.item_heading(item) : w.item_heading(item) + " " + item.title;
        si.anchor = model::item_anchor(item);
        slot[item.number] = sheet.items.size();
        sheet.items.push_back(std::move(si));
    }
    // Whether the view may show a change in item `number`: it is on the agenda and not redacted.
    const auto shown = [&](int number) {
        const auto it = redacted.find(number);
        return it != redacted.end() && !it->second;
    };

    // Figures: each input (or cause-less) change heads its group; a derived one goes under its
    // cause when the cause is shown, else it stands alone in its own item.
    std::map<int, std::pair<int, size_t>> group;  // index in c.figures -> (item, index in its figures)
    for (size_t i = 0; i < c.figures.size(); ++i) {
        const FigureChange& f = c.figures[i];
        if (!shown(f.item)) continue;
        const auto cause = f.cause >= 0 ? group.find(f.cause) : group.end();
        if (!f.input && cause != group.end()) {
            const FigureChange& head = c.figures[static_cast<size_t>(f.cause)];
            SheetItem& owner = sheet.items[slot[cause->second.first]];
            owner.figures[cause->second.second].derived.push_back({figure_line(f, w, f.item != head.item), {}});
            continue;
        }
        SheetItem& si = sheet.items[slot[f.item]];
        group[static_cast<int>(i)] = {f.item, si.figures.size()};
        si.figures.push_back({figure_line(f, w, false), {}});
    }
    // The meeting's own details (meeting.txt: its time, its place), which every edition prints on
    // its front page: first on the sheet, each under its field's name.
    SheetItem meeting;
    meeting.heading = w.get("rettet-moedet");
    for (const model::TextChange& t : c.texts) {
        if (t.item != 0) continue;
        meeting.texts.push_back({text_place(t, capitalized(t.section), w), runs(t.words)});
    }
    for (const model::TextChange& t : c.texts) {
        if (t.item == 0) continue;
        if (!shown(t.item) && !(t.status && redacted.count(t.item))) continue;
        const std::string where = t.section.empty() ? w.get("rettet-overskrift") : t.section;
        sheet.items[slot[t.item]].texts.push_back({text_place(t, where, w), runs(t.words)});
    }
    std::vector<SheetItem> gone;  // removed items: no longer in the view
    for (const PartChange& p : c.parts) {
        if (p.kind == PartChange::Kind::ItemRemoved && !redacted.count(p.item)) {
            SheetItem si;  // no heading: the line names the item
            si.number = p.item;
            si.parts.push_back(part_line(p, w));
            gone.push_back(std::move(si));
            continue;
        }
        const auto it = redacted.find(p.item);
        if (it == redacted.end()) continue;
        if (it->second) {
            // All a sheet may say of an item it redacts: that it is now confidential, or that its
            // line ("6 (Fortrolig)") is new on the agenda, which the packet prints anyway; never its title.
            if (p.kind == PartChange::Kind::ItemNowConfidential)
                sheet.items[slot[p.item]].parts.push_back(w.get("del-punkt-fortroligt"));
            else if (p.kind == PartChange::Kind::ItemAdded)
                sheet.items[slot[p.item]].parts.push_back(w.get("del-punkt-tilfoejet"));
            continue;
        }
        sheet.items[slot[p.item]].parts.push_back(part_line(p, w));
    }
    std::vector<SheetItem> kept;
    if (!meeting.texts.empty()) kept.push_back(std::move(meeting));
    for (SheetItem& si : sheet.items)
        if (!si.figures.empty() || !si.texts.empty() || !si.parts.empty()) kept.push_back(std::move(si));
    for (SheetItem& si : gone) kept.push_back(std::move(si));
    sheet.items = std::move(kept);
    return sheet;
}

}  // namespace boardpack::render

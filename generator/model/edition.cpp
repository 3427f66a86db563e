#include "model/edition.hpp"

#include "model/links.hpp"
#include "model/totals.hpp"

namespace boardpack::model {

EditionView::EditionView(const Meeting& meeting, Edition e)
    : edition(e),
      id(meeting.id),
      organisation(meeting.organisation),
      body(meeting.body),
      title(meeting.title),
      date(meeting.date),
      time(meeting.time),
      place(meeting.place) {
    const bool redact = edition == Edition::Offentlig;
    size_t confidential = 0;
    for (const AgendaItem& item : meeting.items) confidential += redact && is_confidential(item.status) ? 1 : 0;
    redacted_.reserve(confidential);  // items_ points into it: it must not move
    items.items_.reserve(meeting.items.size());
    for (const AgendaItem& item : meeting.items) {
        if (redact && is_confidential(item.status)) {
            // Build the stand-in field by field from nothing, rather than clearing a copy, so a
            // field added to AgendaItem later cannot slip through.
            AgendaItem stand_in;
            stand_in.number = item.number;
            stand_in.status = item.status;
            stand_in.redacted = true;
            redacted_.push_back(std::move(stand_in));
            items.items_.push_back(&redacted_.back());
        } else {
            items.items_.push_back(&item);
        }
    }
}

void prepare_for_print(Meeting& meeting, const PrintDefaults& defaults, Diagnostics& diags) {
    if (meeting.title.empty()) meeting.title = defaults.title;
    for (AgendaItem& item : meeting.items) {
        for (Section& s : item.sections) {
            if (!s.defaulted) continue;
            Block p;
            p.kind = Block::Kind::Paragraph;
            Inline text;
            text.text = defaults.sections[static_cast<size_t>(s.kind)];
            p.inlines.push_back(std::move(text));
            s.blocks = {p};
        }
    }
    // What each table prints in bold, decided once here so the HTML and the PDF agree.
    for (AgendaItem& item : meeting.items)
        for (Table& table : item.tables) mark_totals(table, diags);
    resolve_links(meeting, diags);
}

}  // namespace boardpack::model

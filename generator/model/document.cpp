#include "model/document.hpp"

namespace boardpack::model {

const char* section_title(SectionKind kind) {
    switch (kind) {
        case SectionKind::Resume: return "Resumé";
        case SectionKind::Indstilling: return "Indstilling";
        case SectionKind::Sagsfremstilling: return "Sagsfremstilling";
        case SectionKind::Oekonomi: return "Økonomi";
        case SectionKind::Bemaerkninger: return "Sekretariatets bemærkninger";
        case SectionKind::Kommunikation: return "Kommunikation";
    }
    return "";
}

const char* status_name(Status s) {
    switch (s) {
        case Status::Offentlig: return "Offentlig";
        case Status::Fortrolig: return "Fortrolig";
        case Status::Lukket: return "Lukket";
    }
    return "";
}

const char* edition_folder(Edition e) { return e == Edition::Offentlig ? "offentlig" : "lukket"; }

Meeting edition_view(const Meeting& meeting, Edition edition) {
    Meeting view;
    view.id = meeting.id;
    view.organisation = meeting.organisation;
    view.body = meeting.body;
    view.title = meeting.title;
    view.date = meeting.date;
    view.time = meeting.time;
    view.place = meeting.place;
    for (const AgendaItem& item : meeting.items) {
        if (edition == Edition::Offentlig && is_confidential(item.status)) {
            // Build the redacted item field by field from nothing, rather than clearing a copy,
            // so a field added to AgendaItem later cannot slip through.
            AgendaItem redacted;
            redacted.number = item.number;
            redacted.status = item.status;
            redacted.redacted = true;
            view.items.push_back(std::move(redacted));
        } else {
            view.items.push_back(item);
        }
    }
    return view;
}

}  // namespace boardpack::model

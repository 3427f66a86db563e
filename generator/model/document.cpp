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

}  // namespace boardpack::model

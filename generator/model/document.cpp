#include "model/document.hpp"

#include <algorithm>

namespace boardpack::model {

bool written_as_year(std::string_view t) {
    return t.size() == 4 && (t.substr(0, 2) == "19" || t.substr(0, 2) == "20") &&
           std::all_of(t.begin(), t.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

std::string printed_unit(const Table& t) {
    return !t.unit.empty() ? t.unit : !t.figures_unit.empty() ? t.figures_unit : std::string("kr.");
}

bool printed_as_year(const Cell& c) {
    return c.kind == Cell::Kind::Number && c.unit.empty() && c.text.size() >= 4 &&
           written_as_year(std::string_view(c.text).substr(0, 4)) && (c.text.size() == 4 || c.text[4] == ' ');
}

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

#include "model/document.hpp"

#include <algorithm>

namespace boardpack::model {

long day_number(const Date& date) {
    // H. Hinnant's days_from_civil: years of 400 (146097 days), March first in each.
    const long y = date.year - (date.month <= 2 ? 1 : 0);
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long doy = (153 * (date.month + (date.month > 2 ? -3 : 9)) + 2) / 5 + date.day - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

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

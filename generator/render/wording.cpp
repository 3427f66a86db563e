#include "render/wording.hpp"
#include "core/messages.hpp"

#include "core/key_values.hpp"
#include "core/text.hpp"

namespace boardpack::render {

namespace {

const char* const kRequiredKeys[] = {
    "dagsorden", "udgave-offentlig", "udgave-lukket", "moede", "dato", "tidspunkt", "sted",
    "punkt-overskrift", "sagsbehandler", "sagsnummer", "bilag", "bilag-linje", "bilag-overskrift",
    "ingen-bemaerkninger", "tom-sektion", "ingen-bilag", "tabel", "figur", "figur-tal", "ikke-oplyst", "ikke-oplyst-kort", "ikke-oplyst-note", "kilde", "side", "side-kort",
    "indhold", "ugedage", "maaneder", "fortsat", "sektion-resume", "sektion-indstilling",
    "sektion-sagsfremstilling", "sektion-oekonomi", "sektion-bemaerkninger", "sektion-kommunikation",
    "status-opfyldt", "status-ikke-opfyldt", "udvikling-stigende", "udvikling-faldende", "udvikling-uaendret",
    "udvikling-steget", "udvikling-faldet", "loft-over", "loft-under", "loft-paa",
    "kilden-afviger", "afrundede-tal", "titel-offentlig", "titel-lukket", "lukket-maerke", "bilag-stempel", "bilag-stempel-uden-dato",
    // Corrections (model/changes.hpp): the version line, the rettelsesblad and the marks.
    "version-linje", "dato-kort", "rettet-i-version", "rettelsesblad", "rettelsesblad-titel",
    "rettelsesblad-indledning", "rettelsesblad-indledning-uden-dato", "rettede-tal", "rettet-tekst", "rettede-dele", "rettet-celle", "rettet-i-tekst", "rettet-beregning", "rettet-formel", "rettet-raekkefoelge", "rettet-enhed",
    "rettet-i-punktet", "rettet-fra-til", "rettet-tilfoejet", "rettet-fjernet", "afledte-tal", "rettet-overskrift", "rettet-tekst-sted", "ingen-rettelser", "rettet-moedet",
    "del-punkt-tilfoejet", "del-punkt-fjernet", "del-punkt-fjernet-uden-titel", "del-punkt-fortroligt",
    "del-tabel-tilfoejet", "del-tabel-fjernet", "del-bilag-tilfoejet", "del-bilag-fjernet",
    "del-bilag-udskiftet", "del-billede-udskiftet",
    "overstreget-i-teksten", "forklaring-tekst-html", "forklaring-tekst-pdf", "forklaring-maerker-html", "forklaring-maerker-pdf",
    "skjult-rettet", "skjult-slettet", "skjult-tilfoejet", "skjult-slut",
};

std::vector<std::string> split_list(const std::string& s) {
    std::vector<std::string> out;
    size_t start = 0;
    while (true) {
        const size_t comma = s.find(',', start);
        out.emplace_back(trim(std::string_view(s).substr(start, comma == std::string::npos ? std::string::npos : comma - start)));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return out;
}

}  // namespace

std::optional<Wording> Wording::load(const TextFile& file, Diagnostics& diags) {
    const int errors_before = diags.error_count();
    Wording w;
    for (const KeyValue& kv : parse_key_values(file, 1, static_cast<int>(file.lines.size()) + 1, diags))
        w.texts_[kv.key] = kv.value;
    for (const char* key : kRequiredKeys)
        if (!w.texts_.count(key)) diags.error(file.loc(0), fmt(_("the wording has no \"{}:\" line"), key));
    if (diags.error_count() > errors_before) return std::nullopt;
    w.status_words_ = {w.texts_["status-opfyldt"],     w.texts_["status-ikke-opfyldt"], w.texts_["udvikling-stigende"],
                       w.texts_["udvikling-faldende"], w.texts_["udvikling-uaendret"], w.texts_["udvikling-steget"],
                       w.texts_["udvikling-faldet"],   w.texts_["loft-over"],           w.texts_["loft-under"],
                       w.texts_["loft-paa"],            w.texts_["kilden-afviger"],      w.texts_["afrundede-tal"]};
    w.weekdays_ = split_list(w.texts_["ugedage"]);
    w.months_ = split_list(w.texts_["maaneder"]);
    if (w.weekdays_.size() != 7) diags.error(file.loc(0), _("\"ugedage:\" must list 7 days"));
    if (w.months_.size() != 12) diags.error(file.loc(0), _("\"maaneder:\" must list 12 months"));
    if (diags.error_count() > errors_before) return std::nullopt;
    return w;
}

std::string Wording::get(const std::string& key, const std::map<std::string, std::string>& values) const {
    const auto it = texts_.find(key);
    return fill_in(it == texts_.end() ? key : it->second, values);
}

int weekday(const model::Date& d) {
    // 0 = Monday; 1970-01-01 (day 0) was a Thursday (3).
    const long k = (model::day_number(d) + 3) % 7;
    return static_cast<int>(k < 0 ? k + 7 : k);
}

std::string Wording::date(const model::Date& d) const {
    if (d.month < 1 || d.month > 12) return "";
    return get("dato", {{"ugedag", weekdays_[static_cast<size_t>(weekday(d))]},
                        {"dag", std::to_string(d.day)},
                        {"maaned", months_[static_cast<size_t>(d.month - 1)]},
                        {"aar", std::to_string(d.year)}});
}

std::string Wording::meeting_line(const model::EditionView& m) const {
    return get("moede", {{"organ", m.body}, {"dato", date(m.date)}});
}

std::string Wording::item_heading(const model::AgendaItem& item) const {
    return get("punkt-overskrift", {{"nummer", std::to_string(item.number)}, {"status", model::status_name(item.status)}});
}

std::string Wording::table_caption(const model::Table& t) const {
    return get("tabel", {{"nummer", std::to_string(t.number)}, {"titel", t.title}});
}

std::string Wording::figure_caption(int number, const std::string& description) const {
    return get("figur", {{"nummer", std::to_string(number)}, {"titel", description}});
}

std::string Wording::table_source(const model::Table& t) const {
    return t.source.empty() ? std::string() : get("kilde", {{"kilde", t.source}});
}

std::string Wording::attachment_line(const model::Attachment& a) const {
    return get("bilag-linje", {{"titel", a.title}, {"dokument", a.document_id}, {"sag", a.case_number}});
}

std::string Wording::attachment_heading(const model::AgendaItem& item, const model::Attachment& a) const {
    return get("bilag-overskrift",
               {{"nummer", std::to_string(a.number)}, {"punkt", std::to_string(item.number)}, {"titel", a.title}});
}

std::string Wording::page_of(int page, int pages) const {
    return get("side", {{"side", std::to_string(page)}, {"sider", std::to_string(pages)}});
}

std::string Wording::edition(model::Edition e) const {
    return get(e == model::Edition::Offentlig ? "udgave-offentlig" : "udgave-lukket");
}

std::string Wording::document_title(const model::EditionView& m) const {
    std::string title = get(m.edition == model::Edition::Offentlig ? "titel-offentlig" : "titel-lukket",
                            {{"titel", m.title}, {"moede", meeting_line(m)}});
    const std::string version = version_line(m);
    // A corrected packet says so in its title too: a tab or a saved file tells the versions apart.
    if (!version.empty()) title += " \xE2\x80\x93 " + version;
    return title;
}

std::string Wording::short_date(const model::Date& d) const {
    if (d.month < 1 || d.month > 12) return "";
    return get("dato-kort", {{"dag", std::to_string(d.day)},
                             {"maaned", months_[static_cast<size_t>(d.month - 1)]},
                             {"aar", std::to_string(d.year)}});
}

int corrected_version(const model::EditionView& m) {
    return m.changes && m.changes->version.number > 1 ? m.changes->version.number : 0;
}

std::string Wording::version_line(const model::EditionView& m) const {
    // Version 1 prints nothing: a first publication looks as it always has.
    if (!corrected_version(m)) return "";
    return get("version-linje", {{"version", std::to_string(m.changes->version.number)},
                                 {"dato", short_date(m.changes->version.date)}});
}

std::string Wording::changed_mark(const model::EditionView& m) const {
    if (!corrected_version(m)) return "";
    return get("rettet-i-version", {{"version", std::to_string(m.changes->version.number)}});
}

std::string Wording::section_title(model::SectionKind kind) const {
    switch (kind) {
        case model::SectionKind::Resume: return get("sektion-resume");
        case model::SectionKind::Indstilling: return get("sektion-indstilling");
        case model::SectionKind::Sagsfremstilling: return get("sektion-sagsfremstilling");
        case model::SectionKind::Oekonomi: return get("sektion-oekonomi");
        case model::SectionKind::Bemaerkninger: return get("sektion-bemaerkninger");
        case model::SectionKind::Kommunikation: return get("sektion-kommunikation");
    }
    return "";
}

std::string Wording::section_default(model::SectionKind kind) const {
    switch (kind) {
        case model::SectionKind::Oekonomi:
        case model::SectionKind::Bemaerkninger:
        case model::SectionKind::Kommunikation: return get("ingen-bemaerkninger");
        default: return get("tom-sektion");
    }
}

model::PrintDefaults Wording::print_defaults() const {
    model::PrintDefaults d;
    d.title = get("dagsorden");
    for (int k = 0; k < model::kSectionCount; ++k)
        d.sections[static_cast<size_t>(k)] = section_default(static_cast<model::SectionKind>(k));
    return d;
}

}  // namespace boardpack::render

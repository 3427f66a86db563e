// The packet's fixed Danish wording (templates/wording.txt) and the texts built from it that
// both renderers print, so the HTML and the PDF say exactly the same.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "calc/words.hpp"
#include "core/diagnostics.hpp"
#include "core/text_file.hpp"
#include "model/document.hpp"
#include "model/edition.hpp"

namespace boardpack::render {

class Wording {
public:
    // Reads and checks the wording file: every key the renderers use must be there.
    static std::optional<Wording> load(const TextFile& file, Diagnostics& diags);

    // The text for `key` with each {name} replaced by its value.
    std::string get(const std::string& key, const std::map<std::string, std::string>& values = {}) const;
    // Whether the wording file has a line for `key` (one not every wording file has).
    bool has(const std::string& key) const { return texts_.count(key) > 0; }

    // Built texts.
    std::string meeting_line(const model::EditionView& m) const;   // "Bestyrelsens møde torsdag den 14. ..."
    std::string date(const model::Date& d) const;             // "torsdag den 14. september 2023"
    std::string item_heading(const model::AgendaItem& item) const;  // "18 (Offentlig)"
    std::string table_caption(const model::Table& t) const;   // "Tabel 1: ..."
    std::string table_source(const model::Table& t) const;    // "Kilde: ..." or ""
    std::string figure_caption(int number, const std::string& description) const;  // "Figur 1: ..."
    std::string attachment_line(const model::Attachment& a) const;  // "Title (1647734 - EMN-...)"
    std::string attachment_heading(const model::AgendaItem& item, const model::Attachment& a) const;
    std::string page_of(int page, int pages) const;
    std::string edition(model::Edition e) const;
    // The title of an edition's HTML page and PDF, which names the edition first so that a
    // shortened title (a browser tab, a mail attachment) still says it:
    // "LUKKET – Dagsorden: Bestyrelsens møde ...".
    std::string document_title(const model::EditionView& m) const;
    // "15. september 2023": a date without its weekday, as the version line prints it.
    std::string short_date(const model::Date& d) const;
    // "Version 2, rettet 15. september 2023" for a corrected edition (view.changes with a
    // version > 1), "" for a first publication.
    std::string version_line(const model::EditionView& m) const;
    // "Rettet i version 2" at a changed item's heading and agenda entry; "" for version 1.
    std::string changed_mark(const model::EditionView& m) const;
    // The mark on every page of the closed edition: "LUKKET – må ikke offentliggøres".
    std::string closed_mark() const { return get("lukket-maerke"); }

    // A section's heading as printed.
    std::string section_title(model::SectionKind kind) const;
    // A table caption on the pages a table continues on.
    std::string continued(const std::string& caption) const { return get("fortsat", {{"titel", caption}}); }

    // The words computed statuses are printed with.
    const calc::Words& status_words() const { return status_words_; }

    // The text printed for a section that is missing or empty.
    std::string section_default(model::SectionKind kind) const;

    // What print fills in where the input leaves something out (see model::prepare_for_print).
    model::PrintDefaults print_defaults() const;

private:
    std::map<std::string, std::string> texts_;
    std::vector<std::string> weekdays_;
    std::vector<std::string> months_;
    calc::Words status_words_;
};

// The edition's version number when it corrects an earlier one (> 1), else 0.
int corrected_version(const model::EditionView& m);

// Day of the week, 0 = Monday.
int weekday(const model::Date& d);

}  // namespace boardpack::render

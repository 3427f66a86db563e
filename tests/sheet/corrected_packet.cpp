// A test tool for issue 13's rendering until the version comparison lands: builds a meeting's
// two editions as if one input figure, the figure quoted from it, one paragraph and one item
// had been corrected (model::Changes and the `changed` flags made here by hand), and writes each
// edition's corrected packet and rettelsesblad, so the PDF/UA and browser tests can check them.
//
// usage: corrected_packet MEETING_FOLDER OUT_FOLDER
//   writes OUT/<meeting>/<edition>/dagsorden-<edition>.{html,pdf} and rettelsesblad-<edition>.{html,pdf}
#include <filesystem>
#include <fstream>
#include <iostream>

#include "build.hpp"
#include "core/input_files.hpp"

using namespace boardpack;
namespace fs = std::filesystem;

namespace {

// Flags the first changeable things of the first public item with a table, and says so in `c`.
void correct(model::Meeting& meeting, model::Changes& c) {
    c.version = {2, {meeting.date.year, meeting.date.month, meeting.date.day}};
    c.previous = {1, meeting.date};
    for (model::AgendaItem& item : meeting.items) {
        if (model::is_confidential(item.status) || item.tables.empty()) continue;
        item.changed = true;
        model::Table& t = item.tables[0];
        for (size_t r = 0; r < t.rows.size() && c.figures.empty(); ++r)
            for (size_t k = 1; k < t.rows[r].cells.size() && c.figures.empty(); ++k) {
                model::Cell& cell = t.rows[r].cells[k];
                if (cell.text.empty()) continue;
                cell.changed = true;
                c.figures.push_back({item.number, t.number, t.title, t.rows[r].cells[0].text,
                                     k < t.header.size() ? t.header[k] : "", "", "0", cell.text, true, -1, "", ""});
            }
        for (model::Section& s : item.sections)
            for (model::Block& b : s.blocks) {
                if (b.kind != model::Block::Kind::Paragraph) continue;
                for (model::Inline& in : b.inlines)
                    if (in.kind == model::Inline::Kind::Figure && !in.changed) {
                        in.changed = true;
                        c.figures.push_back({item.number, 0, "", "", "", "Resumé", "0", in.text, false, 0, "", ""});
                    }
                if (c.texts.empty()) {
                    b.changed = true;
                    using K = model::DiffWord::Kind;
                    c.texts.push_back({item.number, "Resumé", {{K::Same, "Sekretariatet"}, {K::Removed, "foreslog"},
                                                                {K::Added, "fremlægger"}, {K::Same, "forslaget."}}});
                }
            }
        c.parts.push_back({model::PartChange::Kind::AttachmentAdded, item.number, "Notat om rettelsen"});
        return;
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: corrected_packet MEETING_FOLDER OUT_FOLDER\n";
        return 2;
    }
    const fs::path folder = fs::absolute(argv[1]);
    const std::string id = folder.filename().string();
    Diagnostics d;
    DiskFiles files(folder);
    auto meeting = pipeline::load(files, id, d);
    auto kit = pipeline::load_kit(BOARDPACK_TEMPLATE_DIR, BOARDPACK_FONT_DIR, d);
    if (!meeting || !kit) {
        for (const Diagnostic& x : d.all()) std::cerr << format_diagnostic(x);
        return 1;
    }
    pipeline::compute(*meeting, kit->wording, d);
    pipeline::prepare(*meeting, kit->wording, d);
    model::Changes changes;
    correct(*meeting, changes);
    for (model::Edition e : {model::Edition::Offentlig, model::Edition::Lukket}) {
        model::EditionView view = pipeline::edition(*meeting, e);
        view.changes = &changes;
        const fs::path out = fs::path(argv[2]) / id / model::edition_folder(e);
        fs::create_directories(out);
        const std::string name = std::string("dagsorden-") + model::edition_folder(e);
        auto html = pipeline::render_html(view, kit->wording, kit->html, d);
        if (html) std::ofstream(out / (name + ".html"), std::ios::binary) << *html;
        pipeline::write_pdf(pipeline::lay_out(view, kit->wording, kit->fonts.layout_metrics()), *kit,
                            (out / (name + ".pdf")).string(), d);
        pipeline::write_correction_sheet(view, *kit, out, d);
    }
    for (const Diagnostic& x : d.all()) std::cerr << format_diagnostic(x);
    return d.error_count() ? 1 : 0;
}

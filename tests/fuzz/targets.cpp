#include "targets.hpp"

#include <string>

#include "calc/meeting_calc.hpp"
#include "core/input_files.hpp"
#include "core/text_file.hpp"
#include "input/csv_reader.hpp"
#include "input/meeting_loader.hpp"
#include "input/table_reader.hpp"
#include "render/pdf/packet_layout.hpp"
#include "render/wording.hpp"

namespace boardpack::fuzz {

namespace {

const char* const kMeeting =
    "organisation: O\norgan: Bestyrelsen\ndato: 2024-03-07\ntidspunkt: kl. 9\nsted: S\npunkt: a\npunkt: b\n";
const char* const kHeader =
    "---\nnummer: 1\nstatus: Offentlig\ntitel: T\nsagsbehandler: S\nsagsnummer: EMN-2024-00001\n---\n";
const char* const kOther =
    "---\nnummer: 2\nstatus: Fortrolig\ntitel: H\nsagsbehandler: S\nsagsnummer: EMN-2024-00002\n---\n"
    "# Resumé\n\n```tabel\nfil: h.csv\nnavn: h\ntitel: H\n```\n";
const char* const kCsv = "Post;2023;2024\nIndtægter;-100;-120\nUdgifter;90,5;130\n;;\nI alt;;\n";

const render::Wording& wording() {
    static const render::Wording w = [] {
        Diagnostics d;
        auto f = make_text_file("wording.txt", "wording.txt",
                                "dagsorden: Dagsorden\nudgave-offentlig: O\nudgave-lukket: L\nmoede: {organ} {dato}\n"
                                "dato: {ugedag} {dag}. {maaned} {aar}\ntidspunkt: T\nsted: S\npunkt-overskrift: {nummer} ({status})\n"
                                "sagsbehandler: S\nsagsnummer: N\nbilag: B\nbilag-linje: {titel} ({dokument} - {sag})\n"
                                "bilag-overskrift: Bilag {nummer}: {titel}\ningen-bemaerkninger: I\ntom-sektion: -\n"
                                "ingen-bilag: -\ntabel: Tabel {nummer}: {titel}\nkilde: Kilde: {kilde}\nside: {side}/{sider}\n"
                                "side-kort: S\nindhold: I\nfortsat: {titel} (f)\nsektion-resume: R\nsektion-indstilling: I\n"
                                "sektion-sagsfremstilling: S\nsektion-oekonomi: Ø\nsektion-bemaerkninger: B\n"
                                "sektion-kommunikation: K\nstatus-opfyldt: o\nstatus-ikke-opfyldt: io\n"
                                "udvikling-stigende: s\nudvikling-faldende: f\nudvikling-uaendret: u\n"
                                "udvikling-steget: st\nudvikling-faldet: fa\nloft-over: ov\nloft-under: un\n"
                                "loft-paa: pa\nugedage: a, b, c, d, e, f, g\n"
                                "maaneder: a, b, c, d, e, f, g, h, i, j, k, l\n",
                                d);
        return *render::Wording::load(*f, d);
    }();
    return w;
}

void build(const MemoryFiles& files) {
    Diagnostics d;
    auto m = input::load_meeting(files, "m", d);
    if (!m) return;
    calc::compute_meeting(*m, wording().status_words(), d);
    if (d.has_errors()) return;
    render::apply_defaults(*m, wording());
    render::pdf::FixedMetrics metrics;
    for (model::Edition e : {model::Edition::Offentlig, model::Edition::Lukket})
        render::pdf::layout_packet(model::edition_view(*m, e), e, wording(), metrics);
}

}  // namespace

void csv(const uint8_t* data, size_t size) {
    Diagnostics d;
    auto f = make_text_file("f.csv", "f.csv", std::string(reinterpret_cast<const char*>(data), size), d);
    if (!f) return;
    auto table = input::read_csv(*f, d);
    if (!table) return;
    for (const input::CsvRow& r : table->rows)
        for (const input::CsvField& field : r.fields) input::classify_cell(field.text, {"f.csv", field.line, field.column}, d);
}

void metadata(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    {
        MemoryFiles files("m");
        files.add("meeting.txt", text);
        files.add("a/item.md", std::string(kHeader) + "# Resumé\n\nTekst.\n");
        files.add("b/item.md", kOther);
        files.add("b/h.csv", kCsv);
        build(files);
    }
    {
        MemoryFiles files("m");
        files.add("meeting.txt", kMeeting);
        files.add("a/item.md", text);
        files.add("a/t.csv", kCsv);
        files.add("b/item.md", kOther);
        files.add("b/h.csv", kCsv);
        build(files);
    }
}

void markdown(const uint8_t* data, size_t size) {
    MemoryFiles files("m");
    files.add("meeting.txt", kMeeting);
    files.add("a/item.md", std::string(kHeader) + std::string(reinterpret_cast<const char*>(data), size));
    files.add("a/t.csv", kCsv);
    files.add("a/u.csv", "A;B\n1;2\n");
    files.add("a/bilag.md", "## Bilag\n\n```tabel\nfil: u.csv\nnavn: u\ntitel: U\n```\n");
    files.add("b/item.md", kOther);
    files.add("b/h.csv", kCsv);
    build(files);
}

}  // namespace boardpack::fuzz

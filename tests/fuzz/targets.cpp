#include "targets.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "attach/pdf_attachment.hpp"
#include "attach/reader_answer.hpp"
#include "build.hpp"
#include "calc/evaluator.hpp"
#include "calc/expression.hpp"
#include "core/input_files.hpp"
#include "core/text_file.hpp"
#include <hpdf.h>

#include "input/csv_reader.hpp"
#include "input/image_metadata.hpp"
#include "input/image_reader.hpp"
#include "input/table_reader.hpp"
#include "render/html/html_writer.hpp"
#include "render/wording.hpp"

namespace boardpack::fuzz {

namespace {

[[noreturn]] void fail(const char* what, const Diagnostics& d) {
    std::fprintf(stderr, "fuzz targets: %s (from %s)\n", what, BOARDPACK_TEMPLATE_DIR);
    for (const Diagnostic& x : d.all()) std::fputs(format_diagnostic(x).c_str(), stderr);
    std::abort();
}

const char* const kMeeting =
    "organisation: O\norgan: Bestyrelsen\ndato: 2024-03-07\ntidspunkt: kl. 9\nsted: S\npunkt: a\npunkt: b\n";
const char* const kHeader =
    "---\nnummer: 1\nstatus: Offentlig\ntitel: T\nsagsbehandler: S\nsagsnummer: EMN-2024-00001\n---\n";
const char* const kOther =
    "---\nnummer: 2\nstatus: Fortrolig\ntitel: H\nsagsbehandler: S\nsagsnummer: EMN-2024-00002\n---\n"
    "# Resumé\n\n```tabel\nfil: h.csv\nnavn: h\ntitel: H\n```\n";
const char* const kCsv = "Post;2023;2024\nIndtægter;-100;-120\nUdgifter;90,5;130\n;;\nI alt;;\n";

// The HTML templates, read once like the wording.
const render::html::HtmlTemplates& html_templates() {
    static const render::html::HtmlTemplates t = [] {
        Diagnostics d;
        DiskFiles templates(BOARDPACK_TEMPLATE_DIR);
        auto loaded = render::html::HtmlTemplates::load(templates, d);
        if (!loaded) fail("cannot read the HTML templates", d);
        return std::move(*loaded);
    }();
    return t;
}

// The build's own steps, with fixed metrics instead of the fonts (no font files to read).
void build(const MemoryFiles& files) {
    Diagnostics d;
    auto m = pipeline::load(files, "m", d);
    if (!m) return;
    pipeline::compute(*m, wording(), d);
    if (d.has_errors()) return;
    pipeline::prepare(*m, wording(), d);
    render::pdf::FixedMetrics metrics;
    for (model::Edition e : {model::Edition::Offentlig, model::Edition::Lukket}) {
        const model::EditionView view = pipeline::edition(*m, e);
        (void)pipeline::render_html(view, wording(), html_templates(), d);
        (void)pipeline::lay_out(view, wording(), metrics);
    }
}

// Rows "x", "y", "z", "mindst", "størst", "tekst", "mangler" of one column: the labels a fuzzed
// formula can name, with the extremes an overflow starts from.
class SmallTable final : public calc::References, public calc::Scope {
public:
    SmallTable() : Scope(static_cast<References&>(*this)) {
        values_ = {{"x", calc::Value::of(calc::Decimal(-285400000, 0), 0)},
                   {"y", calc::Value::of(calc::Decimal(285, 2), 2)},
                   {"z", calc::Value::of(calc::Decimal(0, 0), 0)},
                   {"mindst", calc::Value::of(calc::Decimal(INT64_MIN, 0), 0)},
                   {"størst", calc::Value::of(calc::Decimal(INT64_MAX, 12), 12)},
                   {"tekst", calc::Value::word("lavere")},
                   {"mangler", calc::Value::missing("Ikke oplyst")}};
    }
    std::optional<calc::Value> cell(const std::string& name, const std::vector<std::string>& labels,
                                    calc::Failure* error) override {
        if (name == "t" && !labels.empty()) return label(labels.back(), error);
        error->message = "no table";
        return std::nullopt;
    }
    std::optional<int> table_number(const std::string&, calc::Failure*) override { return 1; }
    const calc::Words& words() const override { return wording().status_words(); }
    std::optional<calc::Value> label(const std::string& l, calc::Failure* error) override {
        for (const auto& [k, v] : values_)
            if (k == l) return v;
        error->message = "no label";
        return std::nullopt;
    }
    std::optional<std::vector<calc::Value>> range(const std::string& from, const std::string& to, calc::Failure* error,
                                                  bool*) override {
        std::vector<calc::Value> out;
        bool in = false;
        for (const auto& [k, v] : values_) {
            in = in || k == from;
            if (in) out.push_back(v);
            if (in && k == to) return out;
        }
        error->message = "no range";
        return std::nullopt;
    }
    bool accepts_missing(const calc::Value&, calc::Failure*) override { return true; }

private:
    std::vector<std::pair<std::string, calc::Value>> values_;
};

// Lines never break out of the one-line place a formula is written in.
std::string one_line(std::string s) {
    for (char& c : s)
        if (c == '\n' || c == '\r') c = ' ';
    return s;
}

}  // namespace

const render::Wording& wording() {
    // The real templates/wording.txt (its folder is compiled in), so the targets print what a
    // build prints and a new wording key needs no second copy here.
    static const render::Wording w = [] {
        Diagnostics d;
        auto loaded = pipeline::load_wording(BOARDPACK_TEMPLATE_DIR, d);
        if (!loaded) fail("cannot read the wording", d);
        return std::move(*loaded);
    }();
    return w;
}

void formula(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    {
        calc::FormulaError pe;
        auto e = calc::parse_expression(text, &pe);
        if (e) {
            SmallTable t;
            calc::FormulaError err;
            if (auto v = calc::evaluate(*e, t, &err); v && v->is_number()) (void)v->number.to_plain();
        }
    }
    const std::string f = one_line(text);
    MemoryFiles files("m");
    files.add("meeting.txt", kMeeting);
    files.add("a/item.md", std::string(kHeader) + "# Resumé\n\nTal: {" + f + "} og {t[Indtægter; 2024] | kr.}.\n\n" +
                               "```tabel\nfil: t.csv\nnavn: t\ntitel: T\nrække: R = " + f + "\nkolonne: K = " + f +
                               "\n```\n\n```beregning\nnavn: c\nværdi: v = " + f + "\nværdi: w = c[v] + t[I alt; K]\n```\n");
    files.add("a/t.csv", kCsv);
    files.add("b/item.md", kOther);
    files.add("b/h.csv", kCsv);
    build(files);
}

void calculation(const uint8_t* data, size_t size) {
    std::vector<std::string> parts(1);
    const std::string text(reinterpret_cast<const char*>(data), size);
    size_t start = 0;
    while (parts.size() < 4 && start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        const std::string line = text.substr(start, end - start);
        if (line == "%%") parts.emplace_back();
        else parts.back() += line + "\n";
        start = end + 1;
    }
    if (start < text.size()) parts.back() += text.substr(start);
    parts.resize(4);
    MemoryFiles files("m");
    files.add("meeting.txt", kMeeting);
    files.add("a/item.md", std::string(kHeader) + "# Resumé\n\n" + parts[3] + "\n\n```tabel\nfil: t.csv\nnavn: t\ntitel: T\n" +
                               parts[1] + "```\n\n```beregning\nnavn: c\n" + parts[2] + "```\n");
    files.add("a/t.csv", parts[0]);
    files.add("b/item.md", kOther);
    files.add("b/h.csv", kCsv);
    build(files);
}

void pdf(const uint8_t* data, size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    std::string why;
    if (auto clean = attach::clean_pdf(bytes, &why)) {
        auto again = attach::clean_pdf(clean->bytes, &why);
        if (!again || again->pages != clean->pages) {
            std::fprintf(stderr, "fuzz pdf: a cleaned attachment does not read back: %s\n", why.c_str());
            std::abort();
        }
    }
    MemoryFiles files("m");
    files.add("meeting.txt", kMeeting);
    files.add("a/item.md", "---\nnummer: 1\nstatus: Offentlig\ntitel: T\nsagsbehandler: S\nsagsnummer: EMN-2024-00001\n"
                           "bilag: B | 1 | b.pdf | 2024-01-02\n---\n# Resumé\n\nTekst.\n");
    files.add("a/b.pdf", bytes);
    files.add("b/item.md", kOther);
    files.add("b/h.csv", kCsv);
    build(files);
}

void answer(const uint8_t* data, size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const attach::DecodedAnswer got = attach::decode_answer(bytes);
    std::string again;
    if (got.pdf) again = attach::encode_answer(*got.pdf, *got.pdf->imported);
    else if (got.refused) again = attach::encode_refusal(got.why);
    else return;
    if (again != bytes) {
        std::fprintf(stderr, "fuzz answer: an answer read whole does not write back to the same bytes\n");
        std::abort();
    }
}

void image(const uint8_t* data, size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    const input::ImageCheck c = input::check_image(bytes);
    if (!c.problem.empty()) return;
    // What the packet holds is the file without its metadata: still a whole file of the same
    // picture, as the check sees it, and what libharu loads.
    const std::string kept = input::without_metadata(bytes, c.format);
    const input::ImageCheck k = input::check_image(kept);
    if (!k.problem.empty() || k.format != c.format || k.width != c.width || k.height != c.height || kept.size() > bytes.size() + 2)
        std::abort();
    HPDF_Doc pdf = HPDF_New(nullptr, nullptr);
    if (!pdf) return;
    const auto* b = reinterpret_cast<const HPDF_BYTE*>(kept.data());
    const auto n = static_cast<HPDF_UINT>(kept.size());
    (void)(c.format == model::Image::Format::Jpeg ? HPDF_LoadJpegImageFromMem(pdf, b, n) : HPDF_LoadPngImageFromMem(pdf, b, n));
    HPDF_Free(pdf);
}

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

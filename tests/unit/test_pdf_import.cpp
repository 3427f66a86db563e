// An attachment's pages as objects to copy into the packet (attach/pdf_import): what is copied,
// what is left out, how references are written, and where a page's form is placed.
#include <doctest/doctest.h>
#include <libdeflate.h>

#include <cmath>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "attach/clean_queue.hpp"
#include "attach/pdf_attachment.hpp"
#include "attach/pdf_import.hpp"
#include "core/deflate.hpp"

using namespace boardpack;

namespace {

// A PDF from its objects' bodies (object n is bodies[n-1]; 1 is the catalog), with a correct
// cross-reference table, so qpdf reads it without repairing it.
std::string pdf_of(const std::vector<std::string>& bodies) {
    std::string out = "%PDF-1.7\n";
    std::vector<size_t> offsets;
    for (size_t i = 0; i < bodies.size(); ++i) {
        offsets.push_back(out.size());
        out += std::to_string(i + 1) + " 0 obj\n" + bodies[i] + "\nendobj\n";
    }
    const size_t xref = out.size();
    out += "xref\n0 " + std::to_string(bodies.size() + 1) + "\n0000000000 65535 f \n";
    for (size_t o : offsets) {
        char line[24];
        std::snprintf(line, sizeof line, "%010zu 00000 n \n", o);
        out += line;
    }
    out += "trailer\n<< /Size " + std::to_string(bodies.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
           std::to_string(xref) + "\n%%EOF\n";
    return out;
}

std::string stream(const std::string& dict, const std::string& data) {
    return "<< " + dict + " /Length " + std::to_string(data.size()) + " >>\nstream\n" + data + "\nendstream";
}

// The references a body makes, as indexes into the copied objects.
std::vector<size_t> references(const std::string& body) {
    std::vector<size_t> out;
    for (size_t i = body.find(attach::kReferenceStart); i != std::string::npos; i = body.find(attach::kReferenceStart, i + 1))
        out.push_back(std::stoul(body.substr(i + 1, body.find(attach::kReferenceEnd, i) - i - 1)));
    return out;
}

std::string all_bodies(const attach::ImportedPdf& p) {
    std::string out;
    for (const attach::ForeignObject& o : p.objects) out += o.body + "\n";
    return out;
}

}  // namespace

TEST_CASE("an attachment page's objects are copied with what it draws, and nothing of the document around it") {
    // 3: the page. Its resources: a font (4), an image (5) with its own /Metadata (6), a
    // graphics state whose soft mask names the page itself, an array (7) used twice, and a form
    // (8) tied to the attachment's structure tree.
    const std::string pdf = pdf_of({
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 9 0 R /Resources << /Font << /F1 4 0 R >> "
        "/XObject << /Im1 5 0 R /Fm1 8 0 R >> /ExtGState << /G1 << /Odd 3 0 R >> >> "
        "/Properties << /A 7 0 R /B 7 0 R >> >> >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        stream("/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 "
               "/Filter /ASCIIHexDecode /Metadata 6 0 R",
               "7F>"),
        stream("/Type /Metadata /Subtype /XML", "<x>Metakanarie</x>"),
        "[1 2.5 /Navn#20med#20mellemrum (tekst)]",
        stream("/Type /XObject /Subtype /Form /BBox [0 0 10 10] /StructParents 4", "0 0 m 10 10 l S"),
        stream("", "BT /F1 12 Tf 10 50 Td (Hej) Tj ET /Im1 Do /Fm1 Do"),
    });
    std::string why;
    const auto clean = attach::clean_pdf(pdf, &why);
    REQUIRE_MESSAGE(clean, why);
    REQUIRE(clean->imported);
    const attach::ImportedPdf& p = *clean->imported;
    REQUIRE(p.pages.size() == 1);
    const attach::ForeignObject& form = p.objects.at(p.pages[0].form);
    CHECK(form.stream);
    // The page's content, which qpdf gives decoded, compressed.
    CHECK(form.body.find("/Filter /FlateDecode") != std::string::npos);
    CHECK(form.data.size() > 2);
    CHECK(static_cast<unsigned char>(form.data[0]) == 0x78);  // a zlib stream
    CHECK(form.body.find("/Subtype /Form") != std::string::npos);
    // Every reference is to a copied object; the page itself (in the graphics state) is null.
    for (const attach::ForeignObject& o : p.objects)
        for (size_t r : references(o.body)) CHECK(r < p.objects.size());
    const std::string bodies = all_bodies(p);
    CHECK(bodies.find("/Odd null") != std::string::npos);
    CHECK(bodies.find("/Type /Page\n") == std::string::npos);
    CHECK(bodies.find("/Type /Pages") == std::string::npos);
    // The structure tree's numbers and the image's metadata stay behind.
    CHECK(bodies.find("/StructParents") == std::string::npos);
    CHECK(bodies.find("/Metadata") == std::string::npos);
    for (const attach::ForeignObject& o : p.objects) CHECK(o.data.find("Metakanarie") == std::string::npos);
    // An array that is not a dictionary is written where it is used, names with #xx and strings
    // in hex; a stream keeps its filter and its bytes as they were.
    const std::string array = "[1 2.5 /Navn#20med#20mellemrum <74656B7374>]";
    const size_t first = bodies.find(array);
    CHECK(first != std::string::npos);
    CHECK(bodies.find(array, first + 1) != std::string::npos);
    bool image = false;
    for (const attach::ForeignObject& o : p.objects)
        if (o.body.find("/Subtype /Image") != std::string::npos) {
            image = true;
            CHECK(o.stream);
            CHECK(o.body.find("/Filter /ASCIIHexDecode") != std::string::npos);
            CHECK(o.body.find("/Length") == std::string::npos);  // libharu writes its own
            CHECK(o.data == "7F>");
        }
    CHECK(image);
    // Nothing in a body is a control character but the references' marks.
    for (unsigned char c : bodies)
        CHECK((c >= 0x20 || c == '\n' || c == static_cast<unsigned char>(attach::kReferenceStart) ||
               c == static_cast<unsigned char>(attach::kReferenceEnd)));
}

TEST_CASE("a turned page's form covers the page as a viewer shows it, and is placed centred in the box") {
    const std::string pdf = pdf_of({
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Rotate 90 /Contents 4 0 R /Resources << >> >>",
        stream("", "0 0 m 200 100 l S"),
    });
    std::string why;
    const auto clean = attach::clean_pdf(pdf, &why);
    REQUIRE_MESSAGE(clean, why);
    const attach::ImportedPage& page = clean->imported->pages.at(0);
    CHECK(page.urx - page.llx == doctest::Approx(100));  // upright: 100 wide, 200 high
    CHECK(page.ury - page.lly == doctest::Approx(200));
    // Into a box 400 wide and 200 high at (10, 20): scaled 1, centred across.
    const attach::FormPlacement at = attach::place_form(page, 10, 20, 400, 200);
    CHECK(at.scale == doctest::Approx(1));
    CHECK(at.tx + at.scale * page.llx == doctest::Approx(10 + 150));
    CHECK(at.ty + at.scale * page.lly == doctest::Approx(20));
    // Into a box half its size: scaled down, never out of the box.
    const attach::FormPlacement half = attach::place_form(page, 0, 0, 50, 100);
    CHECK(half.scale == doctest::Approx(0.5));
    CHECK(half.tx + half.scale * page.llx == doctest::Approx(0));
    CHECK(half.ty + half.scale * page.ury == doctest::Approx(100));
}

namespace {

// The numbers of an array written after `key` in a copied object's body ("/BBox [0 0 200 100]").
std::vector<double> numbers_after(const std::string& body, const std::string& key) {
    std::vector<double> out;
    const size_t at = body.find(key + " [");
    if (at == std::string::npos) return out;
    const size_t end = body.find(']', at);
    std::istringstream in(body.substr(at + key.size() + 2, end - at - key.size() - 2));
    for (double v; in >> v;) out.push_back(v);
    return out;
}

// Where the form of an attachment's one page draws the point (x, y) of the page, and its box.
struct Drawn {
    double x = 0, y = 0;
    attach::ImportedPage page;
    std::vector<double> bbox;
};
Drawn drawn(const std::string& pdf, double x, double y) {
    std::string why;
    const auto clean = attach::clean_pdf(pdf, &why);
    REQUIRE_MESSAGE(clean, why);
    Drawn d;
    d.page = clean->imported->pages.at(0);
    const std::string& body = clean->imported->objects.at(d.page.form).body;
    d.bbox = numbers_after(body, "/BBox");
    std::vector<double> m = numbers_after(body, "/Matrix");
    if (m.empty()) m = {1, 0, 0, 1, 0, 0};
    REQUIRE(m.size() == 6);
    d.x = m[0] * x + m[2] * y + m[4];
    d.y = m[1] * x + m[3] * y + m[5];
    return d;
}

std::string one_page(const std::string& page_entries, const std::string& tree_entries = "") {
    return pdf_of({
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 " + tree_entries + " >>",
        "<< /Type /Page /Parent 2 0 R " + page_entries + " /Contents 4 0 R /Resources << >> >>",
        stream("", "0 0 m 200 100 l S"),
    });
}

}  // namespace

TEST_CASE("a page's form shows what a viewer shows: the crop box cut to the media box, not the trim box") {
    // A print file's trim box (the page's edge after cutting) is not where a viewer cuts the page.
    Drawn d = drawn(one_page("/MediaBox [0 0 200 100] /TrimBox [50 25 150 75]"), 0, 0);
    CHECK(d.bbox == std::vector<double>{0, 0, 200, 100});
    CHECK(d.page.urx - d.page.llx == doctest::Approx(200));
    // A crop box past the media box shows only the media box.
    d = drawn(one_page("/MediaBox [0 0 200 100] /CropBox [-50 -50 300 150]"), 0, 0);
    CHECK(d.bbox == std::vector<double>{0, 0, 200, 100});
    // A crop box inside it, inherited, its corners in the other order.
    d = drawn(one_page("/MediaBox [0 0 200 100]", "/CropBox [180 90 20 10]"), 20, 10);
    CHECK(d.bbox == std::vector<double>{20, 10, 180, 90});
    CHECK(d.x == doctest::Approx(d.page.llx));  // its corner is the form's corner
    CHECK(d.y == doctest::Approx(d.page.lly));
    // A crop box beside the media box leaves nothing to show: the file is damaged.
    std::string why;
    CHECK_FALSE(attach::clean_pdf(one_page("/MediaBox [0 0 200 100] /CropBox [300 300 400 400]"), &why));
    CHECK(why.find("no valid page size") != std::string::npos);
}

TEST_CASE("a page turned by any /Rotate a viewer takes is drawn turned as the viewer shows it") {
    // Where the top-left corner of a 200 x 100 page ends up, turned clockwise: 0 at the top left,
    // 90 at the top right, 180 at the bottom right, 270 at the bottom left. Viewers take /Rotate
    // modulo 360; one that is no multiple of 90 is not turned.
    struct Case {
        std::string rotate;
        bool right, top;
    };
    for (const Case& c : {Case{"0", false, true}, Case{"90", true, true}, Case{"180", true, false}, Case{"270", false, false},
                          Case{"-90", false, false}, Case{"-180", true, false}, Case{"450", true, true},
                          Case{"540", true, false}, Case{"-270", true, true}, Case{"45", false, true}}) {
        for (const bool inherited : {false, true}) {
            const Drawn d = inherited ? drawn(one_page("/MediaBox [0 0 200 100]", "/Rotate " + c.rotate), 0, 100)
                                      : drawn(one_page("/MediaBox [0 0 200 100] /Rotate " + c.rotate), 0, 100);
            CAPTURE(c.rotate);
            CAPTURE(inherited);
            const bool upright = c.right != c.top;  // 0 and 180 keep the page's shape
            CHECK(d.page.urx - d.page.llx == doctest::Approx(upright ? 200 : 100));
            CHECK(d.page.ury - d.page.lly == doctest::Approx(upright ? 100 : 200));
            CHECK(d.x == doctest::Approx(c.right ? d.page.urx : d.page.llx));
            CHECK(d.y == doctest::Approx(c.top ? d.page.ury : d.page.lly));
        }
    }
}

TEST_CASE("a page far from the origin is drawn inside its box, with numbers the packet's page can write") {
    // The packet's content writes numbers up to 32767, as libharu does: a form drawn at
    // -40000 would come out on no page at all. The form's corner is 0 0 whatever the page's.
    for (const std::string entries : {"/MediaBox [40000 40000 40200 40100]", "/MediaBox [-40200 -40100 -40000 -40000] /Rotate 90"}) {
        const Drawn d = drawn(one_page(entries), 0, 0);
        CAPTURE(entries);
        CHECK(d.page.llx == doctest::Approx(0));
        CHECK(d.page.lly == doctest::Approx(0));
        const attach::FormPlacement at = attach::place_form(d.page, 10, 20, 400, 200);
        CHECK(std::abs(at.tx) < 1000);
        CHECK(std::abs(at.ty) < 1000);
    }
}

TEST_CASE("a page too large or too small to show in the packet is refused, naming its size") {
    // 1e11 units a side: the packet would draw it at a scale of 5e-9, written as 0, a blank page.
    for (const std::string entries : {"/MediaBox [0 0 99999999999 99999999999]", "/MediaBox [0 0 1 1]",
                                      "/MediaBox [0 0 14400 14400] /UserUnit 100"}) {
        std::string why;
        CHECK_FALSE_MESSAGE(attach::clean_pdf(one_page(entries), &why), entries);
        CHECK_MESSAGE(why.find("which the packet cannot show") != std::string::npos, entries, why);
    }
    std::string why;
    CHECK_MESSAGE(attach::clean_pdf(one_page("/MediaBox [0 0 99999999999 99999999999]"), &why) == std::nullopt, why);
    CHECK(why == "its page 1 is 35277777777 × 35277777777 mm, which the packet cannot show: a page's side may be from 1 mm "
                 "to 100 m");
    // PDF's largest page, 200 inches, and one made larger by its /UserUnit are shown.
    for (const std::string entries : {"/MediaBox [0 0 14400 14400]", "/MediaBox [0 0 14400 7200] /UserUnit 10",
                                      "/MediaBox [0 0 3 3]"}) {
        why.clear();
        CHECK_MESSAGE(attach::clean_pdf(one_page(entries), &why), entries, why);
    }
}

TEST_CASE("active content is taken out wherever it sits: in direct dictionaries as in objects of their own") {
    // 3: the page, its link annotation a direct dictionary in /Annots with its JavaScript action
    // direct inside it; an array of the page holds, two levels down, a direct launch action;
    // the catalog's /Names (5) a JavaScript name tree; 6 an indirect annotation with an /AA.
    const std::string pdf = pdf_of({
        "<< /Type /Catalog /Pages 2 0 R /Names 5 0 R /OpenAction << /S /JavaScript /JS (JSKANARIE1) >> >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R /Resources << >> "
        "/Annots [<< /Type /Annot /Subtype /Link /Rect [0 0 50 50] /A << /S /JavaScript /JS (JSKANARIE2) >> >> 6 0 R] "
        "/Egen [[<< /A << /S /Launch /F (calc.exe) >> >>]] >>",
        stream("", "0 0 m 200 100 l S"),
        "<< /JavaScript << /Names [(x) << /S /JavaScript /JS (JSKANARIE3) >>] >> >>",
        "<< /Type /Annot /Subtype /Link /Rect [50 0 100 50] /AA << /E << /S /JavaScript /JS (JSKANARIE4) >> >> "
        "/A << /S /URI /URI (https://example.org/) >> >>",
    });
    std::string why;
    const auto clean = attach::clean_pdf(pdf, &why);
    REQUIRE_MESSAGE(clean, why);
    for (const char* gone : {"JSKANARIE", "/JavaScript", "/JS", "/Launch", "calc.exe", "/AA"})
        CHECK_MESSAGE(clean->bytes.find(gone) == std::string::npos, gone);
    CHECK(clean->bytes.find("https://example.org/") != std::string::npos);  // a plain link stays
    CHECK(clean->removed == std::vector<std::string>{"JavaScript", "actions that open, send or run something"});
}

TEST_CASE("an action under any key, and a link out of the web, are taken out; http, https and mailto links stay") {
    // 3: the page with six link annotations (4-9), their addresses in the order below; one
    // (10) holds a JavaScript action under /PA, and the page a launch action under a key of its own.
    const std::vector<std::string> uris = {"javascript:app.alert(1)", "file:///etc/passwd", "\\\\\\\\vaert\\\\del\\\\x.exe",
                                           "data:text/html,<script>", "side2.html", "HTTPS://example.org/a"};
    std::vector<std::string> bodies = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 11 0 R /Resources << >> "
        "/Annots [4 0 R 5 0 R 6 0 R 7 0 R 8 0 R 9 0 R 10 0 R] /Egen << /S /Launch /F (calc.exe) >> >>",
    };
    for (const std::string& uri : uris)
        bodies.push_back("<< /Type /Annot /Subtype /Link /Rect [0 0 10 10] /A << /S /URI /URI (" + uri + ") >> >>");
    bodies.push_back("<< /Type /Annot /Subtype /Link /Rect [0 0 10 10] /A << /S /URI /URI (mailto:a@example.org) >> "
                     "/PA << /S /JavaScript /JS (JSKANARIE) >> >>");
    bodies.push_back(stream("", "0 0 m 200 100 l S"));
    std::string why;
    const auto clean = attach::clean_pdf(pdf_of(bodies), &why);
    REQUIRE_MESSAGE(clean, why);
    for (const char* gone : {"javascript:", "file:", "vaert", "data:text", "side2.html", "JSKANARIE", "/Launch", "calc.exe"})
        CHECK_MESSAGE(clean->bytes.find(gone) == std::string::npos, gone);
    for (const char* kept : {"HTTPS://example.org/a", "mailto:a@example.org"})
        CHECK_MESSAGE(clean->bytes.find(kept) != std::string::npos, kept);
    CHECK(clean->removed == std::vector<std::string>{"JavaScript", "actions that open, send or run something"});
}

TEST_CASE("an attachment page without a valid page size is refused as damaged") {
    for (const std::string box : {"[0 0 0 0]", "(x)", "[0 0 200]", "[10 10 10 50]"}) {
        const std::string pdf = pdf_of({
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox " + box + " /Contents 4 0 R /Resources << >> >>",
            stream("", "0 0 m 200 100 l S"),
        });
        std::string why;
        CHECK_FALSE_MESSAGE(attach::clean_pdf(pdf, &why), box);
        CHECK_MESSAGE(why.find("no valid page size") != std::string::npos, box, why);
    }
    // A crop box of no area too; one inherited from the page tree is enough, its corners in
    // either order.
    std::string why;
    CHECK_FALSE(attach::clean_pdf(pdf_of({
                                      "<< /Type /Catalog /Pages 2 0 R >>",
                                      "<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 200 100] >>",
                                      "<< /Type /Page /Parent 2 0 R /CropBox [5 5 5 5] /Contents 4 0 R /Resources << >> >>",
                                      stream("", "0 0 m 200 100 l S"),
                                  }),
                                  &why));
    why.clear();
    CHECK_MESSAGE(attach::clean_pdf(pdf_of({
                                        "<< /Type /Catalog /Pages 2 0 R >>",
                                        "<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [200 100 0 0] >>",
                                        "<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << >> >>",
                                        stream("", "0 0 m 200 100 l S"),
                                    }),
                                    &why),
                  why);
}

TEST_CASE("an object stream that decodes past the limit is refused before qpdf reads it whole") {
    // A PDF 1.5 with a cross-reference stream: object 5 (the page's resources) lives in object
    // stream 6, whose compressed bytes decode to more than the limit of an attachment's content.
    const std::string head = "5 0 ";
    std::string objects = head + "<< >>";
    objects.resize(attach::kMaxAttachmentContentBytes + 1024, ' ');
    Deflater deflater;
    REQUIRE(deflater.compress(objects));
    const std::string data = deflater.result();
    std::string().swap(objects);
    std::string out = "%PDF-1.5\n";
    std::map<int, size_t> offset;
    const auto object = [&](int n, const std::string& body) {
        offset[n] = out.size();
        out += std::to_string(n) + " 0 obj\n" + body + "\nendobj\n";
    };
    object(1, "<< /Type /Catalog /Pages 2 0 R >>");
    object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    object(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R /Resources 5 0 R >>");
    object(4, stream("", "0 0 m 200 100 l S"));
    object(6, "<< /Type /ObjStm /N 1 /First " + std::to_string(head.size()) + " /Filter /FlateDecode /Length " +
                  std::to_string(data.size()) + " >>\nstream\n" + data + "\nendstream");
    offset[7] = out.size();
    std::string rows;
    const auto row = [&rows](int type, size_t field2, int field3) {
        rows += static_cast<char>(type);
        for (int shift = 24; shift >= 0; shift -= 8) rows += static_cast<char>((field2 >> shift) & 0xff);
        rows += static_cast<char>((field3 >> 8) & 0xff);
        rows += static_cast<char>(field3 & 0xff);
    };
    row(0, 0, 65535);
    for (int n = 1; n <= 7; ++n) {
        if (n == 5) row(2, 6, 0);
        else row(1, offset[n], 0);
    }
    out += "7 0 obj\n<< /Type /XRef /Size 8 /W [1 4 2] /Root 1 0 R /Length " + std::to_string(rows.size()) +
           " >>\nstream\n" + rows + "\nendstream\nendobj\nstartxref\n" + std::to_string(offset[7]) + "\n%%EOF\n";
    std::string why;
    CHECK_FALSE(attach::clean_pdf(out, &why));
    CHECK_MESSAGE(why.find("object streams decode to more than 128 MiB") != std::string::npos, why);
}

namespace {

// A one-page PDF 1.5 whose cross-reference sections are streams. `sections` are the data of
// each section's stream, oldest first, and how it is compressed; each newer one names the
// one before as /Prev; the rows of the newest are correct and come first in its data, what follows
// them only makes it longer. With `hybrid`, the newest section is a table whose trailer names
// the streams by /XRefStm instead.
std::string xref_stream_pdf(const std::vector<std::pair<std::string, std::string>>& extra, bool hybrid = false) {
    std::string out = "%PDF-1.5\n";
    std::vector<size_t> offsets;
    for (const char* body : {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                             "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] >>"}) {
        offsets.push_back(out.size());
        out += std::to_string(offsets.size()) + " 0 obj\n" + body + "\nendobj\n";
    }
    std::string rows = std::string("\x00\x00\x00\xff", 4);
    for (size_t o : offsets) rows += std::string(1, '\x01') + static_cast<char>(o >> 8) + static_cast<char>(o & 0xff) + '\x00';
    rows += std::string(1, '\x01') + "??" + '\x00';  // the section's own stream, filled in below
    size_t previous = 0;
    for (size_t i = 0; i < extra.size(); ++i) {
        const size_t at = out.size();
        std::string data = rows + extra[i].first;
        data[data.size() - extra[i].first.size() - 3] = static_cast<char>(at >> 8);
        data[data.size() - extra[i].first.size() - 2] = static_cast<char>(at & 0xff);
        // "" as it is, "/FlateDecode" compressed once, "twice" compressed twice.
        const int passes = extra[i].second.empty() ? 0 : extra[i].second == "twice" ? 2 : 1;
        std::string filter;
        for (int pass = 0; pass < passes; ++pass) {
            Deflater deflater;
            REQUIRE(deflater.compress(data));
            data = deflater.result();
            filter += " /FlateDecode";
        }
        out += "4 0 obj\n<< /Type /XRef /Size 5 /W [1 2 1] /Root 1 0 R" +
               (filter.empty() ? "" : " /Filter [" + filter + " ]") +
               (i ? " /Prev " + std::to_string(previous) : std::string()) + " /Length " + std::to_string(data.size()) +
               " >>\nstream\n" + data + "\nendstream\nendobj\n";
        previous = at;
    }
    if (hybrid) {
        const size_t at = out.size();
        out += "xref\n0 4\n0000000000 65535 f \n";
        for (size_t o : offsets) {
            char line[24];
            std::snprintf(line, sizeof line, "%010zu 00000 n \n", o);
            out += line;
        }
        out += "trailer\n<< /Size 5 /Root 1 0 R /XRefStm " + std::to_string(previous) + " >>\n";
        previous = at;
    }
    return out + "startxref\n" + std::to_string(previous) + "\n%%EOF\n";
}

bool refused_as_xref_bomb(const std::string& pdf) {
    std::string why;
    const bool read = attach::clean_pdf(pdf, &why).has_value();
    INFO(why);
    return !read && why.find("cross-reference streams decode to more than 4 MiB") != std::string::npos;
}

}  // namespace

TEST_CASE("a cross-reference stream that decodes past the limit is refused before qpdf opens the file") {
    // qpdf decodes the cross-reference streams whole while it opens a file: a 4 KB stream of
    // zeros decoded twice is gigabytes.
    const std::string zeros(attach::kMaxXrefStreamBytes, '\0');
    std::string why;
    SUBCASE("a correct one is read") {
        CHECK(attach::clean_pdf(xref_stream_pdf({{"", "/FlateDecode"}}), &why));
        CHECK(attach::clean_pdf(xref_stream_pdf({{"", ""}}), &why));
        CHECK(attach::clean_pdf(xref_stream_pdf({{"", "/FlateDecode"}, {"", "/FlateDecode"}}), &why));
        CHECK(attach::clean_pdf(xref_stream_pdf({{"", "/FlateDecode"}}, true), &why));
    }
    SUBCASE("compressed once") { CHECK(refused_as_xref_bomb(xref_stream_pdf({{zeros, "/FlateDecode"}}))); }
    SUBCASE("compressed twice") { CHECK(refused_as_xref_bomb(xref_stream_pdf({{zeros, "twice"}}))); }
    SUBCASE("the section before, named by /Prev") {
        CHECK(refused_as_xref_bomb(xref_stream_pdf({{zeros, "twice"}, {"", "/FlateDecode"}})));
    }
    SUBCASE("named by a table's /XRefStm") { CHECK(refused_as_xref_bomb(xref_stream_pdf({{zeros, "twice"}}, true))); }
    SUBCASE("two sections, each within the limit, past it together") {
        const std::string half(attach::kMaxXrefStreamBytes / 2 + 1024, '\0');
        CHECK(refused_as_xref_bomb(xref_stream_pdf({{half, "/FlateDecode"}, {half, "/FlateDecode"}})));
    }
    SUBCASE("a section that names itself as the one before is followed once") {
        std::string pdf = xref_stream_pdf({{"", "/FlateDecode"}});
        const size_t at = pdf.find("4 0 obj");
        pdf.replace(pdf.find("/Root 1 0 R", at), 11, "/Root 1 0 R /Prev " + std::to_string(at));
        std::string damaged;
        attach::clean_pdf(pdf, &damaged);  // qpdf's to judge; it must come back
        CHECK(damaged.find("cross-reference") == std::string::npos);
    }
}

TEST_CASE("an attachment whose objects would be copied endlessly is refused with the reason") {
    // 4 holds itself: written where it is used, it would never end.
    const std::string loop = pdf_of({
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 5 0 R /Resources << /Properties << /L 4 0 R >> >> >>",
        "[1 4 0 R]",
        stream("", "0 0 m 200 100 l S"),
    });
    std::string why;
    CHECK_FALSE(attach::clean_pdf(loop, &why));
    CHECK(why.find("loop") != std::string::npos);
    // Nine arrays, each holding the one before ten times: 10^9 copies of the first.
    std::vector<std::string> bodies = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R /Resources << /Properties << /L 14 0 R >> >> >>",
        stream("", "0 0 m 200 100 l S"),
        "[/Bund]",
    };
    for (int level = 6; level <= 14; ++level) {
        std::string a = "[";
        for (int k = 0; k < 10; ++k) a += std::to_string(level - 1) + " 0 R ";
        bodies.push_back(a + "]");
    }
    why.clear();
    CHECK_FALSE(attach::clean_pdf(pdf_of(bodies), &why));
    CHECK(why.find("too many objects") != std::string::npos);
}

TEST_CASE("attachments cleaned on a second thread come back as clean_pdf makes them, in the order they were added") {
    // Good and bad PDFs mixed: each ticket's result is what clean_pdf says of its bytes, whether
    // the second thread cleaned it, the taker did, or (no background) the taker always does.
    std::vector<std::string> inputs;
    for (int k = 0; k < 12; ++k) {
        if (k % 4 == 3) {
            inputs.push_back("%PDF-1.7\nnot a PDF at all " + std::to_string(k));
            continue;
        }
        const std::string text = "(Side " + std::to_string(k) + ") Tj";
        inputs.push_back(pdf_of({
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 " + std::to_string(100 + k) + "] /Contents 4 0 R >>",
            stream("", "BT /F1 12 Tf 10 50 Td " + text + " ET"),
        }));
    }
    for (const bool background : {true, false}) {
        CAPTURE(background);
        attach::CleanQueue queue(background);
        std::vector<size_t> tickets;
        for (const std::string& bytes : inputs) tickets.push_back(queue.add(bytes, false));
        int refused = 0;
        for (size_t k = 0; k < inputs.size(); ++k) {
            CHECK(tickets[k] == k);
            std::string why;
            const auto direct = attach::clean_pdf(inputs[k], &why);
            const attach::Cleaned queued = queue.take(tickets[k]);
            REQUIRE(direct.has_value() == queued.pdf.has_value());
            CHECK(queued.why == why);
            if (!direct) {
                ++refused;
                continue;
            }
            CHECK(queued.pdf->bytes == direct->bytes);
            CHECK(queued.pdf->pages == direct->pages);
            REQUIRE(queued.pdf->imported);
            CHECK(all_bodies(*queued.pdf->imported) == all_bodies(*direct->imported));
        }
        CHECK(refused == 3);
        // A ticket is taken once; taking it again gives nothing rather than waiting.
        CHECK_FALSE(queue.take(0).pdf.has_value());
    }
    // Destroyed with work still queued: it stops without cleaning the rest.
    attach::CleanQueue left(true);
    for (const std::string& bytes : inputs) left.add(bytes, false);
}

namespace {

// zlib's form of the bytes, as a PDF writer makes it (libdeflate at level 6).
std::string zlib_of(const std::string& bytes) {
    Deflater d(6);
    REQUIRE(d.compress(bytes));
    return d.result();
}

std::string inflated(const std::string& zlib) {
    libdeflate_decompressor* d = libdeflate_alloc_decompressor();
    std::string out(1 << 20, '\0');
    size_t n = 0;
    const libdeflate_result r = libdeflate_zlib_decompress(d, zlib.data(), zlib.size(), out.data(), out.size(), &n);
    libdeflate_free_decompressor(d);
    REQUIRE(r == LIBDEFLATE_SUCCESS);
    out.resize(n);
    return out;
}

// The form's data of the one page of a PDF whose page has the given /Contents value, followed
// by the objects that value names (numbered from 4).
attach::ForeignObject page_form(const std::string& contents, const std::vector<std::string>& content_objects) {
    std::vector<std::string> bodies = {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                                       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents " + contents + " >>"};
    bodies.insert(bodies.end(), content_objects.begin(), content_objects.end());
    std::string why;
    const auto clean = attach::clean_pdf(pdf_of(bodies), &why);
    REQUIRE_MESSAGE(clean, why);
    const attach::ImportedPdf& p = *clean->imported;
    REQUIRE(p.pages.size() == 1);
    const attach::ForeignObject form = p.objects.at(p.pages[0].form);
    REQUIRE(form.stream);
    CHECK(form.body.find("/Filter /FlateDecode") != std::string::npos);
    return form;
}

}  // namespace

TEST_CASE("a page's one Flate-compressed content stream is copied as the file has it; any other is compressed anew") {
    const std::string drawing = "0 0 m 100 50 l S\n" + std::string(2000, ' ') + "BT ET\n";
    const std::string packed = zlib_of(drawing);
    SUBCASE("one stream, FlateDecode: its bytes as they are") {
        CHECK(page_form("4 0 R", {stream("/Filter /FlateDecode", packed)}).data == packed);
        CHECK(page_form("[4 0 R]", {stream("/Filter [/FlateDecode] /DecodeParms [null]", packed)}).data == packed);
    }
    SUBCASE("anything else: decoded by qpdf and compressed again, to the same drawing") {
        // No filter; two streams; a predictor (parameters); bytes after the zlib stream's end;
        // a wrong Adler-32 sum (qpdf decodes it, a stricter reader might not).
        std::string trailing = packed + "XYZ";
        std::string bad_sum = packed;
        bad_sum.back() = static_cast<char>(bad_sum.back() ^ 0x55);
        const struct {
            std::string contents;
            std::vector<std::string> objects;
            std::string drawn;
        } cases[] = {
            {"4 0 R", {stream("", drawing)}, drawing},
            {"[4 0 R 5 0 R]", {stream("/Filter /FlateDecode", packed), stream("", "q Q")}, drawing + "q Q"},
            {"4 0 R", {stream("/Filter /FlateDecode /DecodeParms << /Predictor 1 >>", packed)}, drawing},
            {"4 0 R", {stream("/Filter /FlateDecode", trailing)}, drawing},
            {"4 0 R", {stream("/Filter /FlateDecode", bad_sum)}, drawing},
        };
        for (const auto& c : cases) {
            CAPTURE(c.contents);
            CAPTURE(c.objects.front());
            const attach::ForeignObject form = page_form(c.contents, c.objects);
            CHECK(form.data != packed);
            CHECK(inflated(form.data) == c.drawn);
        }
    }
}

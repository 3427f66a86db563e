// The PDF writer's limits and messages (issue 8): libharu's limits are refused with a message
// naming them, a libharu error says what was being written, and a damaged font is named.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <stdexcept>
#include <thread>
#include <sstream>
#include <cmath>
#include <random>

#include <hb.h>
#include <hpdf.h>
#include <hpdf_utils.h>

#include "build.hpp"
#include "core/deflate.hpp"
#include "core/fingerprint.hpp"
#include "core/input_files.hpp"
#include "core/text.hpp"
#include "render/pdf/code_points.hpp"
#include "render/pdf/content_stream.hpp"
#include "render/pdf/embedded_fonts.hpp"
#include "render/pdf/glyph_runs.hpp"
#include "render/pdf/text_string.hpp"
#include "render/pdf/to_unicode.hpp"
#include "render/pdf/pdf_writer.hpp"
#include "render/pdf/shared_pages.hpp"
#include "render/pdf/structure_tree.hpp"
#include "pdf_probe.hpp"
#include "render/pdf/truetype_check.hpp"
#include "test_support.hpp"
#include "tiny_png.hpp"

#include <unistd.h>

using namespace boardpack;
using namespace boardpack::render::pdf;
using namespace std::string_literals;

namespace {

LaidOutDocument pages(size_t n) {
    LaidOutDocument doc;
    doc.page_width = 595;
    doc.page_height = 842;
    doc.pages.resize(n);
    doc.info.subject = "Offentlig udgave";
    return doc;
}

std::string messages(const Diagnostics& diags) {
    std::string out;
    for (const Diagnostic& d : diags.all()) out += format_diagnostic(d);
    return out;
}

const FontFiles& fonts() {
    static const FontFiles files = [] {
        Diagnostics d;
        auto f = FontFiles::load(BOARDPACK_FONT_DIR, d);
        if (!f) throw std::runtime_error(messages(d));
        return std::move(*f);
    }();
    return files;
}

// Makes the PDF in memory only; true if it could be written.
bool write_pdf(const LaidOutDocument& doc, Diagnostics& diags) {
    return write_pdf(doc, fonts(), test::srgb_profile(), "", diags) == PdfResult::Written;
}

std::string font_bytes() {
    std::ifstream in(std::string(BOARDPACK_FONT_DIR) + "/" + font_file(FontStyle::Regular), std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("PDF writer: more pages than libharu can write are refused before writing, naming the limit") {
    Diagnostics diags;
    CHECK_FALSE(write_pdf(pages(32768), diags));
    CHECK(messages(diags) ==
          "error: cannot write the PDF (Offentlig udgave): it would have 32768 pages; the limit is 32767 pages "
          "(libharu's)\n");
}

TEST_CASE("PDF writer: a libharu error says what was being written") {
    SUBCASE("a font size libharu refuses, on the page that has it") {
        LaidOutDocument doc = pages(2);
        doc.pages[1].texts.push_back({72, 100, "Budget 2024", 700, FontStyle::Regular, {}, {}});
        Diagnostics diags;
        CHECK_FALSE(write_pdf(doc, diags));
        CHECK(messages(diags) ==
              "error: cannot write the text \"Budget 2024\" on page 2 of 2 of the PDF (Offentlig udgave): libharu error "
              "0x1050: a font size is outside libharu's limits (above 0, at most 600 points) (detail 700)\n");
    }
    SUBCASE("a bookmark longer than a PDF/A string is written shortened, with an ellipsis, not refused") {
        LaidOutDocument doc = pages(1);
        doc.pages[0].anchors.push_back({"forside", 0});
        doc.outline.push_back({std::string(70000, 'x'), "forside", 0, {"m/01-budget/item.md", 0, 0}});
        Diagnostics diags;
        const test::TempDir tmp;
        const std::string path = (tmp.path / "boardpack-test-long-bookmark.pdf").string();
        REQUIRE(write_pdf(doc, fonts(), test::srgb_profile(), path, diags) == PdfResult::Written);
        {
            const test::PdfProbe pdf(path);
            CHECK(pdf.text("root.Outlines.First.Title") == std::string(299, 'x') + "\xE2\x80\xA6");
            CHECK(pdf.ref("root.Outlines.First.Dest.0") == pdf.ref("page0"));
        }
        std::filesystem::remove(path);
        CHECK(messages(diags).empty());
    }
    SUBCASE("a text longer than libharu's limit for one string is written: the content stream has no such limit") {
        LaidOutDocument doc = pages(1);
        doc.pages[0].texts.push_back({72, 100, std::string(70000, 'x'), 0.01, FontStyle::Regular, {}, {}});
        Diagnostics diags;
        CHECK(write_pdf(doc, diags));
        CHECK(messages(diags).empty());
    }
    SUBCASE("a good document is written") {
        LaidOutDocument doc = pages(1);
        doc.pages[0].texts.push_back({72, 100, "Budget 2024", 12, FontStyle::Bold, {}, {}});
        Diagnostics diags;
        const test::TempDir tmp;
        const std::string path = (tmp.path / "boardpack-test-writer.pdf").string();
        REQUIRE(write_pdf(doc, fonts(), test::srgb_profile(), path, diags) == PdfResult::Written);
        std::ifstream in(path, std::ios::binary);
        std::ostringstream pdf;
        pdf << in.rdbuf();
        std::filesystem::remove(path);
        CHECK(pdf.str().rfind("%PDF-", 0) == 0);
        CHECK(messages(diags).empty());
    }
}

TEST_CASE("PDF writer: pages, links and bookmarks written from what the writer keeps of them (issue 10)") {
    LaidOutDocument doc = pages(3);
    LinkItem url;
    url.x = 72, url.y = 100, url.w = 200, url.h = 14;
    url.url = "https://example.org/a(b) \xC3\xA6";
    url.title = "L\xC3\xA6s mere";
    LinkItem inside = url;
    inside.url.clear(), inside.title.clear(), inside.target = "p3";
    LinkItem nowhere = inside;
    nowhere.target = "ingen steder";
    LinkItem long_title = url;
    long_title.title = std::string(40000, 'y');  // over PDF/A-2's 32.767 bytes as UTF-16
    doc.pages[0].links = {url, nowhere, inside};
    doc.pages[1].links = {long_title};
    doc.pages[2].anchors.push_back({"p3", 100});
    doc.outline = {{"F\xC3\xB8r", "p3", 1, {}}, {"A", "p3", 0, {}}, {"A.1", "p3", 1, {}}, {"A.2", "p3", 1, {}},
                   {"Ingen steder", "ingen steder", 0, {}}, {"B", "p3", 0, {}}};
    Diagnostics diags;
    const test::TempDir tmp;
    const std::string path = (tmp.path / "page-objects.pdf").string();
    REQUIRE(write_pdf(doc, fonts(), test::srgb_profile(), path, diags) == PdfResult::Written);
    CHECK_MESSAGE(diags.all().empty(), messages(diags));
    {
        const test::PdfProbe pdf(path);
        CHECK(pdf.integer("root.Pages.Count") == 3);
        REQUIRE(pdf.pages() == 3);
        for (int i = 0; i < 3; ++i) {
            const std::string page = "page" + std::to_string(i);
            CHECK(pdf.ref(page + ".Parent") == pdf.ref("root.Pages"));
            CHECK(pdf.text(page + ".MediaBox") == "[ 0 0 595 842 ]");
            CHECK(pdf.kind(page + ".Contents") == "stream");
            CHECK(pdf.kind(page + ".Resources") == "dictionary");
            CHECK(pdf.text(page + ".Tabs") == "/S");
            CHECK(pdf.integer(page + ".StructParents") == i);
        }
        // A description for finding one's way: shortened as bookmarks are.
        REQUIRE(pdf.items("page1.Annots") == 1);
        CHECK(pdf.text("page1.Annots.0.Contents") == std::string(299, 'y') + "\xE2\x80\xA6");
        // The link to nowhere gets no annotation; the others in the order of their items.
        REQUIRE(pdf.items("page0.Annots") == 2);
        CHECK(pdf.text("page0.Annots.0.Subtype") == "/Link");
        CHECK(pdf.text("page0.Annots.0.Rect") == "[ 72 728 272 742 ]");
        CHECK(pdf.raw_string("page0.Annots.0.A.URI") == "https://example.org/a(b)%20%C3%A6");
        CHECK(pdf.text("page0.Annots.0.Contents") == "L\xC3\xA6s mere");
        CHECK(pdf.integer("page0.Annots.0.F") == 4);
        CHECK(pdf.ref("page0.Annots.0.P") == pdf.ref("page0"));
        CHECK_FALSE(pdf.has("page0.Annots.1.A"));
        CHECK(pdf.text("page0.Annots.1.Dest") == "[ " + pdf.ref("page2") + " R /FitH 754 ]");
        // Bookmarks: a level-1 entry before any level-0 one is at the top; the others under the
        // level-0 entry before them, shown closed; one with nowhere to lead is left out.
        CHECK(pdf.integer("root.Outlines.Count") == 3);
        const std::string before = "root.Outlines.First", first = before + ".Next";
        CHECK(pdf.text(before + ".Title") == "F\xC3\xB8r");
        CHECK(pdf.ref(before + ".Parent") == pdf.ref("root.Outlines"));
        CHECK_FALSE(pdf.has(before + ".Prev"));
        CHECK_FALSE(pdf.has(before + ".Count"));
        CHECK(pdf.text(first + ".Title") == "A");
        CHECK(pdf.integer(first + ".Count") == -2);
        CHECK(pdf.ref(first + ".Prev") == pdf.ref(before));
        const std::string one = first + ".First", two = first + ".Last";
        CHECK(pdf.text(one + ".Title") == "A.1");
        CHECK(pdf.text(two + ".Title") == "A.2");
        CHECK(pdf.ref(one + ".Next") == pdf.ref(two));
        CHECK(pdf.ref(two + ".Prev") == pdf.ref(one));
        CHECK(pdf.ref(two + ".Parent") == pdf.ref(first));
        CHECK(pdf.ref(one + ".Dest.0") == pdf.ref("page2"));
        CHECK(pdf.text("root.Outlines.Last.Title") == "B");
        CHECK(pdf.ref("root.Outlines.Last.Prev") == pdf.ref(first));
        CHECK_FALSE(pdf.has("root.Outlines.Last.Next"));
    }
    std::filesystem::remove(path);
}

TEST_CASE("Font metrics: the advances kept for ASCII are the ones advance() gives, in every style (issue 10)") {
    const FontMetrics& m = fonts().layout_metrics();
    // Regular and bold keep a table; the styles whose faces are read late ask advance(), which
    // reads the face the first time.
    for (int s = 0; s < kFontStyles; ++s) CHECK(m.keeps_ascii(static_cast<FontStyle>(s)) == !read_late_style(static_cast<FontStyle>(s)));
    for (int s = 0; s < kFontStyles; ++s)
        for (char32_t cp = 0; cp < 0x200; ++cp) {
            INFO(s, " ", static_cast<unsigned>(cp));
            REQUIRE(m.advance_of(cp, static_cast<FontStyle>(s)) == m.advance(cp, static_cast<FontStyle>(s)));
        }
    // Metrics that keep none (the tests' fixed widths) give advance()'s.
    const FixedMetrics fixed;
    CHECK_FALSE(fixed.keeps_ascii(FontStyle::Bold));
    CHECK(fixed.advance_of('a', FontStyle::Bold) == fixed.advance('a', FontStyle::Bold));
    CHECK(m.width("Budget 2024", FontStyle::Regular, 10) > 0);
}

TEST_CASE("TrueType check: a cut-off, damaged or foreign file is named as such; Carlito passes") {
    const std::string font = font_bytes();
    REQUIRE(font.size() > 100000);
    CHECK(truetype_problem(font).empty());
    CHECK(truetype_problem(font.substr(0, font.size() / 2)).find("the file is cut off: table \"") == 0);
    CHECK(truetype_problem(font.substr(0, 20)) == "the file is cut off inside its table directory");
    CHECK(truetype_problem("") == "the file is too short to be a TrueType font");
    CHECK(truetype_problem("organisation: Eksempelregionernes Forening\n") == "this is not a TrueType font");
    std::string flipped = font;
    flipped[flipped.size() / 3] = static_cast<char>(flipped[flipped.size() / 3] ^ 0x55);
    CHECK(truetype_problem(flipped).find("the file is damaged: table \"") == 0);
    // Every font boardpack reads passes, and a byte changed at any place of a table's words
    // (the sum goes sixteen bytes at a time, then a word, then the tail) is found.
    for (int face = 0; face < kFaces; ++face) {
        INFO(fonts().face_path(face));
        CHECK(truetype_problem(test::file_bytes(fonts().face_path(face))).empty());
    }
    for (size_t at = font.size() / 2; at < font.size() / 2 + 32; ++at) {
        std::string changed = font;
        changed[at] = static_cast<char>(changed[at] + 1);
        INFO(at);
        CHECK(truetype_problem(changed).find("the file is damaged: table \"") == 0);
    }
    // The last bytes of the last table, past its last whole sixteen.
    for (size_t back = 1; back <= 20; ++back) {
        std::string changed = font;
        changed[font.size() - back] = static_cast<char>(changed[font.size() - back] ^ 0x01);
        INFO(back);
        CHECK(truetype_problem(changed) != "");
    }
}

TEST_CASE("PDF writer: a file that cannot be written is named with the system's reason") {
    LaidOutDocument doc = pages(1);
    doc.pages[0].texts.push_back({72, 100, "Budget", 12, FontStyle::Regular, {}, {}});
    Diagnostics diags;
    CHECK(write_pdf(doc, fonts(), test::srgb_profile(), "/nonexistent-folder/dagsorden.pdf", diags) == PdfResult::FileFailed);
    CHECK(messages(diags) == "error: cannot write /nonexistent-folder/dagsorden.pdf: No such file or directory\n");
    // A write that fails while the document is saved (a full disk) says so too.
    Diagnostics full;
    CHECK(write_pdf(doc, fonts(), test::srgb_profile(), "/dev/full", full) == PdfResult::FileFailed);
    CHECK(messages(full) == "error: cannot write /dev/full: No space left on device\n");
    // A caller that reports the failure itself (the build's "cannot write ...; the packet ... was
    // left as it was") gets the file and the reason, and the diagnostics do not say it again.
    Diagnostics told;
    PdfFileFailure failed;
    CHECK(write_pdf(doc, fonts(), test::srgb_profile(), "/dev/full", told, {}, &failed) == PdfResult::FileFailed);
    CHECK(failed.path == "/dev/full");
    CHECK(failed.why == "No space left on device");
    CHECK(messages(told) == "");
    failed = {};
    CHECK(write_pdf(doc, fonts(), test::srgb_profile(), "/nonexistent-folder/dagsorden.pdf", told, {}, &failed) ==
          PdfResult::FileFailed);
    CHECK(failed.path == "/nonexistent-folder/dagsorden.pdf");
    CHECK(failed.why == "No such file or directory");
    CHECK(messages(told) == "");
}

namespace {

// Past the sink's 64 KiB buffer and what the content spool keeps in memory (256 KiB): many
// pages of text, and three first pages whose content alone is larger (random letters, which do
// not compress much: some 100 KiB each).
LaidOutDocument large_pages() {
    LaidOutDocument doc = pages(40);
    std::mt19937 random(7);
    const std::string letters = "abcdefghijklmnopqrstuvwxyzæøåABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    constexpr size_t kRandomPages = 3;
    for (size_t p = 0; p < kRandomPages; ++p)
        for (int line = 0; line < 1500; ++line) {
            std::string text;
            for (int k = 0; k < 60; ++k) text += letters[random() % 62];
            doc.pages[p].texts.push_back({72, 60.0 + (line % 50) * 14, text, 10, FontStyle::Regular, {}, {}});
        }
    for (size_t p = kRandomPages; p < doc.pages.size(); ++p)
        for (int line = 0; line < 50; ++line)
            doc.pages[p].texts.push_back({72, 60.0 + line * 14, "Side " + std::to_string(p) + " linje " + std::to_string(line) +
                                              ": Sagsfremstilling og økonomi " + std::to_string(p * 1000 + line * 7),
                                          10, FontStyle::Regular, {}, {}});
    return doc;
}

}  // namespace

TEST_CASE("PDF writer: a page's content the spool beside the file cannot take is the file failing, with the reason") {
    // The pages' content waits in an unnamed file beside the PDF until it is saved: on a full
    // disk that file fails first, page by page. That is the PDF not written (the build's exit 3,
    // "the packet ... was left as it was"), not a document refused (exit 1, as for bad input).
    const test::TempDir tmp;
    const std::string path = (tmp.path / "dagsorden-offentlig.pdf").string();
    Diagnostics told;
    PdfFileFailure failed;
    Diagnostics diags;
    {
        const test::FileSizeLimit limit(32 * 1024);  // the spool's first write is some 200 KiB
        CHECK(write_pdf(large_pages(), fonts(), test::srgb_profile(), path, told, {}, &failed) == PdfResult::FileFailed);
        CHECK(write_pdf(large_pages(), fonts(), test::srgb_profile(), path, diags) == PdfResult::FileFailed);
    }
    CHECK(failed.path == path);
    CHECK(failed.why == "File too large");
    CHECK(messages(told) == "");
    CHECK(messages(diags) == "error: cannot write " + path + ": File too large\n");
}

TEST_CASE("PDF writer: a saved file holds exactly the bytes libharu would have written, in one piece or in many") {
    LaidOutDocument doc = large_pages();
    const test::TempDir tmp;
    const std::string path = (tmp.path / "sink.pdf").string();
    Diagnostics diags;
    REQUIRE(write_pdf(doc, fonts(), test::srgb_profile(), path, diags) == PdfResult::Written);
    std::ifstream in(path, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::remove(path.c_str());
    REQUIRE(bytes.size() > 2 * 64 * 1024);
    CHECK(bytes.compare(0, 8, "%PDF-1.7") == 0);
    CHECK(bytes.find("%%EOF") != std::string::npos);
    // The cross-reference table's offsets point at the objects they name.
    const size_t xref = bytes.rfind("\nxref\n");
    REQUIRE(xref != std::string::npos);
    std::istringstream table(bytes.substr(xref + 6));
    int first = 0, count = 0;
    table >> first >> count;
    int checked = 0;
    for (int k = 0; k < count; ++k) {
        std::string offset, generation, kind;
        table >> offset >> generation >> kind;
        if (kind != "n") continue;
        const std::string head = std::to_string(first + k) + " 0 obj";
        CHECK(bytes.compare(std::stoul(offset), head.size(), head) == 0);
        ++checked;
    }
    CHECK(checked > 100);
}

TEST_CASE("Embedded fonts: only the faces a document prints with, with only the characters it prints (issues 10, 11)") {
    LaidOutDocument doc = pages(2);
    doc.pages[0].texts.push_back({72, 100, "Budget 2024", 12, FontStyle::Regular, {}, {}});
    doc.pages[1].texts.push_back({72, 100, "Æble – €\u2212 \u03B1\u0531\u00AD\u200C\u200D", 12, FontStyle::Bold, {}, {}});
    const FontPlan plan = FontPlan::of(doc, fonts());
    CHECK(plan.characters(0) == std::vector<char32_t>{' ', '0', '2', '4', 'B', 'd', 'e', 'g', 't', 'u'});
    // The minus sign and Greek are Carlito's own; the soft hyphen and the zero-width (non-)joiner
    // print nothing; Armenian comes from the bold fallback face.
    CHECK(plan.characters(1) == std::vector<char32_t>{' ', 'b', 'e', 'l', U'Æ', U'α', U'–', U'€', U'\u2212'});
    CHECK(plan.characters(kFallbackBold) == std::vector<char32_t>{U'\u0531'});
    for (int f : {2, 3, 4, kFallbackRegular}) CHECK(plan.characters(f).empty());
    // ASCII and Latin-1 are their own codes, the dash and the euro sign their Windows-1252 ones;
    // Greek and the minus sign take the free codes, in code point order.
    CHECK(plan.code(0, 'B') == 'B');
    CHECK(plan.code(1, U'Æ') == 0xC6);
    CHECK(plan.code(1, U'–') == 0x96);
    CHECK(plan.code(1, U'€') == 0x80);
    CHECK(plan.code(1, U'α') == 1);
    CHECK(plan.code(1, U'\u2212') == 2);
    CHECK(plan.code(kFallbackBold, U'\u0531') == 1);
    CHECK(plan.code(0, U'\u0531') == 0);
}

TEST_CASE("Glyph runs: a text splits where the face that prints it changes, one byte a code for a face of at most 255 characters (issues 10, 11)") {
    LaidOutDocument doc = pages(1);
    const std::string text = "Ab \u0531\u10D0 b\u6F22";  // Armenian, Georgian from DejaVu Sans; CJK no face has
    doc.pages[0].texts.push_back({72, 100, text, 12, FontStyle::Regular, {}, {}});
    const FontPlan plan = FontPlan::of(doc, fonts());
    GlyphRuns runs;
    glyph_runs(text, FontStyle::Regular, fonts(), plan, runs);
    REQUIRE(runs.runs.size() == 3);
    CHECK(runs.runs[0].face == 0);
    CHECK(runs.codes_of(runs.runs[0]) == "Ab "s);  // ASCII as itself
    CHECK(runs.runs[1].face == kFallbackRegular);
    CHECK(runs.codes_of(runs.runs[1]) == "\1\2"s);
    // The character no face has is printed by the regular face, as its white square.
    CHECK(runs.runs[2].face == 0);
    CHECK(runs.codes_of(runs.runs[2]) == " b\1"s);  // the square: the first free code

    // A face that prints more than 255 characters has two-byte codes (Identity-H), beside one
    // with one-byte codes in the same text.
    std::string many;
    for (char32_t cp = 0x100; cp < 0x100 + 300; ++cp) append_utf8(many, cp);
    doc.pages[0].texts.push_back({72, 200, many, 12, FontStyle::Regular, {}, {}});
    const FontPlan big = FontPlan::of(doc, fonts());
    REQUIRE(big.characters(0).size() > 255);
    CHECK_FALSE(big.one_byte(0));
    CHECK(big.one_byte(kFallbackRegular));
    glyph_runs("A\u0531\u022B", FontStyle::Regular, fonts(), big, runs);
    REQUIRE(runs.runs.size() == 3);
    const uint16_t a = big.code(0, U'A'), first = big.code(0, U'\u022B');
    CHECK(runs.codes_of(runs.runs[0]) == std::string{static_cast<char>(a >> 8), static_cast<char>(a & 0xFF)});
    CHECK(runs.codes_of(runs.runs[1]) == "\1"s);
    CHECK(runs.codes_of(runs.runs[2]) == std::string{static_cast<char>(first >> 8), static_cast<char>(first & 0xFF)});
    CHECK(first > 255);

    // A character the plan was not made with is .notdef, code 0, as wide as its face's other
    // codes, so the codes after it stay in step.
    glyph_runs("AqA", FontStyle::Regular, fonts(), plan, runs);
    REQUIRE(runs.runs.size() == 1);
    CHECK(runs.codes_of(runs.runs[0]) == "A\0A"s);
    glyph_runs("AqA", FontStyle::Regular, fonts(), big, runs);
    CHECK(runs.codes_of(runs.runs[0]) == std::string{static_cast<char>(a >> 8), static_cast<char>(a & 0xFF), 0, 0,
                                                      static_cast<char>(a >> 8), static_cast<char>(a & 0xFF)});
}

TEST_CASE("Glyph runs: the same codes as a character-by-character look-up, in every style, for any mix of text (issue 10)") {
    // Every piece a text is made of: ASCII words and signs, Danish letters, a tab and a line end
    // (printed as spaces), a soft hyphen (printed as nothing), fallback scripts, a character no
    // face has, DEL and a control byte (printable_ascii counts DEL), a bidi override, a combining
    // stroke, a no-break space, a run of ASCII longer than two words (read eight bytes at a time),
    // and one the plan was not made with (the last piece, left out of the plan).
    const std::vector<std::string> pieces = {"Det indstilles, at ", "34,4 mio. kr.", "\u00E6\u00F8\u00E5\u00C6\u00D8\u00C5",
                                             "\t", "\n", "\u00AD", "\u0531\u10D0", "\u6F22", " (EMN-2023-00648)", "~|{}",
                                             "\u2013", "\x7F", "\x01", "\u202E", "O\u0338", "\u00A0",
                                             "abcdefghijklmnopq", "Q"};
    std::mt19937 random(7);
    std::vector<std::string> texts;
    for (int n = 0; n < 200; ++n) {
        std::string t;
        const int length = 1 + static_cast<int>(random() % 12);
        for (int k = 0; k < length; ++k) t += pieces[random() % (pieces.size() - 1)];
        texts.push_back(t);
    }
    // And each piece after 0 to 17 bytes of ASCII and before more: at every place of the words
    // the ASCII after a character is read in, and across their ends.
    for (size_t k = 0; k + 1 < pieces.size(); ++k)
        for (size_t at = 0; at <= 17; ++at) texts.push_back(std::string("Abcdefghijklmnopq").substr(0, at) + pieces[k] + "rstuvwxyz012");
    // Also with a face of more than 255 characters (two-byte codes) for the regular style.
    std::string many;
    for (char32_t cp = 0x100; cp < 0x100 + 300; ++cp) append_utf8(many, cp);
    for (const bool big : {false, true}) {
        LaidOutDocument doc = pages(1);
        for (int s = 0; s < kFontStyles; ++s)
            for (const std::string& t : texts) doc.pages[0].texts.push_back({72, 100, t, 12, static_cast<FontStyle>(s), {}, {}});
        if (big) doc.pages[0].texts.push_back({72, 200, many, 12, FontStyle::Regular, {}, {}});
        const FontPlan plan = FontPlan::of(doc, fonts());
        CHECK(plan.one_byte(0) != big);
        GlyphRuns runs;
        for (int s = 0; s < kFontStyles; ++s) {
            const auto style = static_cast<FontStyle>(s);
            for (std::string t : texts) {
                t += "Q" + texts[static_cast<size_t>(s)];  // "Q" is in no text the plan was made with
                // The codes character by character, as the plan says.
                std::string codes;
                std::vector<std::pair<int, std::string>> expected;
                for (const char32_t c : decode_utf8(t)) {
                    const char32_t cp = printed_as(c);
                    if (cp == 0) continue;
                    const int face = printing_face(fonts(), cp, style);
                    const uint16_t code = plan.code(face, cp);
                    if (expected.empty() || expected.back().first != face) expected.push_back({face, ""});
                    if (!plan.one_byte(face)) expected.back().second += static_cast<char>(code >> 8);
                    expected.back().second += static_cast<char>(code & 0xFF);
                }
                glyph_runs(t, style, fonts(), plan, runs);
                INFO(t, " style ", s, big ? " two-byte" : "");
                REQUIRE(runs.runs.size() == expected.size());
                for (size_t r = 0; r < expected.size(); ++r) {
                    CHECK(runs.runs[r].face == expected[r].first);
                    CHECK(runs.codes_of(runs.runs[r]) == expected[r].second);
                }
            }
        }
    }
}

TEST_CASE("Font plan: a character at any place of the words a text's ASCII is read in is given a code") {
    // FontPlan::of notes printable ASCII eight bytes at a time: each character, alone in a text
    // of another letter, at each offset of those words and past them, after ASCII or a letter of
    // two bytes, must have a code in the plan (one without prints as .notdef, nothing).
    for (unsigned c = 0x20; c < 0x80; ++c)
        for (const std::string& lead : {std::string(""), std::string("\u00F8")})
            for (size_t at = 0; at <= 17; ++at) {
                const char filler = c == 'a' ? 'b' : 'a';
                const std::string text = lead + std::string(at, filler) + static_cast<char>(c) + std::string(9, filler);
                LaidOutDocument doc = pages(1);
                doc.pages[0].texts.push_back({72, 100, text, 12, FontStyle::Regular, {}, {}});
                const FontPlan plan = FontPlan::of(doc, fonts());
                INFO("byte ", c, " at ", at, lead.empty() ? "" : " after a letter of two bytes");
                CHECK(plan.code(printing_face(fonts(), c, FontStyle::Regular), c) != 0);
            }
}

TEST_CASE("Fallback measurement: a character Carlito lacks is as wide as the fallback face prints it (issue 11)") {
    const FontMetrics& m = fonts().layout_metrics();
    // Carlito has Greek (its omega is 0,664 em) but no Armenian or Georgian: DejaVu Sans's
    // (bold) advances, from its hmtx table, 1/1000 em rounded down.
    CHECK(m.advance(U'\u03A9', FontStyle::Regular) == 664);
    CHECK(m.advance(U'\u0531', FontStyle::Regular) == 766);
    CHECK(m.advance(U'\u0531', FontStyle::Bold) == 813);
    CHECK(m.advance(U'\u10D0', FontStyle::Italic) == 507);
    CHECK(m.advance(U'\u00AD', FontStyle::Regular) == 0);
    CHECK(m.advance(U'\t', FontStyle::Regular) == 226);
    // Carlito has no no-break space or non-breaking hyphen: they print with its space and hyphen.
    CHECK(m.advance(U'\u00A0', FontStyle::Regular) == 226);
    CHECK(m.advance(U'\u2011', FontStyle::Regular) == 306);
    CHECK(fonts().face_of(U'\u00A0', FontStyle::Regular) == 0);
    CHECK(fonts().face_of(U'\u0531', FontStyle::Italic) == kFallbackRegular);
    CHECK(fonts().face_of(U'\u0531', FontStyle::BoldItalic) == kFallbackBold);
    CHECK(fonts().face_of(U'\u6F22', FontStyle::Regular) == -1);
    // A character no face has is as wide as the white square that stands in for it (Carlito's).
    CHECK(m.advance(U'\u6F22', FontStyle::Regular) == 604);
}

TEST_CASE("ToUnicode and text strings: any character, beyond the BMP as a surrogate pair (issue 11)") {
    CHECK(pdf_text_string("\u0141\U0001D400") == std::string("\xFE\xFF\x01\x41\xD8\x35\xDC\x00", 8));
    // Written as hex in a dictionary, code point by code point: the same bytes, invalid ones
    // (a stray continuation byte, a cut-off sequence, an overlong form, a surrogate) included.
    for (const std::string text : {"", "Budget 2024", "\u0141\U0001D400 \u00E6\u00F8\u00E5", "a\x80" "b", "\xE2\x82",
                                   "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xF0\x9F\x98\x80" "x"}) {
        std::string expected = "<";
        for (const unsigned char c : pdf_text_string(text)) {
            expected += "0123456789ABCDEF"[c >> 4];
            expected += "0123456789ABCDEF"[c & 15];
        }
        expected += ">";
        std::string out = "/Alt ";
        append_text_string(out, text);
        INFO(text);
        CHECK(out == "/Alt " + expected);
    }
    // Listed by code: "A" is its own code, the other two take the first free ones.
    const std::vector<char32_t> three = {U'A', U'\u0141', U'\U0001D400'};
    const std::string cmap = to_unicode_cmap(three, character_codes(three));
    CHECK(cmap.find("<00> <FF>\nendcodespacerange") != std::string::npos);
    CHECK(cmap.find("3 beginbfchar\n<01> <0141>\n<02> <D835DC00>\n<41> <0041>\nendbfchar\n") != std::string::npos);
    const auto from = [](char32_t first, size_t n) {
        std::vector<char32_t> out;
        for (size_t k = 0; k < n; ++k) out.push_back(first + static_cast<char32_t>(k));
        return out;
    };
    const std::vector<char32_t> many = from(0x100, 150);
    CHECK(to_unicode_cmap(many, character_codes(many)).find("100 beginbfchar") != std::string::npos);
    CHECK(to_unicode_cmap(many, character_codes(many)).find("50 beginbfchar") != std::string::npos);
    // More than 255 characters: two-byte codes.
    const std::vector<char32_t> more = from(0x100, 256);
    CHECK(to_unicode_cmap(more, character_codes(more)).find("<0000> <FFFF>\nendcodespacerange") != std::string::npos);
    CHECK(to_unicode_cmap(more, character_codes(more)).find("<0100> <01FF>\nendbfchar") != std::string::npos);
    // The one-byte encoding: byte b is CID b, over the CIDFont's Adobe-Identity-0.
    const std::string encoding = one_byte_cmap();
    CHECK(encoding.find("<00> <FF>\nendcodespacerange\n1 begincidrange\n<00> <FF> 0\nendcidrange") != std::string::npos);
    CHECK(encoding.find("/Registry (Adobe) /Ordering (Identity) /Supplement 0") != std::string::npos);
    CHECK(encoding.find("/WMode 0") != std::string::npos);
}

TEST_CASE("Font subset: a valid TrueType font a small part of the face's size, with the same widths") {
    std::string why;
    const std::string subset = fonts().subset(0, {' ', 'B', 'u', 'd', 'g', 'e', 't', U'æ'}, &why);
    CHECK(why.empty());
    REQUIRE(!subset.empty());
    CHECK(truetype_problem(subset).empty());
    CHECK(subset.size() * 20 < font_bytes().size());
}

TEST_CASE("Content stream: operators as libharu writes them, font and colour as given (issue 10)") {
    ContentStream c;
    c.rectangle({0.75, 0.75, 0.75}, 68, 684.29, 465.276, 0.6);
    c.begin_text();
    c.font("F1", 11);
    c.fill({0, 0.263, 0.431});
    c.text(68, 769.09, std::string("\0\x05\x01\xAF", 4));
    c.font("F2", 11);
    c.more_text(std::string("\0\x01", 2));
    c.text(68, 748.09, std::string("\0(\0)\0\\\0\r", 8));
    c.end_text();
    CHECK(c.bytes() ==
          "0.75 0.75 0.75 rg\n68 684.28998 465.276 0.6 re\nf\n"
          "BT\n/F1 11 Tf\n0 0.263 0.431 rg\n68 769.09003 Td\n" + "(\0\x05\x01\xAF) Tj\n"s +
          "/F2 11 Tf\n" + "(\0\x01) Tj\n"s +
          "0 -21 Td\n" + "(\0\\(\0\\)\0\\\\\0\\r) Tj\nET\n"s);
}

TEST_CASE("Content stream: a colour set again is written as the first time, past the colours it keeps (issue 10)") {
    ContentStream c;
    std::string expected;
    for (int round = 0; round < 3; ++round)
        for (int k = 0; k < 40; ++k) {
            const Color color{static_cast<float>(k) / 40, 0.263f, k % 2 ? -0.0f : 1.0f};
            c.fill(color);
            append_pdf_number(expected, color.r), expected += ' ', append_pdf_number(expected, color.g), expected += ' ';
            append_pdf_number(expected, color.b), expected += " rg\n";
        }
    CHECK(c.bytes() == expected);
    CHECK(c.bytes().find("0.5 0.263 1 rg\n") != std::string::npos);
    CHECK(c.bytes().find("0.525 0.263 0 rg\n") != std::string::npos);  // -0 as 0
}

TEST_CASE("Content stream: every number written as libharu's HPDF_FToA writes it") {
    // Sizes and coordinates go through ContentStream's own copy of libharu's formatting: the
    // same characters as libharu's for whole numbers, fractions, negatives, values that round
    // to a whole one and values past libharu's bounds.
    const auto libharu = [](double v) {
        char buf[64] = {};  // as libharu's page operators call it: room to spare, the end returned
        const char* end = HPDF_FToA(buf, static_cast<HPDF_REAL>(v), buf + sizeof buf - 1);
        return std::string(static_cast<const char*>(buf), end);
    };
    const auto ours = [](double v) {
        ContentStream c;
        c.font("F", v);
        return c.bytes();
    };
    std::vector<double> values = {0, -0.0, 1, -1, 10, 100.5, 0.1, 0.00001, 0.000004, 0.000005, 0.999994, 0.999996,
                                  2.999997, 32767, 32768, -32768, 1e9, -1e9, 684.29, 769.09, 465.276, 0.263, 0.431};
    std::mt19937 random(10);
    std::uniform_real_distribution<double> page(-1000, 1000), wide(-40000, 40000), unit(0, 1);
    for (int i = 0; i < 20000; ++i) {
        values.push_back(page(random));
        values.push_back(wide(random));
        values.push_back(unit(random));
        values.push_back(std::round(page(random) * 100) / 100);  // a layout's two decimals
        values.push_back(std::floor(wide(random)) + 0.99999 + unit(random) / 100000);  // near a whole number
    }
    for (const double v : values) {
        INFO(v);
        REQUIRE(ours(v) == "/F " + libharu(v) + " Tf\n");
    }
}

TEST_CASE("Content stream: every byte value at every place of a text escaped as a literal string needs it") {
    // The codes are copied eight bytes at a time when none needs a backslash: each of the 256
    // byte values, at each place of a word and of the tail after it, among plain bytes.
    for (int value = 0; value < 256; ++value)
        for (size_t length = 1; length <= 19; ++length)
            for (size_t at = 0; at < length; ++at) {
                std::string codes(length, '\0');
                for (size_t i = 0; i < length; ++i) codes[i] = static_cast<char>(i % 2 ? 0x41 + i : 0);
                codes[at] = static_cast<char>(value);
                std::string expected = "(";
                for (const char c : codes) {
                    if (c == '(' || c == ')' || c == '\\') expected += '\\', expected += c;
                    else if (c == '\r') expected += "\\r";
                    else expected += c;
                }
                expected += ") Tj\n";
                ContentStream c;
                c.more_text(codes);
                INFO(value, " at ", at, " of ", length);
                REQUIRE(c.bytes() == expected);
            }
}

namespace {

// A character's advance in a face as the font's hmtx gives it, in 1/1000 em rounded down as the
// PDF's /W array gives it; one the face prints with another's glyph (a no-break space) as that one's.
double hmtx_advance(hb_face_t* face, char32_t cp) {
    const std::unique_ptr<hb_font_t, void (*)(hb_font_t*)> font(hb_font_create(face), hb_font_destroy);
    hb_codepoint_t glyph = 0;
    if (!hb_font_get_nominal_glyph(font.get(), cp, &glyph)) hb_font_get_nominal_glyph(font.get(), same_glyph_as(cp), &glyph);
    return static_cast<double>(static_cast<unsigned>(hb_font_get_glyph_h_advance(font.get(), glyph)) * 1000 / hb_face_get_upem(face));
}

}  // namespace

TEST_CASE("Fallback faces are read only when a character needs them, once, on two threads, and measure as the faces that print them (issue 10)") {
    Diagnostics d;
    auto lazy = FontFiles::load(BOARDPACK_FONT_DIR, d);
    REQUIRE(lazy);
    // Latin text, measured and printed, leaves the two DejaVu files unread.
    const FontMetrics& m = lazy->layout_metrics();
    CHECK(m.width("Årsregnskab – æøå €", FontStyle::Bold, 10) > 0);
    CHECK(lazy->face_of(U'\u00E6', FontStyle::Regular) == 0);
    CHECK(lazy->face_of(U'\u2013', FontStyle::Italic) == static_cast<int>(FontStyle::Italic));
    CHECK_FALSE(lazy->fallbacks_read());
    // Two threads measuring Armenian at once read the fallbacks once, with the same widths.
    double a = 0, b = 0;
    std::thread one([&] { a = m.advance(U'\u0531', FontStyle::Bold); });
    std::thread two([&] { b = m.advance(U'\u0531', FontStyle::Bold); });
    one.join();
    two.join();
    CHECK(lazy->fallbacks_read());
    CHECK(a == 813);
    CHECK(b == 813);
    // Every code point of the first planes, read late as it was, measures as the face that prints
    // it gives it (what reading every face at once gave), and prints in the face it does when the
    // fallbacks are read at another time; a tab as a space, an invisible one as nothing, one no
    // face has as the stand-in.
    int differ = 0;
    for (int s = 0; s < kFontStyles; ++s)
        for (char32_t cp = 0; cp < 0x3000; ++cp) {
            const auto style = static_cast<FontStyle>(s);
            const char32_t printed = printed_as(cp);
            const bool invisible = printed == 0 && cp != 0;  // U+0000 is printed as itself
            const int face = lazy->face_of(printed, style);
            const double want = invisible ? 0 : face < 0 ? m.advance(kStandIn, style) : hmtx_advance(lazy->face(face), printed);
            if (m.advance(cp, style) != want || lazy->face_of(cp, style) != fonts().face_of(cp, style)) ++differ;
        }
    CHECK(differ == 0);
}

TEST_CASE("The italic, bold italic and monospace faces are read only when text in them is measured or printed, once, on two threads; a damaged one is a problem naming its file (issue 10)") {
    test::TempDir dir;
    for (const char* file : {"Carlito-Regular.ttf", "Carlito-Bold.ttf", "Carlito-Italic.ttf", "Carlito-BoldItalic.ttf"})
        std::filesystem::copy_file(std::filesystem::path(BOARDPACK_FONT_DIR) / file, dir.path / file);
    Diagnostics d;
    auto lazy = FontFiles::load(dir.path.string(), d);
    REQUIRE(lazy);
    for (FontStyle s : {FontStyle::Italic, FontStyle::BoldItalic, FontStyle::Mono}) CHECK_FALSE(lazy->style_read(s));
    // Regular and bold text, measured and planned for a PDF, leave them unread; so does a path.
    const FontMetrics& m = lazy->layout_metrics();
    CHECK(m.width("Årsregnskab – æøå", FontStyle::Regular, 10) > 0);
    CHECK(m.width("Årsregnskab", FontStyle::Bold, 10) > 0);
    LaidOutDocument doc = pages(1);
    doc.pages[0].texts.push_back({72, 100, "Budget 2024", 12, FontStyle::Regular, {}, {}});
    doc.pages[0].texts.push_back({72, 120, "I alt", 12, FontStyle::Bold, {}, {}});
    CHECK(FontPlan::of(doc, *lazy).characters(2).empty());
    CHECK(lazy->face_path(static_cast<int>(FontStyle::Italic)) == (dir.path / "Carlito-Italic.ttf").string());
    for (FontStyle s : {FontStyle::Italic, FontStyle::BoldItalic, FontStyle::Mono}) CHECK_FALSE(lazy->style_read(s));
    // Two threads measuring italic at once read its face once, with the widths its hmtx gives.
    double a = 0, b = 0;
    std::thread one([&] { a = m.advance(U'a', FontStyle::Italic); });
    std::thread two([&] { b = m.advance(U'a', FontStyle::Italic); });
    one.join();
    two.join();
    CHECK(lazy->style_read(FontStyle::Italic));
    CHECK_FALSE(lazy->style_read(FontStyle::Mono));
    CHECK(a == hmtx_advance(lazy->face(static_cast<int>(FontStyle::Italic)), U'a'));
    CHECK(b == a);
    CHECK(m.width("kursiv", FontStyle::Italic, 10) == fonts().layout_metrics().width("kursiv", FontStyle::Italic, 10));
    // Planning a PDF with bold italic text reads that face, and prints its letters with it.
    doc.pages[0].texts.push_back({72, 140, "Bemærk", 12, FontStyle::BoldItalic, {}, {}});
    CHECK(FontPlan::of(doc, *lazy).characters(static_cast<int>(FontStyle::BoldItalic)).size() == 6);
    CHECK(lazy->style_read(FontStyle::BoldItalic));
    CHECK(lazy->style_problem() == nullptr);

    // A damaged italic file: loading succeeds (a packet without emphasis never needs it), the
    // first italic text names the file, and what it measures comes from the fallback face.
    {
        std::ofstream(dir.path / "Carlito-Italic.ttf", std::ios::binary | std::ios::trunc) << std::string(100, 'x');
        Diagnostics d2;
        auto damaged = FontFiles::load(dir.path.string(), d2);
        REQUIRE(damaged);
        CHECK(test::messages(d2).empty());
        CHECK(damaged->layout_metrics().width("Budget", FontStyle::Regular, 10) > 0);
        CHECK(damaged->style_problem() == nullptr);
        CHECK(damaged->layout_metrics().advance(U'a', FontStyle::Italic) > 0);
        REQUIRE(damaged->style_problem() != nullptr);
        CHECK(damaged->style_problem()->path == (dir.path / "Carlito-Italic.ttf").string());
        CHECK(damaged->style_problem()->why.rfind("this is not a TrueType font", 0) == 0);
    }
    // A missing one is an error at load, naming the file, as a missing regular face is.
    std::filesystem::remove(dir.path / "Carlito-BoldItalic.ttf");
    Diagnostics d3;
    CHECK_FALSE(FontFiles::load(dir.path.string(), d3));
    CHECK(test::messages(d3).find("Carlito-BoldItalic.ttf: error: cannot open the font file") != std::string::npos);
}

namespace {

// The bytes of `doc` written as a PDF (in a temporary file, removed after).
std::string written_pdf(const LaidOutDocument& doc, const std::string& name) {
    const auto path = std::filesystem::temp_directory_path() / ("boardpack-" + name + "-" + std::to_string(::getpid()) + ".pdf");
    Diagnostics diags;
    REQUIRE(write_pdf(doc, fonts(), test::srgb_profile(), path.string(), diags) == PdfResult::Written);
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    std::filesystem::remove(path);
    return s.str();
}

}  // namespace

TEST_CASE("PDF writer: a figure's drawing and texts are marked as its Figure element, with /Alt and a /BBox (issues 12, 14)") {
    LaidOutDocument doc = pages(1);
    Origin fig;
    fig.role = Origin::Role::Figure;
    fig.block = 3;
    doc.pages[0].boxes.push_back({100, 120, 20, 80, {0.2, 0.4, 0.6}, fig});
    const auto file = std::make_shared<const ImageFile>(
        ImageFile{ImageFile::Format::Png, std::make_shared<const std::string>(test::tiny_png(3, 2)), {"figur.png", 0, 0}, "figur.png"});
    doc.pages[0].images.push_back({200, 120, 60, 40, file, fig});
    doc.pages[0].texts.push_back({80, 200, "0 %", 9, FontStyle::Regular, {}, fig});
    doc.figures.push_back({3, "Figur 1: Ø"});
    const std::string pdf = written_pdf(doc, "figure");
    CHECK(pdf.find("/S /Figure") != std::string::npos);
    // "Figur 1: Ø" as a UTF-16BE text string.
    CHECK(pdf.find("/Alt <FEFF0046006900670075007200200031003A002000D8>") != std::string::npos);
    CHECK(pdf.find("/A <</O /Layout /BBox [80.00 ") != std::string::npos);
    CHECK(pdf.find("/Subtype /Image") != std::string::npos);
}

TEST_CASE("PDF writer: a table's column headings are TH with /Scope /Column, each row's label a TH with /Scope /Row") {
    // As the HTML's <th scope="col"> and <th scope="row">: a screen reader in the PDF names the
    // row of a figure ("Region Nordjylland") as well as its column ("2. kvt. 2023").
    LaidOutDocument doc = pages(1);
    const auto cell = [](Origin::Role role, int row, int col) {
        Origin o;
        o.role = role;
        o.block = 4;
        o.row = row;
        o.col = col;
        return o;
    };
    auto& t = doc.pages[0].texts;
    t.push_back({80, 100, "Region", 9, FontStyle::Bold, {}, cell(Origin::Role::TableHeader, 0, 0)});
    t.push_back({200, 100, "2023", 9, FontStyle::Bold, {}, cell(Origin::Role::TableHeader, 0, 1)});
    t.push_back({80, 120, "Nordjylland", 9, FontStyle::Regular, {}, cell(Origin::Role::TableCell, 1, 0)});
    t.push_back({200, 120, "22", 9, FontStyle::Regular, {}, cell(Origin::Role::TableCell, 1, 1)});
    const std::string pdf = written_pdf(doc, "table");
    const auto count = [&](const std::string& what) {
        size_t n = 0;
        for (size_t at = pdf.find(what); at != std::string::npos; at = pdf.find(what, at + 1)) ++n;
        return n;
    };
    CHECK(count("/S /TH\n") == 3);
    CHECK(count("/S /TD\n") == 1);
    CHECK(count("/Scope /Column") == 2);
    CHECK(count("/Scope /Row") == 1);
}

namespace {

// A document of `count` pages of body text, each with a footer saying "Side N af total".
LaidOutDocument footed(int count, int total, const std::string& extra = "") {
    LaidOutDocument doc = pages(static_cast<size_t>(count));
    for (int p = 0; p < count; ++p) {
        Page& page = doc.pages[static_cast<size_t>(p)];
        for (int line = 0; line < 20; ++line)
            page.texts.push_back({72, 80.0 + line * 14, "Punkt " + std::to_string(p + 1) + ", linje " + std::to_string(line) + extra,
                                  10, FontStyle::Regular, {}, {}});
        page.footer_begin = static_cast<int>(page.texts.size());
        page.texts.push_back({72, 802, "Danske Regioner", 8, FontStyle::Regular, {}, {}});
        page.texts.push_back({480, 802, "Side " + std::to_string(p + 1) + " af " + std::to_string(total), 8, FontStyle::Regular, {}, {}});
        page.footer_end = static_cast<int>(page.texts.size());
    }
    return doc;
}

// Each page's content streams, decoded, as qpdf reads the file.
std::vector<std::vector<std::string>> page_streams(const std::string& path) { return test::PdfProbe(path).page_streams(); }

std::string temp_pdf(const std::string& name) {
    return (std::filesystem::temp_directory_path() / ("boardpack-" + name + "-" + std::to_string(::getpid()) + ".pdf")).string();
}

}  // namespace

namespace {

// A packet of three pages whose third is a PDF attachment's, and what its agenda-only PDF
// prints of it: the first two pages, the second without the page number only the packet has.
LaidOutDocument with_agenda_only() {
    LaidOutDocument doc = footed(3, 3);
    doc.pages[1].texts.insert(doc.pages[1].texts.begin() + 5, TextItem{500, 150, "3", 10, FontStyle::Regular, {}, {}});
    doc.pages[1].footer_begin += 1;
    doc.pages[1].footer_end += 1;
    doc.pages[1].links.push_back({72, 140, 440, 14, "", "bilag-1", "", {}});
    doc.pages[2].anchors.push_back({"bilag-1", 60});
    AgendaOnly only;
    only.pages = 2;
    only.footers.resize(2);
    for (size_t p = 0; p < 2; ++p) {
        only.footers[p].push_back({72, 802, "Danske Regioner", 8, FontStyle::Regular, {}, {}});
        only.footers[p].push_back({480, 802, "Side " + std::to_string(p + 1) + " af 2", 8, FontStyle::Regular, {}, {}});
    }
    only.packet_only = {{}, {5}};
    only.links = {{}, {{72, 140, 440, 14, "bilag/1-1-notat.pdf", "", "", {}}}};
    doc.agenda_only = std::move(only);
    return doc;
}

}  // namespace

TEST_CASE("PDF writer: an edition's packet and agenda-only PDF are written from one layout, the pages they print alike once (issue 10)") {
    const std::string packet_path = temp_pdf("packet"), agenda_path = temp_pdf("agenda"), alone_path = temp_pdf("alone");
    Diagnostics diags;
    std::map<std::string, FileRecord> written;
    REQUIRE(write_pdf(with_agenda_only(), fonts(), test::srgb_profile(), packet_path, diags, agenda_path, nullptr, false,
                      &written) == PdfResult::Written);
    // Each file's size and fingerprint, taken as it was written, are the file's (the packet's
    // list takes them so, without reading the files back).
    REQUIRE(written.size() == 2);
    for (const std::string& p : {packet_path, agenda_path}) {
        const std::string bytes = test::file_bytes(p);
        REQUIRE(written.count(p) == 1);
        CHECK(written[p].size == bytes.size());
        CHECK(written[p].fingerprint == fingerprint(bytes));
    }
    // The packet is the same to the byte when its agenda-only PDF is not written beside it.
    REQUIRE(write_pdf(with_agenda_only(), fonts(), test::srgb_profile(), alone_path, diags) == PdfResult::Written);
    CHECK(test::file_bytes(packet_path) == test::file_bytes(alone_path));
    const auto packet = page_streams(packet_path), agenda = page_streams(agenda_path);
    REQUIRE(packet.size() == 3);
    REQUIRE(agenda.size() == 2);
    for (size_t p = 0; p < 2; ++p) {
        // The page's own content, then its footer, an artifact, in a stream of its own.
        REQUIRE(packet[p].size() == 2);
        REQUIRE(agenda[p].size() == 2);
        CHECK(agenda[p][1].rfind("/Artifact <</Type /Pagination>> BDC", 0) == 0);
        CHECK(packet[p][1] != agenda[p][1]);
    }
    // The first page alike; the second prints its page number in the packet only.
    CHECK(packet[0][0] == agenda[0][0]);
    CHECK(packet[1][0] != agenda[1][0]);
    CHECK(packet[1][0].size() > agenda[1][0].size());
    // Its link leads to the attachment's page in the packet, to its file in the agenda-only PDF.
    {
        const test::PdfProbe agenda_pdf(agenda_path);
        REQUIRE(agenda_pdf.items("page1.Annots") > 0);
        CHECK(agenda_pdf.raw_string("page1.Annots.0.A.URI") == "bilag/1-1-notat.pdf");
    }
    for (const std::string& path : {packet_path, agenda_path, alone_path}) std::filesystem::remove(path);
    CHECK(diags.all().empty());
}

TEST_CASE("PDF writer: the example's packets are the same with or without their agenda-only PDFs, which print their item pages alike (issue 10)") {
    Diagnostics d;
    DiskFiles files(std::string(BOARDPACK_SOURCE_DIR) + "/inputs/2023-09-bestyrelsen");
    auto meeting = pipeline::load(files, "2023-09-bestyrelsen", d);
    REQUIRE_MESSAGE(meeting, messages(d));
    pipeline::compute(*meeting, test::wording(), d);
    pipeline::prepare(*meeting, test::wording(), d);
    const std::string packet_path = temp_pdf("example"), agenda_path = temp_pdf("example-agenda"),
                      alone_path = temp_pdf("example-alone");
    for (const model::Edition e : {model::Edition::Offentlig, model::Edition::Lukket}) {
        INFO(model::edition_folder(e));
        const model::EditionView view = pipeline::edition(*meeting, e);
        LaidOutDocument laid = pipeline::lay_out(view, test::wording(), fonts().layout_metrics());
        REQUIRE(laid.agenda_only);
        const size_t own_pages = laid.agenda_only->pages;
        REQUIRE(write_pdf(laid, fonts(), test::srgb_profile(), alone_path, d) == PdfResult::Written);
        REQUIRE(write_pdf(std::move(laid), fonts(), test::srgb_profile(), packet_path, d, agenda_path) == PdfResult::Written);
        CHECK(test::file_bytes(packet_path) == test::file_bytes(alone_path));
        const auto packet = page_streams(packet_path), agenda = page_streams(agenda_path);
        REQUIRE(agenda.size() == own_pages);
        REQUIRE(packet.size() > own_pages);
        // All but the agenda's pages and the items' attachment lists, which print the page each
        // PDF attachment starts on in the packet only.
        size_t alike = 0;
        for (size_t p = 0; p < own_pages; ++p) alike += packet[p][0] == agenda[p][0];
        CHECK(alike + 4 >= own_pages);
    }
    for (const std::string& path : {packet_path, agenda_path, alone_path}) std::filesystem::remove(path);
    CHECK_MESSAGE(!d.has_errors(), messages(d));
}

TEST_CASE("Shared pages: a page is written once for both PDFs only when they print it alike (issue 10)") {
    LaidOutDocument doc = with_agenda_only();
    {
        const auto shared = shared_pages(doc, build_structure(doc), build_structure(doc, true));
        REQUIRE(shared.size() == 2);
        CHECK(shared[0].alike);
        CHECK_FALSE(shared[1].alike);  // it prints a page number only the packet has
    }
    // A link the agenda-only PDF lacks makes the first page's paragraph a Link element in the
    // packet and not there: marked otherwise, so not shared.
    Origin paragraph;
    paragraph.role = Origin::Role::Paragraph;
    paragraph.block = 0;
    doc.pages[0].texts[0].origin = paragraph;
    CHECK(shared_pages(doc, build_structure(doc), build_structure(doc, true))[0].alike);
    doc.pages[0].links.push_back({70, 70, 300, 14, "https://www.regioner.dk", "", "", paragraph});
    doc.agenda_only->links[0].clear();
    CHECK_FALSE(shared_pages(doc, build_structure(doc), build_structure(doc, true))[0].alike);
    doc.agenda_only->links[0] = doc.pages[0].links;
    CHECK(shared_pages(doc, build_structure(doc), build_structure(doc, true))[0].alike);
    // Nor a page an attachment's page is drawn on.
    attach::Placement place;
    place.page = 0;
    doc.imports.push_back(place);
    CHECK_FALSE(shared_pages(doc, build_structure(doc), build_structure(doc, true))[0].alike);
}

TEST_CASE("PDF writer: a page the agenda-only PDF kept but the trees mark otherwise is written by the packet itself (issue 10)") {
    // The agenda-only PDF is written before the packet's structure tree is made (the two trees
    // are never held at once): it keeps each page that may be alike, and the packet finds only
    // then that its tree marks the first page otherwise (a link the agenda-only PDF lacks).
    LaidOutDocument doc = with_agenda_only();
    Origin paragraph;
    paragraph.role = Origin::Role::Paragraph;
    paragraph.block = 0;
    doc.pages[0].texts[0].origin = paragraph;
    doc.pages[0].links.push_back({70, 70, 300, 14, "https://www.regioner.dk", "", "", paragraph});
    doc.agenda_only->links[0].clear();
    {
        std::vector<SharedPage> shared = shared_candidates(doc);
        REQUIRE(shared.size() == 2);
        CHECK(shared[0].candidate);
        CHECK_FALSE(shared[1].candidate);  // it prints a page number only the packet has
        std::vector<PageMarking> marked;
        {
            const StructureTree own = build_structure(doc, true);
            marked = page_markings(own, shared.size());
        }
        confirm_shared(shared, marked, build_structure(doc));
        CHECK_FALSE(shared[0].alike);
        CHECK_FALSE(shared[1].alike);
    }
    const std::string packet_path = temp_pdf("unlike"), agenda_path = temp_pdf("unlike-agenda"), alone_path = temp_pdf("unlike-alone");
    Diagnostics diags;
    for (const bool give_back : {false, true}) {
        REQUIRE(write_pdf(doc, fonts(), test::srgb_profile(), packet_path, diags, agenda_path, nullptr, give_back) ==
                PdfResult::Written);
        REQUIRE(write_pdf(doc, fonts(), test::srgb_profile(), alone_path, diags) == PdfResult::Written);
        CHECK(test::file_bytes(packet_path) == test::file_bytes(alone_path));
        const auto packet = page_streams(packet_path), agenda = page_streams(agenda_path);
        REQUIRE(packet.size() == 3);
        REQUIRE(agenda.size() == 2);
        CHECK(packet[0][0] != agenda[0][0]);  // the packet's page 0 marks its link's text as a Link
        CHECK(packet[0][0].find("/Link") != std::string::npos);
    }
    for (const std::string& path : {packet_path, agenda_path, alone_path}) std::filesystem::remove(path);
    CHECK(diags.all().empty());
}

TEST_CASE("PDF writer: a shared page that draws a picture and prints in two faces names them alike in both PDFs (issue 10)") {
    LaidOutDocument doc = with_agenda_only();
    Origin fig;
    fig.role = Origin::Role::Figure;
    fig.block = 3;
    const auto file = std::make_shared<const ImageFile>(
        ImageFile{ImageFile::Format::Png, std::make_shared<const std::string>(test::tiny_png(3, 2)), {"figur.png", 0, 0}, "figur.png"});
    doc.pages[0].images.push_back({200, 400, 60, 40, file, fig});
    doc.pages[0].texts.insert(doc.pages[0].texts.begin(), TextItem{72, 60, "Fed", 12, FontStyle::Bold, {}, {}});
    ++doc.pages[0].footer_begin;
    ++doc.pages[0].footer_end;
    doc.figures.push_back({3, "Figur 1"});
    const std::string packet_path = temp_pdf("picture"), agenda_path = temp_pdf("picture-agenda"), alone_path = temp_pdf("picture-alone");
    Diagnostics diags;
    REQUIRE(write_pdf(doc, fonts(), test::srgb_profile(), packet_path, diags, agenda_path) == PdfResult::Written);
    REQUIRE(write_pdf(doc, fonts(), test::srgb_profile(), alone_path, diags) == PdfResult::Written);
    CHECK(test::file_bytes(packet_path) == test::file_bytes(alone_path));
    const auto packet = page_streams(packet_path), agenda = page_streams(agenda_path);
    REQUIRE(packet.size() == 3);
    REQUIRE(agenda.size() == 2);
    CHECK(packet[0][0] == agenda[0][0]);
    CHECK(packet[0][0].find(" Do") != std::string::npos);
    for (const std::string& path : {packet_path, agenda_path}) {
        const test::PdfProbe pdf(path);
        CHECK(pdf.kind("page0.Resources.XObject") == "dictionary");
        CHECK(pdf.keys("page0.Resources.Font").size() == 2);
    }
    for (const std::string& path : {packet_path, agenda_path, alone_path}) std::filesystem::remove(path);
    CHECK_MESSAGE(diags.all().empty(), messages(diags));
}

TEST_CASE("PDF writer: a picture libharu cannot draw is named, with what libharu's error means") {
    // A gamma of 0, which the picture checks refuse (input/image_reader.cpp) and libpng complains of.
    std::string png = test::tiny_png(3, 2);
    std::string gamma;
    test::png_chunk(gamma, "gAMA", std::string(4, '\0'));
    png.insert(33, gamma);  // after the signature and IHDR
    LaidOutDocument doc = pages(2);
    const auto file = std::make_shared<const ImageFile>(
        ImageFile{ImageFile::Format::Png, std::make_shared<const std::string>(png), {"m/a/item.md", 41, 1}, "kort.png"});
    Origin fig;
    fig.role = Origin::Role::Figure;
    fig.block = 3;
    doc.pages[1].images.push_back({200, 120, 60, 40, file, fig});
    doc.figures.push_back({3, "Figur 1: Kort"});
    Diagnostics diags;
    CHECK_FALSE(write_pdf(doc, diags));
    const std::string out = messages(diags);
    CHECK(out.find("m/a/item.md:41:1: error: cannot draw the picture \"kort.png\" on page 2 of 2 of the PDF (Offentlig "
                   "udgave): libharu error 0x1043: libpng, the PNG reader libharu uses, refused the picture") == 0);
}

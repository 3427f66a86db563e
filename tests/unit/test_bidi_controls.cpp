// Bidirectional controls (U+202E RIGHT-TO-LEFT OVERRIDE and its kin) in the input: left out of
// both editions' HTML as of the PDF, so a browser cannot show "EMN-2024-<U+202E>00001" as
// "EMN-2024-10000" or "<U+202E>12.345 kr." as ".rk 543.21", with one warning where each was written.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "build.hpp"
#include "core/input_files.hpp"
#include "render/html/html_blocks.hpp"
#include "render/html/html_writer.hpp"
#include "render/pdf/code_points.hpp"
#include "render/pdf/font_files.hpp"
#include "render/pdf/text_string.hpp"
#include "test_support.hpp"
#include "tiny_png.hpp"

using namespace boardpack;

namespace {

// Every bidirectional control, as UTF-8.
const std::vector<std::string> kControls = {"\u061C", "\u200E", "\u200F", "\u202A", "\u202B", "\u202C", "\u202D",
                                            "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"};

// The controls `html` holds, by code point ("U+202E ...").
std::string controls_in(const std::string& html) {
    std::string found;
    for (const std::string& c : kControls)
        if (html.find(c) != std::string::npos) found += escape_for_messages(c) + " ";
    return found;
}

size_t count(const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

// The messages of the PDF's check of every text field (pipeline::report_unprintable) on `m`.
std::string unprintable_messages(const model::Meeting& m, Diagnostics& d) {
    Diagnostics font_diags;
    const auto fonts = render::pdf::FontFiles::load(BOARDPACK_FONT_DIR, font_diags);
    REQUIRE(fonts);
    pipeline::report_unprintable(m, *fonts, d);
    return test::messages(d);
}

}  // namespace

TEST_CASE("bidi controls: HTML escaping leaves each out, wherever it stands, and nothing else") {
    for (const std::string& c : kControls) {
        const std::string text = "EMN-2024-" + c + "00001 <b> & \u2013 \u201Cx\u201D \u00D8";
        for (size_t at = 0; at <= 16; ++at) {
            const std::string padded = std::string(at, 'a') + text;
            std::string out;
            render::html::append_escaped(padded, out);
            INFO(escape_for_messages(c) << " after " << at);
            CHECK(out == std::string(at, 'a') + "EMN-2024-00001 &lt;b&gt; &amp; \u2013 \u201Cx\u201D \u00D8");
        }
    }
    // The bytes of other characters that start alike are kept: U+2010 ... U+2029, U+2060, U+0618.
    for (const char* keep : {"\u2010", "\u2029", "\u202F", "\u2060", "\u206A", "\u0618", "\u20AC"}) {
        std::string out;
        render::html::append_escaped(std::string("12345678") + keep + "12345678", out);
        CHECK(out == std::string("12345678") + keep + "12345678");
    }
}

TEST_CASE("bidi controls: the PDF's text strings (bookmarks, title, alt text) leave them out too") {
    CHECK(render::pdf::pdf_text_string("EMN-2024-\u202E00001") == render::pdf::pdf_text_string("EMN-2024-00001"));
    std::string a, b;
    render::pdf::append_text_string(a, "\u2067Budget\u2069 2024\u200F");
    render::pdf::append_text_string(b, "Budget 2024");
    CHECK(a == b);
}

TEST_CASE("bidi controls: a meeting's texts, cells and header fields reach neither edition's HTML; one warning a place") {
    const std::string rlo = "\u202E";
    MemoryFiles f("m");
    f.add("meeting.txt", "organisation: Danske Regioner\norgan: Bestyrelsen\ntitel: M\u00F8de " + rlo +
                             "2024\ndato: 2024-03-07\ntidspunkt: kl. 9\nsted: S\npunkt: 01-a\npunkt: 02-b\n");
    const std::string body = "# Sagsfremstilling\n\nUdgiften er " + rlo + "12.345 kr. i alt, se [notatet](https://x.dk \"Notat " +
                             rlo + "1\").\n\n![Kort " + rlo + "over regionen](kort.png)\n\n"
                             "```tabel\nfil: t.csv\ntitel: Budget \u2066" + "2024\u2069\n```\n";
    for (const std::string& status : {std::string("Offentlig"), std::string("Lukket")}) {
        const std::string folder = status == "Offentlig" ? "01-a" : "02-b";
        f.add(folder + "/item.md", "---\nnummer: " + std::string(status == "Offentlig" ? "1" : "2") + "\nstatus: " + status +
                                       "\ntitel: Punkt " + rlo + "1\nsagsbehandler: A\nsagsnummer: EMN-2024-" + rlo +
                                       "00001\n---\n" + body);
        f.add(folder + "/kort.png", test::tiny_png(3, 2));
        f.add(folder + "/t.csv", "Post;Budget " + rlo + "2024\nKontingent " + rlo + "A;12.345\nL\u00F8n;800\n");
    }
    Diagnostics d;
    auto meeting = input::load_meeting(f, "m", d);
    REQUIRE(meeting);
    const render::Wording& wording = test::wording();
    pipeline::compute(*meeting, wording, d);
    REQUIRE_MESSAGE(!d.has_errors(), test::messages(d));
    pipeline::prepare(*meeting, wording, d);
    Diagnostics font_diags;
    const auto fonts = render::pdf::FontFiles::load(BOARDPACK_FONT_DIR, font_diags);
    REQUIRE(fonts);
    Diagnostics warned;
    pipeline::report_unprintable(*meeting, *fonts, warned);
    const std::string out = test::messages(warned);
    const std::string said =
        ": warning: the HTML and the PDF leave out the bidirectional controls here (U+202E): a browser would show the "
        "text after one in another order than it is written";
    // At each place it was written: the meeting's title, per item its title, case number, text,
    // link title, picture description, table title, the CSV's heading and cell (line and column).
    for (const char* at : {"m/meeting.txt:3:8", "m/01-a/item.md:4:8", "m/01-a/item.md:6:13", "m/01-a/t.csv:1:6",
                                  "m/01-a/t.csv:2:1", "m/02-b/t.csv:2:1"}) {
        INFO(at);
        CHECK(out.find(std::string(at) + said) != std::string::npos);
    }
    CHECK(out.find("bidirectional controls here (U+2066, U+2069)") != std::string::npos);  // the table's title: both, in one warning
    CHECK(out.find("the PDF cannot print") == std::string::npos);
    CHECK(count(out, "m/01-a/t.csv:2:1: warning") == 1);
    CHECK(count(out, "m/meeting.txt:3:8: warning") == 1);

    DiskFiles template_files(std::string(BOARDPACK_SOURCE_DIR) + "/templates");
    auto templates = render::html::HtmlTemplates::load(template_files, d);
    REQUIRE(templates);
    for (const model::Edition e : {model::Edition::Offentlig, model::Edition::Lukket}) {
        const model::EditionView view = pipeline::edition(*meeting, e);
        const auto html = render::html::render_html(view, wording, *templates, d);
        REQUIRE(html);
        INFO(static_cast<int>(e));
        CHECK(controls_in(*html) == "");
        // The texts themselves are there, without the controls.
        CHECK(html->find("EMN-2024-00001") != std::string::npos);
        CHECK(html->find("Udgiften er 12.345") != std::string::npos);
        CHECK(html->find("M\u00F8de 2024") != std::string::npos);
    }
}

TEST_CASE("bidi controls: two fields written at one place (a bilag: line's title and document id) make one warning") {
    model::Meeting m;
    m.id = "m";
    model::AgendaItem item;
    item.loc = {"m/a/item.md", 1, 1};
    model::Attachment a;
    a.loc = {"m/a/item.md", 7, 1};
    a.title = "Notat \u202E1";
    a.document_id = "123\u206645\u2069";
    item.attachments.push_back(a);
    m.items.push_back(item);
    Diagnostics d;
    const std::string messages = unprintable_messages(m, d);
    CHECK(d.warning_count() == 1);
    CHECK(messages.find("m/a/item.md:7:1: warning: the HTML and the PDF leave out the bidirectional controls here (U+202E, U+2066, U+2069)") == 0);
}

TEST_CASE("bidi controls: a link's address loses them in both editions, with the warning at the link") {
    // Left in the probe41 round: the HTML's href left a control out in silence, and the PDF's link kept it.
    CHECK(render::pdf::without_bidi_controls("https://a.example/\u202Edok\u2066?id=1\u2069") == "https://a.example/dok?id=1");
    CHECK(render::pdf::without_bidi_controls("https://a.example/\u2010\u20AC") == "https://a.example/\u2010\u20AC");
    model::Meeting m;
    m.id = "m";
    model::AgendaItem item;
    item.loc = {"m/a/item.md", 1, 1};
    model::Block b;
    b.kind = model::Block::Kind::Paragraph;
    b.loc = {"m/a/item.md", 9, 1};
    model::Inline link;
    link.kind = model::Inline::Kind::Link;
    link.text = "sagen";
    link.set_url("https://a.example/\u202Edok");
    b.inlines.push_back(link);
    item.sections.resize(1);
    item.sections[0].blocks.push_back(b);
    m.items.push_back(item);
    Diagnostics d;
    CHECK(unprintable_messages(m, d).find("m/a/item.md:9:1: warning: the HTML and the PDF leave out the bidirectional controls here (U+202E)") ==
          0);
}

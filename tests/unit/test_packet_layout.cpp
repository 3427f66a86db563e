#include <doctest/doctest.h>

#include <algorithm>

#include "build.hpp"
#include "core/input_files.hpp"
#include "model/anchors.hpp"
#include "render/pdf/attachments_layout.hpp"
#include "render/pdf/packet_layout.hpp"
#include "render/pdf/pdf_style.hpp"
#include "render/pdf/pdf_writer.hpp"
#include "test_support.hpp"

using namespace boardpack;
using namespace boardpack::render::pdf;

namespace {

struct Example {
    model::Meeting meeting;
    render::Wording wording;
    FontFiles fonts;
    const FontMetrics& metrics() const { return fonts.layout_metrics(); }
};

Example load_example() {
    Diagnostics d;
    DiskFiles files(std::string(BOARDPACK_SOURCE_DIR) + "/inputs/2023-09-bestyrelsen");
    auto meeting = pipeline::load(files, "2023-09-bestyrelsen", d);
    auto wording = pipeline::load_wording(std::string(BOARDPACK_SOURCE_DIR) + "/templates", d);
    auto fonts = FontFiles::load(BOARDPACK_FONT_DIR, d);
    if (!meeting || !wording || !fonts) throw std::runtime_error(test::messages(d));
    pipeline::compute(*meeting, *wording, d);
    pipeline::prepare(*meeting, *wording, d);
    return {std::move(*meeting), std::move(*wording), std::move(*fonts)};
}

}  // namespace

TEST_CASE("packet layout: on every page of the example, all text stays inside the margins") {
    const Example ex = load_example();
    for (model::Edition e : {model::Edition::Offentlig, model::Edition::Lukket}) {
        const LaidOutDocument doc = layout_packet(model::edition_view(ex.meeting, e), e, ex.wording, ex.metrics());
        REQUIRE(doc.pages.size() > 20);
        int checked = 0;
        for (size_t p = 0; p < doc.pages.size(); ++p) {
            for (const TextItem& t : doc.pages[p].texts) {
                const double right = t.x + ex.metrics().width(t.text, t.style, t.size);
                INFO("page " << p + 1 << ": " << t.text);
                CHECK(t.x >= style::kMarginLeft - 0.01);
                CHECK(right <= doc.width_of(p) - style::kMarginRight + 0.01);
                // The closed edition's mark stands in the top margin, as the footer in the bottom one, and
                // so does a PDF attachment's stamp ("Bilag 1 til punkt 5 · ..."), above the attachment's page.
                const bool stamp = t.text.view().rfind("Bilag ", 0) == 0 && t.baseline == kStampBaseline;
                CHECK(t.baseline >= (t.text == ex.wording.closed_mark() || stamp ? 20 : style::kMarginTop));
                CHECK(t.baseline <= doc.height_of(p) - 20);
                ++checked;
            }
        }
        CHECK(checked > 1000);
    }
}

TEST_CASE("packet layout: every page of the closed edition carries the closed mark at its top, no public page does") {
    const Example ex = load_example();
    const std::string mark = ex.wording.closed_mark();
    REQUIRE(mark == "LUKKET \xE2\x80\x93 m\xC3\xA5 ikke offentligg\xC3\xB8res");
    for (model::Edition e : {model::Edition::Offentlig, model::Edition::Lukket}) {
        const LaidOutDocument doc = layout_packet(model::edition_view(ex.meeting, e), e, ex.wording, ex.metrics());
        for (size_t p = 0; p < doc.pages.size(); ++p) {
            int marks = 0;
            double top = style::kPageHeight;
            for (const TextItem& t : doc.pages[p].texts) {
                if (t.text == mark) ++marks;
                top = std::min(top, t.baseline);
            }
            INFO(model::edition_folder(e) << " page " << p + 1);
            CHECK(marks == (e == model::Edition::Lukket ? 1 : 0));
            if (e == model::Edition::Lukket) CHECK(top == style::kClosedMarkBaseline);  // above everything else
        }
        CHECK(doc.info.title.rfind(e == model::Edition::Lukket ? "LUKKET \xE2\x80\x93 " : "Offentlig \xE2\x80\x93 ", 0) == 0);
    }
}

TEST_CASE("packet layout: no section heading is the last thing on a page") {
    const Example ex = load_example();
    const LaidOutDocument doc =
        layout_packet(model::edition_view(ex.meeting, model::Edition::Lukket), model::Edition::Lukket, ex.wording, ex.metrics());
    for (size_t p = 0; p < doc.pages.size(); ++p) {
        // The last text above the footer.
        const TextItem* last = nullptr;
        for (const TextItem& t : doc.pages[p].texts)
            if (t.baseline < style::kContentBottom + 1 && (!last || t.baseline >= last->baseline)) last = &t;
        if (!last) continue;
        INFO("page " << p + 1 << " ends with " << last->text);
        const bool section_heading = last->size == style::kSectionSize && last->style == FontStyle::Bold;
        CHECK_FALSE(section_heading);
    }
}

TEST_CASE("packet layout: each item starts a page, its number is the agenda's, and the layout is stable") {
    const Example ex = load_example();
    const auto view = model::edition_view(ex.meeting, model::Edition::Lukket);
    const LaidOutDocument a = layout_packet(view, model::Edition::Lukket, ex.wording, ex.metrics());
    const LaidOutDocument b = layout_packet(view, model::Edition::Lukket, ex.wording, ex.metrics());
    CHECK(dump(a) == dump(b));
    for (const model::AgendaItem& item : view.items) {
        const int page = a.page_of(model::item_anchor(item));
        REQUIRE(page > 1);
        // The anchor is at the top of its page.
        for (const AnchorItem& an : a.pages[static_cast<size_t>(page - 1)].anchors)
            if (an.name == model::item_anchor(item)) CHECK(an.y == doctest::Approx(style::kMarginTop));
    }
}

TEST_CASE("packet layout: a long footer is set smaller, then on two lines, never cut nor too small to read") {
    Example ex = load_example();
    struct Line {
        std::string text;
        double size, baseline;
    };
    // The footer's lines on the last page, left of "Side N af M".
    const auto footer = [&](const std::string& organisation) {
        ex.meeting.organisation = organisation;
        const LaidOutDocument doc =
            layout_packet(model::edition_view(ex.meeting, model::Edition::Lukket), model::Edition::Lukket, ex.wording, ex.metrics());
        const Page& last = doc.pages.back();
        std::vector<Line> lines;
        for (int i = last.footer_begin; i < last.footer_end; ++i) {
            const TextItem& t = last.texts[static_cast<size_t>(i)];
            if (t.text.view().rfind("Side ", 0) == 0) continue;
            CHECK(t.x + ex.metrics().width(t.text, t.style, t.size) < style::kPageWidth - style::kMarginRight - 30);
            lines.push_back({std::string(t.text.view()), t.size, t.baseline});
        }
        return lines;
    };
    // A little too long: one line, set smaller.
    auto lines = footer("Et langt organisationsnavn, der fylder noget af sidens bredde");
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].text.find("Lukket udgave") != std::string::npos);  // the whole footer, to its end
    CHECK(lines[0].size < style::kFooterSize);
    CHECK(lines[0].size >= style::kFooterMinSize);
    // Far too long for one line at a size still read (a probe's was set at 4,2 pt): two lines,
    // parted at a dash, the second below the first, the whole footer between them.
    lines = footer("Den Selvejende Institution Sundhedsvæsenets Kvalitetsudviklingscenter for Det Nordatlantiske Område og "
                   "Grønland");
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].size >= style::kFooterMinSize);
    CHECK(lines[1].baseline > lines[0].baseline);
    CHECK(lines[0].text.rfind("Den Selvejende", 0) == 0);
    CHECK(lines[1].text.find("Lukket udgave") != std::string::npos);
}

TEST_CASE("packet layout: the laid-out pages are held without the slack of their growth") {
    // The pages are held until the PDF is written (issue 10's memory target): a page's items
    // take what they need, not the doubling of a vector grown item by item.
    const Example ex = load_example();
    for (model::Edition e : {model::Edition::Offentlig, model::Edition::Lukket}) {
        const LaidOutDocument doc = layout_packet(model::edition_view(ex.meeting, e), e, ex.wording, ex.metrics());
        size_t slack = 0, items = 0;
        for (const Page& page : doc.pages) {
            slack += page.texts.capacity() - page.texts.size() + page.boxes.capacity() - page.boxes.size() +
                     page.links.capacity() - page.links.size() + page.anchors.capacity() - page.anchors.size();
            items += page.texts.size();
        }
        INFO(model::edition_folder(e));
        CHECK(items > 1000);
        CHECK(slack == 0);
    }
}

TEST_CASE("packet layout: a long case officer's stamp wraps at a readable size above the attachment's page, never 2 pt") {
    Example ex = load_example();
    model::AgendaItem* item = nullptr;
    for (model::AgendaItem& i : ex.meeting.items)
        if (i.number == 21) item = &i;
    REQUIRE(item);
    LaidOutDocument doc;
    // The stamp's lines above item 21's attachment (the last one merged), and where its page starts.
    const auto stamp_lines = [&](const std::string& officer, std::vector<const TextItem*>& lines) {
        item->case_officer = officer;
        doc = layout_packet(model::edition_view(ex.meeting, model::Edition::Lukket), model::Edition::Lukket, ex.wording,
                            ex.metrics());
        lines.clear();
        const attach::Placement* first = nullptr;
        for (const attach::Placement& p : doc.imports)
            if (p.source_page == 0) first = &p;
        REQUIRE(first);
        for (const TextItem& t : doc.pages[static_cast<size_t>(first->page)].texts)
            if (t.baseline >= kStampBaseline && t.baseline < first->y) lines.push_back(&t);
        return first->y;
    };
    std::vector<const TextItem*> lines;
    // One name: one line at 8 pt.
    CHECK(stamp_lines("Helene Munk Fog", lines) == doctest::Approx(kImportTop));
    REQUIRE(lines.size() == 1);
    CHECK(lines[0]->size == doctest::Approx(kStampSize));
    // Five case officers: two or three lines at the smallest readable size, the page below them.
    std::string five;
    for (int k = 0; k < 5; ++k) five += (k ? ", " : "") + std::string("Fornavn Mellemnavn Efternavnsen ") + std::to_string(k);
    const double top = stamp_lines(five, lines);
    REQUIRE(lines.size() >= 2);
    CHECK(lines.size() <= 3);
    std::string joined;
    for (const TextItem* t : lines) {
        CHECK(t->size >= kStampMinSize - 1e-9);
        CHECK(t->x + ex.metrics().width(t->text, t->style, t->size) <= style::kPageWidth - style::kMarginRight + 0.01);
        joined += t->text + " ";
    }
    CHECK(joined.find("Efternavnsen 4") != std::string::npos);
    CHECK(top > kImportTop);
    CHECK(top > lines.back()->baseline);
    // A name without end: three lines, the last cut with "…".
    stamp_lines(std::string(3000, 'x'), lines);
    REQUIRE(lines.size() == 3);
    CHECK(lines.back()->text.size() >= 3);
    CHECK(lines.back()->text.view().substr(lines.back()->text.size() - 3) == "\xE2\x80\xA6");
}

TEST_CASE("packet layout: an attachment page drawn larger on its side gets a landscape page, with its footer at its foot") {
    using attach::ImportedPage;
    // Which way a page is drawn larger, between the stamp's band and the footer.
    CHECK(wants_landscape(ImportedPage{0, 0, 0, 841.89, 595.276}));   // A4 landscape: 0,81 against 0,71
    CHECK(wants_landscape(ImportedPage{0, 0, 0, 1190.55, 841.89}));   // A3 landscape
    CHECK_FALSE(wants_landscape(ImportedPage{0, 0, 0, 1000, 842}));  // barely wider: larger upright
    CHECK_FALSE(wants_landscape(ImportedPage{0, 0, 0, 595.276, 841.89}));
    CHECK_FALSE(wants_landscape(ImportedPage{0, 0, 0, 500, 500}));

    Example ex = load_example();
    model::AgendaItem* item = nullptr;
    for (model::AgendaItem& i : ex.meeting.items)
        if (i.number == 21) item = &i;
    REQUIRE(item);
    REQUIRE(!item->attachments.empty());
    model::Attachment& a = item->attachments.front();
    REQUIRE(a.imported);
    REQUIRE(a.imported->pages.size() >= 2);
    // The attachment's second page turned on its side (an A4 landscape page).
    auto turned = std::make_shared<attach::ImportedPdf>(*a.imported);
    turned->pages[1].urx = 841.89;
    turned->pages[1].ury = 595.276;
    a.imported = turned;
    const LaidOutDocument doc = layout_packet(model::edition_view(ex.meeting, model::Edition::Lukket),
                                              model::Edition::Lukket, ex.wording, ex.metrics());
    const attach::Placement* second = nullptr;
    for (const attach::Placement& p : doc.imports)
        if (p.source.get() == turned.get() && p.source_page == 1) second = &p;
    REQUIRE(second);
    const size_t page = static_cast<size_t>(second->page);
    // The attachments' pages are the packet's last: only that one of them is turned.
    for (size_t p = static_cast<size_t>(doc.imports.front().page); p < doc.pages.size(); ++p) {
        INFO("page " << p + 1);
        CHECK(doc.pages[p].landscape == (p == page));
    }
    CHECK(doc.width_of(page) == doctest::Approx(style::kPageHeight));
    CHECK(doc.height_of(page) == doctest::Approx(style::kPageWidth));
    // The box: the landscape page's whole width, from under the stamp's band to above its footer.
    CHECK(second->w == doctest::Approx(style::kPageHeight));
    CHECK(second->y + second->h == doctest::Approx(style::kPageWidth - kImportBottomGap));
    // Its footer at its own foot, "Side N af M" ending at its right margin; the closed mark's rule
    // across its width.
    const Page& p = doc.pages[page];
    REQUIRE(p.footer_end - p.footer_begin == 2);
    for (int k = p.footer_begin; k < p.footer_end; ++k)
        CHECK(p.texts[static_cast<size_t>(k)].baseline == doctest::Approx(style::kPageWidth - style::kFooterFromBottom));
    const TextItem& side = p.texts[static_cast<size_t>(p.footer_end - 1)];
    CHECK(side.x + ex.metrics().width(side.text, side.style, side.size) ==
          doctest::Approx(style::kPageHeight - style::kMarginRight));
    const double wide = style::kPageHeight - style::kMarginLeft - style::kMarginRight;
    CHECK(std::count_if(p.boxes.begin(), p.boxes.end(), [&](const BoxItem& b) { return b.w == doctest::Approx(wide); }) == 2);
    CHECK(dump(doc).find("page " + std::to_string(page + 1) + " landscape\n") != std::string::npos);
}

TEST_CASE("packet layout: the agenda lists a Markdown attachment under its item, with its page and a link") {
    // Regression (agenda-markdown-attachments): the agenda listed only the PDF attachments, so
    // item 18's "Bilag 1", printed after its item, was not in it.
    const Example ex = load_example();
    const auto view = model::edition_view(ex.meeting, model::Edition::Lukket);
    const LaidOutDocument doc = layout_packet(view, model::Edition::Lukket, ex.wording, ex.metrics());
    const int first_item = doc.page_of(model::item_anchor(view.items[0]));
    int listed = 0;
    for (const model::AgendaItem& item : view.items)
        for (const model::Attachment& a : item.attachments) {
            if (a.content.empty()) continue;
            const std::string anchor = model::attachment_anchor(item, a);
            const int page = doc.page_of(anchor);
            REQUIRE(page > first_item);
            const std::string line = "Bilag " + std::to_string(a.number) + ": ";
            bool found = false;
            for (int p = 1; p < first_item && !found; ++p) {
                const Page& agenda = doc.pages[static_cast<size_t>(p - 1)];
                for (const TextItem& t : agenda.texts) {
                    if (t.text.view().rfind(line, 0) != 0 || a.title.rfind(std::string(t.text.view().substr(line.size(), 10)), 0) != 0)
                        continue;
                    found = true;
                    // Its page, right-aligned on its first line.
                    const auto number = std::find_if(agenda.texts.begin(), agenda.texts.end(), [&](const TextItem& n) {
                        return n.baseline == t.baseline && n.text.view() == std::to_string(page);
                    });
                    CHECK_MESSAGE(number != agenda.texts.end(), item.number << ": " << a.title);
                    const auto link = std::find_if(agenda.links.begin(), agenda.links.end(),
                                                   [&](const LinkItem& l) { return l.target == anchor; });
                    CHECK_MESSAGE(link != agenda.links.end(), item.number << ": " << a.title);
                }
            }
            CHECK_MESSAGE(found, item.number << ": " << a.title);
            ++listed;
        }
    CHECK(listed >= 2);  // items 11 and 18
}

// The page-break rules of issue 10 (point 2), each pinned on a small meeting built here, laid
// out with fixed-width metrics at many amounts of text before the place in question, so that
// some of them bring it to the foot of a page.
#include <doctest/doctest.h>

#include <map>
#include <set>

#include "core/input_files.hpp"
#include "input/meeting_loader.hpp"
#include "render/pdf/packet_layout.hpp"
#include "render/pdf/pdf_style.hpp"
#include "test_support.hpp"

using namespace boardpack;
using namespace boardpack::render::pdf;

namespace {

std::string item_md(int number, const std::string& status, const std::string& body) {
    return "---\nnummer: " + std::to_string(number) + "\nstatus: " + status + "\ntitel: Punkt " + std::to_string(number) +
           "\nsagsbehandler: A\nsagsnummer: EMN-2023-0000" + std::to_string(number) + "\n---\n\n" + body;
}

// A meeting of items (status, body); the body's files other than item.md are in `extra`.
LaidOutDocument layout(const std::vector<std::pair<std::string, std::string>>& items, model::Edition edition,
                       const std::map<std::string, std::string>& extra = {}) {
    MemoryFiles f("m");
    std::string meeting =
        "organisation: Danske Regioner\norgan: Bestyrelsen\ndato: 2023-09-14\ntidspunkt: kl. 10\nsted: Her\n";
    for (size_t i = 0; i < items.size(); ++i) {
        const std::string dir = "0" + std::to_string(i + 1) + "-p";
        meeting += "punkt: " + dir + "\n";
        f.add(dir + "/item.md", item_md(static_cast<int>(i) + 1, items[i].first, items[i].second));
        for (const auto& [name, content] : extra) f.add(dir + "/" + name, content);
    }
    f.add("meeting.txt", meeting);
    Diagnostics d;
    auto m = input::load_meeting(f, "m", d);
    if (!m) throw std::runtime_error(test::messages(d));
    render::apply_defaults(*m, test::wording());
    static const FixedMetrics metrics;
    return layout_packet(model::edition_view(*m, edition), edition, test::wording(), metrics);
}

// `n` short paragraphs of filler, so what follows starts lower on the page for each n.
std::string filler(int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += "Fyld " + std::to_string(i) + ".\n\n";
    return s;
}

// The content items of a page: all but the footer.
std::vector<const TextItem*> content(const Page& p) {
    std::vector<const TextItem*> out;
    for (const TextItem& t : p.texts)
        if (t.baseline < style::kContentBottom + 1) out.push_back(&t);
    return out;
}

// The text of each line of a page (items on one baseline joined).
std::vector<std::string> page_lines(const Page& p) {
    std::map<double, std::string> by_baseline;
    for (const TextItem* t : content(p)) by_baseline[t->baseline] += t->text;
    std::vector<std::string> out;
    for (const auto& [y, s] : by_baseline) out.push_back(s);
    return out;
}

}  // namespace

TEST_CASE("page breaks: a heading is never the last thing on a page") {
    int at_foot = 0;  // layouts where a heading would have had room for itself alone
    for (int n = 0; n < 70; ++n) {
        const std::string body = "# Sagsfremstilling\n\n" + filler(n) + "## Underoverskrift\n\n" +
                                 "En lang paragraf med mange ord der fylder flere linjer på siden og derfor kan deles. " +
                                 std::string(400, 'x') + " slut.\n";
        const LaidOutDocument doc = layout({{"Offentlig", body}}, model::Edition::Lukket);
        for (size_t p = 0; p < doc.pages.size(); ++p) {
            const auto texts = content(doc.pages[p]);
            if (texts.empty()) continue;
            const TextItem* last = texts[0];
            for (const TextItem* t : texts)
                if (t->baseline >= last->baseline) last = t;
            INFO("filler " << n << ", page " << p + 1 << " ends with " << last->text);
            CHECK(last->origin.role != Origin::Role::Heading);
            // The heading went over although it alone would have fitted: the rule at work.
            for (const TextItem* t : texts)
                if (t->text == "Underoverskrift" && t->baseline < style::kMarginTop + 20 && p > 1) ++at_foot;
        }
    }
    CHECK(at_foot > 0);
}

TEST_CASE("page breaks: no page holds a lone confidential placeholder when the next item can follow it") {
    for (int n = 0; n < 60; n += 3) {
        // A confidential item right after the agenda, and one after a public item of n fillers.
        const LaidOutDocument doc =
            layout({{"Fortrolig", "# Resumé\n\nHemmeligt.\n"}, {"Offentlig", "# Resumé\n\n" + filler(n)},
                    {"Fortrolig", "# Resumé\n\nHemmeligt.\n"}, {"Offentlig", "# Resumé\n\nTekst.\n"}},
                   model::Edition::Offentlig);
        for (size_t p = 1; p < doc.pages.size(); ++p) {
            const auto texts = content(doc.pages[p]);
            INFO("filler " << n << ", page " << p + 1);
            const bool only_placeholder = texts.size() == 1 && texts[0]->origin.role == Origin::Role::Placeholder;
            CHECK_FALSE(only_placeholder);
        }
        // Item 2 follows the placeholder of item 1 on the page after the agenda.
        CHECK(doc.page_of("punkt-1") == doc.page_of("punkt-2"));
    }
}

TEST_CASE("page breaks: a case number, a date and an amount stay on one line wherever the line ends") {
    std::string body = "# Resumé\n\n";
    for (int k = 1; k < 40; ++k)
        body += std::string(static_cast<size_t>(k), 'a') + " sag EMN-2022-01548 af 23. juni 2023 om 34,4 mio. kr. her.\n\n";
    const LaidOutDocument doc = layout({{"Offentlig", body}}, model::Edition::Lukket);
    int seen = 0;
    for (const Page& p : doc.pages) {
        for (const std::string& line : page_lines(p)) {
            INFO(line);
            if (line.find("EMN-2022") != std::string::npos) CHECK(line.find("EMN-2022-01548") != std::string::npos);
            if (line.find("juni") != std::string::npos) CHECK(line.find("23. juni 2023") != std::string::npos);
            if (line.find("mio.") != std::string::npos) {
                CHECK(line.find("34,4 mio. kr.") != std::string::npos);
                ++seen;
            }
        }
    }
    CHECK(seen == 39);
}

TEST_CASE("page breaks: a table row is never split and the caption stays with the header and first rows") {
    std::string csv = "Post;Beløb\n";
    for (int r = 1; r <= 30; ++r)
        csv += "Række " + std::to_string(r) + " med en lang tekst der fylder flere linjer i sin celle og derfor er høj " +
               std::string(static_cast<size_t>(r % 4) * 20, 'o') + ";" + std::to_string(r * 100) + "\n";
    int split_tables = 0;
    for (int n = 0; n < 60; n += 2) {
        const std::string body = "# Sagsfremstilling\n\n" + filler(n) + "```tabel\nfil: t.csv\ntitel: Høje rækker\n```\n";
        const LaidOutDocument doc = layout({{"Offentlig", body}}, model::Edition::Lukket, {{"t.csv", csv}});
        std::map<int, std::set<size_t>> row_pages;  // table row -> pages its text is on
        size_t caption_page = 0;
        for (size_t p = 0; p < doc.pages.size(); ++p) {
            for (const TextItem& t : doc.pages[p].texts) {
                if (t.origin.role == Origin::Role::TableCell) row_pages[t.origin.row].insert(p);
                if (t.origin.role == Origin::Role::TableCaption && !caption_page) caption_page = p;
            }
        }
        INFO("filler " << n);
        REQUIRE(row_pages.size() == 30);
        for (const auto& [row, pages] : row_pages) CHECK(pages.size() == 1);
        for (int r = 1; r <= static_cast<int>(style::kTableKeepRows); ++r) CHECK(*row_pages[r].begin() == caption_page);
        if (*row_pages[30].begin() != caption_page) ++split_tables;
    }
    CHECK(split_tables > 0);  // the table really went over a page break
}

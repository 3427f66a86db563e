// Lines broken once (render/pdf/line_memo): the memo gives back exactly the lines break_lines
// makes, only for the very same input, forgets past its budget, and the example laid out with
// it is the same to the bit as without it.
#include <doctest/doctest.h>

#include <sstream>
#include <thread>

#include "build.hpp"
#include "core/input_files.hpp"
#include "example_meeting.hpp"
#include "render/pdf/line_memo.hpp"
#include "render/pdf/packet_layout.hpp"
#include "render/pdf/pdf_writer.hpp"
#include "test_support.hpp"

using namespace boardpack;
using namespace boardpack::render::pdf;

namespace {

// Another metrics' widths, without its memo: every line is broken anew.
class PlainMetrics : public FontMetrics {
public:
    explicit PlainMetrics(const FontMetrics& widths) : widths_(widths) {}
    double advance(char32_t cp, FontStyle style) const override { return widths_.advance(cp, style); }
    double ascent(FontStyle style) const override { return widths_.ascent(style); }

private:
    const FontMetrics& widths_;
};

// The same widths, with a memo of their own that keeps broken lines, as the real fonts' metrics do.
class RememberingMetrics final : public PlainMetrics {
public:
    explicit RememberingMetrics(const FontMetrics& widths, size_t budget = LineMemo::kDefaultBudget)
        : PlainMetrics(widths), memo_(budget) {}
    LineMemo* line_memo() const override { return &memo_; }
    LineMemo& memo() const { return memo_; }

private:
    mutable LineMemo memo_;
};

// Every fragment of every line, with its place and look.
std::string lines_text(const std::vector<LaidLine>& lines) {
    std::ostringstream out;
    out.precision(17);
    for (const LaidLine& line : lines) {
        out << line.width << ':';
        for (const Fragment& f : line.fragments)
            out << '[' << f.x << ' ' << f.width << ' ' << f.text.view() << ' ' << static_cast<int>(f.style) << ' ' << f.color.r << ' '
                << f.color.g << ' ' << f.color.b << ' ' << f.url << ' ' << f.strike << ' ' << f.title << ']';
        out << '\n';
    }
    return out.str();
}

// Every text, box and link of every page, with its place and look.
std::string pages_text(const LaidOutDocument& doc) {
    std::ostringstream out;
    out.precision(17);
    for (const Page& p : doc.pages) {
        out << "page\n";
        for (const TextItem& t : p.texts)
            out << t.x << ' ' << t.baseline << ' ' << t.text.view() << ' ' << static_cast<int>(t.style) << ' ' << t.size << ' '
                << t.color.r << ' ' << t.origin.block << '\n';
        for (const BoxItem& b : p.boxes) out << b.x << ' ' << b.y << ' ' << b.w << ' ' << b.h << '\n';
        for (const LinkItem& l : p.links) out << l.x << ' ' << l.y << ' ' << l.target << ' ' << l.url << '\n';
    }
    return out.str();
}

const std::vector<Span> kParagraph = {
    {"Regionerne har i 2023 en samlet ramme på 34,4 mio. kr. til ", FontStyle::Regular, {}, "", false, ""},
    {"udredning", FontStyle::Bold, {}, "", false, ""},
    {" af børn og unge, som fordeles efter bloktilskudsnøglen og følges op hvert kvartal.", FontStyle::Regular, {}, "", false, ""}};

}  // namespace

TEST_CASE("line memo: the same lines as break_lines, found again only for the same text, look, width and size") {
    const FixedMetrics fixed;
    const RememberingMetrics remembering(fixed);
    const std::string broken = lines_text(break_lines(kParagraph, 120, 10, fixed));
    CHECK(lines_text(break_lines(kParagraph, 120, 10, remembering)) == broken);
    CHECK(remembering.memo().hits() == 0);
    CHECK(lines_text(break_lines(kParagraph, 120, 10, remembering)) == broken);
    CHECK(remembering.memo().hits() == 1);
    // Any other input is broken anew, and gives its own lines.
    std::vector<Span> other = kParagraph;
    other[1].color = {1, 0, 0};
    CHECK(lines_text(break_lines(other, 120, 10, remembering)) == lines_text(break_lines(other, 120, 10, fixed)));
    other = kParagraph;
    other[1].url = "https://example.org";
    CHECK(lines_text(break_lines(other, 120, 10, remembering)) == lines_text(break_lines(other, 120, 10, fixed)));
    other = kParagraph;
    other[1].style = FontStyle::Italic;
    CHECK(lines_text(break_lines(other, 120, 10, remembering)) == lines_text(break_lines(other, 120, 10, fixed)));
    // Two spans that join to the same text are not one span.
    other = kParagraph;
    other[0].text += other[1].text;
    other[1].text.clear();
    CHECK(lines_text(break_lines(other, 120, 10, remembering)) == lines_text(break_lines(other, 120, 10, fixed)));
    CHECK(lines_text(break_lines(kParagraph, 90, 10, remembering)) == lines_text(break_lines(kParagraph, 90, 10, fixed)));
    CHECK(lines_text(break_lines(kParagraph, 120, 11, remembering)) == lines_text(break_lines(kParagraph, 120, 11, fixed)));
    CHECK(remembering.memo().hits() == 1);
}

TEST_CASE("line memo: a short text (a cell's figure) is broken each time, never kept") {
    const FixedMetrics fixed;
    const RememberingMetrics remembering(fixed);
    const std::vector<Span> cell = {{"1.234,5 mio. kr.", FontStyle::Regular, {}, "", false, ""}};
    for (int i = 0; i < 3; ++i) CHECK(lines_text(break_lines(cell, 40, 10, remembering)) == lines_text(break_lines(cell, 40, 10, fixed)));
    CHECK(remembering.memo().hits() == 0);
    CHECK(remembering.memo().bytes() == 0);
    // Spans are counted together: short pieces of a long paragraph are one input, kept.
    std::vector<Span> pieces;
    for (const char* w : {"Regionerne ", "har ", "i ", "2023 ", "en ", "samlet ", "ramme ", "på ", "34,4 ", "mio. kr."})
        pieces.push_back({w, FontStyle::Regular, {}, "", false, ""});
    break_lines(pieces, 120, 10, remembering);
    CHECK(lines_text(break_lines(pieces, 120, 10, remembering)) == lines_text(break_lines(pieces, 120, 10, fixed)));
    CHECK(remembering.memo().hits() == 1);
}

TEST_CASE("line memo: past its budget it forgets, and breaks again") {
    const FixedMetrics fixed;
    const RememberingMetrics remembering(fixed, 2000);
    for (int width = 100; width < 200; ++width) {
        CHECK(lines_text(break_lines(kParagraph, width, 10, remembering)) == lines_text(break_lines(kParagraph, width, 10, fixed)));
        CHECK(remembering.memo().bytes() <= 2000);
    }
    CHECK(remembering.memo().hits() == 0);
    const RememberingMetrics none(fixed, 10);  // nothing fits: nothing kept
    break_lines(kParagraph, 120, 10, none);
    break_lines(kParagraph, 120, 10, none);
    CHECK(none.memo().hits() == 0);
    CHECK(none.memo().bytes() == 0);
}

TEST_CASE("line memo: two threads finding and keeping at once, past its budget too, get the lines break_lines makes") {
    // The editions' packets are laid out at once, finding each other's lines side by side while
    // either keeps new ones, and a small budget makes keep() forget everything now and then
    // while the other thread reads.
    const FixedMetrics fixed;
    for (const size_t budget : {LineMemo::kDefaultBudget, size_t{3000}}) {
        const RememberingMetrics remembering(fixed, budget);
        int wrong[2] = {0, 0};
        const auto lay_out = [&](int t) {
            for (int round = 0; round < 3; ++round)
                for (int width = 100; width < 160; ++width) {
                    const double w = t == 0 ? width : 259 - width;  // the two meet in the middle
                    if (lines_text(break_lines(kParagraph, w, 10, remembering)) != lines_text(break_lines(kParagraph, w, 10, fixed)))
                        ++wrong[t];
                }
        };
        std::thread other(lay_out, 1);
        lay_out(0);
        other.join();
        CHECK(wrong[0] == 0);
        CHECK(wrong[1] == 0);
        CHECK(remembering.memo().bytes() <= budget);
        if (budget == LineMemo::kDefaultBudget) CHECK(remembering.memo().hits() >= 2 * 2 * 60);
    }
}

TEST_CASE("line memo: the example laid out with it, each edition, is the same to the bit") {
    Diagnostics d;
    auto meeting = test::prepared_example(d);
    auto fonts = FontFiles::load(BOARDPACK_FONT_DIR, d);
    REQUIRE_MESSAGE((meeting && fonts), test::messages(d));
    const PlainMetrics plain(fonts->layout_metrics());
    const RememberingMetrics remembering(fonts->layout_metrics());
    for (int round = 0; round < 2; ++round)  // the second round finds every line kept
        for (const model::Edition e : {model::Edition::Offentlig, model::Edition::Lukket}) {
            const model::EditionView view = pipeline::edition(*meeting, e);
            INFO(model::edition_folder(e), " round ", round);
            CHECK(pages_text(layout_packet(view, e, test::wording(), remembering)) ==
                  pages_text(layout_packet(view, e, test::wording(), plain)));
        }
    CHECK(remembering.memo().hits() > 1000);
}

TEST_CASE("line memo: two inputs with one hash are told apart, each gets its own lines") {
    const FixedMetrics fixed;
    LineMemo memo;
    std::vector<Span> other = kParagraph;
    other[2].text += " Og mere.";
    const std::vector<LaidLine> a = break_lines(kParagraph, 120, 10, fixed), b = break_lines(other, 120, 10, fixed);
    REQUIRE(lines_text(a) != lines_text(b));
    // The same hash given for both, as a collision of the real one would.
    memo.keep(42, kParagraph, 120, 10, a);
    memo.keep(42, other, 120, 10, b);
    CHECK(lines_text(memo.find(42, kParagraph, 120, 10).value()) == lines_text(a));
    CHECK(lines_text(memo.find(42, other, 120, 10).value()) == lines_text(b));
    CHECK_FALSE(memo.find(42, kParagraph, 121, 10));
    CHECK_FALSE(memo.find(42, kParagraph, 120, -10));
    CHECK_FALSE(memo.find(43, kParagraph, 120, 10));
    // Kept once: a second keep of the same input changes nothing.
    const size_t held = memo.bytes();
    memo.keep(42, kParagraph, 120, 10, b);
    CHECK(memo.bytes() == held);
    CHECK(lines_text(memo.find(42, kParagraph, 120, 10).value()) == lines_text(a));
    CHECK(memo.hits() == 3);
    // The real hash tells width, size, look and the split between spans apart.
    const uint64_t h = LineMemo::hash(kParagraph, 120, 10);
    CHECK(h == LineMemo::hash(kParagraph, 120, 10));
    CHECK(h != LineMemo::hash(kParagraph, 121, 10));
    CHECK(h != LineMemo::hash(kParagraph, 120, 11));
    other = kParagraph;
    other[0].text += other[1].text;
    other[1].text.clear();
    CHECK(h != LineMemo::hash(other, 120, 10));
    other = kParagraph;
    other[1].strike = true;
    CHECK(h != LineMemo::hash(other, 120, 10));
}

TEST_CASE("line memo: an entry holds its texts once, in less room than the spans and fragments themselves") {
    const FixedMetrics fixed;
    LineMemo memo;
    const std::vector<LaidLine> lines = break_lines(kParagraph, 120, 10, fixed);
    memo.keep(7, kParagraph, 120, 10, lines);
    size_t as_made = sizeof(Span) * kParagraph.size() + sizeof(LaidLine) * lines.size();
    for (const Span& s : kParagraph) as_made += s.text.size();
    for (const LaidLine& line : lines)
        for (const Fragment& f : line.fragments) as_made += sizeof(Fragment) + f.text.size();
    CHECK(memo.bytes() > 0);
    CHECK(memo.bytes() < as_made * 2 / 3);
    CHECK(lines_text(memo.find(7, kParagraph, 120, 10).value()) == lines_text(lines));
    // Lines whose fragment has a look no span has were not made by break_lines from these
    // spans: not kept, so never given back for them.
    std::vector<LaidLine> odd = lines;
    odd[0].fragments[0].color = {0.5F, 0, 0};
    LineMemo other;
    other.keep(7, kParagraph, 120, 10, odd);
    CHECK(other.bytes() == 0);
    CHECK_FALSE(other.find(7, kParagraph, 120, 10));
    // A line's text that is not the spans' as they stand (here: no run of them) is kept as
    // it is, and given back so.
    std::vector<LaidLine> rewritten = lines;
    rewritten[0].fragments[0].text = "Andre ord";
    rewritten.back().fragments.back().text = rewritten.back().fragments.back().text.str() + " og flere";
    LineMemo third;
    third.keep(7, kParagraph, 120, 10, rewritten);
    CHECK(lines_text(third.find(7, kParagraph, 120, 10).value()) == lines_text(rewritten));
}

// Charts (issue 14): the layout on fixed metrics (ticks, scales, label placement, gaps), the
// palette, the words for readers who cannot see the chart, the reader's and resolver's errors,
// and the parity of the SVG in the HTML with the paths and texts in the PDF.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <map>
#include <optional>
#include <regex>

#include "build.hpp"
#include "calc/chart_periods.hpp"
#include "calc/chart_values.hpp"
#include "core/input_files.hpp"
#include "render/chart/chart_layout.hpp"
#include "render/chart/chart_text.hpp"
#include "render/pdf/packet_layout.hpp"
#include "test_support.hpp"

using namespace boardpack;
using namespace boardpack::render::chart;

namespace {

model::Chart two_series(model::Chart::Kind kind = model::Chart::Kind::Column) {
    model::Chart c;
    c.kind = kind;
    c.number = 1;
    c.title = "Ventetid";
    c.unit = "dage";
    c.categories = {"1. kvt. 2023", "2. kvt. 2023"};
    c.series = {{"Behandling", {46.0, 43.0}, {"46", "43"}}, {"Operation", {std::nullopt, 60.0}, {"Ikke oplyst", "60"}}};
    return c;
}

// No two labels of a drawing overlap (boxes from the fixed metrics, baseline to cap height).
void check_no_overlap(const ChartDrawing& d) {
    for (size_t i = 0; i < d.labels.size(); ++i)
        for (size_t j = i + 1; j < d.labels.size(); ++j) {
            const Label& a = d.labels[i];
            const Label& b = d.labels[j];
            const bool x_apart = a.left() + a.width <= b.left() + 0.01 || b.left() + b.width <= a.left() + 0.01;
            const bool y_apart = a.y - a.size * 0.75 >= b.y - 0.01 || b.y - b.size * 0.75 >= a.y - 0.01;
            INFO(a.text << " / " << b.text);
            CHECK((x_apart || y_apart));
        }
}

}  // namespace

TEST_CASE("chart layout: round ticks that include zero, in Danish notation") {
    Ticks t = nice_ticks(0, 73);
    CHECK(t.step == 20);
    CHECK(t.values() == std::vector<double>{0, 20, 40, 60, 80});
    t = nice_ticks(0, 1496);
    CHECK(t.step == 500);
    CHECK(t.hi == 1500);
    t = nice_ticks(0, 12);
    CHECK(t.step == 2.5);
    CHECK(t.decimals == 1);
    CHECK(danish(2.5, t.decimals) == "2,5");
    t = nice_ticks(-152, 100);
    CHECK(t.lo < -152);
    CHECK(t.hi >= 100);
    const std::vector<double> values = t.values();
    CHECK(std::count(values.begin(), values.end(), 0.0) == 1);
    t = nice_ticks(40, 66);  // values far from zero still start the axis at zero
    CHECK(t.lo == 0);
    CHECK(danish(9357, 0) == "9.357");
}

TEST_CASE("chart layout: a line's category labels thin out instead of colliding, line ends spread apart") {
    CHECK(label_step({30, 30, 30, 30}, 40) == 1);
    CHECK(label_step({30, 30, 30, 30}, 20) == 2);
    CHECK(label_step({30, 30, 30, 30}, 12) == 3);
    CHECK(spread({100, 101, 50}, 8) == std::vector<double>{100, 108, 50});
    CHECK(spread({10, 30}, 8) == std::vector<double>{10, 30});

    // 14 periods as in item 18's table: every label drawn is clear of the others.
    model::Chart c;
    c.kind = model::Chart::Kind::Line;
    c.title = "Speciallæger";
    for (int i = 0; i < 14; ++i) c.categories.push_back("April 20" + std::to_string(10 + i));
    for (int s = 0; s < 3; ++s) {
        model::ChartSeries series;
        series.label = "Serie " + std::to_string(s);
        for (int i = 0; i < 14; ++i) {
            series.values.push_back(1000.0 + s * 10 + i);  // three lines ending close together
            series.printed.push_back(std::to_string(1000 + s * 10 + i));
        }
        c.series.push_back(series);
    }
    const ChartDrawing d = lay_out_chart(c, kChartWidth, chart_words(test::wording()));
    check_no_overlap(d);
    size_t categories = 0;
    for (const Label& l : d.labels) categories += l.text.rfind("April", 0) == 0 ? 1 : 0;
    CHECK(categories > 1);
    CHECK(categories < 14);
    for (const Label& l : d.labels) CHECK(l.left() >= -0.01);
    for (const Label& l : d.labels) CHECK(l.left() + l.width <= kChartWidth + 0.01);
}

TEST_CASE("chart layout: a bar's long name wraps under it, or beside it, never thinned out or past the edge") {
    const std::vector<std::string> names = {"Region Hovedstaden - Psykiatrisk Center København", "Region Sjælland",
                                            "Region Syddanmark - Psykiatrien i Region Syddanmark",
                                            "Region Midtjylland - Børne- og Ungdomspsykiatrisk Center",
                                            "Region Nordjylland", "Hele landet (gennemsnit af alle fem regioner)",
                                            "Sundhedsdatastyrelsensmeget_lange_ord_uden_mellemrum_i_navnet"};
    for (model::Chart::Kind kind : {model::Chart::Kind::Column, model::Chart::Kind::Bar}) {
        model::Chart c;
        c.kind = kind;
        c.title = "Overholdelse";
        c.categories = names;
        model::ChartSeries series;
        series.label = "Pct.";
        for (size_t i = 0; i < names.size(); ++i) {
            series.values.push_back(20.0 + 10 * static_cast<double>(i));
            series.printed.push_back(std::to_string(20 + 10 * i));
        }
        c.series.push_back(series);
        const ChartDrawing d = lay_out_chart(c, kChartWidth, chart_words(test::wording()));
        CAPTURE(kind);
        check_no_overlap(d);
        for (const Label& l : d.labels) {
            CHECK(l.left() >= -0.01);
            CHECK(l.left() + l.width <= kChartWidth + 0.01);
            CHECK(l.y <= d.height);
        }
        // Every category has its name, from its first word; a name too long is cut with "…".
        for (const std::string& name : names) {
            const std::string first = name.substr(0, std::min<size_t>(name.find(' '), 6));
            bool found = false;
            for (const Label& l : d.labels) found = found || l.text.rfind(first, 0) == 0;
            CHECK_MESSAGE(found, name);
        }
        bool cut = false;
        for (const Label& l : d.labels) cut = cut || l.text.find("…") != std::string::npos;
        CHECK(cut);
    }
    // So many bars that not a word fits under one: their names thin out, whole and apart.
    model::Chart many;
    many.kind = model::Chart::Kind::Column;
    many.title = "Mange";
    model::ChartSeries series;
    series.label = "Antal";
    for (int i = 0; i < 60; ++i) {
        many.categories.push_back("Uge " + std::to_string(i + 1));
        series.values.push_back(i);
        series.printed.push_back(std::to_string(i));
    }
    many.series.push_back(series);
    const ChartDrawing d = lay_out_chart(many, kChartWidth, chart_words(test::wording()));
    check_no_overlap(d);
    size_t shown = 0;
    for (const Label& l : d.labels) {
        shown += l.text.rfind("Uge ", 0) == 0 ? 1 : 0;
        CHECK(l.text.find("…") == std::string::npos);
    }
    CHECK(shown > 1);
    CHECK(shown < 60);
}

TEST_CASE("chart layout: thinned-out names stay inside the chart, a name wider than it cut with \"…\"") {
    // Forty bars with long names: too many for a word under each, so the names thin out. The
    // first and last, centred under their bars, would stand past the chart's edges (in the
    // PDF's margin or off the page, cut off by the SVG's box).
    for (model::Chart::Kind kind : {model::Chart::Kind::Column, model::Chart::Kind::Line}) {
        model::Chart c;
        c.kind = kind;
        c.title = "Mange";
        model::ChartSeries series;
        series.label = "Antal";
        for (int i = 0; i < 40; ++i) {
            c.categories.push_back(i == 20 ? std::string(300, 'x')
                                           : "Region med et meget langt navn, område " + std::to_string(i) + " i hele landet");
            series.values.push_back(100 + i);
            series.printed.push_back(std::to_string(100 + i));
        }
        c.series.push_back(series);
        const ChartDrawing d = lay_out_chart(c, kChartWidth, chart_words(test::wording()));
        CAPTURE(kind);
        check_no_overlap(d);
        size_t names = 0;
        for (const Label& l : d.labels) {
            CHECK(l.left() >= -0.01);
            CHECK(l.left() + l.width <= kChartWidth + 0.01);
            names += l.text.rfind("Region", 0) == 0 ? 1 : 0;
        }
        CHECK(names >= 1);
    }
}

TEST_CASE("chart layout: bars scale from zero, a missing value is a gap and never a zero bar") {
    const model::Chart c = two_series();
    const ChartDrawing d = lay_out_chart(c, kChartWidth, chart_words(test::wording()));
    check_no_overlap(d);
    CHECK(d.ticks.front() == 0);
    std::map<std::pair<int, int>, double> heights;
    for (const Shape& s : d.shapes)
        if (s.kind == Shape::Kind::Fill && s.category >= 0) heights[{s.series, s.category}] = s.points[2].y - s.points[0].y;
    CHECK(heights.count({1, 0}) == 0);  // "Ikke oplyst": no bar at all
    REQUIRE(heights.count({0, 0}) == 1);
    REQUIRE(heights.count({1, 1}) == 1);
    CHECK(heights[{0, 0}] / heights[{1, 1}] == doctest::Approx(46.0 / 60.0));
    bool io = false, note = false;
    for (const Label& l : d.labels) {
        io = io || l.text == "i.o.";
        note = note || l.text.find("ikke oplyst") != std::string::npos;
    }
    CHECK(io);
    CHECK(note);
    // A line stops at a gap: no segment of series 1 starts at category 0.
    model::Chart line = two_series(model::Chart::Kind::Line);
    line.series[0].values = {46.0, std::nullopt};
    line.categories = {"a", "b"};
    const ChartDrawing ld = lay_out_chart(line, kChartWidth, chart_words(test::wording()));
    for (const Shape& s : ld.shapes)
        if (s.kind == Shape::Kind::Stroke && s.series >= 0 && s.category < 0 && s.color != Rgb{255, 255, 255})
            CHECK(s.points.size() >= 2);
    size_t series0_lines = 0;
    for (const Shape& s : ld.shapes) series0_lines += s.kind == Shape::Kind::Stroke && s.series == 0 && s.points.size() >= 2 &&
                                                      s.points[0].y != s.points[1].y;
    CHECK(series0_lines == 0);  // only one value: a marker, no line to a zero
}

TEST_CASE("chart layout: a negative bar at the axis' foot keeps its value clear of the categories' names") {
    // -4 is a round tick: the axis would end there, and the value under the bar sat on "Ændring".
    model::Chart c;
    c.kind = model::Chart::Kind::Column;
    c.number = 1;
    c.title = "Ændring";
    c.categories = {"Ændring"};
    c.series = {{"Nord", {4.0}, {"4 pct.-point"}}, {"Midt", {-4.0}, {"-4 pct.-point"}}, {"Syd", {-0.5}, {"-0,5 pct.-point"}}};
    const ChartDrawing d = lay_out_chart(c, kChartWidth, chart_words(test::wording()));
    check_no_overlap(d);
    CHECK(d.ticks.front() < -4);
    // A bar that ends above the foot needs no more room: the axis is as before.
    c.series = {{"Nord", {4.0}, {"4"}}, {"Midt", {-3.0}, {"-3"}}};
    const ChartDrawing short_bar = lay_out_chart(c, kChartWidth, chart_words(test::wording()));
    check_no_overlap(short_bar);
    CHECK(short_bar.ticks.front() == -4);
}

namespace {

// Lying bars in per cent with the target line of 79 %, as the probes' charts of compliance by region.
model::Chart lying_bars_with_target() {
    model::Chart c;
    c.kind = model::Chart::Kind::Bar;
    c.unit = "%";
    c.target = 79;
    c.target_label = "Mål 79 %";
    return c;
}

}  // namespace

TEST_CASE("chart layout: a target line with its label, horizontal bars with their values") {
    model::Chart c = lying_bars_with_target();
    c.categories = {"Region Sjælland", "Region Nordjylland", "Region Hovedstaden"};
    c.series = {{"2. kvt. 2023", {68.0, 22.0, std::nullopt}, {"68", "22", "Ikke oplyst"}}};
    const ChartDrawing d = lay_out_chart(c, kChartWidth, chart_words(test::wording()));
    check_no_overlap(d);
    bool dashed = false;
    for (const Shape& s : d.shapes) dashed = dashed || s.dashed;
    CHECK(dashed);
    std::vector<std::string> texts;
    for (const Label& l : d.labels) texts.push_back(l.text);
    CHECK(std::find(texts.begin(), texts.end(), "Mål 79 %") != texts.end());
    CHECK(std::find(texts.begin(), texts.end(), "68 %") != texts.end());
    CHECK(std::find(texts.begin(), texts.end(), "ikke oplyst") != texts.end());
    CHECK(std::find(texts.begin(), texts.end(), "0 %") == texts.end());
}

TEST_CASE("chart layout: a lying bar's value is not crossed by the target line") {
    // A probe's chart: Region Sjælland at 78 % beside the target of 79 %, the dashed line through "78 %".
    model::Chart c = lying_bars_with_target();
    c.categories = {"Region Hovedstaden", "Region Sjælland", "Region Midtjylland", "Region Syddanmark"};
    c.series = {{"3. kvt. 2023", {74.0, 78.0, 80.0, 71.0}, {"74", "78", "80", "71"}}};
    const ChartDrawing d = lay_out_chart(c, kChartWidth, chart_words(test::wording()));
    check_no_overlap(d);
    double at = -1;
    for (const Shape& s : d.shapes)
        if (s.dashed) at = s.points.front().x;
    REQUIRE(at > 0);
    int values = 0;
    for (const Label& l : d.labels)
        if (l.text.ends_with(" %") && l.text != "Mål 79 %" && l.text.size() <= 5) {
            ++values;
            CHECK_MESSAGE(!(l.left() < at && at < l.left() + l.width), l.text);
            CHECK(l.left() + l.width <= d.width);
        }
    CHECK(values == 4);
}

TEST_CASE("chart palette: 3:1 on white, and series told apart by pattern or marker too") {
    for (const Rgb& c : palette()) CHECK(contrast(c, {255, 255, 255}) >= 3.0);
    CHECK(palette().size() >= calc::kMaxChartSeries);
    // Stacked columns of six series: each series' hatching differs from every other's.
    model::Chart c;
    c.stacked = true;
    c.categories = {"a"};
    for (int s = 0; s < 6; ++s) c.series.push_back({"s" + std::to_string(s), {10.0}, {"10"}});
    const ChartDrawing d = lay_out_chart(c, kChartWidth, chart_words(test::wording()));
    std::map<int, std::set<std::string>> angles;  // per series: the directions of its hatch lines
    for (const Shape& s : d.shapes)
        if (s.kind == Shape::Kind::Stroke && s.series >= 0 && s.category == 0) {
            const double dx = s.points[1].x - s.points[0].x, dy = s.points[1].y - s.points[0].y;
            angles[s.series].insert(std::to_string(static_cast<int>(std::lround(std::atan2(dy, dx) * 180 / M_PI + 360)) % 180));
        }
    CHECK(angles.count(0) == 0);  // the first is plain
    for (int a = 1; a < 6; ++a)
        for (int b = a + 1; b < 6; ++b) CHECK(angles[a] != angles[b]);
}

TEST_CASE("chart words: the alt text gives every value from the data, a gap as not stated") {
    model::Chart c = two_series();
    c.target = 79;
    c.target_label = "Mål 79 dage";
    CHECK(test::wording().figure_caption(c.number, c.title) == "Figur 1: Ventetid");
    CHECK(chart_description(c, test::wording().get("ikke-oplyst")) ==
          "Behandling: 1. kvt. 2023 46 dage, 2. kvt. 2023 43 dage; Operation: 1. kvt. 2023 ikke oplyst, "
          "2. kvt. 2023 60 dage; Mål 79 dage.");
    CHECK(chart_description(c, "not stated").find("1. kvt. 2023 not stated") != std::string::npos);
    // Ending in an abbreviation's stop, it ends in one stop (a probe found "mio. kr..").
    c.target.reset();
    c.unit = "mio. kr.";
    const std::string money = chart_description(c, "ikke oplyst");
    CHECK(money.ends_with(" mio. kr."));
    CHECK(money.find("..") == std::string::npos);
    // The unit follows the number, before a footnote mark (a probe found "12,5 * %").
    c.unit = "%";
    c.series[0].printed[0] = "12,5 *";
    CHECK(chart_description(c, "ikke oplyst").find("1. kvt. 2023 12,5 % *,") != std::string::npos);
    CHECK(with_unit("12,5**", "%") == "12,5 % **");
    CHECK(with_unit("68 %", "%") == "68 %");
    CHECK(with_unit("68", "") == "68");
}

namespace {

const char* kCsv = "Nøgletal;Bedst;1. kvt. 2023;2. kvt. 2023\nBehandling;lavere;46;43\nOperation;lavere;Ikke oplyst;60\nTekst;x;a;b\n";

std::string item_md(int number, const std::string& status, const std::string& body) {
    return "---\nnummer: " + std::to_string(number) + "\nstatus: " + status + "\ntitel: Punkt " + std::to_string(number) +
           "\nsagsbehandler: A\nsagsnummer: EMN-2023-0000" + std::to_string(number) + "\n---\n\n# Sagsfremstilling\n\n" + body;
}

const std::string kTable = "```tabel\nfil: t.csv\nnavn: vent\ntitel: Ventetid\nkilde: Et sted\n```\n\n";

struct Built {
    std::optional<model::Meeting> meeting;
    Diagnostics diags;
};

// A meeting of two items: item 1 with `status1` and `body1`, item 2 public with `body2`.
std::unique_ptr<Built> build(const std::string& body1, const std::string& body2 = "Tekst.\n", const std::string& status1 = "Offentlig") {
    MemoryFiles f("m");
    f.add("meeting.txt", "organisation: Danske Regioner\norgan: Bestyrelsen\ndato: 2023-09-14\ntidspunkt: kl. 10\nsted: Her\n"
                         "punkt: 01-a\npunkt: 02-b\n");
    f.add("01-a/item.md", item_md(1, status1, body1));
    f.add("01-a/t.csv", kCsv);
    f.add("02-b/item.md", item_md(2, "Offentlig", body2));
    auto b = std::make_unique<Built>();
    b->meeting = pipeline::load(f, "m", b->diags);
    if (b->meeting && !b->diags.has_errors()) pipeline::compute(*b->meeting, test::wording(), b->diags);
    return b;
}

}  // namespace

TEST_CASE("diagram block: read, numbered Figur N with the item's figures, values from the computed table") {
    auto b = build(kTable + "```diagram\ntabel: vent\nrækker: Behandling .. Operation\nkolonner: 1. kvt. 2023; 2. kvt. 2023\n"
                            "titel: Ventetid\nenhed: dage\nmål: 50 | Mål 50 dage\n```\n\n```diagram\ntabel: vent\nrækker: Behandling\n"
                            "kolonner: 1. kvt. 2023 .. 2. kvt. 2023\nserier: kolonner\ntype: liggende søjler\ntitel: Anden\n```\n");
    INFO(test::messages(b->diags));
    REQUIRE(b->meeting);
    REQUIRE(!b->diags.has_errors());
    const model::AgendaItem& item = b->meeting->items[0];
    REQUIRE(item.charts.size() == 2);
    const model::Chart& c = item.charts[0];
    CHECK(c.number == 1);
    CHECK(item.charts[1].number == 2);
    CHECK(item.charts[1].kind == model::Chart::Kind::Bar);
    CHECK(c.categories == std::vector<std::string>{"1. kvt. 2023", "2. kvt. 2023"});
    REQUIRE(c.series.size() == 2);
    CHECK(c.series[0].values[1] == 43.0);
    CHECK(!c.series[1].values[0]);  // "Ikke oplyst": a gap
    CHECK(c.target == 50.0);
    CHECK(c.source == "Et sted");
    CHECK(item.charts[1].series.size() == 2);  // series are the columns
    CHECK(item.charts[1].categories == std::vector<std::string>{"Behandling"});
}

TEST_CASE("diagram block: clear errors for unknown tables, rows, columns, text cells, confidential data, too many series") {
    auto msg = [](const std::string& body1, const std::string& body2 = "Tekst.\n", const std::string& status = "Offentlig") {
        auto b = build(body1, body2, status);
        return test::messages(b->diags);
    };
    const std::string head = "```diagram\ntitel: T\n";
    CHECK(msg(kTable + head + "tabel: vnt\n```\n").find("there is no table named \"vnt\" in this meeting; did you mean \"vent\"") !=
          std::string::npos);
    CHECK(msg(kTable + head + "tabel: vent\nrækker: Behandlng\n```\n").find("has no row \"Behandlng\"") != std::string::npos);
    CHECK(msg(kTable + head + "tabel: vent\nkolonner: 3. kvt. 2023\n```\n").find("has no column \"3. kvt. 2023\"") !=
          std::string::npos);
    CHECK(msg(kTable + head + "tabel: vent\nrækker: Tekst\nkolonner: 1. kvt. 2023\n```\n").find("not a number") !=
          std::string::npos);
    CHECK(msg(kTable + head + "tabel: vent\ntype: kage\n```\n").find("unknown chart type \"kage\"") != std::string::npos);
    CHECK(msg(kTable + head + "tabel: vent\nmål: 7x\n```\n").find("the target \"7x\" is not a number") != std::string::npos);
    CHECK(msg(kTable, head + "tabel: vent\n```\n", "Fortrolig").find("a public item may not show a confidential item's data") !=
          std::string::npos);
    // A public item's misspelt table is offered no confidential item's table.
    const std::string misspelt = msg(kTable, head + "tabel: vnt\n```\n", "Fortrolig");
    CHECK(misspelt.find("there is no table named \"vnt\" in this meeting\n") != std::string::npos);
    CHECK(misspelt.find("\"vent\"") == std::string::npos);
    CHECK(msg(kTable + head + "tabel: vent\nrækker: Behandling\nkolonner: 2. kvt. 2023\nserier: kolonner\n```\n").empty());
    // Columns not named: the numeric ones; here none is (a row of text), which is said.
    CHECK(msg(kTable + head + "tabel: vent\n```\n").find("the chart has no values") != std::string::npos);
    // Seven series: more than the palette, markers and patterns tell apart.
    std::string wide = "Navn;a;b;c;d;e;f;g\nR;1;2;3;4;5;6;7\n";
    MemoryFiles f("m");
    f.add("meeting.txt", "organisation: D\norgan: B\ndato: 2023-09-14\ntidspunkt: kl. 10\nsted: Her\npunkt: 01-a\n");
    f.add("01-a/item.md", item_md(1, "Offentlig", "```tabel\nfil: w.csv\nnavn: w\ntitel: W\n```\n\n" + head +
                                                      "tabel: w\nserier: kolonner\n```\n"));
    f.add("01-a/w.csv", wide);
    Diagnostics d;
    auto m = pipeline::load(f, "m", d);
    REQUIRE(m);
    pipeline::compute(*m, test::wording(), d);
    CHECK(test::messages(d).find("the chart has 7 series, more than the 6") != std::string::npos);
}

TEST_CASE("diagram block: a chart taller than a page of the PDF is an error at its block, not drawn off the page") {
    // Lying bars take a band each: 40 names of three lines are some 45 cm, a page holds 24.
    const auto chart = [](int rows) {
        std::string csv = "Navn;2023\n";
        for (int i = 0; i < rows; ++i)
            csv += "Region med et meget langt navn, område " + std::to_string(i) + " i hele landet med mere;" +
                   std::to_string(100 + i) + "\n";
        MemoryFiles f("m");
        f.add("meeting.txt", "organisation: D\norgan: B\ndato: 2023-09-14\ntidspunkt: kl. 10\nsted: Her\npunkt: 01-a\n");
        f.add("01-a/item.md", item_md(1, "Offentlig", "```tabel\nfil: w.csv\nnavn: w\ntitel: W\n```\n\n"
                                                          "```diagram\ntabel: w\nserier: kolonner\ntype: liggende søjler\ntitel: T\n```\n"));
        f.add("01-a/w.csv", csv);
        Diagnostics d;
        auto m = pipeline::load(f, "m", d);
        REQUIRE(m);
        pipeline::compute(*m, test::wording(), d);
        return test::messages(d);
    };
    CHECK(chart(10).empty());
    const std::string tall = chart(40);
    CHECK(tall.find("m/01-a/item.md:17:1: error: the chart is too tall for a page of the PDF: its 40 categories take ") !=
          std::string::npos);
}

namespace {

// The numbers of an SVG path's d attribute, or of a PDF path's points shifted by (dx, dy).
std::vector<double> svg_numbers(const std::string& d) {
    std::vector<double> out;
    static const std::regex number(R"re(-?[0-9]+\.[0-9]+)re");
    for (auto it = std::sregex_iterator(d.begin(), d.end(), number); it != std::sregex_iterator(); ++it)
        out.push_back(std::stod(it->str()));
    return out;
}

}  // namespace

TEST_CASE("chart parity: every path and label of the SVG is in the PDF, at the same place") {
    auto b = build(kTable + "```diagram\ntabel: vent\nrækker: Behandling .. Operation\nkolonner: 1. kvt. 2023 .. 2. kvt. 2023\n"
                            "titel: Ventetid\nenhed: dage\nmål: 50 | Mål 50 dage\n```\n");
    REQUIRE(b->meeting);
    REQUIRE(!b->diags.has_errors());
    pipeline::prepare(*b->meeting, test::wording(), b->diags);
    const auto view = pipeline::edition(*b->meeting, model::Edition::Offentlig);
    DiskFiles templates(std::string(BOARDPACK_SOURCE_DIR) + "/templates");
    auto html_templates = render::html::HtmlTemplates::load(templates, b->diags);
    REQUIRE(html_templates);
    const auto html = pipeline::render_html(view, test::wording(), *html_templates, b->diags);
    REQUIRE(html);
    static const render::pdf::FixedMetrics metrics;
    const render::pdf::LaidOutDocument doc = pipeline::lay_out(view, test::wording(), metrics);

    // The SVG's paths and texts, in order.
    const size_t svg_at = html->find("<svg");
    REQUIRE(svg_at != std::string::npos);
    const std::string svg = html->substr(svg_at, html->find("</svg>") - svg_at);
    CHECK(svg.find("role=\"img\"") != std::string::npos);
    CHECK(svg.find("<title>Figur 1: Ventetid</title>") != std::string::npos);
    CHECK(svg.find("<desc>Behandling: 1. kvt. 2023 46 dage") != std::string::npos);
    CHECK(html->find("<details>") != std::string::npos);
    // The data table's corner above the row labels is an empty cell, not an empty column
    // heading (axe's empty-table-header, once a reader opens the table), as in every table.
    CHECK(html->find("<thead><tr><td></td><th scope=\"col\">1. kvt. 2023</th>") != std::string::npos);
    CHECK(html->find("<th scope=\"col\"></th>") == std::string::npos);
    std::vector<std::vector<double>> svg_paths;
    static const std::regex path(R"re(<path d="([^"]*)")re");
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), path); it != std::sregex_iterator(); ++it)
        svg_paths.push_back(svg_numbers((*it)[1].str()));
    std::vector<std::pair<std::string, double>> svg_texts;
    static const std::regex text(R"re(<text x="[^"]*" y="([^"]*)"[^>]*>([^<]*)</text>)re");
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), text); it != std::sregex_iterator(); ++it)
        svg_texts.push_back({(*it)[2].str(), std::stod((*it)[1].str())});

    // The PDF's, of the figure.
    std::vector<const render::pdf::PathItem*> pdf_paths;
    std::vector<const render::pdf::TextItem*> pdf_texts;
    for (const auto& page : doc.pages) {
        for (const auto& p : page.paths) pdf_paths.push_back(&p);
        for (const auto& t : page.texts)
            if (t.origin.role == render::pdf::Origin::Role::Figure) pdf_texts.push_back(&t);
    }
    REQUIRE(!svg_paths.empty());
    REQUIRE(svg_paths.size() == pdf_paths.size());
    REQUIRE(svg_texts.size() == pdf_texts.size());
    // The drawing's origin on the page: where the first path's first point went.
    const double dx = pdf_paths[0]->points[0].x - svg_paths[0][0], dy = pdf_paths[0]->points[0].y - svg_paths[0][1];
    for (size_t i = 0; i < svg_paths.size(); ++i) {
        REQUIRE(svg_paths[i].size() == pdf_paths[i]->points.size() * 2);
        for (size_t k = 0; k < pdf_paths[i]->points.size(); ++k) {
            // The SVG is written to two decimals.
            CHECK(std::abs(pdf_paths[i]->points[k].x - dx - svg_paths[i][2 * k]) < 0.011);
            CHECK(std::abs(pdf_paths[i]->points[k].y - dy - svg_paths[i][2 * k + 1]) < 0.011);
        }
    }
    for (size_t i = 0; i < svg_texts.size(); ++i) {
        std::string expected = svg_texts[i].first;
        // The SVG escapes what the PDF writes as it is.
        for (size_t at; (at = expected.find("&amp;")) != std::string::npos;) expected.replace(at, 5, "&");
        CHECK(pdf_texts[i]->text == expected);
        CHECK(std::abs(pdf_texts[i]->baseline - dy - svg_texts[i].second) < 0.011);
    }
    // Each value of the data is printed in both.
    for (const char* v : {"46 dage", "43 dage", "60 dage", "Mål 50 dage"}) {
        CHECK(svg.find(std::string(">") + v + "<") != std::string::npos);
    }
    // The Figure's /Alt comes from the data.
    REQUIRE(doc.figures.size() == 1);
    CHECK(doc.figures[0].alt.find("Operation: 1. kvt. 2023 ikke oplyst, 2. kvt. 2023 60 dage") != std::string::npos);
}

TEST_CASE("figure numbers: charts and pictures share one count per item in reading order; attachments count anew") {
    model::AgendaItem item;
    item.sections.resize(2);
    model::Block picture;
    picture.figure = 7;  // numbered by its reader ("Figur 7" as written counts for nothing)
    model::Block chart;
    chart.kind = model::Block::Kind::Chart;
    chart.chart = 0;
    model::Block second = chart;
    second.chart = 1;
    item.sections[0].blocks = {chart, picture};
    item.sections[1].blocks = {second};
    item.charts.resize(3);
    model::Attachment a;
    model::Block third = chart;
    third.chart = 2;
    a.content = {third};
    item.attachments.push_back(a);
    calc::number_figures(item);
    CHECK(item.sections[0].blocks[0].figure == 1);
    CHECK(item.sections[0].blocks[1].figure == 2);
    CHECK(item.sections[1].blocks[0].figure == 3);
    CHECK(item.charts[1].number == 3);
    CHECK(item.charts[2].number == 1);
}

TEST_CASE("chart words: what a chart prints for a gap is the packet's wording, not the chart code's") {
    const render::chart::ChartWords words{"n/a", "n/a: not stated", "not stated", "Source: {kilde}", "The numbers of figure {nummer}"};
    for (model::Chart::Kind kind : {model::Chart::Kind::Column, model::Chart::Kind::Bar}) {
        const ChartDrawing d = lay_out_chart(two_series(kind), kChartWidth, words);
        std::vector<std::string> texts;
        for (const Label& l : d.labels) texts.push_back(l.text);
        CAPTURE(kind);
        if (kind == model::Chart::Kind::Column) {
            CHECK(std::find(texts.begin(), texts.end(), "n/a") != texts.end());
            CHECK(std::find(texts.begin(), texts.end(), "n/a: not stated") != texts.end());
        } else {
            CHECK(std::find(texts.begin(), texts.end(), "not stated") != texts.end());
        }
        for (const std::string& t : texts) CHECK(t.find("ikke oplyst") == std::string::npos);
    }
    // Its source line and the name of its numbers' table too, filled in; none without a source.
    model::Chart c = two_series(model::Chart::Kind::Column);
    c.number = 2;
    c.source = "Danske Regioner";
    CHECK(render::chart::source_line(c, words) == "Source: Danske Regioner");
    CHECK(render::chart::numbers_name(c, words) == "The numbers of figure 2");
    c.source.clear();
    CHECK(render::chart::source_line(c, words).empty());
}

TEST_CASE("diagram block: a table shown in mio. kr. is charted in millions, as its labels print") {
    // Regression (chartmio): the axis ran to 12.500.000 under "Mio. kr." while the bars read 11,5.
    MemoryFiles f("m");
    f.add("meeting.txt", "organisation: Danske Regioner\norgan: Bestyrelsen\ndato: 2023-09-14\ntidspunkt: kl. 10\nsted: Her\n"
                         "punkt: 01-a\n");
    f.add("01-a/item.md", item_md(1, "Offentlig",
                                  "```tabel\nfil: t.csv\nnavn: t\ntitel: Udgifter\nenhed: mio. kr.\n```\n\n"
                                  "```diagram\ntabel: t\ntitel: Udgifter\nenhed: mio. kr.\nakse: Mio. kr.\nmål: 12 | Loft\n```\n"));
    f.add("01-a/t.csv", "Post;2022;2023\nDrift;11.500.000;12.250.000\nAnlæg;2.000.000;3.000.000\n");
    Built b;
    b.meeting = pipeline::load(f, "m", b.diags);
    REQUIRE(b.meeting);
    pipeline::compute(*b.meeting, test::wording(), b.diags);
    INFO(test::messages(b.diags));
    REQUIRE(!b.diags.has_errors());
    const model::Chart& c = b.meeting->items[0].charts.at(0);
    REQUIRE(c.series.size() == 2);
    CHECK(c.series[0].values[0] == doctest::Approx(11.5));
    CHECK(c.series[0].values[1] == doctest::Approx(12.25));
    CHECK(c.series[0].printed[1] == "12,3");
    const ChartDrawing d = lay_out_chart(c, kChartWidth, chart_words(test::wording()));
    bool tick_in_millions = false, tick_in_kroner = false;
    for (const Label& l : d.labels) {
        tick_in_millions = tick_in_millions || l.text == "12,5" || l.text == "10";
        tick_in_kroner = tick_in_kroner || l.text.find(".000.000") != std::string::npos;
    }
    CHECK(tick_in_millions);
    CHECK_FALSE(tick_in_kroner);
}

TEST_CASE("diagram block: an amount unit that is not the one the table prints is an error at \"enhed:\"") {
    // Labels "11,5 kr." under a table shown in mio. kr., or 11.500.000 labelled "mio. kr.".
    const auto messages = [](const std::string& table_keys, const std::string& chart_unit) {
        MemoryFiles f("m");
        f.add("meeting.txt", "organisation: D\norgan: B\ndato: 2023-09-14\ntidspunkt: kl. 10\nsted: Her\npunkt: 01-a\n");
        f.add("01-a/item.md", item_md(1, "Offentlig",
                                      "```tabel\nfil: t.csv\nnavn: t\ntitel: Udgifter (mio. kr.)\n" + table_keys + "```\n\n"
                                      "```diagram\ntabel: t\ntitel: Udgifter\nenhed: " + chart_unit + "\n```\n"));
        f.add("01-a/t.csv", "Post;2022;2023\nDrift;11.500.000;12.250.000\n");
        Diagnostics d;
        auto m = pipeline::load(f, "m", d);
        REQUIRE(m);
        pipeline::compute(*m, test::wording(), d);
        return test::messages(d);
    };
    CHECK(messages("talenhed: kr.\nenhed: mio. kr.\n", "kr.").find("error: the chart's unit \"kr.\" is not the unit its table \"t\" "
                                                    "prints its figures in, mio. kr.") != std::string::npos);
    CHECK(messages("", "mio. kr.").find("the chart's unit \"mio. kr.\" is not the unit its table \"t\" prints its figures "
                                       "in, kr.") != std::string::npos);
    CHECK(messages("talenhed: kr.\nenhed: mio. kr.\n", "%").find("the chart's unit \"%\" is not the unit") != std::string::npos);
    CHECK(messages("talenhed: mio. kr.\n", "Mio. kr") == "");
    // The unit the table prints, or one that is not an amount (a count), is fine.
    CHECK(messages("talenhed: kr.\nenhed: mio. kr.\n", "mio. kr.") == "");
    CHECK(messages("", "kr.") == "");
    CHECK(messages("", "stillinger") == "");
    // However the unit is spelled (a probe labelled kroner "mill. kr." and millions "kroner").
    for (const char* spelled : {"mill. kr.", "mio. DKK", "millioner kr.", "mia.", "mio.", "Mia. kr."})
        CHECK_MESSAGE(messages("talenhed: kr.\n", spelled).find("is not the unit its table \"t\" prints its figures in, kr.") !=
                          std::string::npos,
                      spelled);
    for (const char* spelled : {"kroner", "DKK", "tkr."})
        CHECK_MESSAGE(messages("talenhed: mio. kr.\n", spelled).find("prints its figures in, mio. kr.") != std::string::npos, spelled);
    CHECK(messages("talenhed: mio. kr.\n", "mill. kr.") == "");
    CHECK(messages("talenhed: kr.\n", "DKK") == "");
    CHECK(messages("", "mio.") == "");  // a table of counts may count millions
}

namespace {

// The messages of a meeting of one item with the table t (its formulas and CSV) and a chart of
// it with the keys `chart` ("kolonner: A\nenhed: %\n").
// The same meeting's chart as computed, if it has one, with the messages.
std::pair<std::optional<model::Chart>, std::string> resolved_chart(const std::string& formulas, const std::string& csv,
                                                    const std::string& chart) {
    MemoryFiles f("m");
    f.add("meeting.txt", "organisation: D\norgan: B\ndato: 2023-09-14\ntidspunkt: kl. 10\nsted: Her\npunkt: 01-a\n");
    f.add("01-a/item.md", item_md(1, "Offentlig",
                                  "```tabel\nfil: t.csv\nnavn: t\ntitel: Tal\n" + formulas + "```\n\n"
                                  "```diagram\ntabel: t\ntitel: Andel\n" + chart + "```\n"));
    f.add("01-a/t.csv", csv);
    Diagnostics d;
    auto m = pipeline::load(f, "m", d);
    REQUIRE(m);
    pipeline::compute(*m, test::wording(), d);
    std::optional<model::Chart> c;
    if (!m->items.empty() && m->items[0].charts.size() == 1) c = m->items[0].charts[0];
    return {std::move(c), test::messages(d)};
}

std::string chart_messages(const std::string& formulas, const std::string& csv, const std::string& chart) {
    return resolved_chart(formulas, csv, chart).second;
}

}  // namespace

TEST_CASE("diagram block: a period with no figures among the drawn ones is a gap, not left out") {
    // Regression (probe39): "2. kvt. 2023" all "Ikke oplyst" was left out of a chart that names no
    // "kolonner:", and its line ran from 1. to 3. kvt. as if they came one after the other.
    MemoryFiles f("m");
    f.add("meeting.txt", "organisation: D\norgan: B\ndato: 2023-09-14\ntidspunkt: kl. 10\nsted: Her\npunkt: 01-a\n");
    f.add("01-a/item.md", item_md(1, "Offentlig",
                                  "```tabel\nfil: t.csv\nnavn: t\ntitel: Ventetid\n```\n\n"
                                  "```diagram\ntabel: t\ntitel: Ventetid\ntype: linje\n```\n"));
    f.add("01-a/t.csv", "Kvartal;1. kvt. 2023;2. kvt. 2023;3. kvt. 2023;4. kvt. 2023;Note\n"
                        "Nord;40;Ikke oplyst;44;46;Ikke oplyst\nMidt;30;Ikke oplyst;36;35;-\n");
    Diagnostics d;
    auto m = pipeline::load(f, "m", d);
    REQUIRE(m);
    pipeline::compute(*m, test::wording(), d);
    REQUIRE(m->items[0].charts.size() == 1);
    const model::Chart& c = m->items[0].charts[0];
    // The gap is drawn; a column of nothing after the last figures is not a period.
    CHECK(c.categories == std::vector<std::string>{"1. kvt. 2023", "2. kvt. 2023", "3. kvt. 2023", "4. kvt. 2023"});
    REQUIRE(c.series.size() == 2);
    CHECK_FALSE(c.series[0].values[1].has_value());
    CHECK(c.series[0].values[2] == 44.0);
}

TEST_CASE("diagram block: a drawn row without a label is an error at the row") {
    // Regression (probe: a statistics table's second label column, ";Kvinder;2957039", was drawn
    // as a series no legend named, and "Hele landet" showed the men only).
    MemoryFiles f("m");
    f.add("meeting.txt", "organisation: D\norgan: B\ndato: 2023-09-14\ntidspunkt: kl. 10\nsted: Her\npunkt: 01-a\n");
    f.add("01-a/item.md", item_md(1, "Offentlig",
                                  "```tabel\nfil: t.csv\nnavn: t\ntitel: Befolkning\n```\n\n"
                                  "```diagram\ntabel: t\ntitel: Befolkning\nkolonner: 2023K1 .. 2023K2\n```\n"));
    f.add("01-a/t.csv", "Område;2023K1;2023K2\nHele landet;2935614;2942134\n;2957039;2962311\n");
    Diagnostics d;
    auto m = pipeline::load(f, "m", d);
    REQUIRE(m);
    pipeline::compute(*m, test::wording(), d);
    CHECK(test::messages(d).find("m/01-a/t.csv:3:1: error: the chart at m/01-a/item.md:") != std::string::npos);
    CHECK(test::messages(d).find("draws this row of the table \"t\", which has no label") != std::string::npos);
}

TEST_CASE("diagram block: a ratio computed as a fraction under \"%\" is an error at the unit") {
    // Regression (probe: "Andel = [Overholdt] / [Forløb]" charted with "enhed: %" was labelled
    // "Nord 0,68 %" beside a target line of 79 %).
    MemoryFiles f("m");
    f.add("meeting.txt", "organisation: D\norgan: B\ndato: 2023-09-14\ntidspunkt: kl. 10\nsted: Her\npunkt: 01-a\n");
    f.add("01-a/item.md", item_md(1, "Offentlig",
                                  "```tabel\nfil: t.csv\nnavn: t\ntitel: Udredning\nkolonne: Andel = [Overholdt] / [Forløb] | "
                                  "decimaler 2\n```\n\n```diagram\ntabel: t\ntitel: Udredning\nkolonner: Andel\nenhed: %\n```\n"));
    f.add("01-a/t.csv", "Region;Forløb;Overholdt\nNord;1.000;680\nSyd;3.000;2.400\n");
    Diagnostics d;
    auto m = pipeline::load(f, "m", d);
    REQUIRE(m);
    pipeline::compute(*m, test::wording(), d);
    CHECK(test::messages(d).find("error: the chart's unit \"%\" calls its figures per cent, but \"Nord\" / \"Andel\" of the "
                                 "table \"t\" is \"0,68\", a ratio of two figures") != std::string::npos);
}

TEST_CASE("diagram block: percentage points are not labelled per cent, nor shares points") {
    // "4 pct.-point %" under a chart of a difference of shares with "enhed: %".
    const auto messages_of = [](const std::string& formulas, const std::string& csv, const std::string& columns,
                                const std::string& chart_unit) {
        return chart_messages(formulas, csv, "kolonner: " + columns + "\nenhed: " + chart_unit + "\n");
    };
    const auto messages = [&](const std::string& columns, const std::string& chart_unit) {
        return messages_of("kolonne: Ændring = [2024] - [2023]\n", "Region;2023;2024\nNord;68 %;72 %\nSyd;80 %;79 %\n", columns,
                           chart_unit);
    };
    CHECK(messages("Ændring", "%").find("error: the chart's unit \"%\" calls its figures per cent, but \"Nord\" / \"Ændring\" "
                                        "of the table \"t\" is \"4 pct.-point\"") != std::string::npos);
    CHECK(messages("2024", "procentpoint").find("error: the chart's unit \"procentpoint\" calls its figures percentage points, "
                                                "but \"Nord\" / \"2024\" of the table \"t\" is \"72 %\"") != std::string::npos);
    CHECK(messages("Ændring", "pct.-point") == "");
    CHECK(messages("Ændring", "procentpoint") == "");
    CHECK(messages("2024", "%") == "");
    CHECK(with_unit("4 pct.-point", "pct.-point") == "4 pct.-point");
    // The same for two shares the table computes per hundred, whose difference prints bare.
    CHECK(messages_of("kolonne: A23 = [Ja 2023] / [N 2023] * 100\nkolonne: A24 = [Ja 2024] / [N 2024] * 100\n"
                      "kolonne: Ændring = [A24] - [A23]\n",
                      "Region;Ja 2023;N 2023;Ja 2024;N 2024\nNord;68;100;72;100\n", "Ændring", "%")
              .find("error: the chart's unit \"%\" calls its figures per cent, but \"Nord\" / \"Ændring\" of the table "
                    "\"t\" is \"4\"") != std::string::npos);
}

TEST_CASE("diagram block: shares in per cent beside counts or amounts on one axis are an error") {
    // "Antal" and "Andel (pct.)" of one table drawn to one scale: 72 % and 72 patients alike.
    const std::string csv = "Region;Antal;Andel (pct.)\nNord;72;68\nSyd;120;75\n";
    CHECK(chart_messages("", csv, "")
              .find("error: the chart draws \"Nord\" / \"Andel (pct.)\" (68), a share in per cent, and \"Nord\" / "
                    "\"Antal\" (72), which is not, on one axis") != std::string::npos);
    CHECK(chart_messages("", csv, "kolonner: Andel (pct.)\n") == "");
    CHECK(chart_messages("", csv, "kolonner: Antal\n") == "");
    // Shares written with their sign beside one without it: said, so the sign can be written.
    CHECK(chart_messages("", "Region;2022;2023\nNord;72 %;68 %\nSyd;70 %;66\n", "")
              .find("error: the chart draws \"Nord\" / \"2022\" (72 %), a share in per cent, and \"Syd\" / \"2023\" "
                    "(66), which is not") != std::string::npos);
    // Shares beside their change in percentage points: both in per cent's units.
    CHECK(chart_messages("kolonne: Ændring = [2023] - [2022]\n", "Region;2022;2023\nNord;72 %;68 %\nSyd;70 %;66 %\n",
                         "kolonner: 2023; Ændring\n") == "");
    // All shares, or all counts: one axis is right.
    CHECK(chart_messages("", "Region;2022;2023\nNord;72 %;68 %\nSyd;70 %;66 %\n", "") == "");
    CHECK(chart_messages("", "Region;2022;2023\nNord;72;68\nSyd;70;66\n", "") == "");
}

TEST_CASE("diagram block: a stacked series that is the sum of the others is an error, whatever its label") {
    // A total typed in the CSV under a label that does not say so ("Danmark" beside the regions)
    // was stacked on the regions: bars twice as high as the country.
    const std::string csv = "Region;2022;2023\nNord;100;110\nSyd;50;40\nDanmark;150;150\n";
    CHECK(chart_messages("", csv, "type: stablede søjler\n")
              .find("error: the stacked chart stacks \"Danmark\" on the other rows, whose sum it is in every column "
                    "(\"2022\": 150), so it would be counted twice; leave it out of \"rækker:\", or draw it alone") !=
          std::string::npos);
    CHECK(chart_messages("", csv, "rækker: Nord .. Syd\ntype: stablede søjler\n") == "");
    CHECK(chart_messages("", csv, "rækker: Danmark\ntype: stablede søjler\n") == "");
    CHECK(chart_messages("", csv, "type: søjler\n") == "");  // side by side: no sum drawn
    // Series as columns; a total within the figures' rounding (150,1 for 100,0 + 50,0).
    CHECK(chart_messages("", "Region;Nord;Syd;Danmark\n2022;100,0;50,0;150,1\n2023;110,0;40,0;150,0\n",
                         "serier: kolonner\ntype: stablede søjler\n")
              .find("error: the stacked chart stacks \"Danmark\" on the other columns, whose sum it is in every row") !=
          std::string::npos);
    // The sum in one category only, beyond the rounding elsewhere, or of nothing but zeros: chance, no total.
    CHECK(chart_messages("", "Region;2022;2023\nNord;100;110\nSyd;50;40\nVest;150;90\n", "type: stablede søjler\n") == "");
    CHECK(chart_messages("", "Region;2022;2023\nNord;0;0\nSyd;0;0\nVest;0;0\n", "type: stablede søjler\n") == "");
    // Two series: the larger is no total of one other (a share of 100 % stacked is the shares' check).
    CHECK(chart_messages("", "Region;2022;2023\nNord;100;110\nSyd;100;110\n", "type: stablede søjler\n") == "");
}

TEST_CASE("diagram block: with no rows or columns named, computed columns and a stacked total are errors, not drawn") {
    // A probe: the default chart drew "Ændring" and "Indeks" as further years, in days, and a
    // stacked chart stacked "I alt" on the rows it adds.
    const std::string csv = "Post;2022;2023;2024\nLøn;100;110;120\nDrift;50;40;30\n";
    CHECK(chart_messages("kolonne: Ændring = [2024] - [2022]\n", csv, "type: linje\n")
              .find("error: the chart names no \"kolonner:\", so it would draw every column of figures: the computed or total "
                    "\"Ændring\" beside the data \"2022\", as more of the same; name the columns to draw, as "
                    "\"kolonner: 2022 .. 2024\"") != std::string::npos);
    CHECK(chart_messages("kolonne: Ændring = [2024] - [2022]\n", csv, "kolonner: 2022 .. 2024\ntype: linje\n") == "");
    CHECK(chart_messages("række: I alt = sum(Løn .. Drift)\ntilføj: nederst\n", csv, "type: stablede søjler\n")
              .find("error: the stacked chart names no \"rækker:\", so it would stack \"I alt\" on the rows it adds up, "
                    "such as \"Løn\"") != std::string::npos);
    CHECK(chart_messages("række: I alt = sum(Løn .. Drift)\ntilføj: nederst\n", csv, "rækker: Løn .. Drift\ntype: stablede søjler\n") ==
          "");
    // Named, the total among its parts is an error too (a probe: bars of 300 where the total is 150).
    CHECK(chart_messages("række: I alt = sum(Løn .. Drift)\ntilføj: nederst\n", csv, "rækker: Løn .. I alt\ntype: stablede søjler\n")
              .find("error: the stacked chart's \"rækker:\" holds \"I alt\" and the rows it adds up, such as \"Løn\", so it "
                    "would stack the total on its parts") != std::string::npos);
    CHECK(chart_messages("række: I alt = sum(Løn .. Drift)\ntilføj: nederst\n", csv, "rækker: I alt\ntype: stablede søjler\n") ==
          "");
    // Named columns: a computed part ("Pension = [Løn] * 0,1") stacks; a computed sum does not.
    const std::string lines = "Post;Løn;Drift\nNord;100;50\nSyd;200;40\n";
    CHECK(chart_messages("kolonne: Pension = [Løn] * 0,1\n", lines, "kolonner: Løn; Pension\nserier: kolonner\ntype: stablede søjler\n") ==
          "");
    CHECK(chart_messages("kolonne: Begge = [Løn] + [Drift]\n", lines, "kolonner: Løn .. Begge\nserier: kolonner\ntype: stablede søjler\n")
              .find("error: the stacked chart's \"kolonner:\" holds \"Begge\" and the columns it adds up") != std::string::npos);
    // A table turned around (years as rows): a computed row that is no total is no more year (a
    // probe: "Vækst (pct.)" drawn as a fourth year, labelled "5,6 kr."); a sum row may be drawn.
    const std::string years = "År;Løn;Drift\n2022;800.000;200.000\n2023;900.000;250.000\n2024;950.000;300.000\n";
    CHECK(chart_messages("talenhed: kr.\nrække: Vækst (pct.) = ([2024] - [2023]) / [2023] * 100 | decimaler 1\ntilføj: nederst\n",
                         years, "serier: kolonner\ntype: linje\n")
              .find("error: the chart names no \"rækker:\", so it would draw every row of figures: the computed or total \"Vækst "
                    "(pct.)\" beside the data \"2022\", as more of the same; name the rows to draw, as \"rækker: 2022 .. "
                    "2024\"") != std::string::npos);
    CHECK(chart_messages("talenhed: kr.\nrække: Ændring = [2024] - [2023]\ntilføj: nederst\n", years, "serier: kolonner\n")
              .find("the computed or total \"Ændring\" beside the data") != std::string::npos);
    CHECK(chart_messages("talenhed: kr.\nrække: I alt = sum(2022 .. 2024)\ntilføj: nederst\n", years, "serier: kolonner\n") == "");
    // In a line through the years a total, computed or in the CSV, is no more year (a probe: the
    // line went on from 130 in 2024 to "I alt 350").
    CHECK(chart_messages("talenhed: kr.\nrække: I alt = sum(2022 .. 2024)\ntilføj: nederst\n", years,
                         "serier: kolonner\ntype: linje\n")
              .find("the computed or total \"I alt\" beside the data \"2022\"") != std::string::npos);
    CHECK(chart_messages("talenhed: kr.\n", "Post;2022;2023;2024;I alt\nLøn;100;120;130;350\n", "type: linje\n")
              .find("would draw every column of figures: the computed or total \"I alt\" beside the data \"2022\"") !=
          std::string::npos);
    CHECK(chart_messages("talenhed: kr.\n", "Post;2022;2023;2024;I alt\nLøn;100;120;130;350\n", "") == "");
    // A change in per cent labelled with an amount unit.
    CHECK(chart_messages("talenhed: kr.\nkolonne: Vækst (pct.) = ([Drift] - [Løn]) / [Løn] * 100 | decimaler 1\n", years,
                         "kolonner: Løn .. Vækst (pct.)\nenhed: kr.\n")
              .find("error: the chart's unit \"kr.\" labels its figures as amounts, but \"2022\" / \"Vækst (pct.)\" of the "
                    "table \"t\" is \"-75,0\", a share, an index or a change in per cent") != std::string::npos);
    CHECK(chart_messages("talenhed: kr.\nkolonne: Vækst (pct.) = ([Drift] - [Løn]) / [Løn] * 100 | decimaler 1\n", years,
                         "kolonner: Løn .. Drift\nenhed: kr.\n") == "");
    CHECK(chart_messages("række: I alt = sum(Løn .. Drift)\ntilføj: nederst\n", csv, "type: søjler\n") == "");  // side by side
    // Shares of different wholes stacked beyond 100 % (a probe: a 223 % bar); a distribution is not.
    const std::string shares = "Region;2023\nNord;68 %\nMidt;75 %\nSyd;80 %\n";
    CHECK(chart_messages("", shares, "type: stablede søjler\nserier: rækker\n")
              .find("error: the stacked chart stacks figures in per cent to 223 % in \"2023\", more than 100 %") !=
          std::string::npos);
    CHECK(chart_messages("", "Svar;2023\nJa;34 %\nNej;33 %\nVed ikke;34 %\n", "type: stablede søjler\n") == "");
    CHECK(chart_messages("", shares, "type: søjler\n") == "");
    // Regression (probe39): shares without their sign, in a column, row or table that says per
    // cent, stacked to 223 % without a word; each region's answers stack to 100 %.
    CHECK(chart_messages("", "Region;2023 (pct.)\nNord;68\nMidt;75\nSyd;80\n", "type: stablede søjler\n")
              .find("stacks figures in per cent to 223 % in \"2023 (pct.)\"") != std::string::npos);
    CHECK(chart_messages("talenhed: pct.\n", "Region;2023\nNord;68\nMidt;75\nSyd;80\n", "type: stablede søjler\n")
              .find("stacks figures in per cent to 223 %") != std::string::npos);
    CHECK(chart_messages("", "Region;Ja (pct.);Nej (pct.)\nNord;60;40\nSyd;55;45\n",
                         "serier: kolonner\ntype: stablede søjler\n") == "");
    // A part stacked on its whole (a probe: bars of 122 for a staff of 110).
    CHECK(chart_messages("", "Gruppe;2023;2024\nAnsatte;100;110\nHeraf ledere;10;12\n",
                         "rækker: Ansatte; Heraf ledere\ntype: stablede søjler\n")
              .find("error: the stacked chart stacks \"Heraf ledere\", a part of \"Ansatte\", on it") != std::string::npos);
    CHECK(chart_messages("", "Gruppe;2023;2024\nAnsatte;100;110\nHeraf ledere;10;12\n",
                         "rækker: Ansatte; Heraf ledere\ntype: søjler\n") == "");
}

TEST_CASE("a figure in braces in an item's title, a bilag line or a chart's labels is warned about: it prints as written") {
    // A probe: "Budget på {a[Løn; 2024] | kr.}" printed so in the agenda, the heading and the bookmark.
    const std::string m = chart_messages("", "Post;2024\nLøn;100\n",
                                         "titel: Løn {t[Løn; 2024]}\nakse: {t[Løn; 2024]} kr.\nmål: 90 | Mål {t[Løn; 2024]}\n");
    for (const char* key : {"titel", "akse", "mål"})
        CHECK_MESSAGE(m.find(std::string("warning: a figure in braces is computed only in the text, not in a chart's \"") + key +
                             ":\": it prints as written") != std::string::npos,
                      key);
    MemoryFiles f("m");
    f.add("meeting.txt", "organisation: D\norgan: B\ndato: 2023-09-14\ntidspunkt: kl. 10\nsted: Her\npunkt: 01-a\n");
    f.add("01-a/item.md", "---\nnummer: 1\nstatus: Offentlig\ntitel: Budget på {t[Løn; 2024] | kr.}\nsagsbehandler: A\n"
                          "sagsnummer: EMN-2023-00001\nbilag: Notat om {t[Løn; 2024]} | 1\n---\n\n# Resumé\n\nTekst.\n");
    Diagnostics d;
    auto loaded = pipeline::load(f, "m", d);
    const std::string messages = test::messages(d);
    CHECK(messages.find("m/01-a/item.md:4:8: warning: a figure in braces is computed only in the text, not in an item's "
                        "\"titel:\"") != std::string::npos);
    CHECK(messages.find("not in an attachment's \"bilag:\" line") != std::string::npos);
    // The "|" of a figure's options is not a field: the title was cut at it, and "kr.}" read as the
    // document id.
    REQUIRE(loaded);
    REQUIRE(loaded->items.size() == 1);
    REQUIRE(loaded->items[0].attachments.size() == 1);
    CHECK(loaded->items[0].attachments[0].title == "Notat om {t[Løn; 2024]}");
    MemoryFiles g("m");
    g.add("meeting.txt", "organisation: D\norgan: B\ndato: 2023-09-14\ntidspunkt: kl. 10\nsted: Her\npunkt: 01-a\n");
    g.add("01-a/item.md", "---\nnummer: 1\nstatus: Offentlig\ntitel: Budget\nsagsbehandler: A\nsagsnummer: EMN-2023-00001\n"
                          "bilag: Notat om {t[Løn; 2024] | mio. kr.} | 2023-1 | | 2023-09-01\nbilag: Ulukket {x | 2023-2\n---\n\n"
                          "# Resumé\n\nTekst.\n");
    Diagnostics e;
    auto again = pipeline::load(g, "m", e);
    REQUIRE(again);
    REQUIRE(again->items[0].attachments.size() == 2);
    CHECK(again->items[0].attachments[0].title == "Notat om {t[Løn; 2024] | mio. kr.}");
    CHECK(again->items[0].attachments[0].document_id == "2023-1");
    CHECK(again->items[0].attachments[1].title == "Ulukket {x");  // a "{" never closed: split at every "|"
    CHECK(again->items[0].attachments[1].document_id == "2023-2");
    CHECK(test::messages(e).find("not in an attachment's \"bilag:\" line") != std::string::npos);
}

TEST_CASE("chart words: a target whose label gives no figure is described with its value") {
    model::Chart c = two_series();
    c.target = 45.0;
    c.target_written = "45";
    c.target_label = "Mål";
    CHECK(chart_description(c, "ikke oplyst").ends_with("; Mål 45 dage."));
    c.target_label = "Mål 45 dage";  // a label that gives it is not repeated
    CHECK(chart_description(c, "ikke oplyst").ends_with("; Mål 45 dage."));
}

TEST_CASE("chart periods: the periods a line's categories name, read as places in time") {
    using calc::period_start;
    const auto month = [](int year, int m) { return year * 12.0 + (m - 1); };
    CHECK(period_start("2019") == month(2019, 1));
    CHECK(period_start("2023*") == month(2023, 1));
    CHECK(period_start("Dec. 2016") == month(2016, 12));
    CHECK(period_start("April 2017") == month(2017, 4));
    CHECK(period_start("Okt. 2018") == month(2018, 10));
    CHECK(period_start("sept 2021") == month(2021, 9));
    CHECK(period_start("Maj 2020") == month(2020, 5));
    CHECK(period_start("01. apr. 2023") == month(2023, 4));
    CHECK(*period_start("15. apr. 2023") > *period_start("01. apr. 2023"));
    CHECK(*period_start("15. apr. 2023") < *period_start("Maj 2023"));
    CHECK(period_start("1. kvt. 2023") == month(2023, 1));
    CHECK(period_start("3. kvartal 2023") == month(2023, 7));
    CHECK(period_start("K4 2022") == month(2022, 10));
    CHECK(period_start("2023K2") == month(2023, 4));
    CHECK(period_start("2023 Q3") == month(2023, 7));
    CHECK(period_start("2. halvår 2022") == month(2022, 7));
    CHECK(period_start("2023H1") == month(2023, 1));
    CHECK(period_start("2023-04") == month(2023, 4));
    CHECK(period_start("2023M11") == month(2023, 11));
    CHECK(period_start("dec-22") == month(2022, 12));
    CHECK(period_start("Jan 23") == month(2023, 1));
    // Names, not periods: a chart of them stands at even distances, as it did.
    for (const char* label : {"Region Hovedstaden", "Udvikling i indeks (2016=100)", "2023/24", "Budget 2024", "I alt",
                              "Kommune nr. 20", "5. kvt. 2023", "13. måned 2023", "April", "1850", "januar-marts 2023", ""})
        CHECK_MESSAGE(!period_start(label), label);
}

TEST_CASE("diagram block: a line over periods at uneven distances is drawn at them; periods out of time order are an error") {
    // Regression (a "left" item since the charts came): item 18's line through "Dec. 2016; April
    // 2017; Aug. 2017; April 2018; ..." stood at even distances, so its first year looked as long
    // as eight months; and a table with the newest year first drew time running right to left,
    // each change the wrong way round.
    const auto resolved = [](const std::string& csv, const std::string& keys) {
        auto [c, messages] = resolved_chart("", csv, "type: linje\n" + keys);
        REQUIRE(c);
        return std::make_pair(std::move(*c), messages);
    };
    {
        const auto [c, messages] = resolved(";Dec. 2016;April 2017;Aug. 2017;April 2018\nNord;10;11;12;13\n", "");
        CHECK(messages == "");
        REQUIRE(c.positions.size() == 4);
        CHECK(c.positions[1] - c.positions[0] == doctest::Approx(4));
        CHECK(c.positions[3] - c.positions[2] == doctest::Approx(8));
        // Drawn at those distances: the markers' centres 4, 4 and 8 months apart.
        const ChartDrawing d = lay_out_chart(c, kChartWidth, chart_words(test::wording()));
        std::vector<double> xs;
        for (const Shape& s : d.shapes)
            if (s.series == 0 && s.kind != Shape::Kind::Stroke && s.category >= 0) {
                double lo = 1e9, hi = -1e9;
                for (const Point& p : s.points) lo = std::min(lo, p.x), hi = std::max(hi, p.x);
                xs.push_back((lo + hi) / 2);
            }
        REQUIRE(xs.size() == 4);
        CHECK(xs[2] - xs[1] == doctest::Approx(xs[1] - xs[0]).epsilon(0.01));
        CHECK(xs[3] - xs[2] == doctest::Approx(2 * (xs[1] - xs[0])).epsilon(0.01));
    }
    {
        // Years one after the other stand where categories always stood: no positions.
        const auto [c, messages] = resolved(";2020;2021;2022;2023\nNord;10;11;12;13\n", "");
        CHECK(messages == "");
        CHECK(c.positions.empty());
        CHECK(c.series.size() == 1);
    }
    {
        const auto [c, messages] = resolved(";2023;2022;2021\nNord;13;12;11\n", "");
        CHECK(messages.find("the line chart draws its periods out of time order, \"2022\" after \"2023\"") != std::string::npos);
        CHECK(messages.find("\"kolonner: 2021; 2022; 2023\"") != std::string::npos);
        CHECK(c.series.empty());  // not drawn
    }
    {
        // Written as the message says, the same table is drawn in time order.
        const auto [c, messages] = resolved(";2023;2022;2021\nNord;13;12;11\n", "kolonner: 2021; 2022; 2023\n");
        CHECK(messages == "");
        CHECK(c.categories == std::vector<std::string>{"2021", "2022", "2023"});
        REQUIRE(c.series.size() == 1);
        CHECK(c.series[0].values[0] == 11.0);
    }
    {
        // Turned around (the periods as rows): the rows to name.
        const auto [c, messages] = resolved("År;Nord;Syd\n2. kvt. 2023;5;6\n1. kvt. 2023;4;5\n", "serier: kolonner\n");
        CHECK(messages.find("\"rækker: 1. kvt. 2023; 2. kvt. 2023\"") != std::string::npos);
    }
    {
        const auto [c, messages] = resolved(";Dec. 2016;December 2016\nNord;10;11\n", "");
        CHECK(messages.find("the line chart draws the same period twice, \"Dec. 2016\" and \"December 2016\"") != std::string::npos);
    }
    {
        // Bars over periods, and a line over names, are drawn as written.
        const auto [c, messages] = resolved(";Syd;Nord;Midt\nAntal;3;2;1\n", "");
        CHECK(messages == "");
        CHECK(c.positions.empty());
    }
}

TEST_CASE("diagram block: counts beside amounts in kroner on one axis are an error, where the table says which is which") {
    // "Antal ansatte" and "Lønsum (mio. kr.)" of one table drawn to one scale: 120 employees and
    // 120 mio. kr. alike.
    const std::string csv = "Region;Antal ansatte;Lønsum (mio. kr.)\nNord;120;96\nSyd;80;64\n";
    CHECK(chart_messages("", csv, "")
              .find("error: the chart draws \"Nord\" / \"Antal ansatte\" (120), a count, and \"Nord\" / \"Lønsum (mio. "
                    "kr.)\" (96), an amount in kroner, on one axis") != std::string::npos);
    CHECK(chart_messages("", csv, "kolonner: Antal ansatte\n") == "");
    CHECK(chart_messages("", csv, "kolonner: Lønsum (mio. kr.)\n") == "");
    // Series as rows, the amount written with its unit in the cells.
    CHECK(chart_messages("", "Post;2022;2023\nAntal ansatte;120;125\nLøn;96.000 kr.;99.000 kr.\n", "")
              .find("a count, and \"Løn\" / \"2022\" (96.000 kr.), an amount in kroner") != std::string::npos);
    // A figure its row and its column call two things is taken as it is: the kroner spent on
    // "Patienter" under "Udgift (mio. kr.)".
    CHECK(chart_messages("", "Gruppe;Udgift (mio. kr.)\nPatienter;50\nPårørende;20\n", "") == "");
    // A table that says neither of a column is taken as it is: counts beside unnamed figures.
    CHECK(chart_messages("", "Region;Antal ansatte;Stillinger\nNord;120;96\nSyd;80;64\n", "") == "");
    // Amounts beside amounts, counts beside counts: one axis is right.
    CHECK(chart_messages("", "Region;Løn (mio. kr.);Drift (mio. kr.)\nNord;96;20\nSyd;64;15\n", "") == "");
    CHECK(chart_messages("", "Region;Antal ansatte;Antal ledere\nNord;120;9\nSyd;80;7\n", "") == "");
}

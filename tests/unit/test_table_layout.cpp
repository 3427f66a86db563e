#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string_view>

#include "counting_metrics.hpp"

#include "calc/figure_groups.hpp"
#include "render/pdf/address_breaks.hpp"
#include "render/pdf/flow.hpp"
#include "render/pdf/pdf_style.hpp"
#include "render/pdf/table_layout.hpp"

using namespace boardpack;
using namespace boardpack::render::pdf;

namespace {

model::Table make_table(size_t rows, size_t columns, const std::string& value) {
    model::Table t;
    t.header.push_back("Post");
    for (size_t c = 1; c < columns; ++c) t.header.push_back("Kolonne " + std::to_string(c));
    t.numeric.assign(columns, true);
    t.numeric[0] = false;
    for (size_t r = 0; r < rows; ++r) {
        model::TableRow row;
        model::Cell label;
        label.kind = model::Cell::Kind::Text;
        label.text = "Række " + std::to_string(r + 1);
        row.cells.push_back(label);
        for (size_t c = 1; c < columns; ++c) {
            model::Cell cell;
            cell.kind = model::Cell::Kind::Number;
            cell.text = value;
            row.cells.push_back(cell);
        }
        t.rows.push_back(row);
    }
    return t;
}

std::vector<LaidLine> one_line(const std::string& s) {
    FixedMetrics m;
    return break_lines({Span{s, FontStyle::Bold, {}, "", false, ""}}, 1000, 9.5, m);
}

}  // namespace

TEST_CASE("table layout: a narrow table fills the width, the label column takes the rest") {
    FixedMetrics m;
    const TableBox box = layout_table(make_table(3, 3, "1.234"), 400, m);
    CHECK(box.size == doctest::Approx(9));
    CHECK(box.width() == doctest::Approx(400));
    CHECK(box.widths[0] > box.widths[1]);
}

TEST_CASE("table layout: a table too wide for the page gets a smaller size, then narrower columns, never more width") {
    FixedMetrics m;
    const TableBox shrunk = layout_table(make_table(2, 12, "1.234.567"), 400, m);
    CHECK(shrunk.size < 9);
    CHECK(shrunk.width() <= 400 + 1e-6);
    // Past the smallest size only as far as the numbers need to stay whole, down to the floor.
    const TableBox small = layout_table(make_table(2, 14, "-152.100.000"), 400, m);
    CHECK(small.size < 6.5);
    CHECK(small.size >= 4.5);
    for (const RowBox& row : small.rows)
        for (size_t k = 1; k < row.cells.size(); ++k) CHECK(row.cells[k].lines.size() == 1);
    CHECK_FALSE(small.numbers_split);
    const TableBox squeezed = layout_table(make_table(2, 45, "1.234.567"), 400, m);
    CHECK(squeezed.size == doctest::Approx(4.5));
    // Split numbers are said, for the build to warn about.
    CHECK(squeezed.numbers_split);
    CHECK(squeezed.width() <= 400 + 1e-6);
    // Every line of every cell still fits inside its column.
    for (const RowBox& row : squeezed.rows)
        for (size_t k = 0; k < row.cells.size(); ++k)
            for (const LaidLine& l : row.cells[k].lines) CHECK(l.width <= squeezed.widths[k] + 1e-6);
}

TEST_CASE("table splitting: the header repeats on every page and no row is cut in half") {
    FixedMetrics m;
    LaidOutDocument doc;
    Flow flow(doc, m, 50, 400);  // a short page: 350 pt for content
    flow.new_page();
    const model::Table t = make_table(60, 3, "12.345");
    const TableBox box = layout_table(t, 300, m);
    flow.table(box, one_line("Tabel 1: Mange rækker"), one_line("Tabel 1: Mange rækker (fortsat)"), {}, 60);

    REQUIRE(doc.pages.size() > 2);
    std::set<std::string> rows_seen;
    for (size_t p = 0; p < doc.pages.size(); ++p) {
        int headers = 0;
        bool continued = false;
        for (const TextItem& ti : doc.pages[p].texts) {
            if (ti.text == "Post") ++headers;
            if (ti.text == "Tabel 1: Mange rækker (fortsat)") continued = true;
            CHECK(ti.baseline <= 400);
            if (ti.text.view().rfind("Række ", 0) == 0) {
                CHECK(rows_seen.insert(ti.text.str()).second);  // each row exactly once: never split
            }
        }
        CHECK(headers == 1);
        CHECK(continued == (p > 0));
    }
    CHECK(rows_seen.size() == 60);
}

TEST_CASE("paragraphs: no single line left at the foot or the head of a page") {
    FixedMetrics m;
    LaidOutDocument doc;
    Flow flow(doc, m, 0, 100);
    flow.new_page();
    const LineStyle ls{0, 10, 10};
    std::vector<LaidLine> six(6);
    flow.lines(std::vector<LaidLine>(9), ls);  // 9 of the 10 lines on page 1
    flow.lines(six, ls);                        // 1 line of room: all six go on
    REQUIRE(doc.pages.size() == 2);
    CHECK(flow.y() == doctest::Approx(60));
    // Five lines of room for six: four go first, two follow (never five and one).
    LaidOutDocument doc2;
    Flow flow2(doc2, m, 0, 100);
    flow2.new_page();
    flow2.lines(std::vector<LaidLine>(5), ls);
    flow2.lines(six, ls);
    REQUIRE(doc2.pages.size() == 2);
    CHECK(flow2.y() == doctest::Approx(20));
}

TEST_CASE("table splitting: a row taller than a page goes on over pages, no line lost (issue 8)") {
    FixedMetrics m;
    LaidOutDocument doc;
    Flow flow(doc, m, 50, 400);  // 350 pt for content
    flow.new_page();
    model::Table t = make_table(3, 3, "12.345");
    // 300 numbered words of 9 characters: far more lines than a page holds.
    std::string long_text;
    for (int w = 100; w < 400; ++w) long_text += "ord" + std::to_string(w) + "xxx ";
    t.rows[1].cells[0].text = long_text;
    const TableBox box = layout_table(t, 300, m);
    REQUIRE(box.rows[1].height > 350);
    flow.table(box, one_line("Tabel 1"), one_line("Tabel 1 (fortsat)"), {}, 60);

    REQUIRE(doc.pages.size() > 2);
    std::vector<std::string> words;
    for (const Page& p : doc.pages) {
        for (const TextItem& ti : p.texts) {
            CHECK(ti.baseline <= 400);
            if (ti.text.view().rfind("ord", 0) == 0) words.push_back(ti.text.str());
        }
    }
    std::string joined;
    for (const std::string& w : words) joined += w + " ";
    CHECK(joined == long_text);
}

TEST_CASE("table layout: cells of 3.000-character words are measured a few times, not once per line or size (issue 8)") {
    model::Table t = make_table(5, 20, "");
    const std::string word(3000, 'o');
    size_t chars = 0;
    for (size_t c = 0; c < 20; ++c) t.header[c] = "K" + std::to_string(c);
    for (model::TableRow& row : t.rows) {
        for (model::Cell& cell : row.cells) {
            cell.kind = model::Cell::Kind::Text;
            cell.text = word;
            chars += word.size();
        }
    }
    t.numeric.assign(20, false);
    test::CountingMetrics m;
    const TableBox box = layout_table(t, 480, m);
    // Every character is measured for its width on one line, its widest word and its line
    // breaking: three times, plus the headers. Measuring again for each size tried and the
    // rest of a word for each line was over a hundred times.
    CHECK(m.measured <= 3 * chars + 1000);
    size_t lines = 0;
    for (const RowBox& r : box.rows) lines += r.cells[3].lines.size();
    CHECK(lines > 5 * 100);  // narrow columns: each word really is broken into many lines
}

namespace {

model::Cell cell_of(model::Cell::Kind kind, const std::string& text) {
    model::Cell c;
    c.kind = kind;
    c.text = text;
    return c;
}

// Where a right-aligned cell's first line starts, from the cell's left edge (as Flow draws it).
double line_start(const TableBox& box, size_t row, size_t col) {
    const CellBox& cell = box.rows[row].cells[col];
    return box.widths[col] - box.pad_x - cell.inset - cell.lines.at(0).width;
}

}  // namespace

TEST_CASE("table layout: numbers line up on their whole part; decimals, units and footnote marks follow it") {
    FixedMetrics m;
    model::Table t;
    t.header = {"Post", "Antal"};
    t.numeric = {false, true};
    using K = model::Cell::Kind;
    for (const auto& [kind, text] : std::vector<std::pair<K, std::string>>{
             {K::Number, "1.140"}, {K::Number, "166 **"}, {K::Number, "6,25"}, {K::Number, "73 %"},
             {K::NotAvailable, "Ikke oplyst*"}, {K::Dash, "-"}}) {
        model::TableRow r;
        r.cells = {cell_of(K::Text, "Række"), cell_of(kind, text)};
        t.rows.push_back(r);
    }
    const TableBox box = layout_table(t, 400, m);
    const double ch = box.size * 0.5;  // FixedMetrics: every character half the size wide
    // The end of each number's whole part: "1.140" (5), "166" (3), "6" (1), "73" (2).
    const double edge = line_start(box, 0, 1) + 5 * ch;
    CHECK(line_start(box, 1, 1) + 3 * ch == doctest::Approx(edge));  // the mark " **" hangs after it
    CHECK(line_start(box, 2, 1) + 1 * ch == doctest::Approx(edge));  // ",25" after it
    CHECK(line_start(box, 3, 1) + 2 * ch == doctest::Approx(edge));  // " %" after it
    CHECK(line_start(box, 5, 1) + 1 * ch == doctest::Approx(edge));  // a dash stands where a whole part ends
    // Words end where the longest number does (",25"), their mark hanging like a number's.
    CHECK(line_start(box, 4, 1) + 11 * ch == doctest::Approx(edge + 3 * ch));
    // Nothing leaves the cell: the widest line plus its inset fits inside the padding.
    for (size_t r = 0; r < box.rows.size(); ++r)
        CHECK(line_start(box, r, 1) >= box.pad_x - 1e-9);
}

TEST_CASE("table layout: a row of a measure of its own is set flush right, not on the comma of the counts above it") {
    // Regression (ratio-row): in item 18's attachment a ratio row (2,85) under counts of doctors
    // (1.036) pushed every count left of its heading, aligned on the ratio's comma.
    FixedMetrics m;
    using K = model::Cell::Kind;
    const auto table_of = [](const std::string& heading, const std::vector<std::pair<std::string, std::string>>& rows,
                             model::Cell::Hundred last = model::Cell::Hundred::None) {
        model::Table t;
        t.header = {"", heading};
        t.numeric = {false, true};
        for (const auto& [label, figure] : rows) {
            model::TableRow r;
            r.cells = {cell_of(K::Text, label), cell_of(K::Number, figure)};
            t.rows.push_back(r);
        }
        t.rows.back().cells[1].hundred = last;
        calc::mark_figures_apart(t);  // as computing the table does
        return t;
    };
    // By its label (a ratio with a slash; an index; per cent): every figure ends at the column's edge.
    for (const std::string& label : {std::string("Overlæger pr. afdelingslæge"), std::string("Indeks (2016=100)"),
                                     std::string("Ændring i pct.")}) {
        const model::Table t = table_of("Dec. 2016", {{"Lægelige chefer", "1.036"}, {"Overlæger", "5.442"}, {label, "2,85"}});
        const TableBox box = layout_table(t, 400, m);
        INFO(label);
        for (size_t r = 0; r < 3; ++r)
            CHECK(line_start(box, r, 1) + box.rows[r].cells[1].lines.at(0).width == doctest::Approx(box.widths[1] - box.pad_x));
    }
    // Computed as a ratio of two counts, whatever its label says.
    const TableBox computed = layout_table(
        table_of("Dec. 2016", {{"Overlæger", "5.442"}, {"Overlæger/afdelingslæger", "2,85"}}, model::Cell::Hundred::Ratio), 400, m);
    CHECK(line_start(computed, 0, 1) + computed.rows[0].cells[1].lines.at(0).width ==
          doctest::Approx(computed.widths[1] - computed.pad_x));
    // The same measure stays on the comma: a computed ratio among the regions' typed ratios, a
    // row naming a measure under a heading that names one too, and a row of another label.
    const double ch = 0.5;
    for (const model::Table& t : {table_of("Fordeling pr. april 2023", {{"Sjælland", "2,1"}, {"Hele landet", "1,79"}},
                                           model::Cell::Hundred::Ratio),
                                  table_of("Andel (pct.)", {{"Nord", "72"}, {"Gennemsnit", "71,5"}}),
                                  table_of("Budget 2024", {{"Løn", "122"}, {"Drift", "12,5"}})}) {
        const TableBox box = layout_table(t, 400, m);
        const double c = box.size * ch;
        // The whole parts end at one edge: "2" / "1", "72" / "71", "122" / "12".
        const auto whole = [&](size_t r) {
            const std::string& s = t.rows[r].cells[1].text;
            return static_cast<double>(s.find(',') == std::string::npos ? s.size() : s.find(','));
        };
        CHECK(line_start(box, 0, 1) + whole(0) * c == doctest::Approx(line_start(box, 1, 1) + whole(1) * c));
    }
}

TEST_CASE("table layout: bold is for the rows the model marks as totals, not for every computed row") {
    FixedMetrics m;
    model::Table t = make_table(3, 2, "10");
    t.rows[1].role = model::TableRow::Role::Computed;  // an index, say: computed, no total
    t.rows[2].role = model::TableRow::Role::Computed;
    t.rows[2].total = true;
    const TableBox box = layout_table(t, 400, m);
    CHECK_FALSE(box.rows[1].total);
    CHECK(box.rows[2].total);
    CHECK(box.rows[1].cells[1].lines[0].fragments[0].style == FontStyle::Regular);
    CHECK(box.rows[2].cells[0].lines[0].fragments[0].style == FontStyle::Bold);
}

TEST_CASE("table layout: a word wider than the page is split in its own column, a short heading elsewhere stays whole") {
    // A case-number list or address without spaces in one text column: that column gives way,
    // not the label column beside it ("Emne" one letter to a line).
    FixedMetrics m;
    model::Table t;
    t.header = {"Emne", "Sager", "Beløb"};
    t.numeric = {false, false, true};
    std::string word;
    for (int i = 0; i < 16; ++i) word += "EMN20240" + std::to_string(1000 + i);
    for (const std::string& text : {word, std::string("kort")}) {
        model::TableRow row;
        model::Cell label, cell, number;
        label.kind = cell.kind = model::Cell::Kind::Text;
        label.text = "Fornyelse";
        cell.text = text;
        number.kind = model::Cell::Kind::Number;
        number.text = "1.000";
        row.cells = {label, cell, number};
        t.rows.push_back(row);
    }
    const TableBox box = layout_table(t, style::kContentWidth, m);
    CHECK(box.width() <= style::kContentWidth + 1e-6);
    CHECK(box.header.cells[0].lines.size() == 1);
    for (const RowBox& row : box.rows) CHECK(row.cells[0].lines.size() == 1);
    CHECK(box.rows[0].cells[1].lines.size() > 1);  // the long word is what is split
}

namespace {

// A sources table: a label column, a numeric column and a "Kilde" column holding `source`.
model::Table sources_table(const std::string& source, const std::string& number) {
    model::Table t;
    t.header = {"Emne", "Antal", "Kilde"};
    t.numeric = {false, true, false};
    for (const std::string& text : {source, std::string("Sundhedsstyrelsen, 2023")}) {
        model::TableRow row;
        row.cells = {cell_of(model::Cell::Kind::Text, "Ventetider i psykiatrien"), cell_of(model::Cell::Kind::Number, number),
                     cell_of(model::Cell::Kind::Text, text)};
        t.rows.push_back(row);
    }
    return t;
}

std::string cell_text(const CellBox& cell, const char* between) {
    std::string s;
    for (size_t l = 0; l < cell.lines.size(); ++l) {
        if (l > 0) s += between;
        for (const Fragment& f : cell.lines[l].fragments) s += f.text;
    }
    return s;
}

}  // namespace

TEST_CASE("table layout: a long address in a cell breaks inside its cell, the table keeps its size") {
    // One web address of 100 characters used to set the whole table in the smallest size
    // before any word could split.
    const std::string url = "https://www.sundhed.dk/borger/patienthaandbogen/psyke/sygdomme/boern-og-unge/"
                            "ventetider-i-psykiatri/";
    REQUIRE(url.size() == 100);
    FixedMetrics m;
    const TableBox box = layout_table(sources_table(url, "1.250"), style::kContentWidth, m);
    CHECK(box.size == doctest::Approx(style::kTableSize));
    CHECK(box.width() <= style::kContentWidth + 1e-6);
    const CellBox& cell = box.rows[0].cells[2];
    CHECK(cell.lines.size() > 1);
    // Broken only where an address breaks, with nothing added: it reads as one address.
    CHECK(cell_text(cell, "") == url);
    std::vector<char> breaks;
    REQUIRE(address_breaks(url, breaks));
    size_t at = 0;
    for (const LaidLine& l : cell.lines) {
        CHECK(breaks[at] == (at > 0 ? 1 : 0));
        CHECK(l.width <= box.widths[2] - 2 * box.pad_x + 1e-6);
        for (const Fragment& f : l.fragments) at += f.text.size();
    }
    // The rest of the table is set as it would be without the address: the label whole.
    for (const RowBox& row : box.rows) CHECK(row.cells[0].lines.size() == 1);
}

TEST_CASE("table layout: beside a long address a number is never split, nor a case number") {
    const std::string url = "https://www.sst.dk/da/udgivelser/2023/laegedaekning-i-almen-praksis/EMN-2022-01548/"
                            "bilag.pdf?side=2";
    FixedMetrics m;
    // A narrow table (a third of the page): the address breaks to its pieces, the number
    // keeps its line, and "EMN-2022-01548/" stays whole on one.
    for (const double available : {style::kContentWidth, style::kContentWidth / 2, style::kContentWidth / 3}) {
        CAPTURE(available);
        const TableBox box = layout_table(sources_table(url, "1.234.567"), available, m);
        CHECK_FALSE(box.numbers_split);
        for (const RowBox& row : box.rows) {
            REQUIRE(row.cells[1].lines.size() == 1);
            CHECK(cell_text(row.cells[1], "|") == "1.234.567");
        }
        const std::string source = cell_text(box.rows[0].cells[2], "|");
        CHECK(source.find("EMN-2022-01548") != std::string::npos);
        std::string joined = source;
        joined.erase(std::remove(joined.begin(), joined.end(), '|'), joined.end());
        CHECK(joined == url);
    }
    // Without the address the table is the same size: the address does not drive it.
    CHECK(layout_table(sources_table(url, "1.234.567"), style::kContentWidth / 2, m).size ==
          layout_table(sources_table("Sundhedsstyrelsen", "1.234.567"), style::kContentWidth / 2, m).size);
}

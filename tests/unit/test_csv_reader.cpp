#include <doctest/doctest.h>

#include "input/csv_reader.hpp"
#include "test_support.hpp"

using namespace boardpack;
using boardpack::input::read_csv;

namespace {

std::vector<std::vector<std::string>> cells(const input::CsvData& d) {
    std::vector<std::vector<std::string>> out;
    for (const auto& r : d.rows) {
        std::vector<std::string> row;
        for (const auto& f : r.fields) row.push_back(f.text);
        out.push_back(row);
    }
    return out;
}

}  // namespace

TEST_CASE("csv: semicolons, BOM, CRLF and decimal commas as Danish Excel writes them") {
    Diagnostics d;
    const auto f = test::text_file("t.csv", "\xEF\xBB\xBF;Dec. 2016;April 2023\r\nOverlæger;5.442;5.041\r\nForhold;2,85;1,79\r\n");
    const auto csv = read_csv(f, d);
    REQUIRE(csv);
    CHECK(csv->separator == ';');
    CHECK(cells(*csv) == std::vector<std::vector<std::string>>{
                            {"", "Dec. 2016", "April 2023"}, {"Overlæger", "5.442", "5.041"}, {"Forhold", "2,85", "1,79"}});
    CHECK(d.all().empty());
}

TEST_CASE("csv: commas as separators, with quoted decimal commas") {
    Diagnostics d;
    const auto f = test::text_file("t.csv", "Region,Andel\nSjælland,\"2,1\"\n");
    const auto csv = read_csv(f, d);
    REQUIRE(csv);
    CHECK(csv->separator == ',');
    CHECK(cells(*csv)[1] == std::vector<std::string>{"Sjælland", "2,1"});
}

TEST_CASE("csv: quoted fields hold separators, doubled quotes and line breaks") {
    Diagnostics d;
    const auto f = test::text_file("t.csv", "a;b\r\n\"x;y\";\"sagt \"\"loft\"\"\"\r\n\"to\r\nlinjer\";3\r\nnæste;4\r\n");
    const auto csv = read_csv(f, d);
    REQUIRE(csv);
    const auto c = cells(*csv);
    CHECK(c[1] == std::vector<std::string>{"x;y", "sagt \"loft\""});
    CHECK(c[2] == std::vector<std::string>{"to\r\nlinjer", "3"});
    // Positions survive the line break inside the quoted field.
    CHECK(csv->rows[3].line == 5);
    CHECK(csv->rows[3].fields[1].column == 7);
}

TEST_CASE("csv: Excel's sep= line names the separator") {
    Diagnostics d;
    const auto f = test::text_file("t.csv", "sep=,\na,b\n1;2,3\n");
    const auto csv = read_csv(f, d);
    REQUIRE(csv);
    CHECK(cells(*csv)[1] == std::vector<std::string>{"1;2", "3"});
    CHECK(csv->rows[0].line == 2);
}

TEST_CASE("csv: trailing empty fields that Excel pads with are allowed") {
    Diagnostics d;
    const auto f = test::text_file("t.csv", "a;b\n1;2;;\n");
    const auto csv = read_csv(f, d);
    REQUIRE(csv);
    CHECK(csv->rows[1].fields.size() == 2);
}

TEST_CASE("csv: a short row is reported with its line and column") {
    Diagnostics d;
    const auto f = test::text_file("tabel.csv", "a;b;c\n1;2;3\n4;5\n");
    CHECK_FALSE(read_csv(f, d));
    CHECK(test::messages(d) ==
          "tabel.csv:3:3: error: this row has 2 fields, the header has 3 (fields are separated by \";\")\n"
          "  4;5\n"
          "    ^\n");
}

TEST_CASE("csv: a long row is reported at its first extra field") {
    Diagnostics d;
    const auto f = test::text_file("tabel.csv", "a;b\n1;2;3\n");
    CHECK_FALSE(read_csv(f, d));
    CHECK(test::messages(d) == "tabel.csv:2:5: error: this row has 3 fields, the header has 2\n  1;2;3\n      ^\n");
}

TEST_CASE("csv: a title line above the header is said to be one, once") {
    // Regression (title-line): "this row has 3 fields, the header has 1" at every row, with no
    // word of the title line that caused it.
    Diagnostics d;
    const auto f = test::text_file("tabel.csv", "Tabel 3. Antal forløb\nRegion;2023;2024\nNord;1;2\nSyd;3;4\n");
    CHECK_FALSE(read_csv(f, d));
    CHECK(test::messages(d) ==
          "tabel.csv:1:1: error: the first line has one field and the line below it 3: if it is a title above the table, "
          "remove it from the CSV (a table's title is its \"titel:\" in item.md); the first line must be the header\n"
          "  Tabel 3. Antal forløb\n"
          "  ^\n");
    // Padded by Excel to the table's width ("Budget 2024 i 1.000 kr.;;"), the same (a probe: it
    // was "column 2 has no heading", with a hint about decimal commas).
    Diagnostics padded;
    CHECK_FALSE(read_csv(test::text_file("tabel.csv", "Budget 2024 i 1.000 kr.;;\nPost;2023;2024\nLøn;1.250;1.300\n"), padded));
    CHECK(test::messages(padded).find("tabel.csv:1:1: error: the first line has one field and the line below it 3: if it is a "
                                      "title above the table") == 0);
    // A table of one column is read as before.
    Diagnostics e;
    const auto g = test::text_file("tabel.csv", "Region\nNord\nSyd\n");
    CHECK(read_csv(g, e));
    CHECK(!e.has_errors());
}

TEST_CASE("csv: a quote inside an unquoted field is malformed") {
    Diagnostics d;
    const auto f = test::text_file("tabel.csv", "a;b\n1;2\"x\n");
    CHECK_FALSE(read_csv(f, d));
    CHECK(test::messages(d).rfind("tabel.csv:2:4: error: malformed quotes", 0) == 0);
}

TEST_CASE("csv: each field has the line and column of its first byte, blanks before it and line breaks in it aside") {
    // libcsv is fed the file a piece at a time, each up to a separator or line end: the positions
    // are those of the bytes, in pieces that start inside a quoted field too.
    Diagnostics d;
    const auto f = test::text_file("t.csv", "a; \"b;\nb\";  c\r\n\xC3\xA6\xC3\xB8;;\t\"\"\"q\"\n");
    const auto csv = read_csv(f, d);
    REQUIRE(csv);
    CHECK(test::messages(d) == "");
    std::string where;
    for (const auto& r : csv->rows)
        for (const auto& field : r.fields)
            where += std::to_string(field.line) + ":" + std::to_string(field.column) + (field.quoted ? "q " : " ");
    CHECK(where == "1:1 1:4q 2:6 3:1 3:4 3:6q ");
    CHECK(cells(*csv)[0] == std::vector<std::string>{"a", "b;\nb", "c"});
    CHECK(cells(*csv)[1] == std::vector<std::string>{"\xC3\xA6\xC3\xB8", "", "\"q"});
    // A quote after a closing quote, far into its field, is refused at its own column.
    Diagnostics e;
    const auto g = test::text_file("t.csv", "a;b\n\xC3\xA6\xC3\xA6;\"fine\"x;3\n");
    CHECK_FALSE(read_csv(g, e));
    CHECK(test::messages(e).rfind("t.csv:2:10: error: malformed quotes", 0) == 0);
}

TEST_CASE("csv: an unclosed quote is reported where the field starts") {
    Diagnostics d;
    const auto f = test::text_file("tabel.csv", "a;b\n1;\"never closed\n3;4\n");
    CHECK_FALSE(read_csv(f, d));
    CHECK(test::messages(d) ==
          "tabel.csv:2:3: error: this quoted field is never closed: a \" is missing\n  1;\"never closed\n    ^\n");
}

namespace {

// A header and `rows` rows of `columns` fields, each "1".
std::string table_text(size_t rows, size_t columns) {
    std::string row = "P";
    for (size_t k = 1; k < columns; ++k) row += ";1";
    std::string out = row + "\n";
    for (size_t r = 0; r < rows; ++r) out += row + "\n";
    return out;
}

}  // namespace

TEST_CASE("csv: a table at the row and column limits is read") {
    Diagnostics d;
    const auto csv = read_csv(test::text_file("t.csv", table_text(input::kMaxCsvRows, input::kMaxCsvColumns)), d);
    REQUIRE(csv);
    CHECK(csv->rows.size() == input::kMaxCsvRows + 1);
    CHECK(csv->rows[0].fields.size() == input::kMaxCsvColumns);
}

TEST_CASE("csv: one row over the limit is refused at that row, naming the limit") {
    Diagnostics d;
    CHECK_FALSE(read_csv(test::text_file("t.csv", table_text(input::kMaxCsvRows + 1, 2)), d));
    CHECK(test::messages(d) ==
          "t.csv:2002:1: error: the table has more than 2000 rows; the limit is 2000 rows below the header\n  P;1\n  ^\n");
}

TEST_CASE("csv: one column over the limit is refused at that field; empty padding past it is not") {
    Diagnostics d;
    CHECK_FALSE(read_csv(test::text_file("t.csv", table_text(1, input::kMaxCsvColumns + 1)), d));
    CHECK(test::messages(d).rfind("t.csv:1:61: error: this row has more than 30 columns; the limit is 30 columns\n", 0) == 0);

    Diagnostics padded;
    const auto csv = read_csv(test::text_file("t.csv", "a;b\n1;2" + std::string(100, ';') + "\n"), padded);
    REQUIRE(csv);
    CHECK(csv->rows[1].fields.size() == 2);
}

TEST_CASE("csv: a file whose separator is not the one its first line gives is refused, not read shifted") {
    const auto first_message = [](const std::string& content) {
        Diagnostics d;
        const auto f = test::text_file("t.csv", content);
        CHECK_FALSE(read_csv(f, d));
        const std::string m = test::messages(d);
        return m.substr(0, m.find('\n'));
    };
    // Tab-separated, with a comma in its header: read at the commas, "12,5" would be 12 and 5.
    CHECK(first_message("Udgift, mio. kr.\t2023\nLøn\t12,5\nDrift\t3,25\n").find("t.csv:1:9: error: this field holds a tab") == 0);
    // A title line without ";" above a ";" table.
    CHECK(first_message("Udgifter, mio. kr.\nLøn;12,5\nDrift;3,25\n").find("t.csv:2:1: error: this field holds \";\"") == 0);
    // A trailing "," in the header: "Hovedstaden,12,5" fits its three columns.
    CHECK(first_message("Region,Andel,\nHovedstaden,12,5\n").find("t.csv:2:16: error: column 3 has no heading") == 0);
    // Quoted, each is text as written; a tab around a field's text is spacing; an empty heading
    // over an empty column is Excel's padding.
    Diagnostics d;
    const auto f = test::text_file("t.csv", "Region,Note,\nHovedstaden,\"se note 1; 2\",\n\"Sjælland\",\"a\tb\",\nFyn\t,x,\n");
    const auto csv = read_csv(f, d);
    REQUIRE(csv);
    CHECK(cells(*csv)[1] == std::vector<std::string>{"Hovedstaden", "se note 1; 2", ""});
    CHECK(d.all().empty());
}

TEST_CASE("csv: classic Mac line ends (a CR alone) end lines, for rows and their positions") {
    Diagnostics d;
    const auto f = test::text_file("t.csv", "Post;Budget 2024;Budget 2025\rKontingent;-1.200.000;-1.200.000\rLøn;800.000;810.000\r"
                                            "\"to\rlinjer\";1;2\rHusleje;150.000;120.000\r");
    REQUIRE(f.lines.size() == 6);
    CHECK(f.line_text(3) == "Løn;800.000;810.000");
    const auto csv = read_csv(f, d);
    REQUIRE(csv);
    REQUIRE(csv->rows.size() == 5);
    CHECK(d.all().empty());
    CHECK(csv->rows[2].line == 3);
    CHECK(csv->rows[2].fields[0].column == 1);  // not column 52 of line 1
    CHECK(csv->rows[2].fields[2].line == 3);
    CHECK(csv->rows[2].fields[2].column == 13);
    // A CR inside a quoted field is a line break of the file too.
    CHECK(csv->rows[4].line == 6);
    CHECK(csv->rows[4].fields[1].column == 9);
}

TEST_CASE("csv: an Excel sep= line ended by a CR alone names the separator and is skipped") {
    Diagnostics d;
    const auto f = test::text_file("t.csv", "sep=,\ra,b\r1;2,3\r");
    const auto csv = read_csv(f, d);
    REQUIRE(csv);
    CHECK(csv->separator == ',');
    CHECK(cells(*csv)[1] == std::vector<std::string>{"1;2", "3"});
    CHECK(csv->rows[1].line == 3);
}

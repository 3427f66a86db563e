// The table template's names, answered by TableContext from the table itself
// (render/html/table_context.hpp): each name where the template may use it, and how a name is
// looked for in the sections around it, as kainjow's own context would.
#include <doctest/doctest.h>

#include <sstream>

#include "calc/figure_groups.hpp"
#include "render/html/table_context.hpp"
#include "test_support.hpp"

using namespace boardpack;
using namespace boardpack::render::html;

namespace {

std::string rendered(const std::string& text, const model::Table& t, const std::string& changed_word = "") {
    kainjow::mustache::mustache tmpl{text};
    REQUIRE_MESSAGE(tmpl.is_valid(), tmpl.error_message());
    TableContext context{t, test::wording(), "tabeltitel-3", changed_word, boardpack::model::Edition::Lukket};
    std::ostringstream out;
    tmpl.render(context, out);
    REQUIRE_MESSAGE(tmpl.is_valid(), tmpl.error_message());
    return out.str();
}

model::Cell cell(const std::string& text, model::Cell::Tone tone = model::Cell::Tone::None, bool changed = false) {
    model::Cell c;
    c.text = text;
    c.tone = tone;
    c.changed = changed;
    return c;
}

model::Table table() {
    model::Table t;
    t.number = 1;
    t.title = "Udgifter";
    t.header = {"", "2023", "Status"};
    t.numeric = {false, true, false};
    model::TableRow a;
    a.cells = {cell("Løn"), cell("1.234,5"), cell("opfyldt", model::Cell::Tone::Good, true)};
    model::TableRow spacer;
    spacer.role = model::TableRow::Role::Spacer;
    model::TableRow total;
    total.total = true;
    total.cells = {cell("I alt"), cell("12"), cell("")};
    t.rows = {a, spacer, total};
    t.source = "Danske Regioner";
    t.notes = {"* foreløbige tal", "** skøn"};
    return t;
}

}  // namespace

TEST_CASE("a table's template gets its caption, headings, rows, cells and notes by name") {
    const model::Table t = table();
    CHECK(rendered("{{caption_id}}|{{#has_source}}{{source}}{{/has_source}}|{{^wide}}smal{{/wide}}|{{^has_anchor}}-{{/has_anchor}}", t) ==
          "tabeltitel-3|" + test::wording().table_source(t) + "|smal|-");
    CHECK(rendered("{{#header}}[{{text}}{{#empty}}tom{{/empty}}{{#numeric}}#{{/numeric}}]{{/header}}", t) == "[tom][2023#][Status]");
    CHECK(rendered("{{#rows}}{{#spacer}}({{columns}}){{/spacer}}{{^spacer}}{{label}}{{#total}}!{{/total}}:"
                 "{{#cells}}<{{#aligned}}{{whole}}|{{after}}|{{#has_after}}a{{/has_after}}{{/aligned}}"
                 "{{^aligned}}{{text}}{{/aligned}}{{#has_class}} {{class}}{{/has_class}}>{{/cells}}{{/spacer}};{{/rows}}",
                 t) == "Løn:<1.234|,5|a tal><opfyldt god>;(3);I alt!:<12|| tal><>;");
    CHECK(rendered("{{#notes}}({{.}}){{/notes}}", t) == "(* foreløbige tal)(** skøn)");
}

TEST_CASE("a changed cell is marked only where marks are shown, and names are looked for outwards") {
    const model::Table t = table();
    CHECK(rendered("{{#rows}}{{#cells}}{{#changed}}[{{changed_word}}]{{/changed}}{{/cells}}{{/rows}}", t, "rettet") == "[rettet]");
    CHECK(rendered("{{#rows}}{{#cells}}{{#changed}}[{{changed_word}}]{{/changed}}{{/cells}}{{/rows}}", t, "") == "");
    // A table's or a row's name inside a cell; a heading's text is not a cell's.
    CHECK(rendered("{{#rows}}{{#cells}}{{caption_id}}/{{label}} {{/cells}}{{/rows}}", t) ==
          "tabeltitel-3/Løn tabeltitel-3/Løn tabeltitel-3/I alt tabeltitel-3/I alt ");
    // Unknown and dotted names are empty, as with kainjow's own context; a string a section
    // names is {{.}} inside it.
    CHECK(rendered("{{nothing}}{{caption.text}}{{#caption}}<{{.}}>{{/caption}}", t) == "<" + test::wording().table_caption(t) + ">");
}

TEST_CASE("a table's template gets a cell's and a label's text with an address's breaks marked") {
    model::Table t = table();
    t.rows[0].cells[0].text = "www.regioner.dk/kilder";
    t.rows[0].cells[2].text = "Se https://sum.dk/a_b & c";
    CHECK(rendered("{{#rows}}{{^spacer}}{{{label_html}}}:{{#cells}}{{^aligned}}[{{{text_html}}}]{{/aligned}}{{/cells}};{{/spacer}}{{/rows}}", t) ==
          "www.regioner<wbr>.dk/<wbr>kilder:[Se https://<wbr>sum<wbr>.dk/<wbr>a<wbr>_b &amp; c];I alt:[];");
    // {{text}} stays the cell's words as they are.
    CHECK(rendered("{{#rows}}{{^spacer}}{{#cells}}{{^aligned}}{{text}}{{/aligned}}{{/cells}}{{/spacer}}{{/rows}}", t) ==
          "Se https://sum.dk/a_b &amp; c");
}

TEST_CASE("a row's label corrected (a row renamed) is marked as a changed cell is, only where marks are shown") {
    model::Table t = table();
    t.rows[0].cells[0].changed = true;
    const char* const row = "{{#rows}}{{^spacer}}{{#label_changed}}[{{changed_word}}]{{/label_changed}}{{label}};{{/spacer}}{{/rows}}";
    CHECK(rendered(row, t, "rettet") == "[rettet]Løn;I alt;");
    CHECK(rendered(row, t, "") == "Løn;I alt;");
}

TEST_CASE("a row of a measure of its own is set flush right, apart from the comma of the counts above it") {
    // Regression (ratio-row): as the PDF sets it (test_table_layout.cpp), a ratio row under counts
    // of doctors no longer pushes the counts left by a slot for its decimals.
    model::Table t;
    t.number = 1;
    t.header = {"", "Dec. 2016"};
    t.numeric = {false, true};
    for (const auto& [label, figure] : std::vector<std::pair<std::string, std::string>>{
             {"Overlæger", "5.442"}, {"Afdelingslæger", "1.909"}, {"Overlæger pr. afdelingslæge", "2,85"}}) {
        model::TableRow r;
        r.cells = {cell(label), cell(figure)};
        r.cells[0].kind = model::Cell::Kind::Text;
        r.cells[1].kind = model::Cell::Kind::Number;
        t.rows.push_back(r);
    }
    const std::string tmpl = "{{#rows}}{{#cells}}[{{#aligned}}{{whole}}|{{after}}{{/aligned}}{{^aligned}}{{text}}{{/aligned}}]{{/cells}}{{/rows}}";
    calc::mark_figures_apart(t);  // as computing the table does
    CHECK(rendered(tmpl, t) == "[5.442][1.909][2,85]");
    // Marked, so a reader's style sheet (and the browser test) can tell it from the column's others.
    CHECK(rendered("{{#rows}}{{#cells}}{{class}};{{/cells}}{{/rows}}", t) == "tal;tal;tal egen;");
    // Under a heading that names the measure, or beside a label that names none, on the comma.
    t.rows[2].cells[0].text = "Hele landet";
    t.figures_apart.clear();
    calc::mark_figures_apart(t);
    CHECK(rendered(tmpl, t) == "[5.442|][1.909|][2|,85]");
    t.rows[2].cells[0].text = "Overlæger pr. afdelingslæge";
    t.header[1] = "Antal";
    t.figures_apart.clear();
    calc::mark_figures_apart(t);
    CHECK(rendered(tmpl, t) == "[5.442|][1.909|][2|,85]");
}

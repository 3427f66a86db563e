#include <doctest/doctest.h>

#include "model/document.hpp"
#include "model/confidential_mentions.hpp"
#include "model/edition.hpp"
#include "core/text.hpp"

using namespace boardpack::model;

TEST_CASE("model: the public edition keeps only number and status of a confidential item") {
    Meeting m;
    m.organisation = "Danske Regioner";
    AgendaItem open;
    open.number = 5;
    open.title = "Offentligt";
    AgendaItem secret;
    secret.number = 6;
    secret.status = Status::Fortrolig;
    secret.title = "Hemmelig titel";
    secret.case_officer = "Hemmelig sagsbehandler";
    secret.case_number = "EMN-2023-90006";
    secret.folder = "06-hemmelig-mappe";
    secret.sections.resize(6);
    secret.tables.resize(1);
    secret.attachments.resize(1);
    m.items = {open, secret};

    const EditionView pub = edition_view(m, Edition::Offentlig);
    REQUIRE(pub.items.size() == 2);
    CHECK(pub.items[0].title == "Offentligt");
    const AgendaItem& r = pub.items[1];
    CHECK(r.redacted);
    CHECK(r.number == 6);
    CHECK(r.status == Status::Fortrolig);
    CHECK(r.title.empty());
    CHECK(r.case_officer.empty());
    CHECK(r.case_number.empty());
    CHECK(r.folder.empty());
    CHECK(r.sections.empty());
    CHECK(r.tables.empty());
    CHECK(r.attachments.empty());

    const EditionView closed = edition_view(m, Edition::Lukket);
    CHECK_FALSE(closed.items[1].redacted);
    CHECK(closed.items[1].title == "Hemmelig titel");
}

TEST_CASE("model: an edition is a view of the meeting, not a copy of it") {
    Meeting m;
    m.title = "Dagsorden";
    AgendaItem open;
    open.number = 1;
    open.title = "Offentligt";
    open.sections.resize(6);
    AgendaItem secret;
    secret.number = 2;
    secret.status = Status::Lukket;
    secret.title = "Lukket titel";
    m.items = {open, secret};

    for (Edition e : {Edition::Offentlig, Edition::Lukket}) {
        const EditionView view = edition_view(m, e);
        CHECK(&view.title == &m.title);
        REQUIRE(view.items.size() == 2);
        // The public item is the meeting's own, in both editions.
        CHECK(&view.items[0] == &m.items[0]);
        const bool closed = e == Edition::Lukket;
        CHECK((&view.items[1] == &m.items[1]) == closed);
        CHECK(view.items[1].title == (closed ? "Lukket titel" : ""));
        int walked = 0;
        for (const AgendaItem& item : view.items) walked += item.number;
        CHECK(walked == 3);
    }
    // A change to the meeting shows through the view.
    const EditionView view = edition_view(m, Edition::Offentlig);
    m.items[0].title = "Ændret";
    CHECK(view.items[0].title == "Ændret");
}

TEST_CASE("model: prepare_for_print fills in the title and each defaulted section") {
    Meeting m;
    AgendaItem item;
    item.number = 1;
    for (int k = 0; k < kSectionCount; ++k) {
        Section s;
        s.kind = static_cast<SectionKind>(k);
        s.defaulted = k != 0;
        if (k == 0) s.blocks.resize(1);
        item.sections.push_back(s);
    }
    m.items = {item};
    PrintDefaults defaults;
    defaults.title = "Dagsorden";
    for (int k = 0; k < kSectionCount; ++k) defaults.sections[static_cast<size_t>(k)] = "tekst " + std::to_string(k);
    boardpack::Diagnostics d;
    prepare_for_print(m, defaults, d);
    CHECK(m.title == "Dagsorden");
    CHECK(m.items[0].sections[0].blocks[0].inlines.empty());  // written in the input: kept
    REQUIRE(m.items[0].sections[3].blocks.size() == 1);
    CHECK(m.items[0].sections[3].blocks[0].inlines[0].text == "tekst 3");
    CHECK(d.all().empty());
}

#include "model/totals.hpp"

namespace {

// A table with the rows given (label, computed?) and its row formulas (target, expression).
Table totals_table(const std::vector<std::pair<std::string, bool>>& rows,
                   const std::vector<std::pair<std::string, std::string>>& formulas) {
    Table t;
    for (const auto& [label, computed] : rows) {
        TableRow r;
        r.role = computed ? TableRow::Role::Computed : TableRow::Role::Data;
        Cell c;
        c.kind = Cell::Kind::Text;
        c.text = label;
        r.cells.push_back(c);
        t.rows.push_back(r);
    }
    for (const auto& [target, expression] : formulas) {
        Formula f;
        f.target = target;
        f.expression = expression;
        t.formulas.push_back(f);
    }
    return t;
}

std::vector<bool> totals_of(const Table& t) {
    std::vector<bool> out;
    for (const TableRow& r : t.rows) out.push_back(r.total);
    return out;
}

}  // namespace

TEST_CASE("totals: a sum of rows of the same table is a total; an index, a quote or a status is not") {
    CHECK(is_sum_expression("sum(Kontingent .. Øvrige indtægter)"));
    CHECK(is_sum_expression("SUM(A .. B) + [C]"));
    CHECK(is_sum_expression("[Indtægter i alt] + [Personaleudgifter i alt] + [Udgifter i alt]"));
    CHECK(is_sum_expression("[Resultat] - [Projektbevillinger]"));
    CHECK_FALSE(is_sum_expression("[Resultat]"));  // a copy of one row
    CHECK_FALSE(is_sum_expression("[A] / [B] * 100"));
    CHECK_FALSE(is_sum_expression("loft[OUH i alt; Over loftet (pct.)]"));
    CHECK_FALSE(is_sum_expression("speciallaeger-landet[Overlæger; Dec. 2016] + [A]"));
    CHECK_FALSE(is_sum_expression("sum(A .. B) * 2"));
    CHECK_FALSE(is_sum_expression("status(sum(A .. B), 3)"));
    CHECK_FALSE(is_sum_expression(""));
}

TEST_CASE("totals: by default the computed sum rows, also under a group; computed non-sums are not bold") {
    Table t = totals_table({{"Løn", false}, {"Drift", false}, {"I alt:", true}, {"Indeks", true}, {"Hospital", true}},
                           {{"Region Syd / I alt", "sum(Løn .. Drift)"},
                            {"Indeks", "[I alt] / 100"},
                            {"Hospital", "loft[Hospital; Over loftet (pct.)]"}});
    boardpack::Diagnostics d;
    mark_totals(t, d);
    CHECK(totals_of(t) == std::vector<bool>{false, false, true, false, false});
    CHECK(d.error_count() == 0);
}

TEST_CASE("totals: \"total:\" names the rows instead, a row that is not there is an error, \"ingen\" marks none") {
    Table t = totals_table({{"Løn", false}, {"I alt *", false}, {"Beregnet", true}}, {{"Beregnet", "[Løn] + [I alt]"}});
    t.totals.push_back({"i alt", {"m/1/item.md", 12, 8}, "total: i alt"});
    boardpack::Diagnostics d;
    mark_totals(t, d);
    CHECK(totals_of(t) == std::vector<bool>{false, true, false});  // the CSV's own total, not the sum
    CHECK(d.error_count() == 0);

    t.totals = {{"ingen", {}, ""}};
    mark_totals(t, d);
    CHECK(totals_of(t) == std::vector<bool>{false, false, false});

    t.totals = {{"Resultat", {"m/1/item.md", 13, 8}, "total: Resultat"}};
    mark_totals(t, d);
    REQUIRE(d.error_count() == 1);
    CHECK(d.all()[0].loc.line == 13);
    CHECK(d.all()[0].message == "\"total\" names the row \"Resultat\", which the table does not have (\"total: ingen\" marks no row)");
}

#include "model/links.hpp"
#include "test_support.hpp"

TEST_CASE("links: a public item's link into a confidential item is refused alike whether its target exists") {
    // "not in the packet" for #punkt-2-bilag-9 but "points into item 2" for #punkt-2-bilag-1
    // would tell the public item's author how many attachments and tables item 2 has.
    Meeting m;
    AgendaItem open;
    open.number = 1;
    Block paragraph;
    for (const char* url : {"#punkt-2-bilag-1", "#punkt-2-bilag-9", "#punkt-2-tabel-1", "#punkt-2-tabel-9", "#punkt-2-x",
                            "#punkt-20", "#punkt-1-tabel-9"}) {
        Inline link;
        link.kind = Inline::Kind::Link;
        link.set_url(url);
        link.loc = {"m/01-a/item.md", 1, 1};
        paragraph.inlines.push_back(link);
    }
    Section s;
    s.blocks = {paragraph};
    open.sections = {s};
    AgendaItem secret;
    secret.number = 2;
    secret.status = Status::Fortrolig;
    secret.attachments.resize(1);
    secret.attachments[0].number = 1;
    secret.tables.resize(1);
    secret.tables[0].number = 1;
    m.items = {open, secret};
    boardpack::Diagnostics d;
    resolve_links(m, d);
    const std::string messages = boardpack::test::messages(d);
    for (const char* url : {"#punkt-2-bilag-1", "#punkt-2-bilag-9", "#punkt-2-tabel-1", "#punkt-2-tabel-9", "#punkt-2-x"}) {
        CAPTURE(url);
        CHECK(messages.find("the link \"" + std::string(url) + "\" points into item 2, which is Fortrolig") != std::string::npos);
    }
    // Other targets that are not there are still said to be not in the packet.
    CHECK(messages.find("the link target \"#punkt-20\" is not in the packet") != std::string::npos);
    CHECK(messages.find("the link target \"#punkt-1-tabel-9\" is not in the packet") != std::string::npos);
    CHECK(messages.find("\"#punkt-2-bilag-9\" is not in the packet") == std::string::npos);
}

TEST_CASE("model: a public text that writes a confidential item's case number or title is a warning there") {
    // A probe: "Se også … (EMN-2099-91234)" in a public item's text printed the confidential
    // item's title and case number in the public edition without a word.
    Meeting m;
    m.id = "m";
    AgendaItem open;
    open.number = 5;
    open.title = "Orientering om økonomi";
    open.loc.file = "m/05/item.md";
    AgendaItem secret;
    secret.number = 6;
    secret.status = Status::Fortrolig;
    secret.title = "Ansættelse af ny direktør";
    secret.case_number = "EMN-2023-90006";
    secret.attachments.resize(1);
    secret.attachments[0].document_id = "EMN-2023-90006-3";
    const auto paragraph = [](const std::string& text, int line) {
        Block b;
        b.kind = Block::Kind::Paragraph;
        b.loc = {boardpack::FileName("m/05/item.md"), line, 1};
        Inline i;
        i.text = text;
        b.inlines.push_back(i);
        return b;
    };
    open.sections.resize(1);
    open.sections[0].blocks = {paragraph("Se også punkt 6 (emn-2023-90006) om ansættelse af  ny Direktør.", 12),
                               paragraph("Direktøren deltager i mødet.", 14)};
    m.items = {open, secret};
    const auto mentions = [](const Meeting& meeting) {
        boardpack::Diagnostics d;
        warn_confidential_mentions(meeting, d);
        std::string all;
        for (const auto& x : d.all()) all += boardpack::format_diagnostic(x);
        return all;
    };
    const std::string all = mentions(m);
    CHECK(all.find("m/05/item.md:12:1: warning: this public text writes the case number of the confidential item 6, "
                   "\"EMN-2023-90006\"") != std::string::npos);
    CHECK(all.find("writes the title of the confidential item 6, \"Ansættelse af ny direktør\"") != std::string::npos);
    CHECK(all.find(":14:") == std::string::npos);
    // Regression (probe41): in a link's address, which the HTML and the PDF carry and the printed
    // HTML prints, nothing was said.
    {
        Meeting linked = m;
        Block b = paragraph("Se sagen.", 16);
        b.inlines[0].kind = Inline::Kind::Link;
        b.inlines[0].set_url("https://sager.example/dok?id=EMN-2023-90006-3");
        linked.items[0].sections[0].blocks = {b};
        CHECK(mentions(linked).find("m/05/item.md:16:1: warning: this public text writes an attachment's document id of the "
                        "confidential item 6, \"EMN-2023-90006-3\"") != std::string::npos);
    }
    // Regression (probe41): a chart's own words (title, axis, unit, target label) were walked by
    // no check.
    {
        Meeting charted = m;
        charted.items[0].charts.resize(1);
        charted.items[0].charts[0].title = "Udgifter i sag EMN-2023-90006";
        charted.items[0].charts[0].loc = {boardpack::FileName("m/05/item.md"), 20, 1};
        CHECK(mentions(charted).find("m/05/item.md:20:1: warning: this public text writes the case number of the confidential item 6") !=
              std::string::npos);
    }
    // The confidential item's own text, a short title, or no confidential item: nothing to say.
    boardpack::Diagnostics quiet;
    secret.title = "Personalesag";
    secret.case_number.clear();
    secret.attachments.clear();
    secret.sections = open.sections;
    m.items = {open, secret};
    m.items[0].sections[0].blocks[0] = paragraph("En personalesag behandles lukket.", 12);
    warn_confidential_mentions(m, quiet);
    CHECK(quiet.all().empty());
}

TEST_CASE("model: a confidential item's case number is found where a word of a public text starts, and only there") {
    // The public texts are scanned word by word (confidential_mentions.cpp, Starts::any_in): at
    // the text's start and end, after a space, a bracket or a dash, in either case; never inside
    // a word, after a digit or after a letter beyond ASCII.
    const std::vector<std::pair<std::string, bool>> texts = {
        {"EMN-2023-90006", true},           {"emn-2023-90006", true},       {"Se EMN-2023-90006", true},
        {"Se (Emn-2023-90006) her.", true}, {"Se\tEMN-2023-90006.", true},  {"x-EMN-2023-90006", true},
        {"xEMN-2023-90006", false},         {"7EMN-2023-90006", false},     {"\xC3\xA6" "EMN-2023-90006", false},
        {"EMN-2023-9000", false},           {"Se EMN-2023-9000", false},    {"EMN-2023-90007 og EMN-2023-90006", true},
        {"punkt 6 EMN-2023-90006", true},   {"aaaa EMN-2023-90006", true},  {"EM", false},
        {"", false},                        {"EMNEMN-2023-90006", false},   {"E EMN-2023-90006", true},
    };
    // Not a structured binding: clang 14 (the sanitizer build's) cannot name one in CAPTURE's lambda.
    for (const auto& entry : texts) {
        const std::string& text = entry.first;
        const bool found = entry.second;
        CAPTURE(text);
        Meeting m;
        m.id = "m";
        AgendaItem open;
        open.number = 5;
        open.loc.file = "m/05/item.md";
        open.sections.resize(1);
        Block b;
        b.kind = Block::Kind::Paragraph;
        b.loc = {boardpack::FileName("m/05/item.md"), 3, 1};
        b.inlines.resize(1);
        b.inlines[0].text = text;
        open.sections[0].blocks = {b};
        AgendaItem secret;
        secret.number = 6;
        secret.status = Status::Fortrolig;
        secret.case_number = "EMN-2023-90006";
        m.items = {open, secret};
        boardpack::Diagnostics d;
        warn_confidential_mentions(m, d);
        CHECK(d.all().size() == (found ? 1u : 0u));
    }
}

namespace {

// names_total and names_part as first written: the key copied, its dashes and bullets replaced
// one kind at a time, then its marks made spaces a character at a time. The functions now do it
// in one pass on the stack.
std::string label_words_as_written(std::string_view label) {
    std::string k = boardpack::fold_label(label);
    while (!k.empty() && (k.back() == ':' || k.back() == '*' || k.back() == ' ')) k.pop_back();
    for (const std::string_view mark : {"\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x80\xA2", "\xC2\xB7"})
        for (size_t at = k.find(mark); at != std::string::npos; at = k.find(mark)) k.replace(at, mark.size(), 1, ' ');
    std::string out;
    for (char c : k) {
        const bool mark = c == '(' || c == ')' || c == ',' || c == '-' || c == '*';
        const char put = mark ? ' ' : c;
        if (put == ' ' && (out.empty() || out.back() == ' ')) continue;
        out += put;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

bool starts_with_word_as_written(std::string_view k, std::string_view word) {
    return k == word ||
           (k.size() > word.size() && k.substr(0, word.size()) == word && (k[word.size()] == ' ' || k[word.size()] == ':'));
}

bool names_total_as_written(std::string_view label) {
    const std::string k = label_words_as_written(label);
    for (const std::string_view tail : {"i alt", "ialt", "total", "totalt", "samlet", "samlede", "tilsammen", "sammenlagt"})
        if (k.size() > tail.size() && k.substr(k.size() - tail.size()) == tail && k[k.size() - tail.size() - 1] == ' ')
            return true;
    for (const std::string_view whole : {"hele landet", "hele regionen", "hele kommunen", "hele danmark", "alle regioner",
                                         "alle kommuner"})
        if (k == whole) return true;
    for (const std::string_view word : {"i alt", "ialt", "total", "totalt", "hovedtotal", "subtotal", "sum", "samlet", "samlede",
                                        "tilsammen", "sammenlagt"})
        if (starts_with_word_as_written(k, word)) return true;
    return false;
}

bool names_part_as_written(std::string_view label) {
    const std::string k = label_words_as_written(label);
    for (const std::string_view word :
         {"heraf", "heraf:", "herunder", "herunder:", "heriblandt", "deraf", "hvoraf", "deriblandt", "derunder", "her af",
          "herav", "heri", "heri:", "indeholdt heri", "indeholdt heri:", "af hvilke", "af disse", "af dem", "af denne",
          "af dette", "inkl.", "inkl", "inklusive", "bl.a.", "bl.a", "blandt andet", "dvs.", "dvs", "det vil sige",
          "of which", "of which:", "including", "incl.", "incl", "inklusiv", "hvorav", "herfra", "derfra"})
        if (starts_with_word_as_written(k, word)) return true;
    for (const std::string_view tail : {" heraf", " hvoraf", " deraf"})
        if (k.size() >= tail.size() && k.substr(k.size() - tail.size()) == tail) return true;
    return k.find("indg\xC3\xA5r i ") != std::string::npos || k.find(" indg\xC3\xA5r heri") != std::string::npos;
}

}  // namespace

TEST_CASE("model: totals and parts are named alike however the label's marks and length") {
    const std::string long_label = std::string(90, 'x') + " i alt";
    const std::vector<std::string> labels = {
        "I alt", "Drift i alt:", "\xE2\x80\x93 heraf l\xC3\xB8n", "(heraf husleje)", "\xE2\x80\xA2 Heraf", "Drift (i alt)",
        "I alt, drift", "Hele landet", "Sum", "Subtotal*", "L\xC3\xB8n", "heraf: x", "x \xE2\x80\x93 i alt", "x\xE2\x80\x94i alt",
        "\xC2\xB7heraf", "I ALT *", "Samlet (mio. kr.)", "Totalt:", "Hovedtotal", "i alt:)", "x\xC2\xB7i alt",
        "\xE2\x80 i alt", "x \xE2\x80\x94\xE2\x80\x93 i alt", "  - Heraf -  ", "***", "", ":", "heraf\xC2\xA0l\xC3\xB8n",
        "i\xC2\xAD" "alt", "Drift\xE2\x80\x93i alt", "xi alt", long_label, "Heraf " + std::string(90, 'y'), "Hvoraf: ledere",
        "Heraf:ledere", "Af hvilke: x", "Inkl.: moms", "Ledere (heraf)", "Ledere, hvoraf", "Ledere (indg\xC3\xA5r i ovenst\xC3\xA5" "ende)",
        "Hvorav x", "Inklusiv moms", "Herfra x", "Sheraf",
        // Words folding joins or spaces out, which names_total's look at the label as written must pass on.
        "I a\xC2\xAD" "lt", "Sam\xE2\x80\x8B" "let", "Hele\xE3\x80\x80landet", "Hele\xC2\xA0landet", "TOTALT", "Region Nord",
        "\xEF\xBB\xBFI alt", "Summa"};
    for (const std::string& label : labels) {
        CAPTURE(label);
        CHECK(names_total(label) == names_total_as_written(label));
        CHECK(names_part(label) == names_part_as_written(label));
    }
}

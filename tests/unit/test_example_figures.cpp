// Every figure printed in items 9, 18 and 19 of the September 2023 agenda, and in attachment 1
// of item 18, that is the result of a calculation: the value the source prints, and the value
// boardpack computes from the CSV inputs. They agree, except where the source contradicts
// itself (listed with both values; the build reports those cells).
#include <doctest/doctest.h>

#include "calc/meeting_calc.hpp"
#include "core/input_files.hpp"
#include "input/markdown_reader.hpp"
#include "input/meeting_loader.hpp"
#include "test_support.hpp"

using namespace boardpack;

namespace {

struct Example {
    model::Meeting meeting;
    Diagnostics diags;
};

const Example& example() {
    static Example ex = [] {
        Example e;
        DiskFiles files(std::string(BOARDPACK_SOURCE_DIR) + "/inputs/2023-09-bestyrelsen");
        auto m = input::load_meeting(files, "2023-09-bestyrelsen", e.diags);
        if (!m) throw std::runtime_error(test::messages(e.diags));
        calc::compute_meeting(*m, test::words(), e.diags);
        e.meeting = std::move(*m);
        return e;
    }();
    return ex;
}

const model::Table& table(const std::string& name) {
    for (const model::AgendaItem& item : example().meeting.items)
        for (const model::Table& t : item.tables)
            if (t.name == name) return t;
    throw std::runtime_error("no table " + name);
}

std::string cell(const std::string& name, const std::string& row, const std::string& column) {
    const model::Table& t = table(name);
    size_t r = t.rows.size(), c = t.header.size();
    for (size_t i = 0; i < t.rows.size(); ++i)
        if (t.rows[i].cells[0].text == row) r = i;
    for (size_t i = 0; i < t.header.size(); ++i)
        if (t.header[i] == column) c = i;
    if (r == t.rows.size() || c == t.header.size()) return "<no cell " + row + " / " + column + ">";
    return t.rows[r].cells[c].text;
}

// The text of an item as printed (figures filled in), all sections joined.
std::string item_text(int number) {
    std::string out;
    std::function<void(const std::vector<model::Block>&)> walk = [&](const std::vector<model::Block>& blocks) {
        for (const model::Block& b : blocks) {
            out += input::plain_text(b.inlines) + "\n";
            for (const auto& it : b.items) walk(it);
            walk(b.children);
        }
    };
    for (const model::AgendaItem& item : example().meeting.items)
        if (item.number == number)
            for (const model::Section& s : item.sections) walk(s.blocks);
    return out;
}

struct Figure {
    const char* table;
    const char* row;
    const char* column;
    const char* source;    // as the source prints it
    const char* computed;  // as boardpack prints it ("" = same as the source)
};

// Published totals (item 18) are shown as printed when within the tolerance of 2: the parts
// are rounded, as the source's note says.
const Figure kTableFigures[] = {
    // Item 18, tabel 1.
    {"speciallaeger", "Samlet antal speciallæger", "Dec. 2016", "8.388", ""},
    {"speciallaeger", "Samlet antal speciallæger", "01. apr. 2023", "9.357", ""},
    {"speciallaeger", "Lægelige chefer*", "Udvikling i indeks (2016=100)", "144", ""},
    {"speciallaeger", "Overlæger", "Udvikling i indeks (2016=100)", "93", ""},
    // The source prints 147; 2.820 / 1.909 x 100 = 147,7, which rounds to 148.
    {"speciallaeger", "Afdelingslæger", "Udvikling i indeks (2016=100)", "147", "148"},
    {"speciallaeger", "Samlet antal speciallæger", "Udvikling i indeks (2016=100)", "112", ""},
    // Item 18, tabel 2: the whole country's ratios.
    {"fordelingstal", "Hele landet", "Fordeling pr. dec. 2016", "2,85", ""},
    {"fordelingstal", "Hele landet", "Fordeling pr. april 2023", "1,79", ""},
    // Item 18, tabel 3: the university hospitals' growth, from tabel 4.
    {"stigningstakt", "OUH i alt", "% stigning i antallet af speciallæger i perioden april 2018 - juni 2023", "8,5", ""},
    {"stigningstakt", "OUH ex undtagne specialer", "% stigning i antallet af speciallæger i perioden april 2018 - juni 2023", "9,0", ""},
    {"stigningstakt", "AUH i alt", "% stigning i antallet af speciallæger i perioden april 2018 - juni 2023", "6,2", ""},
    {"stigningstakt", "AUH ex undtagne specialer", "% stigning i antallet af speciallæger i perioden april 2018 - juni 2023", "6,6", ""},
    {"stigningstakt", "Rigshospitalet i alt", "% stigning i antallet af speciallæger i perioden april 2018 - juni 2023", "13,1", ""},
    {"stigningstakt", "Rigshospitalet ex undtagne specialer", "% stigning i antallet af speciallæger i perioden april 2018 - juni 2023", "13,1", ""},
    {"stigningstakt", "Herlev og Gentofte Hospitaler", "% stigning i antallet af speciallæger i perioden april 2018 - juni 2023", "7,2", ""},
    {"stigningstakt", "Herlev og Gentofte ex undtagne specialer", "% stigning i antallet af speciallæger i perioden april 2018 - juni 2023", "6,9", ""},
    // Item 19, tabel 1.
    {"regnskab-2023", "Kontingent", "Forskel B-FvR", "400.000", ""},
    {"regnskab-2023", "Øvrige kontingenter", "Forskel B-FvR", "0", ""},
    {"regnskab-2023", "Øvrige indtægter", "Forskel B-FvR", "-100.000", ""},
    {"regnskab-2023", "Indtægter i alt:", "Budget 2023", "-285.400.000", ""},
    {"regnskab-2023", "Indtægter i alt:", "Forventet regnskab", "-285.700.000", ""},
    {"regnskab-2023", "Indtægter i alt:", "Forskel B-FvR", "300.000", ""},
    {"regnskab-2023", "Løn", "Forskel B-FvR", "800.000", ""},
    {"regnskab-2023", "Øvrige personaleudgifter", "Forskel B-FvR", "800.000", ""},
    {"regnskab-2023", "Personaleudgifter i alt:", "Budget 2023", "229.100.000", ""},
    {"regnskab-2023", "Personaleudgifter i alt:", "Forventet regnskab", "227.500.000", ""},
    {"regnskab-2023", "Personaleudgifter i alt:", "Forskel B-FvR", "1.600.000", ""},
    {"regnskab-2023", "Drift af huse", "Forskel B-FvR", "-2.900.000", ""},
    {"regnskab-2023", "Fremmede tjenesteydelser", "Forskel B-FvR", "4.500.000", ""},
    {"regnskab-2023", "Mødeaktiviteter", "Forskel B-FvR", "-700.000", ""},
    {"regnskab-2023", "Øvrig drift", "Forskel B-FvR", "8.700.000", ""},
    {"regnskab-2023", "Tilskud", "Forskel B-FvR", "0", ""},
    {"regnskab-2023", "Udgifter i alt:", "Budget 2023", "102.500.000", ""},
    {"regnskab-2023", "Udgifter i alt:", "Forventet regnskab", "92.900.000", ""},
    {"regnskab-2023", "Udgifter i alt:", "Forskel B-FvR", "9.600.000", ""},
    {"regnskab-2023", "Driftsresultat:", "Budget 2023", "46.200.000", ""},
    {"regnskab-2023", "Driftsresultat:", "Forventet regnskab", "34.700.000", ""},
    {"regnskab-2023", "Driftsresultat:", "Forskel B-FvR", "11.500.000", ""},
    {"regnskab-2023", "Kapitalindtægter", "Forskel B-FvR", "10.300.000", ""},
    {"regnskab-2023", "Kapitaludgifter", "Forskel B-FvR", "-1.400.000", ""},
    {"regnskab-2023", "Kapitalposter i alt:", "Budget 2023", "-7.000.000", ""},
    {"regnskab-2023", "Kapitalposter i alt:", "Forventet regnskab", "-15.900.000", ""},
    {"regnskab-2023", "Kapitalposter i alt:", "Forskel B-FvR", "8.900.000", ""},
    {"regnskab-2023", "Resultat:", "Budget 2023", "39.200.000", ""},
    {"regnskab-2023", "Resultat:", "Forventet regnskab", "18.800.000", ""},
    {"regnskab-2023", "Resultat:", "Forskel B-FvR", "20.400.000", ""},
    {"regnskab-2023", "Projektbevillinger", "Forskel B-FvR", "0", ""},
    {"regnskab-2023", "Resultat inkl. ekstraordinære poster:", "Budget 2023", "42.200.000", ""},
    {"regnskab-2023", "Resultat inkl. ekstraordinære poster:", "Forventet regnskab", "21.800.000", ""},
    {"regnskab-2023", "Resultat inkl. ekstraordinære poster:", "Forskel B-FvR", "20.400.000", ""},
    // Item 19, tabel 2.
    {"budget-samlet", "Indtægter i alt:", "Budget 2023", "-295.100.000", ""},
    {"budget-samlet", "Indtægter i alt:", "Budget 2024", "-290.300.000", ""},
    {"budget-samlet", "Personaleudgifter i alt:", "Budget 2023", "236.700.000", ""},
    {"budget-samlet", "Personaleudgifter i alt:", "Budget 2024", "232.800.000", ""},
    {"budget-samlet", "Udgifter i alt:", "Budget 2023", "105.900.000", ""},
    {"budget-samlet", "Udgifter i alt:", "Budget 2024", "104.100.000", ""},
    {"budget-samlet", "Driftsresultat:", "Budget 2023", "47.500.000", ""},
    {"budget-samlet", "Driftsresultat:", "Budget 2024", "46.600.000", ""},
    {"budget-samlet", "Kapitalposter i alt:", "Budget 2023", "-7.000.000", ""},
    {"budget-samlet", "Kapitalposter i alt:", "Budget 2024", "-7.000.000", ""},
    {"budget-samlet", "Resultat:", "Budget 2023", "40.500.000", ""},
    {"budget-samlet", "Resultat:", "Budget 2024", "39.600.000", ""},
    {"budget-samlet", "Resultat inkl. ekstraordinære poster:", "Budget 2023", "43.500.000", ""},
    {"budget-samlet", "Resultat inkl. ekstraordinære poster:", "Budget 2024", "47.600.000", ""},
    // Item 19, tabel 3.
    {"basisbudget", "Indtægter i alt:", "Budget 2023", "-181.900.000", ""},
    {"basisbudget", "Indtægter i alt:", "Budget 2024", "-178.400.000", ""},
    {"basisbudget", "Personaleudgifter i alt:", "Budget 2023", "146.800.000", ""},
    {"basisbudget", "Personaleudgifter i alt:", "Budget 2024", "143.500.000", ""},
    {"basisbudget", "Udgifter i alt:", "Budget 2023", "69.500.000", ""},
    {"basisbudget", "Udgifter i alt:", "Budget 2024", "68.300.000", ""},
    {"basisbudget", "Driftsresultat:", "Budget 2023", "34.400.000", ""},
    {"basisbudget", "Driftsresultat:", "Budget 2024", "33.400.000", ""},
    {"basisbudget", "Kapitalposter i alt:", "Budget 2023", "-7.000.000", ""},
    {"basisbudget", "Kapitalposter i alt:", "Budget 2024", "-7.000.000", ""},
    {"basisbudget", "Resultat:", "Budget 2023", "27.400.000", ""},
    {"basisbudget", "Resultat:", "Budget 2024", "26.400.000", ""},
    {"basisbudget", "Resultat inkl. ekstraordinære poster:", "Budget 2023", "30.400.000", ""},
    {"basisbudget", "Resultat inkl. ekstraordinære poster:", "Budget 2024", "34.400.000", ""},
    // Item 19, tabel 4-6.
    {"medicinraadet", "Indtægter i alt:", "Budget 2023", "-54.700.000", ""},
    {"medicinraadet", "Indtægter i alt:", "Budget 2024", "-64.700.000", ""},
    {"medicinraadet", "Personaleudgifter i alt:", "Budget 2024", "52.800.000", ""},
    {"medicinraadet", "Udgifter i alt:", "Budget 2024", "15.100.000", ""},
    {"medicinraadet", "Driftsresultat:", "Budget 2023", "13.200.000", ""},
    {"medicinraadet", "Driftsresultat:", "Budget 2024", "3.200.000", ""},
    {"behandlingsraadet", "Indtægter i alt:", "Budget 2023", "-36.400.000", ""},
    {"behandlingsraadet", "Indtægter i alt:", "Budget 2024", "-26.400.000", ""},
    {"behandlingsraadet", "Personaleudgifter i alt:", "Budget 2024", "22.400.000", ""},
    {"behandlingsraadet", "Udgifter i alt:", "Budget 2024", "14.000.000", ""},
    {"behandlingsraadet", "Driftsresultat:", "Budget 2023", "0", ""},
    {"behandlingsraadet", "Driftsresultat:", "Budget 2024", "10.000.000", ""},
    {"oevrige-enheder", "Indtægter i alt:", "Budget 2023", "-22.100.000", ""},
    {"oevrige-enheder", "Indtægter i alt:", "Budget 2024", "-20.800.000", ""},
    {"oevrige-enheder", "Personaleudgifter i alt:", "Budget 2023", "14.700.000", ""},
    {"oevrige-enheder", "Personaleudgifter i alt:", "Budget 2024", "14.100.000", ""},
    {"oevrige-enheder", "Driftsresultat:", "Budget 2023", "0", ""},
    {"oevrige-enheder", "Driftsresultat:", "Budget 2024", "0", ""},
    // Attachment 1 to item 18: index column.
    {"speciallaeger-landet", "Lægelige chefer", "Udvikling (2016=100)", "144", ""},
    {"speciallaeger-landet", "Overlæger", "Udvikling (2016=100)", "93", ""},
    {"speciallaeger-landet", "Afdelingslæger", "Udvikling (2016=100)", "147", "148"},
    {"speciallaeger-landet", "Samlet antal speciallæger", "Udvikling (2016=100)", "112", ""},
};

const char* const kPeriods[] = {"Dec. 2016", "April 2017", "Aug. 2017", "April 2018", "Okt. 2018", "April 2019", "Okt. 2019",
                                "April 2020", "Okt. 2020", "April 2021", "Okt. 2021", "April 2022", "Okt. 2022", "April 2023"};
const char* const kTotals[] = {"8.388", "8.489", "8.509", "8.643", "8.689", "8.784", "8.846",
                               "8.932", "9.079", "9.215", "9.197", "9.246", "9.298", "9.357"};
const char* const kRatios[] = {"2,85", "2,86", "2,80", "2,51", "2,33", "2,19", "2,08",
                               "2,05", "1,98", "1,99", "1,93", "1,95", "1,81", "1,79"};

// Figures in the text, as the packet prints them, with what the source prints. Where the
// wording had to change to follow the data ("knap 9" is 8,9), the source's phrase is noted.
struct TextFigure {
    int item;
    const char* printed;
    const char* source;
};

const TextFigure kTextFigures[] = {
    {9, "er faldet fra 46 til 43 dage", "er faldet fra 46 til 43 dage"},
    {9, "operation faldet fra 66 til 60 dage", "operation faldet fra 66 til 60 dage"},
    {9, "overholdt i 73 pct. af forløbene", "overholdt i 73 pct. af forløbene"},
    {9, "målsætningen på 79 pct.", "målsætningen på 79 pct."},
    {9, "var 77 pct. af kræftpakkeforløb", "var 77 pct. af kræftpakkeforløb"},
    // The source's 47 pct. (indeks 147) follows its misprinted index; 2.820 / 1.909 gives 148.
    {18, "en stigning på 48 pct. (indeks 148)", "en stigning på 47 pct. (indeks 147)"},
    {18, "steget med 460 lægelige chefer", "steget med 460 lægelige chefer"},
    {18, "har været på 447 lægelige chefer", "har været på 447 lægelige chefer"},
    {18, "på 401 overlæger (fra 5.442 i december 2016 til 5.041 i april 2023)",
     "på 401 overlæger (fra 5.442 i december 2016 til 5.041 i april 2023)"},
    {18, "er således på 93 (mod 95 i oktober 2022 og 100 i april 2022)",
     "er således på 93 (mod 95 i oktober 2022 og 100 i april 2022)"},
    {18, "i december 2016 var 1:2,85 for hele landet", "i december 2016 var 1:2,85 for hele landet"},
    {18, "var ansat 2,85 overlæger", "var ansat 2,85 overlæger"},
    {18, "overlæger 1,79. Det vil sige", "overlæger 1,79. Det vil sige"},
    {18, "er ansat 1,79 overlæger", "er ansat 1,79 overlæger"},
    {18, "overlæger (131 fra oktober 2022", "overlæger (131 fra oktober 2022"},
    {18, "afdelingslæger (33 fra oktober 2022", "afdelingslæger (33 fra oktober 2022"},
    {19, "reduktion i satsen på 0,70 kr. pris- og lønreguleres med 3,4 pct. Svarende til 0,15 kr. pr. indbygger og "
         "fastsættes til 25,85 kr.",
     "reduktion i satsen på 0,70 kr. pris- og lønreguleres med 3,4 pct. Svarende til 0,15 kr. pr. indbygger og "
     "fastsættes til 25,85 kr."},
    {19, "driftsunderskud på 33,4 mio. kr.", "driftsunderskud på 33,4 mio. kr."},
    {19, "reduktion på 0,7 kr. pris- og lønreguleres med 3,4 pct., og", "reduktion på 0,7 kr. pris- og lønreguleres med 3,4 pct., og"},
    {19, "generalforsamlingen til 25,85 kr. pr. indbygger", "generalforsamlingen til 25,85 kr. pr. indbygger"},
    {19, "driftsresultatforbedring på 11,5 mio. kr. (tabel 1)", "driftsresultatforbedring på 11,5 mio. kr. (tabel 1)"},
    {19, "overstige budgettet med 10,3 mio. kr.", "overstige budgettet med 10,3 mio. kr."},
    {19, "overstiger budgettet med 1,4 mio. kr.", "overstiger budgettet med 1,4 mio. kr."},
    // The source rounds 8,9 to "knap 9"; quoted from the table it reads 8,9.
    {19, "resultatforbedring på 8,9 mio. kr. (med forbehold", "resultatforbedring på knap 9 mio. kr. (med forbehold"},
    {19, "underskud på 21,8 mio. kr. svarende til en resultatforbedring på 20,4 mio. kr.",
     "underskud på 21,8 mio. kr. svarende til en resultatforbedring på 20,4 mio. kr."},
    {19, "reduceres med 3,5 mio. kr. i forhold til", "reduceres med 3,5 mio. kr. i forhold til"},
    {19, "fastholdes på 33,4 mio. kr.", "fastholdes på 33,4 mio. kr."},
    {19, "underskud på 3,2 mio. kr.", "underskud på 3,2 mio. kr."},
    // The source writes "10. mio. kr." (a typo) and "knap 1,3 mio. kr." for 1,3.
    {19, "reduceres i 2024 med 10,0 mio. kr.", "reduceres i 2024 med 10. mio. kr."},
    {19, "reduceret med 1,3 mio. kr. og udgifterne", "reduceret med knap 1,3 mio. kr. og udgifterne"},
    {19, "nedsat med 0,70 kr. inden fremskrivning", "nedsat med 0,70 kr. inden fremskrivning"},
    {19, "udgøre 25,85 kr. pr. indbygger, svarende til en stigning på 0,15 kr.",
     "udgøre 25,85 kr. pr. indbygger, svarende til en stigning på 0,15 kr."},
};

}  // namespace

TEST_CASE("example figures: every calculated figure in the tables equals the source, but where the source contradicts itself") {
    for (const Figure& f : kTableFigures) {
        const std::string want = *f.computed ? f.computed : f.source;
        INFO(f.table << " [" << f.row << "; " << f.column << "], source prints " << f.source);
        CHECK(cell(f.table, f.row, f.column) == want);
    }
    for (size_t i = 0; i < 14; ++i) {
        INFO("bilag 1, " << kPeriods[i]);
        CHECK(cell("speciallaeger-landet", "Samlet antal speciallæger", kPeriods[i]) == kTotals[i]);
        CHECK(cell("speciallaeger-landet", "Overlæger/afdelingslæger", kPeriods[i]) == kRatios[i]);
    }
}

TEST_CASE("example figures: the computed cells really are computed") {
    // A published total is only shown if the computation agrees within the tolerance
    // (1.036 + 5.442 + 1.909 = 8.387); later formulas then use the printed 8.388.
    const model::Table& t = table("speciallaeger");
    CHECK(t.rows[4].role == model::TableRow::Role::Computed);
    CHECK(t.rows[4].cells[1].value == calc::Decimal(8388, 0));
    CHECK(t.source == "KRL, SIRKA. Tallene for antal læger er afrundede, hvorfor totalsum afviger minimalt.");
    int computed_rows = 0;
    for (const char* name : {"regnskab-2023", "budget-samlet", "basisbudget", "medicinraadet", "behandlingsraadet", "oevrige-enheder"})
        for (const model::TableRow& r : table(name).rows) computed_rows += r.role == model::TableRow::Role::Computed;
    CHECK(computed_rows == 7 + 7 + 7 + 4 + 4 + 3);  // tabel 1-6 of item 19
}

TEST_CASE("example figures: the source's contradictions are reported, and nothing else") {
    std::vector<std::string> warnings;
    for (const Diagnostic& d : example().diags.all()) warnings.push_back(format_diagnostic(d));
    REQUIRE(warnings.size() == 2);
    CHECK(warnings[0].find("18-speciallaeger/tabel-1.csv:4:28: warning: the published figure 147 for \"Afdelingslæger\"") !=
          std::string::npos);
    CHECK(warnings[1].find("18-speciallaeger/bilag-1-tabel-1.csv:4:100: warning: the published figure 147") != std::string::npos);
    CHECK_FALSE(example().diags.has_errors());
}

TEST_CASE("example figures: the text quotes the computed figures") {
    for (const TextFigure& f : kTextFigures) {
        INFO("item " << f.item << ": " << f.printed << " (the source prints: " << f.source << ")");
        CHECK(item_text(f.item).find(f.printed) != std::string::npos);
    }
}

TEST_CASE("example figures: the membership fee is (25,70 - 0,70) x 1,034 = 25,85 kr.") {
    CHECK(item_text(19).find("fastsættes til 25,85 kr. pr. indbygger for 2024") != std::string::npos);
}

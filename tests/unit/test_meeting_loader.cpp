#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "build.hpp"
#include "input/meeting_loader.hpp"
#include "test_support.hpp"

using namespace boardpack;
using boardpack::input::load_meeting;

namespace {

const char* const kMeeting =
    "organisation: Danske Regioner\n"
    "organ: Bestyrelsen\n"
    "dato: 2023-09-14\n"
    "tidspunkt: kl. 10.30-15.00\n"
    "sted: Regionernes Hus\n"
    "punkt: 05-a\n"
    "punkt: 06-b\n";

const char* const kItemA =
    "---\n"
    "nummer: 5\n"
    "status: Offentlig\n"
    "titel: Et offentligt punkt\n"
    "sagsbehandler: Helene Munk Fog\n"
    "sagsnummer: EMN-2022-01548\n"
    "bilag: Notat om udredningsret | 1644149 | bilag-1.md\n"
    "bilag: Katalog | 1648938\n"
    "---\n"
    "\n"
    "# Resumé\n"
    "\n"
    "Kort resumé.\n"
    "\n"
    "# Sagsfremstilling\n"
    "\n"
    "Tekst med **fed** og *kursiv*.\n"
    "\n"
    "```tabel\n"
    "fil: tabel-1.csv\n"
    "titel: Antal læger\n"
    "kilde: KRL\n"
    "```\n"
    "\n"
    "# Økonomi\n"
    "\n"
    "-\n";

const char* const kItemB =
    "---\n"
    "nummer: 6\n"
    "status: Fortrolig\n"
    "titel: Et fortroligt punkt\n"
    "sagsbehandler: A\n"
    "sagsnummer: EMN-2023-90006\n"
    "---\n"
    "# Resumé\n"
    "Hemmeligt.\n";

MemoryFiles good_meeting() {
    MemoryFiles f("m");
    f.add("meeting.txt", kMeeting);
    f.add("05-a/item.md", kItemA);
    f.add("05-a/tabel-1.csv", ";2016;2023\nOverlæger;5.442;5.041\n");
    f.add("05-a/bilag-1.md", "## Notat\n\nIndhold.\n");
    f.add("06-b/item.md", kItemB);
    return f;
}

std::string load_errors(const MemoryFiles& f) {
    Diagnostics d;
    load_meeting(f, "m", d);
    CHECK(d.has_errors());  // the meeting may still come back, for computing, never for printing
    return test::messages(d);
}

std::string replace(std::string s, const std::string& from, const std::string& to) {
    const size_t at = s.find(from);
    REQUIRE(at != std::string::npos);
    return s.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("loader: a good meeting") {
    const MemoryFiles f = good_meeting();
    Diagnostics d;
    const auto m = load_meeting(f, "m", d);
    REQUIRE(m);
    CHECK(test::messages(d) == "");
    CHECK(m->organisation == "Danske Regioner");
    CHECK(m->date.year == 2023);
    CHECK(m->date.day == 14);
    REQUIRE(m->items.size() == 2);
    const model::AgendaItem& a = m->items[0];
    CHECK(a.number == 5);
    CHECK(a.case_officer == "Helene Munk Fog");
    CHECK(a.sections.size() == 6);
    CHECK_FALSE(a.sections[0].defaulted);
    CHECK(a.sections[1].defaulted);  // Indstilling is missing
    CHECK(a.sections[3].blocks.size() == 1);  // a lone "-" is the text "-"
    CHECK(a.sections[3].blocks[0].inlines[0].text == "-");
    REQUIRE(a.tables.size() == 1);
    CHECK(a.tables[0].number == 1);
    CHECK(a.tables[0].title == "Antal læger");
    CHECK(a.tables[0].rows[0].cells[1].kind == model::Cell::Kind::Number);
    CHECK(a.tables[0].rows[0].cells[1].text == "5.442");
    REQUIRE(a.attachments.size() == 2);
    CHECK(a.attachments[0].document_id == "1644149");
    CHECK(a.attachments[0].case_number == "EMN-2022-01548");
    CHECK_FALSE(a.attachments[0].content.empty());
    CHECK(a.attachments[1].content.empty());
    CHECK(m->items[1].status == model::Status::Fortrolig);
}

TEST_CASE("loader: an item.md with CRLF line ends, or none at its end, reads as the same text") {
    // The Markdown is given to cmark as the file's own bytes when they are its lines each ended by
    // "\n", and as the lines written out so when they are not: the model is the same either way.
    const auto dump = [](const std::string& item) {
        MemoryFiles f = good_meeting();
        f.add("05-a/item.md", item);
        Diagnostics d;
        const auto m = load_meeting(f, "m", d);
        REQUIRE(m);
        std::string out = test::messages(d);
        for (const model::Section& s : m->items[0].sections)
            for (const model::Block& b : s.blocks) {
                out += std::to_string(static_cast<int>(b.kind)) + " " + std::to_string(b.loc.line) + ":" +
                       std::to_string(b.loc.column) + " [" + b.text + "]";
                for (const model::Inline& i : b.inlines) out += " <" + i.text + ">";
                out += "\n";
            }
        return out;
    };
    const std::string item = std::string(kItemA) + "\n```\nkode  \nlinje\n```\n";
    std::string crlf;
    for (char c : item) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    const std::string lf = dump(item);
    CHECK(lf.find("[kode  \nlinje\n]") != std::string::npos);
    CHECK(dump(crlf) == lf);
    CHECK(dump(item.substr(0, item.size() - 1)) == lf);  // no line end after the last line
}

TEST_CASE("loader: tables are numbered in the order the packet prints them, whatever order item.md writes the sections in") {
    // A probe: "# Økonomi" written before "# Resumé" printed Tabel 2 in the Resumé, before Tabel 1.
    MemoryFiles f = good_meeting();
    std::string item = replace(kItemA, "# Resumé\n\nKort resumé.\n",
                               "# Økonomi\n\n```tabel\nfil: tabel-1.csv\ntitel: Økonomi\n```\n\n"
                               "# Resumé\n\nKort resumé.\n\n```tabel\nfil: tabel-1.csv\ntitel: Resumé\n```\n");
    f.add("05-a/item.md", replace(item, "# Økonomi\n\n-\n", ""));
    f.add("05-a/bilag-1.md", "## Notat\n\n```tabel\nfil: tabel-1.csv\ntitel: Bilagets\n```\n");
    Diagnostics d;
    const auto m = load_meeting(f, "m", d);
    REQUIRE(m);
    CHECK(test::messages(d) == "");
    const model::AgendaItem& a = m->items[0];
    REQUIRE(a.tables.size() == 4);
    std::map<std::string, int> number;
    for (const model::Table& t : a.tables) number[t.title] = t.number;
    CHECK(number["Resumé"] == 1);
    CHECK(number["Antal læger"] == 2);  // Sagsfremstilling
    CHECK(number["Økonomi"] == 3);
    CHECK(number["Bilagets"] == 1);     // an attachment counts anew
}

TEST_CASE("loader: a missing meeting file") {
    MemoryFiles f("m");
    CHECK(load_errors(f) == "m/meeting.txt: error: cannot read the file: no such file\n");
}

TEST_CASE("loader: an item without a number") {
    MemoryFiles f = good_meeting();
    f.add("05-a/item.md", replace(kItemA, "nummer: 5\n", ""));
    CHECK(load_errors(f) == "m/05-a/item.md:1: error: the item header has no \"nummer:\" line\n");
}

TEST_CASE("loader: a misspelt header key is one error, with the key meant, not also a missing line") {
    // A probe wrote "sagsbehandlr:" and got two errors: the header had no "sagsbehandler:" line, and
    // an unknown key with the known ones listed, but not which was meant.
    MemoryFiles f = good_meeting();
    f.add("05-a/item.md", replace(kItemA, "sagsbehandler:", "sagsbehandlr:"));
    const std::string got = load_errors(f);
    CHECK(got.find("error: unknown key \"sagsbehandlr\" in the item header; did you mean \"sagsbehandler\"? (known keys: ") !=
          std::string::npos);
    CHECK(got.find("has no \"sagsbehandler:\" line") == std::string::npos);
    // A key near none is still unknown, and the line it may have meant still missing.
    f.add("05-a/item.md", replace(kItemA, "sagsbehandler:", "ansvarlig:"));
    const std::string other = load_errors(f);
    CHECK(other.find("unknown key \"ansvarlig\" in the item header (known keys: ") != std::string::npos);
    CHECK(other.find("the item header has no \"sagsbehandler:\" line") != std::string::npos);
}

TEST_CASE("loader: a number that is not a number") {
    MemoryFiles f = good_meeting();
    f.add("05-a/item.md", replace(kItemA, "nummer: 5", "nummer: fem"));
    CHECK(load_errors(f) ==
          "m/05-a/item.md:2:9: error: the item number must be a whole number from 1 to 9999, found \"fem\"\n"
          "  nummer: fem\n"
          "          ^\n");
}

TEST_CASE("loader: a duplicate item number names both places") {
    MemoryFiles f = good_meeting();
    f.add("06-b/item.md", replace(kItemB, "nummer: 6", "nummer: 5"));
    CHECK(load_errors(f) == "m/06-b/item.md:2:1: error: item number 5 is used twice: also in m/05-a/item.md:2\n");
}

TEST_CASE("loader: an item numbered below one listed before it is a warning at its punkt line") {
    // A late item given its number but appended at the end would print "8" after "11".
    MemoryFiles f = good_meeting();
    f.add("meeting.txt", replace(kMeeting, "punkt: 05-a\npunkt: 06-b\n", "punkt: 06-b\npunkt: 05-a\n"));
    Diagnostics d;
    const auto meeting = load_meeting(f, "m", d);
    REQUIRE(meeting);
    CHECK_FALSE(d.has_errors());
    CHECK(test::messages(d).find("m/meeting.txt:7:8: warning: item 5 (\"05-a\") is listed after item 6: the agenda prints "
                                 "the items in the order of the \"punkt:\" lines, so 5 would come after 6; move this "
                                 "line up, or correct the item's number\n  punkt: 05-a\n") != std::string::npos);
    // In order, with a gap: nothing to say.
    Diagnostics quiet;
    f = good_meeting();
    f.add("06-b/item.md", replace(kItemB, "nummer: 6", "nummer: 9"));
    load_meeting(f, "m", quiet);
    CHECK(test::messages(quiet).find("is listed after") == std::string::npos);
}

TEST_CASE("loader: an unknown status") {
    MemoryFiles f = good_meeting();
    f.add("06-b/item.md", replace(kItemB, "status: Fortrolig", "status: Hemmelig"));
    CHECK(load_errors(f) ==
          "m/06-b/item.md:3:9: error: unknown status \"Hemmelig\"; use Offentlig, Fortrolig or Lukket\n"
          "  status: Hemmelig\n"
          "          ^\n");
}

TEST_CASE("loader: an unknown section") {
    MemoryFiles f = good_meeting();
    f.add("06-b/item.md", replace(kItemB, "# Resumé", "# Baggrund"));
    CHECK(load_errors(f) ==
          "m/06-b/item.md:8:1: error: unknown section \"Baggrund\"; the sections are: Resumé, Indstilling, "
          "Sagsfremstilling, Økonomi, Sekretariatets bemærkninger, Kommunikation\n"
          "  # Baggrund\n"
          "  ^\n");
}

TEST_CASE("loader: a section's heading written as a sub-heading, a bold line or without its space is an error") {
    // Regression (section-lookalike): "## Økonomi" put its text under the section before it,
    // and the packet printed "Økonomi: Ingen bemærkninger" above it, with a clean check.
    for (const std::string line : {"## Økonomi", "#Økonomi", "**Økonomi**", "Økonomi:", "### oekonomi"}) {
        MemoryFiles f = good_meeting();
        f.add("06-b/item.md", std::string(kItemB) + "\n" + line + "\n\nDet koster 5 mio. kr.\n");
        CHECK(load_errors(f) == "m/06-b/item.md:11:1: error: this line names the section \"Økonomi\" but is not its heading: the "
                                "text after it goes under the section before it, and the packet prints \"Økonomi\" as empty; "
                                "write \"# Økonomi\" on a line of its own\n  " + line + "\n  ^\n");
    }
    // Where the section is written as one, a sub-heading of its name is the writer's choice.
    MemoryFiles f = good_meeting();
    f.add("06-b/item.md", std::string(kItemB) + "\n## Økonomi\n\nTekst.\n\n# Økonomi\n\nDet koster 5 mio. kr.\n");
    Diagnostics d;
    CHECK(load_meeting(f, "m", d));
    CHECK(test::messages(d) == "");
}

TEST_CASE("loader: a table referring to a missing file") {
    MemoryFiles f = good_meeting();
    f.add("05-a/item.md", replace(kItemA, "fil: tabel-1.csv", "fil: tabel-9.csv"));
    CHECK(load_errors(f) ==
          "m/05-a/item.md:20:6: error: cannot read the table's CSV file \"tabel-9.csv\" (m/05-a/tabel-9.csv): no such file\n"
          "  fil: tabel-9.csv\n"
          "       ^\n");
}

TEST_CASE("loader: a malformed CSV row is reported in the CSV file with line and column") {
    MemoryFiles f = good_meeting();
    f.add("05-a/tabel-1.csv", ";2016;2023\nOverlæger;5.442\n");
    CHECK(load_errors(f) ==
          "m/05-a/tabel-1.csv:2:11: error: this row has 2 fields, the header has 3 (fields are separated by \";\")\n"
          "  Overlæger;5.442\n"
          "            ^\n");
}

TEST_CASE("loader: an item folder meeting.txt does not list is warned about; a shared folder is not an item") {
    MemoryFiles f = good_meeting();
    f.add("07-glemt/item.md", kItemB);
    f.add("faelles/item.md", "not an item\n");
    f.add("meeting.txt", std::string(kMeeting) + "delt: faelles/\n");
    Diagnostics d;
    REQUIRE(load_meeting(f, "m", d));
    CHECK(test::messages(d) ==
          "m/meeting.txt:7:1: warning: the folder \"07-glemt\" holds an item.md, but meeting.txt does not list it, so "
          "it is left out of the packet; add \"punkt: 07-glemt\" to include it\n"
          "  punkt: 06-b\n  ^\n");
}

TEST_CASE("loader: an item folder written with \"./\" or \"/.\" is the same folder, the same item from version to version") {
    // A probe: "punkt: ./06-b" was taken for another item than "06-b", so a public version that
    // showed it stayed published when it was made confidential, and "06-b" was called unlisted.
    for (const char* written : {"punkt: ./06-b", "punkt: 06-b/.", "punkt: ./06-b/"}) {
        MemoryFiles f = good_meeting();
        f.add("meeting.txt", replace(kMeeting, "punkt: 06-b", written));
        Diagnostics d;
        const auto m = load_meeting(f, "m", d);
        REQUIRE(m);
        CHECK_MESSAGE(test::messages(d) == "", written);
        CHECK_MESSAGE(m->items.back().folder == "06-b", written);
    }
}

TEST_CASE("loader: a listed item folder that does not exist") {
    MemoryFiles f = good_meeting();
    f.add("meeting.txt", replace(kMeeting, "punkt: 06-b", "punkt: 07-c"));
    // In file order: the warning points at the start of the line, the error at its value.
    CHECK(load_errors(f) ==
          "m/meeting.txt:7:1: warning: the folder \"06-b\" holds an item.md, but meeting.txt does not list it, so it is "
          "left out of the packet; add \"punkt: 06-b\" to include it\n"
          "  punkt: 07-c\n  ^\n"
          "m/meeting.txt:7:8: error: there is no item folder \"07-c\" (m/07-c)\n  punkt: 07-c\n         ^\n");
}

TEST_CASE("loader: paths may not leave the meeting folder") {
    MemoryFiles f = good_meeting();
    f.add("meeting.txt", replace(kMeeting, "punkt: 06-b", "punkt: ../andet-moede/06-b"));
    CHECK(load_errors(f).find("m/meeting.txt:7:8: error: cannot use the item folder \"../andet-moede/06-b\": the path "
                              "leaves the meeting folder") != std::string::npos);
    // One that comes back in is refused too, but not said to leave (a probe found that misleading).
    MemoryFiles back = good_meeting();
    back.add("meeting.txt", replace(kMeeting, "punkt: 06-b", "punkt: ./06-b/../06-b"));
    CHECK(load_errors(back).find("the path goes up a folder (\"..\"); name the file from the meeting folder down, "
                                 "without \"..\"") != std::string::npos);
    MemoryFiles g = good_meeting();
    g.add("05-a/item.md", replace(kItemA, "fil: tabel-1.csv", "fil: /etc/passwd"));
    CHECK(load_errors(g).find("the path is absolute") != std::string::npos);
}

TEST_CASE("loader: a missing meeting key and a bad date are both reported") {
    MemoryFiles f = good_meeting();
    f.add("meeting.txt", replace(replace(kMeeting, "organ: Bestyrelsen\n", ""), "2023-09-14", "14-09-2023"));
    CHECK(load_errors(f) ==
          "m/meeting.txt:1: error: meeting.txt has no \"organ:\" line\n"
          "m/meeting.txt:2:7: error: the date must be written YYYY-MM-DD, e.g. 2023-09-14, and exist; found \"14-09-2023\"\n"
          "  dato: 14-09-2023\n"
          "        ^\n");
}

TEST_CASE("loader: an item without its header") {
    MemoryFiles f = good_meeting();
    f.add("06-b/item.md", "# Resumé\nTekst\n");
    CHECK(load_errors(f) ==
          "m/06-b/item.md:1:1: error: item.md must start with a header between two \"---\" lines (nummer, status, "
          "titel, ...)\n  # Resumé\n  ^\n");
}

TEST_CASE("loader: a Markdown pipe table is refused with a pointer to tabel blocks") {
    MemoryFiles f = good_meeting();
    f.add("06-b/item.md", std::string(kItemB) + "\n| a | b |\n|---|---|\n| 1 | 2 |\n");
    CHECK(load_errors(f).find("m/06-b/item.md:11:1: error: Markdown tables are not supported") == 0);
}

TEST_CASE("loader: a number written the English way is reported at its cell") {
    MemoryFiles f = good_meeting();
    f.add("05-a/tabel-1.csv", ";2016;2023\nOverlæger;5.442;2.5\n");
    CHECK(load_errors(f) ==
          "m/05-a/tabel-1.csv:2:17: error: \"2.5\" is not a Danish number: \".\" groups thousands in Danish numbers; write "
          "decimals with \",\" (2,5)\n"
          "  Overlæger;5.442;2.5\n"
          "                  ^\n");
    // A date is not mistaken for one.
    MemoryFiles g = good_meeting();
    g.add("05-a/tabel-1.csv", ";2016;Dato\nOverlæger;5.442;01.01.23\n");
    Diagnostics d;
    CHECK(input::load_meeting(g, "m", d));
}

TEST_CASE("loader: accounting negatives, spreadsheet error values and scientific notation are errors at their cells") {
    // Regression (foreign-figures): a column of "(400)" was no column of numbers, so its sum row
    // cell stayed empty without a word; "#DIV/0!" and "1,2E+06" printed in the packet as figures.
    const auto errors = [](const std::string& cell) {
        MemoryFiles f = good_meeting();
        f.add("05-a/tabel-1.csv", ";2016;2023\nOverlæger;5.442;" + cell + "\n");
        return load_errors(f);
    };
    CHECK(errors("(400)").find("m/05-a/tabel-1.csv:2:17: error: \"(400)\" is a negative number written in parentheses, as "
                               "accounts write it; write it \"-400\"") == 0);
    CHECK(errors("(1.234,5)").find("write it \"-1.234,5\"") != std::string::npos);
    // With the unit Excel's accounting format writes after it, and with the "÷" Danish accounts
    // write for minus (regression divide-minus: a column of "÷ 1.234" and "(1.234) kr." was no
    // column of numbers, so its sum row cell stayed empty without a word).
    CHECK(errors("(1.234) kr.").find("m/05-a/tabel-1.csv:2:17: error: \"(1.234) kr.\" is a negative number written in "
                                     "parentheses, as accounts write it; write it \"-1.234 kr.\"") == 0);
    CHECK(errors("(12,5) %").find("write it \"-12,5 %\"") != std::string::npos);
    CHECK(errors("÷ 1.234").find("m/05-a/tabel-1.csv:2:17: error: \"÷ 1.234\" is a negative number written with \"÷\" for "
                                 "minus, as accounts write it; write it \"-1.234\"") == 0);
    CHECK(errors("÷400 kr.").find("write it \"-400 kr.\"") != std::string::npos);
    // A currency format with the unit first (regression unit-first: a column of "kr. 1.250,00"
    // was text, and its sum row cell stayed empty).
    CHECK(errors("kr. 1.250,00").find("m/05-a/tabel-1.csv:2:17: error: \"kr. 1.250,00\" has its currency before the "
                                      "number, which a cell is not read with; write it \"1.250,00 kr.\"") == 0);
    CHECK(errors("DKK -400").find("write it \"-400 kr.\"") != std::string::npos);
    CHECK(errors("1.234-").find("\"1.234-\" is a negative number with its minus after it; write it \"-1.234\"") !=
          std::string::npos);
    for (const char* value : {"#DIV/0!", "#N/A", "#VÆRDI!", "#REF!", "#NAVN?", "#I/T"})
        CHECK(errors(value).find("is an error value from the spreadsheet, not a figure") != std::string::npos);
    CHECK(errors("#####").find("a number too wide for its column") != std::string::npos);
    CHECK(errors("1,2E+06").find("\"1,2E+06\" is a number in scientific notation") != std::string::npos);
    CHECK(errors("3.5e-3").find("scientific notation") != std::string::npos);
    // English grouping (regression english-grouped: "1,234,567" and "1,234.56" printed as text,
    // and "2,000" beside them read as 2).
    CHECK(errors("1,234,567").find("\"1,234,567\" is written the English way, with \",\" grouping thousands; write it "
                                   "the Danish way, \"1.234.567\"") != std::string::npos);
    CHECK(errors("1,234.56").find("write it the Danish way, \"1.234,56\"") != std::string::npos);
    {
        MemoryFiles f = good_meeting();
        f.add("05-a/tabel-1.csv", ";2016;2023\nOverlæger;1,234.56;1\nAndre;2,000;2\n");
        CHECK(load_errors(f).find("m/05-a/tabel-1.csv:3:7: error: \"2,000\" could be a whole number written the English "
                                  "way, as \"1,234.56\" at m/05-a/tabel-1.csv:2:11 in the same column is") != std::string::npos);
    }
    // With a unit after the number (regression english-grouped-unit: "1,234.56 kr." was text
    // without an error, and "2,000 kr." beside it read as 2 kr.).
    CHECK(errors("1,234.56 kr.").find("\"1,234.56 kr.\" is written the English way, with \",\" grouping thousands; write "
                                      "it the Danish way, \"1.234,56 kr.\"") != std::string::npos);
    CHECK(errors("1,234,567 %").find("write it the Danish way, \"1.234.567 %\"") != std::string::npos);
    {
        MemoryFiles f = good_meeting();
        f.add("05-a/tabel-1.csv", ";2016;2023\nOverlæger;1,234.56 kr.;1\nAndre;2,000 kr.;2\n");
        CHECK(load_errors(f).find("m/05-a/tabel-1.csv:3:7: error: \"2,000 kr.\" could be a whole number written the "
                                  "English way, as \"1,234.56 kr.\" at m/05-a/tabel-1.csv:2:11 in the same column is") !=
              std::string::npos);
    }
    // Words that only look alike are text, as before.
    for (const char* text : {"(note)", "Se note", "#1 prioritet", "E-vej", "Udgift (ny)", "-", "1,2,3", "12,5", "2023-", "÷ note",
                             "(ny) kr.", "kr. pr. år", "DKK-konto"}) {
        MemoryFiles f = good_meeting();
        f.add("05-a/tabel-1.csv", std::string(";2016;Note\nOverlæger;5.442;") + text + "\n");
        Diagnostics d;
        CHECK(input::load_meeting(f, "m", d));
        CHECK(!d.has_errors());
    }
}

TEST_CASE("loader: a bare number in a column of shares is an error, and fractions under a per-cent heading a warning") {
    // Regression (bare-among-shares): "0,125" beside "12,5%" printed as "0,125 pct.", and a column
    // headed "%" holding 0,75 printed its bars as "0,75 %".
    MemoryFiles f = good_meeting();
    f.add("05-a/tabel-1.csv", "Region;Andel\nHovedstaden;12,5%\nSjælland;0,125\nSyd;13 %\n");
    CHECK(load_errors(f).find("m/05-a/tabel-1.csv:3:10: error: \"0,125\" has no per-cent sign, but the column's other "
                              "figures are percentages (such as \"12,5 %\" at m/05-a/tabel-1.csv:2:13)") == 0);
    const auto loaded = [](const std::string& csv, std::string* messages) {
        MemoryFiles g = good_meeting();
        g.add("05-a/tabel-1.csv", csv);
        Diagnostics d;
        const bool ok = input::load_meeting(g, "m", d).has_value() && !d.has_errors();
        *messages = test::messages(d);
        return ok;
    };
    std::string messages;
    CHECK(loaded("Region;Antal;%\nHovedstaden;200;0,75\nSjælland;100;0,8\n", &messages));
    CHECK(messages.find("warning: the column \"%\" is headed in per cent, but all its figures are between 0 and 1 "
                        "(such as \"0,75\")") != std::string::npos);
    // A table whose rows are measures holds shares and counts in each column; per cent as
    // written, or 0 and 100, are no fractions.
    CHECK(loaded("Nøgletal;2023;2024\nAndel overholdt;73 %;75 %\nAntal forløb;100;120\n", &messages));
    CHECK(messages == "");
    CHECK(loaded("Region;Andel (%)\nNord;75\nSyd;80\n", &messages));
    CHECK(messages == "");
    CHECK(loaded("Region;Andel (%)\nNord;0\nSyd;1\n", &messages));
    CHECK(messages == "");
    // Regression (probe39): a column of shares written as fractions, quoted in the text as per
    // cent, printed "0,72 %" without a word.
    CHECK(loaded("Region;Andel\nNord;0,72\nSyd;0,65\n", &messages));
    CHECK(messages.find("m/05-a/tabel-1.csv:2:6: warning: the column \"Andel\" holds shares, but all its figures are "
                        "between 0 and 1 (such as \"0,72\")") != std::string::npos);
    CHECK(loaded("Region;Andel af udgifter\nNord;12\nSyd;0,5\n", &messages));
    CHECK(messages == "");
    // Regression (hunt-3): a table whose rows are measures (item 9's layout) was judged along no
    // line: "73" among "72,5 %", fractions in a row labelled in per cent, and "1,250" patients
    // among whole numbers printed in silence. Its rows are now judged by their labels.
    const std::string measures = "Nøgletal;2022;2023;2024\nAntal patienter;980;1,250;1.100\nGns. ventetid (dage);45,5;44,2;43,1\n"
                                 "Kræftpakker inden for tid (pct.);0,75;0,76;0,77\n";
    CHECK(loaded(measures, &messages));
    CHECK(messages.find("m/05-a/tabel-1.csv:2:21: warning: \"1,250\" has three decimals in a row whose other figures are "
                        "whole numbers") != std::string::npos);
    CHECK(messages.find("m/05-a/tabel-1.csv:4:34: warning: the row \"Kræftpakker inden for tid (pct.)\" is labelled in per "
                        "cent, but all its figures are between 0 and 1 (such as \"0,75\")") != std::string::npos);
    CHECK(load_errors([] {
              MemoryFiles g = good_meeting();
              g.add("05-a/tabel-1.csv", "Nøgletal;2022;2023;2024\nAndel overholdt (pct.);72,5 %;73;74,1 %\n");
              return g;
          }()).find("m/05-a/tabel-1.csv:2:31: error: \"73\" has no per-cent sign, but the row's other figures are "
                    "percentages (such as \"72,5 %\" at m/05-a/tabel-1.csv:2:24)") == 0);
    // Where a column's heading says what its figures are, a row's label speaks of its subject.
    CHECK(loaded("Status;Antal;Andel\nUdredt inden for 30 dage;600;60 %\nAndel med kræft;50;5 %\n", &messages));
    CHECK(messages == "");
}

TEST_CASE("loader: a row of figures without a label right under the header is a warning: a second header line") {
    // Regression (two-line-header): a pivot table's second header line (";2023;2024") was read
    // as a row of figures without a label, which a chart drew as bars 2023 and 2024 high.
    const auto messages = [](const std::string& csv) {
        MemoryFiles f = good_meeting();
        f.add("05-a/tabel-1.csv", csv);
        Diagnostics d;
        CHECK(input::load_meeting(f, "m", d));
        return test::messages(d);
    };
    CHECK(messages(";Budget;Regnskab\n;2023;2023\nLøn;100;105\n")
              .find("m/05-a/tabel-1.csv:2:1: warning: this row has figures but no label, right under the header: if it is "
                    "a second header line") == 0);
    // Lower down it is a merged label cell Excel left empty; an empty row is a gap between groups.
    CHECK(messages(";2016;2023\nLøn;100;105\n;5;6\n") == "");
    CHECK(messages(";2016;2023\nLøn;100;105\n;;\nDrift;5;6\n") == "");
    // With a label (regression labelled-second-header: "Post;2023;2024" under ";Budget;Budget"
    // was a row of figures printed "2.023" and "2.024", amounts in the table's unit).
    CHECK(messages(";Budget;Budget;Regnskab\nPost;2023;2024;2023\nLøn;1.000;2.000;3.000\n")
              .find("m/05-a/tabel-1.csv:2:1: warning: the row \"Post\" right under the header holds only years, such as "
                    "\"2023\": if it is a second header line") == 0);
    // Years among other figures, one year, or years lower down are figures as before.
    CHECK(messages(";A;B\nLøn;2023;100\nDrift;5;6\n") == "");
    CHECK(messages(";A;B\nÅbnet;2023;\nDrift;5;6\n") == "");
    CHECK(messages(";A;B\nLøn;100;105\nÅbnet;2019;2020\n") == "");
    CHECK(messages("Projekt;Start;Slut\nA;2019;2023\nB;2020;2024\n") == "");
}

// Issue 8, section 1: an item reads only its own files and declared shared files.
TEST_CASE("loader: an item may not read another item's file by \"..\"") {
    MemoryFiles f = good_meeting();
    f.add("06-b/hemmelig.csv", ";2016\nHemmeligt;1\n");
    f.add("05-a/item.md", replace(kItemA, "fil: tabel-1.csv", "fil: ../06-b/hemmelig.csv"));
    CHECK(load_errors(f) ==
          "m/05-a/item.md:20:6: error: cannot read the table's CSV file \"../06-b/hemmelig.csv\" (m/06-b/hemmelig.csv): "
          "the file leads into the item folder \"06-b\" (m/meeting.txt:7); item \"05-a\" may read only files in its own "
          "folder and shared files\n"
          "  fil: ../06-b/hemmelig.csv\n"
          "       ^\n");
    MemoryFiles g = good_meeting();
    g.add("05-a/item.md", replace(kItemA, "bilag-1.md", "../06-b/item.md"));
    CHECK(load_errors(g).find("m/05-a/item.md:7:8: error: cannot read the attachment file \"../06-b/item.md\" "
                              "(m/06-b/item.md): the file leads into the item folder \"06-b\"") == 0);
}

TEST_CASE("loader: a file outside the item's folder must be declared shared") {
    MemoryFiles f = good_meeting();
    f.add("faelles/tal.csv", ";2016;2023\nOverlæger;5.442;5.041\n");
    f.add("05-a/item.md", replace(kItemA, "fil: tabel-1.csv", "fil: ../faelles/tal.csv"));
    CHECK(load_errors(f).find("m/05-a/item.md:20:6: error: cannot read the table's CSV file \"../faelles/tal.csv\" "
                              "(m/faelles/tal.csv): the file leads outside the item folder \"05-a\"; a file that several "
                              "items use must be declared with a \"delt:\" line in meeting.txt") == 0);
    f.add("meeting.txt", std::string(kMeeting) + "delt: faelles/\n");
    Diagnostics d;
    const auto m = load_meeting(f, "m", d);
    REQUIRE(m);
    CHECK(m->items[0].tables[0].rows[0].cells[2].text == "5.041");
}

TEST_CASE("loader: item folders may not be nested, nor be the meeting folder") {
    MemoryFiles f = good_meeting();
    f.add("05-a/06-b/item.md", kItemB);
    f.add("meeting.txt", replace(kMeeting, "punkt: 06-b", "punkt: 05-a/06-b"));
    CHECK(load_errors(f) ==
          "m/meeting.txt:7:1: warning: the folder \"06-b\" holds an item.md, but meeting.txt does not list it, so it is "
          "left out of the packet; add \"punkt: 06-b\" to include it\n"
          "  punkt: 05-a/06-b\n  ^\n"
          "m/meeting.txt:7:8: error: the item folder \"05-a/06-b\" lies inside the item folder \"05-a\" (m/meeting.txt:6); "
          "item folders may not be nested, or one item could read the other's files\n"
          "  punkt: 05-a/06-b\n"
          "         ^\n");
    MemoryFiles g = good_meeting();
    g.add("item.md", kItemB);
    g.add("meeting.txt", replace(kMeeting, "punkt: 06-b", "punkt: ."));
    CHECK(load_errors(g) ==
          "m/meeting.txt:7:1: warning: the folder \"06-b\" holds an item.md, but meeting.txt does not list it, so it is "
          "left out of the packet; add \"punkt: 06-b\" to include it\n"
          "  punkt: .\n  ^\n"
          "m/meeting.txt:7:8: error: the item folder \".\" is the meeting folder itself, which holds the item folder "
          "\"05-a\" (m/meeting.txt:6); give each item a folder of its own\n"
          "  punkt: .\n"
          "         ^\n");
}

TEST_CASE("loader: a shared location may not hold or lie in an item's folder") {
    MemoryFiles f = good_meeting();
    f.add("meeting.txt", std::string(kMeeting) + "delt: 06-b\n");
    CHECK(load_errors(f).find("m/meeting.txt:7:8: error: the item folder \"06-b\" is the same folder as the shared "
                              "location \"06-b\" (m/meeting.txt:8); an item's files cannot be shared") == 0);
}

TEST_CASE("loader: a right-to-left override in echoed input is shown escaped") {
    MemoryFiles f = good_meeting();
    f.add("06-b/item.md", replace(kItemB, "status: Fortrolig", "status: Fort\xE2\x80\xAEgilor"));
    CHECK(load_errors(f) ==
          "m/06-b/item.md:3:9: error: unknown status \"Fort<U+202E>gilor\"; use Offentlig, Fortrolig or Lukket\n"
          "  status: Fort<U+202E>gilor\n"
          "          ^\n");
}

TEST_CASE("loader: a hard link into another item's folder is refused, naming both items") {
    MemoryFiles f = good_meeting();
    f.add("06-b/hemmelig.csv", ";2023\nHemmeligt;1\n");
    f.add_hard_link("06-b/hemmelig.csv", "05-a/tabel-1.csv");
    CHECK(load_errors(f) ==
          "m/05-a/item.md:20:6: error: cannot read the table's CSV file \"tabel-1.csv\" (m/05-a/tabel-1.csv): the "
          "file is a hard link to \"m/06-b/hemmelig.csv\" in the item folder \"06-b\" (m/meeting.txt:7); item "
          "\"05-a\" may read only files in its own folder and shared files\n"
          "  fil: tabel-1.csv\n"
          "       ^\n");
}

TEST_CASE("loader: another item's file shown in an item's folder by a bind mount is refused, naming both items") {
    // Regression (probe): one name (st_nlink 1), a path inside the public item's folder, and yet
    // the confidential item's CSV, printed in the public edition.
    MemoryFiles f = good_meeting();
    f.add("06-b/hemmelig.csv", ";2023\nHemmeligt;1\n");
    f.add_bind_mount("06-b/hemmelig.csv", "05-a/tabel-1.csv");
    CHECK(load_errors(f) ==
          "m/05-a/item.md:20:6: error: cannot read the table's CSV file \"tabel-1.csv\" (m/05-a/tabel-1.csv): the "
          "file is also \"m/06-b/hemmelig.csv\" in the item folder \"06-b\" (m/meeting.txt:7) (the same file on disk, "
          "shown at two places by a bind mount); item \"05-a\" may read only files in its own folder and shared files\n"
          "  fil: tabel-1.csv\n"
          "       ^\n");
    // Shown outside every item folder, it is the item's own file still.
    MemoryFiles outside = good_meeting();
    outside.add_bind_mount("05-a/tabel-1.csv", "arkiv/tabel-1.csv");
    Diagnostics d;
    CHECK(load_meeting(outside, "m", d));
    CHECK(test::messages(d) == "");
}

TEST_CASE("loader: a hard link whose other name is outside every item folder is the item's own file") {
    MemoryFiles f = good_meeting();
    f.add_hard_link("05-a/tabel-1.csv", "arkiv/tabel-1.csv");
    Diagnostics d;
    CHECK(load_meeting(f, "m", d));
    CHECK(test::messages(d) == "");
}

TEST_CASE("loader: a control character in an input file is refused at its line and column") {
    for (const char* c : {"\x1b", "\x0b", "\x7f", "\xc2\x85", "\x01"}) {
        Diagnostics d;
        CHECK_FALSE(make_text_file("item.md", "item.md", std::string("---\nnummer: 1\n---\n\nTekst ") + c + "[31m.\n", d));
        const std::string m = test::messages(d);
        CHECK_MESSAGE(m.find("item.md:5:7: error: the text holds the control character U+") == 0, m);
    }
    Diagnostics d;
    CHECK(make_text_file("t.csv", "t.csv", "a;b\r\n1\t;2\r\n", d));  // tab and CRLF are text
}

TEST_CASE("loader: a text file moved or copied keeps its lines, short or long, with or without a byte order mark") {
    // A file's lines point into its text; the text is taken over, not copied, when the file is
    // made and handed on, and a text short enough to live inside the string moves its bytes.
    for (const std::string& text : {std::string("a\nb\n"), std::string("\xEF\xBB\xBFx;y\r\n1;2\r\n"),
                                    std::string(40, 'l') + "\n" + std::string(50, 'm') + "\n"}) {
        Diagnostics d;
        auto made = make_text_file("t.csv", "t.csv", text, d);
        REQUIRE(made);
        CHECK(made->content == std::string(boardpack::strip_bom(text)));
        TextFile moved = std::move(*made);
        TextFile assigned;
        assigned = std::move(moved);
        const TextFile copied = assigned;
        for (const TextFile* f : std::initializer_list<const TextFile*>{&assigned, &copied}) {
            REQUIRE(f->lines.size() == 2);
            for (const boardpack::Line& l : f->lines) {
                CHECK(l.text.data() >= f->content.data());
                CHECK(l.text.data() + l.text.size() <= f->content.data() + f->content.size());
            }
            CHECK(f->line_text(2) == std::string(boardpack::split_lines(f->content)[1].text));
        }
    }
}

TEST_CASE("loader: a file that is not UTF-8, or holds a control character, is echoed with a caret under the byte") {
    // A probe: a Windows-1252 meeting.txt or item.md gave its line and column, but not the line
    // with a caret, which every other input error has.
    Diagnostics d;
    CHECK_FALSE(make_text_file("meeting.txt", "meeting.txt", "titel: Bestyrelse\nsted: M\xF8" "delokale 2\n", d));
    CHECK(test::messages(d) == "meeting.txt:2:8: error: the file is not valid UTF-8 (byte 0xF8); it looks like Windows-1252 "
                               "(\"ANSI\"): save it as UTF-8\n  sted: M\xEF\xBF\xBD" "delokale 2\n         ^\n");
    Diagnostics c;
    CHECK_FALSE(make_text_file("item.md", "item.md", "Se også\x01 dette.\n", c));
    CHECK(test::messages(c).find("item.md:1:8: error: the text holds the control character U+0001") == 0);
    CHECK(test::messages(c).find("\n         ^\n") != std::string::npos);
}

TEST_CASE("loader: a UTF-16 or UTF-32 file is named so, and a binary file's NUL byte has its column") {
    // Regression (utf16-csv): a CSV saved as Excel's "Unicode-tekst" was "a binary file" at a
    // line without a column.
    Diagnostics d;
    std::string utf16 = "\xFF\xFE";
    for (char ch : std::string("Post;2023\r\nL;1\r\n")) utf16 += std::string{ch, '\0'};
    CHECK_FALSE(make_text_file("t.csv", "t.csv", utf16, d));
    CHECK(test::messages(d).find("t.csv:1:1: error: the file is UTF-16 text (\"Unicode\", as Excel's \"Unicode-tekst\" "
                                 "saves it), not UTF-8") == 0);
    // Regression (prober): a UTF-32 file with its byte order mark was "UTF-16 text", its
    // little-endian mark beginning with UTF-16's.
    for (const std::string bom : {std::string("\xFF\xFE\0\0", 4), std::string("\0\0\xFE\xFF", 4)}) {
        std::string utf32 = bom;
        for (char ch : std::string("Post;2023\r\n"))
            utf32 += bom[0] == '\0' ? std::string{'\0', '\0', '\0', ch} : std::string{ch, '\0', '\0', '\0'};
        Diagnostics u;
        CHECK_FALSE(make_text_file("t.csv", "t.csv", utf32, u));
        CHECK(test::messages(u).find("t.csv:1:1: error: the file is UTF-32 text, not UTF-8; save it as UTF-8") == 0);
    }
    Diagnostics b;
    CHECK_FALSE(make_text_file("t.csv", "t.csv", std::string("Post;2023\nL;1\0x\n", 17), b));
    CHECK(test::messages(b).find("t.csv:2:4: error: this is a binary file, not text") == 0);
}

namespace {

// What a build reads of a meeting's PDF attachments, and every message, computed with the
// attachments given to the meeting before computing (as load_meeting does alone) or after
// (as the build does, computing while the reader reads); with `started_first`, their reading
// started before the meeting is read (as the build does, before it takes its lock).
std::string loaded_and_computed(const std::filesystem::path& dir, bool attachments_after, bool started_first = false) {
    Diagnostics d;
    DiskFiles files(dir);
    input::UnfinishedAttachments unfinished;
    if (started_first) {
        pipeline::start_reading_attachments(files, unfinished);
        CHECK(unfinished.pdfs);
    }
    auto meeting = load_meeting(files, dir.filename().string(), d, attachments_after ? &unfinished : nullptr);
    if (!meeting) return "no meeting: " + test::messages(d);
    if (attachments_after) CHECK(unfinished.pdfs);
    pipeline::compute(*meeting, test::wording(), d);
    if (attachments_after) {
        pipeline::finish_attachments(*meeting, unfinished, files, d);
        CHECK_FALSE(unfinished.pdfs);
    }
    std::string out = test::messages(d);
    for (const model::AgendaItem& item : meeting->items)
        for (const model::Attachment& a : item.attachments)
            out += std::to_string(item.number) + " " + a.title + ": " + std::to_string(a.pdf_pages) + " pages, " +
                   (a.pdf ? std::to_string(a.pdf->size()) + " bytes, " + a.pdf_fingerprint : std::string("no PDF")) + "\n";
    return out;
}

}  // namespace

TEST_CASE("meeting loader: the PDF attachments given after computing the tables, as the build does, change nothing") {
    const std::filesystem::path example = std::filesystem::path(BOARDPACK_SOURCE_DIR) / "inputs/2023-09-bestyrelsen";
    const std::string before = loaded_and_computed(example, false);
    CHECK(before.find(" pages, ") != std::string::npos);
    CHECK(loaded_and_computed(example, true) == before);
    CHECK(loaded_and_computed(example, true, true) == before);

    // A damaged attachment: its error, among the tables' messages, the same either way.
    const test::TempDir dir;
    const std::filesystem::path copy = dir.path / "2023-09-bestyrelsen";
    std::filesystem::copy(example, copy, std::filesystem::copy_options::recursive);
    const std::filesystem::path pdf = copy / "21-hoeringssvar/bilag-1.pdf";
    const std::string bytes = test::file_bytes(pdf.string());
    std::ofstream(pdf, std::ios::binary | std::ios::trunc) << bytes.substr(0, bytes.size() / 3);
    const std::string damaged = loaded_and_computed(copy, false);
    CHECK(damaged.find("error: cannot use the attachment file") != std::string::npos);
    CHECK(loaded_and_computed(copy, true) == damaged);
    CHECK(loaded_and_computed(copy, true, true) == damaged);
}

TEST_CASE("loader: the header repeated lower down is an error at its row, not a row of figures") {
    // Regression (probe: a table copied from a PDF's two pages repeated "Post;2023;2024", which
    // printed as a row "2.023 2.024" and added 4.047 to the totals without a word).
    MemoryFiles f = good_meeting();
    f.add("05-a/tabel-1.csv", "Post;2023;2024\nLøn;1.250;1.300\nDrift;500;600\nPost;2023;2024\nHusleje;700;800\n");
    CHECK(load_errors(f).find("m/05-a/tabel-1.csv:4:1: error: this row repeats the header") == 0);
    // A row that only shares some of the header's words is data.
    MemoryFiles g = good_meeting();
    g.add("05-a/tabel-1.csv", "Post;2023;2024\nLøn;2023;2024\nDrift;500;600\n");
    Diagnostics d;
    load_meeting(g, "m", d);
    CHECK(test::messages(d).find("repeats the header") == std::string::npos);
}

TEST_CASE("loader: Excel's empty columns at the right and empty rows at the end are no part of the table") {
    // Regression (excel-edges): ";;" after each row and a ";;;" line at the end printed as
    // columns without a heading (an empty <th>) and a gap under the last row.
    MemoryFiles f = good_meeting();
    f.add("05-a/tabel-1.csv", ";2016;2023;;\r\nOverlæger;5.442;5.041;;\r\nAfdelingslæger;1.909;2.820;;\r\n;;;;\r\n;;;;\r\n");
    Diagnostics d;
    const auto m = load_meeting(f, "m", d);
    REQUIRE(m);
    CHECK(test::messages(d) == "");
    const model::Table& t = m->items[0].tables.at(0);
    CHECK(t.header == std::vector<std::string>{"", "2016", "2023"});
    CHECK(t.rows.size() == 2);
    for (const model::TableRow& r : t.rows) CHECK(r.cells.size() == 3);
    // An empty row between rows stays: it is a spacer between groups.
    MemoryFiles g = good_meeting();
    g.add("05-a/tabel-1.csv", ";2016;2023\nOverlæger;5.442;5.041\n;;\nAfdelingslæger;1.909;2.820\n");
    Diagnostics e;
    const auto n = load_meeting(g, "m", e);
    REQUIRE(n);
    CHECK(n->items[0].tables.at(0).rows.size() == 3);
}

TEST_CASE("loader: a heading or label Excel wrapped over two lines is read as one line") {
    // Regression (wrapped-heading): "Samlet antal<newline>speciallæger" was quoted with its line
    // break in messages and suggestions that could not be pasted, and broke the table's note.
    MemoryFiles f = good_meeting();
    f.add("05-a/tabel-1.csv", ";\"Dec.\n2016\";\"April\r\n 2023\"\n\"Samlet antal\nspeciallæger\";8.388;9.357\n");
    Diagnostics d;
    const auto m = load_meeting(f, "m", d);
    REQUIRE(m);
    const model::Table& t = m->items[0].tables.at(0);
    CHECK(t.header == std::vector<std::string>{"", "Dec. 2016", "April 2023"});
    CHECK(t.rows.at(0).cells.at(0).text == "Samlet antal speciallæger");
}

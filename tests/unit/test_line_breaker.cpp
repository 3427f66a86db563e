#include <doctest/doctest.h>

#include <array>
#include <string_view>

#include "counting_metrics.hpp"

#include "core/text.hpp"
#include "render/pdf/address_breaks.hpp"
#include "render/pdf/line_breaker.hpp"
#include "render/pdf/non_breaking.hpp"

using namespace boardpack::render::pdf;

// Lines and pieces shown as they are when a check fails.
template <>
struct doctest::StringMaker<std::vector<std::string>> {
    static doctest::String convert(const std::vector<std::string>& v) {
        std::string s = "{";
        for (const std::string& x : v) s += "\"" + x + "\" ";
        return (s + "}").c_str();
    }
};

namespace {

// With FixedMetrics at size 10 every character is 5 pt wide (bold 5,5 pt).
std::vector<std::string> lines_of(const std::vector<Span>& spans, double width) {
    FixedMetrics m;
    std::vector<std::string> out;
    for (const LaidLine& l : break_lines(spans, width, 10, m)) {
        std::string s;
        for (const Fragment& f : l.fragments) s += f.text;
        out.push_back(s);
    }
    return out;
}

std::vector<Span> text(const std::string& s) { return {Span{s, FontStyle::Regular, {}, "", false, ""}}; }

}  // namespace

TEST_CASE("line breaking: greedy at spaces, at most 20 characters at width 100") {
    CHECK(lines_of(text("Det indstilles, at bestyrelsen godkender budgettet for 2024."), 100) ==
          std::vector<std::string>{"Det indstilles, at", "bestyrelsen", "godkender budgettet", "for 2024."});
}

TEST_CASE("line breaking: runs of spaces collapse and no line starts or ends with one") {
    CHECK(lines_of(text("  a   b  "), 100) == std::vector<std::string>{"a b"});
}

TEST_CASE("line breaking: a word may break after its hyphen") {
    CHECK(lines_of(text("drøftet med HR-direktørkredsen i juni"), 100) ==
          std::vector<std::string>{"drøftet med HR-", "direktørkredsen i", "juni"});
}

TEST_CASE("line breaking: a word longer than the line is split, never left sticking out") {
    CHECK(lines_of(text("https://www.regioner.dk/a/b/c"), 100) ==
          std::vector<std::string>{"https://www.regioner", ".dk/a/b/c"});
    CHECK(lines_of(text("Speciallægestillingerne"), 50) ==
          std::vector<std::string>{"Speciallæg", "estillinge", "rne"});
}

namespace {

// An address cut where address_breaks lets it break; the word whole if it is no address.
std::vector<std::string> address_pieces(std::string_view word) {
    std::vector<char> breaks;
    if (!address_breaks(word, breaks)) return {std::string(word)};
    REQUIRE(breaks.size() == word.size() + 1);
    std::vector<std::string> out(1);
    for (size_t i = 0; i < word.size(); ++i) {
        if (breaks[i]) out.emplace_back();
        out.back() += word[i];
    }
    return out;
}

using Pieces = std::vector<std::string>;

}  // namespace

TEST_CASE("address breaking: after slashes, before other punctuation, never inside the scheme or a number") {
    CHECK(address_pieces("https://www.sundhed.dk/borger/patienthaandbogen/psyke/side.html?id=12345&vis=alt") ==
          Pieces{"https://", "www.sundhed", ".dk/", "borger/", "patienthaandbogen/", "psyke/", "side", ".html", "?id",
                 "=12345", "&vis", "=alt"});
    // A hyphen is broken before, so no line ends in a hyphen that looks added; a number's
    // hyphen and a case number stay whole, and so do brackets and a sentence's end.
    CHECK(address_pieces("(www.regioner.dk/ventetider-i-psykiatrien/2023-24/EMN-2022-01548).") ==
          Pieces{"(www.regioner", ".dk/", "ventetider", "-i", "-psykiatrien/", "2023-24/", "EMN-2022-01548)."});
    CHECK(address_pieces("mailto:sekretariat@regioner.dk") == Pieces{"mailto:", "sekretariat", "@regioner", ".dk"});
    CHECK(address_pieces("HTTPS://WWW.REGIONER.DK") == Pieces{"HTTPS://", "WWW.REGIONER", ".DK"});
    // A long path or file name without a scheme is an address too.
    CHECK(address_pieces("S:\\Sager\\2023\\indstilling_til_bestyrelsen_endelig.docx") ==
          Pieces{"S:\\", "Sager\\", "2023\\", "indstilling", "_til", "_bestyrelsen", "_endelig", ".docx"});
    // Not addresses: words, numbers and case numbers break as they always have.
    for (const std::string_view word :
         {"HR-direktørkredsen", "EMN-2022-01548", "1.234.567.890.123.456.789.012.345,5", "og/eller", "01.01.23-30.06.23",
          "børne-/ungdomspsykiatrien/voksenpsykiatrien/socialpsykiatrien", "Speciallægestillingerne", "https://"}) {
        CAPTURE(word);
        std::vector<char> breaks;
        CHECK_FALSE(address_breaks(word, breaks));
    }
}

TEST_CASE("line breaking: an address breaks only where addresses break, and nothing is added to it") {
    const std::string url = "https://www.sundhed.dk/borger/patienthaandbogen/psyke/sygdomme/boern-og-unge/"
                            "ventetider-i-psykiatrien.html?id=12345&side=2";
    std::vector<char> breaks;
    REQUIRE(address_breaks(url, breaks));
    // From the width of its widest piece ("patienthaandbogen/", 90 pt) up.
    for (double width : {90.0, 100.0, 130.0, 200.0}) {
        CAPTURE(width);
        const auto lines = lines_of(text(url), width);
        REQUIRE(lines.size() > 1);
        std::string joined;
        for (const std::string& l : lines) {
            CHECK(l.size() * 5 <= width);  // FixedMetrics, ASCII: 5 pt a character
            if (!joined.empty()) CHECK(breaks[joined.size()]);
            joined += l;
        }
        CHECK(joined == url);  // no hyphen, no space
    }
    // Narrower than a piece, the piece is split where it must be: nothing sticks out.
    std::string joined;
    for (const std::string& l : lines_of(text(url), 60)) {
        CHECK(l.size() * 5 <= 60);
        joined += l;
    }
    CHECK(joined == url);
    // Old rule: after the hyphen ("psykiatrien-"); an address breaks before it.
    CHECK(lines_of(text("se www.regioner.dk/ventetider-i-psykiatrien"), 150) ==
          std::vector<std::string>{"se www.regioner.dk/ventetider", "-i-psykiatrien"});
}

TEST_CASE("line breaking: a paragraph with a 120-character address stays inside its width") {
    // Set as body text across the page's full width: every line inside the margins, the
    // address cut only where addresses break.
    const std::string url = "https://www.sst.dk/da/udgivelser/2023/laegedaekning_i_almen_praksis_og_i_de_regionale_"
                            "klinikker.pdf?udgave=2&format=fuld";
    REQUIRE(url.size() >= 120);
    std::vector<char> breaks;
    REQUIRE(address_breaks(url, breaks));
    FixedMetrics m;
    const double width = 200;  // 36 characters of 5,5 pt
    const auto lines = break_lines({Span{"Kilde: Sundhedsstyrelsen, se " + url + " for tallene.", FontStyle::Regular, {}, url,
                                         false, ""}},
                                   width, 11, m);
    std::string joined;
    for (const LaidLine& l : lines) {
        CHECK(l.width <= width + 1e-6);
        std::string s;
        for (const Fragment& f : l.fragments) s += f.text;
        joined += (joined.empty() ? "" : "|") + s;
    }
    // The address's line ends, marked "|", are all at its breaks.
    const size_t at = joined.find("https://");
    REQUIRE(at != std::string::npos);
    size_t in_url = 0;
    for (size_t i = at; in_url < url.size(); ++i) {
        if (joined[i] == '|') CHECK(breaks[in_url]);
        else ++in_url;
    }
}

TEST_CASE("line breaking: a line break in the text forces a new line") {
    CHECK(lines_of(text("Region Nordjylland\nDer er givet 10"), 200) ==
          std::vector<std::string>{"Region Nordjylland", "Der er givet 10"});
}

TEST_CASE("line breaking: styles keep their own widths and stay separate fragments") {
    FixedMetrics m;
    const std::vector<Span> spans = {{"fed", FontStyle::Bold, {}, "", false, ""}, {" og normal", FontStyle::Regular, {}, "", false, ""}};
    const auto lines = break_lines(spans, 500, 10, m);
    REQUIRE(lines.size() == 1);
    REQUIRE(lines[0].fragments.size() == 2);
    CHECK(lines[0].fragments[0].width == doctest::Approx(16.5));
    CHECK(lines[0].fragments[1].x == doctest::Approx(16.5));
    CHECK(lines[0].width == doctest::Approx(16.5 + 50));
}

TEST_CASE("line breaking: every line fits its width") {
    FixedMetrics m;
    const std::string s = "Udviklingen i antallet af speciallæger ved universitetshospitalerne i forhold til det "
                          "udmeldte loft, opgjort som gennemsnit over seks måneder (01.01.23-30.06.23).";
    for (double width : {40.0, 60.0, 97.0, 150.0, 333.0})
        for (const LaidLine& l : break_lines(text(s), width, 10, m)) CHECK(l.width <= width + 1e-9);
}

TEST_CASE("line breaking: a very long word costs work in proportion to its length (issue 8)") {
    // 3.000 characters in a line of five: 600 lines. Measuring the rest of the word for each
    // line, as before, was about 900.000 characters; a linear breaker measures each once.
    for (const char* filler : {"a", "a-", "æ/"}) {
        std::string word;
        while (word.size() < 3000) word += filler;
        boardpack::test::CountingMetrics m;
        const auto lines = break_lines({Span{"kort " + word + " kort", FontStyle::Regular, {}, "", false, ""}}, 25, 10, m);
        const size_t chars = boardpack::utf8_length(word);
        CHECK(lines.size() >= chars / 5);
        CHECK(m.measured <= 3 * (chars + 20));
        // Nothing is lost or sticks out.
        std::string joined;
        for (const LaidLine& l : lines) {
            CHECK(l.width <= 25 + 1e-6);
            for (const Fragment& f : l.fragments) joined += f.text;
        }
        CHECK(joined == "kort" + word + "kort");
    }
}

TEST_CASE("line breaking: a long word after text on the line fills the line, then splits") {
    CHECK(lines_of(text("ab cdefghijklmnopqrstuvwxyz"), 50) ==
          std::vector<std::string>{"ab", "cdefghijkl", "mnopqrstuv", "wxyz"});
    CHECK(lines_of(text("ab cd-efghijklmnopqrstuvwxyz"), 50) ==
          std::vector<std::string>{"ab cd-", "efghijklmn", "opqrstuvwx", "yz"});
}

TEST_CASE("line breaking: a case number, a date and an amount are never split over lines") {
    // Each line holds 20 characters: without the joins these break inside the unit.
    CHECK(lines_of(text("nummer EMN-2022-01548 her"), 100) == std::vector<std::string>{"nummer", "EMN-2022-01548 her"});
    CHECK(lines_of(text("mødet var den 23. juni 2023"), 100) == std::vector<std::string>{"mødet var den", "23. juni 2023"});
    CHECK(lines_of(text("beløbet er på 34,4 mio. kr."), 100) == std::vector<std::string>{"beløbet er på", "34,4 mio. kr."});
    // An ordinary hyphen still breaks, and a unit wider than a line breaks at its spaces first.
    CHECK(lines_of(text("drøftet med HR-direktørkredsen"), 100) ==
          std::vector<std::string>{"drøftet med HR-", "direktørkredsen"});
    CHECK(lines_of(text("23. juni 2023"), 50) == std::vector<std::string>{"23. juni", "2023"});
}

TEST_CASE("line breaking: which neighbours are joined") {
    CHECK(joins("23.", "juni"));
    CHECK(joins("juni", "2023,"));
    CHECK(joins("(34,4", "mio."));
    CHECK(joins("mio.", "kr.)"));
    CHECK(joins("kl.", "10"));
    CHECK(joins("125,0", "t."));
    CHECK(joins("t.", "kr.)"));
    CHECK(joins("125", "tkr."));
    // At a sentence's end: a full stop after the year or unit, or after a bracket closing on it.
    // The example printed "i september" / "2023." and "på 3,4" / "pct.)." on two lines.
    CHECK(joins("september", "2023."));
    CHECK(joins("januar", "2018."));
    CHECK(joins("3,4", "pct.)."));
    CHECK(joins("37", "procent."));
    CHECK(joins("12", "dage."));
    CHECK(joins("juni", "2023)."));
    CHECK(joins("mio.", "kr.\"."));
    CHECK_FALSE(joins("2023.", "blev"));
    CHECK_FALSE(joins("i", "2023."));
    CHECK_FALSE(joins("i", "juni"));
    CHECK_FALSE(joins("juni", "blev"));
    CHECK_FALSE(joins("2023", "blev"));
}

TEST_CASE("font metrics: measured by code point, with characters beyond Windows-1252") {
    std::array<TableMetrics::Advances, kFontStyles> advances;
    advances[0] = {{'a', 500}, {0x0142, 600}, {0x2192, 1000}, {0x4E2D, 900}, {'a', 1}};  // ł → 中; 'a' twice
    const TableMetrics m(advances, {250, 250, 250, 250, 250}, {0.8, 0.8, 0.8, 0.8, 0.8});
    CHECK(m.advance('a', FontStyle::Regular) == 500);  // the first advance given
    CHECK(m.advance(0x0142, FontStyle::Regular) == 600);
    CHECK(m.advance(0x2192, FontStyle::Regular) == 1000);
    CHECK(m.advance(0x4E2D, FontStyle::Regular) == 900);
    CHECK(m.advance('b', FontStyle::Regular) == 250);   // missing
    CHECK(m.advance(0x2193, FontStyle::Bold) == 250);
    // "ał→中" at 10 pt: (500 + 600 + 1000 + 900) / 1000 * 10, decoded in place.
    CHECK(m.width("a\xC5\x82\xE2\x86\x92\xE4\xB8\xAD", FontStyle::Regular, 10) == doctest::Approx(30));
}

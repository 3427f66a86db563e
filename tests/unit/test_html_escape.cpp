// HTML escaping (render/html/html_blocks: append_escaped), which passes over eight bytes at a
// time where none is special: checked against a plain byte-by-byte escape, with each special
// byte, and the bytes next to them that the word test folds together, at every place.
#include <doctest/doctest.h>

#include <algorithm>
#include <iterator>
#include <random>
#include <string_view>
#include <string>

#include "model/document.hpp"
#include "render/html/html_blocks.hpp"
#include "render/pdf/non_breaking.hpp"

using boardpack::render::html::append_escaped;
using boardpack::render::html::escape;
using boardpack::render::html::text_html;

namespace {

std::string escape_by_bytes(const std::string& t, const char* apostrophe = "&#39;") {
    std::string out;
    for (const char c : t) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += apostrophe; break;
            default: out += c;
        }
    }
    return out;
}

}  // namespace

TEST_CASE("HTML escape: each special byte at every place of a word, and its neighbours left as they are") {
    // & and ' differ in their lowest bit, < and > in the next: % ( = ? " ! and # are near misses.
    for (const char c : {'&', '<', '>', '"', '\'', '%', '(', '=', '?', '!', '#', '$', '\xBC', '\xBE', '\xA2', '\xA6'}) {
        for (size_t at = 0; at < 20; ++at) {
            for (size_t after = 0; after < 10; ++after) {
                const std::string t = std::string(at, 'a') + c + std::string(after, 'b');
                CAPTURE(t);
                CHECK(escape(t) == escape_by_bytes(t));
            }
        }
    }
}

TEST_CASE("HTML escape: random text, appended after what is there, with either apostrophe") {
    std::mt19937 rng(20261205);
    const std::string pieces[] = {"a", " ", "&", "<", ">", "\"", "'", "æ", "–", "&amp;", "\xC3", "\x3C\x3E", "=", "?"};
    std::uniform_int_distribution<size_t> pick(0, std::size(pieces) - 1), length(0, 50), common(0, 9);
    for (int round = 0; round < 2000; ++round) {
        std::string t;
        const size_t n = length(rng);
        for (size_t k = 0; k < n; ++k) t += common(rng) < 7 ? pieces[common(rng) % 2] : pieces[pick(rng)];
        CAPTURE(t);
        std::string out = "før ";
        append_escaped(t, out, "&apos;");
        CHECK(out == "før " + escape_by_bytes(t, "&apos;"));
    }
}

TEST_CASE("HTML text: a case number or a number with a hyphen inside is kept on one line, as in the PDF") {
    // A browser breaks after a hyphen: a reader on a phone met "(1647734 - EMN-" at a line's end
    // and "2017-00054)" on the next. The PDF never parts a hyphen from the digit after it.
    CHECK(text_html("(1647734 - EMN-2017-00054)") == "(1647734 - <span class=\"hel\">EMN-2017-00054</span>)");
    CHECK(text_html("kl. 10.30-15.00, i 2023-24.") ==
          "kl. <span class=\"hel\">10.30-15.00</span>, i <span class=\"hel\">2023-24</span>.");
    CHECK(text_html("Søs-2 & \"ø\"-3'") == "<span class=\"hel\">Søs-2</span> &amp; &quot;ø&quot;-3&#39;");
    // No digit after the hyphen, a hyphen with nothing before it, or none: escaped as it is.
    CHECK(text_html("børne- og unge, mini-evalueringer, -5 og 3 -4 <b>") == "børne- og unge, mini-evalueringer, -5 og 3 -4 &lt;b&gt;");
    CHECK(text_html("-") == "-");
    CHECK(text_html("a-") == "a-");
    CHECK(text_html("x-1", "&apos;") == "<span class=\"hel\">x-1</span>");
    CHECK(text_html("") == "");
}

TEST_CASE("HTML text: a number and its unit, or a date, are kept on one line, as the PDF's line breaker joins them") {
    // On a phone the example read "Tilsvarende var 77" / "pct." and "den 23." / "februar 2023".
    CHECK(text_html("Tilsvarende var 77 pct. af forløbene") == "Tilsvarende var <span class=\"hel\">77 pct.</span> af forløbene");
    CHECK(text_html("den 23. februar 2023 en aftale") == "den <span class=\"hel\">23. februar 2023</span> en aftale");
    CHECK(text_html("på 3,4 pct.). Og EMN-2022-01548 & 34,4 mio. kr.") ==
          "på <span class=\"hel\">3,4 pct.).</span> Og <span class=\"hel\">EMN-2022-01548</span> &amp; "
          "<span class=\"hel\">34,4 mio. kr.</span>");
    // As the PDF: "kl." joins a number, and a time span is no number (its hyphen keeps it whole).
    CHECK(text_html("kl. 10.30-15.00") == "kl. <span class=\"hel\">10.30-15.00</span>");
    CHECK(text_html("kl. 10") == "<span class=\"hel\">kl. 10</span>");
    CHECK(text_html("i juni blev det ") == "i juni blev det ");
    CHECK(text_html(" 5 kr.") == " <span class=\"hel\">5 kr.</span>");
    // A text with no digit is passed over unless it has "kr": "i mio. kr." still keeps its unit.
    CHECK(text_html("beløb i mio. kr. for regionerne") == "beløb i <span class=\"hel\">mio. kr.</span> for regionerne");
    CHECK(text_html("alle regioner har svaret & <ingen> tal") == "alle regioner har svaret &amp; &lt;ingen&gt; tal");
    // The digit or "kr" at every place of a long text, on either side of an eight-byte word.
    const std::string filler = "regionerne har svaret ";
    for (size_t at = 0; at <= filler.size(); ++at) {
        INFO("at " << at);
        const std::string text = filler.substr(0, at) + " 12 pct. " + filler.substr(at);
        CHECK(text_html(text).find("<span class=\"hel\">12 pct.</span>") != std::string::npos);
        const std::string unit = filler.substr(0, at) + " mia. kr. " + filler.substr(at);
        CHECK(text_html(unit).find("<span class=\"hel\">mia. kr.</span>") != std::string::npos);
    }
}

TEST_CASE("HTML text: a computed figure and the words that belong with it are kept on one line, as in the PDF") {
    // Regression (figure-unit-html): a figure quoted from a table is an inline of its own, so
    // "{t[A; B]} mio. kr." could part as "34,4 ⏎ mio. kr." in the HTML while the PDF's line
    // breaker, which joins words across spans, kept it whole.
    using boardpack::model::Inline;
    using boardpack::render::html::render_inlines;
    const auto figure = [](const std::string& text) {
        Inline in;
        in.kind = Inline::Kind::Figure;
        in.text = text;
        return in;
    };
    const auto text = [](const std::string& t) { return Inline::text_run(t, {}); };
    CHECK(render_inlines({text("Budgettet er "), figure("34,4"), text(" mio. kr. i 2024.")}) ==
          "Budgettet er <span class=\"hel\"><span class=\"tal\">34,4</span> mio. kr.</span> i 2024.");
    CHECK(render_inlines({text("Mødet er kl. "), figure("10"), text(", og ")}) ==
          "Mødet er <span class=\"hel\">kl. <span class=\"tal\">10</span></span>, og ");
    CHECK(render_inlines({text("den "), figure("23."), text(" juni 2023.")}) ==
          "den <span class=\"hel\"><span class=\"tal\">23.</span> juni 2023.</span>");
    // Both sides, and a figure with its unit inside it followed by more of a unit.
    CHECK(render_inlines({text("kl. "), figure("10"), text(" pct. og")}) ==
          "<span class=\"hel\">kl. <span class=\"tal\">10</span> pct.</span> og");
    CHECK(render_inlines({figure("125,0 t."), text(" kr. i alt")}) ==
          "<span class=\"hel\"><span class=\"tal\">125,0 t.</span> kr.</span> i alt");
    // Words that do not belong with it, two spaces, or no space: as before.
    CHECK(render_inlines({text("Tabel "), figure("6"), text(" viser")}) ==
          "Tabel <span class=\"tal\">6</span> viser");
    CHECK(render_inlines({figure("12"), text("  pct.")}) == "<span class=\"tal\">12</span>  pct.");
    CHECK(render_inlines({figure("12"), text("pct.")}) == "<span class=\"tal\">12</span>pct.");
    CHECK(render_inlines({figure("12")}) == "<span class=\"tal\">12</span>");
}

TEST_CASE("HTML text: a long web address may break where the PDF breaks it, with nothing added to it") {
    // A browser breaks a URL nowhere: in a table cell it widened the table past a phone's
    // screen, and an autolink in a paragraph the page. <wbr> marks the PDF's breaks.
    using boardpack::render::html::append_address_breaks;
    std::string out = "|";
    append_address_breaks("Kilde: https://www.sst.dk/da/laeger-2023?id=1&s='x' og 2023-24", out, "&apos;");
    // A word with a hyphen before a digit stays on one line, as append_text keeps it (a cell's
    // "01.01.23-30.06.23" broke after its hyphen).
    CHECK(out == "|Kilde: https://<wbr>www.sst<wbr>.dk/<wbr>da/<wbr>laeger-2023<wbr>?id<wbr>=1<wbr>&amp;s<wbr>=&apos;x&apos; og "
                 "<span class=\"hel\">2023-24</span>");
    // Text without an address is escaped as it is.
    for (const std::string t : {"", " a  b ", "og/eller\tnu\n", "Løn - drift <b> & 'c'"}) {
        std::string plain;
        append_address_breaks(t, plain);
        CHECK(plain == escape_by_bytes(t));
    }
    std::string kept;
    append_address_breaks("EMN-2022-01548 <b> & 'c'", kept);
    CHECK(kept == "<span class=\"hel\">EMN-2022-01548</span> &lt;b&gt; &amp; &#39;c&#39;");
    kept.clear();
    append_address_breaks("01.01.23-30.06.23", kept);
    CHECK(kept == "<span class=\"hel\">01.01.23-30.06.23</span>");
    // Addresses among other words, first and last, after brackets, and a long path without a
    // scheme: the words around them and the spaces, tabs and line breaks between kept as they are.
    out.clear();
    append_address_breaks("\t(www.a.dk/x) og  'b'\nC:\\Bilag\\Regnskab_2023\\noter_og_bilag.pdf\t", out);
    CHECK(out == "\t(www.a<wbr>.dk/<wbr>x) og  &#39;b&#39;\nC:\\<wbr>Bilag\\<wbr>Regnskab<wbr>_2023\\<wbr>noter<wbr>_og<wbr>_bilag<wbr>.pdf\t");
    out.clear();
    append_address_breaks("mailto:a@b.dk", out);
    CHECK(out == "mailto:<wbr>a<wbr>@b<wbr>.dk");
    // A link showing its own address gets the breaks; other link words do not.
    using boardpack::model::Inline;
    using boardpack::render::html::render_inlines;
    const auto link = [](const std::string& url, const std::string& words) {
        Inline in;
        in.kind = Inline::Kind::Link;
        in.set_url(url);
        in.children = {Inline::text_run(words, {})};
        return in;
    };
    CHECK(render_inlines({link("https://www.regioner.dk/a/b", "https://www.regioner.dk/a/b")}) ==
          "<a href=\"https://www.regioner.dk/a/b\">https://<wbr>www.regioner<wbr>.dk/<wbr>a/<wbr>b</a>");
    CHECK(render_inlines({link("https://www.regioner.dk/a/b", "Danske Regioner")}) ==
          "<a href=\"https://www.regioner.dk/a/b\">Danske Regioner</a>");
}

TEST_CASE("HTML text: the words kept on one line are those a pair-by-pair reading of every word keeps") {
    // append_text passes over the words before the next digit or "kr" instead of pairing each
    // with the next. The plain reading pairs every word with the next (as before it skipped),
    // each run of pairs pdf::joins makes one span; texts without a hyphen, so what lies between
    // the spans is only escaped. Words apart by one space or more, after and before spaces.
    const auto reference = [](const std::string& text) {
        struct Word {
            size_t begin, end;
        };
        const auto word_at = [&](size_t from) { return Word{from, std::min(text.find(' ', from), text.size())}; };
        const auto view = [&](Word w) { return std::string_view(text).substr(w.begin, w.end - w.begin); };
        const auto joined = [&](Word a, Word b) { return boardpack::render::pdf::joins(view(a), view(b)); };
        std::string out;
        size_t done = 0;
        Word a = word_at(0);
        while (a.end < text.size()) {
            const Word b = word_at(a.end + 1);
            if (!joined(a, b)) {
                a = b;
                continue;
            }
            Word last = b;
            while (last.end < text.size() && joined(last, word_at(last.end + 1))) last = word_at(last.end + 1);
            out += escape_by_bytes(text.substr(done, a.begin - done)) + "<span class=\"hel\">" +
                   escape_by_bytes(text.substr(a.begin, last.end - a.begin)) + "</span>";
            done = last.end;
            if (last.end >= text.size()) break;
            a = word_at(last.end + 1);
        }
        return out + escape_by_bytes(text.substr(done));
    };
    const char* const words[] = {"det", "og", "bestyrelsen", "34,4", "mio.", "kr.", "kr", "kr.,", "pct.", "pct.).", "23.",
                                 "juni", "2023", "2023)", "(34,4", "kl.", "10", "nr.", "3", "\xC2\xA7", "5", "side", "Okr",
                                 "krone", "a1b", "1", "\xC3\xA6\xC3\xB8\xC3\xA5", "\"", "<b>", "\t", "mdr.", "EUR", "&"};
    std::mt19937 rng(20261206);
    std::uniform_int_distribution<size_t> pick(0, std::size(words) - 1), count(0, 14), gap(0, 9);
    for (int round = 0; round < 20000; ++round) {
        std::string text = gap(rng) == 0 ? " " : "";
        for (size_t n = count(rng), k = 0; k < n; ++k) {
            if (k > 0) text += gap(rng) == 0 ? "  " : " ";
            // Mostly words without a digit or "kr", so that many are passed over.
            text += gap(rng) < 6 ? words[pick(rng) % 3] : words[pick(rng)];
        }
        if (gap(rng) == 0) text += " ";
        CAPTURE(text);
        CHECK(text_html(text) == reference(text));
    }
}

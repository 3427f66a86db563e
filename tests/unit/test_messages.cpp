// Issue 8, section 4: input echoed in a message cannot act on the terminal.
#include <doctest/doctest.h>

#include "core/diagnostics.hpp"
#include "core/text.hpp"

using namespace boardpack;

namespace {
const std::string kRlo = "\xE2\x80\xAE";  // U+202E RIGHT-TO-LEFT OVERRIDE
}

TEST_CASE("messages: quoted input shows controls and bidi overrides escaped") {
    CHECK(quote_text("abc" + kRlo + "def") == "\"abc<U+202E>def\"");
    CHECK(quote_text("a\x1b[2Jb") == "\"a<U+001B>[2Jb\"");
    CHECK(quote_text("a\tb\nc") == "\"a b c\"");
    CHECK(quote_text("æøå \xE2\x80\x9C") == "\"æøå \xE2\x80\x9C\"");  // ordinary text is left alone
    CHECK(escape_for_messages("x\xE2\x81\xA6y\xE2\x80\x8B") == "x<U+2066>y<U+200B>");
}

TEST_CASE("messages: quoted input is cut after 60 characters, counted as characters, not bytes") {
    const std::string sixty_ae = [] {
        std::string s;
        for (int k = 0; k < 60; ++k) s += "\xC3\xA6";  // "æ", two bytes
        return s;
    }();
    CHECK(quote_text(sixty_ae) == "\"" + sixty_ae + "\"");
    CHECK(quote_text(sixty_ae + "x") == "\"" + sixty_ae + "...\"");
    CHECK(quote_text(std::string(59, 'a') + kRlo + "b") == "\"" + std::string(59, 'a') + "<U+202E>...\"");
    CHECK(quote_text("a\xFF" "b") == "\"a\xEF\xBF\xBD" "b\"");  // a byte that is no UTF-8 shows as U+FFFD
    CHECK(quote_text("") == "\"\"");
}

TEST_CASE("messages: the excerpt escapes hidden characters and the caret still points at the column") {
    Diagnostic d;
    d.loc = {"m/t.csv", 2, 9};
    d.message = "bad " + quote_text(kRlo);
    d.source_line = "ab" + kRlo + "cdef;2.5";  // column 9 is the "2"
    CHECK(format_diagnostic(d) ==
          "m/t.csv:2:9: error: bad \"<U+202E>\"\n"
          "  ab<U+202E>cdef;2.5\n"
          "                 ^\n");
}

TEST_CASE("messages: file names and message text are escaped too") {
    Diagnostic d;
    d.severity = Severity::Warning;
    d.loc = {"m/fil" + kRlo + "vsc.csv", 1, 0};
    d.message = "the PDF cannot print " + kRlo;
    CHECK(format_diagnostic(d) == "m/fil<U+202E>vsc.csv:1: warning: the PDF cannot print <U+202E>\n");
}

TEST_CASE("shortened: at most so many characters, counted as characters, the last an ellipsis") {
    using boardpack::shortened;
    CHECK(shortened("Budget", 6) == "Budget");
    CHECK(shortened("Budget 2024", 6) == "Budge\xE2\x80\xA6");
    // "æøå" is six bytes but three characters: it fits in three, and is cut after two.
    CHECK(shortened("\xC3\xA6\xC3\xB8\xC3\xA5", 3) == "\xC3\xA6\xC3\xB8\xC3\xA5");
    CHECK(shortened("\xC3\xA6\xC3\xB8\xC3\xA5!", 3) == "\xC3\xA6\xC3\xB8\xE2\x80\xA6");
    CHECK(shortened("", 3).empty());
}

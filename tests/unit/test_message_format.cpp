// The {} format strings messages are written in (core/messages.hpp), so a translation can put a
// message's parts in its own order.
#include <doctest/doctest.h>

#include "core/messages.hpp"

using boardpack::fmt;

TEST_CASE("message format: {} takes the arguments in order, of any printable type") {
    CHECK(fmt("the cell {} / {} is empty", "\"Løn\"", std::string("\"2024\"")) == "the cell \"Løn\" / \"2024\" is empty");
    CHECK(fmt("line {} is {} bytes long", 7, size_t{70000}) == "line 7 is 70000 bytes long");
    CHECK(fmt("separated by \"{}\"", ';') == "separated by \";\"");
    CHECK(fmt("no placeholders") == "no placeholders");
}

TEST_CASE("message format: {N} names an argument, so a translation may reorder or repeat them") {
    CHECK(fmt("{1} før {0}", "a", "b") == "b før a");
    CHECK(fmt("{0} is in {1}; write it in {1}", "\"5 kr.\"", "mio. kr.") == "\"5 kr.\" is in mio. kr.; write it in mio. kr.");
}

TEST_CASE("message format: input text in an argument is never read as a placeholder") {
    // A label or file name from the meeting folder may hold braces: it is inserted as it is.
    CHECK(fmt("the row {} and {}", "\"{1}\"", "x") == "the row \"{1}\" and x");
    CHECK(fmt("{0}{0}", "{}") == "{}{}");
}

TEST_CASE("message format: braces that are no placeholder stay as written") {
    CHECK(fmt("a figure is written {{tabel[række; kolonne]}}") == "a figure is written {tabel[række; kolonne]}");
    CHECK(fmt("{x} and { } and {", 1) == "{x} and { } and {");
    CHECK(fmt("{} {", "a") == "a {");
    // A translation naming an argument the message does not have shows the placeholder: the
    // message stays readable, and the catalogue test reports the translation.
    CHECK(fmt("{0} {3}", "a") == "a {3}");
    CHECK(fmt("{} {}", "a") == "a {}");
}

TEST_CASE("message format: without a catalogue bound, a message is itself") {
    CHECK(std::string(boardpack::tr("the file is empty")) == "the file is empty");
    CHECK(std::string(boardpack::tr_n("{} more problem", "{} more problems", 1)) == "{} more problem");
    CHECK(std::string(boardpack::tr_n("{} more problem", "{} more problems", 2)) == "{} more problems");
}

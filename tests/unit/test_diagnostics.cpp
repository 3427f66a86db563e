#include <doctest/doctest.h>

#include "test_support.hpp"

using namespace boardpack;

TEST_CASE("diagnostics: more than the cap of one kind in one file are counted in one line") {
    Diagnostics d;
    const int n = kMaxMessagesOfOneKind + 19876;
    for (int i = 1; i <= n; ++i)
        d.error({"m/p/t.csv", i, 3}, "\"" + std::to_string(i) + ".5\" is not a Danish number", "x;1.5");
    d.error({"m/p/t.csv", 7, 1}, "another kind of problem");
    d.warning({"m/p/u.csv", 2, 1}, "\"1.5\" is not a Danish number");  // another file: its own count
    CHECK(d.error_count() == n + 1);
    CHECK(d.warning_count() == 1);
    const auto all = d.all();
    REQUIRE(all.size() == static_cast<size_t>(kMaxMessagesOfOneKind) + 3);
    CHECK(all[kMaxMessagesOfOneKind - 1].loc.line == kMaxMessagesOfOneKind);
    CHECK(format_diagnostic(all[kMaxMessagesOfOneKind]) ==
          "m/p/t.csv: error: \xE2\x80\xA6 and 19.876 more like this in t.csv (only the first 20 are shown)\n");
    CHECK(all[kMaxMessagesOfOneKind + 1].message == "another kind of problem");
    CHECK(all.back().loc.file == "m/p/u.csv");
}

TEST_CASE("diagnostics: up to the cap, nothing is summed up") {
    Diagnostics d;
    for (int i = 0; i < kMaxMessagesOfOneKind; ++i) d.warning({"a.md", i + 1, 1}, "link to \"x\" removed");
    CHECK(d.all().size() == static_cast<size_t>(kMaxMessagesOfOneKind));
    CHECK(test::messages(d).find("more like this") == std::string::npos);
}

TEST_CASE("diagnostics: a note is not counted, --strict leaves it a note, and follow-ons are one note under their root") {
    Diagnostics d;
    d.set_warnings_are_errors(true);
    d.note({"m/a.csv", 3, 2}, "the file is read as Windows-1252");
    CHECK(d.error_count() == 0);
    CHECK(d.warning_count() == 0);
    CHECK(format_diagnostic(d.all()[0]) == "m/a.csv:3:2: note: the file is read as Windows-1252\n");
    const size_t root = d.size();
    d.error({"m/i.md", 5, 7}, "no column \"X\"");
    d.expect_follow_on(root, "could not be computed");
    d.error({"m/i.md", 9, 1}, "the table \"t\" could not be computed (see its errors)");
    d.expect_follow_on(root, "could not be computed");
    d.error({"m/i.md", 11, 1}, "an unrelated mistake");  // does not match: shown, and ends the expectation
    CHECK(d.error_count() == 2);
    const auto all = d.all();
    REQUIRE(all.size() == 4);
    CHECK(format_diagnostic(all[2]) ==
          "m/i.md:5:7: note: 1 more problem follows from this error (the first at m/i.md:9:1); they are not shown and go "
          "away with it\n");
    CHECK(all[3].message == "an unrelated mistake");
}

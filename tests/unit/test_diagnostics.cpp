#include <doctest/doctest.h>

#include "test_support.hpp"

using namespace boardpack;

TEST_CASE("diagnostics: more than the cap of one kind in one file are counted in one line") {
    Diagnostics d;
    const int n = kMaxMessagesOfOneKind + 19876;
    for (int i = 1; i <= n; ++i)
        d.error({"m/p/t.csv", i, 3}, "\"" + std::to_string(i) + ".5\" is not a Danish number", "x;1.5");
    d.error({"m/p/t.csv", n + 1, 1}, "another kind of problem");
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

TEST_CASE("diagnostics: messages come in file order, whichever stage found them") {
    Diagnostics d;
    d.saw_file("m/meeting.txt");
    d.saw_file("m/01/item.md");
    d.saw_file("m/01/t.csv");
    d.saw_file("m/02/item.md");
    // Loading finds these two ...
    d.error({"m/02/item.md", 9, 1}, "unknown section \"Resume\"");
    d.warning({"m/meeting.txt", 4, 1}, "the folder \"03\" is not listed");
    // ... and computing these, later.
    d.error({"m/01/item.md", 30, 5}, "the table has no column \"2O23\"");
    d.error({"m/01/t.csv", 2, 3}, "the cell holds \"-\"");
    d.error({"m/01/item.md", 12, 2}, "no value \"x\"");
    d.error({}, "a problem of no file");
    std::vector<std::string> order;
    for (const Diagnostic& m : d.all()) order.push_back(m.loc.file + ":" + std::to_string(m.loc.line));
    CHECK(order == std::vector<std::string>{":0", "m/meeting.txt:4", "m/01/item.md:12", "m/01/item.md:30", "m/01/t.csv:2",
                                            "m/02/item.md:9"});
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
    d.follow_on(root, {"m/i.md", 9, 1});
    d.follow_on(root, {"m/i.md", 12, 1});
    d.error({"m/i.md", 11, 1}, "an unrelated mistake");
    CHECK(d.error_count() == 2);
    const auto all = d.all();
    REQUIRE(all.size() == 4);
    CHECK(format_diagnostic(all[2]) ==
          "m/i.md:5:7: note: 2 more problems follow from this error (the first at m/i.md:9:1); they are not shown and go "
          "away with it\n");
    CHECK(all[3].message == "an unrelated mistake");
}

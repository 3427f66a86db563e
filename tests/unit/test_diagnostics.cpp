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

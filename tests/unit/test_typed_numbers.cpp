// Numbers typed in running text (numbers/typed_numbers) and the warning where one is also a
// table's figure (calc/typed_figures), which a correction of the table would leave behind.
#include <doctest/doctest.h>

#include "numbers/typed_numbers.hpp"
#include "one_item_meeting.hpp"

using namespace boardpack;

namespace {

std::vector<std::string> keys(std::string_view text) {
    std::vector<std::string> out;
    for (const TypedNumberToken& t : typed_numbers_in(text)) out.push_back(t.key);
    return out;
}

using Keys = std::vector<std::string>;

}  // namespace

TEST_CASE("typed numbers: Danish numbers as words of their own, distinctive ones only") {
    CHECK(keys("i alt 8.388 speciallæger, 950,5 i snit og 876.") == Keys{"8388", "950,5", "876"});
    CHECK(keys("(1.234) \"12,5\" -4.567 −2.345 12,50% 3456*") == Keys{"1234", "12,5", "4567", "2345", "12,5", "3456"});
    CHECK(keys("et beløb på 1.250,- kr.") == Keys{"1250"});
    const auto found = typed_numbers_in("på 950,5.");
    REQUIRE(found.size() == 1);
    CHECK(found[0].begin == 4);
    CHECK(found[0].end == 9);  // the full stop is the sentence's
    // Too common to be a table's figure: fewer than three significant digits, round numbers, years.
    CHECK(keys("12 dispensationer, 2,0 pct., 1.000 kr., 100 pct., 120 dage, i 2023 og 1999") == Keys{});
    // Parts of words, codes, addresses, times, dates, ranges and formulas are no typed numbers.
    CHECK(keys("EMN-2023-00648 A380 2016=100 1/234 kl. 10.30 28.09.2023 1.23 2023-24 {t[A; 2024] * 1.234} 123abc") ==
          Keys{});
}

TEST_CASE("typed numbers: thousands grouped by spaces") {
    // Regression (probe40): "1 250 000 kr." was three numbers, none distinctive, and "8 388" was 388.
    CHECK(keys("i alt 1 250 000 kr., 8 388 læger, 12 345,5 timer og 1\xC2\xA0" "234\xE2\x80\xAF" "567.") ==
          Keys{"1250000", "8388", "12345,5", "1234567"});
    // Not groups: pairs, a year before a number, a point after a group, a list.
    CHECK(keys("tlf. 12 34 56 78, i 2023 blev 123 sager, 1 250.000 og 12, 345") == Keys{"123", "345"});
    // Numbers that name a room, a paragraph, a law, a postcode or a phone (probe41b).
    CHECK(keys("lokale 128, § 128, lov nr. 1250, Postnummer 2340, tlf. 7010 1250, side 345") == Keys{});
    const auto found = typed_numbers_in("ca. 1 250 000.");
    REQUIRE(found.size() == 1);
    CHECK(found[0].begin == 4);
    CHECK(found[0].end == 13);
}

TEST_CASE("typed numbers: words that scale a number") {
    const auto found = typed_numbers_in("1,25 mio. kr., 952 t. kr., 2,15 mia., 1,25 millioner indbyggere, 3,45 mkr og 1,75 miot");
    REQUIRE(found.size() == 6);
    CHECK(found[0].scaled_key == "1250000");
    CHECK(found[0].scale_unit == "mio. kr.");
    CHECK(found[0].scale_end == 13);
    CHECK(found[1].scaled_key == "952000");
    CHECK(found[1].scale_unit == "t. kr.");
    CHECK(found[2].scaled_key == "2150000000");
    CHECK(found[2].scale_unit.empty());
    CHECK(found[3].scaled_key == "1250000");
    CHECK(found[3].scale_unit.empty());
    CHECK(found[4].scale_unit == "mio. kr.");
    CHECK(found[5].scaled_key.empty());  // "miot" is no scale
    CHECK(shifted_key("0,5", 3) == "500");
    CHECK(shifted_key("12,3456", 2) == "1234,56");
    CHECK(shifted_key("1,25", 6) == "1250000");
}

TEST_CASE("typed numbers: a printed cell's key") {
    CHECK(number_key("8.388") == "8388");
    CHECK(number_key("-8.388 %") == "8388");
    CHECK(number_key("\xE2\x88\x92" "12,50") == "12,5");
    CHECK(number_key("100,0") == "100");
    CHECK(number_key("Ikke oplyst").empty());
    CHECK(number_key("1.23").empty());
}

TEST_CASE("typed figures: a number typed beside the table that prints it is a warning there") {
    const char* const csv = "Post;2023;2024\nLøn;1.234,5;1.250\nHusleje;876;1.250\n";
    const std::string table = "```tabel\nfil: t.csv\nnavn: budget\ntitel: Budget\n```\n\n";
    auto one = test::compute_one_item(table + "Lønnen var 1.234,5 kr. og huslejen 876 kr.\n", csv);
    CHECK(one.messages.find("m/01-a/item.md:16:12: warning: 1.234,5 is typed here, but the table \"budget\" prints it "
                            "for \"Løn\" / \"2023\": a correction of the table would not change this number; quote the "
                            "cell, {budget[Løn; 2023]}, or write {1.234,5} to keep it as typed") != std::string::npos);
    CHECK(one.messages.find("16:36: warning: 876 is typed here") != std::string::npos);
    CHECK(one.meeting->items[0].typed_numbers.empty());  // freed once checked
    // A number two cells print names the first and counts the other.
    one = test::compute_one_item(table + "Begge er 1.250 kr.\n", csv);
    CHECK(one.messages.find("prints it for \"Løn\" / \"2024\" (and 1 other cell)") != std::string::npos);
    // Quoted, or written as a figure of its own, or another number: nothing to say.
    one = test::compute_one_item(table + "Lønnen var {budget[Løn; 2023]} og {876}, ikke 877 eller 1.234.\n", csv);
    CHECK(one.messages.find("typed here") == std::string::npos);
    // A number the text quotes in one place and types in another: the typed one stays behind.
    one = test::compute_one_item(table + "Lønnen steg til {budget[Løn; 2024] + 2.000}.\n\nI alt 3.250 kr.\n", csv);
    CHECK(one.messages.find("m/01-a/item.md:18:7: warning: 3.250 is typed here, but the figure \"{budget[Løn; 2024] + "
                            "2.000}\" (m/01-a/item.md:16) prints it") != std::string::npos);
    // A table without a name is asked for one.
    one = test::compute_one_item("```tabel\nfil: t.csv\ntitel: Budget\n```\n\nHuslejen var 876 kr.\n", csv);
    CHECK(one.messages.find("876 is typed here, but the table \"Budget\" prints it for \"Husleje\" / \"2023\": a "
                            "correction of the table would not change this number; give the table a \"navn:\" and "
                            "quote the cell, or write {876} to keep it as typed") != std::string::npos);
    // Regression (probe39): a table shown in mio. kr. prints 1,4 for 1.449.000 kr.; the text
    // typing the kroner went stale after a correction without a word.
    const char* const kroner = "Post;2024\nA;1.249.000\nB;1.449.000\n";
    one = test::compute_one_item("```tabel\nfil: t.csv\nnavn: t\ntitel: Budget (mio. kr.)\ntalenhed: kr.\nenhed: mio. kr.\n"
                                 "række: I alt = sum(A .. B)\n```\n\nB udgør 1.449.000 kr., i alt 2.698.000 kr.\n",
                                 kroner);
    CHECK(one.messages.find("warning: 1.449.000 is typed here, but the table \"t\" prints it for \"B\" / \"2024\": a "
                            "correction of the table would not change this number; quote the cell, {t[B; 2024] | kr.}, "
                            "or write {1.449.000} to keep it as typed") != std::string::npos);
    CHECK(one.messages.find("2.698.000 is typed here") != std::string::npos);
    // Regression (probe40): the same kroner typed in millions or grouped by spaces went stale
    // without a word.
    one = test::compute_one_item("```tabel\nfil: t.csv\nnavn: t\ntitel: Budget (kr.)\n```\n\nB udgør 1,449 mio. kr. og A "
                                 "1 249 000 kr.\n",
                                 kroner);
    CHECK(one.messages.find("warning: 1,449 mio. kr. is typed here, but the table \"t\" prints it for \"B\" / \"2024\": a "
                            "correction of the table would not change this number; quote the cell, {t[B; 2024] | mio. "
                            "kr., decimaler 3}, or write {1,449} to keep it as typed") != std::string::npos);
    CHECK(one.messages.find("warning: 1 249 000 is typed here, but the table \"t\" prints it for \"A\" / \"2024\"") !=
          std::string::npos);
    // A table written in t. kr.: its 1.449 is 1,449 mio. kr.
    one = test::compute_one_item("```tabel\nfil: t.csv\nnavn: t\ntitel: Budget (t. kr.)\ntalenhed: t. kr.\n```\n\nB udgør "
                                 "1,449 mio. kr.\n",
                                 "Post;2024\nA;1.249\nB;1.449\n");
    CHECK(one.messages.find("1,449 mio. kr. is typed here, but the table \"t\" prints it for \"B\" / \"2024\"") !=
          std::string::npos);
    // Kroner are not a table's thousands, nor a share (probe41b: "876 kr." beside 876 t. kr.).
    one = test::compute_one_item("```tabel\nfil: t.csv\nnavn: t\ntitel: Budget (t. kr.)\ntalenhed: t. kr.\n```\n\nEt gebyr "
                                 "på 876 kr. og 1.249 t. kr.\n",
                                 "Post;2024\nA;1.249\nB;876\n");
    CHECK(one.messages.find("876 is typed here") == std::string::npos);
    CHECK(one.messages.find("1.249 is typed here") != std::string::npos);
    // ... but the same amount in kroner is, beside a number typed scaled in the item.
    one = test::compute_one_item("```tabel\nfil: t.csv\nnavn: t\ntitel: Budget (t. kr.)\ntalenhed: t. kr.\n```\n\nA er "
                                 "1.249.000 kr., B 0,876 mio. kr.\n",
                                 "Post;2024\nA;1.249\nB;876\n");
    CHECK(one.messages.find("1.249.000 is typed here") != std::string::npos);
    CHECK(one.messages.find("0,876 mio. kr. is typed here") != std::string::npos);
    one = test::compute_one_item("```tabel\nfil: t.csv\nnavn: t\ntitel: Vækst\n```\n\nDet koster 1,25 mio. kr.\n",
                                 "Post;Vækst (pct.)\nA;1,25\nB;2,5\n");
    CHECK(one.messages.find("typed here") == std::string::npos);
    // A share typed is no amount, nor a number scaled by words that name no kroner (probe41c).
    one = test::compute_one_item("```tabel\nfil: t.csv\nnavn: t\ntitel: Budget (mio. kr.)\ntalenhed: mio. kr.\n```\n\n"
                                 "Stigningen var 12,5 pct., og der er 125,1 tusinde ansatte.\n",
                                 "Post;2023\nDrift;12,5\nLøn;125,1\n");
    CHECK(one.messages.find("typed here") == std::string::npos);
    // Another scale is another number: 1,449 mia. kr. is not 1.449.000 kr.
    one = test::compute_one_item("```tabel\nfil: t.csv\nnavn: t\ntitel: Budget (kr.)\n```\n\nB udgør 1,449 mia. kr.\n", kroner);
    CHECK(one.messages.find("typed here") == std::string::npos);
}

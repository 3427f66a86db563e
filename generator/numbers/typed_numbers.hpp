// Numbers typed in running text ("950,5 speciallæger", "i alt 8.388"), found so that one that is
// also a table's figure can be pointed out: typed by hand, it stays as it is when the table is
// corrected (calc/typed_figures.hpp). Only numbers distinctive enough to be that figure count.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace boardpack {

// A number in a text: its bytes [begin, end) and its key (number_key).
struct TypedNumberToken {
    size_t begin = 0;
    size_t end = 0;
    std::string key;
    // A number followed by a word that scales it ("1,25 mio. kr.", "950 t. kr.", "2,1 mia."): its
    // key as a count of ones ("1250000"), and the amount unit the words name ("mio. kr."; "" when
    // no "kr." follows, as in "1,25 mio. indbyggere"), and where those words end. Empty (0)
    // without such a word.
    std::string scaled_key;
    std::string scale_unit;
    size_t scale_end = 0;
    // The unit the words after it name: scale_unit, "kr." for "876 kr.", "pct." for "12,5 pct." or
    // "12,5 %"; "" for none.
    std::string unit_after;
};

// The numbers of `text` written as Danish numbers as words of their own ("8.388", "950,5",
// "1234", a sign before them, a "%" or a full stop after them) that have three significant
// digits or more (not "12", "1.000" or "2,0") and are not a year (1900-2099 written without a
// point). Not a number: a part of a word, code or address ("EMN-2023-00648", "A380", "2016=100",
// "1/2"), a time or date ("10.30", "28.09.2023"), a number whose points are no thousands
// ("1.23"), a number after a word that makes it a name ("lokale 128", "§ 128", "lov nr. 1250",
// "tlf. 7010 1250", "Postnummer 2340"), and anything between braces (a figure's formula). Thousands may also be grouped by
// spaces ("1 250 000", with a no-break or thin space too): groups of three after one of 1-3.
std::vector<TypedNumberToken> typed_numbers_in(std::string_view text);

// A Danish number's key: its digits and decimal comma, without sign, thousands points or what
// follows it ("-8.388 %" -> "8388", "950,50" -> "950,50"); "" if `printed` does not start
// with a number.
std::string number_key(std::string_view printed);

// A key (number_key's) times 10^zeros, as a key: shifted_key("1,25", 6) == "1250000",
// shifted_key("0,5", 3) == "500".
std::string shifted_key(std::string_view key, int zeros);

}  // namespace boardpack

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
};

// The numbers of `text` written as Danish numbers as words of their own ("8.388", "950,5",
// "1234", a sign before them, a "%" or a full stop after them) that have three significant
// digits or more (not "12", "1.000" or "2,0") and are not a year (1900-2099 written without a
// point). Not a number: a part of a word, code or address ("EMN-2023-00648", "A380", "2016=100",
// "1/2"), a time or date ("10.30", "28.09.2023"), a number whose points are no thousands
// ("1.23"), and anything between braces (a figure's formula).
std::vector<TypedNumberToken> typed_numbers_in(std::string_view text);

// A Danish number's key: its digits and decimal comma, without sign, thousands points or what
// follows it ("-8.388 %" -> "8388", "950,50" -> "950,50"); "" if `printed` does not start
// with a number.
std::string number_key(std::string_view printed);

}  // namespace boardpack

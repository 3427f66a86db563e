// The words of a table's column heading or row label that say its figures count something
// ("Antal patienter", "Indbyggere", "Årsværk") rather than give kroner: read by the table reader
// (a count in a table of amounts is no kroner) and by the charts (a count and an amount on one
// axis).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace boardpack::model {

// The heading's words, folded, without the punctuation around them: "CVR-nr. (virksomhed)" is
// "cvr-nr", "virksomhed". The words are views into `folded`, which holds the folded heading.
std::vector<std::string_view> heading_words(std::string_view heading, std::string& folded);

// Whether a heading names a count ("Antal patienter", "Patienter (antal)", "Indbyggere"): the word
// "antal", or nothing but what is counted ("Årsværk"), and no amount unit. In a table of amounts
// its figures are no kroner (input/table_reader.cpp). A heading that begins with what is counted
// and says more ("Borgere med handicap") may head kroner paid for them, or a count: MaybeCount.
// MaybeCount: begins with what is counted and says more ("Borgere med handicap"); CountOrCost:
// only what is counted where it heads what it costs as often ("Læger", "Operationer"), which
// matters only where a table's "enhed" converts its amounts.
enum class CountHeading { None, Count, MaybeCount, CountOrCost };
CountHeading count_heading_of(std::string_view heading);
bool count_heading(std::string_view heading);  // count_heading_of(heading) == Count
// A count heading whose figures are whole things ("Antal patienter", "Indbyggere"), not a rate
// or an average of them ("Antal pr. 1.000 indbyggere", "Gns. antal dage"), whose figures have
// decimals.
bool whole_count_heading(std::string_view heading);

}  // namespace boardpack::model

// Words that give a figure its direction already ("faldet med", "besparelse på"): a negative
// figure after them reads as the opposite ("faldet med -10.000 kr." as a rise).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace boardpack::calc {

// The words at the end of `before` (the text as the reader sees it, up to a figure) that give the
// figure's direction, as written there ("faldet fra 2023 til 2024 med ca."), or "". A verb of
// change ("faldet", "reduceres", "sænket"; also each of `verbs`, the trend words "| verbum"
// prints) and then "med", or a noun of one ("fald", "besparelse", "mindreforbrug", "underskud",
// also ending a compound: "lønstigning") and then "på"; with up to four words between them
// ("faldet fra 2023 til 2024 med", "fald i udgiften på") and a word or two of size between that
// and the figure ("ca.", "i alt", "knap", "hele"). A clause ending (",", ".", "og", "som") between
// them breaks it, as does "med" or "på" that belongs to other words ("sammenlignet med").
std::string direction_before(std::string_view before, const std::vector<std::string>& verbs = {});

// False where direction_before is sure to find nothing: no "med" or "på" among the last bytes
// (a quick look, before the words are read or the figure after them is).
bool may_give_direction(std::string_view before);

}  // namespace boardpack::calc

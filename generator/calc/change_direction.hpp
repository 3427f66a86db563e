// Which way a change went, as words say it ("faldet med", "stigning på") and as the figures say
// it (a difference of a later period's figure and an earlier one's): for a text figure that
// quotes a change's size with abs(), which the words give a direction the figures may not.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace boardpack::calc {

// +1 where the words (direction_before's phrase, "faldet med", "en stigning på") say a rise, -1 a
// fall, 0 where they give no way up or down (a saving, a surplus, an income: their sign is in
// their name, not in time). `rose` and `fell` are the trend words "| verbum" prints.
int direction_of_words(std::string_view phrase, std::string_view rose, std::string_view fell);

// +1 where the period a label names comes after the other's ("2024" after "2023", "2. kvt. 2023"
// after "1. kvt. 2023", "Budget 2024" after "Regnskab 2023"), -1 where before; nullopt where
// either names no year, or both the same year and no quarter, half or month tells them apart.
std::optional<int> period_order(std::string_view a, std::string_view b);

// Whether a heading names a period: a year (1900-2099), or a month as Excel writes it ("dec-22").
bool names_period(std::string_view heading);

struct Expr;
// The order (as period_order) of the periods two operands of a formula name: two labels of the
// table ("[2024]", "[2023]"), two cells of one table alike in one label ("t[Nord; 2024]",
// "t[Nord; 2023]"), or two values of one calculation ("k[sats-2024]"); nullopt where they tell
// none.
std::optional<int> operands_order(const Expr& a, const Expr& b);

}  // namespace boardpack::calc

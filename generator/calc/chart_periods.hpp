// The periods a line chart's categories name ("2019", "Dec. 2016", "April 2023", "01. apr.
// 2023", "1. kvt. 2023", "2023K1", "2. halvår 2022", "2023-04", "dec-22"), read as places in time, so that a
// line over periods at uneven distances is drawn at those distances (Dec. 2016, April 2017,
// Aug. 2017, April 2018: four months, four, then eight), and one whose periods run backwards is
// known: either would show a change that is not the data's.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace boardpack::calc {

// The months' Danish names, and the three letters they are shortened to, January first: what
// period labels are read by here and in change_direction.cpp.
inline constexpr std::array<std::string_view, 12> kMonthNames = {"januar", "februar", "marts",     "april",
                                                                 "maj",    "juni",    "juli",      "august",
                                                                 "september", "oktober", "november", "december"};
inline constexpr std::array<std::string_view, 12> kMonthShortNames = {"jan", "feb", "mar", "apr", "maj", "jun",
                                                                      "jul", "aug", "sep", "okt", "nov", "dec"};

// Where the period `label` starts, in months from the start of year 0 (a day's place within
// its month as a fraction of one); nullopt for a label that names no period of a year from 1900
// to 2199 (or, written with two digits, 2000 to 2099) in one of the forms above (a region,
// "Udvikling (2016=100)", "2023/24").
std::optional<double> period_start(std::string_view label);

}  // namespace boardpack::calc

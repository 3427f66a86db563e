// The words of a chart's data, the same in both formats: the description that the HTML's <desc>
// and the PDF Figure's /Alt give a reader who cannot see it (after its caption, which is the
// packet's wording, Wording::figure_caption, as a picture's is).
#pragma once

#include <string>

#include "model/chart.hpp"

namespace boardpack::render::chart {

// Every value in words: "Region Sjælland: 2. kvt. 2023 68 %, ...; Mål 79 %". A gap is
// `not_stated` (the wording's "ikke oplyst"), never a zero.
std::string chart_description(const model::Chart& chart, const std::string& not_stated);

// A value as the table prints it with the chart's unit after the number, before a footnote
// mark the cell carries ("12,5 *" with "%" is "12,5 % *"); as printed if it names the unit.
std::string with_unit(const std::string& printed, const std::string& unit);

}  // namespace boardpack::render::chart

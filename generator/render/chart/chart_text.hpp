// The words of a chart, the same in both formats: its caption and the description of its data
// that the HTML's <desc> and the PDF Figure's /Alt give a reader who cannot see it.
#pragma once

#include <string>

#include "model/chart.hpp"

namespace boardpack::render::chart {

// "Figur 1: Overholdelse af udredningsretten"
std::string chart_caption(const model::Chart& chart);

// Every value in words: "Region Sjælland: 2. kvt. 2023 68 %, ...; Mål 79 %". A gap is
// "ikke oplyst", never a zero.
std::string chart_description(const model::Chart& chart);

// The caption, then the description: the PDF Figure's /Alt.
std::string chart_alt(const model::Chart& chart);

}  // namespace boardpack::render::chart

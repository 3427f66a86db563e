// A chart's coordinates as both formats write them (the SVG's attributes, the PDF's path
// operators): two decimals, as printf's "%.2f" gives them, without printf's cost (a chart's
// thousands of numbers went through the locale-aware float formatter).
#pragma once

#include <string>

namespace boardpack::render::chart {

// Appends `v` to `out` exactly as std::snprintf(..., "%.2f", v) writes it: correctly rounded,
// a tie to even, "-0.00" for a negative value that rounds to zero.
void append_two_decimals(double v, std::string& out);

}  // namespace boardpack::render::chart

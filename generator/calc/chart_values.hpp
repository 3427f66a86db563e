// Fills each ```diagram block's values from the computed tables (after compute_meeting), and
// numbers the figures "Figur N" per item. A chart shows exactly the cells its table prints.
#pragma once

#include "core/diagnostics.hpp"
#include "model/document.hpp"

namespace boardpack::calc {

// More series than this cannot be told apart by colour, marker and pattern together.
inline constexpr size_t kMaxChartSeries = 6;

// Resolves every chart of the meeting: its table (by name, anywhere in the meeting, but never a
// confidential item's from a public one), rows and columns ("A .. B", "A; B"), and each cell as
// a value or a gap ("Ikke oplyst", "-", empty). Errors name the diagram block's line.
void resolve_charts(model::Meeting& meeting, Diagnostics& diags);

// Numbers the item's figures "Figur N" in reading order: its charts, and the blocks a reader
// already numbered as figures (pictures), in one count; the item's text first, then each
// attachment counting anew as tables do.
void number_figures(model::AgendaItem& item);

}  // namespace boardpack::calc

// The rettelsesblad (render/correction_sheet.hpp) measured for the PDF: the first page(s) of a
// corrected packet and the sheet's own PDF. It is set as model blocks (headings, lists,
// paragraphs with struck and bold words), so it is tagged like the rest of the packet.
#pragma once

#include <vector>

#include "render/correction_sheet.hpp"
#include "render/pdf/block_layout.hpp"
#include "render/pdf/page_items.hpp"

namespace boardpack::render::pdf {

// The colour of the marks where a change stands (a dark amber, apart from the good/bad tones).
inline constexpr Color kChangedColor{0.478, 0.361, 0.0};
// The margin bar beside a changed line: its width and its gap to the text.
inline constexpr double kChangeBarWidth = 3;
inline constexpr double kChangeBarGap = 7;

// Measures the sheet into ctx.out (nothing for an empty sheet); ctx.item is not read.
void measure_correction_sheet(const CorrectionSheet& sheet, const Wording& wording, BlockContext& ctx);

// Bars in the left margin beside every text item whose origin `marks` names, one per line.
void draw_change_bars(LaidOutDocument& doc, const ChangeMarks& marks, double margin_left);

}  // namespace boardpack::render::pdf

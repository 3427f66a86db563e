// Computes a whole meeting in place: every table's formulas (tables may quote each other by
// name, in any order), every beregning value, and every {figure} in the text, which becomes the
// value formatted as in its table. A public item may not quote a confidential item's data.
#pragma once

#include "calc/words.hpp"
#include "core/diagnostics.hpp"
#include "model/document.hpp"

namespace boardpack::calc {

void compute_meeting(model::Meeting& meeting, const Words& words, Diagnostics& diags);

}  // namespace boardpack::calc

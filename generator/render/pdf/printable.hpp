// Finds characters in the meeting that the PDF's fonts cannot print (they have no
// Windows-1252 byte) and warns where each was written, before anything is rendered.
#pragma once

#include "core/diagnostics.hpp"
#include "model/document.hpp"

namespace boardpack::render::pdf {

void report_unprintable(const model::Meeting& meeting, Diagnostics& diags);

}  // namespace boardpack::render::pdf

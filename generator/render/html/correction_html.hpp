// The rettelsesblad (render/correction_sheet.hpp) as an HTML section: at the top of a corrected
// packet's page, and alone on the sheet's own page.
#pragma once

#include <string>

#include "render/correction_sheet.hpp"
#include "render/wording.hpp"

namespace boardpack::render::html {

// The sheet's section (h1, an h2 per item, h3 per kind of change), or "" for an empty sheet.
// `links`: item headings link to the items (in the packet; the sheet's own page has none).
std::string correction_section(const CorrectionSheet& sheet, const Wording& wording, bool links);

}  // namespace boardpack::render::html

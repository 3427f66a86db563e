// Writes laid-out pages as PDF with libharu. This is the only file that calls libharu: fonts
// are embedded TrueType (Carlito) in the Windows-1252 encoding; libharu's error callback only
// records the error, which is turned into a diagnostic here.
#pragma once

#include <optional>
#include <string>

#include "core/diagnostics.hpp"
#include "render/pdf/font_metrics.hpp"
#include "render/pdf/page_items.hpp"

namespace boardpack::render::pdf {

// The font files for each style, in the font folder.
const char* font_file(FontStyle style);

// Reads the glyph widths of the embedded fonts.
std::optional<TableMetrics> load_font_metrics(const std::string& font_dir, Diagnostics& diags);

// The PDF file's bytes.
std::optional<std::string> write_pdf(const LaidOutDocument& doc, const std::string& font_dir, Diagnostics& diags);

}  // namespace boardpack::render::pdf

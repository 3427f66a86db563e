// A chart as inline SVG in a <figure>: role="img" with a title and a description, the
// caption, and the chart's data as a table in a <details> element.
#pragma once

#include <string>

#include "model/chart.hpp"
#include "render/chart/chart_layout.hpp"

namespace boardpack::render::html {

// The SVG of a laid-out chart (no figure around it): what the parity test reads. `width_class`
// is added to its class "diagram": "stor" for the drawing at the PDF's width, "smal" for a phone's
// (the style sheet shows one of them), or "" for none.
void append_svg(const render::chart::ChartDrawing& drawing, const std::string& title, const std::string& desc,
                std::string& out, const char* width_class = "");

// The whole figure; `id` makes the element ids unique in the page.
void render_chart(const model::Chart& chart, const std::string& caption, const render::chart::ChartWords& words,
                  const std::string& id, std::string& out);

}  // namespace boardpack::render::html

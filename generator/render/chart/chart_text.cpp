#include "render/chart/chart_text.hpp"

namespace boardpack::render::chart {

std::string chart_description(const model::Chart& c, const std::string& not_stated) {
    std::string out;
    const bool one_category = c.categories.size() == 1;
    for (size_t s = 0; s < c.series.size(); ++s) {
        const model::ChartSeries& series = c.series[s];
        out += s ? "; " : "";
        out += series.label + ":";
        for (size_t k = 0; k < c.categories.size() && k < series.values.size(); ++k) {
            out += k ? ", " : " ";
            if (!one_category) out += c.categories[k] + " ";
            if (!series.values[k]) {
                out += not_stated;
                continue;
            }
            out += series.printed[k];
            if (!c.unit.empty() && series.printed[k].find(c.unit) == std::string::npos) out += " " + c.unit;
        }
    }
    if (c.target) out += (out.empty() ? "" : "; ") + c.target_label;
    // One full stop, as Danish typography writes it after an abbreviation's ("... 12,5 mio. kr.").
    if (!out.empty() && out.back() != '.') out += ".";
    return out;
}

}  // namespace boardpack::render::chart

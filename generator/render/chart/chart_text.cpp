#include "render/chart/chart_text.hpp"
#include "numbers/footnote_marks.hpp"

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
            out += with_unit(series.printed[k], c.unit);
        }
    }
    // The target's label, with its value where the label does not give it ("Mål" alone: the line's
    // height is all a sighted reader has of it).
    if (c.target) {
        const bool has_digit = c.target_label.find_first_of("0123456789") != std::string::npos;
        out += (out.empty() ? "" : "; ") + c.target_label + (has_digit || c.target_written.empty() ? "" : " " + with_unit(c.target_written, c.unit));
    }
    // One full stop, as Danish typography writes it after an abbreviation's ("... 12,5 mio. kr.").
    if (!out.empty() && out.back() != '.') out += ".";
    return out;
}

std::string with_unit(const std::string& printed, const std::string& unit) {
    if (unit.empty() || printed.find(unit) != std::string::npos) return printed;
    std::string marks;
    const std::string_view number = calc::without_footnote_marks(printed, &marks);
    if (marks.empty()) return printed + " " + unit;
    return calc::with_footnote_marks(std::string(number) + " " + unit, marks);
}

}  // namespace boardpack::render::chart

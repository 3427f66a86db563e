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
    size_t number_end = printed.size();
    while (number_end > 0 && printed[number_end - 1] == '*') --number_end;
    if (number_end == printed.size()) return printed + " " + unit;
    std::string number = printed.substr(0, number_end);
    while (!number.empty() && number.back() == ' ') number.pop_back();
    return number + " " + unit + " " + printed.substr(number_end);
}

}  // namespace boardpack::render::chart

#include "render/pdf/font_metrics.hpp"

#include <algorithm>

#include "render/pdf/code_points.hpp"

namespace boardpack::render::pdf {

FontStyle with_bold(FontStyle s) {
    if (s == FontStyle::Mono) return s;
    return (s == FontStyle::Italic || s == FontStyle::BoldItalic) ? FontStyle::BoldItalic : FontStyle::Bold;
}

FontStyle with_italic(FontStyle s) {
    if (s == FontStyle::Mono) return s;
    return (s == FontStyle::Bold || s == FontStyle::BoldItalic) ? FontStyle::BoldItalic : FontStyle::Italic;
}

double FontMetrics::width(std::string_view utf8, FontStyle style, double size) const {
    double total = 0;
    for (size_t i = 0; i < utf8.size();) total += advance_of(next_code_point(utf8, i), style);
    return total * size / 1000.0;
}

TableMetrics::TableMetrics(const std::array<Advances, kFontStyles>& advances, const std::array<double, kFontStyles>& missing,
                           std::array<double, kFontStyles> ascents)
    : ascents_(ascents) {
    for (size_t s = 0; s < kFontStyles; ++s) {
        Face& f = faces_[s];
        f.missing = static_cast<float>(missing[s]);
        f.direct.fill(f.missing);
        // A code point given twice keeps its first advance, in either table.
        for (auto it = advances[s].rbegin(); it != advances[s].rend(); ++it)
            if (it->first < kDirect) f.direct[it->first] = static_cast<float>(it->second);
        for (const auto& [cp, adv] : advances[s])
            if (cp >= kDirect) f.other.push_back({cp, static_cast<float>(adv)});
        const auto by_cp = [](const auto& a, const auto& b) { return a.first < b.first; };
        // Sorted already when FontFiles gives them; sorting a sorted list is not free.
        if (!std::is_sorted(f.other.begin(), f.other.end(), by_cp)) std::stable_sort(f.other.begin(), f.other.end(), by_cp);
        f.other.erase(std::unique(f.other.begin(), f.other.end(), [](const auto& a, const auto& b) { return a.first == b.first; }),
                      f.other.end());
    }
}

double TableMetrics::advance_beyond(char32_t cp, FontStyle style) const {
    const Face& f = faces_[static_cast<size_t>(style)];
    const auto it = std::lower_bound(f.other.begin(), f.other.end(), std::pair<char32_t, float>{cp, -1e30f});
    return it != f.other.end() && it->first == cp ? it->second : f.missing;
}

double FixedMetrics::advance(char32_t, FontStyle style) const {
    return style == FontStyle::Bold || style == FontStyle::BoldItalic ? 550 : 500;
}

}  // namespace boardpack::render::pdf

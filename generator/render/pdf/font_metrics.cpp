#include "render/pdf/font_metrics.hpp"

#include "core/text.hpp"
#include "render/pdf/winansi.hpp"

namespace boardpack::render::pdf {

FontStyle with_bold(FontStyle s) {
    if (s == FontStyle::Mono) return s;
    return (s == FontStyle::Italic || s == FontStyle::BoldItalic) ? FontStyle::BoldItalic : FontStyle::Bold;
}

FontStyle with_italic(FontStyle s) {
    if (s == FontStyle::Mono) return s;
    return (s == FontStyle::Bold || s == FontStyle::BoldItalic) ? FontStyle::BoldItalic : FontStyle::Italic;
}

double TableMetrics::width(std::string_view utf8, FontStyle style, double size) const {
    const Widths& w = widths_[static_cast<size_t>(style)];
    double total = 0;
    // Byte by byte as to_winansi prints them, without building the string (this is called
    // for every character of every table cell).
    for (size_t i = 0; i < utf8.size();)
        if (const int b = winansi_print_byte(next_code_point(utf8, i)); b >= 0) total += w[static_cast<size_t>(b)];
    return total * size / 1000.0;
}

double FixedMetrics::width(std::string_view utf8, FontStyle style, double size) const {
    const double per_char = size * (style == FontStyle::Bold || style == FontStyle::BoldItalic ? 0.55 : 0.5);
    return static_cast<double>(utf8_length(utf8)) * per_char;
}

}  // namespace boardpack::render::pdf

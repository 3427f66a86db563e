// Glyph widths for line breaking and table layout. The layout only sees this interface, so it
// can be tested with fixed-width fake metrics; the real widths come from the embedded fonts.
#pragma once

#include <array>
#include <string_view>

namespace boardpack::render::pdf {

// Mono is code (a monospace face, which emphasis leaves as it is).
enum class FontStyle { Regular = 0, Bold = 1, Italic = 2, BoldItalic = 3, Mono = 4 };
inline constexpr int kFontStyles = 5;

FontStyle with_bold(FontStyle s);
FontStyle with_italic(FontStyle s);

class FontMetrics {
public:
    virtual ~FontMetrics() = default;
    // Width in points of UTF-8 text set in `style` at `size` points; proportional to the size.
    virtual double width(std::string_view utf8, FontStyle style, double size) const = 0;
    // Height above the baseline of capital letters, as a fraction of the size (for placing
    // the first baseline of a line box).
    virtual double ascent(FontStyle style) const = 0;
};

// Widths from a table of the 256 Windows-1252 codes per style, in 1/1000 em.
class TableMetrics final : public FontMetrics {
public:
    using Widths = std::array<double, 256>;
    TableMetrics(std::array<Widths, kFontStyles> widths, std::array<double, kFontStyles> ascents)
        : widths_(widths), ascents_(ascents) {}
    double width(std::string_view utf8, FontStyle style, double size) const override;
    double ascent(FontStyle style) const override { return ascents_[static_cast<size_t>(style)]; }

private:
    std::array<Widths, kFontStyles> widths_;
    std::array<double, kFontStyles> ascents_;
};

// Every character as wide as half its size; bold one tenth wider. For tests.
class FixedMetrics final : public FontMetrics {
public:
    double width(std::string_view utf8, FontStyle style, double size) const override;
    double ascent(FontStyle) const override { return 0.75; }
};

}  // namespace boardpack::render::pdf

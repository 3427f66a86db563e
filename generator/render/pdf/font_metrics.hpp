// Glyph widths for line breaking and table layout. The layout only sees this interface, so it
// can be tested with fixed-width fake metrics; the real widths come from the embedded fonts.
#pragma once

#include <array>
#include <string_view>
#include <utility>
#include <vector>

namespace boardpack::render::pdf {

class LineMemo;

// Mono is code (a monospace face, which emphasis leaves as it is).
enum class FontStyle { Regular = 0, Bold = 1, Italic = 2, BoldItalic = 3, Mono = 4 };
inline constexpr int kFontStyles = 5;

FontStyle with_bold(FontStyle s);
FontStyle with_italic(FontStyle s);

// Measures by Unicode code point: each character by the face that prints it (the style's own,
// or a fallback face for what it lacks).
class FontMetrics {
public:
    virtual ~FontMetrics() = default;
    // The advance of one code point in `style`, in 1/1000 em (0 for one that prints nothing).
    virtual double advance(char32_t cp, FontStyle style) const = 0;
    // The same advance, from a table of the printable ASCII advances (space to tilde) where
    // the metrics keep one (no call: the layout measures every character it sets, the line
    // breaker each one by one).
    double advance_of(char32_t cp, FontStyle style) const {
        const auto s = static_cast<size_t>(style);
        return cp - kFirstAscii < kAscii && ascii_kept_[s] ? ascii_[s][cp - kFirstAscii] : advance(cp, style);
    }
    // Whether advance_of() has the style's table (for tests).
    bool keeps_ascii(FontStyle style) const { return ascii_kept_[static_cast<size_t>(style)]; }
    // Width in points of UTF-8 text set in `style` at `size` points; decodes in place and
    // allocates nothing (it runs for every word the layout sets).
    double width(std::string_view utf8, FontStyle style, double size) const;
    // Height above the baseline of capital letters, as a fraction of the size (for placing
    // the first baseline of a line box).
    virtual double ascent(FontStyle style) const = 0;
    // Where break_lines keeps the lines it broke with these widths, to give them again for the
    // same text (line_memo.hpp); none by default.
    virtual LineMemo* line_memo() const { return nullptr; }

protected:
    static constexpr char32_t kFirstAscii = 0x20, kAscii = 0x7F - 0x20;
    // Keeps the style's advances of ' ' to '~' for advance_of(): they must be what advance() gives.
    void keep_ascii(FontStyle style, const std::array<float, kAscii>& advances) {
        ascii_[static_cast<size_t>(style)] = advances;
        ascii_kept_[static_cast<size_t>(style)] = true;
    }

private:
    std::array<std::array<float, kAscii>, kFontStyles> ascii_{};
    std::array<bool, kFontStyles> ascii_kept_{};
};

// Advances per code point: a direct table for the first kDirect code points (Latin, where
// nearly all text is), a sorted list for the rest.
class TableMetrics final : public FontMetrics {
public:
    // From advances by code point per style (any code points, e.g. read from a font's cmap and
    // hmtx), and each style's advance for a code point it lacks.
    using Advances = std::vector<std::pair<char32_t, double>>;
    TableMetrics(const std::array<Advances, kFontStyles>& advances, const std::array<double, kFontStyles>& missing,
                 std::array<double, kFontStyles> ascents);
    // Inline, so that a wrapper (FontFiles' lazy metrics) looks Latin up without a call.
    double advance(char32_t cp, FontStyle style) const override {
        return cp < kDirect ? faces_[static_cast<size_t>(style)].direct[cp] : advance_beyond(cp, style);
    }
    double ascent(FontStyle style) const override { return ascents_[static_cast<size_t>(style)]; }

private:
    double advance_beyond(char32_t cp, FontStyle style) const;
    static constexpr char32_t kDirect = 0x180;
    struct Face {
        std::array<float, kDirect> direct{};
        std::vector<std::pair<char32_t, float>> other;  // sorted by code point
        float missing = 0;  // a code point the font lacks
    };
    std::array<Face, kFontStyles> faces_;
    std::array<double, kFontStyles> ascents_;
};

// Every character as wide as half its size; bold one tenth wider. For tests.
class FixedMetrics final : public FontMetrics {
public:
    double advance(char32_t cp, FontStyle style) const override;
    double ascent(FontStyle) const override { return 0.75; }
};

}  // namespace boardpack::render::pdf

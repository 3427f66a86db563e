// Fixed-width font metrics that count the characters measured, for the layout tests that show
// work grows with the text, not with its square (a count, not a timing, so they cannot be flaky).
#pragma once

#include <cstddef>
#include <string_view>

#include "core/text.hpp"
#include "render/pdf/font_metrics.hpp"

namespace boardpack::test {

class CountingMetrics final : public render::pdf::FontMetrics {
public:
    double width(std::string_view utf8, render::pdf::FontStyle style, double size) const override {
        measured += utf8_length(utf8);
        return fixed.width(utf8, style, size);
    }
    double ascent(render::pdf::FontStyle style) const override { return fixed.ascent(style); }
    mutable size_t measured = 0;  // characters measured so far
    render::pdf::FixedMetrics fixed;
};

}  // namespace boardpack::test

// Fixed-width font metrics that count the characters measured, for the layout tests that show
// work grows with the text, not with its square (a count, not a timing, so they cannot be flaky).
#pragma once

#include <cstddef>
#include <string_view>

#include "render/pdf/font_metrics.hpp"

namespace boardpack::test {

class CountingMetrics final : public render::pdf::FontMetrics {
public:
    double advance(char32_t cp, render::pdf::FontStyle style) const override {
        ++measured;
        return fixed.advance(cp, style);
    }
    double ascent(render::pdf::FontStyle style) const override { return fixed.ascent(style); }
    mutable size_t measured = 0;  // characters measured so far
    render::pdf::FixedMetrics fixed;
};

}  // namespace boardpack::test

// Table layout: column widths from the content; a table too wide for the page is set in a
// smaller size and then has its text columns wrapped, so nothing ever leaves the page.
#pragma once

#include <vector>

#include "model/document.hpp"
#include "render/pdf/font_metrics.hpp"
#include "render/pdf/line_breaker.hpp"

namespace boardpack::render::pdf {

struct CellBox {
    std::vector<LaidLine> lines;
    bool right = false;  // numbers are right-aligned
};

struct RowBox {
    enum class Kind { Header, Body, Spacer } kind = Kind::Body;
    bool computed = false;  // totals and result lines: bold, with a rule above
    std::vector<CellBox> cells;
    double height = 0;
};

struct TableBox {
    double size = 0;      // font size used
    double leading = 0;   // line height inside cells
    double pad_x = 0;     // space left and right of a cell's text
    std::vector<double> widths;
    RowBox header;
    std::vector<RowBox> rows;
    double width() const;
};

TableBox layout_table(const model::Table& table, double available, const FontMetrics& metrics);

}  // namespace boardpack::render::pdf

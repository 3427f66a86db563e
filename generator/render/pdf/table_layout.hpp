// Table layout: column widths from the content; a table too wide for the page is set in a
// smaller size and then has its text columns wrapped, so nothing ever leaves the page.
// Numeric columns: every cell is right-aligned; numbers line up on the end of their whole part
// (so decimals and units follow aligned on the comma), footnote marks hang to the right of that
// edge, and words ("Ikke oplyst") end where the longest number ends.
#pragma once

#include <vector>

#include "model/document.hpp"
#include "render/pdf/font_metrics.hpp"
#include "render/pdf/line_breaker.hpp"

namespace boardpack::render::pdf {

struct CellBox {
    std::vector<LaidLine> lines;
    bool right = false;  // numbers are right-aligned
    // A right-aligned cell's lines end this far left of the cell's padding, so that the numbers
    // of a column line up on their last whole digit (decimals on the comma) and footnote marks
    // ("166 **") hang to the right of the digits instead of pushing them left.
    double inset = 0;
};

struct RowBox {
    enum class Kind { Header, Body, Spacer } kind = Kind::Body;
    bool total = false;  // a total (model::TableRow::total): bold, with a rule above
    std::vector<CellBox> cells;
    double height = 0;
};

struct TableBox {
    double size = 0;      // font size used
    double leading = 0;   // line height inside cells
    double pad_x = 0;     // space left and right of a cell's text
    std::vector<double> widths;
    bool numbers_split = false;  // too wide even at the smallest size: its numbers break over lines
    RowBox header;
    std::vector<RowBox> rows;
    double width() const;
};

TableBox layout_table(const model::Table& table, double available, const FontMetrics& metrics);

}  // namespace boardpack::render::pdf

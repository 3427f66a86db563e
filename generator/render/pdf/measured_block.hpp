// The first stage's result: a block measured once (its lines broken, its table laid out),
// ready to be placed on pages by Flow::place without being measured again.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "render/chart/chart_layout.hpp"
#include "render/pdf/line_breaker.hpp"
#include "render/pdf/page_items.hpp"
#include "render/pdf/table_layout.hpp"

namespace boardpack::render::pdf {

// A line's look: where it starts, its size and line height.
struct LineStyle {
    double x = 0;
    double size = 10;
    double leading = 12;
};

// Text placed beside the first line of a block, e.g. a list bullet.
struct Marker {
    std::string text;
    double x = 0;
    FontStyle style = FontStyle::Regular;
    Color color;
};

// A table with its caption above and its source and notes below, laid out at one width.
struct TableParts {
    TableBox box;
    std::vector<LaidLine> caption, continued;
    std::vector<std::vector<LaidLine>> below;
};

// A figure drawn at fixed places inside its box (a picture with its caption, a chart): its
// items' positions are relative to the box's top left, which the flow puts on one page.
struct Drawing {
    double height = 0;
    int block = -1;   // the figure's block (its items' Origin::block) and
    std::string alt;  // its alternative text: LaidOutDocument::figures gets them when it is placed
    std::vector<TextItem> texts;
    std::vector<BoxItem> boxes;
    std::vector<ImageItem> images;
};

// One measured piece of the flow.
struct MeasuredBlock {
    enum class Kind { Lines, Space, Rule, Table, Anchor, Chart, Drawing };
    Kind kind = Kind::Lines;
    std::vector<LaidLine> lines;       // Lines
    LineStyle style;                   // Lines
    bool keep_together = false;        // Lines: never split over pages
    std::optional<Marker> marker;      // Lines: beside the first line
    std::string link_target;           // Lines: the whole block links to this anchor
    std::string link_url;              // Lines: or to this address (a file beside the PDF)
    double amount = 0;                 // Space: the gap; Rule: its thickness
    double x = 0, width = 0;           // Rule; Table: x
    Color color;                       // Rule
    const TableParts* table = nullptr;  // Table (owned by the packet's table cache)
    bool landscape = false;            // Table: measured for, and placed on, a landscape page
    std::string anchor;                // Anchor
    std::shared_ptr<const render::chart::ChartDrawing> chart;  // Chart: drawn whole at x, never split
    std::string chart_alt;                   // Chart: the Figure's /Alt
    std::shared_ptr<const Drawing> drawing;  // Drawing, placed at x
    // Lines, Space: the x of each rule beside a quote this block is in (one per quote it is in,
    // nested), drawn beside its lines, and through a space between two of the quote's blocks.
    std::vector<double> quote_rules;
    double need = 0;                   // room wanted below before this block starts
    bool keep_with_next = false;       // on one page with the start of what follows
    Origin origin;
};

// The height a table needs to start on a page: its caption, header and first rows; of a row
// taller than `page` (which is split over pages anyway) only its first lines.
double table_start_height(const TableBox& box, size_t caption_lines, double page);
double table_start_height(const TableParts& parts, double page);
// The first lines of a row split over pages: what must fit where it starts.
double tall_row_start(const TableBox& box);

// The height of a block that must fit for it to start on a page of height `page`: a
// paragraph's first two lines (all of a short one), a table's start, all of a block kept
// together.
double start_height(const MeasuredBlock& b, double page);

}  // namespace boardpack::render::pdf

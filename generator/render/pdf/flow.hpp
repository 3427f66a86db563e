// The second stage: fills pages from top to bottom with measured blocks, in one pass. This is
// the one place that owns the page-break rules: a heading stays with the start of what follows
// it (keep-with-next), at least two lines of a paragraph on each side of a break (widows and
// orphans), a table row is never split (unless taller than a page), a caption stays with its
// header and first rows, a table's last rows are never one alone on its last page (a short
// table is not split at all), and a table's header repeats on every page.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "render/pdf/measured_block.hpp"

namespace boardpack::render::pdf {

class Flow {
public:
    Flow(LaidOutDocument& doc, const FontMetrics& metrics, double top, double bottom);

    // A new page, upright or turned on its side (Page::landscape): a landscape page's foot is
    // as far from its bottom edge as an upright one's. Pages the flow starts itself (a block
    // that goes on over a break) keep the orientation of the page before.
    void new_page(bool landscape = false);
    bool at_page_top() const;
    double y() const { return y_; }
    double remaining() const { return bottom() - y_; }
    // Whether the current page is a landscape one.
    bool turned() const { return !doc_.pages.empty() && doc_.pages.back().landscape; }
    int page_number() const { return static_cast<int>(doc_.pages.size()); }
    Page& page() { return doc_.pages.back(); }

    // Vertical space; dropped at the top of a page.
    void space(double gap);
    // A quote's rules (at each x) on the current page from y `top` to `bottom`: layout, not text.
    void quote_rules(const std::vector<double>& xs, double top, double bottom);
    // Starts a new page unless `height` still fits on this one.
    void ensure(double height);
    // Names the current position for links and bookmarks.
    void anchor(const std::string& name);

    // Places measured blocks in order. Their lines' texts move onto the pages (each line is
    // placed once): the blocks are spent.
    void place(std::vector<MeasuredBlock>& blocks);

    // Places lines, breaking pages between them (keeping two lines together on each side of a
    // break when the block has four or more). `keep_together` moves the whole block instead.
    // The lines' texts move onto the pages. `rules`: the x of each quote's rule beside them.
    void lines(std::vector<LaidLine> lines, const LineStyle& ls, bool keep_together = false,
               const std::optional<Marker>& marker = std::nullopt, const Origin& origin = {},
               const std::vector<double>& rules = {});

    // One line placed at y without moving the flow (for right-aligned page numbers and the like).
    // A table's lines are copied (a header repeats on every page); a line given to keep moves.
    void place_line(const LaidLine& line, double x, double baseline, double size, const Origin& origin = {});
    void place_line(LaidLine&& line, double x, double baseline, double size, const Origin& origin = {});

    // A figure's drawing at the current position, whole on one page (a new one if it does not
    // fit here); the flow moves below it.
    void drawing(const Drawing& d, double x);

    // A horizontal rule at the current position (the flow does not move).
    void rule(double x, double width, double thickness, Color color);

    // A table with its caption above and its source and notes below.
    void table(const TableBox& box, const std::vector<LaidLine>& caption, const std::vector<LaidLine>& continued,
               const std::vector<std::vector<LaidLine>>& below, double x, const Origin& origin = {});

    // A chart drawn whole (a new page first unless it fits), its paths and labels on the page
    // as one Figure (render/pdf/chart_items.cpp).
    void chart(const MeasuredBlock& b);

    // The baseline of a line in style `ls` whose line box starts at `top`.
    double baseline_in(double top, const LineStyle& ls) const;

private:
    // Draws lines [first_line, first_line + line_count) of a row's cells (all by default).
    void draw_row(const RowBox& row, const TableBox& box, double x, const Origin& origin, size_t first_line = 0,
                  size_t line_count = static_cast<size_t>(-1));
    // Draws a row, split over pages (calling `continue_table` between the parts) if it is
    // taller than a page.
    void draw_tall_row(const RowBox& row, const TableBox& box, double x, const Origin& origin,
                       const std::function<void()>& continue_table);
    // The height a keep-with-next block needs with what follows it.
    double kept_height(const std::vector<MeasuredBlock>& blocks, size_t i) const;
    // Whether block i goes on a landscape page: a table measured for one, and what is kept on
    // its page (its anchor, a heading before it) or dropped at a page's top (the space before it).
    // None when nothing after block i places anything (only spaces, anchors and kept headings).
    static std::optional<bool> wants_landscape(const std::vector<MeasuredBlock>& blocks, size_t i);
    // The index of a landscape table that blocks[i..] lead into, short enough to go on its page
    // above its start (see style::kLandscapeLeadShare); 0 if there is none.
    size_t landscape_lead(const std::vector<MeasuredBlock>& blocks, size_t i) const;
    // Whether blocks[i] starts at a page's top: the page is empty, or too full for its start.
    bool starts_page(const std::vector<MeasuredBlock>& blocks, size_t i) const;
    // A new page of the current orientation.
    void next_page() { new_page(turned()); }
    // The foot of the current page's text (an upright page's, or a landscape one's).
    double bottom() const;
    static size_t row_lines(const RowBox& row);
    // place_line's work; `Line` is const LaidLine& (texts copied) or LaidLine& (texts moved).
    template <class Line>
    void put_line(Line& line, double x, double baseline, double size, const Origin& origin);

    LaidOutDocument& doc_;
    const FontMetrics& m_;
    double top_, bottom_;
    double y_ = 0;
};

}  // namespace boardpack::render::pdf

// The first stage for an item's text: model blocks (paragraphs, headings, lists, quotes, code,
// tables) measured once into MeasuredBlocks, which Flow::place puts on pages.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <span>
#include <tuple>
#include <utility>
#include <vector>

#include "model/document.hpp"
#include "render/pdf/measured_block.hpp"
#include "render/wording.hpp"

namespace boardpack::render::pdf {

class TablePartsMemo;

// Tables laid out by table and width: each is measured once, and the measured blocks point
// into the parts this map holds. With `shared`, a table the other edition measured is taken
// from it (table_parts_memo.hpp).
struct TableCache {
    std::map<std::pair<const model::Table*, double>, std::shared_ptr<const TableParts>> parts;
    TablePartsMemo* shared = nullptr;
};

// The blocks and table cells of a corrected packet that carry a `changed` flag, by their
// Origin (block; block, row, column): the packet draws a bar in the margin beside them.
struct ChangeMarks {
    std::set<int> blocks;
    std::set<std::tuple<int, int, int>> cells;
    // Whether a text item with this origin stands beside a change.
    bool marks(const Origin& o) const {
        return blocks.count(o.block) > 0 || (o.row > 0 && cells.count({o.block, o.row, o.col}) > 0);
    }
};

struct BlockContext {
    const FontMetrics& metrics;
    const Wording& wording;
    const model::AgendaItem& item;
    TableCache& tables;
    std::vector<MeasuredBlock>& out;  // measured blocks are appended here
    int& next_block;                  // numbers blocks in reading order (Origin::block)
    double left = 0;   // the content's left edge
    double width = 0;  // the content's width
    ChangeMarks* marks = nullptr;  // where changes stand are recorded here (a corrected packet), or not
};

// Measures blocks indented by `indent`, inside the block `parent` (a list or quote) at list
// depth `depth`.
void measure_blocks(const std::vector<model::Block>& blocks, double indent, BlockContext& ctx, int parent = -1,
                    int depth = 0);

// A heading (section or sub-heading) that stays with the start of what follows it; `level`
// is its level as in the HTML, `parent` the block it is in (a list or quote) or -1.
void measure_heading(std::span<const Span> spans, double size, double gap_before, double gap_after, double indent,
                     int level, BlockContext& ctx, int parent = -1);
// A heading of one span (a section's title, plain()).
inline void measure_heading(const Span& title, double size, double gap_before, double gap_after, double indent, int level,
                            BlockContext& ctx, int parent = -1) {
    measure_heading(std::span<const Span>(&title, 1), size, gap_before, gap_after, indent, level, ctx, parent);
}

}  // namespace boardpack::render::pdf

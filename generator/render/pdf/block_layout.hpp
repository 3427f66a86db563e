// Lays out model blocks (paragraphs, headings, lists, quotes, tables) into the flow.
#pragma once

#include <map>
#include <utility>
#include <vector>

#include "model/document.hpp"
#include "render/pdf/flow.hpp"
#include "render/wording.hpp"

namespace boardpack::render::pdf {

// A table with its caption above and its source and notes below, laid out at one width.
struct TableParts {
    TableBox box;
    std::vector<LaidLine> caption, continued;
    std::vector<std::vector<LaidLine>> below;
};

// Tables laid out by table and width, kept over all passes of a packet's layout: pagination is
// redone until the agenda's page numbers settle, but a table is measured once (a 150 x 20 table
// of 3.000-character words took seconds per layout).
using TableCache = std::map<std::pair<const model::Table*, double>, TableParts>;

struct BlockContext {
    Flow& flow;
    const FontMetrics& metrics;
    const Wording& wording;
    const model::AgendaItem& item;
    TableCache& tables;
    double left = 0;   // the content's left edge
    double width = 0;  // the content's width
};

void layout_blocks(const std::vector<model::Block>& blocks, double indent, BlockContext& ctx);

// A heading (section or sub-heading) that stays with the start of what follows it.
void layout_heading(const std::vector<Span>& spans, double size, double gap_before, double gap_after,
                    double following, double indent, BlockContext& ctx);

// The height that must fit below a heading for the block to start on the same page.
double start_height(const model::Block& block, double indent, BlockContext& ctx);

}  // namespace boardpack::render::pdf

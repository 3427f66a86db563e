// Lays out model blocks (paragraphs, headings, lists, quotes, tables) into the flow.
#pragma once

#include <vector>

#include "model/document.hpp"
#include "render/pdf/flow.hpp"
#include "render/wording.hpp"

namespace boardpack::render::pdf {

struct BlockContext {
    Flow& flow;
    const FontMetrics& metrics;
    const Wording& wording;
    const model::AgendaItem& item;
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

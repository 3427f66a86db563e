// A table measured once for the two editions of a meeting laid out together: a public item's
// table is the same table at the same width in both packets, and measuring it (its cells' lines,
// the columns' widths, the caption) is most of what laying out a table costs (the example: 8,3 M
// instructions for both packets, 14 of its 15 tables public).
//
// What a table's parts are made from: the table (the meeting's model, which both editions'
// views share), the width, the fonts' metrics and the wording, all the same for both editions;
// nothing of an edition (its marks are drawn from the blocks' origins, not from the parts). A
// confidential item's tables are measured only by the closed edition. The parts are kept until
// the memo goes: it is made only for the editions of a meeting small enough to render together.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <utility>

#include "core/once_per_key.hpp"
#include "model/document.hpp"
#include "render/pdf/measured_block.hpp"

namespace boardpack::render::pdf {

class TablePartsMemo {
public:
    // The parts of `table` at `width`: made by `make` the first time (an edition that asks while
    // the other makes them waits for them), the same parts after.
    std::shared_ptr<const TableParts> get(const model::Table& table, double width, const std::function<TableParts()>& make);

    // How many tables were measured, and how many times a table's parts were given again: for tests.
    size_t made() const { return made_; }
    size_t reused() const { return reused_; }

private:
    OncePerKey<std::pair<const model::Table*, double>, std::shared_ptr<const TableParts>> parts_;
    std::atomic<size_t> made_{0}, reused_{0};
};

}  // namespace boardpack::render::pdf

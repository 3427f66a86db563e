#include "render/pdf/table_parts_memo.hpp"

namespace boardpack::render::pdf {

std::shared_ptr<const TableParts> TablePartsMemo::get(const model::Table& table, double width,
                                                      const std::function<TableParts()>& make) {
    bool made_here = false;
    const auto& parts = parts_.get({&table, width}, [&] { return std::make_shared<const TableParts>(make()); }, &made_here);
    (made_here ? made_ : reused_) += 1;
    return parts;
}

}  // namespace boardpack::render::pdf

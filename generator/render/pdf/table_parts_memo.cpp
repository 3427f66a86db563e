#include "render/pdf/table_parts_memo.hpp"

namespace boardpack::render::pdf {

std::shared_ptr<const TableParts> TablePartsMemo::get(const model::Table& table, double width,
                                                      const std::function<TableParts()>& make) {
    Entry* entry = nullptr;
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        std::unique_ptr<Entry>& kept = entries_[{&table, width}];
        if (!kept) kept = std::make_unique<Entry>();
        entry = kept.get();  // the map's entries stay where they are
    }
    bool made_here = false;
    // Another edition asking meanwhile waits here until the parts are made.
    std::call_once(entry->once, [&] {
        entry->parts = std::make_shared<const TableParts>(make());
        made_here = true;
    });
    const std::lock_guard<std::mutex> lock(mutex_);
    ++(made_here ? made_ : reused_);
    return entry->parts;
}

size_t TablePartsMemo::made() const {
    const std::lock_guard<std::mutex> lock(mutex_);
    return made_;
}

size_t TablePartsMemo::reused() const {
    const std::lock_guard<std::mutex> lock(mutex_);
    return reused_;
}

}  // namespace boardpack::render::pdf

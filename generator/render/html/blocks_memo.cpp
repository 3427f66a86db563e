#include "render/html/blocks_memo.hpp"

namespace boardpack::render::html {

void BlocksHtmlMemo::append(const void* blocks, const std::string& changed_word, std::string& out,
                            const std::function<bool(std::string&)>& make) {
    Entry* entry = nullptr;
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        std::unique_ptr<Entry>& kept = entries_[{blocks, changed_word}];
        if (!kept) kept = std::make_unique<Entry>();
        entry = kept.get();  // the map's entries stay where they are
    }
    bool made_here = false;
    // Another edition asking meanwhile waits here until the markup is made.
    std::call_once(entry->once, [&] {
        entry->ok = make(entry->html);
        made_here = true;
    });
    if (made_here) {
        out += entry->html;
        const std::lock_guard<std::mutex> lock(mutex_);
        ++made_;
        return;
    }
    if (!entry->ok) {
        make(out);
        return;
    }
    out += entry->html;
    const std::lock_guard<std::mutex> lock(mutex_);
    ++copied_;
}

size_t BlocksHtmlMemo::made() const {
    const std::lock_guard<std::mutex> lock(mutex_);
    return made_;
}

size_t BlocksHtmlMemo::copied() const {
    const std::lock_guard<std::mutex> lock(mutex_);
    return copied_;
}

}  // namespace boardpack::render::html

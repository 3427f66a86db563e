#include "render/pdf/subset_memo.hpp"

#include <algorithm>

namespace boardpack::render::pdf {

const SubsetMemo::Entry* SubsetMemo::kept(int face, const std::vector<char32_t>& characters) const {
    for (const Entry& e : entries_)
        if (e.face == face && e.characters == characters) return &e;
    return nullptr;
}

std::shared_ptr<const EmbeddedSubset> SubsetMemo::find(int face, const std::vector<char32_t>& characters) const {
    const std::lock_guard<std::mutex> lock(mutex_);
    const Entry* e = kept(face, characters);
    return e ? e->subset : nullptr;
}

std::shared_ptr<const EmbeddedSubset> SubsetMemo::get(int face, const std::vector<char32_t>& characters,
                                                   const std::function<std::shared_ptr<const EmbeddedSubset>()>& make) {
    const Making key{face, characters};
    {
        std::unique_lock<std::mutex> lock(mutex_);
        made_.wait(lock, [&] { return std::find(making_.begin(), making_.end(), key) == making_.end(); });
        if (const Entry* e = kept(face, characters)) return e->subset;
        making_.push_back(key);
    }
    // However make() ends (a subset, none, or an exception), the subset is no longer being made
    // after it, and whoever waits for it looks again.
    struct Done {
        SubsetMemo& memo;
        const Making& key;
        ~Done() {
            {
                const std::lock_guard<std::mutex> lock(memo.mutex_);
                memo.making_.erase(std::find(memo.making_.begin(), memo.making_.end(), key));
            }
            memo.made_.notify_all();
        }
    } done{*this, key};
    std::shared_ptr<const EmbeddedSubset> made = make();
    if (made) keep(face, characters, made);
    return made;
}

void SubsetMemo::keep(int face, const std::vector<char32_t>& characters, std::shared_ptr<const EmbeddedSubset> subset) {
    const size_t n = subset->bytes() + characters.size() * sizeof(char32_t);
    const std::lock_guard<std::mutex> lock(mutex_);
    if (kept(face, characters)) return;  // made at once on the other thread
    if (bytes_ + n > budget_) {
        entries_.clear();
        bytes_ = 0;
        if (n > budget_) return;
    }
    entries_.push_back({face, characters, std::move(subset)});
    bytes_ += n;
}

}  // namespace boardpack::render::pdf

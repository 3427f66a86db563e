#include "render/pdf/subset_memo.hpp"

#include <algorithm>

namespace boardpack::render::pdf {

std::shared_ptr<const EmbeddedSubset> SubsetMemo::find(int face, const std::vector<char32_t>& characters) const {
    const std::lock_guard<std::mutex> lock(mutex_);
    for (const Entry& e : entries_)
        if (e.face == face && e.characters == characters) return e.subset;
    return nullptr;
}

std::shared_ptr<const EmbeddedSubset> SubsetMemo::get(int face, const std::vector<char32_t>& characters,
                                                   const std::function<std::shared_ptr<const EmbeddedSubset>()>& make) {
    const std::pair<int, std::vector<char32_t>> key{face, characters};
    {
        std::unique_lock<std::mutex> lock(mutex_);
        const auto being_made = [&] { return std::find(making_.begin(), making_.end(), key) != making_.end(); };
        made_.wait(lock, [&] { return !being_made(); });
        for (const Entry& e : entries_)
            if (e.face == face && e.characters == characters) return e.subset;
        making_.push_back(key);
    }
    std::shared_ptr<const EmbeddedSubset> made;
    try {
        made = make();
    } catch (...) {
        const std::lock_guard<std::mutex> lock(mutex_);
        making_.erase(std::find(making_.begin(), making_.end(), key));
        made_.notify_all();
        throw;
    }
    if (made) keep(face, characters, made);
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        making_.erase(std::find(making_.begin(), making_.end(), key));
    }
    made_.notify_all();
    return made;
}

void SubsetMemo::keep(int face, const std::vector<char32_t>& characters, std::shared_ptr<const EmbeddedSubset> subset) {
    const size_t n = subset->bytes() + characters.size() * sizeof(char32_t);
    const std::lock_guard<std::mutex> lock(mutex_);
    for (const Entry& e : entries_)
        if (e.face == face && e.characters == characters) return;  // made at once on the other thread
    if (bytes_ + n > budget_) {
        entries_.clear();
        bytes_ = 0;
        if (n > budget_) return;
    }
    entries_.push_back({face, characters, std::move(subset)});
    bytes_ += n;
}

}  // namespace boardpack::render::pdf

#include "render/pdf/subset_memo.hpp"

namespace boardpack::render::pdf {

std::shared_ptr<const EmbeddedSubset> SubsetMemo::find(int face, const std::vector<char32_t>& characters) const {
    const std::lock_guard<std::mutex> lock(mutex_);
    for (const Entry& e : entries_)
        if (e.face == face && e.characters == characters) return e.subset;
    return nullptr;
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

#include "render/pdf/page_memo.hpp"

#include <cstring>
#include <vector>

namespace boardpack::render::pdf {

namespace {

// A hash of a page's content, 8 bytes at a time (std::hash takes some 3 instructions a byte):
// it only picks the candidates, each then checked byte for byte, so it need only be fast and
// spread well.
uint64_t content_hash(std::string_view s) {
    uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
    size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        uint64_t w;
        std::memcpy(&w, s.data() + i, 8);
        h = (h ^ w) * 0xFF51AFD7ED558CCDull;
        h ^= h >> 32;
    }
    uint64_t rest = 0;
    if (i < s.size()) std::memcpy(&rest, s.data() + i, s.size() - i);  // (an empty view's data may be null)
    h = (h ^ rest) * 0xC4CEB9FE1A85EC53ull;
    return h ^ (h >> 29);
}

}  // namespace

std::shared_ptr<const std::string> PageMemo::compressed(std::string_view content, Deflater& deflater, Inflater& inflater) {
    const uint64_t hash = content_hash(content);
    std::vector<std::shared_ptr<const std::string>> candidates;
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        const auto [from, to] = entries_.equal_range(hash);
        for (auto it = from; it != to; ++it) candidates.push_back(it->second);
    }
    // Checked outside the lock, as the compressing below.
    for (auto& candidate : candidates)
        if (inflater.holds(*candidate, content)) {
            const std::lock_guard<std::mutex> lock(mutex_);
            ++reused_;
            return candidate;
        }
    // Compressed outside the lock: the other PDF goes on meanwhile. Two PDFs that compress the
    // same page at once keep it twice, each the same bytes.
    if (!deflater.compress(content)) return nullptr;
    auto kept = std::make_shared<const std::string>(deflater.result());
    const std::lock_guard<std::mutex> lock(mutex_);
    entries_.emplace(hash, kept);
    return kept;
}

size_t PageMemo::reused() const {
    const std::lock_guard<std::mutex> lock(mutex_);
    return reused_;
}

void PageMemo::clear() {
    const std::lock_guard<std::mutex> lock(mutex_);
    entries_.clear();
}

void PlanExchange::offer(std::shared_ptr<const FontPlan> plan) {
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        if (plan_) return;
        plan_ = std::move(plan);
    }
    offered_.notify_all();
}

std::shared_ptr<const FontPlan> PlanExchange::take() const {
    std::unique_lock<std::mutex> lock(mutex_);
    offered_.wait(lock, [this] { return plan_.has_value(); });
    return *plan_;
}

}  // namespace boardpack::render::pdf

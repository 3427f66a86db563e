#include "render/pdf/page_stream_memo.hpp"

#include <cstring>

namespace boardpack::render::pdf {

namespace {

// The key an entry is found by: the size and 32 words spread over the bytes. Two pages alike
// but for a few bytes share it now and then; they are told apart by comparing every byte, which
// costs far less than hashing all of them for every page.
uint64_t sample_key(std::string_view bytes) {
    uint64_t h = 1469598103934665603ull ^ bytes.size();
    constexpr size_t kSamples = 32;
    if (bytes.size() >= sizeof(uint64_t)) {
        const size_t last = bytes.size() - sizeof(uint64_t);
        for (size_t k = 0; k < kSamples; ++k) {
            uint64_t w;
            std::memcpy(&w, bytes.data() + last * k / (kSamples - 1), sizeof w);
            h = (h ^ w) * 0x9E3779B97F4A7C15ull;
            h ^= h >> 29;
        }
    } else {
        for (const char c : bytes) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    }
    return h;
}

}  // namespace

const PageStreamMemo::Entry* PageStreamMemo::find(uint64_t key, std::string_view content, int level) const {
    const auto [begin, end] = entries_.equal_range(key);
    for (auto it = begin; it != end; ++it)
        if (it->second.level == level && it->second.content == content) return &it->second;
    return nullptr;
}

const std::string* PageStreamMemo::compress(std::string_view content, Deflater& deflater) {
    const uint64_t key = sample_key(content);
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        if (const Entry* e = find(key, content, deflater.level())) {
            ++hits_;
            return &e->compressed;
        }
    }
    // Compressed outside the lock: the other edition's writer goes on meanwhile.
    if (!deflater.compress(content)) return nullptr;
    const std::string& made = deflater.result();
    const std::lock_guard<std::mutex> lock(mutex_);
    // The other writer may have kept the same bytes meanwhile: its entry is the same.
    if (const Entry* e = find(key, content, deflater.level())) return &e->compressed;
    const size_t size = content.size() + made.size();
    if (bytes_ + size > budget_) return &made;
    bytes_ += size;
    return &entries_.emplace(key, Entry{deflater.level(), std::string(content), made})->second.compressed;
}

size_t PageStreamMemo::hits() const {
    const std::lock_guard<std::mutex> lock(mutex_);
    return hits_;
}

size_t PageStreamMemo::bytes() const {
    const std::lock_guard<std::mutex> lock(mutex_);
    return bytes_;
}

}  // namespace boardpack::render::pdf

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

PageStreamMemo::Entry* PageStreamMemo::find(uint64_t key, std::string_view content, int level) {
    const auto [begin, end] = entries_.equal_range(key);
    for (auto it = begin; it != end; ++it)
        if (it->second.level == level && it->second.content == content) return &it->second;
    return nullptr;
}

const std::string* PageStreamMemo::compress(std::string_view content, Deflater& deflater) {
    const uint64_t key = sample_key(content);
    // What a kept entry may take at most, its content and the compressor's bound on its
    // compressed form, is set aside before it is compressed: what the memo holds never passes
    // its budget.
    const size_t most = content.size() + deflater.bound(content.size());
    Entry* entry = nullptr;
    {
        std::unique_lock<std::mutex> lock(mutex_);
        if (Entry* e = find(key, content, deflater.level())) {
            ++hits_;
            // Kept, or being compressed by the other writer: then waited for (a page takes
            // some 20 µs).
            compressed_.wait(lock, [e] { return e->done; });
            return e->failed ? nullptr : &e->compressed;
        }
        ++made_;
        if (bytes_ + most <= budget_) {
            bytes_ += most;
            entry = &entries_.emplace(key, Entry{deflater.level(), std::string(content), {}})->second;
        }
    }
    // Compressed outside the lock: the other edition's writer goes on meanwhile.
    if (!entry) return deflater.compress(content) ? &deflater.result() : nullptr;  // past the budget: not kept
    bool ok = false;
    const auto finish = [&] {
        {
            const std::lock_guard<std::mutex> lock(mutex_);
            entry->done = true;
            entry->failed = !ok;
            if (ok) entry->compressed = deflater.result();
            bytes_ -= most - content.size() - entry->compressed.size();
        }
        compressed_.notify_all();
    };
    try {
        ok = deflater.compress(content);
    } catch (...) {  // out of memory: a writer waiting for the entry is told it failed
        finish();
        throw;
    }
    finish();
    return ok ? &entry->compressed : nullptr;
}

size_t PageStreamMemo::hits() const {
    const std::lock_guard<std::mutex> lock(mutex_);
    return hits_;
}

size_t PageStreamMemo::made() const {
    const std::lock_guard<std::mutex> lock(mutex_);
    return made_;
}

size_t PageStreamMemo::bytes() const {
    const std::lock_guard<std::mutex> lock(mutex_);
    return bytes_;
}

}  // namespace boardpack::render::pdf

// Pages' content streams compressed once for both editions. Rendering together, the two
// editions print many pages of public items alike: the same content bytes (a page's footer,
// which names its edition and page count, is a stream of its own when the packet has an
// agenda-only PDF, and the codes of a face's characters are the same when the two print the same
// characters with it). Compressing a page is most of what writing it costs.
//
// An entry is found by the bytes' size and a sample of them, and taken only if every byte is
// the same. Its compressed bytes are then exactly what this writer's own compressor would make of
// them (deflate's output is a function of its input and its level alone, and the level is part
// of the key), so a public PDF holds nothing it would not hold without the memo.
//
// The two packets' writers often reach the same pages at the same moment (the public one follows
// the closed one page by page). A page one writer is compressing is waited for by the other,
// not compressed a second time: in a third to a half of the example's builds some 30 of its 60
// pages were, each writer slowing the other on cores that share their host's.
#pragma once

#include <cstddef>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/deflate.hpp"

namespace boardpack::render::pdf {

// Thread-safe: the two editions' packets are written at once. Entries are never forgotten while
// it lives (a pointer compress() gave stays valid); past its budget it keeps no more.
class PageStreamMemo {
public:
    explicit PageStreamMemo(size_t budget_bytes = kDefaultBudget) : budget_(budget_bytes) {}

    // `content` compressed: as kept, or compressed now by `deflater` (and kept, within the
    // budget). Valid while the memo lives, or, if not kept, until `deflater` compresses again;
    // null if compression fails.
    const std::string* compress(std::string_view content, Deflater& deflater);

    // How often compress() found the bytes kept (or being compressed), how often it compressed
    // them itself, and what it keeps (in bytes, at most the budget): for tests.
    size_t hits() const;
    size_t made() const;
    size_t bytes() const;

    // The example's pages, each kept with its content and compressed form, take some 0,9 MB;
    // the editions render together only for a meeting of up to 1 MiB of input (build.cpp).
    static constexpr size_t kDefaultBudget = size_t{4} << 20;

private:
    struct Entry {
        int level;
        std::string content, compressed;
        bool done = false;    // compressed (or failed): until then its maker compresses it
        bool failed = false;  // the compressor failed on it
    };
    Entry* find(uint64_t key, std::string_view content, int level);

    mutable std::mutex mutex_;
    std::condition_variable compressed_;  // an entry is done
    std::unordered_multimap<uint64_t, Entry> entries_;  // by sample_key; references stay valid
    size_t bytes_ = 0;  // kept, and set aside for the entries being compressed
    size_t hits_ = 0;
    size_t made_ = 0;
    const size_t budget_;
};

}  // namespace boardpack::render::pdf

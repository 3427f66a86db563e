// The compressed content of the pages a PDF writes, kept by what they hold, and what an
// edition's packet and its agenda-only PDF share: the two print the same item pages (all but
// "Side N af M", which has a content stream of its own), so each such page is compressed once,
// and the agenda-only PDF takes the packet's font plan (the same codes, hence the same bytes)
// when that plan has every character it prints.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/deflate.hpp"
#include "render/pdf/embedded_fonts.hpp"

namespace boardpack::render::pdf {

// Thread-safe: an edition's two PDFs may be written at once. An entry is taken only when its
// bytes decompress to exactly the content asked for (a hash picks the candidates), so a page
// never gets another's content; and a PDF that compresses its pages alone gets the same bytes.
class PageMemo {
public:
    // The zlib form of `content`: kept from an earlier page with exactly these bytes (checked
    // with `inflater`), else compressed with `deflater` and kept. Null if compression fails.
    std::shared_ptr<const std::string> compressed(std::string_view content, Deflater& deflater, Inflater& inflater);
    // How many pages were taken from the memo (for tests).
    size_t reused() const;
    // Forgets every page (a PDF that took one holds it until it is saved).
    void clear();

private:
    mutable std::mutex mutex_;
    std::unordered_multimap<uint64_t, std::shared_ptr<const std::string>> entries_;
    size_t reused_ = 0;
};

// The packet's font plan, handed to the agenda-only PDF, which waits for it.
class PlanExchange {
public:
    // The packet's plan, or null if the packet made none (it failed first); the first offer counts.
    void offer(std::shared_ptr<const FontPlan> plan);
    // Waits for the offer.
    std::shared_ptr<const FontPlan> take() const;

private:
    mutable std::mutex mutex_;
    mutable std::condition_variable offered_;
    std::optional<std::shared_ptr<const FontPlan>> plan_;
};

// What an edition's packet and agenda-only PDF share (see write_pdf).
struct EditionPdfs {
    PageMemo pages;
    PlanExchange plan;
};

}  // namespace boardpack::render::pdf

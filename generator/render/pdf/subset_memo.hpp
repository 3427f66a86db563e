// A face's subset as a PDF embeds it, kept for the next PDF that prints the same characters
// with it: an edition's packet and its agenda-only PDF, and often the two editions, embed the
// same subsets (the example's four PDFs embed twelve faces, five of them different), and
// making one (hb-subset, then compressing the font program, its CIDToGIDMap and ToUnicode map)
// is most of what embedding a face costs.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace boardpack::render::pdf {

// What embed_cid_font makes from a face and its characters alone: the streams already
// compressed, as they go into the PDF, and the widths for /W.
struct EmbeddedSubset {
    size_t program_size = 0;                  // the font program's size uncompressed (/Length1)
    std::string program, gids, to_unicode;    // compressed: FontFile2, CIDToGIDMap, ToUnicode
    // The characters' codes (character_codes: a function of the characters alone, so a subset
    // kept by its characters has them too) and widths, in 1/1000 em, in the characters' order.
    std::vector<uint16_t> codes;
    std::vector<int> widths;
    size_t bytes() const {
        return program.size() + gids.size() + to_unicode.size() + codes.size() * sizeof(uint16_t) + widths.size() * sizeof(int);
    }
};

// The subsets made in a run, by face and characters (the whole list, not a hash of it).
// Thread-safe (the editions are written at once); past its budget it forgets the ones it has,
// so a run of many meetings holds no more than that.
class SubsetMemo {
public:
    explicit SubsetMemo(size_t budget_bytes = kDefaultBudget) : budget_(budget_bytes) {}

    // The subset of `face` for exactly `characters`, if one was kept; else null.
    std::shared_ptr<const EmbeddedSubset> find(int face, const std::vector<char32_t>& characters) const;
    // Keeps a subset made for `face` and `characters`.
    void keep(int face, const std::vector<char32_t>& characters, std::shared_ptr<const EmbeddedSubset> subset);
    // The subset kept for `face` and `characters`, or the one `make` makes (null if it fails),
    // then kept. A thread that asks for a subset another is making waits for it, rather than
    // make it too (the two editions' PDFs often embed the same ones at the same time).
    std::shared_ptr<const EmbeddedSubset> get(int face, const std::vector<char32_t>& characters,
                                              const std::function<std::shared_ptr<const EmbeddedSubset>()>& make);

    // Some meetings' worth of the example's (its five subsets take some 100 KB).
    static constexpr size_t kDefaultBudget = size_t{2} << 20;

private:
    struct Entry {
        int face;
        std::vector<char32_t> characters;
        std::shared_ptr<const EmbeddedSubset> subset;
    };
    using Making = std::pair<int, std::vector<char32_t>>;  // a face and its characters
    // The entry kept for exactly these; the caller holds mutex_.
    const Entry* kept(int face, const std::vector<char32_t>& characters) const;
    mutable std::mutex mutex_;
    std::condition_variable made_;  // a subset that was being made is kept (or failed)
    std::vector<Making> making_;    // by a thread, now
    std::vector<Entry> entries_;
    size_t bytes_ = 0;
    const size_t budget_;
};

}  // namespace boardpack::render::pdf

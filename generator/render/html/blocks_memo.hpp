// The HTML of an item's blocks made once for the two editions of a meeting rendered together: a
// public item's sections and attachments are the same markup in both pages (a table's caption
// id names its item, not its place on the page: table_caption_id), and making it (the table
// template above all) was most of each page's work (the example: the two pages 21,8 M
// instructions, 14,7 M of them the items' blocks, 14 of its 15 tables in public items).
//
// What blocks' markup is made from: the blocks and their item (the meeting's model, which both
// editions' views share), the wording and templates (the run's), and the hidden word of a mark,
// which is part of the key. The marks are the model's: editions render together only when they
// mark alike (build.cpp, marks_agree), so a memo is made only then. A confidential item's
// blocks are asked for only by the closed edition.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <string>
#include <utility>

#include "core/once_per_key.hpp"

namespace boardpack::render::html {

class BlocksHtmlMemo {
public:
    // Appends the markup of `blocks` (a section's or an attachment's, by address) with marks
    // worded `changed_word` to `out`. The first edition to ask makes it with `make` (which
    // appends it to the string it is given, and says whether it was made without an error); an
    // edition that asks while it is being made waits for it, and one that asks after copies it.
    // A markup made with an error is not given out: the next edition makes its own, and reports
    // its own error.
    void append(const void* blocks, const std::string& changed_word, std::string& out,
                const std::function<bool(std::string&)>& make);

    // How many markups were made, and how many times one was copied instead: for tests.
    size_t made() const { return made_; }
    size_t copied() const { return copied_; }

private:
    struct Markup {
        std::string html;
        bool ok = false;  // made without an error
    };
    OncePerKey<std::pair<const void*, std::string>, Markup> markups_;
    std::atomic<size_t> made_{0}, copied_{0};
};

}  // namespace boardpack::render::html

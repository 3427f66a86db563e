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

#include <kainjow/mustache.hpp>

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <utility>

#include "core/once_per_key.hpp"

namespace boardpack::render::html {

// A markup as the page template is given it: a string of kainjow's, shared by the pages that
// print it rather than copied into each (a copy, and a free, of every byte of the items' blocks).
using SharedHtml = std::shared_ptr<const kainjow::mustache::data>;

// The markup `make` appends to the string it is given, as a string of kainjow's; `ok` says
// whether make() made it without an error.
SharedHtml make_html(const std::function<bool(std::string&)>& make, bool* ok = nullptr);

class BlocksHtmlMemo {
public:
    // The markup of `blocks` (a section's or an attachment's, by address) with marks worded
    // `changed_word`. The first edition to ask makes it with `make` (which appends it to the
    // string it is given, and says whether it was made without an error); an edition that asks
    // while it is being made waits for it, and one that asks after is given the same markup. A
    // markup made with an error is not given out: the next edition makes its own, and reports
    // its own error.
    SharedHtml markup(const void* blocks, const std::string& changed_word, const std::function<bool(std::string&)>& make);

    // How many markups were made, and how many times one was given out again instead: for tests.
    size_t made() const { return made_; }
    size_t shared() const { return shared_; }

private:
    struct Markup {
        SharedHtml html;
        bool ok = false;  // made without an error
    };
    OncePerKey<std::pair<const void*, std::string>, Markup> markups_;
    std::atomic<size_t> made_{0}, shared_{0};
};

}  // namespace boardpack::render::html

// A table's markup made once for the two editions of a meeting rendered together. A public
// item's tables are the same markup in both pages (their captions' ids name the item, not the
// table's place on the page: table_caption_id), and filling the table template was about half
// of each page's work (the example: 10 M of the two pages' 22 M instructions, 14 of its 15
// tables public).
//
// What a table's markup is made from: the table (shared by the two editions' views: the
// meeting's model), the wording and templates (the run's), and the hidden word of a changed
// cell's mark, which is part of the key. Its cells' marks are the model's: editions render
// together only when they mark alike (build.cpp, marks_agree), so a memo is made only then.
// A confidential item's tables are asked for only by the closed edition.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include "model/document.hpp"

namespace boardpack::render::html {

class TableHtmlMemo {
public:
    // Appends the markup of `table` with marks worded `changed_word` to `out`. The first edition
    // to ask makes it with `make` (which appends it to the string it is given, and says whether
    // it was made without an error); an edition that asks while it is being made waits for it,
    // and one that asks after copies it. A markup made with an error is not given out: the next
    // edition makes its own, and reports its own error.
    void append(const model::Table& table, const std::string& changed_word, std::string& out,
                const std::function<bool(std::string&)>& make);

    // How many tables were made, and how many times one was copied instead: for tests.
    size_t made() const;
    size_t copied() const;

private:
    struct Entry {
        std::once_flag once;
        std::string html;
        bool ok = false;
    };
    mutable std::mutex mutex_;
    std::map<std::pair<const model::Table*, std::string>, std::unique_ptr<Entry>> entries_;
    size_t made_ = 0, copied_ = 0;
};

}  // namespace boardpack::render::html

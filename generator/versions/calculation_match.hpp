// Which value of a `beregning` block in this version each value of the version before is, so a
// value corrected in the correction that renames it (or its block) is still the cause the
// rettelsesblad gives for the figures computed from it. A block and its values are known by
// their names; a name changed is followed only where the rename is certain, never guessed.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "versions/snapshot.hpp"

namespace boardpack::versions {

// A byte that may be part of a name: a letter, digit, "-", "_" or any byte of a non-ASCII letter.
bool name_char(unsigned char c);

// The figures of an item's paragraphs that are the same figure in both versions (the same place
// in paragraphs paired by their words), each as (formula before, formula now).
using QuotedPairs = std::vector<std::pair<std::string, std::string>>;

// Each value of item `item`'s blocks in `before` (index in before.calculations) that is a value
// now (index in now.calculations): the one of the same block and name, the block known by its
// name or, renamed, by the figures that quoted it quoting the new name (or as the item's only
// block gone and only block new, sharing a value's name). A value renamed within its block is
// the one new name that the figures quoting it now quote, that stands where it stood (the block
// the same length), or that is written as it was; a match that some figure gainsays, or that
// another value could as well be, is none.
std::map<size_t, size_t> match_calculations(const Snapshot& before, const Snapshot& now, int item, const QuotedPairs& quoted);

// The expression of `before.calculations[index]` as written, with the names of the values it
// quotes that `match` follows to another name (bare within its block, "blok[værdi]" otherwise)
// written as now: a value that only quotes a renamed one reads as it did, and is no correction.
std::string with_names_now(const Snapshot& before, const Snapshot& now, size_t index, const std::map<size_t, size_t>& match);

}  // namespace boardpack::versions

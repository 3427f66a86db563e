// "Did you mean": the nearest of the names a reader could have meant, for messages about an
// unknown name (a block type, a section, an item folder, a table, a column).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace boardpack {

// Edits (insert, delete, replace one character, counted in code points) from a to b.
size_t edit_distance(std::string_view a, std::string_view b);

// The candidate nearest to `name`, when it is near enough to be a likely slip: a name that differs
// only in case or spacing first, then the one candidate whose words stand whole in the name or the
// name's in it, else at most about one edit in three characters, in each word that differs too
// (never a name that differs only in its numbers); nullopt if none.
std::optional<std::string> nearest_name(std::string_view name, const std::vector<std::string>& candidates);

// "; did you mean \"x\"?" for the nearest candidate, or "" when none is near.
std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates);

}  // namespace boardpack

// The functions of the formula language and how many arguments each takes: one table, read by
// the parser (is this word a function?) and the evaluator (the right number of arguments?).
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

namespace boardpack::calc {

struct Builtin {
    std::string_view name;  // as written, lower case
    size_t min_args = 0;
    size_t max_args = 0;
};

// Every function, in the order the README lists them.
std::span<const Builtin> builtins();

// The function of that (folded) name, or nullptr.
const Builtin* find_builtin(std::string_view folded_name);

}  // namespace boardpack::calc

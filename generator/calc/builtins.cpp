#include "calc/builtins.hpp"

namespace boardpack::calc {

namespace {

// sum/min/max take a list (ranges expand); the limit only keeps a runaway formula readable.
constexpr Builtin kBuiltins[] = {
    {"sum", 1, 1000},      {"min", 1, 1000},  {"max", 1, 1000}, {"abs", 1, 1},
    {"status", 3, 3},      {"udvikling", 3, 4}, {"loft", 2, 2},  {"nummer", 1, 1},
};

}  // namespace

std::span<const Builtin> builtins() { return kBuiltins; }

const Builtin* find_builtin(std::string_view folded_name) {
    for (const Builtin& b : kBuiltins)
        if (b.name == folded_name) return &b;
    return nullptr;
}

}  // namespace boardpack::calc

// How calc/ says that something could not be done: one convention for parsing a formula, its
// options, resolving its names and evaluating it. Functions return an optional (or pointer) and
// fill a Failure, or a FormulaError when the place in the formula text is known.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "core/diagnostics.hpp"

namespace boardpack::calc {

// Why: the sentence, and where it belongs when that is not the formula itself.
struct Failure {
    std::string message;
    // The input cell at fault (a "-" where a number is needed), when the error belongs there.
    std::optional<SourceLoc> at;
    // The error (an index into Diagnostics) this one only follows from: it is counted under that
    // one, not shown, so one cause gives one error.
    std::optional<size_t> follows_from;
    // The input cell the error is about, where it is reported at the formula (an empty cell):
    // a second formula that fails on the same cell follows from the first one's error.
    std::optional<SourceLoc> cause;
};

// A failure found at a place in a formula's text.
struct FormulaError : Failure {
    int column = 0;  // 0-based byte offset into the text

    static FormulaError at_column(int column, std::string message) {
        FormulaError e;
        e.column = column;
        e.message = std::move(message);
        return e;
    }
};

}  // namespace boardpack::calc

// Evaluates a parsed formula against a scope that says what its labels and cells are.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "calc/expression.hpp"
#include "calc/value.hpp"
#include "calc/words.hpp"

namespace boardpack::calc {

// Cells of named tables and values of beregning blocks, anywhere in the meeting. Each method
// returns nullopt and sets *error (a sentence) when the name does not resolve.
class References {
public:
    virtual ~References() = default;
    // navn[række; kolonne] or navn[værdi].
    virtual std::optional<Value> cell(const std::string& name, const std::vector<std::string>& labels,
                                      std::string* error) = 0;
    // The number ("Tabel N") of a named table, for nummer().
    virtual std::optional<int> table_number(const std::string& name, std::string* error) = 0;
    // The words statuses are printed with.
    virtual const Words& words() const = 0;
};

// What the names in a formula refer to: its own labels, and named tables through References.
class Scope {
public:
    explicit Scope(References& refs) : refs_(refs) {}
    virtual ~Scope() = default;
    References& refs() { return refs_; }

    // A bare or [bracketed] label: a row (row formula), a column (column formula), a value of the
    // same beregning block.
    virtual std::optional<Value> label(const std::string& label, std::string* error) = 0;
    // The values from one label to another, in table order (for sum()). On failure *to_failed
    // says whether the second label was the one at fault.
    virtual std::optional<std::vector<Value>> range(const std::string& from, const std::string& to,
                                                    std::string* error, bool* to_failed) = 0;

private:
    References& refs_;
};

struct EvalError {
    int column = 0;  // 0-based byte offset into the formula
    std::string message;
};

std::optional<Value> evaluate(const Expr& e, Scope& scope, EvalError* error);

}  // namespace boardpack::calc

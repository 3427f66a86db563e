// Evaluates a parsed formula against a scope that says what its labels and cells are.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "calc/expression.hpp"
#include "calc/failure.hpp"
#include "calc/value.hpp"
#include "calc/words.hpp"

namespace boardpack::calc {

// Cells of named tables and values of beregning blocks, anywhere in the meeting. Each method
// returns nullopt and fills *error when the name does not resolve.
class References {
public:
    virtual ~References() = default;
    // navn[række; kolonne] or navn[værdi].
    virtual std::optional<Value> cell(const std::string& name, const std::vector<std::string>& labels,
                                      Failure* error) = 0;
    // The number ("Tabel N") of a named table, for nummer().
    virtual std::optional<int> table_number(const std::string& name, Failure* error) = 0;
    // The words statuses are printed with.
    virtual const Words& words() const = 0;
};

// What the names in a formula refer to: its own labels, and named tables through References.
class Scope {
public:
    explicit Scope(References& refs) : refs_(refs) {}
    virtual ~Scope() = default;
    References& refs() { return refs_; }

    // navn[række; kolonne] or navn[værdi]: through References, unless the scope knows the name
    // better (a table's formula quoting a cell of its own table).
    virtual std::optional<Value> cell(const std::string& name, const std::vector<std::string>& labels, Failure* error) {
        return refs_.cell(name, labels, error);
    }
    // A bare or [bracketed] label: a row (row formula), a column (column formula), a value of the
    // same beregning block.
    virtual std::optional<Value> label(const std::string& label, Failure* error) = 0;
    // The values from one label to another, in table order (for sum()). On failure *to_failed
    // says whether the second label was the one at fault.
    virtual std::optional<std::vector<Value>> range(const std::string& from, const std::string& to,
                                                    Failure* error, bool* to_failed) = 0;
    // Whether a value that is not available ("-", "Ikke oplyst") may pass into this formula's
    // result; if not, *error says why and where (the input cell), and the formula fails.
    virtual bool accepts_missing(const Value& missing, Failure* error) = 0;
    // A bare number that is also a label here ("2024" in a table with a column 2024) could mean
    // either: the message saying so (`other_form` is the number written another way), or "".
    virtual std::string number_as_label(const std::string& written, const std::string& other_form) {
        (void)written, (void)other_form;
        return "";
    }
    // A word (`word`, read from an input cell if word.from is set) used where a number is
    // needed: *error holds the message for the formula; a scope that knows the cell is at fault
    // may rewrite it and set error->at to put the error there.
    virtual void word_as_number(const Value& word, Failure* error) { (void)word, (void)error; }
    // The amount unit the figures this formula reads are shown in, where that is not the one
    // they are written in (a table in kr. shown with "enhed: mio. kr."), else "": a number
    // written without a unit beside them is ambiguous there (the reader sees 1,3, the cell
    // holds 1.300.000).
    virtual std::string shown_unit() const { return ""; }

private:
    References& refs_;
};

// On success *caution (if given) is a warning about the result without its subject, or "": a
// status, trend or cap judged otherwise than the figures as printed read ("compares 78,96 with
// 79 ...").
std::optional<Value> evaluate(const Expr& e, Scope& scope, FormulaError* error, std::string* caution = nullptr);

}  // namespace boardpack::calc

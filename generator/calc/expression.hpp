// The formula language of tabel blocks, beregning blocks and figures in the text.
//
//   Samlet antal = sum(Lægelige chefer .. Afdelingslæger)
//   [Indeks] = [01. apr. 2023] / [Dec. 2016] * 100
//   {regnskab-2023[Driftsresultat; Forskel B-FvR] | mio. kr.}
//
// Numbers are Danish ("1,034"; "3,4 pct." is 3,4, as in a table); operators + - * / (also x and ×)
// stand between spaces; a label is written bare or in [brackets] (needed when it holds
// parentheses or ";" or looks like a number); navn[række; kolonne] is a cell of a named table,
// navn[værdi] a value of a beregning block; function arguments are separated by ";" as in
// Danish Excel; A .. B is a range of rows or columns.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "calc/failure.hpp"
#include "numbers/decimal.hpp"

namespace boardpack::calc {

struct Expr {
    enum class Kind {
        Number,     // number, decimals; text: as written, to tell it from a label written alike
        String,     // text: a quoted word, or a bare word used as a function argument
        Label,      // text: a row or column of the current table
        Cell,       // text: table name; args[0..1] labels (row, column) or one value name
        Range,      // text, text2: from and to label
        Unary,      // op '-', args[0]
        Binary,     // op + - * /, args[0], args[1]
        Call,       // text: function name, args
    };
    Kind kind = Kind::Number;
    Decimal number;
    int decimals = 0;
    std::string unit;  // Number: an amount unit written after it ("100.000 kr.", "0,5 mio. kr."), or ""
    bool share = false;  // Number: written as per cent ("5 %", "3,4 pct.", "2 procent"), which is that number
    std::string text;
    std::string text2;
    char op = 0;
    std::vector<std::unique_ptr<Expr>> args;
    std::vector<std::string> cell;  // Cell: the labels inside [ ]
    int column = 0;   // 0-based byte offset in the formula text, for messages
    int column2 = 0;  // Range: the offset of its second label
};

// Parses a formula; on failure returns nullptr and fills *error.
std::unique_ptr<Expr> parse_expression(const std::string& text, FormulaError* error);

// Function names the language knows.
bool is_function(const std::string& folded_name);

// `e` without a scaling by a written number ("* 100", "/ 1000", "100 * ..."), which changes no
// ratio and no sign.
const Expr& unscaled(const Expr& e);

}  // namespace boardpack::calc

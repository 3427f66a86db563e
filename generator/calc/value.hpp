// A computed value: a number (exact, with the decimals it is shown with), a word such as a
// status ("opfyldt", "faldende") with its tone, or "missing" (not available, a dash).
#pragma once

#include <string>

#include "numbers/decimal.hpp"
#include "model/document.hpp"

namespace boardpack::calc {

struct Value {
    enum class Kind { Number, Text, Missing } kind = Kind::Missing;
    Decimal number;
    int decimals = 0;        // Number: the decimals it is shown with by default
    std::string text;        // Text: the word; Missing: how it is printed ("-", "Ikke oplyst")
    model::Cell::Tone tone = model::Cell::Tone::None;
    SourceLoc from;          // the table cell it was read from, if any (for messages)
    std::string printed;     // that cell's text as the table prints it (a published figure, say)
    std::string where;       // the quoted cell, "t[række; kolonne]", for messages about it
    std::string unit;        // Number: "kr.", "mio. kr.", "mia. kr.", "pct.", "pct.-point", or "" for none (calc/units.hpp)
    // Number: another amount unit it was computed from (kr. for mio. kr. + kr.), or "": then its
    // unit was chosen by the calculation, not seen by the writer (calc/evaluator.cpp).
    std::string mixed_with;
    // Number: known to be an amount (a cell written with its unit, a table whose "talenhed" names
    // one, a number written "5 kr."), not a count a table without "talenhed" may also hold.
    bool amount = false;
    // Number: the unit its table shows it in ("enhed: mio. kr."), where that is another amount
    // unit than the one it is written in: what a reader of the table takes a number beside it in.
    std::string shown_in;
    int shown_decimals = -1;  // with shown_in: the decimals the table shows it with there
    // Number: written in the formula with "%", "pct." or "procent" ("5 %").
    bool per_cent_literal = false;
    // Number: read from a cell written without a per-cent sign whose column heading or row label
    // names per cent ("Andel (pct.)" over 30, 40 and 50, as statistics tables print shares): a
    // share all the same where shares are added up (a sum of 120 is no share of anything).
    bool headed_per_cent = false;
    // Number: read from a cell written without a unit whose column heading or row label calls it
    // a share and names no unit ("Andel" over 68, 75 and 80): per cent as likely as not, so a sum
    // of them beyond 100 is a caution (sum_min_max), not the silent 223 it was.
    bool headed_share = false;
    // Number: read from a cell whose column heading or row label names a rate per thousand or
    // more ("Dødelighed (‰)", "Promille", "Rate pr. 1.000 indbyggere"): printed as per cent it
    // reads ten times or more too large.
    bool per_mille = false;
    // Number: read from a cell of counts (a column or row headed "Antal ...", input/table_reader's
    // count headings), which no amount unit may be asked of ("0,0 mio. kr. ansatte").
    bool count = false;
    // Number: read from a cell written without a unit whose column heading or row label says it is
    // no amount ("Ændring i pct.", "Indeks", "Forskel (pct.-point)", "Promille"; calc/table_calc's
    // names_no_amount), which no amount unit may be asked of ("-1.700.000 kr." for -1,7 %).
    bool no_amount = false;
    // Text: a code or a year from a column whose heading names them (model::Cell::code).
    bool code = false;
    // Number: how many times an amount was multiplied by a figure in per cent without dividing
    // by 100 after (-1: divided by one without multiplying by 100): 400.000 kr. * 3 % is
    // 1.200.000, a hundred times the 12.000 meant. Only 0 is a figure; see calc/evaluator.cpp.
    int hundredfold = 0;
    // Number without a unit: a ratio of two figures in one unit ("[Ja] / [I alt]"), per hundred
    // (a ratio times 100: a share in per cent, or an index), or a difference of two per hundred
    // (points: "4 pct.", of 68 %, would be 2,72); as a computed cell keeps it (model::Cell).
    using Hundred = model::Cell::Hundred;
    Hundred hundred = Hundred::None;
    // Number: a figure times the number 100 ("[Ja] * 100"), per hundred once divided by one in
    // its unit ("100 * [Ja] / [I alt]"). See calc/evaluator.cpp, per_hundred.
    bool times_hundred = false;
    // Number: a figure divided by the number 100 ("[2023] / 100"): what divides by it is per
    // hundred ("[2024] / ([2023] / 100)", an index as surely as "[2024] / [2023] * 100").
    bool over_hundred = false;
    // Number, a ratio: of two figures both known to be amounts (Value::amount), so no amount itself.
    bool of_amounts = false;
    // Number: computed with a division: its decimals default to its inputs' (none, for counts),
    // which may print 0,70 as "1" (TableComputation::check_rounding).
    bool quotient = false;
    // Number: read from a published figure its table keeps within a tolerance (model::Cell).
    bool kept_published = false;

    // A number in hundredths: a share (a cell or table in "%", "pct.", or a number written so)
    // or percentage points (the difference of two shares).
    bool is_per_cent() const { return unit == "pct." || per_cent_literal || is_points(); }
    // Percentage points: 72 % - 68 % (calc/units.hpp, kPoints).
    bool is_points() const { return unit == "pct.-point"; }

    static Value of(Decimal d, int decimals) {
        Value v;
        v.kind = Kind::Number;
        v.number = d;
        v.decimals = decimals;
        return v;
    }
    static Value word(std::string w, model::Cell::Tone t = model::Cell::Tone::None) {
        Value v;
        v.kind = Kind::Text;
        v.text = std::move(w);
        v.tone = t;
        return v;
    }
    static Value missing(std::string shown = "-") {
        Value v;
        v.kind = Kind::Missing;
        v.text = std::move(shown);
        return v;
    }
    bool is_number() const { return kind == Kind::Number; }
};

}  // namespace boardpack::calc

#include "calc/evaluator.hpp"
#include "core/messages.hpp"

#include <iterator>
#include <string_view>
#include <utility>

#include "calc/builtins.hpp"
#include "calc/change_direction.hpp"
#include "calc/negative_bases.hpp"
#include "calc/table_calc.hpp"
#include "calc/units.hpp"
#include "numbers/danish_number.hpp"
#include "core/text.hpp"

namespace boardpack::calc {

using Tone = model::Cell::Tone;

namespace {

// Decimals of a result: the most of its operands that came from data (-1: literals only).
int combine(int a, int b) { return std::max(a, b); }

// A word used where a number is needed, and where it was read from.
std::string not_a_number(const Value& v) {
    if (v.code)
        return fmt(_("{} ({}:{}:{}) is a code or a year, not a number: the heading of its column, or its row's label, "
                     "names codes or years, which are printed as written and never computed with"),
                   quote_text(v.text), v.from.file, v.from.line, v.from.column);
    if (v.from.line > 0)
        return fmt(_("{} ({}:{}:{}) is not a number"), quote_text(v.text), v.from.file, v.from.line, v.from.column);
    return fmt(_("{} is not a number"), quote_text(v.text));
}

// An overflow is an error at the formula, never a figure.
std::string too_large(const std::string& what) {
    // TRANSLATORS: {0} is "the result", "the sum", "the band" or "the change from {} to {}".
    return fmt(_("{} is too large to compute exactly ({})"), what, tr(Decimal::kLimitText));
}

std::string shown(const Value& v) {
    if (v.kind == Value::Kind::Number) return format_danish(v.number, std::max(0, v.decimals));
    return v.text;
}

class Evaluator {
public:
    Evaluator(Scope& scope, FormulaError* err) : scope_(scope), err_(err) {}

    std::optional<Value> eval(const Expr& e) {
        switch (e.kind) {
            case Expr::Kind::Number: {
                // "2024 - 2023" in a table with columns 2023 and 2024: taking either reading would
                // be a guess, so the formula says which.
                if (!e.text.empty()) {
                    std::string other = format_danish(e.number, e.decimals);
                    if (fold_label(other) == fold_label(e.text)) other = format_danish(e.number, e.decimals + 1);
                    if (std::string both = scope_.number_as_label(e.text, other); !both.empty()) return fail(e, std::move(both));
                }
                Value v = Value::of(e.number, e.decimals);
                v.decimals = -1;  // a literal does not decide how results are shown
                v.unit = e.unit;  // "100.000 kr.": an amount in the unit written
                v.amount = !e.unit.empty();
                v.per_cent_literal = e.share;
                literal_decimals_ = std::max(literal_decimals_, e.decimals);
                return v;
            }
            case Expr::Kind::String: return Value::word(e.text);
            case Expr::Kind::Label: {
                Failure why;
                auto v = scope_.label(e.text, &why);
                if (!v) return fail(e, std::move(why));
                return v;
            }
            case Expr::Kind::Cell: {
                Failure why;
                auto v = scope_.cell(e.text, e.cell, &why);
                if (!v) return fail(e, std::move(why));
                // A "-" from another table may only pass where this formula's table says so.
                if (v->kind == Value::Kind::Missing && !scope_.accepts_missing(*v, &why)) return fail(e, std::move(why));
                return v;
            }
            case Expr::Kind::Range: return fail(e, _("a range (A .. B) can only be used inside sum(), min() or max()"));
            case Expr::Kind::Unary: {
                auto v = eval(*e.args[0]);
                if (!v) return std::nullopt;
                if (v->kind == Value::Kind::Missing) return v;
                if (!v->is_number()) return word_fails(*e.args[0], *v, not_a_number(*v));
                const auto n = v->number.negated();
                if (!n) return fail(e, too_large(_("the result")));
                v->number = *n;
                v->printed.clear();  // no longer the cell as its table prints it: "-t[Resultat; 2024]"
                return v;
            }
            case Expr::Kind::Binary: return binary(e);
            case Expr::Kind::Call: return call(e);
        }
        return std::nullopt;
    }

    int literal_decimals() const { return literal_decimals_; }
    const std::string& caution() const { return caution_; }
    // The last division done: where, and what it divided.
    struct Division {
        const Expr* at = nullptr;
        Decimal over, under;  // its dividend and divisor
        int over_decimals = 0, under_decimals = 0;
    };
    const Division& last_division() const { return last_division_; }

private:
    std::optional<Value> fail(const Expr& at, std::string msg) {
        Failure f;
        f.message = std::move(msg);
        return fail(at.column, std::move(f));
    }
    std::optional<Value> fail(const Expr& at, Failure f) { return fail(at.column, std::move(f)); }
    // The first failure is kept: it is the cause, what follows in the formula only follows from it.
    std::optional<Value> fail(int column, Failure f) {
        if (err_ && err_->message.empty()) {
            static_cast<Failure&>(*err_) = std::move(f);
            err_->column = column;
        }
        return std::nullopt;
    }

    // A word where a number is needed: the scope may place the error at the input cell.
    std::optional<Value> word_fails(const Expr& at, const Value& word, std::string msg) {
        Failure f;
        f.message = std::move(msg);
        scope_.word_as_number(word, &f);
        return fail(at, std::move(f));
    }

    // Whether `v` is a number or missing; a word fails at `at`. (A bool, not the value again:
    // each operand of every operator is asked, and a Value copied is seven strings.)
    bool number_or_missing(const Expr& at, const Value& v) {
        if (v.kind != Value::Kind::Text) return true;
        word_fails(at, v, not_a_number(v));
        return false;
    }

    std::optional<Value> binary(const Expr& e) {
        // "3,4 pct." in a formula is the number 3,4, as a per-cent cell is: multiplied or
        // divided by, it would make "[Løn] * 5 %" five times the pay, without a word.
        if (e.op == '*' || e.op == '/')
            for (const auto& arg : e.args)
                if (arg->kind == Expr::Kind::Number && arg->share)
                    return fail(*arg, fmt(_("{} is the number {} in a formula, as a per-cent cell is, not a rate; write "
                                            "\"{} / 100\" for that share of a figure"),
                                          quote_text(arg->text), format_danish(arg->number, arg->decimals),
                                          format_danish(arg->number, arg->decimals)));
        // "([Nord] + [Midt] + [Syd]) / 3": an average of shares, not a share of a whole, so the
        // shares in it need not add up to 100 % (shares_add_up).
        const bool averages = e.op == '/' && e.args[1]->kind == Expr::Kind::Number && Decimal(1, 0) < e.args[1]->number;
        averaging_ += averages ? 1 : 0;
        auto a = eval(*e.args[0]);
        averaging_ -= averages ? 1 : 0;
        if (!a || !number_or_missing(*e.args[0], *a)) return std::nullopt;
        auto b = eval(*e.args[1]);
        if (!b || !number_or_missing(*e.args[1], *b)) return std::nullopt;
        if (a->kind == Value::Kind::Missing) return a;
        if (b->kind == Value::Kind::Missing) return b;
        // Two amounts in different units are brought to one before they are added, subtracted,
        // divided: 11,5 mio. kr. + 3.000.000 kr. is 14,5 mio. kr. A product is not (a rate
        // times an amount); its unit is the amount's.
        std::string unit;
        const std::string mixed_with = mixed_in(*a, *b);
        const int hundredfold = per_cent_scale(e, *a, *b);
        if (e.op == '*') {
            const bool a_amount = kroner_per(a->unit) > 0, b_amount = kroner_per(b->unit) > 0;
            if (a_amount != b_amount) unit = a_amount ? a->unit : b->unit;
            else if (!a_amount) unit = a->unit.empty() ? b->unit : a->unit;  // a share times a number
        } else {
            const auto common = align(e, *a, *b, e.op == '/', e.args[0].get(), e.args[1].get());
            if (!common) return std::nullopt;
            unit = *common;
            // A ratio of two figures in one unit has none; a share in per cent divided by 100 is
            // a plain rate ("[Stigning] / 100"), which multiplies an amount as it should.
            if (e.op == '/') unit = b->unit.empty() && !(a->is_per_cent() && is_hundred(*e.args[1])) ? a->unit : std::string();
            // Two shares apart are percentage points (72 % - 68 % is 4 points, not 4 %); a share
            // moved by points is a share again. So are two written without their sign under a
            // heading or label in per cent ("Andel 2024 (pct.)" over 72 and 68), which would
            // otherwise be plain numbers a text could quote as "4 pct.".
            const auto share = [](const Value& v) { return v.unit == "pct." || v.headed_per_cent; };
            if (e.op == '-' && share(*a) && share(*b)) unit = kPoints;
        }
        std::optional<Decimal> r;
        switch (e.op) {
            case '+': r = Decimal::add(a->number, b->number); break;
            case '-': r = Decimal::sub(a->number, b->number); break;
            case '*': r = Decimal::mul(a->number, b->number); break;
            case '/':
                if (b->number.is_zero()) return fail(e, _("division by zero: what comes after \"/\" is 0"));
                r = Decimal::div(a->number, b->number);
                if (caution_.empty()) caution_ = growth_rate_caution(e, *a, *b);
                // The last division done, for a "-" that makes it a change in per cent ("X / Y - 1").
                last_division_ = {&e, a->number, b->number, a->decimals, b->decimals};
                break;
        }
        if (e.op == '-' && caution_.empty()) {
            bool times_hundred = false;
            if (const Expr* ratio = ratio_growth_division(e, &times_hundred); ratio && ratio == last_division_.at)
                caution_ = ratio_growth_caution(last_division_.over, times_hundred, last_division_.over_decimals,
                                                last_division_.under, last_division_.under_decimals);
        }
        if (!r) return fail(e, too_large(_("the result")));
        // Shares added with "+" are held to what sum() holds them to: over 100 % they are shares
        // of different wholes ("[Nord] + [Midt] + [Syd]" over 68 %, 75 %, 80 % printed 223 %).
        const bool a_share = a->unit == "pct." || a->headed_per_cent, b_share = b->unit == "pct." || b->headed_per_cent;
        if (e.op == '+' && a_share && b_share && !shares_of_plus_add_up(e, *r, *a, *b)) return std::nullopt;
        // ... and figures headed only as shares ("Andel" over 68 and 75) are asked about beyond 100.
        const bool maybe_shares = e.op == '+' && !a_share && !b_share && a->headed_share && b->headed_share &&
                                  !a->amount && !b->amount;
        if (maybe_shares) {
            const int decimals = std::max(0, std::min(a->decimals, b->decimals));
            maybe_shares_add_up(*r, decimals < Decimal::kMaxScale ? Decimal(1, decimals) : Decimal(0, 0));  // two halves
        }
        Value out = Value::of(*r, combine(a->decimals, b->decimals));
        // The sum of two shares written without their sign is one too, for the next "+" of a chain.
        out.headed_per_cent = e.op == '+' && a_share && b_share && out.unit != "pct.";
        out.headed_share = maybe_shares;
        // Two figures in per cent or two indexes added or apart are none either ("Indeks 2023" + "Indeks 2024").
        out.no_amount = (e.op == '+' || e.op == '-') && a->no_amount && b->no_amount;
        out.unit = unit;
        out.hundredfold = hundredfold;
        per_hundred(e, *a, *b, unit, out);
        out.quotient = e.op == '/' || a->quotient || b->quotient;
        if (kroner_per(unit) > 0) {
            out.mixed_with = mixed_with;
            out.shown_in = !a->shown_in.empty() ? a->shown_in : b->shown_in;
        }
        // An amount plus, minus or times anything is one; divided, only by a plain number.
        out.amount = kroner_per(unit) > 0 && (e.op == '/' ? a->amount && b->unit.empty() : a->amount || b->amount);
        return out;
    }

    // The written number 100, as "/ 100" and "* 100" scale by it.
    static bool is_hundred(const Expr& e) {
        return e.kind == Expr::Kind::Number && !e.share && e.unit.empty() && e.number == Decimal(100, 0);
    }

    // Value::hundred and times_hundred of `out`, a * b, a / b or a - b: two figures in one unit
    // divided are a ratio, and a ratio times 100 is per hundred, as is a figure times 100 divided
    // by one in its unit ("[Ja] / [I alt] * 100", "100 * [Ja] / [I alt]"); two figures per
    // hundred apart are points, as are two ratios apart times 100 ("([Ja] / [I alt] - [Ja 2023] /
    // [I alt 2023]) * 100": a probe printed it "9,0 pct." for 9 points without a word). Per hundred may be a share or an index (2016 = 100): either way a
    // difference is no per cent.
    static void per_hundred(const Expr& e, const Value& a, const Value& b, const std::string& unit, Value& out) {
        using H = Value::Hundred;
        if (e.op == '*') {
            const bool a_hundred = is_hundred(*e.args[0]);
            if (!a_hundred && !is_hundred(*e.args[1])) return;
            const Value& other = a_hundred ? b : a;
            if (other.hundred == H::Ratio) out.hundred = H::PerHundred;
            else if (other.hundred == H::RatioDifference) out.hundred = H::Difference;  // "(a/b - c/d) * 100": points
            else out.times_hundred = other.hundred == H::None && !other.times_hundred && !other.is_per_cent();
        } else if (e.op == '/') {
            if (a.hundred == H::PerHundred && is_hundred(*e.args[1])) {  // "[Andel] / 100"
                out.hundred = H::Ratio;
                return;
            }
            if (a.hundred == H::None && !a.is_per_cent() && is_hundred(*e.args[1])) {  // "[2023] / 100"
                out.over_hundred = true;
                return;
            }
            // Two figures in one unit, or two in hundredths (72 % / 68 %; 4 points of 68 %: a growth rate).
            const bool ratio = unit.empty() && e.args[1]->kind != Expr::Kind::Number && a.is_per_cent() == b.is_per_cent() &&
                               b.hundred == H::None && !b.times_hundred && a.hundred == H::None && !a.over_hundred;
            if (ratio) {
                out.hundred = a.times_hundred || b.over_hundred ? H::PerHundred : H::Ratio;
                out.of_amounts = a.amount && b.amount;
            }
        } else if (e.op == '-' && a.hundred == H::PerHundred && b.hundred == H::PerHundred) {
            out.hundred = H::Difference;
        } else if (e.op == '-' && a.hundred == H::Ratio && b.hundred == H::Ratio) {
            out.hundred = H::RatioDifference;
        }
    }

    // An amount, or a count (a table without "talenhed" reads its figures as kr.), not a share.
    static bool counts_kroner(const Value& v) { return kroner_per(v.unit) > 0 && !v.is_per_cent(); }

    // Value::hundredfold of a * b or a / b: an amount (or a count: a table without "talenhed")
    // times a figure in per cent is a hundred times the share of it, until divided by 100;
    // divided by one, a hundredth, until multiplied by 100. Noted where it first happens.
    int per_cent_scale(const Expr& e, const Value& a, const Value& b) {
        const bool a_amount = counts_kroner(a), b_amount = counts_kroner(b);
        int h = a.hundredfold;
        if (e.op == '*') {
            h = a.hundredfold + b.hundredfold + ((a_amount && b.is_per_cent()) || (a.is_per_cent() && b_amount) ? 1 : 0);
            if (h < 0 && (is_hundred(*e.args[0]) || is_hundred(*e.args[1]))) ++h;
        } else if (e.op == '/') {
            h = a.hundredfold - b.hundredfold - (a_amount && b.is_per_cent() ? 1 : 0);
            if (h > 0 && is_hundred(*e.args[1])) --h;
        }
        if (h != 0 && hundredfold_at_ < 0) hundredfold_at_ = e.column;
        return h;
    }

    // Brings two numbers to the unit they are combined in (calc/units.hpp): the larger of two
    // amounts, converted exactly. A share and millions cannot be combined: an error at `at`.
    // `scales` when b only scales a ("/ 1000"): a number written there has no unit to be taken in.
    // `a_at` and `b_at` are the operands' expressions, where known (for messages).
    std::optional<std::string> align(const Expr& at, Value& a, Value& b, bool scales = false, const Expr* a_at = nullptr,
                                     const Expr* b_at = nullptr) {
        if (!a.is_number() || !b.is_number()) return a.unit.empty() ? b.unit : a.unit;
        if (!scales) {
            // Added to, subtracted from or compared with an amount, a share in per cent is a
            // number of kroner: "[2024] + 5 %" would add 5 kr., "loft([2024]; 5 %)" cap at 5 kr.
            const bool a_amount = counts_kroner(a), b_amount = counts_kroner(b);
            if ((a.is_per_cent() && b_amount) || (b.is_per_cent() && a_amount)) {
                // A bare number of a table that says nothing of its unit ("79" under "Mål" beside
                // shares) is read as kr., but is more often a share written without its sign: the
                // message names it so, not as an amount in kr. (which a probe found misleading).
                const Value& plain = a_amount ? a : b;
                if (!plain.amount) {
                    fail(at, fmt(_("the formula adds, subtracts or compares a figure in per cent and {}, a number written "
                                   "without a unit in a table that does not say what its numbers are in; if it is a share, "
                                   "write it with its sign in the CSV ({}); if it is an amount, say so (\"talenhed: kr.\") "
                                   "and write the amount the share means ({})"),
                                 quote_text(shown(plain)), quote_text(std::string(shown(plain)) + " %"),
                                 quote_text("[Beløb] * " + std::string(a_amount ? shown(b) : shown(a)) + " / 100")));
                    return std::nullopt;
                }
                fail(at, fmt(_("the formula adds, subtracts or compares a figure in per cent and one in {}: the share would "
                               "be taken as that many {}; write the amount it means ({}), or compare shares with shares"),
                             a_amount ? a.unit : b.unit, a_amount ? a.unit : b.unit,
                             quote_text("[Beløb] * " + std::string(a_amount ? shown(b) : shown(a)) + " / 100")));
                return std::nullopt;
            }
            if (a.hundredfold != b.hundredfold) {
                fail(at, hundredfold_message(a.hundredfold != 0 ? a.hundredfold : b.hundredfold));
                return std::nullopt;
            }
        }
        note_units(at, a, b, scales, a_at, b_at);
        const auto common = common_unit(a.unit, b.unit);
        if (!common) {
            fail(at, fmt(_("the formula combines a figure in {} with one in {}, and the one cannot be converted into the "
                           "other; compute a share from amounts in one unit"), a.unit, b.unit));
            return std::nullopt;
        }
        for (Value* v : {&a, &b}) {
            auto converted = in_unit(*v, *common);
            if (!converted) {
                fail(at, too_large(fmt(_("the figure {} {} converted to {}"), shown(*v), v->unit, *common)));
                return std::nullopt;
            }
            *v = *converted;
        }
        return common;
    }

    // A number written in the formula takes the unit of the amount it is added to or compared
    // with. Where the formula also combines amounts in two units, that is the larger, which the
    // writer may not have meant ("[Løn] + t[Drift; 2023] + 100.000" would add 100.000 mio. kr.):
    // both are noted here, and together they are an error (ambiguous_number()).
    void note_units(const Expr& at, const Value& a, const Value& b, bool scales, const Expr* a_at, const Expr* b_at) {
        const auto written = [](const Value& v) { return v.decimals < 0 && v.unit.empty(); };  // literals only, no unit
        // Zero is zero in every unit ("udvikling([2023]; [2024]; højere; 0)" in a table shown in mio. kr.).
        const bool zero = (written(a) ? a : b).is_number() && (written(a) ? a : b).number.is_zero();
        if (!scales && !zero && written(a) != written(b) && kroner_per((written(a) ? b : a).unit) > 0 && number_at_ < 0) {
            const Expr* number = written(a) ? a_at : b_at;
            number_at_ = number ? number->column : at.column;
            number_text_ = number && number->kind == Expr::Kind::Number ? number->text : "";
            taken_in_ = (written(a) ? b : a).unit;
            shown_in_ = (written(a) ? b : a).shown_in;
        }
        if (!mixed_.first.empty()) return;
        // A value computed from two amount units before (a beregning value) counts as combining them.
        for (const Value* v : {&a, &b})
            if (!v->mixed_with.empty()) mixed_ = {v->unit, v->mixed_with};
        if (kroner_per(a.unit) > 0 && kroner_per(b.unit) > 0 && a.unit != b.unit) mixed_ = {a.unit, b.unit};
    }

    // The amount unit other than the result's that `a` and `b` bring in, if they are in two (or
    // one was computed from two): what Value::mixed_with records.
    static std::string mixed_in(const Value& a, const Value& b) {
        if (!a.mixed_with.empty()) return a.mixed_with;
        if (!b.mixed_with.empty()) return b.mixed_with;
        if (kroner_per(a.unit) <= 0 || kroner_per(b.unit) <= 0 || a.unit == b.unit) return "";
        return kroner_per(a.unit) < kroner_per(b.unit) ? a.unit : b.unit;  // the result is in the larger
    }

public:
    // Whether a written number's unit is ambiguous (note_units()): then an error where it is added.
    bool ambiguous_number() {
        if (number_at_ < 0) return false;
        // Beside figures shown in another unit than they are written in ("loft([2023]; 1,3)" in a
        // table in kr. shown in mio. kr.): taken in kroner, 1,3 would be 1,3 kr.
        // The same beside a cell quoted from such a table (in the text, a beregning or another table).
        if (const std::string shown = shown_unit_beside(shown_in_); mixed_.first.empty() && !shown.empty() && shown != taken_in_) {
            fail(number_at_, shown_unit_failure(shown, taken_in_, number_text_));
            return true;
        }
        if (mixed_.first.empty()) return false;
        const auto common = common_unit(mixed_.first, mixed_.second);
        // The two ways to write it, the smaller unit first: "5 kr." or "5 mio. kr.".
        std::string small = mixed_.first, large = mixed_.second;
        if (kroner_per(small) > kroner_per(large)) std::swap(small, large);
        const std::string number = number_text_.empty() ? "5" : number_text_;
        Failure f;
        f.message = fmt(_("the formula combines amounts in {} and {}, so the number written in it would be taken in {}; "
                          "write the number with its unit ({} or {})"),
                        mixed_.first, mixed_.second, common ? *common : mixed_.first, quote_text(number + " " + small),
                        quote_text(number + " " + large));
        fail(number_at_, std::move(f));
        return true;
    }

    // Whether the result is still a hundred times (or a hundredth of) an amount's share: then
    // an error where the per-cent figure multiplied (or divided) it.
    bool unscaled_share(const Value& v) {
        if (!v.is_number() || v.hundredfold == 0) return false;
        Failure f;
        f.message = hundredfold_message(v.hundredfold);
        fail(hundredfold_at_ < 0 ? 0 : hundredfold_at_, std::move(f));
        return true;
    }

private:
    // The unit a reader sees the figures a written number stands beside in, where it is not
    // the one they are written in: the formula's table's (enhed), else that of the quoted
    // cell's table (`quoted`, Value::shown_in); "" if none.
    std::string shown_unit_beside(const std::string& quoted) const {
        std::string own = scope_.shown_unit();
        return own.empty() ? quoted : own;
    }

    static std::string hundredfold_message(int hundredfold) {
        if (hundredfold > 0)
            return _("the formula multiplies an amount by a figure in per cent and does not divide by 100: in a formula a "
                     "per-cent figure is its number (3 % is 3, not 0,03), so the result would be a hundred times the share; "
                     "divide by 100, as in \"[Løn] * [Stigning] / 100\"");
        return _("the formula divides an amount by a figure in per cent and does not multiply by 100: in a formula a "
                 "per-cent figure is its number (3 % is 3, not 0,03), so the result would be a hundredth of what is "
                 "meant; multiply by 100, as in \"[Heraf] / [Andel] * 100\"");
    }

    // A number written without a unit beside figures shown in `shown` but written in `written`.
    static Failure shown_unit_failure(const std::string& shown, const std::string& written, const std::string& number_text) {
        const std::string number = number_text.empty() ? "5" : number_text;
        Failure f;
        f.message = fmt(_("the table shows its figures in {}, but they are written in {}, so the number written here "
                          "would be taken in {}; write the number with its unit ({} or {})"),
                        shown, written, written, quote_text(number + " " + shown), quote_text(number + " " + written));
        return f;
    }

    // Arguments as values; ranges expand to all their values.
    std::optional<std::vector<Value>> values(const Expr& call) {
        std::vector<Value> out;
        for (const auto& a : call.args) {
            if (a->kind == Expr::Kind::Range) {
                Failure why;
                bool to_failed = false;
                auto vs = scope_.range(a->text, a->text2, &why, &to_failed);
                if (!vs) {
                    fail(to_failed ? a->column2 : a->column, std::move(why));
                    return std::nullopt;
                }
                if (out.empty()) out = std::move(*vs);  // most sums are of one range
                else out.insert(out.end(), std::make_move_iterator(vs->begin()), std::make_move_iterator(vs->end()));
            } else {
                auto v = eval(*a);
                if (!v) return std::nullopt;
                out.push_back(std::move(*v));
            }
        }
        return out;
    }

    // "højere" or "lavere" (is better, which may be written after it), written as a word or taken
    // from a cell. Any other words after it are refused: "højere er dårligt" says the opposite.
    std::optional<bool> higher_is_better(const Expr& arg) {
        auto word = [](const std::string& s) -> std::optional<bool> {
            const std::string f = fold_label(s);
            if (f == "højere" || f == "højere er bedre") return true;
            if (f == "lavere" || f == "lavere er bedre") return false;
            return std::nullopt;
        };
        auto wrong = [&](const std::string& found) -> std::optional<bool> {
            fail(arg, fmt(_("the direction must be \"højere\" or \"lavere\" (is better, which may follow: \"lavere er "
                            "bedre\"), or a column holding one of them; found {}"), quote_text(found)));
            return std::nullopt;
        };
        if (arg.kind == Expr::Kind::Label || arg.kind == Expr::Kind::String) {
            if (auto w = word(arg.text)) return w;
            if (arg.kind == Expr::Kind::String) return wrong(arg.text);
            Failure why;
            auto v = scope_.label(arg.text, &why);
            if (!v) return wrong(arg.text);
            if (v->kind == Value::Kind::Text) {
                if (auto w = word(v->text)) return w;
            }
            return wrong(shown(*v));
        }
        auto v = eval(arg);
        if (!v) return std::nullopt;
        if (v->kind == Value::Kind::Text) {
            if (auto w = word(v->text)) return w;
        }
        return wrong(shown(*v));
    }

    // A function call: its name and number of arguments checked against the one table of
    // built-ins, then computed by the method of that name.
    std::optional<Value> call(const Expr& e) {
        const Builtin* b = find_builtin(e.text);
        if (!b) return fail(e, fmt(_("unknown function {}()"), e.text));
        if (e.args.size() < b->min_args || e.args.size() > b->max_args)
            return fail(e, fmt(_("{}() takes {} arguments, separated by \";\""), e.text,
                               (b->min_args == b->max_args ? std::to_string(b->min_args)
                                                           : std::to_string(b->min_args) + "-" + std::to_string(b->max_args))));
        using Method = std::optional<Value> (Evaluator::*)(const Expr&);
        static const std::pair<std::string_view, Method> kMethods[] = {
            {"sum", &Evaluator::sum_min_max}, {"min", &Evaluator::sum_min_max}, {"max", &Evaluator::sum_min_max},
            {"abs", &Evaluator::absolute},    {"status", &Evaluator::status},   {"udvikling", &Evaluator::trend},
            {"loft", &Evaluator::cap},        {"nummer", &Evaluator::number},
        };
        for (const auto& [name, method] : kMethods)
            if (name == e.text) return (this->*method)(e);
        return fail(e, fmt(_("the function {}() is not implemented"), e.text));  // a built-in without a method
    }

    // nummer(navn): the number of a table, for "tabel 3".
    std::optional<Value> number(const Expr& e) {
        Failure why;
        auto n = scope_.refs().table_number(e.args[0]->text, &why);
        if (!n) return fail(*e.args[0], std::move(why));
        return Value::of(Decimal(*n, 0), 0);
    }

    // sum(...), min(...), max(...) over numbers and ranges; "-" makes the result "-".
    std::optional<Value> sum_min_max(const Expr& e) {
        const std::string& f = e.text;
        auto vs = values(e);
        if (!vs) return std::nullopt;
        std::optional<Value> acc;
        size_t shares = 0, maybe_shares = 0;
        Decimal rounding;  // how far the shares' sum may be from the exact one, by their decimals
        // Each value moved out of the list it came in, or aligned in place: no copies.
        for (Value& v : *vs) {
            if (v.kind == Value::Kind::Text) return word_fails(e, v, fmt(_("{}() got {}"), f, not_a_number(v)));
            if (v.kind == Value::Kind::Missing) return std::move(v);
            // Points are changes, not parts of a whole.
            const bool share = (v.is_per_cent() && !v.is_points()) || v.headed_per_cent;
            shares += share ? 1 : 0;
            maybe_shares += !share && v.headed_share && !v.amount ? 1 : 0;
            if ((share || v.headed_share) && v.decimals >= 0 && v.decimals < Decimal::kMaxScale)
                rounding = Decimal::add(rounding, Decimal(5, v.decimals + 1)).value_or(rounding);
            if (!acc) {
                acc = std::move(v);
                continue;
            }
            Value& next = v;
            const std::string mixed_with = mixed_in(*acc, next);
            const auto unit = align(e, *acc, next);
            if (!unit) return std::nullopt;
            acc->unit = *unit;
            if (kroner_per(*unit) > 0) acc->mixed_with = mixed_with;
            acc->amount = acc->amount || next.amount;
            if (f == "sum") {
                auto r = Decimal::add(acc->number, next.number);
                if (!r) return fail(e, too_large(_("the sum")));
                acc->number = *r;
            } else if ((f == "min" && next.number < acc->number) || (f == "max" && next.number > acc->number)) {
                acc->number = next.number;
            }
            acc->decimals = combine(acc->decimals, next.decimals);
        }
        if (!acc) return fail(e, fmt(_("{}() got no numbers"), f));
        if (f == "sum" && shares >= 2 && shares == vs->size() && !shares_add_up(e, acc->number, rounding)) return std::nullopt;
        if (f == "sum" && maybe_shares >= 2 && maybe_shares == vs->size()) maybe_shares_add_up(acc->number, rounding);
        return acc;
    }

    // Shares in per cent add up only where they split one whole, to 100 %: 68 % + 75 % + 80 %
    // of three regions' patients is no share of anything. More than 100 % (beyond what the
    // shares' rounding allows) is an error at the formula; a sum that is not 100 % a caution.
    // `plus`: the shares are added with "+" (shares_of_plus_add_up), where a sum short of 100 % is
    // common and as meant ("Ja" and "Måske" of one question): only more than 100 % is said.
    bool shares_add_up(const Expr& e, const Decimal& sum, const Decimal& rounding, bool plus = false) {
        if (averaging_ > 0) return true;  // an average of the shares, divided by their number
        const Decimal hundred(100, 0);
        const Decimal low = Decimal::sub(hundred, rounding).value_or(hundred);
        const Decimal high = Decimal::add(hundred, rounding).value_or(hundred);
        const std::string total = format_danish_exact(sum) + " %";
        if (sum > high) {
            fail(e, plus ? fmt(_("the formula adds figures in per cent to {}, more than 100 %: shares of different wholes (a "
                                 "rate for each region) do not add up; compute the whole's share from its counts, as "
                                 "\"[Del] / [Hele] * 100\", or leave the column out (\"| kolonner\" on a row formula)"),
                               total)
                         : fmt(_("sum() adds figures in per cent to {}, more than 100 %: shares of different wholes (a rate for "
                                 "each region) do not add up; compute the whole's share from its counts, as "
                                 "\"[Del] / [Hele] * 100\", or leave the column out (\"| kolonner\" on a row formula)"),
                               total));
            return false;
        }
        if (!plus && sum < low && caution_.empty())
            caution_ = fmt(_("adds figures in per cent to {}; shares add up only where they split one whole (to 100 %): "
                             "if these are rates of different wholes, compute the whole's share from its counts, or "
                             "leave the column out (\"| kolonner\" on a row formula)"),
                           total);
        return true;
    }

    // Figures under a share's heading that names no unit ("Andel" over 68, 75 and 80) are per
    // cent as likely as not: added up beyond 100 (and its rounding), the sum is no share of
    // anything if they are, so the writer is asked which they are. Not for an average.
    void maybe_shares_add_up(const Decimal& sum, const Decimal& rounding) {
        if (averaging_ > 0 || !caution_.empty()) return;
        const Decimal hundred(100, 0);
        if (!(sum > Decimal::add(hundred, rounding).value_or(hundred))) return;
        caution_ = fmt(_("adds figures headed as shares to {}, more than 100: if they are per cent, shares of different "
                         "wholes (a rate for each region) do not add up, so compute the whole's share from its counts, "
                         "as \"[Del] / [Hele] * 100\", or leave the column out (\"| kolonner\" on a row formula); if "
                         "they are amounts or counts, name their unit in the heading (\"Andel (mio. kr.)\") or the "
                         "table's (\"talenhed:\")"),
                       format_danish_exact(sum));
    }

    // a + b of two shares in per cent, held to 100 % as sum() holds them (shares_add_up), the
    // rounding allowed that of the chain of "+" it ends: half the last shown digit of each term.
    bool shares_of_plus_add_up(const Expr& e, const Decimal& sum, const Value& a, const Value& b) {
        int terms = 1;
        for (const Expr* x = &e; x->kind == e.kind && x->op == '+' && x->args.size() == 2; x = x->args[0].get()) ++terms;
        const int decimals = std::max(0, std::min(a.decimals, b.decimals));
        const Decimal half = decimals < Decimal::kMaxScale ? Decimal(5, decimals + 1) : Decimal(0, 0);
        return shares_add_up(e, sum, Decimal::mul(half, Decimal(terms, 0)).value_or(half), true);
    }

    // abs(x).
    std::optional<Value> absolute(const Expr& e) {
        auto v = eval(*e.args[0]);
        if (!v || !number_or_missing(*e.args[0], *v)) return std::nullopt;
        if (v->is_number()) {
            const auto a = v->number.abs();
            if (!a) return fail(e, too_large(_("the result")));
            v->number = *a;
            v->printed.clear();  // no longer the cell as its table prints it
        }
        return v;
    }

    // The row or column label an argument reads ("[Mål]", "t[Nord; Mål]"), or "".
    static std::string label_read(const Expr& a) {
        if (a.kind == Expr::Kind::Label) return a.text;
        if (a.kind == Expr::Kind::Cell && a.cell.size() == 2) return a.cell[1];
        return "";
    }

    // The target or limit given first and the figure judged second ("loft([Ramme]; [Forbrug])",
    // "status([Mål]; [Resultat]; højere)"): the verdict is turned around (a probe: "under loftet"
    // for 1.200.000 against a frame of 1.000.000). True, after the error, if so.
    bool target_first(const Expr& e, const char* what) {
        const std::string first = label_read(*e.args[0]), second = label_read(*e.args[1]);
        if (first.empty() || second.empty() || !names_target_or_limit(first) || names_target_or_limit(second))
            return false;
        fail(e, fmt(_("{}() takes the figure first and the {} second, but {} names a {} and {} does not: the "
                      "verdict would be turned around; swap them"),
                    e.text, what, quote_text(first), what, quote_text(second)));
        return true;
    }

    // status(value; target; højere|lavere): is the target met?
    std::optional<Value> status(const Expr& e) {
        if (target_first(e, _("target"))) return std::nullopt;
        auto v = eval(*e.args[0]);
        auto t = v ? eval(*e.args[1]) : std::nullopt;
        auto higher = t ? higher_is_better(*e.args[2]) : std::nullopt;
        if (!v || !t || !higher || !number_or_missing(*e.args[0], *v) || !number_or_missing(*e.args[1], *t))
            return std::nullopt;
        if (!v->is_number() || !t->is_number()) return Value::missing("-");
        const Words& w = scope_.refs().words();
        return judged(e, *v, *t, [&](const Decimal& value, const Decimal& target) {
            const bool met = *higher ? value >= target : value <= target;
            return met ? Value::word(w.met, Tone::Good) : Value::word(w.not_met, Tone::Bad);
        });
    }

    // udvikling(before; now; højere|lavere[; band]): the trend, judged by the direction.
    std::optional<Value> trend(const Expr& e) {
        // The earlier figure first: given the later one first, the verdict and the verb printed
        // with it are turned around (a probe: 40 -> 50 days printed "faldende", "er faldet fra 40
        // til 50 dage").
        if (operands_order(*e.args[0], *e.args[1]).value_or(0) > 0)
            return fail(e, fmt(_("udvikling() takes the earlier figure first, then the later one, but {} comes after {}: "
                                 "the verdict would be turned around; swap them"),
                               quote_text(e.args[0]->kind == Expr::Kind::Label ? e.args[0]->text : e.args[0]->cell.back()),
                               quote_text(e.args[1]->kind == Expr::Kind::Label ? e.args[1]->text : e.args[1]->cell.back())));
        auto before = eval(*e.args[0]);
        auto now = before ? eval(*e.args[1]) : std::nullopt;
        auto higher = now ? higher_is_better(*e.args[2]) : std::nullopt;
        if (!before || !now || !higher || !number_or_missing(*e.args[0], *before) || !number_or_missing(*e.args[1], *now))
            return std::nullopt;
        std::optional<Value> band_value;
        if (e.args.size() == 4) {
            auto b = eval(*e.args[3]);
            if (!b || !b->is_number()) return b ? fail(*e.args[3], _("the band for \"uændret\" must be a number")) : std::nullopt;
            // A negative band was taken as its size: a sign is a slip, not a band.
            if (b->number.is_negative())
                return fail(*e.args[3], fmt(_("the band for \"uændret\" is {}; it is how far the figure may move either way, "
                                              "so it cannot be negative"),
                                            shown(*b)));
            band_value = *b;
        }
        if (!before->is_number() || !now->is_number()) return Value::missing("-");
        Decimal band(0, 0);
        if (band_value) {
            band = band_value->number;
            // The band in the unit the two figures are compared in, as every other number with
            // a unit is (100.000 kr. is 0,1 in a table in mio. kr.); a band without one is in theirs.
            Value from = *before, to = *now;
            const auto unit = align(e, from, to, false, e.args[0].get(), e.args[1].get());
            if (!unit) return std::nullopt;
            const std::string compared = unit->empty() ? std::string("kr.") : *unit;
            if (band_value->per_cent_literal && compared != "pct.")
                // Figures not known to be amounts may be counts: "in kr." would name a unit they
                // need not have.
                return fail(*e.args[3], !before->amount && !now->amount && kroner_per(compared) == 1
                                            ? _("the band for \"uændret\" is in per cent, but the figures it judges "
                                                "are no shares; write it as a number in their unit")
                                            : fmt(_("the band for \"uændret\" is in per cent, the figures it judges in {}; "
                                                    "write it in their unit"),
                                                  compared));
            // A band written without a unit is in the figures' written unit, which is not the
            // one the reader sees them in.
            if (const std::string shown = shown_unit_beside(!before->shown_in.empty() ? before->shown_in : now->shown_in);
                band_value->unit.empty() && !band_value->per_cent_literal && band_value->decimals < 0 && !shown.empty() &&
                shown != compared && !band.is_zero())
                return fail(*e.args[3],
                            shown_unit_failure(shown, compared, e.args[3]->kind == Expr::Kind::Number ? e.args[3]->text : ""));
            if (!band_value->unit.empty() && band_value->unit != compared) {
                if (units_conflict(band_value->unit, compared) || kroner_per(band_value->unit) == 0 || kroner_per(compared) == 0)
                    return fail(*e.args[3], fmt(_("the band for \"uændret\" is in {}, the figures it judges in {}; write "
                                                  "it in their unit"),
                                                band_value->unit, compared));
                const auto converted = convert_amount(band, band_value->unit, compared);
                if (!converted) return fail(*e.args[3], too_large(_("the band")));
                band = *converted;
            }
        }
        const Words& w = scope_.refs().words();
        bool overflow = false;
        auto v = judged(e, *before, *now, [&](const Decimal& from, const Decimal& to) {
            const auto diff = Decimal::sub(to, from);
            const auto change = diff ? diff->abs() : std::nullopt;
            if (!change) {
                overflow = true;
                return Value::missing("-");
            }
            if (*change <= band) return Value::word(w.unchanged, Tone::Neutral);
            const bool up = !diff->is_negative();
            const bool good = up == *higher;
            return Value::word(up ? w.rising : w.falling, good ? Tone::Good : Tone::Bad);
        });
        if (overflow) return fail(e, too_large(fmt(_("the change from {} to {}"), shown(*before), shown(*now))));
        if (caution_.empty()) caution_ = trend_caution(*before, *now);
        return v;
    }

    // loft(value; cap): over or under the cap.
    std::optional<Value> cap(const Expr& e) {
        if (target_first(e, _("limit"))) return std::nullopt;
        auto v = eval(*e.args[0]);
        auto limit = v ? eval(*e.args[1]) : std::nullopt;
        if (!v || !limit || !number_or_missing(*e.args[0], *v) || !number_or_missing(*e.args[1], *limit)) return std::nullopt;
        if (!v->is_number() || !limit->is_number()) return Value::missing("-");
        if (caution_.empty()) caution_ = cap_caution(*v, *limit);
        const Words& w = scope_.refs().words();
        return judged(e, *v, *limit, [&](const Decimal& value, const Decimal& most) {
            const int c = Decimal::compare(value, most);
            if (c > 0) return Value::word(w.over_cap, Tone::Bad);
            if (c < 0) return Value::word(w.under_cap, Tone::Good);
            return Value::word(w.at_cap, Tone::Neutral);
        });
    }

    // The word `judge` gives two numbers (status, trend, cap), judged exactly. When the figures
    // as printed would be judged otherwise (78,96 against 79 is "ikke opfyldt", but both print
    // as 79), the reader sees a verdict the figures beside it contradict: a caution for the
    // caller to warn about. Figures in different units (a literal has none) are not compared so.
    template <class Judge>
    std::optional<Value> judged(const Expr& e, Value a, Value b, Judge judge) {
        // A share in per cent (60, "[Overholdt] / [Forløb] * 100") against a target written as a
        // fraction (0,79), or a ratio of two figures (0,85) against one in per cent (79): a hundred
        // apart, the verdict is wrong whatever the figures (a probe: "opfyldt" for 60 % of 79 %).
        using H = Value::Hundred;
        const auto per_hundred = [](const Value& v) {
            return v.is_number() && ((v.is_per_cent() && !v.is_points()) || v.headed_per_cent || v.hundred == H::PerHundred);
        };
        const auto fraction = [](const Value& v) {
            return v.is_number() && !v.is_per_cent() && !v.headed_per_cent && v.hundred != H::PerHundred &&
                   v.number > Decimal(0, 0) && v.number < Decimal(1, 0);
        };
        // (Shares under 1 % against a fraction, and ratios near 1 against one another, are left alone.)
        const auto ratio = [](const Value& v) { return v.is_number() && v.hundred == H::Ratio && v.number < Decimal(1, 0); };
        const auto above = [](const Value& v, int n) { return v.is_number() && v.number >= Decimal(n, 0); };
        // Two figures a row or column labelled in per cent calls shares, neither written with its
        // sign: a figure of its measures beside a target in a column of its own ("Udredningsretten
        // overholdt (pct. af forløbene)" over 73 and "Mål" 0,79, as Excel exports a cell formatted
        // in per cent). The one under 1 and the other fifty times it or more: a fraction against a
        // share ("opfyldt" for 73 % of 79 %, where the same figures in columns were an error).
        const auto headed_only = [](const Value& v) {
            return v.is_number() && v.headed_per_cent && !v.is_per_cent() && v.hundred == H::None;
        };
        const auto fraction_of = [&](const Value& small, const Value& large) {
            const auto fifty_times = Decimal::mul(small.number, Decimal(50, 0));
            return small.number > Decimal(0, 0) && small.number < Decimal(1, 0) && above(large, 1) && fifty_times &&
                   large.number >= *fifty_times;
        };
        const bool headed_fraction = headed_only(a) && headed_only(b) && (fraction_of(a, b) || fraction_of(b, a));
        if ((per_hundred(a) && above(a, 1) && fraction(b)) || (fraction(a) && per_hundred(b) && above(b, 1)) ||
            (ratio(a) && above(b, 10) && !per_hundred(a)) || (ratio(b) && above(a, 10) && !per_hundred(b)) || headed_fraction)
            return fail(e, fmt(_("compares {} with {}: one is a share in per cent and the other a fraction (or a ratio of "
                                 "two figures), a hundred times apart, so the verdict would be wrong; write both in per "
                                 "cent (\"[Del] / [Hele] * 100\" against 79) or both as fractions"),
                               format_danish_exact(a.number), format_danish_exact(b.number)));
        const Value a_as_read = a, b_as_read = b;
        if (!align(e, a, b, false, e.args[0].get(), e.args[1].get())) return std::nullopt;
        Value word = judge(a.number, b.number);
        const bool one_unit = a_as_read.unit == b_as_read.unit || a_as_read.unit.empty() || b_as_read.unit.empty();
        if (one_unit && caution_.empty() && word.kind == Value::Kind::Text) {
            // Shown in a larger unit than they are written in ("enhed: mio. kr."), they print as
            // the table shows them (1.040.000 and 1.000.000 kr. both as "1,0").
            const Value as_printed = both_shown_in_one_unit(a_as_read, b_as_read)
                                         ? judge(as_shown(a_as_read), as_shown(b_as_read))
                                         : judge(printed(a_as_read), printed(b_as_read));
            const bool scaled = both_shown_in_one_unit(a_as_read, b_as_read);
            if (as_printed.text != word.text)
                caution_ = fmt(_("compares {} with {} ({}), but they print as {} and {}; give the figures more decimals so "
                                 "the reader can see why"),
                               format_danish_exact(a_as_read.number), format_danish_exact(b_as_read.number),
                               quote_text(word.text),
                               scaled ? format_danish(as_shown(a_as_read), a_as_read.shown_decimals) : printed_text(a_as_read),
                               scaled ? format_danish(as_shown(b_as_read), b_as_read.shown_decimals) : printed_text(b_as_read));
        }
        return word;
    }

    static bool both_shown_in_one_unit(const Value& a, const Value& b) {
        return !a.shown_in.empty() && a.shown_in == b.shown_in && a.shown_decimals >= 0 && b.shown_decimals >= 0 &&
               a.unit == b.unit;
    }
    // A number as its table shows it in a larger unit, rounded as shown there.
    static Decimal as_shown(const Value& v) {
        const auto in_shown = convert_amount(v.number, v.unit, v.shown_in);
        return in_shown ? in_shown->rounded(v.shown_decimals) : v.number;
    }

    // A number as the reader sees it: rounded to the decimals it is shown with; a literal as written.
    static Decimal printed(const Value& v) { return v.decimals < 0 ? v.number : v.number.rounded(v.decimals); }
    static std::string printed_text(const Value& v) {
        return v.decimals < 0 ? format_danish_exact(v.number) : format_danish(printed(v), v.decimals);
    }

    Scope& scope_;
    FormulaError* err_;
    int literal_decimals_ = 0;
    std::string caution_;
    Division last_division_;
    int number_at_ = -1;                           // where a written number was given an amount's unit
    int averaging_ = 0;                            // inside the dividend of a division by a number (binary)
    std::string number_text_;                      // that number as written, if it is one number
    std::string taken_in_;                         // the amount unit it was taken in
    std::string shown_in_;                         // the unit the figure it was combined with is shown in, if another
    int hundredfold_at_ = -1;                      // where an amount was first multiplied or divided by a share
    std::pair<std::string, std::string> mixed_;    // the first two amount units combined
};

}  // namespace

std::optional<Value> evaluate(const Expr& e, Scope& scope, FormulaError* error, std::string* caution) {
    if (error) *error = {};
    Evaluator ev(scope, error);
    auto v = ev.eval(e);
    if (v && (ev.ambiguous_number() || ev.unscaled_share(*v))) return std::nullopt;
    if (caution) *caution = v ? ev.caution() : "";
    // A share or an index of figures of opposite signs, judged on the formula as a whole: inside
    // a longer one ("X / Y * 100 - 100") the division is a change, judged above.
    if (caution && v && caution->empty())
        if (const Expr* d = per_cent_division(e); d && d == ev.last_division().at)
            *caution = opposite_signs_caution(*d, ev.last_division().over, ev.last_division().over_decimals,
                                              ev.last_division().under, ev.last_division().under_decimals);
    // A result of literals only is shown with the decimals the literals were written with.
    if (v && v->is_number() && v->decimals < 0) v->decimals = ev.literal_decimals();
    return v;
}

}  // namespace boardpack::calc

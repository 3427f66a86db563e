#include "calc/expression.hpp"
#include "core/messages.hpp"

#include "calc/builtins.hpp"
#include "numbers/danish_number.hpp"
#include "core/text.hpp"

namespace boardpack::calc {

namespace {

struct Token {
    enum class Kind { End, LParen, RParen, Semi, Op, Range, Number, String, Bracket, Word } kind = Kind::End;
    std::string text;
    char op = 0;
    Decimal number;
    int decimals = 0;
    std::string unit;      // Number: "kr.", "mio. kr.", "mia. kr." written after it, or ""
    bool share = false;    // Number: written with "%", "pct." or "procent"
    size_t pos = 0;        // byte offset
    bool then_bracket = false;  // a Word directly followed by '['
    bool then_paren = false;    // a Word directly followed by '('
};

bool space(char c) { return c == ' ' || c == '\t'; }

class Lexer {
public:
    explicit Lexer(const std::string& s) : s_(s) {}

    bool run(std::vector<Token>& out, FormulaError* err) {
        size_t i = 0;
        while (true) {
            while (i < s_.size() && space(s_[i])) ++i;
            Token t;
            t.pos = i;
            if (i >= s_.size()) {
                out.push_back(t);
                return true;
            }
            const char c = s_[i];
            if (c == '(' || c == ')' || c == ';') {
                t.kind = c == '(' ? Token::Kind::LParen : c == ')' ? Token::Kind::RParen : Token::Kind::Semi;
                ++i;
            } else if (c == '[') {
                // A cell reference may bracket a label inside it, as "t[Hele året; [2020]]": the
                // bracket ends at the "]" that closes it.
                size_t close = std::string::npos;
                for (size_t j = i + 1, depth = 0; j < s_.size(); ++j) {
                    if (s_[j] == '[') ++depth;
                    else if (s_[j] == ']' && depth-- == 0) {
                        close = j;
                        break;
                    }
                }
                if (close == std::string::npos) return fail(err, i, _("this \"[\" is never closed with \"]\""));
                t.kind = Token::Kind::Bracket;
                t.text = std::string(trim(std::string_view(s_).substr(i + 1, close - i - 1)));
                i = close + 1;
            } else if (c == '"') {
                const size_t close = s_.find('"', i + 1);
                if (close == std::string::npos) return fail(err, i, _("this quote is never closed"));
                t.kind = Token::Kind::String;
                t.text = s_.substr(i + 1, close - i - 1);
                i = close + 1;
            } else if (operator_at(i, out)) {
                t.kind = Token::Kind::Op;
                t.op = op_char(i);
                t.text = s_.substr(i, op_len(i));  // as written: "x" and "×" are "*" to the parser
                i += op_len(i);
            } else if (range_at(i)) {
                t.kind = Token::Kind::Range;
                i += 2;
            } else {
                // A run of words up to the next operator, bracket, parenthesis or separator.
                size_t j = i;
                while (j < s_.size()) {
                    const char d = s_[j];
                    if (d == '(' || d == ')' || d == ';' || d == '[' || d == ']' || d == '"') break;
                    if (space(d) && (spaced_operator_at(j + 1) || range_at(j + 1))) break;
                    ++j;
                }
                if (j == i) return fail(err, i, fmt(_("unexpected \"{}\""), s_[i]));
                const std::string word(trim(std::string_view(s_).substr(i, j - i)));
                t.text = word;
                t.then_bracket = j < s_.size() && s_[j] == '[';
                t.then_paren = j < s_.size() && s_[j] == '(';
                auto n = read_danish_number(word);
                // An amount with its unit, as a table cell writes it: "100.000 kr.", "0,5 mio. kr.".
                if (auto amount = n ? std::nullopt : read_danish_cell(word); amount && !amount->percent && !amount->unit.empty())
                    n = amount;
                // "5 pct.-point" would be taken for a label and looked for as one ("no column"): a
                // difference of two shares is their unit's number, as a band over them is.
                if (const size_t space = word.find(' '); !n && !t.then_bracket && space != std::string::npos &&
                                                          canonical_unit(fold_label(word.substr(space + 1))) == "pct.-point" &&
                                                          read_danish_number(word.substr(0, space)))
                    return fail(err, i,
                                fmt(_("\"{}\": percentage points are written as the number alone in a formula, in the "
                                      "unit of the shares they are a difference of (write {} for {})"),
                                    word, word.substr(0, space), word));
                if (n && !t.then_bracket) {
                    // "3,4 pct." is 3,4, as a per-cent cell in a table is: write "/ 100" for a rate.
                    t.kind = Token::Kind::Number;
                    t.number = n->value;
                    t.decimals = n->decimals;
                    if (!n->percent) t.unit = n->unit;
                    t.share = n->percent;
                } else {
                    t.kind = Token::Kind::Word;
                }
                i = j;
            }
            out.push_back(std::move(t));
        }
    }

private:
    bool fail(FormulaError* err, size_t pos, std::string msg) {
        if (err) *err = FormulaError::at_column(static_cast<int>(pos), std::move(msg));
        return false;
    }
    size_t op_len(size_t i) const { return s_.compare(i, 2, "\xC3\x97") == 0 ? 2 : 1; }
    char op_char(size_t i) const {
        if (s_.compare(i, 2, "\xC3\x97") == 0 || s_[i] == 'x') return '*';
        return s_[i];
    }
    bool is_op_char(size_t i) const {
        if (i >= s_.size()) return false;
        const char c = s_[i];
        return c == '+' || c == '-' || c == '*' || c == '/' || c == 'x' || s_.compare(i, 2, "\xC3\x97") == 0;
    }
    // An operator with white space on both sides.
    bool spaced_operator_at(size_t i) const {
        if (!is_op_char(i)) return false;
        const size_t after = i + op_len(i);
        return (i == 0 || space(s_[i - 1])) && (after >= s_.size() || space(s_[after]));
    }
    bool range_at(size_t i) const {
        return s_.compare(i, 2, "..") == 0 && (i == 0 || space(s_[i - 1])) && (i + 2 >= s_.size() || space(s_[i + 2]));
    }
    bool operator_at(size_t i, const std::vector<Token>& before) const {
        if (spaced_operator_at(i)) return true;
        // A minus where an operand is expected is a sign: "-regnskab[...]", "(-1)".
        if (s_[i] == '-') {
            if (before.empty()) return true;
            const Token::Kind k = before.back().kind;
            return k == Token::Kind::Op || k == Token::Kind::LParen || k == Token::Kind::Semi;
        }
        return false;
    }

    const std::string& s_;
};

class Parser {
public:
    Parser(const std::vector<Token>& t, FormulaError* err) : t_(t), err_(err) {}

    std::unique_ptr<Expr> parse() {
        auto e = expr();
        if (e && peek().kind != Token::Kind::End) return fail(peek(), fmt(_("unexpected {}"), describe(peek())));
        return e;
    }

private:
    const Token& peek() const { return t_[i_]; }
    const Token& take() { return t_[i_ < t_.size() - 1 ? i_++ : i_]; }

    std::unique_ptr<Expr> fail(const Token& at, std::string msg) {
        if (err_ && err_->message.empty()) *err_ = FormulaError::at_column(static_cast<int>(at.pos), std::move(msg));
        return nullptr;
    }

    static std::string describe(const Token& t) {
        switch (t.kind) {
            case Token::Kind::End: return _("end of the formula");
            case Token::Kind::LParen: return "\"(\"";
            case Token::Kind::RParen: return "\")\"";
            case Token::Kind::Semi: return "\";\"";
            case Token::Kind::Op: return "\"" + (t.text.empty() ? std::string(1, t.op) : t.text) + "\"";
            case Token::Kind::Range: return "\"..\"";
            default: return quote_text(t.text);
        }
    }

    std::unique_ptr<Expr> expr() {
        auto left = term();
        while (left && peek().kind == Token::Kind::Op && (peek().op == '+' || peek().op == '-')) {
            const Token& op = take();
            auto right = term();
            if (!right) return nullptr;
            left = binary(op, std::move(left), std::move(right));
        }
        return left;
    }

    std::unique_ptr<Expr> term() {
        auto left = unary();
        while (left && peek().kind == Token::Kind::Op && (peek().op == '*' || peek().op == '/')) {
            const Token& op = take();
            auto right = unary();
            if (!right) return nullptr;
            left = binary(op, std::move(left), std::move(right));
        }
        return left;
    }

    static std::unique_ptr<Expr> binary(const Token& op, std::unique_ptr<Expr> l, std::unique_ptr<Expr> r) {
        auto e = std::make_unique<Expr>();
        e->kind = Expr::Kind::Binary;
        e->op = op.op;
        e->column = static_cast<int>(op.pos);
        e->args.push_back(std::move(l));
        e->args.push_back(std::move(r));
        return e;
    }

    std::unique_ptr<Expr> unary() {
        // Parentheses, signs and calls nest by recursion here: keep it bounded.
        if (++depth_ > kMaxDepth) return fail(peek(), _("the formula is nested too deeply"));
        struct Leave {
            int& d;
            ~Leave() { --d; }
        } leave{depth_};
        if (peek().kind == Token::Kind::Op && peek().op == '-') {
            const Token& op = take();
            auto inner = unary();
            if (!inner) return nullptr;
            auto e = std::make_unique<Expr>();
            e->kind = Expr::Kind::Unary;
            e->op = '-';
            e->column = static_cast<int>(op.pos);
            e->args.push_back(std::move(inner));
            return e;
        }
        return primary();
    }

    std::unique_ptr<Expr> primary() {
        const Token& t = take();
        auto e = std::make_unique<Expr>();
        e->column = static_cast<int>(t.pos);
        switch (t.kind) {
            case Token::Kind::Number:
                e->kind = Expr::Kind::Number;
                e->number = t.number;
                e->decimals = t.decimals;
                e->unit = t.unit;
                e->share = t.share;
                e->text = t.text;
                return e;
            case Token::Kind::String:
                e->kind = Expr::Kind::String;
                e->text = t.text;
                return e;
            case Token::Kind::Bracket:
                e->kind = Expr::Kind::Label;
                e->text = t.text;
                return e;
            case Token::Kind::LParen: {
                auto inner = expr();
                if (!inner) return nullptr;
                if (peek().kind != Token::Kind::RParen) return fail(peek(), fmt(_("expected \")\", found {}"), describe(peek())));
                take();
                return inner;
            }
            case Token::Kind::Word: {
                if (t.then_bracket) return cell(t, std::move(e));
                if (t.then_paren) {
                    if (!is_function(fold_label(t.text)))
                        return fail(t, fmt(_("unknown function {} (a label with parentheses must be written in [brackets])"),
                                           quote_text(t.text)));
                    return call(t, std::move(e));
                }
                // "0.250" and "1.5" (a decimal point?), "0101" (a code?) and a number of more digits
                // than are read exactly are no Danish numbers, and a label that looks like a number is
                // bracketed: either reading would be a guess (a probe's "[V] * 1.5" was "no column 1.5").
                if (std::string hint; (zero_first_group(t.text) || leading_zero(t.text) || english_decimal(t.text) ||
                                       too_many_digits(t.text)) &&
                                      !read_danish_number(t.text, &hint) && !hint.empty())
                    return fail(t, fmt(_("{} is not a Danish number: {}, or [{}] for a label"), quote_text(t.text), hint, t.text));
                e->kind = Expr::Kind::Label;
                e->text = t.text;
                return e;
            }
            case Token::Kind::Op:
                // "x" (or "×") where a value is expected: the multiplication operator, not a label.
                if (t.op == '*' && t.text != "*")
                    return fail(t, fmt(_("expected a number, a label or \"(\", found \"{0}\", which between spaces is "
                                         "the multiplication operator; a label \"{0}\" is written [{0}]"),
                                       t.text));
                return fail(t, fmt(_("expected a number, a label or \"(\", found {}"), describe(t)));
            default: return fail(t, fmt(_("expected a number, a label or \"(\", found {}"), describe(t)));
        }
    }

    std::unique_ptr<Expr> cell(const Token& name, std::unique_ptr<Expr> e) {
        e->kind = Expr::Kind::Cell;
        e->text = name.text;
        const Token& b = take();  // the bracket, holding "row; column" or "value"
        std::string inside = b.text;
        size_t start = 0;
        // The ";" between row and column: not one inside a bracketed label ("[Budget; 2024]").
        const auto next_semicolon = [&inside](size_t from) {
            int depth = 0;
            for (size_t i = from; i < inside.size(); ++i) {
                if (inside[i] == '[') ++depth;
                else if (inside[i] == ']' && depth > 0) --depth;
                else if (inside[i] == ';' && depth == 0) return i;
            }
            return std::string::npos;
        };
        while (true) {
            const size_t semi = next_semicolon(start);
            std::string part(trim(std::string_view(inside).substr(start, semi == std::string::npos ? std::string::npos : semi - start)));
            // "[2020]" names the label "2020", as a bracketed label does elsewhere in a formula.
            if (part.size() >= 2 && part.front() == '[' && part.back() == ']') part = std::string(trim(part.substr(1, part.size() - 2)));
            e->cell.push_back(part);
            if (semi == std::string::npos) break;
            start = semi + 1;
        }
        if (e->cell.size() > 2 || e->cell[0].empty() || (e->cell.size() == 2 && e->cell[1].empty()))
            return fail(b, _("write a table cell as navn[række; kolonne] or a value as navn[værdi]"));
        return e;
    }

    std::unique_ptr<Expr> call(const Token& name, std::unique_ptr<Expr> e) {
        e->kind = Expr::Kind::Call;
        e->text = fold_label(name.text);
        take();  // (
        if (peek().kind == Token::Kind::RParen) {
            take();
            return e;
        }
        while (true) {
            // A range "A .. B" is written with labels on both sides.
            if ((peek().kind == Token::Kind::Word || peek().kind == Token::Kind::Bracket || peek().kind == Token::Kind::Number) &&
                t_[i_ + 1].kind == Token::Kind::Range) {
                const Token& from = take();
                take();
                const Token& to = take();
                if (to.kind != Token::Kind::Word && to.kind != Token::Kind::Bracket && to.kind != Token::Kind::Number)
                    return fail(to, _("expected a label after \"..\""));
                auto r = std::make_unique<Expr>();
                r->kind = Expr::Kind::Range;
                r->text = from.text;
                r->text2 = to.text;
                r->column = static_cast<int>(from.pos);
                r->column2 = static_cast<int>(to.pos);
                e->args.push_back(std::move(r));
            } else {
                auto a = expr();
                if (!a) return nullptr;
                e->args.push_back(std::move(a));
            }
            if (peek().kind == Token::Kind::Semi) {
                take();
                continue;
            }
            if (peek().kind == Token::Kind::RParen) {
                take();
                return e;
            }
            return fail(peek(), fmt(_("expected \";\" or \")\" in the call of {}, found {}"), name.text, describe(peek())));
        }
    }

    // The formula's own level and 64 of parentheses, signs or calls inside it (README, "Limits").
    static constexpr int kMaxDepth = 65;
    const std::vector<Token>& t_;
    size_t i_ = 0;
    int depth_ = 0;
    FormulaError* err_;
};

}  // namespace

bool is_function(const std::string& folded_name) { return find_builtin(folded_name) != nullptr; }

std::unique_ptr<Expr> parse_expression(const std::string& text, FormulaError* error) {
    if (error) *error = {};
    if (trim(text).empty()) {
        if (error) *error = FormulaError::at_column(0, _("the formula is empty"));
        return nullptr;
    }
    std::vector<Token> tokens;
    // A token takes three bytes or more of nearly every formula ("[2024] - [2023]" is four with
    // its end): room for them at once, not a block each time the vector would grow.
    tokens.reserve(text.size() / 3 + 2);
    Lexer lexer(text);
    if (!lexer.run(tokens, error)) return nullptr;
    // A long chain "a + b + c ..." makes a deep tree that evaluation walks by recursion.
    constexpr size_t kMaxTokens = 500;
    if (tokens.size() > kMaxTokens) {
        if (error) *error = FormulaError::at_column(static_cast<int>(tokens[kMaxTokens].pos), _("the formula is too long (at most 500 parts)"));
        return nullptr;
    }
    // A formula that is a number alone in brackets, "(0,70)", is how an accounting sheet writes
    // -0,70: pasted as a value, it was read as 0,70, its sign changed in silence (a table's
    // "(400)" is an error at its cell too).
    if (tokens.size() == 4 && tokens[0].kind == Token::Kind::LParen && tokens[1].kind == Token::Kind::Number &&
        tokens[2].kind == Token::Kind::RParen) {
        const std::string& n = tokens[1].text;
        if (error)
            *error = FormulaError::at_column(static_cast<int>(tokens[0].pos),
                                             fmt(_("{} is {} in a formula, not the negative figure an accounting sheet writes "
                                                   "so; write -{} for a negative figure, or {} without the brackets"),
                                                 quote_text("(" + n + ")"), n, n, n));
        return nullptr;
    }
    Parser p(tokens, error);
    return p.parse();
}

const Expr& unscaled(const Expr& e) {
    if (e.kind == Expr::Kind::Binary && (e.op == '*' || e.op == '/')) {
        if (e.args[1]->kind == Expr::Kind::Number) return unscaled(*e.args[0]);
        if (e.op == '*' && e.args[0]->kind == Expr::Kind::Number) return unscaled(*e.args[1]);
    }
    return e;
}

}  // namespace boardpack::calc

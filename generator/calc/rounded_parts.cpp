#include "calc/rounded_parts.hpp"

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "calc/table_calc.hpp"
#include "numbers/danish_number.hpp"
#include "numbers/footnote_marks.hpp"

namespace boardpack::calc {

namespace {

using model::Cell;
using model::Table;
using model::TableRow;

// The rows (row formula) or columns the sum adds, each with its sign; false for anything but
// labels, ranges, sum(...), + and -.
bool signed_terms(const Table& t, const std::vector<std::string>& keys, const Expr& e, bool rows, int sign,
                  std::vector<std::pair<int, size_t>>& out) {
    const auto at = [&](const std::string& label) { return rows ? find_row(t, keys, label) : find_column(t, label); };
    switch (e.kind) {
        case Expr::Kind::Label: {
            const auto i = at(e.text);
            if (!i) return false;
            out.emplace_back(sign, *i);
            return true;
        }
        case Expr::Kind::Range: {
            const auto a = at(e.text), b = at(e.text2);
            if (!a || !b || *a > *b) return false;
            for (size_t i = *a; i <= *b; ++i) {
                if (rows && (t.rows[i].role == TableRow::Role::Spacer || t.rows[i].cells.empty() ||
                             t.rows[i].cells[0].text.empty()))
                    continue;
                out.emplace_back(sign, i);
            }
            return true;
        }
        case Expr::Kind::Unary:
            return e.op == '-' && signed_terms(t, keys, *e.args[0], rows, -sign, out);
        case Expr::Kind::Binary:
            return (e.op == '+' || e.op == '-') && signed_terms(t, keys, *e.args[0], rows, sign, out) &&
                   signed_terms(t, keys, *e.args[1], rows, e.op == '-' ? -sign : sign, out);
        case Expr::Kind::Call:
            if (e.text != "sum") return false;
            for (const auto& arg : e.args)
                if (!signed_terms(t, keys, *arg, rows, sign, out)) return false;
            return true;
        default:
            return false;
    }
}

// A cell's figure as printed, footnote marks aside; nullopt for anything but a number.
std::optional<Decimal> printed(const Cell& c) {
    if (c.kind != Cell::Kind::Number) return std::nullopt;
    const auto read = read_danish_cell(without_footnote_marks(c.text));
    if (!read) return std::nullopt;
    return read->value;
}

}  // namespace

std::optional<std::vector<std::pair<int, size_t>>> sum_terms(const Table& t, const std::vector<std::string>& row_keys,
                                                             const Expr& sum, bool row_formula) {
    std::vector<std::pair<int, size_t>> terms;
    if (!signed_terms(t, row_keys, sum, row_formula, 1, terms) || terms.size() < 2) return std::nullopt;
    return terms;
}

bool rounded_parts_differ(const Table& t, const std::vector<std::pair<int, size_t>>& terms, bool row_formula, size_t row,
                          size_t column) {
    if (row >= t.rows.size() || column >= t.rows[row].cells.size()) return false;
    const auto total = printed(t.rows[row].cells[column]);
    if (!total) return false;
    Decimal parts;
    for (const auto& [sign, i] : terms) {
        const size_t r = row_formula ? i : row, c = row_formula ? column : i;
        if (r >= t.rows.size() || c >= t.rows[r].cells.size()) return false;
        const auto part = printed(t.rows[r].cells[c]);
        if (!part) return false;
        const auto next = sign > 0 ? Decimal::add(parts, *part) : Decimal::sub(parts, *part);
        if (!next) return false;
        parts = *next;
    }
    return !(parts == *total);
}

}  // namespace boardpack::calc

#include "render/figure_groups.hpp"

#include <algorithm>
#include <optional>
#include <string_view>

#include "calc/table_calc.hpp"
#include "model/count_headings.hpp"
#include "numbers/danish_number.hpp"
#include "numbers/footnote_marks.hpp"

namespace boardpack::render {

namespace {

// The characters after a number's whole part (sign, digits, thousands points), footnote marks aside.
size_t tail_length(std::string_view t) {
    const std::string_view body = calc::without_footnote_marks(t);
    size_t i = body.empty() ? 0 : body[0] == '+' ? size_t{1} : calc::minus_sign_size(body);
    while (i < body.size() && ((body[i] >= '0' && body[i] <= '9') || body[i] == '.')) ++i;
    size_t n = 0;
    for (size_t j = i; j < body.size(); ++j)
        if ((static_cast<unsigned char>(body[j]) & 0xC0) != 0x80) ++n;
    return n;
}

bool names_measure(const std::string& label) { return calc::names_rate_figures(label) || calc::names_no_amount(label); }

}  // namespace

std::vector<MeasureRow> own_measure_rows(const model::Table& t) {
    std::vector<MeasureRow> own(t.rows.size(), MeasureRow::No);
    for (size_t r = 0; r < t.rows.size(); ++r) {
        const model::TableRow& row = t.rows[r];
        if (row.role == model::TableRow::Role::Spacer || row.cells.size() < 2) continue;
        bool figures = false, ratios = true;
        for (size_t k = 1; k < row.cells.size(); ++k) {
            const model::Cell& c = row.cells[k];
            if (c.kind != model::Cell::Kind::Number) continue;
            figures = true;
            if (c.hundred != model::Cell::Hundred::Ratio && c.hundred != model::Cell::Hundred::PerHundred) ratios = false;
        }
        if (!figures) continue;
        if (row.cells[0].kind == model::Cell::Kind::Text && names_measure(row.cells[0].text)) own[r] = MeasureRow::ByLabel;
        else if (ratios) own[r] = MeasureRow::Ratios;
    }
    return own;
}

bool ragged_numbers(const model::Table& t, size_t k) {
    std::optional<size_t> first;
    for (const model::TableRow& row : t.rows) {
        if (k >= row.cells.size() || row.cells[k].kind != model::Cell::Kind::Number) continue;
        const size_t n = tail_length(row.cells[k].text);
        if (!first) first = n;
        else if (n != *first) return true;
    }
    return false;
}

bool heading_names_measure(const std::string& heading) {
    return names_measure(heading) || model::count_heading_of(heading) != model::CountHeading::None;
}

bool FigureGroups::apart(size_t r, size_t k) {
    if (!read_) {
        rows_ = own_measure_rows(t_);
        read_ = true;
    }
    if (r >= rows_.size() || rows_[r] == MeasureRow::No || k >= t_.header.size() || heading_names_measure(t_.header[k]))
        return false;
    if (rows_[r] == MeasureRow::ByLabel) return true;
    // Computed ratios: apart among whole numbers (counts), not among other ratios typed with
    // decimals ("Hele landet", the national ratio, under the regions').
    for (size_t o = 0; o < t_.rows.size(); ++o) {
        if (rows_[o] != MeasureRow::No || k >= t_.rows[o].cells.size()) continue;
        const model::Cell& c = t_.rows[o].cells[k];
        if (c.kind == model::Cell::Kind::Number && tail_length(c.text) > 0) return false;
    }
    return true;
}

}  // namespace boardpack::render

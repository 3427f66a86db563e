#include "calc/figure_groups.hpp"

#include <algorithm>
#include <string_view>

#include "calc/table_calc.hpp"
#include "model/count_headings.hpp"
#include "numbers/danish_number.hpp"
#include "numbers/footnote_marks.hpp"

namespace boardpack::calc {

namespace {

// The characters after a number's whole part (sign, digits, thousands points), footnote marks aside.
size_t tail_length(std::string_view t) {
    const std::string_view body = without_footnote_marks(t);
    size_t i = body.empty() ? 0 : body[0] == '+' ? size_t{1} : minus_sign_size(body);
    while (i < body.size() && ((body[i] >= '0' && body[i] <= '9') || body[i] == '.')) ++i;
    size_t n = 0;
    for (size_t j = i; j < body.size(); ++j)
        if ((static_cast<unsigned char>(body[j]) & 0xC0) != 0x80) ++n;
    return n;
}

bool names_measure(const std::string& label) { return names_rate_figures(label) || names_no_amount(label); }

}  // namespace

bool heading_names_measure(const std::string& heading) {
    return names_measure(heading) || model::count_heading_of(heading) != model::CountHeading::None;
}

FigureGroups::Row FigureGroups::reading(size_t r) {
    if (rows_.empty()) rows_.assign(t_.rows.size(), Row::Unread);
    if (rows_[r] != Row::Unread) return rows_[r];
    const model::TableRow& row = t_.rows[r];
    Row out = Row::No;
    if (row.role != model::TableRow::Role::Spacer && row.cells.size() >= 2) {
        bool figures = false, ratios = true;
        for (size_t k = 1; k < row.cells.size(); ++k) {
            const model::Cell& c = row.cells[k];
            if (c.kind != model::Cell::Kind::Number) continue;
            figures = true;
            if (c.hundred != model::Cell::Hundred::Ratio && c.hundred != model::Cell::Hundred::PerHundred) ratios = false;
        }
        if (figures && row.cells[0].kind == model::Cell::Kind::Text && names_measure(row.cells[0].text)) out = Row::ByLabel;
        else if (figures && ratios) out = Row::Ratios;
    }
    return rows_[r] = out;
}

std::vector<bool> FigureGroups::apart_in(size_t k) {
    // Each figure's tail (what follows its whole part), and the tail most of them have; a
    // column whose figures all end alike (most) is done here.
    std::vector<size_t>& tails = tails_;
    tails.assign(t_.rows.size(), 0);
    constexpr size_t kLongest = 15;  // tails this long or longer are counted together
    size_t counts[kLongest + 1] = {};
    size_t kinds = 0;
    for (size_t r = 0; r < t_.rows.size(); ++r) {
        const model::TableRow& row = t_.rows[r];
        if (k >= row.cells.size() || row.cells[k].kind != model::Cell::Kind::Number) continue;
        tails[r] = std::min(tail_length(row.cells[k].text), kLongest);
        kinds += counts[tails[r]]++ == 0;
    }
    if (kinds < 2) return {};
    size_t usual = 0;
    for (size_t t = 1; t <= kLongest; ++t)
        if (counts[t] > counts[usual]) usual = t;
    std::vector<bool> apart(t_.rows.size(), false);
    bool any = false, ratios = false;
    for (size_t r = 0; r < t_.rows.size(); ++r) {
        const model::TableRow& row = t_.rows[r];
        if (k >= row.cells.size() || row.cells[k].kind != model::Cell::Kind::Number || tails[r] == usual) continue;
        const Row kind = reading(r);
        if (kind == Row::No) continue;
        apart[r] = any = true;
        ratios = ratios || kind == Row::Ratios;
    }
    if (!any || k >= t_.header.size() || heading_names_measure(t_.header[k])) return {};
    // Computed ratios: apart among whole numbers (counts), not among figures with decimals.
    if (ratios) {
        bool whole = true;
        for (size_t r = 0; r < t_.rows.size() && whole; ++r)
            if (!apart[r] && k < t_.rows[r].cells.size() && t_.rows[r].cells[k].kind == model::Cell::Kind::Number && tails[r] > 0)
                whole = false;
        if (!whole)
            for (size_t r = 0; r < t_.rows.size(); ++r)
                if (apart[r] && rows_[r] == Row::Ratios) apart[r] = false;
        if (std::find(apart.begin(), apart.end(), true) == apart.end()) return {};
    }
    return apart;
}

void mark_figures_apart(model::Table& t) {
    FigureGroups groups(t);
    for (size_t k = 1; k < t.header.size() && k < t.numeric.size(); ++k) {
        if (!t.numeric[k]) continue;
        std::vector<bool> apart = groups.apart_in(k);
        if (apart.empty()) continue;
        t.figures_apart.resize(t.header.size());
        t.figures_apart[k] = std::move(apart);
    }
}

}  // namespace boardpack::calc

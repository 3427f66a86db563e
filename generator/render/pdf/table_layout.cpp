#include "render/pdf/table_layout.hpp"

#include <algorithm>
#include <numeric>

#include "render/pdf/inline_spans.hpp"
#include "render/pdf/pdf_style.hpp"
#include "numbers/danish_number.hpp"
#include "numbers/footnote_marks.hpp"

namespace boardpack::render::pdf {

using model::Cell;

namespace {

Color tone_color(Cell::Tone t) {
    switch (t) {
        case Cell::Tone::Good: return style::kGood;
        case Cell::Tone::Bad: return style::kBad;
        default: return style::kText;
    }
}

// A cell is one span of plain text (plain()), broken as a view of one: no vector for each cell.
struct Content {
    std::vector<Span> header;
    std::vector<std::vector<Span>> rows;  // rows x columns
    // Numeric columns' alignment, at size 1: each cell's inset (see CellBox::inset).
    std::vector<double> header_insets;
    std::vector<std::vector<double>> insets;  // rows x columns
};

// A number cell's text split for alignment: its footnote marks (" **", with the space before
// them; "¹") and, of the rest, what follows the whole part ("," and decimals, a unit).
struct Parts {
    std::string_view tail, mark;
};

Parts parts_of(const Cell& cell) {
    const std::string_view t = cell.text;
    std::string marks;
    const std::string_view body = calc::without_footnote_marks(t, &marks);
    size_t end = t.size();
    Parts p;
    if (!marks.empty()) {
        end = static_cast<size_t>(body.data() + body.size() - t.data());
        p.mark = t.substr(end);
    }
    if (cell.kind == Cell::Kind::Number) {
        size_t i = 0;
        if (end > 0) i = t[0] == '+' ? size_t{1} : calc::minus_sign_size(t);  // "-", U+2212, an en dash ...
        while (i < end && ((t[i] >= '0' && t[i] <= '9') || t[i] == '.')) ++i;
        p.tail = t.substr(i, end - i);
    }
    return p;
}

// The insets of a table's numeric columns (see CellBox::inset), at size 1.
void align_numbers(const model::Table& t, Content& c, const FontMetrics& m) {
    const size_t n = t.header.size();
    c.header_insets.assign(n, 0);
    c.insets.assign(t.rows.size(), std::vector<double>(n, 0));
    for (size_t k = 1; k < n && k < t.numeric.size(); ++k) {
        if (!t.numeric[k]) continue;
        double widest_tail = 0, widest_mark = 0;
        std::vector<double> tails(t.rows.size(), 0), marks(t.rows.size(), 0);
        for (size_t r = 0; r < t.rows.size(); ++r) {
            const model::TableRow& row = t.rows[r];
            if (k >= row.cells.size()) continue;
            const FontStyle s = row.total ? FontStyle::Bold : FontStyle::Regular;
            const Parts p = parts_of(row.cells[k]);
            tails[r] = m.width(p.tail, s, 1);
            marks[r] = m.width(p.mark, s, 1);
            widest_tail = std::max(widest_tail, tails[r]);
            widest_mark = std::max(widest_mark, marks[r]);
        }
        c.header_insets[k] = widest_mark;
        // Figures that do not line up as they stand: a row of a measure of its own is set flush
        // right, and the others line up on their comma (calc/figure_groups.hpp).
        static const std::vector<bool> kNone;
        const std::vector<bool>& apart = k < t.figures_apart.size() ? t.figures_apart[k] : kNone;
        if (!apart.empty()) {
            widest_tail = 0;
            for (size_t r = 0; r < t.rows.size(); ++r)
                if (!apart[r]) widest_tail = std::max(widest_tail, tails[r]);
        }
        for (size_t r = 0; r < t.rows.size(); ++r) {
            const model::TableRow& row = t.rows[r];
            if (k >= row.cells.size()) continue;
            if (!apart.empty() && apart[r]) continue;  // inset 0: flush right, as the HTML sets it
            const Cell::Kind kind = row.cells[k].kind;
            // A number ends its whole part at the common edge; a dash stands where a whole
            // part would; words end with the longest number.
            const double tail = kind == Cell::Kind::Number ? tails[r] : kind == Cell::Kind::Dash ? 0 : widest_tail;
            c.insets[r][k] = (widest_tail - tail) + (widest_mark - marks[r]);
        }
    }
}

// A cell's widths at size 1: widths grow in proportion to the size, so the cells are measured
// once, not once for every size tried (with 3.000-character cells that was most of the time).
struct CellWidths {
    double natural = 0;  // on one line
    double widest = 0;   // the widest word
};

struct Widths {
    std::vector<CellWidths> header;
    std::vector<std::vector<CellWidths>> rows;  // rows x columns
};

CellWidths measure(const Span& cell, const FontMetrics& m) {
    return {natural_width({&cell, 1}, 1, m), widest_word({&cell, 1}, 1, m)};
}

// Widths with each cell's inset added: a number's room is its own width and the space its
// column keeps right of it for longer decimals and marks.
Widths measure(const Content& c, const FontMetrics& m) {
    Widths w;
    w.header.reserve(c.header.size());
    for (size_t k = 0; k < c.header.size(); ++k) {
        CellWidths cw = measure(c.header[k], m);
        cw.natural += c.header_insets[k];
        cw.widest += c.header_insets[k];
        w.header.push_back(cw);
    }
    w.rows.reserve(c.rows.size());
    for (size_t r = 0; r < c.rows.size(); ++r) {
        std::vector<CellWidths> cells;
        cells.reserve(c.rows[r].size());
        for (size_t k = 0; k < c.rows[r].size(); ++k) {
            CellWidths cw = measure(c.rows[r][k], m);
            const double inset = k < c.insets[r].size() ? c.insets[r][k] : 0;
            cw.natural += inset;
            cw.widest += inset;
            cells.push_back(cw);
        }
        w.rows.push_back(std::move(cells));
    }
    return w;
}

// The vectors here and in measure, make_row and layout_table are made at their sizes, known
// from the table: a table's every row and cell grew them a block at a time.
Content content_of(const model::Table& t, const FontMetrics& m) {
    Content c;
    c.header.reserve(t.header.size());
    for (const std::string& h : t.header) c.header.push_back(plain(h, FontStyle::Bold, style::kText));
    c.rows.reserve(t.rows.size());
    for (const model::TableRow& r : t.rows) {
        std::vector<Span> cells;
        cells.reserve(r.cells.size());
        const FontStyle s = r.total ? FontStyle::Bold : FontStyle::Regular;
        for (const Cell& cell : r.cells) cells.push_back(plain(cell.text, s, tone_color(cell.tone)));
        c.rows.push_back(std::move(cells));
    }
    align_numbers(t, c, m);
    return c;
}

// How far widths_at may go when the columns' minimum widths do not fit.
enum class Resort {
    None,          // not at all: the table does not fit at this size
    SplitWords,    // text columns below their widest word (words are split), numbers whole
    SplitNumbers,  // every column scaled down, numbers split too (nothing else fits)
};

// Column widths at a font size, or an empty vector if the table cannot fit at this size.
// *numbers_split is set when even that took splitting numbers.
std::vector<double> widths_at(const model::Table& t, const Widths& c, double size, double available, Resort resort,
                              double pad_x, bool* numbers_split = nullptr) {
    const size_t n = t.header.size();
    const double pad = 2 * pad_x;
    std::vector<double> want(n, 0), min(n, 0), header(n, 0);
    for (size_t k = 0; k < n; ++k) {
        header[k] = c.header[k].natural * size + pad;
        const bool numeric = k < t.numeric.size() && t.numeric[k];
        // Headers may wrap at spaces; body cells of text columns too; numbers never.
        min[k] = c.header[k].widest * size + pad;
        want[k] = min[k];
        for (const auto& row : c.rows) {
            const double natural = row[k].natural * size + pad;
            want[k] = std::max(want[k], natural);
            min[k] = std::max(min[k], numeric ? natural : row[k].widest * size + pad);
        }
        // A text column wider than a third of the page is worth wrapping before shrinking.
        if (!numeric) want[k] = std::max(min[k], std::min(want[k], available * style::kWrapColumnShare));
    }
    const double total_want = std::accumulate(want.begin(), want.end(), 0.0);
    const double total_min = std::accumulate(min.begin(), min.end(), 0.0);
    std::vector<double> w;
    if (total_want <= available) {
        // Spare room first lets headings stand on fewer lines, then widens the label column:
        // tables are full width, as in the source documents.
        w = want;
        double spare = available - total_want;
        for (int round = 0; round < 3 && spare > 0.5; ++round) {
            double need = 0;
            for (size_t k = 1; k < n; ++k) need += std::max(0.0, header[k] - w[k]);
            if (need <= 0) break;
            const double share = std::min(1.0, spare / need);
            for (size_t k = 1; k < n; ++k) {
                const double extra = std::max(0.0, header[k] - w[k]) * share;
                w[k] += extra;
                spare -= extra;
            }
        }
        w[0] += spare;
        return w;
    }
    if (total_min <= available) {
        // Columns that need little more than their minimum get all they want first, so short
        // phrases ("over loftet") stay on one line; the widest wishes, usually the label
        // column, share what is left and wrap.
        w = min;
        double spare = available - total_min;
        std::vector<size_t> order(n);
        std::iota(order.begin(), order.end(), size_t{0});
        std::stable_sort(order.begin(), order.end(),
                         [&](size_t a, size_t b) { return want[a] - min[a] < want[b] - min[b]; });
        size_t i = 0;
        for (; i < n && want[order[i]] - min[order[i]] <= spare; ++i) {
            spare -= want[order[i]] - min[order[i]];
            w[order[i]] = want[order[i]];
        }
        double wish = 0;
        for (size_t j = i; j < n; ++j) wish += want[order[j]] - min[order[j]];
        for (size_t j = i; j < n && wish > 0; ++j) w[order[j]] += spare * (want[order[j]] - min[order[j]]) / wish;
        return w;
    }
    if (resort == Resort::None) return {};
    w = min;
    // The numbers keep their width; the text columns share the rest, their words split.
    double numbers = 0, text = 0;
    for (size_t k = 0; k < n; ++k) (k < t.numeric.size() && t.numeric[k] ? numbers : text) += min[k];
    if (numbers < available && text > 0) {
        // Only the widest text columns give way: each column is as wide as its widest word up to
        // a common cap, chosen so the columns fill the room. Scaling every text column alike
        // split a short heading ("Emne", one letter to a line) for a long address in another.
        std::vector<double> widest;
        for (size_t k = 0; k < n; ++k)
            if (!(k < t.numeric.size() && t.numeric[k])) widest.push_back(min[k]);
        std::sort(widest.begin(), widest.end());
        double room = available - numbers, cap = room;
        for (size_t i = 0; i < widest.size(); ++i) {
            const double share = room / static_cast<double>(widest.size() - i);
            if (widest[i] >= share) {
                cap = share;
                break;
            }
            room -= widest[i];
        }
        for (size_t k = 0; k < n; ++k)
            if (!(k < t.numeric.size() && t.numeric[k])) w[k] = std::min(min[k], cap);
        return w;
    }
    if (resort == Resort::SplitWords) return {};
    // Nothing fits even at the smallest size: scale every column down; numbers will be split.
    for (double& x : w) x *= available / total_min;
    if (numbers_split) *numbers_split = true;
    return w;
}

RowBox make_row(const std::vector<Span>& cells, const std::vector<double>& insets,
                const std::vector<double>& widths, const std::vector<bool>& numeric, double size, double leading,
                double pad_x, const FontMetrics& m) {
    RowBox row;
    row.cells.reserve(cells.size());
    size_t max_lines = 1;
    for (size_t k = 0; k < cells.size(); ++k) {
        CellBox cb;
        cb.right = k > 0 && k < numeric.size() && numeric[k];
        cb.inset = cb.right && k < insets.size() ? insets[k] * size : 0;
        cb.lines = break_lines({&cells[k], 1}, widths[k] - 2 * pad_x - cb.inset, size, m);
        max_lines = std::max(max_lines, cb.lines.size());
        row.cells.push_back(std::move(cb));
    }
    row.height = static_cast<double>(max_lines) * leading + 2 * style::kTablePadY;
    return row;
}

}  // namespace

double TableBox::width() const { return std::accumulate(widths.begin(), widths.end(), 0.0); }

TableBox layout_table(const model::Table& table, double available, const FontMetrics& metrics) {
    const Content c = content_of(table, metrics);
    const Widths measured = measure(c, metrics);
    TableBox box;
    box.pad_x = style::kTablePadX;
    // Smaller sizes until the table fits with its words and numbers whole. At the smallest size,
    // with tighter cells, words may be split; below it the table goes only so that its numbers
    // stay whole, and only at the floor are they split too.
    for (double size = style::kTableSize; size >= style::kTableFloorSize - 1e-9; size -= style::kTableSizeStep) {
        const bool small = size < style::kTableMinSize + 1e-9;
        const bool floor = size - style::kTableSizeStep < style::kTableFloorSize - 1e-9;
        if (small) box.pad_x = style::kTableTightPadX;
        const Resort resort = floor ? Resort::SplitNumbers : small ? Resort::SplitWords : Resort::None;
        box.widths = widths_at(table, measured, size, available, resort, box.pad_x, &box.numbers_split);
        if (!box.widths.empty()) {
            box.size = size;
            break;
        }
    }
    box.leading = box.size * style::kCellLeading;
    box.header = make_row(c.header, c.header_insets, box.widths, table.numeric, box.size, box.leading, box.pad_x, metrics);
    box.header.kind = RowBox::Kind::Header;
    box.rows.reserve(table.rows.size());
    for (size_t r = 0; r < table.rows.size(); ++r) {
        const model::TableRow& src = table.rows[r];
        if (src.role == model::TableRow::Role::Spacer) {
            RowBox spacer;
            spacer.kind = RowBox::Kind::Spacer;
            spacer.height = box.leading * style::kSpacerRow;
            box.rows.push_back(std::move(spacer));
            continue;
        }
        RowBox row = make_row(c.rows[r], c.insets[r], box.widths, table.numeric, box.size, box.leading, box.pad_x, metrics);
        row.total = src.total;
        box.rows.push_back(std::move(row));
    }
    return box;
}

}  // namespace boardpack::render::pdf

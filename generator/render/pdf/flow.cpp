#include "render/pdf/flow.hpp"

#include <algorithm>

#include "render/pdf/pdf_style.hpp"

namespace boardpack::render::pdf {

Flow::Flow(LaidOutDocument& doc, const FontMetrics& metrics, double top, double bottom)
    : doc_(doc), m_(metrics), top_(top), bottom_(bottom) {}

void Flow::new_page() {
    doc_.pages.emplace_back();
    y_ = top_;
}

bool Flow::at_page_top() const { return doc_.pages.empty() || y_ <= top_ + 1e-6; }

void Flow::space(double gap) {
    if (!at_page_top()) y_ += gap;
}

void Flow::ensure(double height) {
    if (doc_.pages.empty() || (y_ + height > bottom_ + 1e-6 && !at_page_top())) new_page();
}

void Flow::anchor(const std::string& name) {
    if (doc_.pages.empty()) new_page();
    page().anchors.push_back({name, y_});
}

double Flow::baseline_in(double top, const LineStyle& ls) const {
    return top + (ls.leading - ls.size) / 2 + m_.ascent(FontStyle::Regular) * ls.size;
}

void Flow::place_line(const LaidLine& line, double x, double baseline, double size) {
    for (const Fragment& f : line.fragments) {
        // Trailing spaces carry no ink; keep them out of the page so text extraction is clean.
        page().texts.push_back({x + f.x, baseline, f.text, f.style, size, f.color});
        // Struck text gets its line: colour or weight alone would not tell a reader it is struck.
        if (f.strike) page().boxes.push_back({x + f.x, baseline - size * 0.3, f.width, size * 0.06, f.color});
        // "#punkt-5" is a place in the packet: a link to its named destination.
        if (!f.url.empty())
            page().links.push_back({x + f.x, baseline - size * 0.85, f.width, size * 1.15,
                                    f.url[0] == '#' ? "" : f.url, f.url[0] == '#' ? f.url.substr(1) : "", f.title});
    }
}

void Flow::lines(const std::vector<LaidLine>& ls_lines, const LineStyle& ls, bool keep_together,
                 const std::optional<Marker>& marker) {
    if (doc_.pages.empty()) new_page();
    const size_t n = ls_lines.size();
    if (keep_together) ensure(static_cast<double>(n) * ls.leading);
    size_t i = 0;
    bool first = true;
    while (i < n) {
        const size_t fit = static_cast<size_t>(std::max(0.0, (bottom_ - y_ + 1e-6) / ls.leading));
        size_t take = std::min(fit, n - i);
        if (take < n - i && !keep_together) {
            // Orphans and widows: at least two lines at the foot and two at the head of a page.
            if (n - i >= 4) {
                if (take < 2) take = 0;
                else if (n - i - take < 2) take = n - i - 2;
            } else {
                take = 0;
            }
        }
        if (take == 0) {
            if (at_page_top()) take = std::max<size_t>(1, std::min(fit, n - i));  // a page cannot hold it: split anyway
            else {
                new_page();
                continue;
            }
        }
        for (size_t k = 0; k < take; ++k, ++i) {
            const double baseline = baseline_in(y_, ls);
            if (first && marker) page().texts.push_back({marker->x, baseline, marker->text, marker->style, ls.size, marker->color});
            first = false;
            place_line(ls_lines[i], ls.x, baseline, ls.size);
            y_ += ls.leading;
        }
        if (i < n) new_page();
    }
}

void Flow::rule(double x, double width, double thickness, Color color) {
    if (doc_.pages.empty()) new_page();
    page().boxes.push_back({x, y_, width, thickness, color});
}

void Flow::draw_row(const RowBox& row, const TableBox& box, double x, size_t first_line, size_t line_count) {
    if (row.kind == RowBox::Kind::Spacer) {
        y_ += row.height;
        return;
    }
    if (row.computed && first_line == 0) page().boxes.push_back({x, y_, box.width(), 0.6, style::kText});
    double cx = x;
    for (size_t k = 0; k < row.cells.size(); ++k) {
        const CellBox& cell = row.cells[k];
        const double w = box.widths[k];
        const size_t end = std::min(cell.lines.size(), first_line + line_count);
        for (size_t l = first_line; l < end; ++l) {
            const LaidLine& line = cell.lines[l];
            const double lx = cell.right ? cx + w - box.pad_x - line.width : cx + box.pad_x;
            const double top = y_ + style::kTablePadY + static_cast<double>(l - first_line) * box.leading;
            const double baseline = top + (box.leading - box.size) / 2 + m_.ascent(FontStyle::Regular) * box.size;
            place_line(line, lx, baseline, box.size);
        }
        cx += w;
    }
    const size_t lines = row_lines(row);
    y_ += first_line == 0 && line_count >= lines ? row.height
                                                 : static_cast<double>(line_count) * box.leading + 2 * style::kTablePadY;
    const bool header = row.kind == RowBox::Kind::Header;
    page().boxes.push_back({x, y_ - (header ? 0.8 : 0.3), box.width(), header ? 0.8 : 0.3,
                            header ? style::kText : style::kRule});
}

size_t Flow::row_lines(const RowBox& row) {
    size_t n = 1;
    for (const CellBox& c : row.cells) n = std::max(n, c.lines.size());
    return n;
}

void Flow::table(const TableBox& box, const std::vector<LaidLine>& caption, const std::vector<LaidLine>& continued,
                 const std::vector<std::vector<LaidLine>>& below, double x) {
    const LineStyle cap{x, style::kTableSize + 0.5, (style::kTableSize + 0.5) * 1.3};
    const double caption_h = static_cast<double>(caption.size()) * cap.leading + 3;
    // Keep the caption with the header and the first rows (all of a short table).
    double start = caption_h + box.header.height;
    for (size_t r = 0; r < box.rows.size() && r < 3; ++r) start += box.rows[r].height;
    ensure(start);
    lines(caption, cap, true);
    y_ += 3;
    // A header taller than a third of the page is not repeated: it would crowd out the rows.
    const bool repeat_header = box.header.height <= (bottom_ - top_) / 3;
    const std::function<void()> next_page = [&] {
        new_page();
        lines(continued, cap, true);
        y_ += 3;
        if (repeat_header) draw_row(box.header, box, x);
    };
    draw_tall_row(box.header, box, x, next_page);
    for (const RowBox& row : box.rows) {
        if (y_ + row.height > bottom_ + 1e-6) next_page();
        draw_tall_row(row, box, x, next_page);
    }
    const LineStyle small{x, style::kSmallSize, style::kSmallSize * 1.3};
    if (!below.empty()) y_ += 3;
    for (const auto& b : below) lines(b, small);
}

void Flow::draw_tall_row(const RowBox& row, const TableBox& box, double x, const std::function<void()>& next_page) {
    if (y_ + row.height <= bottom_ + 1e-6 || row.kind == RowBox::Kind::Spacer) {
        draw_row(row, box, x);
        return;
    }
    // Taller than the room left: as many lines as fit on each page. Rows are otherwise kept
    // whole, but a row taller than a page would run off its foot and be lost.
    const size_t total = row_lines(row);
    size_t done = 0;
    bool fresh = false;
    while (done < total) {
        const double room = bottom_ - y_ - 2 * style::kTablePadY + 1e-6;
        size_t fit = room > 0 ? static_cast<size_t>(room / box.leading) : 0;
        if (fit == 0 && !fresh) {
            next_page();
            fresh = true;
            continue;
        }
        fit = std::max<size_t>(fit, 1);  // a page that holds no line at all: one anyway, so this ends
        const size_t take = std::min(fit, total - done);
        draw_row(row, box, x, done, take);
        done += take;
        fresh = false;
        if (done < total) {
            next_page();
            fresh = true;
        }
    }
}

}  // namespace boardpack::render::pdf

#include "render/pdf/flow.hpp"

#include <algorithm>
#include <type_traits>
#include <utility>

#include "render/pdf/pdf_style.hpp"

namespace boardpack::render::pdf {

Flow::Flow(LaidOutDocument& doc, const FontMetrics& metrics, double top, double bottom)
    : doc_(doc), m_(metrics), top_(top), bottom_(bottom) {}

double Flow::bottom() const { return turned() ? bottom_ - (style::kPageHeight - style::kPageWidth) : bottom_; }

void Flow::new_page(bool landscape) {
    doc_.pages.emplace_back().landscape = landscape;
    y_ = top_;
}

bool Flow::at_page_top() const { return doc_.pages.empty() || y_ <= top_ + 1e-6; }

void Flow::space(double gap) {
    if (!at_page_top()) y_ += gap;
}

void Flow::ensure(double height) {
    if (doc_.pages.empty() || (y_ + height > bottom() + 1e-6 && !at_page_top())) next_page();
}

void Flow::anchor(const std::string& name) {
    if (doc_.pages.empty()) next_page();
    page().anchors.push_back({name, y_});
}

double Flow::baseline_in(double top, const LineStyle& ls) const {
    return top + (ls.leading - ls.size) / 2 + m_.ascent(FontStyle::Regular) * ls.size;
}

void Flow::place_line(const LaidLine& line, double x, double baseline, double size, const Origin& origin) {
    put_line(line, x, baseline, size, origin);
}

void Flow::place_line(LaidLine&& line, double x, double baseline, double size, const Origin& origin) {
    put_line(line, x, baseline, size, origin);
}

template <class Line>
void Flow::put_line(Line& line, double x, double baseline, double size, const Origin& origin) {
    for (auto& f : line.fragments) {
        Origin o = origin;
        o.link = !f.url.empty();
        // A line placed once gives its text away rather than copying it (some 10.000 texts).
        if constexpr (std::is_const_v<Line>) page().texts.push_back({x + f.x, baseline, f.text, size, f.style, f.color, o});
        else page().texts.push_back({x + f.x, baseline, std::move(f.text), size, f.style, f.color, o});
        // Struck text gets its line: colour or weight alone would not tell a reader it is struck.
        if (f.strike)
            page().boxes.push_back({x + f.x, baseline - size * style::kStrikeRise, f.width, size * style::kStrikeThickness,
                                    f.color, o});
        // "#punkt-5" is a place in the packet: a link to its named destination.
        if (!f.url.empty())
            page().links.push_back({x + f.x, baseline - size * style::kLinkAbove, f.width, size * style::kLinkHeight,
                                    f.url[0] == '#' ? "" : f.url, f.url[0] == '#' ? f.url.substr(1) : "", f.title,
                                    origin});
    }
}

double table_start_height(const TableBox& box, size_t caption_lines, double page) {
    double h = static_cast<double>(caption_lines) * style::kCaptionLeading + style::kCaptionGap;
    // So is a header taller than a page (long headings), which then starts the table alone.
    if (box.header.height > page) return h + tall_row_start(box);
    h += box.header.height;
    // A short table is kept whole: split, a piece of a few rows stands apart from the rest (item
    // 18's table of six regions went 4 + 2 over two pages).
    const size_t keep = box.rows.size() <= style::kTableWholeRows ? box.rows.size() : style::kTableKeepRows;
    for (size_t r = 0; r < keep; ++r) {
        // A row taller than a page is split wherever it starts: it needs only its first lines
        // here, as a paragraph does. Counting it whole would push the table (and the heading
        // kept with it) onto a page of its own for nothing.
        if (box.rows[r].height > page) return h + tall_row_start(box);
        h += box.rows[r].height;
    }
    return h;
}

double table_start_height(const TableParts& p, double page) { return table_start_height(p.box, p.caption.size(), page); }

double tall_row_start(const TableBox& box) {
    return static_cast<double>(style::kMinLinesAtBreak) * box.leading + 2 * style::kTablePadY;
}

double start_height(const MeasuredBlock& b, double page) {
    switch (b.kind) {
        case MeasuredBlock::Kind::Lines: {
            const size_t n = b.lines.size();
            const size_t need = b.keep_together || n < 2 * style::kMinLinesAtBreak ? n : style::kMinLinesAtBreak;
            return static_cast<double>(need) * b.style.leading;
        }
        case MeasuredBlock::Kind::Table: return b.table ? table_start_height(*b.table, page) : 0;
        case MeasuredBlock::Kind::Space: return b.amount;
        case MeasuredBlock::Kind::Rule: return std::max(b.need, b.amount);
        case MeasuredBlock::Kind::Anchor: return 0;
        case MeasuredBlock::Kind::Chart: return b.chart ? b.chart->height : 0;
        case MeasuredBlock::Kind::Drawing: return b.drawing ? b.drawing->height : 0;
    }
    return 0;
}

double Flow::kept_height(const std::vector<MeasuredBlock>& blocks, size_t i) const {
    // The block itself whole, then what follows up to and including the start of the first
    // block that is not kept with its next; spaces and anchors between count as they are.
    // A chain taller than a page (many headings in a row) cannot be kept: then the block is
    // kept with the start of the next one only, as a lone heading would be. Stopping the sum
    // there also keeps such a run linear, not quadratic.
    const double page = bottom() - top_;
    double h = 0;
    double first_step = -1;  // the height up to the start of the next block
    for (size_t j = i; j < blocks.size(); ++j) {
        const MeasuredBlock& b = blocks[j];
        if (b.kind == MeasuredBlock::Kind::Space || b.kind == MeasuredBlock::Kind::Anchor) {
            h += start_height(b, page);
            continue;
        }
        if (j > i && first_step < 0) first_step = h + start_height(b, page);
        if (j == i || b.keep_with_next) {
            h += b.kind == MeasuredBlock::Kind::Lines ? static_cast<double>(b.lines.size()) * b.style.leading
                                                       : start_height(b, page);
            if (h > page) return first_step < 0 ? h : first_step;
            continue;
        }
        h += start_height(b, page);
        return h > page && first_step >= 0 ? first_step : h;
    }
    return h;
}

std::optional<bool> Flow::wants_landscape(const std::vector<MeasuredBlock>& blocks, size_t i) {
    for (size_t j = i; j < blocks.size(); ++j) {
        const MeasuredBlock& b = blocks[j];
        if (b.kind == MeasuredBlock::Kind::Table) return b.landscape;
        if (b.kind == MeasuredBlock::Kind::Space || b.kind == MeasuredBlock::Kind::Anchor || b.keep_with_next) continue;
        return false;
    }
    return std::nullopt;  // nothing placed after: the page stays as it is
}

bool Flow::starts_page(const std::vector<MeasuredBlock>& blocks, size_t i) const {
    if (at_page_top()) return true;
    const MeasuredBlock& b = blocks[i];
    const double page = bottom() - top_;
    const double need = b.keep_with_next ? kept_height(blocks, i) : std::max(b.need, start_height(b, page));
    return y_ + need > bottom() + 1e-6;
}

size_t Flow::landscape_lead(const std::vector<MeasuredBlock>& blocks, size_t i) const {
    const double page = bottom_ - (style::kPageHeight - style::kPageWidth) - top_;  // a landscape page's body
    double h = 0;
    for (size_t j = i; j < blocks.size(); ++j) {
        const MeasuredBlock& b = blocks[j];
        switch (b.kind) {
            case MeasuredBlock::Kind::Table:
                if (!b.landscape || !b.table || j == i) return 0;
                return h + table_start_height(*b.table, page) <= page ? j : 0;
            case MeasuredBlock::Kind::Lines: h += static_cast<double>(b.lines.size()) * b.style.leading; break;
            case MeasuredBlock::Kind::Space:
                if (j > i) h += b.amount;  // dropped at the page's top
                break;
            case MeasuredBlock::Kind::Rule: h += b.amount; break;
            case MeasuredBlock::Kind::Anchor: break;
            case MeasuredBlock::Kind::Chart:
            case MeasuredBlock::Kind::Drawing: return 0;
        }
        if (h > page * style::kLandscapeLeadShare) return 0;
    }
    return 0;
}

void Flow::place(std::vector<MeasuredBlock>& blocks) {
    size_t lead_end = 0;  // the landscape table that the blocks before it were turned for
    // The next landscape table from i on (blocks.size() if none): most packets have none, and
    // then no block's start is asked about.
    // `lead_from`: where the blocks that may lead into it start (text, spaces, anchors and rules
    // right before it).
    size_t next_turn = 0, lead_from = 0;
    const auto landscape_from = [&](size_t i) {
        while (i < blocks.size() && !(blocks[i].kind == MeasuredBlock::Kind::Table && blocks[i].landscape)) ++i;
        next_turn = i;
        lead_from = i;
        while (lead_from > 0 && (blocks[lead_from - 1].kind == MeasuredBlock::Kind::Lines ||
                                 blocks[lead_from - 1].kind == MeasuredBlock::Kind::Space ||
                                 blocks[lead_from - 1].kind == MeasuredBlock::Kind::Anchor ||
                                 blocks[lead_from - 1].kind == MeasuredBlock::Kind::Rule))
            --lead_from;
    };
    landscape_from(0);
    for (size_t i = 0; i < blocks.size(); ++i) {
        MeasuredBlock& b = blocks[i];
        if (i > next_turn) landscape_from(i);
        // A landscape table's page, and an upright one for what follows it. A space goes where
        // the flow is (it is dropped at a page's top); an empty page is turned, not left blank.
        // Short text leading into such a table from an upright page's top goes with it.
        if (b.kind != MeasuredBlock::Kind::Space && i >= lead_end) {
            if (const std::optional<bool> turn = wants_landscape(blocks, i); turn && *turn != turned()) {
                if (!doc_.pages.empty() && at_page_top()) doc_.pages.back().landscape = *turn;
                else new_page(*turn);
            } else if (next_turn < blocks.size() && i >= lead_from && !doc_.pages.empty() && !turned()) {
                if (const size_t table = landscape_lead(blocks, i); table && starts_page(blocks, i)) {
                    if (at_page_top()) doc_.pages.back().landscape = true;
                    else new_page(true);
                    lead_end = table;
                }
            }
        }
        if (b.need > 0) ensure(b.need);
        // Never leave a heading (or a table's anchor) alone at the foot of a page.
        if (b.keep_with_next) ensure(kept_height(blocks, i));
        switch (b.kind) {
            case MeasuredBlock::Kind::Space: {
                const double top = y_;
                space(b.amount);
                quote_rules(b.quote_rules, top, y_);
                break;
            }
            case MeasuredBlock::Kind::Rule:
                // A rule across the page (an item's or an attachment's heading, kept with a table
                // set on a landscape page) spans the page it lands on.
                rule(b.x, turned() && b.width >= style::kContentWidth - 1e-9 ? b.width + style::kTurnedExtraWidth : b.width,
                     b.amount, b.color);
                break;
            case MeasuredBlock::Kind::Anchor: anchor(b.anchor); break;
            case MeasuredBlock::Kind::Chart: chart(b); break;
            case MeasuredBlock::Kind::Drawing:
                if (b.drawing) drawing(*b.drawing, b.x);
                break;
            case MeasuredBlock::Kind::Table:
                if (b.table) table(b.table->box, b.table->caption, b.table->continued, b.table->below, b.x, b.origin);
                break;
            case MeasuredBlock::Kind::Lines: {
                if (b.keep_together) ensure(static_cast<double>(b.lines.size()) * b.style.leading);
                if (doc_.pages.empty()) next_page();
                const size_t page_before = doc_.pages.size();
                const double top = y_;
                lines(std::move(b.lines), b.style, b.keep_together, b.marker, b.origin, b.quote_rules);
                // The whole entry links to its target (an attachment's page).
                if ((!b.link_target.empty() || !b.link_url.empty()) && doc_.pages.size() == page_before && y_ > top)
                    page().links.push_back({style::kMarginLeft, top, style::kContentWidth, y_ - top, b.link_url,
                                            b.link_target, "", b.origin});
                break;
            }
        }
    }
}

void Flow::quote_rules(const std::vector<double>& xs, double top, double bottom) {
    if (bottom <= top) return;
    for (const double x : xs) page().boxes.push_back({x, top, style::kQuoteRuleWidth, bottom - top, style::kRule, {}});
}

void Flow::lines(std::vector<LaidLine> ls_lines, const LineStyle& ls, bool keep_together,
                 const std::optional<Marker>& marker, const Origin& origin, const std::vector<double>& rules) {
    if (doc_.pages.empty()) next_page();
    const size_t n = ls_lines.size();
    if (keep_together) ensure(static_cast<double>(n) * ls.leading);
    size_t i = 0;
    bool first = true;
    while (i < n) {
        const size_t fit = static_cast<size_t>(std::max(0.0, (bottom() - y_ + 1e-6) / ls.leading));
        size_t take = std::min(fit, n - i);
        if (take < n - i && !keep_together) {
            // Orphans and widows: at least two lines at the foot and two at the head of a page.
            constexpr size_t kMin = style::kMinLinesAtBreak;
            if (n - i >= 2 * kMin) {
                if (take < kMin) take = 0;
                else if (n - i - take < kMin) take = n - i - kMin;
            } else {
                take = 0;
            }
        }
        if (take == 0) {
            if (at_page_top()) take = std::max<size_t>(1, std::min(fit, n - i));  // a page cannot hold it: split anyway
            else {
                next_page();
                continue;
            }
        }
        quote_rules(rules, y_, y_ + static_cast<double>(take) * ls.leading);
        for (size_t k = 0; k < take; ++k, ++i) {
            const double baseline = baseline_in(y_, ls);
            if (first && marker) {
                Origin label = origin;
                label.role = Origin::Role::ListLabel;
                page().texts.push_back({marker->x, baseline, marker->text, ls.size, marker->style, marker->color,
                                        origin.role == Origin::Role::ListBody || origin.role == Origin::Role::Paragraph
                                            ? label
                                            : origin});
            }
            first = false;
            place_line(std::move(ls_lines[i]), ls.x, baseline, ls.size, origin);
            y_ += ls.leading;
        }
        if (i < n) next_page();
    }
}

void Flow::drawing(const Drawing& d, double x) {
    ensure(d.height);
    if (d.block >= 0) doc_.figures.push_back({d.block, d.alt});
    const double top = y_;
    for (TextItem t : d.texts) {
        t.x += x;
        t.baseline += top;
        page().texts.push_back(std::move(t));
    }
    for (BoxItem b : d.boxes) {
        b.x += x;
        b.y += top;
        page().boxes.push_back(b);
    }
    for (ImageItem i : d.images) {
        i.x += x;
        i.y += top;
        page().images.push_back(i);
    }
    y_ += d.height;
}

void Flow::rule(double x, double width, double thickness, Color color) {
    if (doc_.pages.empty()) next_page();
    page().boxes.push_back({x, y_, width, thickness, color, {}});
}

void Flow::draw_row(const RowBox& row, const TableBox& box, double x, const Origin& origin, size_t first_line,
                    size_t line_count) {
    if (row.kind == RowBox::Kind::Spacer) {
        y_ += row.height;
        return;
    }
    if (row.total && first_line == 0) page().boxes.push_back({x, y_, box.width(), style::kTotalRule, style::kText, {}});
    double cx = x;
    Origin cell_origin = origin;
    for (size_t k = 0; k < row.cells.size(); ++k) {
        const CellBox& cell = row.cells[k];
        cell_origin.col = static_cast<int>(k);
        const double w = box.widths[k];
        const size_t end = std::min(cell.lines.size(), first_line + line_count);
        for (size_t l = first_line; l < end; ++l) {
            const LaidLine& line = cell.lines[l];
            const double lx = cell.right ? cx + w - box.pad_x - cell.inset - line.width : cx + box.pad_x;
            const double top = y_ + style::kTablePadY + static_cast<double>(l - first_line) * box.leading;
            const double baseline = top + (box.leading - box.size) / 2 + m_.ascent(FontStyle::Regular) * box.size;
            place_line(line, lx, baseline, box.size, cell_origin);
        }
        cx += w;
    }
    const size_t lines = row_lines(row);
    y_ += first_line == 0 && line_count >= lines ? row.height
                                                 : static_cast<double>(line_count) * box.leading + 2 * style::kTablePadY;
    const bool header = row.kind == RowBox::Kind::Header;
    const double rule = header ? style::kHeaderRule : style::kRowRule;
    page().boxes.push_back({x, y_ - rule, box.width(), rule, header ? style::kText : style::kRule, {}});
}

size_t Flow::row_lines(const RowBox& row) {
    size_t n = 1;
    for (const CellBox& c : row.cells) n = std::max(n, c.lines.size());
    return n;
}

void Flow::table(const TableBox& box, const std::vector<LaidLine>& caption, const std::vector<LaidLine>& continued,
                 const std::vector<std::vector<LaidLine>>& below, double x, const Origin& origin) {
    const LineStyle cap{x, style::kCaptionSize, style::kCaptionLeading};
    // Keep the caption with the header and the first rows (all of a short table).
    const double page = bottom() - top_;
    ensure(table_start_height(box, caption.size(), page));
    Origin o = origin;
    o.role = Origin::Role::TableCaption;
    lines(caption, cap, true, std::nullopt, o);
    y_ += style::kCaptionGap;
    // A header taller than a third of the page is not repeated: it would crowd out the rows.
    const bool repeat_header = box.header.height <= (bottom() - top_) * style::kMaxRepeatedHeader;
    Origin header = origin;
    header.role = Origin::Role::TableHeader;
    header.row = 0;
    size_t rows_here = 0;  // body rows on this page
    const std::function<void()> next_table_page = [&] {
        next_page();
        rows_here = 0;
        lines(continued, cap, true, std::nullopt, o);
        y_ += style::kCaptionGap;
        if (repeat_header) draw_row(box.header, box, x, header);
    };
    draw_tall_row(box.header, box, x, header, next_table_page);
    // The last rows go to a table's last page together, as a paragraph's last lines do: a total
    // alone under a repeated header is read apart from what it sums. `last_rows` is the first of
    // them (kTableEndRows rows, with any spacer between them); the room a continued page has
    // for rows is below its caption and header.
    size_t last_rows = box.rows.size();
    for (size_t counted = 0; last_rows > 0 && counted < style::kTableEndRows;)
        if (box.rows[--last_rows].kind != RowBox::Kind::Spacer) ++counted;
    const double continued_room = bottom() - top_ - static_cast<double>(continued.size()) * style::kCaptionLeading -
                                  style::kCaptionGap - (repeat_header ? box.header.height : 0);
    // Where a group of rows begins (a spacer between groups, as a budget has between its income,
    // costs and results) and the groups from there to the table's end are a few rows that do not
    // fit on this page but do on the next, the page breaks there: the results go to the last page
    // together, not its last two rows alone (item 19's "Projektbevillinger" and its bottom line
    // under a repeated header, the rest of their group on the page before).
    const auto tail_from = [&](size_t r, double* height) {
        size_t body = 0;
        *height = 0;
        for (size_t k = r; k < box.rows.size(); ++k) {
            *height += box.rows[k].height;
            if (box.rows[k].kind != RowBox::Kind::Spacer) ++body;
        }
        return body;
    };
    Origin cell = origin;
    cell.role = Origin::Role::TableCell;
    for (size_t r = 0; r < box.rows.size(); ++r) {
        const RowBox& row = box.rows[r];
        cell.row = static_cast<int>(r) + 1;
        if (row.kind == RowBox::Kind::Spacer && rows_here >= style::kTableKeepRows && r + 1 < box.rows.size()) {
            double rest = 0;
            const size_t body = tail_from(r + 1, &rest);
            if (body <= style::kTableGroupTail && y_ + row.height + rest > bottom() + 1e-6 && rest <= continued_room + 1e-6) {
                next_table_page();
                continue;  // the gap between the groups is the page break
            }
        }
        if (r == last_rows && r >= style::kTableKeepRows && rows_here > 0) {
            double rest = 0;
            for (size_t k = r; k < box.rows.size(); ++k) rest += box.rows[k].height;
            if (y_ + rest > bottom() + 1e-6 && rest <= continued_room + 1e-6) next_table_page();
        }
        // A row is never split: one that does not fit goes to the next page whole. One taller
        // than a continued page could hold is split anyway, so it starts here when its first
        // lines fit (draw_tall_row), not under a caption and header left alone on this page.
        if (y_ + row.height > bottom() + 1e-6 && row.height <= continued_room + 1e-6) next_table_page();
        draw_tall_row(row, box, x, cell, next_table_page);
        ++rows_here;
    }
    const LineStyle small{x, style::kSmallSize, style::kSmallLeading};
    if (!below.empty()) y_ += style::kCaptionGap;
    Origin note = origin;
    note.role = Origin::Role::TableNote;
    for (const auto& b : below) lines(b, small, false, std::nullopt, note);
}

void Flow::draw_tall_row(const RowBox& row, const TableBox& box, double x, const Origin& origin,
                         const std::function<void()>& continue_table) {
    if (y_ + row.height <= bottom() + 1e-6 || row.kind == RowBox::Kind::Spacer) {
        draw_row(row, box, x, origin);
        return;
    }
    // Taller than the room left: as many lines as fit on each page. Rows are otherwise kept
    // whole, but a row taller than a page would run off its foot and be lost.
    const size_t total = row_lines(row);
    size_t done = 0;
    bool fresh = false;
    while (done < total) {
        const double room = bottom() - y_ - 2 * style::kTablePadY + 1e-6;
        size_t fit = room > 0 ? static_cast<size_t>(room / box.leading) : 0;
        // At least two lines at the foot of a page, as for a paragraph (all of a shorter rest).
        if (fit < std::min(style::kMinLinesAtBreak, total - done) && !fresh) {
            continue_table();
            fresh = true;
            continue;
        }
        fit = std::max<size_t>(fit, 1);  // a page that holds no line at all: one anyway, so this ends
        const size_t take = std::min(fit, total - done);
        draw_row(row, box, x, origin, done, take);
        done += take;
        fresh = false;
        if (done < total) {
            continue_table();
            fresh = true;
        }
    }
}

}  // namespace boardpack::render::pdf

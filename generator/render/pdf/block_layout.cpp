#include "render/pdf/block_layout.hpp"

#include <algorithm>

#include "model/anchors.hpp"
#include "render/chart/chart_text.hpp"
#include "render/pdf/inline_spans.hpp"
#include "render/pdf/pdf_style.hpp"
#include "render/pdf/table_parts_memo.hpp"

namespace boardpack::render::pdf {

using model::Block;

namespace {

bool inlines_changed(const std::vector<model::Inline>& inlines) {
    for (const model::Inline& in : inlines)
        if (in.changed || inlines_changed(in.children)) return true;
    return false;
}

// Records block `number` as standing beside a change when `b` (or a figure in it) changed.
void mark_block(const Block& b, int number, BlockContext& ctx) {
    if (ctx.marks && (b.changed || inlines_changed(b.inlines))) ctx.marks->blocks.insert(number);
}

LineStyle body_style(double x) { return {x, style::kBodySize, style::kBodyLeading}; }

// Each heading level has its own look (## large bold, ### bold, #### bold italic), so the
// levels stay apart as they do in HTML.
double heading_size(int level) { return level <= 2 ? style::kSubheadingSize : style::kBodySize; }

FontStyle heading_font(int level) { return level <= 3 ? FontStyle::Bold : FontStyle::BoldItalic; }

MeasuredBlock space(double gap) {
    MeasuredBlock b;
    b.kind = MeasuredBlock::Kind::Space;
    b.amount = gap;
    return b;
}

Origin origin_of(Origin::Role role, int parent, BlockContext& ctx) {
    Origin o;
    o.role = role;
    o.block = ctx.next_block++;
    o.parent = parent;
    return o;
}

MeasuredBlock lines_block(std::vector<LaidLine> lines, const LineStyle& ls, const Origin& origin) {
    MeasuredBlock b;
    b.lines = std::move(lines);
    b.style = ls;
    b.origin = origin;
    return b;
}

// How far nested lists and quotes indent at most: deeper levels (the Markdown allows 40) stand
// at this indent, so their text keeps a readable width inside the margins instead of running
// off the page's right edge one letter to a line.
double nested(double indent, double step) { return std::min(indent + step, style::kMaxNestIndent); }

// The width running text is set in: the measure (style::kTextMeasure), or less where the
// content is narrower; tables and code keep the content's full width.
double text_width(const BlockContext& ctx, double indent) { return std::min(ctx.width, style::kTextMeasure) - indent; }

std::vector<LaidLine> paragraph_lines(const Block& b, double indent, BlockContext& ctx) {
    return break_lines(to_spans(b.inlines, FontStyle::Regular, style::kText), text_width(ctx, indent), style::kBodySize,
                       ctx.metrics);
}

TableParts measure_table(const model::Table& t, double w, const BlockContext& ctx) {
    TableParts p;
    p.box = layout_table(t, w, ctx.metrics);
    const std::string caption = ctx.wording.table_caption(t);
    p.caption = break_lines(plain(caption, FontStyle::Bold, style::kText), w, style::kCaptionSize, ctx.metrics);
    p.continued = break_lines(plain(ctx.wording.continued(caption), FontStyle::Bold, style::kMuted), w,
                              style::kCaptionSize, ctx.metrics);
    const std::string source = ctx.wording.table_source(t);
    if (!source.empty())
        p.below.push_back(break_lines(plain(source, FontStyle::Regular, style::kMuted), w, style::kSmallSize, ctx.metrics));
    for (const std::string& n : t.notes)
        p.below.push_back(break_lines(plain(n, FontStyle::Regular, style::kMuted), w, style::kSmallSize, ctx.metrics));
    return p;
}

// The width a table `indent` in is measured at, on an upright or a landscape page.
double table_width(const BlockContext& ctx, double indent, bool landscape) {
    return ctx.width + (landscape ? style::kTurnedExtraWidth : 0) - indent;
}

const TableParts& table_parts(const model::Table& t, double indent, BlockContext& ctx, bool landscape = false) {
    const double w = table_width(ctx, indent, landscape);
    const auto [it, added] = ctx.tables.parts.try_emplace({&t, w});
    if (added) {
        const auto make = [&] { return measure_table(t, w, ctx); };
        it->second = ctx.tables.shared ? ctx.tables.shared->get(t, w, make) : std::make_shared<const TableParts>(make());
    }
    return *it->second;
}

// A chart: its caption (kept with it), the drawing, laid out once at the chart width the
// HTML's SVG has too, and its source below.
void measure_chart(const model::Chart& c, double indent, BlockContext& ctx, int parent) {
    const double w = ctx.width - indent;
    ctx.out.push_back(space(style::kTableGap));
    MeasuredBlock caption = lines_block(
        break_lines(plain(ctx.wording.figure_caption(c.number, c.title), FontStyle::Bold, style::kText), w, style::kCaptionSize, ctx.metrics),
        {ctx.left + indent, style::kCaptionSize, style::kCaptionLeading}, origin_of(Origin::Role::Paragraph, parent, ctx));
    caption.keep_together = true;
    caption.keep_with_next = true;
    ctx.out.push_back(std::move(caption));
    ctx.out.push_back(space(style::kCaptionGap));
    MeasuredBlock drawing;
    drawing.kind = MeasuredBlock::Kind::Chart;
    const render::chart::ChartWords words = render::chart::chart_words(ctx.wording);
    drawing.chart = std::make_shared<render::chart::ChartDrawing>(render::chart::lay_out_chart(c, render::chart::kChartWidth, words));
    // Drawn at its one width (the HTML's too): in a list or quote it is indented only as far
    // as it still ends at the right margin.
    drawing.x = ctx.left + std::max(0.0, std::min(indent, ctx.width - render::chart::kChartWidth));
    drawing.chart_alt =
        ctx.wording.figure_caption(c.number, c.title) + ". " + render::chart::chart_description(c, words.not_stated);
    drawing.origin = origin_of(Origin::Role::Figure, parent, ctx);
    ctx.out.push_back(std::move(drawing));
    if (!c.source.empty()) {
        ctx.out.push_back(space(style::kCaptionGap));
        ctx.out.push_back(lines_block(break_lines(plain(render::chart::source_line(c, words), FontStyle::Regular, style::kMuted), w,
                                                  style::kSmallSize, ctx.metrics),
                                      {ctx.left + indent, style::kSmallSize, style::kSmallLeading},
                                      origin_of(Origin::Role::Paragraph, parent, ctx)));
    }
    ctx.out.push_back(space(style::kTableGap));
}

// A picture with its caption below it, as one figure kept on one page: as wide as the text at
// most (never enlarged past 96 pixels to the inch, where a small picture would blur) and at
// most kMaxImageShare of the page's height, keeping its proportions. The caption is part of
// the Figure element, whose Alt says it all.
void measure_image(const Block& b, double indent, BlockContext& ctx, int parent, int item = -1, int level = 0) {
    const model::Image& im = ctx.item.images[static_cast<size_t>(b.image)];
    if (!im.bytes || im.width <= 0 || im.height <= 0) return;
    constexpr double kPointsPerPixel = 0.75;  // 96 pixels to the inch
    constexpr double kMaxImageShare = 0.6;
    const double max_w = text_width(ctx, indent);
    const double max_h = (style::kContentBottom - style::kMarginTop) * kMaxImageShare;
    double w = std::min(max_w, im.width * kPointsPerPixel);
    double h = w * im.height / im.width;
    if (h > max_h) {
        h = max_h;
        w = h * im.width / im.height;
    }
    Origin o = origin_of(Origin::Role::Figure, parent, ctx);
    o.item = item;  // in a list item: its body holds the figure
    o.level = static_cast<signed char>(level);
    auto d = std::make_shared<Drawing>();
    d->block = o.block;
    d->alt = b.figure > 0 ? ctx.wording.figure_caption(b.figure, im.description) : im.description;
    auto file = std::make_shared<ImageFile>();
    file->format = im.format == model::Image::Format::Jpeg ? ImageFile::Format::Jpeg : ImageFile::Format::Png;
    file->bytes = im.bytes;
    file->source = im.loc;
    file->name = im.file;
    d->images.push_back({0, 0, w, h, std::move(file), o});
    double y = h;
    if (b.figure > 0) {
        y += style::kCaptionGap;
        const LineStyle ls{0, style::kCaptionSize, style::kCaptionLeading};
        for (LaidLine& line : break_lines(plain(ctx.wording.figure_caption(b.figure, im.description), FontStyle::Bold, style::kText),
                                          max_w, ls.size, ctx.metrics)) {
            const double baseline = y + (ls.leading - ls.size) / 2 + ctx.metrics.ascent(FontStyle::Regular) * ls.size;
            for (Fragment& f : line.fragments) d->texts.push_back({f.x, baseline, std::move(f.text), ls.size, f.style, f.color, o});
            y += ls.leading;
        }
    }
    d->height = y;
    MeasuredBlock m;
    m.kind = MeasuredBlock::Kind::Drawing;
    m.x = ctx.left + indent;
    m.drawing = std::move(d);
    m.origin = o;
    ctx.out.push_back(space(style::kTableGap));
    ctx.out.push_back(std::move(m));
    ctx.out.push_back(space(style::kTableGap));
}

// A thin grey rule from x, `width` long: a thematic break's, or the short one above footnotes.
MeasuredBlock rule_block(double x, double width) {
    MeasuredBlock rule;
    rule.kind = MeasuredBlock::Kind::Rule;
    rule.x = x;
    rule.width = width;
    rule.amount = style::kBlockRuleThickness;
    rule.color = style::kRule;
    return rule;
}

// A task's box, the first three bytes of its first paragraph's words (the reader put it there:
// "☐ " or "☑ "), and the paragraph without it and the space after it.
bool starts_with_box(const std::vector<Block>& item) {
    if (item.empty() || item[0].kind != Block::Kind::Paragraph || item[0].inlines.empty()) return false;
    const std::string& t = item[0].inlines[0].text;
    return item[0].inlines[0].kind == model::Inline::Kind::Text &&
           (t.starts_with("\xE2\x98\x90 ") || t.starts_with("\xE2\x98\x91 "));
}

std::string task_box(const std::vector<Block>& item) {
    return starts_with_box(item) ? item[0].inlines[0].text.substr(0, 3) : "\xE2\x80\xA2";
}

[[gnu::cold]] std::optional<Block> without_task_box(const std::vector<Block>& item) {
    if (!starts_with_box(item)) return std::nullopt;
    Block words = item[0];
    words.inlines[0].text.erase(0, 4);
    return words;
}

void measure_list(const Block& b, double indent, BlockContext& ctx, int parent, int depth) {
    const bool ordered = b.kind == Block::Kind::OrderedList;
    const Origin list = origin_of(Origin::Role::ListBody, parent, ctx);
    // The marker column is as wide as the widest number, so the text lines up. A task's box is its
    // marker (the reader wrote it at the start of its words: "☐ ", "☑ ").
    const std::string widest = ordered   ? std::to_string(b.start + static_cast<int>(b.items.size()) - 1) + "."
                               : b.tasks ? "\xE2\x98\x90"
                                         : "\xE2\x80\xA2";
    const double marker_w = std::max(style::kListIndent, ctx.metrics.width(widest, FontStyle::Regular, style::kBodySize) +
                                                             style::kListMarkerGap);
    const double item_gap = b.tight ? style::kListItemGap : style::kParagraphGap;
    int number = b.start;
    for (size_t i = 0; i < b.items.size(); ++i) {
        const std::vector<Block>& blocks = b.items[i];
        if (i > 0) ctx.out.push_back(space(item_gap));
        if (b.notes && !b.text.empty()) {
            // The place a footnote's reference links to, kept with the note's first line.
            MeasuredBlock place;
            place.kind = MeasuredBlock::Kind::Anchor;
            place.anchor = model::note_anchor(b, i);
            place.keep_with_next = true;
            ctx.out.push_back(std::move(place));
        }
        const double text_indent = nested(indent, marker_w);
        const std::optional<Block> task = b.tasks ? without_task_box(blocks) : std::nullopt;
        const Marker marker{ordered ? std::to_string(number++) + "." : task ? task_box(blocks) : "\xE2\x80\xA2",
                            ctx.left + std::max(0.0, text_indent - marker_w), FontStyle::Regular, style::kText};
        Origin item = list;
        item.block = list.block;
        item.item = static_cast<int>(i);
        item.level = static_cast<signed char>(std::min(depth + 1, 127));
        // An item that does not start with a paragraph gets its marker on an empty line, kept
        // with what it starts with: alone at a page's foot, or on the upright page before a
        // table that goes on a landscape one, it would be an empty item.
        if (blocks.empty() || blocks[0].kind != Block::Kind::Paragraph) {
            MeasuredBlock label = lines_block({LaidLine{}}, body_style(ctx.left + text_indent), item);
            label.marker = marker;
            label.keep_with_next = !blocks.empty();
            ctx.out.push_back(std::move(label));
        }
        for (size_t k = 0; k < blocks.size(); ++k) {
            const Block& c = blocks[k];
            if (k == 0 && c.kind == Block::Kind::Paragraph) {
                Origin o = origin_of(Origin::Role::Paragraph, list.block, ctx);
                mark_block(c, o.block, ctx);
                o.item = item.item;
                o.level = item.level;
                MeasuredBlock first =
                    lines_block(paragraph_lines(task ? *task : c, text_indent, ctx), body_style(ctx.left + text_indent), o);
                first.marker = marker;
                ctx.out.push_back(std::move(first));
                continue;
            }
            if (k > 0) ctx.out.push_back(space(item_gap));
            if (c.kind == Block::Kind::Image && c.image >= 0 && static_cast<size_t>(c.image) < ctx.item.images.size()) {
                measure_image(c, text_indent, ctx, list.block, item.item, item.level);
                continue;
            }
            measure_blocks({c}, text_indent, ctx, list.block, depth + 1);
        }
    }
}

}  // namespace

void measure_heading(std::span<const Span> spans, double size, double gap_before, double gap_after, double indent,
                     int level, BlockContext& ctx, int parent) {
    const LineStyle ls{ctx.left + indent, size, size * style::kHeadingLeading};
    Origin o = origin_of(Origin::Role::Heading, parent, ctx);
    o.level = static_cast<signed char>(level);
    ctx.out.push_back(space(gap_before));
    MeasuredBlock h = lines_block(break_lines(spans, text_width(ctx, indent), size, ctx.metrics), ls, o);
    h.keep_together = true;
    h.keep_with_next = true;  // never alone at the foot of a page
    ctx.out.push_back(std::move(h));
    ctx.out.push_back(space(gap_after));
}

void measure_blocks(const std::vector<Block>& blocks, double indent, BlockContext& ctx, int parent, int depth) {
    for (size_t i = 0; i < blocks.size(); ++i) {
        const Block& b = blocks[i];
        if (i > 0) ctx.out.push_back(space(style::kParagraphGap));
        switch (b.kind) {
            case Block::Kind::Paragraph: {
                const Origin o = origin_of(Origin::Role::Paragraph, parent, ctx);
                mark_block(b, o.block, ctx);
                ctx.out.push_back(lines_block(paragraph_lines(b, indent, ctx), body_style(ctx.left + indent), o));
                break;
            }
            case Block::Kind::Heading:
                // h2 is the item, h3 its sections: sub-headings are as in the HTML.
                measure_heading(to_spans(b.inlines, heading_font(b.level), style::kText), heading_size(b.level),
                                i > 0 ? style::kSubheadingGapBefore : 0, style::kSubheadingGapAfter, indent,
                                std::min(b.level + 2, 6), ctx, parent);
                mark_block(b, ctx.next_block - 1, ctx);  // the heading's number
                break;
            case Block::Kind::BulletList:
            case Block::Kind::OrderedList:
                // Footnotes' notes below a short rule (one for notes that follow each other), kept
                // with the first note.
                if (b.notes && !(i > 0 && blocks[i - 1].notes)) {
                    MeasuredBlock rule = rule_block(ctx.left + indent, std::min(style::kNoteRuleWidth, ctx.width - indent));
                    rule.keep_with_next = true;
                    ctx.out.push_back(rule);
                    MeasuredBlock gap = space(style::kBlockRuleGap);
                    gap.keep_with_next = true;
                    ctx.out.push_back(gap);
                }
                measure_list(b, indent, ctx, parent, depth);
                break;
            case Block::Kind::Quote: {
                // The quote is a block of its own (its number is its children's parent).
                const Origin quote = origin_of(Origin::Role::Paragraph, parent, ctx);
                const size_t first = ctx.out.size();
                measure_blocks(b.children, nested(indent, style::kListIndent), ctx, quote.block, depth);
                // A rule in its indentation beside its lines, through the spaces between them
                // (not those before its first line or after its last).
                size_t from = first, to = ctx.out.size();
                while (from < to && ctx.out[from].kind == MeasuredBlock::Kind::Space) ++from;
                while (to > from && ctx.out[to - 1].kind == MeasuredBlock::Kind::Space) --to;
                for (size_t k = from; k < to; ++k)
                    if (ctx.out[k].kind == MeasuredBlock::Kind::Lines || ctx.out[k].kind == MeasuredBlock::Kind::Space)
                        ctx.out[k].quote_rules.push_back(ctx.left + indent + style::kQuoteRuleInset);
                break;
            }
            case Block::Kind::CodeBlock: {
                // Monospace with its spaces, so indentation and aligned columns stay as written.
                std::string text = b.text;
                if (!text.empty() && text.back() == '\n') text.pop_back();
                auto lines = break_lines(plain(code_text(text), FontStyle::Mono, style::kMuted),
                                         ctx.width - indent - style::kCodeIndent, style::kCodeSize, ctx.metrics);
                ctx.out.push_back(lines_block(std::move(lines),
                                              {ctx.left + indent + style::kCodeIndent, style::kCodeSize, style::kBodyLeading},
                                              origin_of(Origin::Role::Code, parent, ctx)));
                break;
            }
            case Block::Kind::Rule: {
                MeasuredBlock gap = space(style::kBlockRuleGap);
                gap.need = style::kBlockRuleRoom;
                ctx.out.push_back(gap);
                ctx.out.push_back(rule_block(ctx.left + indent, ctx.width - indent));
                ctx.out.push_back(space(style::kBlockRuleGap));
                break;
            }
            case Block::Kind::Chart: {
                if (b.chart < 0 || static_cast<size_t>(b.chart) >= ctx.item.charts.size()) break;
                measure_chart(ctx.item.charts[static_cast<size_t>(b.chart)], indent, ctx, parent);
                break;
            }
            case Block::Kind::Table: {
                if (b.table < 0) break;
                const model::Table& t = ctx.item.tables[static_cast<size_t>(b.table)];
                MeasuredBlock table;
                table.kind = MeasuredBlock::Kind::Table;
                table.table = &table_parts(t, indent, ctx);
                // Set small on an upright page: on a landscape one if it is set larger there. Only
                // the measure that is placed stays in the item's cache (whose tables the build
                // warns about when their numbers split).
                if (table.table->box.size < style::kTableTurnBelow - 1e-9) {
                    const TableParts& turned = table_parts(t, indent, ctx, true);
                    // Or where it splits its numbers over lines at the same size: a landscape
                    // page's width splits fewer of them, or none (a table that split them even
                    // there stayed upright, every number it could have kept whole split).
                    const bool split = table.table->box.numbers_split;
                    const bool larger = turned.box.size > table.table->box.size + 1e-9 ||
                                        (split && (!turned.box.numbers_split || turned.box.size > table.table->box.size - 1e-9));
                    ctx.tables.parts.erase({&t, table_width(ctx, indent, !larger)});
                    if (larger) {
                        table.table = &turned;
                        table.landscape = true;
                    }
                }
                table.x = ctx.left + indent;
                table.origin = origin_of(Origin::Role::TableCell, parent, ctx);
                if (ctx.marks)
                    for (size_t r = 0; r < t.rows.size(); ++r)
                        for (size_t k = 0; k < t.rows[r].cells.size(); ++k)
                            if (t.rows[r].cells[k].changed)
                                ctx.marks->cells.insert({table.origin.block, static_cast<int>(r) + 1, static_cast<int>(k)});
                ctx.out.push_back(space(style::kTableGap));
                // A table the text links to is a named place (at its caption), kept with it.
                if (!t.anchor.empty()) {
                    MeasuredBlock anchor;
                    anchor.kind = MeasuredBlock::Kind::Anchor;
                    anchor.anchor = t.anchor;
                    anchor.keep_with_next = true;
                    ctx.out.push_back(std::move(anchor));
                }
                ctx.out.push_back(std::move(table));
                ctx.out.push_back(space(style::kTableGap));
                break;
            }
            case Block::Kind::Image:
                if (b.image >= 0 && static_cast<size_t>(b.image) < ctx.item.images.size()) measure_image(b, indent, ctx, parent);
                break;
        }
    }
}

}  // namespace boardpack::render::pdf

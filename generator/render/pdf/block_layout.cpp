#include "render/pdf/block_layout.hpp"

#include "render/pdf/inline_spans.hpp"
#include "render/pdf/pdf_style.hpp"

namespace boardpack::render::pdf {

using model::Block;

namespace {

LineStyle body_style(double x) { return {x, style::kBodySize, style::kBodyLeading}; }

// Each heading level has its own look (## large bold, ### bold, #### bold italic), so the
// levels stay apart as they do in HTML.
double heading_size(int level) { return level <= 2 ? style::kSubheadingSize : style::kBodySize; }

FontStyle heading_font(int level) { return level <= 3 ? FontStyle::Bold : FontStyle::BoldItalic; }

std::vector<LaidLine> paragraph_lines(const Block& b, double indent, BlockContext& ctx) {
    return break_lines(to_spans(b.inlines, FontStyle::Regular, style::kText), ctx.width - indent, style::kBodySize,
                       ctx.metrics);
}

const TableParts& table_parts(const model::Table& t, double indent, BlockContext& ctx) {
    const double w = ctx.width - indent;
    const auto [it, added] = ctx.tables.try_emplace({&t, w});
    TableParts& p = it->second;
    if (!added) return p;
    p.box = layout_table(t, w, ctx.metrics);
    const double cap = style::kTableSize + 0.5;
    const std::string caption = ctx.wording.table_caption(t);
    p.caption = break_lines(plain(caption, FontStyle::Bold, style::kText), w, cap, ctx.metrics);
    p.continued = break_lines(plain(ctx.wording.continued(caption), FontStyle::Bold, style::kMuted), w, cap, ctx.metrics);
    const std::string source = ctx.wording.table_source(t);
    if (!source.empty()) p.below.push_back(break_lines(plain(source, FontStyle::Regular, style::kMuted), w, style::kSmallSize, ctx.metrics));
    for (const std::string& n : t.notes)
        p.below.push_back(break_lines(plain(n, FontStyle::Regular, style::kMuted), w, style::kSmallSize, ctx.metrics));
    return p;
}

void layout_list(const Block& b, double indent, BlockContext& ctx) {
    const bool ordered = b.kind == Block::Kind::OrderedList;
    // The marker column is as wide as the widest number, so the text lines up.
    const std::string widest = ordered ? std::to_string(b.start + static_cast<int>(b.items.size()) - 1) + "." : "\xE2\x80\xA2";
    const double marker_w = std::max(style::kListIndent, ctx.metrics.width(widest, FontStyle::Regular, style::kBodySize) + 6);
    int number = b.start;
    for (size_t i = 0; i < b.items.size(); ++i) {
        const std::vector<Block>& blocks = b.items[i];
        if (i > 0) ctx.flow.space(b.tight ? style::kListItemGap : style::kParagraphGap);
        const double text_indent = indent + marker_w;
        Marker marker{ordered ? std::to_string(number++) + "." : "\xE2\x80\xA2", ctx.left + indent, FontStyle::Regular,
                      style::kText};
        if (blocks.empty()) {
            ctx.flow.lines({LaidLine{}}, body_style(ctx.left + text_indent), false, marker);
            continue;
        }
        for (size_t k = 0; k < blocks.size(); ++k) {
            const Block& c = blocks[k];
            if (k == 0 && c.kind == Block::Kind::Paragraph) {
                ctx.flow.lines(paragraph_lines(c, text_indent, ctx), body_style(ctx.left + text_indent), false, marker);
                continue;
            }
            if (k == 0) ctx.flow.lines({LaidLine{}}, body_style(ctx.left + text_indent), false, marker);
            if (k > 0) ctx.flow.space(b.tight ? style::kListItemGap : style::kParagraphGap);
            layout_blocks({c}, text_indent, ctx);
        }
    }
}

}  // namespace

void layout_heading(const std::vector<Span>& spans, double size, double gap_before, double gap_after,
                    double following, double indent, BlockContext& ctx) {
    const LineStyle ls{ctx.left + indent, size, size * 1.3};
    const std::vector<LaidLine> lines = break_lines(spans, ctx.width - indent, size, ctx.metrics);
    ctx.flow.space(gap_before);
    // Never leave a heading alone at the foot of a page.
    ctx.flow.ensure(static_cast<double>(lines.size()) * ls.leading + gap_after + following);
    ctx.flow.lines(lines, ls, true);
    ctx.flow.space(gap_after);
}

double start_height(const Block& b, double indent, BlockContext& ctx) {
    switch (b.kind) {
        case Block::Kind::Paragraph: {
            const size_t n = paragraph_lines(b, indent, ctx).size();
            return static_cast<double>(std::min<size_t>(n, n >= 4 ? 2 : n)) * style::kBodyLeading;
        }
        case Block::Kind::Table: {
            if (b.table < 0) return 0;
            const TableParts& p = table_parts(ctx.item.tables[static_cast<size_t>(b.table)], indent, ctx);
            double h = static_cast<double>(p.caption.size()) * (style::kTableSize + 0.5) * 1.3 + 3 + p.box.header.height;
            for (size_t r = 0; r < p.box.rows.size() && r < 3; ++r) h += p.box.rows[r].height;
            return h;
        }
        case Block::Kind::BulletList:
        case Block::Kind::OrderedList: return 2 * style::kBodyLeading;
        case Block::Kind::Heading: return heading_size(b.level) * 1.3 + 2 * style::kBodyLeading;
        default: return style::kBodyLeading;
    }
}

void layout_blocks(const std::vector<Block>& blocks, double indent, BlockContext& ctx) {
    for (size_t i = 0; i < blocks.size(); ++i) {
        const Block& b = blocks[i];
        if (i > 0) ctx.flow.space(style::kParagraphGap);
        switch (b.kind) {
            case Block::Kind::Paragraph:
                ctx.flow.lines(paragraph_lines(b, indent, ctx), body_style(ctx.left + indent));
                break;
            case Block::Kind::Heading: {
                const double following = i + 1 < blocks.size() ? start_height(blocks[i + 1], indent, ctx) : 0;
                layout_heading(to_spans(b.inlines, heading_font(b.level), style::kText), heading_size(b.level),
                               i > 0 ? 6 : 0, 2, following, indent, ctx);
                break;
            }
            case Block::Kind::BulletList:
            case Block::Kind::OrderedList: layout_list(b, indent, ctx); break;
            case Block::Kind::Quote: {
                layout_blocks(b.children, indent + style::kListIndent, ctx);
                break;
            }
            case Block::Kind::CodeBlock: {
                // Monospace with its spaces, so indentation and aligned columns stay as written.
                std::string text = b.text;
                if (!text.empty() && text.back() == '\n') text.pop_back();
                const auto lines = break_lines(plain(code_text(text), FontStyle::Mono, style::kMuted),
                                               ctx.width - indent - 8, style::kCodeSize, ctx.metrics);
                ctx.flow.lines(lines, {ctx.left + indent + 8, style::kCodeSize, style::kBodyLeading});
                break;
            }
            case Block::Kind::Rule:
                ctx.flow.ensure(8);
                ctx.flow.space(4);
                ctx.flow.rule(ctx.left + indent, ctx.width - indent, 0.5, style::kRule);
                ctx.flow.space(4);
                break;
            case Block::Kind::Table: {
                if (b.table < 0) break;
                const model::Table& t = ctx.item.tables[static_cast<size_t>(b.table)];
                const TableParts& p = table_parts(t, indent, ctx);
                ctx.flow.space(4);
                // A table the text links to is a named place (at its caption).
                if (!t.anchor.empty()) {
                    ctx.flow.ensure(start_height(b, indent, ctx));
                    ctx.flow.anchor(t.anchor);
                }
                ctx.flow.table(p.box, p.caption, p.continued, p.below, ctx.left + indent);
                ctx.flow.space(4);
                break;
            }
        }
    }
}

}  // namespace boardpack::render::pdf

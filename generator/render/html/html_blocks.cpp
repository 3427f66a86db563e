#include "render/html/html_blocks.hpp"

namespace boardpack::render::html {

using model::Block;
using model::Inline;

std::string escape(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string render_inlines(const std::vector<Inline>& inlines) {
    std::string out;
    for (const Inline& in : inlines) {
        switch (in.kind) {
            case Inline::Kind::Text: out += escape(in.text); break;
            case Inline::Kind::Code: out += "<code>" + escape(in.text) + "</code>"; break;
            case Inline::Kind::Figure: out += "<span class=\"tal\">" + escape(in.text) + "</span>"; break;
            case Inline::Kind::SoftBreak: out += "\n"; break;
            case Inline::Kind::LineBreak: out += "<br>\n"; break;
            case Inline::Kind::Emph: out += "<em>" + render_inlines(in.children) + "</em>"; break;
            case Inline::Kind::Strong: out += "<strong>" + render_inlines(in.children) + "</strong>"; break;
            case Inline::Kind::Strike: out += "<del>" + render_inlines(in.children) + "</del>"; break;
            case Inline::Kind::Link:
                out += "<a href=\"" + escape(in.url) + "\"" +
                       (in.title.empty() ? "" : " title=\"" + escape(in.title) + "\"") + ">" +
                       render_inlines(in.children) + "</a>";
                break;
        }
    }
    return out;
}

namespace {

void render_block(const Block& b, bool tight, const model::AgendaItem& item, const TableRenderer& table,
                  std::string& out);

void render_list_item(const std::vector<Block>& blocks, bool tight, const model::AgendaItem& item,
                      const TableRenderer& table, std::string& out) {
    out += "<li>";
    for (size_t i = 0; i < blocks.size(); ++i) {
        if (i > 0 && tight) out += "\n";
        render_block(blocks[i], tight, item, table, out);
    }
    out += "</li>\n";
}

void render_block(const Block& b, bool tight, const model::AgendaItem& item, const TableRenderer& table,
                  std::string& out) {
    switch (b.kind) {
        case Block::Kind::Paragraph:
            // In a tight list a paragraph is just its text, as in CommonMark's own HTML.
            if (tight) out += render_inlines(b.inlines);
            else out += "<p>" + render_inlines(b.inlines) + "</p>\n";
            break;
        case Block::Kind::Heading: {
            // h2 is the item, h3 its sections; sub-headings follow below them. The reader refuses
            // levels that would go past h6, so each level keeps its own tag.
            const int h = b.level + 2;
            const std::string tag = "h" + std::to_string(h);
            out += "<" + tag + ">" + render_inlines(b.inlines) + "</" + tag + ">\n";
            break;
        }
        case Block::Kind::BulletList:
        case Block::Kind::OrderedList: {
            const bool ordered = b.kind == Block::Kind::OrderedList;
            if (ordered) out += b.start == 1 ? "<ol>\n" : "<ol start=\"" + std::to_string(b.start) + "\">\n";
            else out += "<ul>\n";
            for (const auto& it : b.items) render_list_item(it, b.tight, item, table, out);
            out += ordered ? "</ol>\n" : "</ul>\n";
            break;
        }
        case Block::Kind::Quote:
            out += "<blockquote>\n";
            for (const Block& c : b.children) render_block(c, false, item, table, out);
            out += "</blockquote>\n";
            break;
        case Block::Kind::CodeBlock: out += "<pre><code>" + escape(b.text) + "</code></pre>\n"; break;
        case Block::Kind::Rule: out += "<hr>\n"; break;
        case Block::Kind::Table:
            if (b.table >= 0 && static_cast<size_t>(b.table) < item.tables.size())
                out += table(item.tables[static_cast<size_t>(b.table)]);
            break;
    }
}

}  // namespace

std::string render_blocks(const std::vector<Block>& blocks, const model::AgendaItem& item, const TableRenderer& table) {
    std::string out;
    for (const Block& b : blocks) render_block(b, false, item, table, out);
    return out;
}

}  // namespace boardpack::render::html

#include "render/pdf/correction_layout.hpp"

#include <cmath>
#include <set>
#include <utility>

#include "render/pdf/inline_spans.hpp"
#include "render/pdf/pdf_style.hpp"

namespace boardpack::render::pdf {

namespace {

using model::Block;
using model::Inline;

Inline text(std::string s) {
    Inline in;
    in.text = std::move(s);
    return in;
}

Inline wrapped(Inline::Kind kind, std::string s) {
    Inline in;
    in.kind = kind;
    in.children.push_back(text(std::move(s)));
    return in;
}

Block paragraph(std::vector<Inline> inlines) {
    Block b;
    b.inlines = std::move(inlines);
    return b;
}

Block bullets(std::vector<std::vector<Block>> items) {
    Block b;
    b.kind = Block::Kind::BulletList;
    b.items = std::move(items);
    return b;
}

Block figure_list(const std::vector<SheetFigure>& figures, const Wording& w) {
    std::vector<std::vector<Block>> items;
    for (const SheetFigure& f : figures) {
        std::vector<Block> item{paragraph({text(f.line)})};
        if (!f.derived.empty()) {
            item.push_back(paragraph({wrapped(Inline::Kind::Emph, w.get("afledte-tal"))}));
            item.push_back(figure_list(f.derived, w));
        }
        items.push_back(std::move(item));
    }
    Block list = bullets(std::move(items));
    list.tight = true;
    return list;
}

// Removed words struck through, added ones bold (the sheet's legend says so): not by colour alone.
Block difference(const SheetText& t) {
    std::vector<Inline> inlines{wrapped(Inline::Kind::Strong, t.where), text(" ")};
    for (const model::DiffWord& word : t.words) {
        switch (word.kind) {
            case model::DiffWord::Kind::Same: inlines.push_back(text(word.text)); break;
            case model::DiffWord::Kind::Removed: {
                std::string s = word.text;
                const bool space = !s.empty() && s.back() == ' ';
                if (space) s.pop_back();
                inlines.push_back(wrapped(Inline::Kind::Strike, s));
                if (space) inlines.push_back(text(" "));
                break;
            }
            case model::DiffWord::Kind::Added: inlines.push_back(wrapped(Inline::Kind::Strong, word.text)); break;
        }
    }
    return paragraph(std::move(inlines));
}

void heading(const std::string& s, double size, int level, double gap_before, BlockContext& ctx) {
    measure_heading(plain(s, FontStyle::Bold, style::kAccent), size, gap_before, style::kSectionGapAfter, 0, level, ctx);
}

}  // namespace

void measure_correction_sheet(const CorrectionSheet& sheet, const Wording& w, BlockContext& ctx) {
    if (sheet.title.empty()) return;
    heading(sheet.title, style::kAttachmentTitleSize, 1, 0, ctx);
    std::vector<Block> intro{paragraph({text(sheet.about)}), paragraph({wrapped(Inline::Kind::Strong, sheet.version_line)}), paragraph({text(sheet.introduction)}),
                             paragraph({text(w.get("forklaring-tekst-pdf"))})};
    if (sheet.items.empty()) intro.push_back(paragraph({text(sheet.none)}));
    measure_blocks(intro, 0, ctx);
    for (const SheetItem& item : sheet.items) {
        if (!item.heading.empty()) heading(item.heading, style::kSectionSize, 2, style::kSectionGapBefore, ctx);
        const auto subheading = [&](const std::string& key) {
            heading(w.get(key), style::kBodySize, 3, style::kParagraphGap, ctx);
        };
        if (!item.parts.empty()) {
            if (!item.heading.empty()) subheading("rettede-dele");
            std::vector<std::vector<Block>> parts;
            for (const std::string& p : item.parts) parts.push_back({paragraph({text(p)})});
            measure_blocks({bullets(std::move(parts))}, 0, ctx);
        }
        if (!item.figures.empty()) {
            subheading("rettede-tal");
            measure_blocks({figure_list(item.figures, w)}, 0, ctx);
        }
        if (!item.texts.empty()) {
            subheading("rettet-tekst");
            std::vector<Block> texts;
            for (const SheetText& t : item.texts) texts.push_back(difference(t));
            measure_blocks(texts, 0, ctx);
        }
    }
}

void draw_change_bars(LaidOutDocument& doc, const ChangeMarks& marks, double margin_left) {
    if (marks.blocks.empty() && marks.cells.empty()) return;
    for (Page& page : doc.pages) {
        std::set<long> lines;  // one bar per line: a table row's cells share their baseline
        std::vector<BoxItem> bars;
        for (const TextItem& t : page.texts) {
            if (!marks.marks(t.origin)) continue;
            if (!lines.insert(std::lround(t.baseline * 10)).second) continue;
            // An artifact: the change is named in words on the rettelsesblad and at the item.
            bars.push_back({margin_left - kChangeBarGap - kChangeBarWidth, t.baseline - t.size * 0.95, kChangeBarWidth,
                            t.size * 1.3, kChangedColor, {}});
        }
        for (BoxItem& b : bars) page.boxes.push_back(std::move(b));
    }
}

}  // namespace boardpack::render::pdf

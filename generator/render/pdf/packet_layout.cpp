#include "render/pdf/packet_layout.hpp"

#include <map>

#include "core/text.hpp"
#include "model/anchors.hpp"
#include "render/pdf/block_layout.hpp"
#include "render/pdf/flow.hpp"
#include "render/pdf/inline_spans.hpp"
#include "render/pdf/pdf_style.hpp"

namespace boardpack::render::pdf {

namespace {

using PageNumbers = std::map<std::string, int>;
using model::attachment_anchor;
using model::item_anchor;

constexpr double kAgendaNumberColumn = 78;  // "18 (Offentlig)"
constexpr double kAgendaPageColumn = 34;    // right-aligned page number

// Bookmarks and the document information are for finding one's way, and libharu refuses a
// text over 65535 bytes there (a 65.500-character title failed with "libharu error 0x105B"):
// longer ones are shortened, with an ellipsis. The pages print the whole text.
constexpr size_t kMaxLabelChars = 300;

std::string shortened(const std::string& s) {
    if (s.size() <= kMaxLabelChars) return s;  // bytes >= characters
    const std::u32string chars = decode_utf8(s);
    if (chars.size() <= kMaxLabelChars) return s;
    std::string out;
    for (size_t i = 0; i + 1 < kMaxLabelChars; ++i) append_utf8(out, chars[i]);
    return out + "\xE2\x80\xA6";
}

struct Packet {
    const model::EditionView& view;
    model::Edition edition;
    const Wording& wording;
    const FontMetrics& m;
    TableCache& tables;
    LaidOutDocument doc;
    Flow flow;

    Packet(const model::EditionView& v, model::Edition e, const Wording& w, const FontMetrics& metrics, TableCache& t)
        : view(v), edition(e), wording(w), m(metrics), tables(t), flow(doc, metrics, style::kMarginTop, style::kContentBottom) {
        doc.page_width = style::kPageWidth;
        doc.page_height = style::kPageHeight;
    }

    std::vector<LaidLine> text(const std::string& s, FontStyle st, double size, Color c, double width) const {
        return break_lines(plain(s, st, c), width, size, m);
    }

    void line(const std::string& s, FontStyle st, double size, double leading, Color c) {
        flow.lines(text(s, st, size, c, style::kContentWidth), {style::kMarginLeft, size, leading}, true);
    }

    void front_page(const PageNumbers& pages) {
        flow.new_page();
        flow.anchor("forside");
        line(view.organisation, FontStyle::Bold, 13, 17, style::kAccent);
        flow.space(10);
        line(view.title, FontStyle::Bold, 30, 36, style::kAccent);
        flow.space(4);
        line(wording.meeting_line(view), FontStyle::Regular, 14, 19, style::kText);
        flow.space(8);
        line(wording.get("tidspunkt") + ": " + view.time, FontStyle::Regular, 11, 15, style::kText);
        line(wording.get("sted") + ": " + view.place, FontStyle::Regular, 11, 15, style::kText);
        flow.space(6);
        const bool closed = edition == model::Edition::Lukket;
        line(wording.edition(edition), FontStyle::Bold, 10.5, 14, closed ? style::kBad : style::kAccent);
        flow.space(8);
        flow.rule(style::kMarginLeft, style::kContentWidth, 1.2, style::kAccent);
        flow.space(12);
        line(wording.get("dagsorden"), FontStyle::Bold, 14, 19, style::kAccent);
        flow.space(4);
        agenda(pages);
    }

    void agenda(const PageNumbers& pages) {
        const double title_x = style::kMarginLeft + kAgendaNumberColumn;
        const double title_w = style::kContentWidth - kAgendaNumberColumn - kAgendaPageColumn;
        const LineStyle ls{title_x, 10.5, 13.5};
        for (const model::AgendaItem& item : view.items) {
            const std::string anchor = item_anchor(item);
            const auto it = pages.find(anchor);
            const std::string page = it == pages.end() ? "0" : std::to_string(it->second);
            std::vector<LaidLine> lines = item.redacted ? std::vector<LaidLine>{LaidLine{}}
                                                        : text(item.title, FontStyle::Regular, ls.size, style::kText, title_w);
            const Color number_color = model::is_confidential(item.status) ? style::kBad : style::kAccent;
            const int page_before = flow.page_number();
            flow.ensure(static_cast<double>(lines.size()) * ls.leading + 5);
            if (flow.page_number() != page_before) {
                line(wording.continued(wording.get("dagsorden")), FontStyle::Bold, 14, 19, style::kAccent);
                flow.space(4);
            }
            const double top = flow.y();
            const double baseline = flow.baseline_in(top, ls);
            flow.lines(lines, ls, true, Marker{wording.item_heading(item), style::kMarginLeft, FontStyle::Bold, number_color});
            // The page number on the first line, right-aligned; the whole entry is a link.
            const LaidLine number = text(page, FontStyle::Regular, ls.size, style::kText, kAgendaPageColumn)[0];
            flow.place_line(number, style::kPageWidth - style::kMarginRight - number.width, baseline, ls.size);
            flow.page().links.push_back({style::kMarginLeft, top, style::kContentWidth, flow.y() - top, "", anchor, ""});
            flow.space(3.5);
        }
    }

    // A label and its value in two columns, as the HTML's definition list shows them.
    void meta(const std::string& label, const std::string& value) {
        constexpr double kLabelColumn = 78;
        const LineStyle ls{style::kMarginLeft + kLabelColumn, style::kMetaSize, 13};
        flow.lines(text(value, FontStyle::Regular, ls.size, style::kText, style::kContentWidth - kLabelColumn), ls, true,
                   Marker{label, style::kMarginLeft, FontStyle::Regular, style::kMuted});
    }

    void item_heading(const model::AgendaItem& item) {
        const Color number_color = model::is_confidential(item.status) ? style::kBad : style::kAccent;
        line(wording.item_heading(item), FontStyle::Bold, style::kItemNumberSize, 15, number_color);
        flow.space(2);
        line(item.title, FontStyle::Bold, style::kItemTitleSize, style::kItemTitleLeading, style::kText);
        flow.space(6);
        meta(wording.get("sagsbehandler"), item.case_officer);
        meta(wording.get("sagsnummer"), item.case_number);
        flow.space(6);
        flow.rule(style::kMarginLeft, style::kContentWidth, 0.6, style::kRule);
        flow.space(4);
    }

    void item(const model::AgendaItem& item) {
        BlockContext ctx{flow, m, wording, item, tables, style::kMarginLeft, style::kContentWidth};
        if (item.redacted) {
            // As in the published agenda: a line where the item would be, no page of its own.
            if (flow.page_number() <= agenda_pages) flow.new_page();
            flow.space(18);
            flow.ensure(20);
            flow.anchor(item_anchor(item));
            line(wording.item_heading(item), FontStyle::Bold, style::kItemNumberSize, 15, style::kBad);
            return;
        }
        flow.new_page();
        flow.anchor(item_anchor(item));
        item_heading(item);
        for (const model::Section& s : item.sections) {
            const double following = s.blocks.empty() ? 0 : start_height(s.blocks[0], 0, ctx);
            layout_heading(plain(wording.section_title(s.kind), FontStyle::Bold, style::kAccent), style::kSectionSize,
                           style::kSectionGapBefore, style::kSectionGapAfter, following, 0, ctx);
            layout_blocks(s.blocks, 0, ctx);
        }
        // The attachment list, as the source prints it under "Bilag".
        layout_heading(plain(wording.get("bilag"), FontStyle::Bold, style::kAccent), style::kSectionSize,
                       style::kSectionGapBefore, style::kSectionGapAfter, style::kBodyLeading, 0, ctx);
        flow.anchor(item_anchor(item) + "-bilagsliste");
        if (item.attachments.empty()) {
            flow.lines(text(wording.get("ingen-bilag"), FontStyle::Regular, style::kBodySize, style::kText,
                            style::kContentWidth),
                       {style::kMarginLeft, style::kBodySize, style::kBodyLeading});
        }
        for (const model::Attachment& a : item.attachments) {
            const double indent = 18;
            std::vector<Span> spans = plain(wording.attachment_line(a), FontStyle::Regular, style::kText);
            if (!a.content.empty()) spans[0].color = style::kAccent;
            const auto lines = break_lines(spans, style::kContentWidth - indent, style::kBodySize, m);
            const double top = flow.y();
            flow.lines(lines, {style::kMarginLeft + indent, style::kBodySize, style::kBodyLeading}, true,
                       Marker{std::to_string(a.number) + ".", style::kMarginLeft, FontStyle::Regular, style::kText});
            if (!a.content.empty() && flow.y() > top)
                flow.page().links.push_back({style::kMarginLeft, top, style::kContentWidth, flow.y() - top, "",
                                             attachment_anchor(item, a), ""});
            flow.space(style::kListItemGap);
        }
        for (const model::Attachment& a : item.attachments) {
            if (a.content.empty()) continue;
            flow.new_page();
            flow.anchor(attachment_anchor(item, a));
            line(wording.attachment_heading(item, a), FontStyle::Bold, 14, 18, style::kAccent);
            flow.space(4);
            line(wording.attachment_line(a), FontStyle::Regular, style::kMetaSize, 13, style::kMuted);  // as in the HTML
            flow.space(6);
            flow.rule(style::kMarginLeft, style::kContentWidth, 0.6, style::kRule);
            flow.space(6);
            layout_blocks(a.content, 0, ctx);
        }
    }

    void footers() {
        const int total = static_cast<int>(doc.pages.size());
        const std::string left = view.organisation + " \xE2\x80\x93 " + wording.meeting_line(view) + " \xE2\x80\x93 " +
                                 wording.edition(edition);
        // The footer stays on one line beside the widest "Side N af M": a long one is set
        // smaller, never cut.
        const double room = style::kContentWidth - m.width(wording.page_of(total, total), FontStyle::Regular,
                                                           style::kFooterSize) - 12;
        const double natural = m.width(left, FontStyle::Regular, style::kFooterSize);
        const double left_size = natural > room ? style::kFooterSize * room / natural : style::kFooterSize;
        for (int p = 0; p < total; ++p) {
            Page& page = doc.pages[static_cast<size_t>(p)];
            page.boxes.push_back({style::kMarginLeft, style::kFooterBaseline - 12, style::kContentWidth, 0.4, style::kRule});
            const std::string right = wording.page_of(p + 1, total);
            const double rw = m.width(right, FontStyle::Regular, style::kFooterSize);
            page.texts.push_back({style::kMarginLeft, style::kFooterBaseline, left, FontStyle::Regular, left_size, style::kMuted});
            page.texts.push_back({style::kPageWidth - style::kMarginRight - rw, style::kFooterBaseline, right,
                                  FontStyle::Regular, style::kFooterSize, style::kMuted});
        }
    }

    void outline() {
        doc.outline.push_back({shortened(wording.get("dagsorden")), "forside", 0, {}});
        for (const model::AgendaItem& item : view.items) {
            const std::string heading = wording.item_heading(item);
            doc.outline.push_back(
                {shortened(item.redacted ? heading : heading + " " + item.title), item_anchor(item), 0, item.loc});
            for (const model::Attachment& a : item.attachments) {
                const std::string target = a.content.empty() ? item_anchor(item) + "-bilagsliste" : attachment_anchor(item, a);
                doc.outline.push_back(
                    {shortened(wording.get("bilag") + " " + std::to_string(a.number) + ": " + a.title), target, 1, a.loc});
            }
        }
    }

    void info() {
        doc.info.title = shortened(view.title + ": " + wording.meeting_line(view));
        doc.info.author = shortened(view.organisation);
        doc.info.subject = shortened(wording.edition(edition));
        doc.info.creator = "boardpack";
        doc.info.year = view.date.year;
        doc.info.month = view.date.month;
        doc.info.day = view.date.day;
    }

    int agenda_pages = 0;

    void run(const PageNumbers& pages) {
        front_page(pages);
        agenda_pages = flow.page_number();
        for (const model::AgendaItem& it : view.items) item(it);
        footers();
        outline();
        info();
    }
};

PageNumbers anchor_pages(const LaidOutDocument& doc) {
    PageNumbers out;
    for (size_t p = 0; p < doc.pages.size(); ++p)
        for (const AnchorItem& a : doc.pages[p].anchors) out.emplace(a.name, static_cast<int>(p) + 1);
    return out;
}

}  // namespace

LaidOutDocument layout_packet(const model::EditionView& view, model::Edition edition, const Wording& wording,
                              const FontMetrics& metrics) {
    PageNumbers pages;
    TableCache tables;
    for (int pass = 0; pass < 4; ++pass) {
        Packet packet(view, edition, wording, metrics, tables);
        packet.run(pages);
        PageNumbers found = anchor_pages(packet.doc);
        if (found == pages || pass == 3) return std::move(packet.doc);
        pages = std::move(found);
    }
    return {};
}

}  // namespace boardpack::render::pdf

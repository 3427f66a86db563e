#include "render/pdf/packet_layout.hpp"

#include <algorithm>
#include <map>

#include "core/text.hpp"
#include "model/anchors.hpp"
#include "model/attachment_file.hpp"
#include "render/pdf/attachments_layout.hpp"
#include "render/pdf/block_layout.hpp"
#include "render/pdf/correction_layout.hpp"
#include "render/pdf/flow.hpp"
#include "render/pdf/inline_spans.hpp"
#include "render/pdf/pdf_style.hpp"

namespace boardpack::render::pdf {

namespace {

using PageNumbers = std::map<std::string, int>;
using model::attachment_anchor;
using model::item_anchor;

std::string shortened(const std::string& s) { return boardpack::shortened(s, kMaxLabelChars); }

struct Packet {
    const model::EditionView& view;
    model::Edition edition;
    const Wording& wording;
    const FontMetrics& m;
    TableCache& tables;
    LaidOutDocument doc;
    Flow flow;
    std::vector<MeasuredBlock> blocks;  // the item being laid out, measured
    int next_block = 0;
    // A corrected edition (issue 13): its version line and mark, and where changes stand.
    const std::string version_line;
    const std::string changed_mark;
    ChangeMarks marks;
    bool sheet_only = false;  // the rettelsesblad's own PDF
    // A PDF attachment's pages are merged in after the items (its agenda-only PDF links its
    // own file in bilag/ instead).
    static bool merged(const model::Attachment& a) { return static_cast<bool>(a.pdf); }

    Packet(const model::EditionView& v, model::Edition e, const Wording& w, const FontMetrics& metrics, TableCache& t)
        : view(v), edition(e), wording(w), m(metrics), tables(t), flow(doc, metrics, style::kMarginTop, style::kContentBottom),
          version_line(w.version_line(v)), changed_mark(w.changed_mark(v)) {
        doc.page_width = style::kPageWidth;
        doc.page_height = style::kPageHeight;
    }

    std::vector<LaidLine> text(const std::string& s, FontStyle st, double size, Color c, double width) const {
        return break_lines(plain(s, st, c), width, size, m);
    }

    Origin origin(Origin::Role role, int level = 0) {
        Origin o;
        o.role = role;
        o.block = next_block++;
        o.level = static_cast<signed char>(level);
        return o;
    }

    // A line (or a few) kept together, at the left margin, measured into `blocks`.
    MeasuredBlock& line(const std::string& s, FontStyle st, double size, double leading, Color c, const Origin& o) {
        MeasuredBlock b;
        b.lines = text(s, st, size, c, style::kContentWidth);
        b.style = {style::kMarginLeft, size, leading};
        b.keep_together = true;
        b.origin = o;
        blocks.push_back(std::move(b));
        return blocks.back();
    }

    void space(double gap) {
        MeasuredBlock b;
        b.kind = MeasuredBlock::Kind::Space;
        b.amount = gap;
        blocks.push_back(std::move(b));
    }

    void rule(double thickness, Color color) {
        MeasuredBlock b;
        b.kind = MeasuredBlock::Kind::Rule;
        b.x = style::kMarginLeft;
        b.width = style::kContentWidth;
        b.amount = thickness;
        b.color = color;
        blocks.push_back(std::move(b));
    }

    void anchor(const std::string& name) {
        MeasuredBlock b;
        b.kind = MeasuredBlock::Kind::Anchor;
        b.anchor = name;
        blocks.push_back(std::move(b));
    }

    // Places what was measured and starts the next batch.
    void place() {
        flow.place(blocks);
        blocks.clear();
    }

    // An agenda entry's page number, waiting for the page its item lands on.
    struct PendingNumber {
        size_t page = 0, text = 0;
        std::string anchor;
        bool packet_only = false;  // a merged PDF attachment's: not in the agenda-only PDF
    };
    std::vector<PendingNumber> page_numbers;

    void fill_page_numbers() {
        PageNumbers pages;
        for (size_t p = 0; p < doc.pages.size(); ++p)
            for (const AnchorItem& a : doc.pages[p].anchors) pages.emplace(a.name, static_cast<int>(p) + 1);
        for (const PendingNumber& n : page_numbers) {
            const auto it = pages.find(n.anchor);
            TextItem& t = doc.pages[n.page].texts[n.text];
            t.text = it == pages.end() ? "0" : std::to_string(it->second);
            t.x = style::kPageWidth - style::kMarginRight - m.width(t.text, t.style, t.size);
        }
    }

    void front_page() {
        flow.new_page();
        flow.anchor("forside");
        const Origin title = origin(Origin::Role::Title);
        line(view.organisation, FontStyle::Bold, style::kOrganisationSize, style::kOrganisationLeading, style::kAccent, title);
        space(style::kAfterOrganisation);
        line(view.title, FontStyle::Bold, style::kTitleSize, style::kTitleLeading, style::kAccent, origin(Origin::Role::Heading, 1));
        space(style::kAfterTitle);
        line(wording.meeting_line(view), FontStyle::Regular, style::kMeetingLineSize, style::kMeetingLineLeading, style::kText,
             title);
        space(style::kAfterMeetingLine);
        line(wording.get("tidspunkt") + ": " + view.time, FontStyle::Regular, style::kWhenWhereSize,
             style::kWhenWhereLeading, style::kText, title);
        line(wording.get("sted") + ": " + view.place, FontStyle::Regular, style::kWhenWhereSize, style::kWhenWhereLeading,
             style::kText, title);
        space(style::kAfterWhenWhere);
        const bool closed = edition == model::Edition::Lukket;
        line(wording.edition(edition), FontStyle::Bold, style::kBodySize, style::kEditionLeading,
             closed ? style::kBad : style::kAccent, title);
        if (!version_line.empty()) {
            line(version_line, FontStyle::Bold, style::kBodySize, style::kEditionLeading, style::kText, title);
            // The legend stands beside a bar like the ones it explains.
            if (has_marks(view)) {
                const Origin legend = origin(Origin::Role::Paragraph);
                marks.blocks.insert(legend.block);
                line(wording.get("forklaring-maerker-pdf", {{"version", std::to_string(view.changes->version.number)}}),
                     FontStyle::Regular, style::kMetaSize, style::kMetaLeading, style::kText, legend);
            }
        }
        space(style::kAfterEdition);
        rule(style::kFrontRule, style::kAccent);
        space(style::kAfterFrontRule);
        line(wording.get("dagsorden"), FontStyle::Bold, style::kAgendaHeadingSize, style::kAgendaHeadingLeading,
             style::kAccent, origin(Origin::Role::Heading, 2));
        space(style::kAfterAgendaHeading);
        place();
        agenda();
    }

    // An agenda entry measured: its title's lines and its attachments' (each with the anchor
    // its page number and link lead to).
    struct AgendaAttachment {
        std::vector<LaidLine> lines;
        std::string target;
        bool packet_only = false;  // a merged PDF attachment's: not in the agenda-only PDF
    };
    struct AgendaEntry {
        std::vector<LaidLine> lines;
        std::vector<AgendaAttachment> attachments;
    };

    // An attachment as the agenda and the bookmarks name it: "Bilag 1: title".
    std::string attachment_entry(const model::Attachment& a) const {
        return wording.get("bilag") + " " + std::to_string(a.number) + ": " + a.title;
    }

    std::vector<AgendaEntry> measure_agenda(double title_w, double size) const {
        const double attachment_w = style::kContentWidth - style::kAgendaNumberColumn - style::kAttachmentIndent -
                                    style::kAgendaPageColumn;
        std::vector<AgendaEntry> entries;
        entries.reserve(view.items.size());
        for (size_t i = 0; i < view.items.size(); ++i) {
            const model::AgendaItem& item = view.items[i];
            AgendaEntry& e = entries.emplace_back();
            if (item.redacted) {
                e.lines.emplace_back();
                continue;
            }
            if (item.changed && !changed_mark.empty()) {
                // "Rettet i version N" after the title, in words (bold), as in the HTML.
                const Span spans[] = {plain(item.title, FontStyle::Regular, style::kText),
                                      Span{" \xE2\x80\x93 " + changed_mark, FontStyle::Bold, kChangedColor, "", false, ""}};
                e.lines = break_lines(spans, title_w, size, m);
            } else {
                e.lines = text(item.title, FontStyle::Regular, size, style::kText, title_w);
            }
            // Under the entry, each of its attachments that has pages in the packet, with the page
            // it starts on, linked to it, as the original packet's agenda lists them: a PDF
            // attachment's pages follow the last item, a Markdown attachment's its own item (a
            // reader looking for item 18's "Bilag 1" in the agenda found only the PDF
            // attachments' lines). A Markdown attachment's pages are in the agenda-only PDF too.
            for (const model::Attachment& a : item.attachments) {
                if (!merged(a) && a.content.empty()) continue;
                e.attachments.push_back({text(attachment_entry(a), FontStyle::Regular, style::kMetaSize, style::kAccent, attachment_w),
                                         attachment_anchor(item, a), merged(a)});
            }
        }
        return entries;
    }

    // How many pages the agenda takes from here with `gap` between its entries, and how many
    // entries its last page holds: Flow's rules for what place() does below, without placing.
    std::pair<int, size_t> agenda_pages_with(const std::vector<AgendaEntry>& entries, double gap) const {
        const double top = style::kMarginTop, bottom = style::kContentBottom, eps = 1e-6;
        const double continued = style::kAgendaHeadingLeading + style::kAfterAgendaHeading;
        double y = flow.y();
        int pages = 1;
        size_t last = 0;
        const auto fits = [&](double height) { return y + height <= bottom + eps || y <= top + eps; };
        for (const AgendaEntry& e : entries) {
            const double height = static_cast<double>(e.lines.size()) * style::kAgendaLeading;
            if (!fits(height + style::kAgendaEntryRoom)) {
                ++pages;
                y = top + continued;
                last = 0;
            }
            y += height;
            for (const AgendaAttachment& a : e.attachments) {
                const double h = static_cast<double>(a.lines.size()) * style::kMetaLeading;
                if (!fits(h)) {
                    ++pages;
                    y = top;
                    last = 0;
                }
                y += h;
            }
            ++last;
            if (y > top + eps) y += gap;
        }
        return {pages, last};
    }

    void agenda() {
        const double title_x = style::kMarginLeft + style::kAgendaNumberColumn;
        const double title_w = style::kContentWidth - style::kAgendaNumberColumn - style::kAgendaPageColumn;
        const LineStyle ls{title_x, style::kBodySize, style::kAgendaLeading};
        std::vector<AgendaEntry> entries = measure_agenda(title_w, ls.size);
        // An agenda that would end with a page of one or two entries under "Dagsorden
        // (fortsat)" (the public example's, once its Markdown attachments were listed: "28
        // (Fortrolig)" alone) is set with less space between its entries when that ends it a
        // page sooner.
        double gap = style::kAgendaEntryGap;
        if (const auto [pages, last] = agenda_pages_with(entries, gap); pages > 1 && last < style::kAgendaMinLastEntries)
            if (agenda_pages_with(entries, style::kAgendaEntryGapTight).first < pages) gap = style::kAgendaEntryGapTight;
        const Origin list = origin(Origin::Role::AgendaEntry);
        for (size_t i = 0; i < view.items.size(); ++i) {
            const model::AgendaItem& item = view.items[i];
            AgendaEntry& measured = entries[i];
            const std::string anchor = item_anchor(item);
            const Color number_color = model::is_confidential(item.status) ? style::kBad : style::kAccent;
            const int page_before = flow.page_number();
            flow.ensure(static_cast<double>(measured.lines.size()) * ls.leading + style::kAgendaEntryRoom);
            if (flow.page_number() != page_before) {
                line(wording.continued(wording.get("dagsorden")), FontStyle::Bold, style::kAgendaHeadingSize,
                     style::kAgendaHeadingLeading, style::kAccent, origin(Origin::Role::Heading, 2));
                space(style::kAfterAgendaHeading);
                place();
            }
            Origin entry = list;
            entry.item = static_cast<int>(i);
            const double top = flow.y();
            const double baseline = flow.baseline_in(top, ls);
            flow.lines(std::move(measured.lines), ls, true,
                       Marker{wording.item_heading(item), style::kMarginLeft, FontStyle::Bold, number_color}, entry);
            // The page number on the first line, right-aligned in its reserved column: the
            // entry's lines do not depend on it, so it is filled in once the items are placed
            // and the packet is laid out once.
            page_numbers.push_back({doc.pages.size() - 1, flow.page().texts.size(), anchor});
            flow.page().texts.push_back({0, baseline, "", ls.size, FontStyle::Regular, style::kText, entry});
            flow.page().links.push_back({style::kMarginLeft, top, style::kContentWidth, flow.y() - top, "", anchor, "", entry});
            agenda_attachments(measured.attachments, entry);
            flow.space(gap);
        }
    }

    void agenda_attachments(std::vector<AgendaAttachment>& attachments, const Origin& entry) {
        const double x = style::kMarginLeft + style::kAgendaNumberColumn + style::kAttachmentIndent;
        for (AgendaAttachment& a : attachments) {
            const LineStyle ls{x, style::kMetaSize, style::kMetaLeading};
            flow.ensure(static_cast<double>(a.lines.size()) * ls.leading);
            const double top = flow.y();
            const double baseline = flow.baseline_in(top, ls);
            flow.lines(std::move(a.lines), ls, true, std::nullopt, entry);
            page_numbers.push_back({doc.pages.size() - 1, flow.page().texts.size(), a.target, a.packet_only});
            flow.page().texts.push_back({0, baseline, "", ls.size, FontStyle::Regular, style::kText, entry});
            flow.page().links.push_back({x, top, style::kPageWidth - style::kMarginRight - x, flow.y() - top, "", a.target, "", entry});
        }
    }

    // A label and its value in two columns, as the HTML's definition list shows them.
    void meta(const std::string& label, const std::string& value) {
        MeasuredBlock& b = line(value, FontStyle::Regular, style::kMetaSize, style::kMetaLeading, style::kText,
                                origin(Origin::Role::Meta));
        b.lines = text(value, FontStyle::Regular, style::kMetaSize, style::kText, style::kContentWidth - style::kMetaLabelColumn);
        b.style.x = style::kMarginLeft + style::kMetaLabelColumn;
        b.marker = Marker{label, style::kMarginLeft, FontStyle::Regular, style::kMuted};
    }

    // An item's heading: its number, title, case officer and case number, and a rule. Kept with
    // what follows it, as any heading is: so it goes with a table set on a landscape page when
    // that is the item's first block, instead of standing alone on an upright page.
    void item_heading(const model::AgendaItem& item) {
        const size_t first = blocks.size();
        const Color number_color = model::is_confidential(item.status) ? style::kBad : style::kAccent;
        const Origin heading = origin(Origin::Role::Heading, 2);
        line(wording.item_heading(item), FontStyle::Bold, style::kItemNumberSize, style::kItemNumberLeading, number_color,
             heading);
        space(style::kAfterItemNumber);
        line(item.title, FontStyle::Bold, style::kItemTitleSize, style::kItemTitleLeading, style::kText, heading);
        space(style::kAfterItemTitle);
        if (item.changed && !changed_mark.empty()) {
            const Origin mark = origin(Origin::Role::Paragraph);
            marks.blocks.insert(mark.block);
            line(changed_mark, FontStyle::Bold, style::kBodySize, style::kBodyLeading, kChangedColor, mark);
            space(style::kAfterItemTitle);
        }
        meta(wording.get("sagsbehandler"), item.case_officer);
        meta(wording.get("sagsnummer"), item.case_number);
        space(style::kAfterMeta);
        rule(style::kItemRule, style::kRule);
        space(style::kAfterItemRule);
        keep_with_next(first);
    }

    // The blocks measured since `first` (but spaces) kept with the block after them.
    void keep_with_next(size_t first) {
        for (size_t i = first; i < blocks.size(); ++i)
            if (blocks[i].kind != MeasuredBlock::Kind::Space) blocks[i].keep_with_next = true;
    }

    // The page a confidential item's placeholder started, while nothing else is on it.
    int placeholder_page = 0;

    // As in the published agenda: a line where a confidential item would be, no page of its own.
    // Not on a landscape page (a table's at the end of an attachment): on an upright one, which
    // the next item then shares.
    void placeholder(const model::AgendaItem& item) {
        if (flow.page_number() <= agenda_pages || flow.turned()) flow.new_page();
        flow.space(style::kPlaceholderGap);
        flow.ensure(style::kPlaceholderRoom);
        if (flow.at_page_top() && placeholder_page != flow.page_number()) placeholder_page = flow.page_number();
        anchor(item_anchor(item));
        line(wording.item_heading(item), FontStyle::Bold, style::kItemNumberSize, style::kItemNumberLeading, style::kBad,
             origin(Origin::Role::Placeholder));
        place();
    }

    void item(const model::AgendaItem& item) {
        if (item.redacted) {
            placeholder(item);
            return;
        }
        // Each item starts a page, but not after a page that would hold only placeholders:
        // the item follows them there.
        if (placeholder_page == flow.page_number()) flow.space(style::kPlaceholderGap);
        else flow.new_page();
        BlockContext ctx{m, wording, item, tables, blocks, next_block, style::kMarginLeft, style::kContentWidth,
                         version_line.empty() ? nullptr : &marks};
        anchor(item_anchor(item));
        item_heading(item);
        for (const model::Section& s : item.sections) {
            measure_heading(plain(wording.section_title(s.kind), FontStyle::Bold, style::kAccent), style::kSectionSize,
                            style::kSectionGapBefore, style::kSectionGapAfter, 0, 3, ctx);
            measure_blocks(s.blocks, 0, ctx);
        }
        // The attachment list, as the source prints it under "Bilag".
        measure_heading(plain(wording.get("bilag"), FontStyle::Bold, style::kAccent), style::kSectionSize,
                        style::kSectionGapBefore, style::kSectionGapAfter, 0, 3, ctx);
        anchor(item_anchor(item) + "-bilagsliste");
        if (item.attachments.empty()) {
            MeasuredBlock& none = line(wording.get("ingen-bilag"), FontStyle::Regular, style::kBodySize,
                                       style::kBodyLeading, style::kText, origin(Origin::Role::Paragraph));
            none.keep_together = false;
        }
        const Origin list = origin(Origin::Role::Attachment);
        for (size_t i = 0; i < item.attachments.size(); ++i) {
            const model::Attachment& a = item.attachments[i];
            Span span = plain(wording.attachment_line(a), FontStyle::Regular, style::kText);
            if (!a.content.empty() || a.pdf) span.color = style::kAccent;  // linked: to its page or its file
            MeasuredBlock b;
            // A PDF attachment's line leaves room for the page it starts on, right-aligned as in the agenda.
            const double room = merged(a) ? style::kAgendaPageColumn : 0;
            b.lines = break_lines(span, style::kContentWidth - style::kAttachmentIndent - room, style::kBodySize, m);
            b.style = {style::kMarginLeft + style::kAttachmentIndent, style::kBodySize, style::kBodyLeading};
            b.keep_together = true;
            b.marker = Marker{std::to_string(a.number) + ".", style::kMarginLeft, FontStyle::Regular, style::kText};
            if (!a.content.empty() || merged(a)) b.link_target = attachment_anchor(item, a);
            b.origin = list;
            b.origin.item = static_cast<int>(i);
            blocks.push_back(std::move(b));
            if (merged(a)) {
                // Placed now, so its first line's baseline is known for the page number.
                place();
                const std::vector<TextItem>& texts = flow.page().texts;
                double baseline = flow.y();
                for (const TextItem& t : texts)  // kept together: all its lines are on this page
                    if (t.origin.role == Origin::Role::Attachment && t.origin.item == static_cast<int>(i))
                        baseline = std::min(baseline, t.baseline);
                page_numbers.push_back({doc.pages.size() - 1, texts.size(), attachment_anchor(item, a), true});
                flow.page().texts.push_back({0, baseline, "", style::kBodySize, FontStyle::Regular, style::kText, list});
                flow.page().texts.back().origin.item = static_cast<int>(i);
            }
            space(style::kListItemGap);
        }
        place();
        for (const model::Attachment& a : item.attachments) {
            if (a.content.empty()) continue;
            flow.new_page();
            anchor(attachment_anchor(item, a));
            const size_t cover = blocks.size();
            line(wording.attachment_heading(item, a), FontStyle::Bold, style::kAttachmentTitleSize,
                 style::kAttachmentTitleLeading, style::kAccent, origin(Origin::Role::Heading, 3));
            space(style::kAfterAttachmentTitle);
            line(wording.attachment_line(a), FontStyle::Regular, style::kMetaSize, style::kMetaLeading, style::kMuted,
                 origin(Origin::Role::Meta));  // as in the HTML
            space(style::kAroundAttachmentRule);
            rule(style::kItemRule, style::kRule);
            space(style::kAroundAttachmentRule);
            // Its heading goes with its first block, a landscape table's page too (it stood alone
            // on an upright page before such a table).
            keep_with_next(cover);
            measure_blocks(a.content, 0, ctx);
            place();
        }
        // The item's tables are placed: what they measured is not needed again, but whether
        // their numbers had to break over lines (the cache's order is the item's: its tables
        // are one vector).
        for (const auto& [key, parts] : tables.parts)
            if (parts->box.numbers_split && (doc.numbers_split.empty() || doc.numbers_split.back() != key.first))
                doc.numbers_split.push_back(key.first);
        tables.parts.clear();
    }

    // The footer's texts on each page of a document of `total` pages: the line, and "Side N af
    // M" beside it.
    class FooterTexts {
    public:
        // `agenda_only`: the footers of the agenda-only PDF, which say that its PDF attachments are
        // not in it (its agenda lists them with no page, linked to their files).
        FooterTexts(const Packet& packet, int total, bool agenda_only = false) : packet_(packet), total_(total) {
            const FontMetrics& m = packet.m;
            left_ = packet.view.organisation + " \xE2\x80\x93 " + packet.wording.meeting_line(packet.view) + " \xE2\x80\x93 " +
                    packet.wording.edition(packet.edition);
            if (!packet.version_line.empty()) left_ += " \xE2\x80\x93 " + packet.version_line;
            if (agenda_only) left_ += " \xE2\x80\x93 " + packet.wording.get("uden-pdf-bilag");
            // The footer stays beside the widest "Side N af M", never cut: a long one is set
            // smaller, down to a size still read, then on two lines, parted at a dash.
            const double room = style::kContentWidth -
                                m.width(packet.wording.page_of(total, total), FontStyle::Regular, style::kFooterSize) -
                                style::kFooterGap;
            const auto width = [&](const std::string& s) { return m.width(s, FontStyle::Regular, style::kFooterSize); };
            const double natural = width(left_);
            lines_ = {left_};
            left_size_ = natural > room ? style::kFooterSize * room / natural : style::kFooterSize;
            if (left_size_ >= style::kFooterMinSize) return;
            // Two lines: as much as fits on the first, the rest after the dash on the second.
            const std::string dash = " \xE2\x80\x93 ";
            std::vector<std::string> parts;
            for (size_t from = 0;;) {
                const size_t at = left_.find(dash, from);
                parts.push_back(left_.substr(from, at == std::string::npos ? std::string::npos : at - from));
                if (at == std::string::npos) break;
                from = at + dash.size();
            }
            if (parts.size() < 2) return;
            // The part after which the wider line is narrowest.
            size_t best = 1;
            double best_width = 0;
            for (size_t k = 1; k < parts.size(); ++k) {
                std::string a = parts[0], b = parts[k];
                for (size_t i = 1; i < k; ++i) a += dash + parts[i];
                for (size_t i = k + 1; i < parts.size(); ++i) b += dash + parts[i];
                const double wider = std::max(width(a), width(b));
                if (k == 1 || wider < best_width) {
                    best = k;
                    best_width = wider;
                    lines_ = {a, b};
                }
            }
            (void)best;
            left_size_ = best_width > room ? style::kFooterSize * room / best_width : style::kFooterSize;
        }

        // Page p's (0-based), `width` by `height`, added to `texts`.
        void add(int p, double width, double height, std::vector<TextItem>& texts) const {
            const std::string right = packet_.wording.page_of(p + 1, total_);
            const double rw = packet_.m.width(right, FontStyle::Regular, style::kFooterSize);
            const double baseline = height - style::kFooterFromBottom;
            for (size_t l = 0; l < lines_.size(); ++l)
                texts.push_back({style::kMarginLeft, baseline + static_cast<double>(l) * left_size_ * style::kFooterLineGap,
                                 lines_[l], left_size_, FontStyle::Regular, style::kMuted, {}});
            texts.push_back({width - style::kMarginRight - rw, baseline, right, style::kFooterSize, FontStyle::Regular,
                             style::kMuted, {}});
        }

    private:
        const Packet& packet_;
        int total_;
        std::string left_;
        std::vector<std::string> lines_;  // left_ on one line, or on two
        double left_size_ = 0;
    };

    void footers() {
        const int total = static_cast<int>(doc.pages.size());
        const FooterTexts footer(*this, total);
        for (int p = 0; p < total; ++p) {
            Page& page = doc.pages[static_cast<size_t>(p)];
            const double width = doc.width_of(static_cast<size_t>(p)), height = doc.height_of(static_cast<size_t>(p));
            page.boxes.push_back({style::kMarginLeft, height - style::kFooterFromBottom - style::kFooterRuleAbove,
                                  width - style::kMarginLeft - style::kMarginRight, style::kFooterRule, style::kRule, {}});
            page.footer_begin = static_cast<int>(page.texts.size());
            footer.add(p, width, height, page.texts);
            page.footer_end = static_cast<int>(page.texts.size());
        }
        if (edition == model::Edition::Lukket) closed_marks();
    }

    // Every page of the closed edition says so at its top, so no single page (a print-out, a
    // screenshot, a page passed on) can be taken for the public edition.
    void closed_marks() {
        const std::string mark = wording.closed_mark();
        for (size_t p = 0; p < doc.pages.size(); ++p) {
            Page& page = doc.pages[p];
            page.mark_text = static_cast<int>(page.texts.size());
            page.mark_box = static_cast<int>(page.boxes.size());
            page.texts.push_back({style::kMarginLeft, style::kClosedMarkBaseline, mark, style::kClosedMarkSize,
                                  FontStyle::Bold, style::kBad, {}});
            page.boxes.push_back({style::kMarginLeft, style::kClosedMarkBaseline + style::kClosedMarkRuleBelow,
                                  doc.width_of(p) - style::kMarginLeft - style::kMarginRight, style::kClosedMarkRule,
                                  style::kBad, {}});
        }
    }

    // The bookmarks of the packet, or of its agenda-only PDF, where a PDF attachment's leads to
    // its item's attachment list (the line there links its file).
    std::vector<OutlineEntry> outline(bool agenda_only) const {
        std::vector<OutlineEntry> out;
        if (!version_line.empty()) out.push_back({shortened(wording.get("rettelsesblad")), "rettelsesblad", 0, {}});
        if (sheet_only) return out;
        out.push_back({shortened(wording.get("dagsorden")), "forside", 0, {}});
        for (const model::AgendaItem& item : view.items) {
            const std::string heading = wording.item_heading(item);
            out.push_back({shortened(item.redacted ? heading : heading + " " + item.title), item_anchor(item), 0, item.loc});
            for (const model::Attachment& a : item.attachments) {
                const bool own_page = !a.content.empty() || (merged(a) && !agenda_only);
                const std::string target = own_page ? attachment_anchor(item, a) : item_anchor(item) + "-bilagsliste";
                out.push_back({shortened(attachment_entry(a)), target, 1, a.loc});
            }
        }
        return out;
    }

    // The agenda-only PDF of a packet that merges PDF attachments: its first `own_pages` pages,
    // without the merged attachments' page numbers, with footers of its own, their links to
    // the attachments' files and bookmarks to their lists.
    void agenda_only(size_t own_pages) {
        AgendaOnly only;
        only.pages = own_pages;
        const FooterTexts footer(*this, static_cast<int>(own_pages), true);
        only.footers.resize(own_pages);
        for (size_t p = 0; p < own_pages; ++p)
            footer.add(static_cast<int>(p), doc.width_of(p), doc.height_of(p), only.footers[p]);
        only.packet_only.resize(own_pages);
        for (const PendingNumber& n : page_numbers)
            if (n.packet_only) only.packet_only[n.page].push_back(n.text);
        for (std::vector<size_t>& texts : only.packet_only) std::sort(texts.begin(), texts.end());
        std::map<std::string, std::string> files;  // a merged attachment's anchor -> its file
        for (const model::AgendaItem& item : view.items)
            for (const model::Attachment& a : item.attachments)
                if (draws_pages(item, a)) files.emplace(attachment_anchor(item, a), model::attachment_file(item, a));
        only.links.resize(own_pages);
        for (size_t p = 0; p < own_pages; ++p) {
            only.links[p] = doc.pages[p].links;
            for (LinkItem& l : only.links[p])
                if (const auto f = files.find(l.target); l.url.empty() && f != files.end()) {
                    l.url = f->second;
                    l.target.clear();
                }
        }
        only.outline = outline(true);
        doc.agenda_only = std::move(only);
    }

    void info() {
        doc.info.title = shortened(sheet_only ? wording.get("rettelsesblad-titel", {{"titel", wording.document_title(view)}})
                                              : wording.document_title(view));
        doc.info.author = shortened(view.organisation);
        doc.info.subject = shortened(version_line.empty() ? wording.edition(edition)
                                                          : wording.edition(edition) + " \xE2\x80\x93 " + version_line);
        doc.info.creator = "boardpack";
        doc.info.year = view.date.year;
        doc.info.month = view.date.month;
        doc.info.day = view.date.day;
    }

    // The pages are held until the PDF is written, with the structure tree built over them:
    // without the slack of their growth (a vector grown by doubling is on average a quarter
    // empty), some 1,3 MB less at the peak of a meeting ten times the example's size.
    void fit() {
        for (Page& page : doc.pages) {
            page.texts.shrink_to_fit();
            page.boxes.shrink_to_fit();
            page.links.shrink_to_fit();
            page.anchors.shrink_to_fit();
        }
    }

    int agenda_pages = 0;

    // A corrected packet opens with its rettelsesblad (the sheet's own PDF is only that).
    void correction_sheet_pages() {
        const CorrectionSheet sheet = correction_sheet(view, wording);
        if (sheet.title.empty()) return;
        flow.new_page();
        flow.anchor("rettelsesblad");
        const model::AgendaItem none;
        BlockContext ctx{m, wording, none, tables, blocks, next_block, style::kMarginLeft, style::kContentWidth};
        measure_correction_sheet(sheet, wording, ctx);
        place();
    }

    void run() {
        correction_sheet_pages();
        size_t own_pages = 0;  // before the PDF attachments'
        if (!sheet_only) {
            front_page();
            agenda_pages = flow.page_number();
            for (const model::AgendaItem& it : view.items) item(it);
            own_pages = doc.pages.size();
            lay_out_attachment_pages(view, wording, m, flow, doc, next_block);
            fill_page_numbers();
        }
        draw_change_bars(doc, marks, style::kMarginLeft);
        footers();
        fit();
        doc.outline = outline(false);
        info();
        if (!sheet_only && merges_attachment_pages(view)) agenda_only(own_pages);
    }
};

}  // namespace

LaidOutDocument layout_packet(const model::EditionView& view, model::Edition edition, const Wording& wording,
                              const FontMetrics& metrics, TablePartsMemo* shared_tables) {
    TableCache tables;
    tables.shared = shared_tables;
    Packet packet(view, edition, wording, metrics, tables);
    packet.run();
    return std::move(packet.doc);
}

LaidOutDocument layout_correction_sheet(const model::EditionView& view, const Wording& wording, const FontMetrics& metrics) {
    TableCache tables;
    Packet packet(view, view.edition, wording, metrics, tables);
    packet.sheet_only = true;
    if (corrected_version(view)) packet.run();
    return std::move(packet.doc);
}

}  // namespace boardpack::render::pdf

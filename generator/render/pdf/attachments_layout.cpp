#include "render/pdf/attachments_layout.hpp"

#include <algorithm>
#include <map>

#include "model/anchors.hpp"
#include "render/pdf/line_breaker.hpp"
#include "render/pdf/pdf_style.hpp"

namespace boardpack::render::pdf {

bool draws_pages(const model::AgendaItem& item, const model::Attachment& a) {
    return !item.redacted && a.pdf && a.pdf_pages > 0;
}

bool wants_landscape(const attach::ImportedPage& page) {
    const double w = page.urx - page.llx, h = page.ury - page.lly;
    if (!(w > h && h > 0)) return false;
    const double band = kImportTop + kImportBottomGap;
    const double upright = std::min(style::kPageWidth / w, (style::kPageHeight - band) / h);
    const double turned = std::min(style::kPageHeight / w, (style::kPageWidth - band) / h);
    return turned > upright * 1.01;  // a gain a reader sees, not a rounding's
}

bool merges_attachment_pages(const model::EditionView& view) {
    for (const model::AgendaItem& item : view.items)
        for (const model::Attachment& a : item.attachments)
            if (draws_pages(item, a)) return true;
    return false;
}

std::string attachment_stamp(const model::AgendaItem& item, const model::Attachment& a, const Wording& wording) {
    std::map<std::string, std::string> values = {{"nummer", std::to_string(a.number)},
                                                 {"punkt", std::to_string(item.number)},
                                                 {"sag", a.case_number},
                                                 {"dokument", a.document_id},
                                                 {"sagsbehandler", item.case_officer}};
    if (a.date.year == 0) return wording.get("bilag-stempel-uden-dato", values);
    values["dato"] = wording.date(a.date);
    return wording.get("bilag-stempel", values);
}

namespace {

struct StampLines {
    double size = kStampSize;
    std::vector<std::string> lines;
};

// The stamp on one line, set smaller if it must be; else wrapped at kStampMinSize.
StampLines stamp_lines(const std::string& stamp, const FontMetrics& m) {
    const double natural = m.width(stamp, FontStyle::Regular, kStampSize);
    if (natural <= style::kContentWidth) return {kStampSize, {stamp}};
    const double fitted = kStampSize * style::kContentWidth / natural;
    if (fitted >= kStampMinSize) return {fitted, {stamp}};
    StampLines out{kStampMinSize, {}};
    for (const LaidLine& l : break_lines({Span{stamp, FontStyle::Regular, {}, "", false, ""}}, style::kContentWidth,
                                         kStampMinSize, m)) {
        std::string text;
        for (const Fragment& f : l.fragments) text += f.text;
        out.lines.push_back(std::move(text));
    }
    if (out.lines.size() > kStampMaxLines) {
        out.lines.resize(kStampMaxLines);
        std::string& last = out.lines.back();
        const std::string ellipsis = "\xE2\x80\xA6";
        while (!last.empty() && m.width(last + ellipsis, FontStyle::Regular, kStampMinSize) > style::kContentWidth) {
            // The last character, whole: its continuation bytes, then its first.
            while (!last.empty() && (static_cast<unsigned char>(last.back()) & 0xC0) == 0x80) last.pop_back();
            if (!last.empty()) last.pop_back();
        }
        last += ellipsis;
    }
    return out;
}

}  // namespace

void lay_out_attachment_pages(const model::EditionView& view, const Wording& wording, const FontMetrics& m, Flow& flow,
                              LaidOutDocument& doc, int& next_block) {
    for (const model::AgendaItem& item : view.items) {
        for (const model::Attachment& a : item.attachments) {
            if (!draws_pages(item, a)) continue;
            for (int p = 0; p < a.pdf_pages; ++p) {
                const bool landscape = a.imported && static_cast<size_t>(p) < a.imported->pages.size() &&
                                       wants_landscape(a.imported->pages[static_cast<size_t>(p)]);
                flow.new_page(landscape);
                const size_t here = static_cast<size_t>(flow.page_number() - 1);
                double top = kImportTop;
                if (p == 0) {
                    flow.anchor(model::attachment_anchor(item, a));
                    // The stamp, as the case system prints it on the original's first page; set
                    // smaller, or on more lines, when a long case officer's name would not fit.
                    Origin o;
                    o.role = Origin::Role::Meta;
                    o.block = next_block++;
                    const StampLines stamp = stamp_lines(attachment_stamp(item, a, wording), m);
                    for (size_t k = 0; k < stamp.lines.size(); ++k)
                        flow.page().texts.push_back({style::kMarginLeft, kStampBaseline + static_cast<double>(k) * kStampLeading,
                                                     stamp.lines[k], stamp.size, FontStyle::Regular, style::kAccent, o});
                    top += static_cast<double>(stamp.lines.size() - 1) * kStampLeading;
                }
                attach::Placement place;
                place.page = flow.page_number() - 1;
                place.source = a.imported;
                place.source_page = p;
                place.x = 0;
                place.y = top;
                place.w = doc.width_of(here);
                place.h = doc.height_of(here) - kImportBottomGap - top;
                place.name = a.file;
                place.file = a.loc.file;
                place.line = a.loc.line;
                place.column = a.loc.column;
                doc.imports.push_back(std::move(place));
            }
        }
    }
}

}  // namespace boardpack::render::pdf

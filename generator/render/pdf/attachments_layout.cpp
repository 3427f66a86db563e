#include "render/pdf/attachments_layout.hpp"

#include <map>

#include "model/anchors.hpp"
#include "render/pdf/pdf_style.hpp"

namespace boardpack::render::pdf {

bool draws_pages(const model::AgendaItem& item, const model::Attachment& a) {
    return !item.redacted && a.pdf && a.pdf_pages > 0;
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

void lay_out_attachment_pages(const model::EditionView& view, const Wording& wording, const FontMetrics& m, Flow& flow,
                              LaidOutDocument& doc, int& next_block) {
    for (const model::AgendaItem& item : view.items) {
        for (const model::Attachment& a : item.attachments) {
            if (!draws_pages(item, a)) continue;
            for (int p = 0; p < a.pdf_pages; ++p) {
                flow.new_page();
                if (p == 0) {
                    flow.anchor(model::attachment_anchor(item, a));
                    // The stamp, as the case system prints it on the original's first page; set
                    // smaller when a long case officer's name would not fit the width.
                    Origin o;
                    o.role = Origin::Role::Meta;
                    o.block = next_block++;
                    const std::string stamp = attachment_stamp(item, a, wording);
                    const double natural = m.width(stamp, FontStyle::Regular, kStampSize);
                    const double size = natural > style::kContentWidth ? kStampSize * style::kContentWidth / natural : kStampSize;
                    flow.page().texts.push_back(
                        {style::kMarginLeft, kStampBaseline, stamp, size, FontStyle::Regular, style::kAccent, o});
                }
                attach::Placement place;
                place.page = flow.page_number() - 1;
                place.source = a.imported;
                place.source_page = p;
                place.x = 0;
                place.y = kImportTop;
                place.w = style::kPageWidth;
                place.h = kImportBottom - kImportTop;
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

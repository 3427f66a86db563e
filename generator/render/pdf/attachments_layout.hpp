// The PDF attachments' pages in the packet: after the last item, in agenda order, one page of the
// packet for each page of an attachment, which the PDF writer fills (attach/pdf_import.hpp) with the
// attachment's page scaled into a box of its own, so the stamp above it and the page number
// below it never cover the attachment's content.
#pragma once

#include <string>

#include "model/edition.hpp"
#include "render/pdf/flow.hpp"
#include "render/pdf/page_items.hpp"
#include "render/pdf/pdf_style.hpp"
#include "render/wording.hpp"

namespace boardpack::render::pdf {

// The box an attachment's page is scaled into (points from the top-left corner): the whole width,
// between the stamp's band and the footer's rule.
inline constexpr double kStampBaseline = 50;  // below the closed edition's mark and its rule
inline constexpr double kStampSize = 8;
// A stamp too long for one line at kStampSize (a long list of case officers) is set smaller
// down to kStampMinSize, then wraps at that size onto at most kStampMaxLines lines, the
// attachment's first page moved down under them; more is cut with "…".
inline constexpr double kStampMinSize = 6;
inline constexpr double kStampLeading = kStampMinSize * 1.25;
inline constexpr size_t kStampMaxLines = 3;
inline constexpr double kImportTop = 56;
// Above the footer's rule, which stands as far from the bottom edge on a landscape page.
inline constexpr double kImportBottomGap = style::kFooterFromBottom + style::kFooterRuleAbove + 4;
// Whether an attachment page (as a viewer shows it, turned by its /Rotate) is drawn larger on a
// landscape page of the packet than on an upright one, in the box between the stamp's band and
// the footer: an A4 landscape page is drawn at 0,81 of its size there against 0,71 upright; a
// page barely wider than tall (1000 x 842) stays upright, where it is drawn larger.
bool wants_landscape(const attach::ImportedPage& page);

// Whether the packet draws this attachment's pages (a PDF attachment of an item it shows whole).
bool draws_pages(const model::AgendaItem& item, const model::Attachment& a);
// Whether an edition's packet draws any PDF attachment's pages: then it is merged, and its
// agenda-only PDF is made beside it.
bool merges_attachment_pages(const model::EditionView& view);

// The stamp on an attachment's first page: "Bilag 1 til punkt 21 · 1. september 2023 · Sag ... ·
// Dok. ... · Sagsbehandler: ...".
std::string attachment_stamp(const model::AgendaItem& item, const model::Attachment& a, const Wording& wording);

// Adds the pages of every PDF attachment the view shows, with their anchors, stamps and the
// placements the merge needs. `next_block` numbers the stamps' blocks for the structure tree.
void lay_out_attachment_pages(const model::EditionView& view, const Wording& wording, const FontMetrics& m, Flow& flow,
                              LaidOutDocument& doc, int& next_block);

}  // namespace boardpack::render::pdf

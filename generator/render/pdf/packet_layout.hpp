// The whole PDF packet laid out: front page with the agenda and the page each item starts on,
// every item on a new page, attachments, footer with "Side N af M", bookmarks, document info.
#pragma once

#include "model/edition.hpp"
#include "render/pdf/font_metrics.hpp"
#include "render/pdf/page_items.hpp"
#include "render/wording.hpp"

namespace boardpack::render::pdf {

class TablePartsMemo;

// Lays out the edition view in one pass: the agenda's page numbers sit in a column of their
// own, so they are filled in when the items are placed, without a second layout. The edition's
// PDF attachments are merged in after the items (their pages left for the merge); then the
// document also says what its agenda-only PDF prints (LaidOutDocument::agenda_only): the same
// pages up to the attachments', where each attachment's line links its own file in bilag/.
// With `shared_tables`, a table the other edition measured is taken from it (table_parts_memo.hpp).
LaidOutDocument layout_packet(const model::EditionView& view, model::Edition edition, const Wording& wording,
                              const FontMetrics& metrics, TablePartsMemo* shared_tables = nullptr);

// The rettelsesblad of a corrected edition (view.changes, version > 1) as its own document, with
// the packet's footers and bookmarks; no pages for a first publication. (A corrected packet
// opens with the same pages: layout_packet puts them first.)
LaidOutDocument layout_correction_sheet(const model::EditionView& view, const Wording& wording, const FontMetrics& metrics);

}  // namespace boardpack::render::pdf

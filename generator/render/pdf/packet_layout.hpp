// The whole PDF packet laid out: front page with the agenda and the page each item starts on,
// every item on a new page, attachments, footer with "Side N af M", bookmarks, document info.
#pragma once

#include "model/edition.hpp"
#include "render/pdf/font_metrics.hpp"
#include "render/pdf/page_items.hpp"
#include "render/wording.hpp"

namespace boardpack::render::pdf {

// Lays out the edition view in one pass: the agenda's page numbers sit in a column of their
// own, so they are filled in when the items are placed, without a second layout.
LaidOutDocument layout_packet(const model::EditionView& view, model::Edition edition, const Wording& wording,
                              const FontMetrics& metrics);

}  // namespace boardpack::render::pdf

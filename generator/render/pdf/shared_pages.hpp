// What an edition's packet and its agenda-only PDF share (pdf_writer.hpp): both are written from
// the packet's one layout, and the agenda-only PDF's pages are the packet's own pages (all but
// the PDF attachments'), so a page the two print alike is written once. The agenda-only PDF is
// written first and keeps, for each such page, its compressed content and the resources that
// content names; the packet takes them instead of writing the page again.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "render/pdf/content_spool.hpp"
#include "render/pdf/page_items.hpp"
#include "render/pdf/structure_tree.hpp"

namespace boardpack::render::pdf {

struct SharedPage {
    // Whether the two print the page alike: it prints no text only the packet has, draws no
    // attachment's page, and the two structure trees mark its content alike (the same MCIDs, in
    // elements of the same types). Decided before either is written.
    bool alike = false;
    // The page's compressed content (its footer apart), once the agenda-only PDF has written it.
    std::optional<ContentSpool::Piece> content;
    // What the content names, in the order the agenda-only PDF's page named it: a font (its
    // face) or a picture, and the name the page gave it ("F1", "X1"). The packet's page names
    // them in the same order, so it must give the same names.
    struct Resource {
        int face = -1;
        std::shared_ptr<const ImageFile> image;
        std::string name;
    };
    std::vector<Resource> resources;
};

// Per page of the agenda-only PDF (doc.agenda_only), whether the two print it alike (the rest
// still to be filled): from the document and the two trees made of it.
std::vector<SharedPage> shared_pages(const LaidOutDocument& doc, const StructureTree& packet, const StructureTree& agenda_only);

}  // namespace boardpack::render::pdf

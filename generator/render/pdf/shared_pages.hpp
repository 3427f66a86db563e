// What an edition's packet and its agenda-only PDF share (pdf_writer.hpp): both are written from
// the packet's one layout, and the agenda-only PDF's pages are the packet's own pages (all but
// the PDF attachments'), so a page the two print alike is written once. The agenda-only PDF is
// written first and keeps, for each page that may be alike, its compressed content and the
// resources that content names; the packet takes them for each page that is, instead of writing
// the page again. The two structure trees are never held at once: the agenda-only PDF's marking
// of its pages is kept, and compared with the packet's tree once that is made.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "render/pdf/content_spool.hpp"
#include "render/pdf/page_items.hpp"
#include "render/pdf/structure_tree.hpp"

namespace boardpack::render::pdf {

struct SharedPage {
    // Whether the two may print the page alike: it prints no text only the packet has and draws
    // no attachment's page. Decided before either PDF is written: the agenda-only PDF keeps these
    // pages' content (and leaves their items to the packet).
    bool candidate = false;
    // Whether they do: a candidate that the two structure trees mark alike (the same MCIDs, in
    // elements of the same types). Decided once the packet's tree is made.
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

// How a structure tree marks one page's content: each text's MCID (-1 an artifact), each
// figure's drawing's, and the type of the element each MCID belongs to.
struct PageMarking {
    std::vector<int> text_mcid;
    std::map<int, int> figure_mcid;
    std::vector<uint8_t> types;  // per MCID, its element's type (StructElement::type_index)
    friend bool operator==(const PageMarking&, const PageMarking&) = default;
};

// The marking of page p.
PageMarking page_marking(const StructureTree& tree, size_t p);
// The marking of each of the tree's first `pages` pages.
std::vector<PageMarking> page_markings(const StructureTree& tree, size_t pages);

// Per page of the agenda-only PDF (doc.agenda_only), whether the two may print it alike
// (SharedPage::candidate; the rest still to be filled): from the document alone.
std::vector<SharedPage> shared_candidates(const LaidOutDocument& doc);
// Marks the candidates the two trees mark alike (SharedPage::alike): from the agenda-only PDF's
// markings (page_markings, kept from its tree) and the packet's tree.
void confirm_shared(std::vector<SharedPage>& pages, const std::vector<PageMarking>& agenda_only, const StructureTree& packet);
// Both at once, from the two trees.
std::vector<SharedPage> shared_pages(const LaidOutDocument& doc, const StructureTree& packet, const StructureTree& agenda_only);

}  // namespace boardpack::render::pdf

// Writes a StructureTree into a libharu document with its low-level object API (libharu 2.3 has
// no tagging calls): the structure elements, the parent tree, each link annotation's
// /StructParent and /Contents (which page_objects writes, with each page's /StructParents),
// and the catalog's /MarkInfo, /StructTreeRoot and /Lang.
#pragma once

#include <hpdf.h>

#include <string>

#include "render/pdf/lent_objects.hpp"
#include "render/pdf/page_objects.hpp"
#include "render/pdf/structure_tree.hpp"

namespace boardpack::render::pdf {

// The structure's objects, written when the document is saved (lent_objects.hpp): the elements
// from the tree, the pages and their annotations, which the caller keeps until then; the parent
// tree from its text. Destroy it before the document, and only after saving it.
struct StructureObjects {
    LentObjects elements;
    LentObjects parent_tree;
    std::string parent_tree_body;
};

// HPDF_OK, or the first failed call's status (libharu's error handler has the details). Gives
// each link annotation its key in the parent tree and its Link element's text; the tree (its
// elements and link texts), the pages and the annotations are read again when the document is
// saved.
HPDF_STATUS write_structure(HPDF_Doc pdf, const StructureTree& tree, PageObjects& pages, const std::string& language,
                            StructureObjects& objects);

}  // namespace boardpack::render::pdf

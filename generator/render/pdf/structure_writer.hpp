// Writes a StructureTree into a libharu document with its low-level object API (libharu 2.3 has
// no tagging calls): the structure elements, the parent tree, each page's /StructParents and
// /Tabs, each link annotation's /StructParent and /Contents, and the catalog's /MarkInfo,
// /StructTreeRoot and /Lang.
#pragma once

#include <hpdf.h>

#include <string>
#include <vector>

#include "render/pdf/structure_tree.hpp"

namespace boardpack::render::pdf {

// The annotations libharu made for a page's link items, by the items' index (null: none made).
using PageAnnotations = std::vector<HPDF_Annotation>;

// HPDF_OK, or the first failed call's status (libharu's error handler has the details).
HPDF_STATUS write_structure(HPDF_Doc pdf, const StructureTree& tree, const std::vector<HPDF_Page>& pages,
                            const std::vector<PageAnnotations>& annotations, const std::string& language);

}  // namespace boardpack::render::pdf

// Writes a StructureTree into a libharu document with its low-level object API (libharu 2.3 has
// no tagging calls): the structure elements, the parent tree, each page's /StructParents and
// /Tabs, each link annotation's /StructParent and /Contents, and the catalog's /MarkInfo,
// /StructTreeRoot and /Lang.
#pragma once

#include <hpdf.h>
#include <hpdf_objects.h>

#include <functional>
#include <string>
#include <vector>

#include "render/pdf/structure_tree.hpp"

namespace boardpack::render::pdf {

// The annotations libharu made for a page's link items, by the items' index (null: none made).
using PageAnnotations = std::vector<HPDF_Annotation>;

// The bodies of the structure's objects, written by us rather than built entry by entry with
// libharu's dictionaries (a fifth of the writer's time, for thousands of table cells): kept by
// the caller until the document is saved, since libharu writes them then. All the elements are
// one libharu dictionary listed under each of their object numbers (a dictionary and a list per
// element were a tenth of a large meeting's memory); its entries past the first are ours, and
// this takes them out of libharu's table again before the document is freed. Destroy it before
// the document, and only after saving it.
struct RawObjects {
    struct Span {
        const std::string* bytes;
        size_t offset, size;
    };
    std::string bytes;        // the parent tree's body
    std::vector<Span> spans;  // one per object, never moved once libharu's dictionaries point at them
    // Element e's body, appended to the string (it reads the tree, pages and annotations the
    // writer was given: keep them until the document is saved).
    std::function<void(size_t, std::string&)> element_body;
    std::string scratch;  // the body being written

    // The cross-reference entries of the elements after the first, in libharu's table from
    // index `first` on (null: none lent).
    HPDF_Xref xref = nullptr;
    HPDF_UINT first = 0;
    std::vector<HPDF_XrefEntry_Rec> entries;
    size_t lent = 0;      // how many of them are in the table
    size_t elements = 0;  // spans[0, elements) are the elements' bodies
    size_t next = 0;      // the element libharu writes next: it writes them in order of number

    RawObjects() = default;
    RawObjects(const RawObjects&) = delete;
    RawObjects& operator=(const RawObjects&) = delete;
    ~RawObjects();
};

// HPDF_OK, or the first failed call's status (libharu's error handler has the details). The
// tree's elements, the pages and the annotations are read again when the document is saved.
HPDF_STATUS write_structure(HPDF_Doc pdf, const StructureTree& tree, const std::vector<HPDF_Page>& pages,
                            const std::vector<PageAnnotations>& annotations, const std::string& language,
                            RawObjects& bodies);

}  // namespace boardpack::render::pdf

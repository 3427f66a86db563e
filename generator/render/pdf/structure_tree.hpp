// The structure tree of the tagged PDF (PDF/UA-1, PDF/A-2a), worked out from what each page
// item says it is (its Origin): which structure element each text belongs to, the marked-content
// ids (MCIDs) the content streams carry, and which texts are artifacts (footers, rules, a
// table's repeated header, a "(fortsat)" heading). Knows nothing of libharu or of how text
// bytes are encoded: structure_writer turns it into PDF objects.
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "render/pdf/page_items.hpp"

namespace boardpack::render::pdf {

// A child of a structure element: another element, marked content on a page, or a link
// annotation (an OBJR).
struct StructKid {
    enum class Kind : unsigned char { Element, Content, Annotation };
    constexpr StructKid(Kind k = Kind::Element, int i = 0, int p = -1) : kind(k), index(i), page(p) {}
    // Eight bytes, not twelve: a large meeting's PDF has some 70.000 children, held until saved.
    Kind kind : 2;
    int index : 30;  // the element's index, the MCID, or the link's index on its page
    int page;        // for content and annotations
};
static_assert(sizeof(StructKid) == 8);

// The structure types a tree uses, all standard ones (no role map needed).
inline constexpr size_t kStructTypeSize = 11;  // "BlockQuote" and its NUL
inline constexpr char kStructTypes[][kStructTypeSize] = {
    "Document", "P",  "L",  "LI",  "Lbl",       "LBody",      "Table",  "Caption", "THead", "TBody", "TR", "TH", "TD",
    "TOC",      "TOCI", "Link", "Reference", "BlockQuote", "Figure", "H1",      "H2",    "H3",    "H4", "H5", "H6"};

// One structure element. Its children are StructureTree::kids(e): all elements' children are
// one array, element by element, not a vector each (some 2.000 elements a PDF of the example).
// Sixteen bytes, its type an index, not a pointer (24): a large meeting's packet and its
// agenda-only PDF have two trees of some 17.000 elements each, held while the PDFs are written.
struct StructElement {
    uint8_t type_index = 0;  // in kStructTypes
    int parent = -1;         // -1 for the Document element
    unsigned first_kid = 0, kid_count = 0;  // its children in StructureTree::all_kids
    // Document, H1-H6, P, L, LI, Lbl, LBody, Table, THead, TBody, TR, TH, TD, Caption, TOC, TOCI,
    // Reference, Link, BlockQuote, Figure: always the same pointer for a type.
    const char* type() const { return kStructTypes[type_index]; }
};
static_assert(sizeof(StructElement) == 16);

// What a Figure element says besides its content: its alternative text and where it stands.
struct FigureTag {
    std::string alt;
    double bbox[4] = {0, 0, 0, 0};  // /BBox in PDF coordinates (left, bottom, right, top) on the element's page
};

// The tree and the marking of every page item.
struct StructureTree {
    std::vector<StructElement> elements;         // [0] is the Document element
    std::vector<StructKid> all_kids;             // the children of elements[0], then of [1], ...
    std::vector<std::vector<int>> text_mcid;     // per page, per text item: its MCID, or -1 (an artifact)
    std::vector<std::vector<int>> mcid_element;  // per page, per MCID: the element it belongs to
    std::vector<std::vector<int>> link_element;  // per page, per link item: its Link element
    std::map<int, std::string> link_text;        // a Link element's text, lines joined by a space (its /Contents)
    // Per page: a figure's block -> the MCID its drawn items there (boxes, images, paths) share.
    std::vector<std::map<int, int>> figure_mcid;
    std::map<int, FigureTag> figures;  // per Figure element

    // Element e's children, in order.
    std::span<const StructKid> kids(size_t e) const {
        const StructElement& el = elements[e];
        return {all_kids.data() + el.first_kid, el.kid_count};
    }
};

// How many elements and children a tree has: what the builder of a tree nearly like it reserves
// instead of growing to it.
struct StructureSizes {
    size_t elements = 0, kids = 0;
};

// Works out the tree for a laid-out document (before its pages are written and freed), or with
// `agenda_only` for its agenda-only PDF (doc.agenda_only): its pages, texts and links. `sized`, if
// given, are the sizes to reserve (the packet's tree is nearly its agenda-only PDF's, made first).
StructureTree build_structure(const LaidOutDocument& doc, bool agenda_only = false, const StructureSizes* sized = nullptr);

// The tree as indented lines ("H2 |5 (Offentlig) Psykiatri...|", the text of what a leaf marks
// in the document it was built from), for tests and for looking.
std::string dump(const StructureTree& tree, const LaidOutDocument& doc);

}  // namespace boardpack::render::pdf

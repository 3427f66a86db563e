// A PDF's pages, their link annotations and its bookmarks as lent objects (lent_objects.hpp):
// their bodies are written when the document is saved, from a few bytes kept for each. libharu's
// own page held some 4 KB of dictionaries until then (its page tree, resources, graphics state
// and an array of five names for /ProcSet), a link or a bookmark with its destination 1-2 KB:
// at ten times the example, 4 MB of the closed packet's memory.
#pragma once

#include <hpdf.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "render/pdf/lent_objects.hpp"
#include "render/pdf/page_items.hpp"

namespace boardpack::render::pdf {

// What a page's dictionary names, gathered as its content is written.
struct PageRecord {
    uint32_t content = 0;  // its content stream's object number, or 0
    uint32_t footer = 0;   // its footer's own stream's, or 0
    uint32_t faces = 0;           // bit f: its content prints with face f, named font_name(f)
    bool landscape = false;       // its width and height the document's swapped (Page::landscape)
    std::vector<HPDF_Dict> xobjects;  // the pictures and forms it draws, named xobject_name(k) in this order
};

// The name a page's resources give font face f ("F1" for face 0), and its k-th picture or form
// ("X1" for k = 0).
std::string_view font_name(int face);
std::string xobject_name(size_t k);

// Where a link or bookmark leads inside the document: a page, shown from `top` (PDF coordinates).
struct Destination {
    uint32_t page = 0;
    float top = 0;
};

// A link item's annotation.
struct LinkAnnotation {
    const LinkItem* item = nullptr;  // its rectangle, URL and title: kept by the caller until saved
    uint32_t page = 0;               // the page it is on, and the item's index among the page's links
    uint32_t item_index = 0;
    int32_t to_page = -1;            // where an internal link leads (to_page, to_top); -1: to the item's URL
    float to_top = 0;
    // What the structure gives it (structure_writer): its key in the parent tree, and the text
    // of its Link element, its /Contents when the item has no title (kept by the caller).
    int32_t struct_parent = -1;
    const std::string* text = nullptr;
};

// A bookmark, in the order of the outline; level 1 hangs under the level-0 entry before it.
struct Bookmark {
    const OutlineEntry* entry = nullptr;  // its title and level: kept by the caller until saved
    Destination to;
};

class PageObjects {
public:
    // Numbers the first `count` pages of `doc`, each of its size (points, upright or landscape),
    // and makes them the document's page tree; `fonts` are the document's faces (kFaces of them,
    // null for a face it does not embed).
    HPDF_STATUS add_pages(HPDF_Doc pdf, const LaidOutDocument& doc, size_t count, const HPDF_Font* fonts);
    size_t size() const { return pages_.size(); }
    PageRecord& operator[](size_t i) { return pages_[i]; }
    void reference(std::string& out, size_t page) const { numbers_.reference(out, page); }
    size_t number(size_t page) const { return numbers_.number(page); }

    // The link annotations, page by page in order, then numbered together.
    void add_link(const LinkAnnotation& link);
    HPDF_STATUS number_links(HPDF_Doc pdf);
    // The annotation made for page's link item, or null (a link to nowhere gets none).
    const LinkAnnotation* link(size_t page, size_t item) const;
    LinkAnnotation* link(size_t page, size_t item) {
        return const_cast<LinkAnnotation*>(static_cast<const PageObjects*>(this)->link(page, item));
    }
    void reference(std::string& out, const LinkAnnotation& link) const;
    size_t number(const LinkAnnotation& link) const { return link_numbers_.number(static_cast<size_t>(&link - links_.data())); }

    // The bookmarks, made the document's outline (none: no outline).
    HPDF_STATUS add_outline(HPDF_Doc pdf, std::vector<Bookmark> bookmarks);

private:
    void page_body(size_t i, std::string& out) const;
    void link_body(size_t i, std::string& out) const;
    void bookmark_body(size_t i, std::string& out) const;
    void destination(std::string& out, size_t page, float top) const;
    static HPDF_STATUS write_kids(HPDF_Dict pages, HPDF_Stream stream);

    std::vector<PageRecord> pages_;
    std::vector<HPDF_Font> fonts_;
    double page_width_ = 0, page_height_ = 0;  // an upright page's
    // What every page's body starts with, made once, not piece by piece for each page:
    // "/Type /Page\n/Parent 2 0 R\n/MediaBox [0 0 595.276 841.89001]", upright, then landscape.
    std::string head_[2];
    std::vector<std::string> font_entries_;  // per face with a font, its "/F1 12 0 R " in a page's /Font
    LentObjects numbers_;
    std::vector<LinkAnnotation> links_;
    std::vector<uint32_t> first_link_;  // page i's links are [first_link_[i], first_link_[i + 1])
    LentObjects link_numbers_;
    // The outline's tree: per bookmark its parent (-1: the root), neighbours and children.
    struct Node {
        int32_t parent = -1, prev = -1, next = -1, first = -1, last = -1, children = 0;
    };
    std::vector<Bookmark> bookmarks_;
    std::vector<Node> nodes_;
    Node root_;
    LentObjects outline_numbers_;  // the outline's dictionary (0), then the bookmarks
};

}  // namespace boardpack::render::pdf

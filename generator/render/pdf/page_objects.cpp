#include "render/pdf/page_objects.hpp"

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <algorithm>

#include "core/text.hpp"
#include "render/pdf/content_stream.hpp"
#include "render/pdf/font_files.hpp"
#include "render/pdf/pdf_objects.hpp"
#include "render/pdf/text_string.hpp"

namespace boardpack::render::pdf {

namespace {

// A link's address as a literal string: ASCII only (other bytes percent-encoded), so the
// escapes of ( ) and \ are all it needs.
void append_uri(std::string& out, std::string_view url) {
    static const char* hex = "0123456789ABCDEF";
    out += '(';
    for (const unsigned char c : url) {
        if (c > 0x20 && c < 0x7F) {
            if (c == '(' || c == ')' || c == '\\') out += '\\';
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    out += ')';
}

}  // namespace

std::string_view font_name(int face) {
    static const char* const names[] = {"F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8"};
    static_assert(kFaces <= 8, "a name for each face");
    return names[face];
}

std::string xobject_name(size_t k) { return "X" + std::to_string(k + 1); }

HPDF_STATUS PageObjects::add_pages(HPDF_Doc pdf, const LaidOutDocument& doc, size_t count, const HPDF_Font* fonts) {
    pages_.assign(count, PageRecord{});
    for (size_t i = 0; i < count; ++i) pages_[i].landscape = doc.pages[i].landscape;
    fonts_.assign(fonts, fonts + kFaces);
    page_width_ = doc.page_width;
    page_height_ = doc.page_height;
    HPDF_Pages tree = pdf->root_pages;
    for (int turned = 0; turned < 2; ++turned) {
        std::string& head = head_[turned];
        head = "/Type /Page\n/Parent ";
        append_reference(head, tree);
        head += "\n/MediaBox [0 0 ";
        append_pdf_number(head, turned ? page_height_ : page_width_);
        head += ' ';
        append_pdf_number(head, turned ? page_width_ : page_height_);
        head += ']';
    }
    font_entries_.assign(kFaces, std::string());
    for (int f = 0; f < kFaces; ++f) {
        std::string& entry = font_entries_[static_cast<size_t>(f)];
        if (!fonts_[static_cast<size_t>(f)]) continue;  // a face the document has no font for
        entry += '/';
        entry += font_name(f);
        entry += ' ';
        append_reference(entry, fonts_[static_cast<size_t>(f)]);
        entry += ' ';
    }
    BP_TRY(numbers_.lend(pdf, count, [this](size_t i, std::string& out) { page_body(i, out); }));
    // libharu's page tree keeps its /Type; its /Kids and /Count are written from the lent numbers.
    BP_TRY(HPDF_Dict_RemoveElement(tree, "Kids"));
    BP_TRY(HPDF_Dict_RemoveElement(tree, "Count"));
    tree->before_write_fn = nullptr;
    tree->attr = this;
    tree->write_fn = write_kids;
    return HPDF_OK;
}

HPDF_STATUS PageObjects::write_kids(HPDF_Dict tree, HPDF_Stream stream) {
    const auto* self = static_cast<const PageObjects*>(tree->attr);
    std::string out = "/Kids [";
    for (size_t i = 0; i < self->pages_.size(); ++i) {
        if (i) out += ' ';
        self->reference(out, i);
    }
    out += "]\n/Count ";
    append_integer(out, static_cast<long long>(self->pages_.size()));
    out += '\n';
    return HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(out.data()), static_cast<HPDF_UINT>(out.size()));
}

void PageObjects::page_body(size_t i, std::string& out) const {
    const PageRecord& p = pages_[i];
    out += head_[p.landscape ? 1 : 0];
    if (p.content) {
        out += "\n/Contents ";
        if (p.footer) out += '[';
        append_integer(out, p.content);
        out += " 0 R";
        if (p.footer) {
            out += ' ';
            append_integer(out, p.footer);
            out += " 0 R]";
        }
    }
    out += "\n/Resources <<";
    if (p.faces) {
        out += "/Font <<";
        for (int f = 0; f < kFaces; ++f)
            if (p.faces & (1u << f)) out += font_entries_[static_cast<size_t>(f)];
        out += ">> ";
    }
    if (!p.xobjects.empty()) {
        out += "/XObject <<";
        for (size_t k = 0; k < p.xobjects.size(); ++k) {
            out += '/';
            out += xobject_name(k);
            out += ' ';
            append_reference(out, p.xobjects[k]);
            out += ' ';
        }
        out += ">>";
    }
    out += ">>";
    if (!first_link_.empty() && first_link_[i] < first_link_[i + 1]) {
        out += "\n/Annots [";
        for (uint32_t a = first_link_[i]; a < first_link_[i + 1]; ++a) {
            link_numbers_.reference(out, a);
            out += ' ';
        }
        out += ']';
    }
    out += "\n/StructParents ";
    append_integer(out, static_cast<long long>(i));
    out += "\n/Tabs /S\n";
}

void PageObjects::destination(std::string& out, size_t page, float top) const {
    out += '[';
    reference(out, page);
    out += " /FitH ";
    append_pdf_number(out, top);
    out += ']';
}

void PageObjects::add_link(const LinkAnnotation& link) { links_.push_back(link); }

HPDF_STATUS PageObjects::number_links(HPDF_Doc pdf) {
    first_link_.assign(pages_.size() + 1, 0);
    for (const LinkAnnotation& l : links_) ++first_link_[l.page + 1];
    for (size_t i = 1; i < first_link_.size(); ++i) first_link_[i] += first_link_[i - 1];
    return link_numbers_.lend(pdf, links_.size(), [this](size_t i, std::string& out) { link_body(i, out); });
}

const LinkAnnotation* PageObjects::link(size_t page, size_t item) const {
    if (page + 1 >= first_link_.size()) return nullptr;
    const auto begin = links_.begin() + first_link_[page], end = links_.begin() + first_link_[page + 1];
    const auto it = std::find_if(begin, end, [&](const LinkAnnotation& l) { return l.item_index == item; });
    return it == end ? nullptr : &*it;
}

void PageObjects::reference(std::string& out, const LinkAnnotation& link) const {
    link_numbers_.reference(out, static_cast<size_t>(&link - links_.data()));
}

void PageObjects::link_body(size_t i, std::string& out) const {
    const LinkAnnotation& l = links_[i];
    const LinkItem& item = *l.item;
    const double height = pages_[l.page].landscape ? page_width_ : page_height_;
    float bottom = static_cast<float>(height - item.y - item.h), top = static_cast<float>(height - item.y);
    if (top < bottom) std::swap(top, bottom);
    out += "/Type /Annot\n/Subtype /Link\n/Rect [";
    append_pdf_number(out, item.x);
    out += ' ';
    append_pdf_number(out, bottom);
    out += ' ';
    append_pdf_number(out, item.x + item.w);
    out += ' ';
    append_pdf_number(out, top);
    out += "]\n/Border [0 0 0]\n";
    if (l.to_page >= 0) {
        out += "/Dest ";
        destination(out, static_cast<size_t>(l.to_page), l.to_top);
    } else {
        out += "/A <</Type /Action /S /URI /URI ";
        append_uri(out, item.url);
        out += ">>";
    }
    out += "\n/P ";
    reference(out, l.page);
    // Printed, as PDF/A asks of an annotation.
    out += "\n/F 4";
    if (l.struct_parent >= 0) {
        out += "\n/StructParent ";
        append_integer(out, l.struct_parent);
    }
    if (!item.title.empty() || l.text) {
        out += "\n/Contents ";
        append_text_string(out, shortened(item.title.empty() ? *l.text : item.title, kMaxLabelChars));
    }
    out += '\n';
}

HPDF_STATUS PageObjects::add_outline(HPDF_Doc pdf, std::vector<Bookmark> bookmarks) {
    bookmarks_ = std::move(bookmarks);
    if (bookmarks_.empty()) return HPDF_OK;
    nodes_.assign(bookmarks_.size(), Node{});
    root_ = Node{};
    int32_t top = -1;  // the last level-0 bookmark, which level-1 ones hang under
    for (size_t b = 0; b < bookmarks_.size(); ++b) {
        const auto i = static_cast<int32_t>(b);
        const bool below = bookmarks_[b].entry->level > 0 && top >= 0;
        Node& parent = below ? nodes_[static_cast<size_t>(top)] : root_;
        nodes_[b].parent = below ? top : -1;
        nodes_[b].prev = parent.last;
        if (parent.last >= 0) nodes_[static_cast<size_t>(parent.last)].next = i;
        else parent.first = i;
        parent.last = i;
        ++parent.children;
        if (bookmarks_[b].entry->level == 0) top = i;
    }
    BP_TRY(outline_numbers_.lend(pdf, bookmarks_.size() + 1, [this](size_t i, std::string& out) { bookmark_body(i, out); }));
    return HPDF_Dict_Add(pdf->catalog, "Outlines", outline_numbers_.first());
}

void PageObjects::bookmark_body(size_t i, std::string& out) const {
    // Object 0 is the outline's dictionary, bookmark b object b + 1.
    const auto node = [this](int32_t b, std::string& to) { outline_numbers_.reference(to, static_cast<size_t>(b) + 1); };
    const Node& n = i == 0 ? root_ : nodes_[i - 1];
    if (i == 0) {
        out += "/Type /Outlines";
    } else {
        const Bookmark& b = bookmarks_[i - 1];
        out += "/Title ";
        append_text_string(out, shortened(b.entry->title, kMaxLabelChars));
        out += "\n/Parent ";
        if (n.parent >= 0) node(n.parent, out);
        else outline_numbers_.reference(out, 0);
        out += "\n/Dest ";
        destination(out, b.to.page, b.to.top);
    }
    if (n.prev >= 0) out += "\n/Prev ", node(n.prev, out);
    if (n.next >= 0) out += "\n/Next ", node(n.next, out);
    if (n.first >= 0) {
        out += "\n/First ", node(n.first, out);
        out += "\n/Last ", node(n.last, out);
        // The outline shows its bookmarks; each bookmark shows its own closed (a negative count).
        out += "\n/Count ";
        append_integer(out, i == 0 ? n.children : -n.children);
    }
    out += '\n';
}

}  // namespace boardpack::render::pdf

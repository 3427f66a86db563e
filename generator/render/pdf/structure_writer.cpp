#include "render/pdf/structure_writer.hpp"

#include <hpdf_objects.h>
#include <hpdf_list.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <string_view>

#include "render/pdf/pdf_objects.hpp"
#include "render/pdf/text_string.hpp"

namespace boardpack::render::pdf {

namespace {

// "12 0 R": a reference to an indirect object (libharu keeps its number in the low 24 bits).
void reference(std::string& out, const void* object) {
    const auto* h = static_cast<const HPDF_Obj_Header*>(object);
    char buf[16];
    const auto end = std::to_chars(buf, buf + sizeof buf, h->obj_id & 0x00FFFFFF).ptr;
    out.append(buf, static_cast<size_t>(end - buf));
    out += h->gen_no == 0 ? " 0 R" : " " + std::to_string(h->gen_no) + " R";
}

HPDF_STATUS write_span(HPDF_Stream stream, const RawObjects::Span& body) {
    return HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(body.bytes->data() + body.offset),
                             static_cast<HPDF_UINT>(body.size));
}

// libharu calls this inside the dictionary's << >>: the body we made.
HPDF_STATUS write_body(HPDF_Dict dict, HPDF_Stream stream) {
    return write_span(stream, *static_cast<const RawObjects::Span*>(dict->attr));
}

// The same for the one dictionary listed under every element's number: libharu writes the
// objects in order of number, so the n-th call is the n-th element (again from the first if
// the document is saved twice).
HPDF_STATUS write_element_body(HPDF_Dict dict, HPDF_Stream stream) {
    auto* raw = static_cast<RawObjects*>(dict->attr);
    raw->scratch.clear();
    raw->element_body(raw->next, raw->scratch);
    raw->next = (raw->next + 1) % raw->elements;
    return HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(raw->scratch.data()),
                             static_cast<HPDF_UINT>(raw->scratch.size()));
}

// An element's body, worked out when libharu writes it (kept as text, the bodies were a tenth
// of a large meeting's memory until saved): from the tree, the pages and the annotations,
// which the caller keeps until then.
struct ElementBodies {
    const StructureTree* tree;
    const std::vector<HPDF_Page>* pages;
    const std::vector<PageAnnotations>* annotations;
    HPDF_Dict root;
    size_t first_id;  // the first element's object number; the others follow it

    // "12 0 R" for element e.
    void element_reference(std::string& out, size_t e) const {
        char buf[24];
        const auto end = std::to_chars(buf, buf + sizeof buf, first_id + e).ptr;
        out.append(buf, static_cast<size_t>(end - buf));
        out += " 0 R";
    }

    // A Figure's alternative text (PDF/UA asks for it) and its layout box (PDF/UA asks for a
    // /BBox on a Figure too).
    static void figure(const FigureTag& tag, std::string& b) {
        b += "\n/Alt <";
        static const char* hex = "0123456789ABCDEF";
        for (unsigned char c : pdf_text_string(tag.alt)) {
            b += hex[c >> 4];
            b += hex[c & 15];
        }
        b += ">\n/A <</O /Layout /BBox [";
        for (int i = 0; i < 4; ++i) {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.2f", tag.bbox[i]);
            b += (i ? " " : "") + std::string(buf);
        }
        b += "]>>";
    }

    void operator()(size_t e, std::string& b) const {
        const StructElement& el = tree->elements[e];
        b += "/Type /StructElem\n/S /";
        b += el.type;
        b += "\n/P ";
        if (el.parent >= 0) element_reference(b, static_cast<size_t>(el.parent));
        else reference(b, root);
        // The element's page: its first marked content's; other pages' content names its page.
        int page = -1;
        const auto kids = tree->kids(e);
        for (const StructKid& k : kids)
            if (k.kind == StructKid::Kind::Content) {
                page = k.page;
                break;
            }
        if (page >= 0) {
            b += "\n/Pg ";
            reference(b, (*pages)[static_cast<size_t>(page)]);
        }
        if (std::string_view(el.type) == "TH") b += "\n/A <</O /Table /Scope /Column>>";
        if (const auto f = tree->figures.find(static_cast<int>(e)); f != tree->figures.end()) figure(f->second, b);
        b += "\n/K [";
        for (const StructKid& k : kids) {
            switch (k.kind) {
                case StructKid::Kind::Element: element_reference(b, static_cast<size_t>(k.index)); break;
                case StructKid::Kind::Content:
                    if (k.page == page) {
                        b += std::to_string(k.index);
                    } else {
                        b += "<</Type /MCR /Pg ";
                        reference(b, (*pages)[static_cast<size_t>(k.page)]);
                        b += " /MCID " + std::to_string(k.index) + ">>";
                    }
                    break;
                case StructKid::Kind::Annotation:
                    // The link's annotation as an object reference (OBJR).
                    if (HPDF_Annotation annot = (*annotations)[static_cast<size_t>(k.page)][static_cast<size_t>(k.index)]) {
                        b += "<</Type /OBJR /Obj ";
                        reference(b, annot);
                        b += " /Pg ";
                        reference(b, (*pages)[static_cast<size_t>(k.page)]);
                        b += ">>";
                    }
                    break;
            }
            b += ' ';
        }
        b += "]\n";
    }
};

class StructureWriter {
public:
    StructureWriter(HPDF_Doc pdf, const StructureTree& tree, const std::vector<HPDF_Page>& pages,
                    const std::vector<PageAnnotations>& annotations, RawObjects& bodies)
        : pdf_(pdf), mmgr_(pdf->mmgr), tree_(tree), pages_(pages), annotations_(annotations), bodies_(bodies) {}

    HPDF_STATUS write(const std::string& language) {
        next_key_ = static_cast<HPDF_INT32>(pages_.size());  // annotations' keys follow the pages'
        root_ = indirect_dict(pdf_);
        if (!root_) return fail(pdf_);
        // The parent tree's body is kept as text; the elements' are made as libharu writes them.
        bodies_.bytes.clear();
        bodies_.spans.assign(1, RawObjects::Span{&bodies_.bytes, 0, 0});
        BP_TRY(lend_numbers());
        bodies_.element_body = ElementBodies{&tree_, &pages_, &annotations_, root_, first_id_};
        for (size_t e = 0; e < tree_.elements.size(); ++e)
            for (const StructKid& k : tree_.kids(e))
                if (k.kind == StructKid::Kind::Annotation) BP_TRY(annotation(tree_.elements[e], k));
        RawObjects::Span& last = bodies_.spans.back();
        BP_TRY(parent_tree(last));
        last.size = bodies_.bytes.size();
        BP_TRY(HPDF_Dict_AddName(root_, "Type", "StructTreeRoot"));
        BP_TRY(HPDF_Dict_Add(root_, "K", elements_));
        HPDF_Dict catalog = pdf_->catalog;
        BP_TRY(HPDF_Dict_Add(catalog, "StructTreeRoot", root_));
        HPDF_Dict mark_info = HPDF_Dict_New(mmgr_);
        if (!mark_info) return fail(pdf_);
        BP_TRY(HPDF_Dict_Add(catalog, "MarkInfo", mark_info));
        BP_TRY(HPDF_Dict_AddBoolean(mark_info, "Marked", HPDF_TRUE));
        HPDF_String lang = HPDF_String_New(mmgr_, language.c_str(), nullptr);
        if (!lang) return fail(pdf_);
        return HPDF_Dict_Add(catalog, "Lang", lang);
    }

private:
    // The elements' one dictionary, numbered as the first, and the next numbers in libharu's
    // table lent to the others (consecutive: nothing else is numbered in between).
    HPDF_STATUS lend_numbers() {
        elements_ = indirect_dict(pdf_);
        if (!elements_) return fail(pdf_);
        first_id_ = elements_->header.obj_id & 0x00FFFFFF;
        bodies_.elements = tree_.elements.size();
        bodies_.next = 0;
        elements_->attr = &bodies_;
        elements_->write_fn = write_element_body;
        HPDF_Xref xref = pdf_->xref;
        bodies_.xref = xref;
        bodies_.first = xref->entries->count;
        bodies_.entries.assign(tree_.elements.size() - 1, HPDF_XrefEntry_Rec{HPDF_IN_USE_ENTRY, 0, 0, elements_});
        for (HPDF_XrefEntry_Rec& entry : bodies_.entries) {
            BP_TRY(HPDF_List_Add(xref->entries, &entry));
            ++bodies_.lent;
        }
        return HPDF_OK;
    }

    void element_reference(std::string& out, size_t e) const {
        ElementBodies{&tree_, &pages_, &annotations_, root_, first_id_}.element_reference(out, e);
    }

    // An indirect dictionary whose entries are the text of `body`, written by libharu in turn.
    HPDF_Dict raw_dict(RawObjects::Span& body) {
        HPDF_Dict d = indirect_dict(pdf_);
        if (d) {
            d->attr = &body;
            d->write_fn = write_body;
        }
        return d;
    }

    // A link annotation's structure parent key, with the link's text as its /Contents if
    // the writer gave it none, and the print flag PDF/A asks for.
    HPDF_STATUS annotation(const StructElement& el, const StructKid& k) {
        HPDF_Annotation annot = annotations_[static_cast<size_t>(k.page)][static_cast<size_t>(k.index)];
        if (!annot) return HPDF_OK;
        HPDF_Dict a = reinterpret_cast<HPDF_Dict>(annot);
        BP_TRY(HPDF_Dict_AddNumber(a, "StructParent", next_key_++));
        annotation_keys_.push_back(&el - tree_.elements.data());
        BP_TRY(HPDF_Dict_AddNumber(a, "F", 4));
        if (!has_key(a, "Contents")) {
            const auto t = tree_.link_text.find(static_cast<int>(&el - tree_.elements.data()));
            HPDF_Binary text = text_string(mmgr_, t == tree_.link_text.end() ? std::string() : t->second);
            if (!text) return fail(pdf_);
            BP_TRY(HPDF_Dict_Add(a, "Contents", text));
        }
        return HPDF_OK;
    }

    // Page i's content (key i) and each annotation (keys after the pages') to their elements.
    HPDF_STATUS parent_tree(RawObjects::Span& span) {
        std::string& b = bodies_.bytes;
        HPDF_Dict tree = raw_dict(span);
        if (!tree) return fail(pdf_);
        b += "/Nums [\n";
        for (size_t p = 0; p < pages_.size(); ++p) {
            BP_TRY(HPDF_Dict_AddNumber(pages_[p], "StructParents", static_cast<HPDF_INT32>(p)));
            BP_TRY(HPDF_Dict_AddName(pages_[p], "Tabs", "S"));
            b += std::to_string(p) + " [";
            for (int e : tree_.mcid_element[p]) {
                element_reference(b, static_cast<size_t>(e));
                b += ' ';
            }
            b += "]\n";
        }
        for (size_t a = 0; a < annotation_keys_.size(); ++a) {
            b += std::to_string(pages_.size() + a) + ' ';
            element_reference(b, static_cast<size_t>(annotation_keys_[a]));
            b += '\n';
        }
        b += "]\n";
        BP_TRY(HPDF_Dict_Add(root_, "ParentTree", tree));
        return HPDF_Dict_AddNumber(root_, "ParentTreeNextKey", next_key_);
    }

    HPDF_Doc pdf_;
    HPDF_MMgr mmgr_;
    const StructureTree& tree_;
    const std::vector<HPDF_Page>& pages_;
    const std::vector<PageAnnotations>& annotations_;
    RawObjects& bodies_;
    HPDF_Dict root_ = nullptr;
    HPDF_Dict elements_ = nullptr;  // all the elements' one dictionary
    size_t first_id_ = 0;           // the first element's object number
    std::vector<ptrdiff_t> annotation_keys_;  // per annotation key (after the pages'), its element
    HPDF_INT32 next_key_ = 0;
};

}  // namespace

RawObjects::~RawObjects() {
    // The lent entries leave libharu's table, which would free them (and the dictionary) each.
    if (!xref || lent == 0) return;
    HPDF_List list = xref->entries;
    std::copy(list->obj + first + lent, list->obj + list->count, list->obj + first);
    list->count -= static_cast<HPDF_UINT>(lent);
}

HPDF_STATUS write_structure(HPDF_Doc pdf, const StructureTree& tree, const std::vector<HPDF_Page>& pages,
                            const std::vector<PageAnnotations>& annotations, const std::string& language,
                            RawObjects& bodies) {
    return StructureWriter(pdf, tree, pages, annotations, bodies).write(language);
}

}  // namespace boardpack::render::pdf

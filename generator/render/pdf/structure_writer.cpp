#include "render/pdf/structure_writer.hpp"

#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <string_view>

#include "render/pdf/pdf_objects.hpp"
#include "render/pdf/text_string.hpp"

namespace boardpack::render::pdf {

namespace {

// The structure types' names by StructElement::type_index, their lengths counted once, not
// for each element.
constexpr auto kTypeNames = [] {
    std::array<std::string_view, std::size(kStructTypes)> names{};
    for (size_t i = 0; i < names.size(); ++i) names[i] = kStructTypes[i];
    return names;
}();

// The index in kStructTypes of the type named (compared as a number, not as text).
constexpr uint8_t struct_type(std::string_view name) {
    for (size_t i = 0; i < kTypeNames.size(); ++i)
        if (name == kTypeNames[i]) return static_cast<uint8_t>(i);
    throw "not a structure type";  // at compile time: a name that is not one does not compile
}
constexpr uint8_t kFigureType = struct_type("Figure"), kTHType = struct_type("TH"), kTBodyType = struct_type("TBody");

// An element's body, worked out when libharu writes it (kept as text, the bodies were a tenth
// of a large meeting's memory until saved): from the tree, the pages and the annotations,
// which the caller keeps until then.
struct ElementBodies {
    const StructureTree* tree;
    const PageObjects* pages;
    HPDF_Dict root;
    const LentObjects* numbers;  // the elements'

    // A Figure's alternative text (PDF/UA asks for it) and its layout box (PDF/UA asks for a
    // /BBox on a Figure too).
    static void figure(const FigureTag& tag, std::string& b) {
        b += "\n/Alt ";
        append_text_string(b, tag.alt);
        b += "\n/A <</O /Layout /BBox [";
        for (int i = 0; i < 4; ++i) {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.2f", tag.bbox[i]);
            b += (i ? " " : "") + std::string(buf);
        }
        b += "]>>";
    }

    // Written through RawAppend: a packet's PDFs have some 7.000 elements. Each piece below is
    // counted in the room made for it; an element of a few children (nearly all) is written in
    // one piece of room, from its /Type to the end of its /K.
    void operator()(size_t e, std::string& b) const {
        const StructElement& el = tree->elements[e];
        const std::string_view type = kTypeNames[el.type_index];
        // The element's page: its first marked content's; other pages' content names its page.
        int page = -1;
        const auto kids = tree->kids(e);
        for (const StructKid& k : kids)
            if (k.kind == StructKid::Kind::Content) {
                page = k.page;
                break;
            }
        // Only a Figure has a tag (looked up in the map for it alone).
        const FigureTag* tag = nullptr;
        if (el.type_index == kFigureType)
            if (const auto f = tree->figures.find(static_cast<int>(e)); f != tree->figures.end()) tag = &f->second;
        // Room is made for a block of children at a time, not for them all: the room is zeroed,
        // so it is memory touched, and the Document element of a large packet has thousands of
        // children (at ten times the example, room for them all was 0,4 MB for some 50 KB written).
        size_t from = 0;
        {
            const size_t first = tag ? 0 : std::min(kids.size(), kKidsAtOnce);
            RawAppend out(b, kHead + type.size() + 2 * RawAppend::kReference + first * kKid + kEnd);
            head(el, type, page, out);
            if (!tag) {
                out.lit("\n/K [");
                for (; from < first; ++from) kid(kids[from], page, out);
                if (from == kids.size()) {
                    out.lit("]\n");
                    return;
                }
            }
        }
        if (tag) {
            figure(*tag, b);
            b += "\n/K [";
        }
        for (; from < kids.size(); from += kKidsAtOnce) {
            const size_t to = std::min(kids.size(), from + kKidsAtOnce);
            RawAppend out(b, (to - from) * kKid);
            for (size_t i = from; i < to; ++i) kid(kids[i], page, out);
        }
        b += "]\n";
    }

    // The most head() writes besides the type and two references, and what ends the /K.
    static constexpr size_t kHead = 80 + 8, kEnd = 2;

    // From /Type to the TH's scope: all but the figure's tag and the children.
    void head(const StructElement& el, std::string_view type, int page, RawAppend& out) const {
        out.lit("/Type /StructElem\n/S /");
        out.str(type);
        out.lit("\n/P ");
        out.reference(el.parent >= 0 ? numbers->number(static_cast<size_t>(el.parent)) : object_number(root));
        if (page >= 0) {
            out.lit("\n/Pg ");
            out.reference(pages->number(static_cast<size_t>(page)));
        }
        // A TH heads its column in the THead, its row in the TBody (the row's label).
        if (el.type_index == kTHType) {
            const int row = el.parent;
            const int part = row >= 0 ? tree->elements[static_cast<size_t>(row)].parent : -1;
            const bool body = part >= 0 && tree->elements[static_cast<size_t>(part)].type_index == kTBodyType;
            if (body)
                out.lit("\n/A <</O /Table /Scope /Row>>");
            else
                out.lit("\n/A <</O /Table /Scope /Column>>");
        }
    }

    // A child is at most "<</Type /OBJR /Obj 12 0 R /Pg 13 0 R>> " (or an MCR, shorter).
    static constexpr size_t kKid = 32 + 2 * RawAppend::kReference;
    static constexpr size_t kKidsAtOnce = 64;

    // One child in the /K array of an element whose page is `page`, and a space.
    void kid(const StructKid& k, int page, RawAppend& out) const {
        switch (k.kind) {
            case StructKid::Kind::Element: out.reference(numbers->number(static_cast<size_t>(k.index))); break;
            case StructKid::Kind::Content:
                if (k.page == page) {
                    out.integer(static_cast<uint64_t>(k.index));
                } else {
                    out.lit("<</Type /MCR /Pg ");
                    out.reference(pages->number(static_cast<size_t>(k.page)));
                    out.lit(" /MCID ");
                    out.integer(static_cast<uint64_t>(k.index));
                    out.lit(">>");
                }
                break;
            case StructKid::Kind::Annotation:
                // The link's annotation as an object reference (OBJR).
                if (const LinkAnnotation* annot = pages->link(static_cast<size_t>(k.page), static_cast<size_t>(k.index))) {
                    out.lit("<</Type /OBJR /Obj ");
                    out.reference(pages->number(*annot));
                    out.lit(" /Pg ");
                    out.reference(pages->number(static_cast<size_t>(k.page)));
                    out.lit(">>");
                }
                break;
        }
        out.put(' ');
    }
};

class StructureWriter {
public:
    StructureWriter(HPDF_Doc pdf, const StructureTree& tree, PageObjects& pages, StructureObjects& objects)
        : pdf_(pdf), mmgr_(pdf->mmgr), tree_(tree), pages_(pages), objects_(objects) {}

    HPDF_STATUS write(const std::string& language) {
        next_key_ = static_cast<HPDF_INT32>(pages_.size());  // annotations' keys follow the pages'
        root_ = indirect_dict(pdf_);
        if (!root_) return fail(pdf_);
        // The elements' bodies are made as libharu writes them; the parent tree's is kept as text.
        BP_TRY(objects_.elements.lend(pdf_, tree_.elements.size(),
                                      ElementBodies{&tree_, &pages_, root_, &objects_.elements}));
        for (size_t e = 0; e < tree_.elements.size(); ++e)
            for (const StructKid& k : tree_.kids(e))
                if (k.kind == StructKid::Kind::Annotation) annotation(e, k);
        BP_TRY(parent_tree());
        BP_TRY(HPDF_Dict_AddName(root_, "Type", "StructTreeRoot"));
        BP_TRY(HPDF_Dict_Add(root_, "K", objects_.elements.first()));
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
    // A link annotation's structure parent key, and its Link element's text for its /Contents
    // if the link has no title of its own.
    void annotation(size_t e, const StructKid& k) {
        LinkAnnotation* annot = pages_.link(static_cast<size_t>(k.page), static_cast<size_t>(k.index));
        if (!annot) return;
        annot->struct_parent = next_key_++;
        annotation_keys_.push_back(e);
        static const std::string kNone;
        const auto t = tree_.link_text.find(static_cast<int>(e));
        annot->text = t == tree_.link_text.end() ? &kNone : &t->second;
    }

    // Page i's content (key i) and each annotation (keys after the pages') to their elements.
    HPDF_STATUS parent_tree() {
        std::string& b = objects_.parent_tree_body;
        b = "/Nums [\n";
        for (size_t p = 0; p < pages_.size(); ++p) {
            // Through RawAppend: some 7.500 references in the example's four PDFs.
            const std::vector<int>& elements = tree_.mcid_element[p];
            RawAppend out(b, RawAppend::kInteger + 4 + elements.size() * (RawAppend::kReference + 1));
            out.integer(p);
            out.lit(" [");
            for (int e : elements) {
                out.reference(objects_.elements.number(static_cast<size_t>(e)));
                out.put(' ');
            }
            out.lit("]\n");
        }
        for (size_t a = 0; a < annotation_keys_.size(); ++a) {
            append_integer(b, static_cast<long long>(pages_.size() + a));
            b += ' ';
            objects_.elements.reference(b, annotation_keys_[a]);
            b += '\n';
        }
        b += "]\n";
        BP_TRY(objects_.parent_tree.lend(pdf_, 1, [&b](size_t, std::string& out) { out += b; }));
        BP_TRY(HPDF_Dict_Add(root_, "ParentTree", objects_.parent_tree.first()));
        return HPDF_Dict_AddNumber(root_, "ParentTreeNextKey", next_key_);
    }

    HPDF_Doc pdf_;
    HPDF_MMgr mmgr_;
    const StructureTree& tree_;
    PageObjects& pages_;
    StructureObjects& objects_;
    HPDF_Dict root_ = nullptr;
    std::vector<size_t> annotation_keys_;  // per annotation key (after the pages'), its element
    HPDF_INT32 next_key_ = 0;
};

}  // namespace

HPDF_STATUS write_structure(HPDF_Doc pdf, const StructureTree& tree, PageObjects& pages, const std::string& language,
                            StructureObjects& objects) {
    return StructureWriter(pdf, tree, pages, objects).write(language);
}

}  // namespace boardpack::render::pdf

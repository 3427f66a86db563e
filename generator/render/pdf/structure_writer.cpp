#include "render/pdf/structure_writer.hpp"

#include <hpdf_objects.h>

#include <string_view>

#include "render/pdf/pdf_objects.hpp"

namespace boardpack::render::pdf {

namespace {

// Stops at the first failure; libharu has recorded it.
#define BP_TRY(call)                                          \
    do {                                                      \
        const HPDF_STATUS bp_status_ = (call);                \
        if (bp_status_ != HPDF_OK) return bp_status_;         \
    } while (0)

HPDF_STATUS fail(HPDF_Doc pdf) { return pdf->error.error_no != HPDF_OK ? pdf->error.error_no : HPDF_FAILD_TO_ALLOC_MEM; }

class StructureWriter {
public:
    StructureWriter(HPDF_Doc pdf, const StructureTree& tree, const std::vector<HPDF_Page>& pages,
                    const std::vector<PageAnnotations>& annotations)
        : pdf_(pdf), mmgr_(pdf->mmgr), tree_(tree), pages_(pages), annotations_(annotations) {}

    HPDF_STATUS write(const std::string& language) {
        next_key_ = static_cast<HPDF_INT32>(pages_.size());  // annotations' keys follow the pages'
        root_ = indirect_dict(pdf_);
        if (!root_) return fail(pdf_);
        for (size_t e = 0; e < tree_.elements.size(); ++e) {
            HPDF_Dict d = indirect_dict(pdf_);
            if (!d) return fail(pdf_);
            elements_.push_back(d);
        }
        for (size_t e = 0; e < tree_.elements.size(); ++e) BP_TRY(element(e));
        BP_TRY(parent_tree());
        BP_TRY(HPDF_Dict_AddName(root_, "Type", "StructTreeRoot"));
        BP_TRY(HPDF_Dict_Add(root_, "K", elements_[0]));
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
    HPDF_STATUS element(size_t e) {
        const StructElement& el = tree_.elements[e];
        HPDF_Dict d = elements_[e];
        BP_TRY(HPDF_Dict_AddName(d, "Type", "StructElem"));
        BP_TRY(HPDF_Dict_AddName(d, "S", el.type));
        BP_TRY(HPDF_Dict_Add(d, "P", el.parent >= 0 ? elements_[static_cast<size_t>(el.parent)] : root_));
        // The element's page: its first marked content's; other pages' content names its page.
        int page = -1;
        for (const StructKid& k : el.kids)
            if (k.kind == StructKid::Kind::Content) {
                page = k.page;
                break;
            }
        if (page >= 0) BP_TRY(HPDF_Dict_Add(d, "Pg", pages_[static_cast<size_t>(page)]));
        if (std::string_view(el.type) == "TH") {
            HPDF_Dict a = HPDF_Dict_New(mmgr_);
            if (!a) return fail(pdf_);
            BP_TRY(HPDF_Dict_Add(d, "A", a));
            BP_TRY(HPDF_Dict_AddName(a, "O", "Table"));
            BP_TRY(HPDF_Dict_AddName(a, "Scope", "Column"));
        }
        HPDF_Array kids = HPDF_Array_New(mmgr_);
        if (!kids) return fail(pdf_);
        BP_TRY(HPDF_Dict_Add(d, "K", kids));
        for (const StructKid& k : el.kids) {
            switch (k.kind) {
                case StructKid::Kind::Element: BP_TRY(HPDF_Array_Add(kids, elements_[static_cast<size_t>(k.index)])); break;
                case StructKid::Kind::Content:
                    if (k.page == page) {
                        BP_TRY(HPDF_Array_AddNumber(kids, k.index));
                    } else {
                        HPDF_Dict mcr = HPDF_Dict_New(mmgr_);
                        if (!mcr) return fail(pdf_);
                        BP_TRY(HPDF_Array_Add(kids, mcr));
                        BP_TRY(HPDF_Dict_AddName(mcr, "Type", "MCR"));
                        BP_TRY(HPDF_Dict_Add(mcr, "Pg", pages_[static_cast<size_t>(k.page)]));
                        BP_TRY(HPDF_Dict_AddNumber(mcr, "MCID", k.index));
                    }
                    break;
                case StructKid::Kind::Annotation: BP_TRY(annotation(kids, el, k)); break;
            }
        }
        return HPDF_OK;
    }

    // A link annotation as an object reference (OBJR), with the link's text as its /Contents if
    // the writer gave it none, and the print flag PDF/A asks for.
    HPDF_STATUS annotation(HPDF_Array kids, const StructElement& el, const StructKid& k) {
        HPDF_Annotation annot = annotations_[static_cast<size_t>(k.page)][static_cast<size_t>(k.index)];
        if (!annot) return HPDF_OK;
        HPDF_Dict a = reinterpret_cast<HPDF_Dict>(annot);
        HPDF_Dict objr = HPDF_Dict_New(mmgr_);
        if (!objr) return fail(pdf_);
        BP_TRY(HPDF_Array_Add(kids, objr));
        BP_TRY(HPDF_Dict_AddName(objr, "Type", "OBJR"));
        BP_TRY(HPDF_Dict_Add(objr, "Obj", a));
        BP_TRY(HPDF_Dict_Add(objr, "Pg", pages_[static_cast<size_t>(k.page)]));
        BP_TRY(HPDF_Dict_AddNumber(a, "StructParent", next_key_++));
        annotation_keys_.push_back(&el - tree_.elements.data());
        BP_TRY(HPDF_Dict_AddNumber(a, "F", 4));
        if (!has_key(a, "Contents")) {
            HPDF_Binary text = text_string(mmgr_, el.text);
            if (!text) return fail(pdf_);
            BP_TRY(HPDF_Dict_Add(a, "Contents", text));
        }
        return HPDF_OK;
    }

    // Page i's content (key i) and each annotation (keys after the pages) to their elements.
    HPDF_STATUS parent_tree() {
        HPDF_Dict tree = indirect_dict(pdf_);
        HPDF_Array nums = HPDF_Array_New(mmgr_);
        if (!tree || !nums) return fail(pdf_);
        BP_TRY(HPDF_Dict_Add(tree, "Nums", nums));
        for (size_t p = 0; p < pages_.size(); ++p) {
            BP_TRY(HPDF_Dict_AddNumber(pages_[p], "StructParents", static_cast<HPDF_INT32>(p)));
            BP_TRY(HPDF_Dict_AddName(pages_[p], "Tabs", "S"));
            HPDF_Array owners = HPDF_Array_New(mmgr_);
            if (!owners) return fail(pdf_);
            BP_TRY(HPDF_Array_AddNumber(nums, static_cast<HPDF_INT32>(p)));
            BP_TRY(HPDF_Array_Add(nums, owners));
            for (int e : tree_.mcid_element[p]) BP_TRY(HPDF_Array_Add(owners, elements_[static_cast<size_t>(e)]));
        }
        for (size_t a = 0; a < annotation_keys_.size(); ++a) {
            BP_TRY(HPDF_Array_AddNumber(nums, static_cast<HPDF_INT32>(pages_.size() + a)));
            BP_TRY(HPDF_Array_Add(nums, elements_[static_cast<size_t>(annotation_keys_[a])]));
        }
        BP_TRY(HPDF_Dict_Add(root_, "ParentTree", tree));
        return HPDF_Dict_AddNumber(root_, "ParentTreeNextKey", next_key_);
    }

    HPDF_Doc pdf_;
    HPDF_MMgr mmgr_;
    const StructureTree& tree_;
    const std::vector<HPDF_Page>& pages_;
    const std::vector<PageAnnotations>& annotations_;
    HPDF_Dict root_ = nullptr;
    std::vector<HPDF_Dict> elements_;
    std::vector<ptrdiff_t> annotation_keys_;  // per annotation key (after the pages'), its element
    HPDF_INT32 next_key_ = 0;
};

}  // namespace

HPDF_STATUS write_structure(HPDF_Doc pdf, const StructureTree& tree, const std::vector<HPDF_Page>& pages,
                            const std::vector<PageAnnotations>& annotations, const std::string& language) {
    return StructureWriter(pdf, tree, pages, annotations).write(language);
}

}  // namespace boardpack::render::pdf

#include "render/pdf/lent_objects.hpp"

#include <hpdf_list.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <cstring>
#include <functional>

#include "render/pdf/pdf_objects.hpp"

namespace boardpack::render::pdf {

namespace {

// Room in libharu's list for `more` entries, made at once: HPDF_List_Add grows a list a block
// (1024 entries of the cross-reference table) at a time, copying all of it a byte at a time
// each time (some 550.000 instructions of the example's lent numbers). A block is left to
// spare, as libharu leaves one, for the objects libharu adds after.
HPDF_STATUS make_room(HPDF_List list, size_t more) {
    const size_t need = list->count + more;
    if (need <= list->block_siz) return HPDF_OK;
    const size_t capacity = need + list->items_per_block;
    auto* grown = static_cast<void**>(HPDF_GetMem(list->mmgr, static_cast<HPDF_UINT>(capacity * sizeof(void*))));
    if (!grown) return HPDF_Error_GetCode(list->error);
    if (list->obj) {
        std::memcpy(grown, list->obj, list->count * sizeof(void*));
        HPDF_FreeMem(list->mmgr, list->obj);
    }
    list->obj = grown;
    list->block_siz = static_cast<HPDF_UINT>(capacity);
    return HPDF_OK;
}

// "12 0 R", made backwards in place and appended at once (not four appends: a page's fonts, a
// bookmark's neighbours).
void append_ref(std::string& out, uint64_t number, unsigned generation) {
    char line[2 * RawAppend::kInteger + 3];
    char* const end = line + sizeof line;
    char* at = end - 2;
    std::memcpy(at, " R", 2);
    at = put_digits_before(at, generation);
    *--at = ' ';
    at = put_digits_before(at, number);
    out.append(at, static_cast<size_t>(end - at));
}

}  // namespace

void append_reference(std::string& out, const void* object) {
    append_ref(out, object_number(object), static_cast<const HPDF_Obj_Header*>(object)->gen_no);
}

HPDF_STATUS LentObjects::lend(HPDF_Doc pdf, size_t count, Body body, Tail tail) {
    if (dict_) return HPDF_SetError(&pdf->error, HPDF_INVALID_OBJECT, 0);
    body_ = std::move(body);
    tail_ = std::move(tail);
    count_ = count;
    if (count == 0) return HPDF_OK;
    dict_ = indirect_dict(pdf);
    if (!dict_) return fail(pdf);
    first_number_ = dict_->header.obj_id & 0x00FFFFFF;
    dict_->attr = this;
    dict_->write_fn = refuse;
    xref_ = pdf->xref;
    entries_.assign(count - 1, HPDF_XrefEntry_Rec{HPDF_IN_USE_ENTRY, 0, 0, dict_});
    HPDF_List list = xref_->entries;
    BP_TRY(make_room(list, entries_.size()));
    for (HPDF_XrefEntry_Rec& entry : entries_) list->obj[list->count++] = &entry;  // as HPDF_List_Add adds
    lent_ = entries_.size();
    return HPDF_OK;
}

void LentObjects::reference(std::string& out, size_t n) const { append_ref(out, number(n), 0); }

const LentObjects* LentObjects::of(const void* object) {
    const auto* header = static_cast<const HPDF_Obj_Header*>(object);
    if ((header->obj_class & HPDF_OCLASS_ANY) != HPDF_OCLASS_DICT) return nullptr;
    const auto* dict = static_cast<const HPDF_Dict_Rec*>(object);
    return dict->write_fn == refuse ? static_cast<const LentObjects*>(dict->attr) : nullptr;
}

HPDF_STATUS LentObjects::write_tail(size_t number, HPDF_Stream stream) const {
    return tail_(number - first_number_, stream);
}

HPDF_STATUS LentObjects::refuse(HPDF_Dict dict, HPDF_Stream) {
    return HPDF_SetError(dict->error, HPDF_INVALID_OPERATION, 0);
}

LentObjects::~LentObjects() {
    if (!xref_ || lent_ == 0) return;
    // Found by address, not by place: another group may have left the table before this one.
    const HPDF_XrefEntry_Rec* begin = entries_.data();
    const HPDF_XrefEntry_Rec* end = begin + entries_.size();
    HPDF_List list = xref_->entries;
    void** last = std::remove_if(list->obj, list->obj + list->count, [&](void* p) {
        const auto* e = static_cast<const HPDF_XrefEntry_Rec*>(p);
        const std::less<const HPDF_XrefEntry_Rec*> before;
        return !before(e, begin) && before(e, end);
    });
    list->count = static_cast<HPDF_UINT>(last - list->obj);
}

}  // namespace boardpack::render::pdf

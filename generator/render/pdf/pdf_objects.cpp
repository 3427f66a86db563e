#include "render/pdf/pdf_objects.hpp"

#include <hpdf_list.h>

#include <cstring>
#include <string>

#include "render/pdf/text_string.hpp"

namespace boardpack::render::pdf {

HPDF_Binary text_string(HPDF_MMgr mmgr, std::string_view utf8) {
    std::string bytes = pdf_text_string(utf8);
    return HPDF_Binary_New(mmgr, reinterpret_cast<HPDF_BYTE*>(bytes.data()), static_cast<HPDF_UINT>(bytes.size()));
}

HPDF_Dict indirect_dict(HPDF_Doc pdf) {
    HPDF_Dict d = HPDF_Dict_New(pdf->mmgr);
    if (d && HPDF_Xref_Add(pdf->xref, d) != HPDF_OK) return nullptr;  // libharu freed it
    return d;
}

bool has_key(HPDF_Dict dict, const char* key) {
    for (HPDF_UINT i = 0; i < dict->list->count; ++i) {
        const auto* element = static_cast<HPDF_DictElement>(HPDF_List_ItemAt(dict->list, i));
        if (std::strcmp(element->key, key) == 0) return true;
    }
    return false;
}

}  // namespace boardpack::render::pdf

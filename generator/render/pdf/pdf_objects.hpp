// Small helpers over libharu's low-level object API (hpdf_objects.h), shared by the files that
// build tagged-PDF and PDF/A objects libharu has no calls for.
#pragma once

#include <hpdf.h>
#include <hpdf_objects.h>

#include <string_view>

// Stops the enclosing function at the first failed libharu call, returning its status;
// libharu has recorded the error.
#define BP_TRY(call)                                          \
    do {                                                      \
        const HPDF_STATUS bp_status_ = (call);                \
        if (bp_status_ != HPDF_OK) return bp_status_;         \
    } while (0)

namespace boardpack::render::pdf {

// The status of a libharu call that returned no object: the error it recorded, else (none
// recorded) out of memory.
inline HPDF_STATUS fail(HPDF_Doc pdf) {
    return pdf->error.error_no != HPDF_OK ? pdf->error.error_no : HPDF_FAILD_TO_ALLOC_MEM;
}

// A PDF text string in UTF-16BE with its byte-order mark (any Unicode), written as <hex>.
HPDF_Binary text_string(HPDF_MMgr mmgr, std::string_view utf8);

// A new dictionary registered as an indirect object (so any number of others can refer to it).
HPDF_Dict indirect_dict(HPDF_Doc pdf);

// Whether the dictionary has the key (HPDF_Dict_GetItem would record an error for an entry of
// another type than asked for).
bool has_key(HPDF_Dict dict, const char* key);

}  // namespace boardpack::render::pdf

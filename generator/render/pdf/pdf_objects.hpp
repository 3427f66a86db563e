// Small helpers over libharu's low-level object API (hpdf_objects.h), shared by the files that
// build tagged-PDF and PDF/A objects libharu has no calls for.
#pragma once

#include <hpdf.h>
#include <hpdf_objects.h>

#include <string_view>

namespace boardpack::render::pdf {

// A PDF text string in UTF-16BE with its byte-order mark (any Unicode), written as <hex>.
HPDF_Binary text_string(HPDF_MMgr mmgr, std::string_view utf8);

// A new dictionary registered as an indirect object (so any number of others can refer to it).
HPDF_Dict indirect_dict(HPDF_Doc pdf);

// Whether the dictionary has the key (HPDF_Dict_GetItem would record an error for an entry of
// another type than asked for).
bool has_key(HPDF_Dict dict, const char* key);

}  // namespace boardpack::render::pdf

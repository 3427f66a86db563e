// libharu's error codes in words, for messages: "libharu error 0x105B" says nothing to the
// person who wrote a 65.500-character title.
#pragma once

#include <string>

namespace boardpack::render::pdf {

// libharu's limits that boardpack's input can reach.
inline constexpr size_t kMaxPdfPages = 32767;         // entries in the page list (HPDF_LIMIT_MAX_ARRAY)
inline constexpr size_t kMaxPdfStringBytes = 65535;   // a text object: bookmark, title (HPDF_LIMIT_MAX_STRING_LEN)

// "libharu error 0x105B: a text is longer than ..." (the code, its meaning where known, and
// libharu's detail number when it has one).
std::string haru_error_text(unsigned long code, unsigned long detail);

}  // namespace boardpack::render::pdf

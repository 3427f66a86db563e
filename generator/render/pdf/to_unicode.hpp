// The ToUnicode CMap of a font the PDF embeds: which characters each two-byte code stands for,
// so that text extraction (pdftotext, a screen reader, copy and paste) gives back exactly
// what was written. libharu's own map is for its single-byte encodings; this one is written here.
#pragma once

#include <string>
#include <vector>

namespace boardpack::render::pdf {

// The CMap program for codes 1 .. n, code i + 1 standing for characters[i].
std::string to_unicode_cmap(const std::vector<char32_t>& characters);

}  // namespace boardpack::render::pdf

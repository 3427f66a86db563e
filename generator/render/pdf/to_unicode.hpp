// The ToUnicode CMap of a font the PDF embeds: which characters each code stands for,
// so that text extraction (pdftotext, a screen reader, copy and paste) gives back exactly
// what was written. libharu's own map is for its single-byte encodings; this one is written here.
#pragma once

#include <string>
#include <vector>

namespace boardpack::render::pdf {

// The CMap program for codes 1 .. n, code i + 1 standing for characters[i]: one-byte codes
// for at most 255 characters (FontPlan::one_byte), else two-byte.
std::string to_unicode_cmap(const std::vector<char32_t>& characters);

// The encoding of a font with one-byte codes: an embedded CMap (PDF 32000-1, 9.7.5.3) mapping
// byte b to CID b, as Identity-H maps two bytes; its name, and its program.
inline constexpr const char* kOneByteCMapName = "Boardpack-OneByte-Identity-H";
std::string one_byte_cmap();

}  // namespace boardpack::render::pdf

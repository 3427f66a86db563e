// The ToUnicode CMap of a font the PDF embeds: which characters each code stands for,
// so that text extraction (pdftotext, a screen reader, copy and paste) gives back exactly
// what was written. libharu's own map is for its single-byte encodings; this one is written here.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace boardpack::render::pdf {

// The CMap program for `codes`, codes[i] standing for characters[i] (character_codes.hpp):
// one-byte codes if every code is below 256, else two-byte.
std::string to_unicode_cmap(const std::vector<char32_t>& characters, const std::vector<uint16_t>& codes);

// The encoding of a font with one-byte codes: an embedded CMap (PDF 32000-1, 9.7.5.3) mapping
// byte b to CID b, as Identity-H maps two bytes; its name, and its program.
inline constexpr const char* kOneByteCMapName = "Boardpack-OneByte-Identity-H";
std::string one_byte_cmap();

}  // namespace boardpack::render::pdf

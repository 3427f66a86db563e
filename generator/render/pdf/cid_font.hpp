// One face embedded as a PDF Type0 font over a CIDFontType2 (TrueType) font: the
// face's hb-subset subset of the characters the document prints with it, their widths, and a
// ToUnicode map written here. Built with libharu's object API (libharu 2.3's own TrueType
// fonts are single-byte, Windows-1252 at most).
#pragma once

#include <hpdf.h>

#include <string>
#include <vector>

#include "render/pdf/font_files.hpp"

namespace boardpack::render::pdf {

// The Type0 font dictionary (an indirect object of `doc`, for a page's /Font resources) for
// `face` printing `characters` (sorted), each with its code (character_codes.hpp), one byte
// each or two; nullptr with *why set on failure.
// The one-byte encoding CMap is one stream per document: `*one_byte_encoding` is made by the
// first font that needs it (start with nullptr) and taken by the others.
HPDF_Dict embed_cid_font(HPDF_Doc doc, const FontFiles& fonts, int face, const std::vector<char32_t>& characters,
                         HPDF_Dict* one_byte_encoding, std::string* why);

// The six capital letters that tag a subset's font name ("ABCDEF+Carlito"), from its face and
// characters, so that the same subset is always named the same and two subsets never alike.
std::string subset_tag(int face, const std::vector<char32_t>& characters);

}  // namespace boardpack::render::pdf

// Strings for the PDF's dictionaries (document information, bookmarks, link descriptions) as
// PDF text strings in UTF-16BE with a byte order mark, so that any character survives.
#pragma once

#include <hpdf.h>

#include <string>
#include <string_view>

namespace boardpack::render::pdf {

// UTF-8 as UTF-16BE bytes, without a byte order mark (characters beyond the BMP as surrogate
// pairs); what a ToUnicode map and a text string hold.
std::string utf16be(std::u32string_view text);

// UTF-8 as a PDF text string's bytes: FE FF, then UTF-16BE.
std::string pdf_text_string(std::string_view utf8);

// The same appended to a body we write ourselves, as a hex string: <FEFF...>.
void append_text_string(std::string& out, std::string_view utf8);

// The same as a libharu object for a dictionary entry (a hex string); nullptr with *why set
// if it is longer than libharu's limit for a string or out of memory.
HPDF_Binary text_string_object(HPDF_Doc doc, std::string_view utf8, std::string* why);

}  // namespace boardpack::render::pdf

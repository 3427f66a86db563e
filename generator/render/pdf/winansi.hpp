// Text for the PDF's fonts: the embedded TrueType fonts are used with the Windows-1252
// ("WinAnsi") encoding, which poppler and every viewer map back to Unicode exactly. It holds
// all Danish letters and the usual punctuation (– — “ ” ‘ ’ € §).
#pragma once

#include <string>
#include <string_view>

namespace boardpack::render::pdf {

// The Windows-1252 byte for a code point, or 0 if it has none.
unsigned char winansi_byte(char32_t cp);

// Converts UTF-8 to Windows-1252. Characters without a byte get a close stand-in where one
// exists (U+2212 minus -> "-", non-breaking hyphen -> "-", thin spaces -> " "), else "?";
// each such character is appended (UTF-8) to *replaced if given.
std::string to_winansi(std::string_view utf8, std::string* replaced = nullptr);

}  // namespace boardpack::render::pdf

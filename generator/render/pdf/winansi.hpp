// Text for the PDF's fonts: the embedded TrueType fonts are used with the Windows-1252
// ("WinAnsi") encoding, which poppler and every viewer map back to Unicode exactly. It holds
// all Danish letters and the usual punctuation (– — “ ” ‘ ’ € §).
#pragma once

#include <string>
#include <string_view>

namespace boardpack::render::pdf {

// The Windows-1252 byte for a code point, or 0 if it has none.
unsigned char winansi_byte(char32_t cp);

// The code point a Windows-1252 byte stands for, or 0 if the byte is unassigned.
char32_t winansi_code_point(unsigned char byte);

// Converts UTF-8 to Windows-1252. Characters without a byte get a close stand-in where one
// exists (U+2212 minus -> "-", non-breaking hyphen -> "-", thin spaces -> " "), else "?";
// each such character is appended (UTF-8) to *replaced if given.
std::string to_winansi(std::string_view utf8, std::string* replaced = nullptr);

// The byte a code point is printed as: its own, a stand-in or '?'; -1 for an invisible one.
int winansi_print_byte(char32_t cp);

// Decodes the UTF-8 character at `i` and moves past it (U+FFFD for an invalid byte), so text
// can be measured without building a string.
char32_t next_code_point(std::string_view s, size_t& i);

}  // namespace boardpack::render::pdf

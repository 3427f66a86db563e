// Checks a TrueType font file before libharu reads it: libharu loads a truncated or damaged
// file without complaint and writes a nameless, unembedded font, so the file is checked here.
#pragma once

#include <string>
#include <string_view>

namespace boardpack::render::pdf {

// Why the bytes are not a usable TrueType font (the table directory is cut off, a table the
// PDF needs is missing, lies outside the file or does not match its checksum), or "" when
// they are.
std::string truetype_problem(std::string_view bytes);

}  // namespace boardpack::render::pdf

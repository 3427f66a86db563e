// The code each character a face prints has in the PDF's font of it (its CID, and for a face of
// one-byte codes also the byte a page's text shows it by).
//
// Where they can, the codes do not depend on the document: a character of printable ASCII or
// Latin-1 is its own code, the usual typographic characters (dashes, quotes, the euro sign)
// have their Windows-1252 code, and the others a document prints with the face (an arrow, a
// Greek letter) take the codes those leave free, 1-31, 127 and five in 128-159, in the order of
// their code points. So the two editions print a page of a public item with the same bytes
// whatever else each one prints (page_stream_memo.hpp). A face that prints more characters than
// the free codes hold (a text in another script) numbers them all 1 .. n in code point order
// instead: one byte each for at most 255, else two (Identity-H).
#pragma once

#include <cstdint>
#include <vector>

namespace boardpack::render::pdf {

// The codes of `characters` (sorted, no repeats), in their order.
std::vector<uint16_t> character_codes(const std::vector<char32_t>& characters);

// Whether codes are one byte each in a page's text (an embedded CMap maps byte b to CID b):
// every code is below 256.
bool one_byte_codes(const std::vector<uint16_t>& codes);

}  // namespace boardpack::render::pdf

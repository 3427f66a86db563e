// A libharu document written as HPDF_SaveToStream writes it, to the byte, but framed here:
// libharu frames each object with six writes through its stream, a number conversion and a
// string copy, and each line of the cross-reference table with two more conversions and a write
// (some 1.400 instructions an object, and the example's four PDFs have some 8.800, most of them
// structure elements). Here the objects lent to libharu (lent_objects.hpp) are written whole
// into one buffer, their numbers and "endobj" with them, and the table in the same buffer;
// libharu writes only its own objects' values (pages, fonts, the trailer's dictionary).
#pragma once

#include <hpdf.h>

namespace boardpack::render::pdf {

// The document into `stream`: HPDF_OK, or libharu's status of what failed (its error handler
// told, as HPDF_SaveToStream tells it). An encrypted document, or one libharu keeps in several
// cross-reference sections, is refused (boardpack makes neither).
HPDF_STATUS save_document(HPDF_Doc pdf, HPDF_Stream stream);

}  // namespace boardpack::render::pdf

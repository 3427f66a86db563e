// What a picture file says besides its pixels, taken out before the packet holds it: a camera's
// or editor's EXIF and XMP (the author's name, the software and the folder it was saved from, a
// phone's GPS position, the date), text chunks and comments, and the thumbnails and extra
// pictures some files carry (an EXIF or JFIF thumbnail can show the picture before it was
// cropped). The HTML inlines the file and the PDF embeds a JPEG as it is, so both would publish it.
#pragma once

#include <string>

#include "model/document.hpp"

namespace boardpack::input {

// The file without its metadata: a PNG keeps its header, palette, image data and the chunks that
// change how its colours are shown (gAMA, cHRM, sRGB, iCCP, sBIT, pHYs); a JPEG its frame, tables,
// scans, JFIF header (without a thumbnail), ICC profile and Adobe colour marker. Everything else
// ancillary goes: in a PNG tEXt, zTXt, iTXt, eXIf, tIME and any private chunk; in a JPEG every
// other APPn segment (EXIF, XMP, Photoshop/IPTC, multi-picture) and COM. The EXIF orientation
// goes too, so a browser shows the picture as the PDF does: as its pixels are stored.
// `bytes` must have passed check_image (image_reader.hpp): its chunks or segments are whole. What
// cannot be read as segments after a JPEG's first scan is kept as it is.
std::string without_metadata(const std::string& bytes, model::Image::Format format);

}  // namespace boardpack::input

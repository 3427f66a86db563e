// The pictures in an item's text ("![Figur 1: what it shows](figur-1.png)"): their files read
// as untrusted input (a PNG or JPEG beside the item, within the size limits, its structure
// checked before libharu or a browser sees it) and numbered as the item's figures.
#pragma once

#include <optional>
#include <string>

#include "core/diagnostics.hpp"
#include "core/input_files.hpp"
#include "model/document.hpp"

namespace boardpack::input {

// Most pixels a picture may have, and most on either side: libharu and the browser decode it
// whole into memory (four bytes a pixel and more).
inline constexpr long long kMaxImagePixels = 16'000'000;
inline constexpr int kMaxImageSide = 10'000;
// The largest colour profile (a PNG's iCCP chunk, unpacked) accepted: a display profile is a few
// kilobytes; more is a file made to exhaust the reader (a "zlib bomb").
inline constexpr size_t kMaxIccProfileBytes = 4u << 20;

// What a picture file is: its format and size in pixels, or why it cannot be used.
struct ImageCheck {
    model::Image::Format format = model::Image::Format::Png;
    int width = 0, height = 0;
    std::string problem;  // empty when it can be used
};
ImageCheck check_image(const std::string& bytes);

// Reads the files of the item's Image blocks (in its sections and Markdown attachments) into
// item.images, and numbers its figures "Figur 1", "Figur 2" ... in reading order. A picture
// with no description is an error in a public item (its alt text) and a warning in a
// confidential one.
void read_images(model::AgendaItem& item, const std::string& folder, const InputFiles& files, Diagnostics& diags);

// The description as the author wrote it, without a "Figur 3:" before it (the number is the
// packet's to give).
std::string image_description(const std::string& written);

}  // namespace boardpack::input

// What makes the PDF an archival PDF/A-2a and a PDF/UA-1 document besides its tags: the XMP
// metadata (the document information again, with the pdfaid and pdfuaid claims), the sRGB
// OutputIntent, the PDF 1.7 header, DisplayDocTitle, and a document ID that depends only on
// the document's content (the same input gives the same file).
#pragma once

#include <hpdf.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "render/pdf/page_items.hpp"

namespace boardpack::render::pdf {

// The sRGB profile (from the Debian package icc-profiles-free) the OutputIntent embeds.
inline constexpr const char* kSrgbProfilePath = "/usr/share/color/icc/sRGB.icc";
inline constexpr const char* kSrgbProfilePackage = "icc-profiles-free";

// libharu's /Producer, which the XMP must repeat.
std::string pdf_producer();

// The XMP metadata packet for the document information (dc:title, dc:creator, dc:description,
// xmp:CreatorTool, xmp:CreateDate, pdf:Producer, dc:language, and, when `claims`, pdfaid 2A
// and pdfuaid 1).
std::string xmp_packet(const DocumentInfo& info, const std::string& language, bool claims = true);

// A 16-byte document ID from the bytes it is fed (two 64-bit multiplicative hashes, FNV-1a's
// prime and the golden ratio's): the same bytes give the same ID on every run (eight bytes are
// read at a time in the machine's byte order, so a big-endian machine gives another, as stable).
class DocumentId {
public:
    void add(std::string_view bytes);
    std::array<std::uint8_t, 16> digest() const;

private:
    std::uint64_t a_ = 14695981039346656037ull, b_ = 0x6c62272e07bb0142ull;
};

// Reads the sRGB profile, compressed (FlateDecode) as every PDF embeds it: once per run, not
// once per PDF. nullopt with *why if it cannot.
std::optional<std::string> read_srgb_profile(std::string* why);

// Writes the XMP stream, OutputIntent, viewer preferences, version and /ID into the document;
// the XMP claims PDF/A-2a and PDF/UA-1 when `claims`. `icc_profile` is read_srgb_profile's,
// read when the document is saved: keep it until then. HPDF_OK, or the first failed call's
// status.
HPDF_STATUS write_archive_metadata(HPDF_Doc pdf, const DocumentInfo& info, const std::string& language,
                                   const std::string& icc_profile, const DocumentId& id, bool claims = true);

}  // namespace boardpack::render::pdf

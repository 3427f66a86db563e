#include "input/image_metadata.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace boardpack::input {

namespace {

uint32_t be32(const std::string& s, size_t at) {
    const auto b = [&](size_t i) { return static_cast<uint32_t>(static_cast<unsigned char>(s[at + i])); };
    return b(0) << 24 | b(1) << 16 | b(2) << 8 | b(3);
}

unsigned be16(const std::string& s, size_t at) {
    return static_cast<unsigned>(static_cast<unsigned char>(s[at]) << 8 | static_cast<unsigned char>(s[at + 1]));
}

bool png_chunk_kept(const std::string& type) {
    for (const char* kept : {"IHDR", "PLTE", "IDAT", "IEND", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "pHYs"})
        if (type == kept) return true;
    return false;
}

std::string png_without_metadata(const std::string& s) {
    std::string out = s.substr(0, 8);  // the signature
    size_t at = 8;
    while (at + 12 <= s.size()) {
        const size_t length = be32(s, at);
        if (length > s.size() - at - 12) break;  // checked before: cannot happen
        const std::string type = s.substr(at + 4, 4);
        if (png_chunk_kept(type)) out.append(s, at, 12 + length);
        at += 12 + length;
        if (type == "IEND") break;
    }
    return out;
}

// A JPEG segment kept: everything but application segments and comments, except the JFIF
// header, an ICC profile and Adobe's colour marker, which change how the picture is shown.
bool jpeg_segment_kept(unsigned marker, const std::string& s, size_t body, size_t length) {
    const auto starts = [&](const char* tag, size_t n) { return length >= n && s.compare(body, n, tag, n) == 0; };
    if (marker == 0xFE) return false;                               // COM
    if (marker < 0xE0 || marker > 0xEF) return true;                // not an APPn
    if (marker == 0xE0) return starts("JFIF\0", 5);                 // not JFXX (a thumbnail)
    if (marker == 0xE2) return starts("ICC_PROFILE\0", 12);         // not MPF (more pictures) or FlashPix
    if (marker == 0xEE) return starts("Adobe", 5);
    return false;
}

// Appends one kept segment; a JFIF header without its thumbnail (the 14 bytes before it, and no
// thumbnail pixels).
void append_segment(std::string& out, unsigned marker, const std::string& s, size_t at, size_t length) {
    if (marker == 0xE0 && length > 16) {
        out += '\xFF';
        out += '\xE0';
        out += '\0';
        out += '\x10';
        out.append(s, at + 4, 12);  // "JFIF\0", version, units, densities
        out += '\0';                // no thumbnail
        out += '\0';
        return;
    }
    out.append(s, at, 2 + length);
}

// The JPEG without its metadata, ended by an end-of-image marker: the file's own ended it (the
// check found one in its last bytes), but it may have been inside a comment taken out.
std::string jpeg_without_metadata(const std::string& s);

std::string jpeg_segments_kept(const std::string& s, size_t* parse_end) {
    std::string out = s.substr(0, 2);  // SOI
    size_t at = 2;
    // Past the first start-of-scan, what follows a segment or a marker is read as entropy-coded
    // data up to the next marker, as check_jpeg reads it: a marker standing alone there (an SOI
    // inside the data) is followed by data, not by a segment, and read otherwise, a stray
    // 0xFF 0x00 was taken for a segment whose length swallowed the next scan's header.
    bool in_scan = false;
    while (at < s.size()) {
        if (in_scan) {
            // The scan's data: a 0xFF byte is followed by 0x00 (a stuffed byte), a restart
            // marker, or fill; anything else is the next marker.
            size_t next = at;
            while (next + 1 < s.size()) {
                if (static_cast<unsigned char>(s[next]) == 0xFF) {
                    const unsigned m = static_cast<unsigned char>(s[next + 1]);
                    if (m != 0x00 && !(m >= 0xD0 && m <= 0xD7) && m != 0xFF) break;
                }
                ++next;
            }
            if (next + 1 >= s.size()) {
                *parse_end = out.size();
                out.append(s, at, std::string::npos);
                return out;
            }
            // 0xFF bytes right before the marker are fill, not data (data's 0xFF is followed by
            // 0x00): they go with the marker, and must not be left before what follows a segment
            // taken out, where one would make a marker of the next data byte.
            size_t data_end = next;
            while (data_end > at && static_cast<unsigned char>(s[data_end - 1]) == 0xFF) --data_end;
            out.append(s, at, data_end - at);
            at = next;
        }
        *parse_end = out.size();  // where what is kept as it is starts, or the end marker
        if (static_cast<unsigned char>(s[at]) != 0xFF || at + 1 >= s.size()) {
            out.append(s, at, std::string::npos);  // not a marker where one should be: kept as it is
            return out;
        }
        const unsigned marker = static_cast<unsigned char>(s[at + 1]);
        if (marker == 0xFF) {  // fill
            ++at;
            continue;
        }
        if (marker == 0xD9) {  // EOI: what a writer put after it is not the picture
            out.append(s, at, 2);
            return out;
        }
        if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
            out.append(s, at, 2);
            at += 2;
            continue;
        }
        if (at + 4 > s.size()) {
            out.append(s, at, std::string::npos);
            return out;
        }
        const size_t length = be16(s, at + 2);
        if (length < 2 || at + 2 + length > s.size()) {
            out.append(s, at, std::string::npos);
            return out;
        }
        if (jpeg_segment_kept(marker, s, at + 4, length - 2)) append_segment(out, marker, s, at, length);
        at += 2 + length;
        if (marker == 0xDA) in_scan = true;
    }
    *parse_end = out.size();
    return out;
}

std::string jpeg_without_metadata(const std::string& s) {
    size_t parse_end = 0;
    std::string out = jpeg_segments_kept(s, &parse_end);
    // As the check asks: an end marker where the reading of the segments ended (the end marker
    // itself, or the bytes kept as they are), among the last bytes (some writers add a few after
    // it); not one inside a segment, a comment taken out with it.
    if (out.find("\xFF\xD9", std::max(out.size() > 64 ? out.size() - 64 : 0, parse_end)) == std::string::npos)
        out += "\xFF\xD9";
    return out;
}

}  // namespace

std::string without_metadata(const std::string& bytes, model::Image::Format format) {
    return format == model::Image::Format::Png ? png_without_metadata(bytes) : jpeg_without_metadata(bytes);
}

}  // namespace boardpack::input

#include "input/image_reader.hpp"
#include "input/image_metadata.hpp"

#include "core/fingerprint.hpp"
#include "core/messages.hpp"

#include <libdeflate.h>
#include <png.h>

#include <csetjmp>
#include <cstring>

#include <cstdint>
#include <memory>
#include <vector>

#include "core/text.hpp"
#include "input/markdown_reader.hpp"

namespace boardpack::input {

using model::Block;

namespace {

uint32_t be32(const std::string& s, size_t at) {
    return static_cast<uint32_t>(static_cast<unsigned char>(s[at])) << 24 | static_cast<uint32_t>(static_cast<unsigned char>(s[at + 1])) << 16 |
           static_cast<uint32_t>(static_cast<unsigned char>(s[at + 2])) << 8 | static_cast<unsigned char>(s[at + 3]);
}
unsigned be16(const std::string& s, size_t at) {
    return static_cast<unsigned>(static_cast<unsigned char>(s[at])) << 8 | static_cast<unsigned char>(s[at + 1]);
}

std::string size_problem(long long w, long long h) {
    if (w <= 0 || h <= 0) return _("it says it has no pixels");
    if (w > kMaxImageSide || h > kMaxImageSide || w * h > kMaxImagePixels)
        return fmt(_("it has {} x {} pixels; the limit is {} pixels a side and {} in all: make it smaller"), w, h,
                   kMaxImageSide, kMaxImagePixels);
    return {};
}

// The bytes of a PNG's image data once inflated, from its header: a filter byte and the packed
// samples of each row, of each of the seven passes when interlaced.
size_t png_data_size(uint32_t w, uint32_t h, int bits_per_pixel, bool interlaced) {
    const auto rows = [&](uint64_t pw, uint64_t ph) -> uint64_t {
        if (pw == 0 || ph == 0) return 0;
        return ph * (1 + (pw * static_cast<uint64_t>(bits_per_pixel) + 7) / 8);
    };
    if (!interlaced) return static_cast<size_t>(rows(w, h));
    static const int x0[] = {0, 4, 0, 2, 0, 1, 0}, dx[] = {8, 8, 4, 4, 2, 2, 1};
    static const int y0[] = {0, 0, 4, 0, 2, 0, 1}, dy[] = {8, 8, 8, 4, 4, 2, 2};
    uint64_t total = 0;
    for (int p = 0; p < 7; ++p)
        total += rows(w > static_cast<uint32_t>(x0[p]) ? (w - x0[p] + dx[p] - 1) / dx[p] : 0,
                      h > static_cast<uint32_t>(y0[p]) ? (h - y0[p] + dy[p] - 1) / dy[p] : 0);
    return static_cast<size_t>(total);
}

// Whether every row of the inflated image data starts with one of PNG's five filter types
// (libpng stops at any other, and libharu cannot take that without stopping the program).
bool filters_ok(const std::string& data, uint32_t w, uint32_t h, int bits_per_pixel, bool interlaced) {
    size_t at = 0;
    const auto pass = [&](uint64_t pw, uint64_t ph) {
        if (pw == 0 || ph == 0) return true;
        const uint64_t row = 1 + (pw * static_cast<uint64_t>(bits_per_pixel) + 7) / 8;
        for (uint64_t y = 0; y < ph; ++y, at += static_cast<size_t>(row))
            if (at >= data.size() || static_cast<unsigned char>(data[at]) > 4) return false;
        return true;
    };
    if (!interlaced) return pass(w, h);
    static const int x0[] = {0, 4, 0, 2, 0, 1, 0}, dx[] = {8, 8, 4, 4, 2, 2, 1};
    static const int y0[] = {0, 0, 4, 0, 2, 0, 1}, dy[] = {8, 8, 8, 4, 4, 2, 2};
    for (int p = 0; p < 7; ++p)
        if (!pass(w > static_cast<uint32_t>(x0[p]) ? (w - x0[p] + dx[p] - 1) / dx[p] : 0,
                  h > static_cast<uint32_t>(y0[p]) ? (h - y0[p] + dy[p] - 1) / dy[p] : 0))
            return false;
    return true;
}

// The problem libpng (the PNG reader libharu uses) would find in an iCCP chunk, "" if none:
// libharu takes any complaint of libpng's, a warning too, as a failure ("libharu error 0x1043").
std::string icc_problem(const std::string& s, size_t body, size_t len, int color) {
    const size_t name = s.find('\0', body);
    if (name == std::string::npos || name == body || name - body > 79 || name + 2 > body + len || s[name + 1] != 0)
        return _("the file is damaged (its colour profile, the iCCP chunk)");
    std::unique_ptr<libdeflate_decompressor, void (*)(libdeflate_decompressor*)> d(libdeflate_alloc_decompressor(),
                                                                                 libdeflate_free_decompressor);
    std::string profile(kMaxIccProfileBytes, '\0');
    size_t in = 0, out = 0;
    const size_t packed = body + len - (name + 2);
    const libdeflate_result r =
        d ? libdeflate_zlib_decompress_ex(d.get(), s.data() + name + 2, packed, profile.data(), profile.size(), &in, &out)
          : LIBDEFLATE_BAD_DATA;
    if (r == LIBDEFLATE_INSUFFICIENT_SPACE)
        return fmt(_("its colour profile (the iCCP chunk) unpacks to more than {} MiB, where a profile is a few kilobytes; "
                     "save the picture again without it, or as sRGB"),
                   kMaxIccProfileBytes >> 20);
    if (r != LIBDEFLATE_SUCCESS || in != packed) return _("the file is damaged (its colour profile, the iCCP chunk, does not unpack)");
    profile.resize(out);
    if (profile.size() < 132 || be32(profile, 0) != profile.size() || be32(profile, 128) > (profile.size() - 132) / 12)
        return _("the file is damaged (its colour profile, the iCCP chunk, is not an ICC profile)");
    const std::string space = profile.substr(16, 4);
    const bool grey = color == 0 || color == 4;
    if (space != (grey ? "GRAY" : "RGB "))
        return fmt(_("its colour profile (the iCCP chunk) is for {} pictures, and the picture is {}; save it again "
                     "without the profile, or as sRGB"),
                   quote_text(space), grey ? _("grey") : _("in colour"));
    return {};
}

// libpng's first complaint, an error or a warning, on reading the PNG as libharu does (its
// header and chunks, then every row); "" if none. libharu takes a warning of libpng's as a
// failure too, and says only "libharu error 0x1043" while the PDF is written.
struct PngRead {
    const std::string* bytes;
    size_t at = 0;
    std::string complaint;
};

void png_complaint(png_structp p, png_const_charp message) {
    auto* r = static_cast<PngRead*>(png_get_error_ptr(p));
    if (r->complaint.empty()) r->complaint = message ? message : "?";
}

[[noreturn]] void png_failure(png_structp p, png_const_charp message) {
    png_complaint(p, message);
    png_longjmp(p, 1);
}

void png_feed(png_structp p, png_bytep out, size_t n) {
    auto* r = static_cast<PngRead*>(png_get_io_ptr(p));
    if (n > r->bytes->size() - r->at) png_error(p, "the file ends early");
    std::memcpy(out, r->bytes->data() + r->at, n);
    r->at += n;
}

std::string libpng_complaint(const std::string& s, std::vector<unsigned char>& row) {
    PngRead r{&s, 0, {}};
    png_structp p = png_create_read_struct(PNG_LIBPNG_VER_STRING, &r, png_failure, png_complaint);
    if (!p) return "out of memory";
    png_infop info = png_create_info_struct(p);
    if (!info || setjmp(png_jmpbuf(p))) {
        png_destroy_read_struct(&p, info ? &info : nullptr, nullptr);
        return r.complaint.empty() ? "out of memory" : r.complaint;
    }
    png_set_read_fn(p, &r, png_feed);
    png_read_info(p, info);
    if (png_get_bit_depth(p, info) == 16) png_set_strip_16(p);
    const int passes = png_set_interlace_handling(p);
    png_read_update_info(p, info);
    const png_uint_32 height = png_get_image_height(p, info);
    row.resize(png_get_rowbytes(p, info));
    for (int pass = 0; pass < passes && r.complaint.empty(); ++pass)
        for (png_uint_32 y = 0; y < height && r.complaint.empty(); ++y) png_read_row(p, row.data(), nullptr);
    png_destroy_read_struct(&p, &info, nullptr);
    return r.complaint;
}

// Every chunk whole with its checksum, the header's values allowed, no transparency (an
// archival PDF cannot hold it), and the image data inflating to exactly the rows the header
// promises.
ImageCheck check_png(const std::string& s) {
    ImageCheck c;
    c.format = model::Image::Format::Png;
    size_t at = 8;
    std::string data;
    bool header = false, end = false, palette = false, data_ended = false;
    std::string seen_ancillary;  // the types of the colour chunks met (each may come once)
    uint32_t gamma_value = 0;    // the gAMA chunk's, if any
    int color = 0, depth = 0, interlace = 0;
    while (!end) {
        if (at + 12 > s.size()) {
            c.problem = _("the file is cut off (a PNG ends with an IEND chunk)");
            return c;
        }
        const uint32_t len = be32(s, at);
        const std::string type = s.substr(at + 4, 4);
        if (len > s.size() - at - 12) {
            c.problem = fmt(_("the file is cut off or damaged (its {} chunk goes past the end)"), quote_text(type));
            return c;
        }
        if (libdeflate_crc32(0, s.data() + at + 4, len + 4) != be32(s, at + 8 + len)) {
            c.problem = fmt(_("the file is damaged (the checksum of its {} chunk is wrong)"), quote_text(type));
            return c;
        }
        const size_t body = at + 8;
        if (!header && type != "IHDR") {
            c.problem = _("the file is damaged (a PNG starts with its IHDR chunk)");
            return c;
        }
        if (type == "IHDR") {
            if (header || len != 13) {
                c.problem = _("the file is damaged (its IHDR chunk)");
                return c;
            }
            header = true;
            const uint32_t w = be32(s, body), h = be32(s, body + 4);
            depth = static_cast<unsigned char>(s[body + 8]);
            color = static_cast<unsigned char>(s[body + 9]);
            interlace = static_cast<unsigned char>(s[body + 12]);
            const bool depth_ok = (color == 0 && (depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16)) ||
                                  (color == 3 && (depth == 1 || depth == 2 || depth == 4 || depth == 8)) ||
                                  ((color == 2 || color == 4 || color == 6) && (depth == 8 || depth == 16));
            if (!depth_ok || s[body + 10] != 0 || s[body + 11] != 0 || interlace > 1) {
                c.problem = _("the file is damaged (its IHDR chunk has values a PNG cannot have)");
                return c;
            }
            if (w > 0x7FFFFFFF || h > 0x7FFFFFFF || !(c.problem = size_problem(w, h)).empty()) {
                if (c.problem.empty()) c.problem = size_problem(kMaxImageSide + 1LL, 1);
                return c;
            }
            c.width = static_cast<int>(w);
            c.height = static_cast<int>(h);
        } else if (type == "PLTE") {
            if (palette || !data.empty() || len == 0 || len % 3 != 0 || len > 768 || color == 0 || color == 4) {
                c.problem = _("the file is damaged (its palette)");
                return c;
            }
            palette = true;
        } else if (type == "tRNS") {
            color = -1;  // transparency, reported below
        } else if (type == "IDAT") {
            if (data_ended) {
                c.problem = _("the file is damaged (its image data is split by other chunks)");
                return c;
            }
            data.append(s, body, len);
        } else if (data.empty() && (type == "gAMA" || type == "cHRM" || type == "sRGB" || type == "iCCP" || type == "sBIT" ||
                                    type == "pHYs")) {
            // The chunks kept for how the colours show (image_metadata.cpp): each once, before the
            // palette, its size and values such as libpng takes without a complaint, which libharu
            // would take as a failure. (After the image data, where a PNG must not have them,
            // libharu does not read them, and a browser ignores them.)
            const bool colour_chunk = type != "pHYs";
            const size_t bits = color == 2 || color == 3 ? 3 : color == 6 ? 4 : color == 4 ? 2 : 1;
            const size_t want = type == "gAMA" ? 4 : type == "cHRM" ? 32 : type == "sRGB" ? 1 : type == "pHYs" ? 9
                                : type == "sBIT" ? bits : len;
            if (seen_ancillary.find(type) != std::string::npos || (colour_chunk && palette)) {
                c.problem = fmt(_("the file is damaged (its {} chunk is repeated or out of place)"), quote_text(type));
                return c;
            }
            seen_ancillary += type;
            if (len != want) {
                c.problem = fmt(_("the file is damaged (its {} chunk has the wrong size)"), quote_text(type));
                return c;
            }
            if (type == "gAMA") {
                const uint32_t gamma = be32(s, body);
                if (gamma < 16 || gamma > 625000000) {
                    c.problem = fmt(_("the file is damaged (its gamma, the gAMA chunk, is {}: a picture's is 16 to "
                                      "625000000, e.g. 45455)"), gamma);
                    return c;
                }
                gamma_value = gamma;
            } else if (type == "sRGB" && static_cast<unsigned char>(s[body]) > 3) {
                c.problem = _("the file is damaged (its sRGB chunk)");
                return c;
            } else if (type == "sBIT") {
                for (size_t k = 0; k < len; ++k)
                    if (const int b = static_cast<unsigned char>(s[body + k]); b == 0 || b > (color == 3 ? 8 : depth)) {
                        c.problem = _("the file is damaged (its significant bits, the sBIT chunk)");
                        return c;
                    }
            } else if (type == "iCCP") {
                if (!(c.problem = icc_problem(s, body, len, color)).empty()) return c;
            }
            if ((type == "sRGB" && seen_ancillary.find("iCCP") != std::string::npos) ||
                (type == "iCCP" && seen_ancillary.find("sRGB") != std::string::npos)) {
                c.problem = _("the file is damaged (it has both an sRGB chunk and a colour profile, iCCP)");
                return c;
            }
        } else if (type == "IEND") {
            end = true;
        } else if (!(static_cast<unsigned char>(type[0]) & 0x20)) {
            // A critical chunk this reader does not know: libpng would refuse it, and libharu
            // cannot take a refusal from libpng without stopping the program.
            c.problem = fmt(_("the file has a chunk {} that a PNG reader must understand and boardpack does not"), quote_text(type));
            return c;
        }
        if (!data.empty() && type != "IDAT") data_ended = true;
        at += 12 + len;
    }
    // sRGB's gamma is 1/2.2 (45455); libpng complains of a gAMA more than 5 % off it beside sRGB.
    if (gamma_value != 0 && seen_ancillary.find("sRGB") != std::string::npos && (gamma_value < 43300 || gamma_value > 47800)) {
        c.problem = fmt(_("the file is damaged (its gamma, the gAMA chunk, is {}, and its sRGB chunk says 45455)"), gamma_value);
        return c;
    }
    if (color == 4 || color == 6 || color == -1) {
        c.problem = _("it has transparent parts (an alpha channel), which the archival PDF (PDF/A) cannot hold; save it "
                      "without transparency, e.g. on a white background");
        return c;
    }
    if (color == 3 && !palette) {
        c.problem = _("the file is damaged (its colours have no palette)");
        return c;
    }
    if (data.empty()) {
        c.problem = _("the file is damaged (it has no image data)");
        return c;
    }
    const int channels = color == 2 ? 3 : 1;
    const size_t want = png_data_size(static_cast<uint32_t>(c.width), static_cast<uint32_t>(c.height), channels * depth, interlace == 1);
    std::unique_ptr<libdeflate_decompressor, void (*)(libdeflate_decompressor*)> d(libdeflate_alloc_decompressor(),
                                                                                 libdeflate_free_decompressor);
    std::string out(want, '\0');
    size_t used = 0;
    if (!d || libdeflate_zlib_decompress_ex(d.get(), data.data(), data.size(), out.data(), want, &used, nullptr) !=
                  LIBDEFLATE_SUCCESS) {
        c.problem = _("the file is damaged (its image data does not unpack to the size its header gives)");
        return c;
    }
    // libpng says "extra compressed data" of bytes after the end of the packed data, which
    // libharu takes as a failure.
    if (used != data.size()) {
        c.problem = fmt(_("the file is damaged (its image data has {} bytes after its end)"), data.size() - used);
        return c;
    }
    if (!filters_ok(out, static_cast<uint32_t>(c.width), static_cast<uint32_t>(c.height), channels * depth, interlace == 1)) {
        c.problem = _("the file is damaged (a row of its image data has an unknown filter)");
        return c;
    }
    // What the checks above do not know of (libpng's many checks of a colour profile, ...), on
    // the file as libharu gets it, without its metadata (image_metadata.cpp).
    std::vector<unsigned char> row;
    if (const std::string complaint = libpng_complaint(without_metadata(s, model::Image::Format::Png), row); !complaint.empty())
        c.problem = fmt(_("libpng, which the PDF's writer (libharu) reads PNG pictures with, says of it: {}; save the "
                          "picture again (without a colour profile)"),
                        complaint);
    return c;
}

// What a JPEG's decoder (libjpeg in poppler and the browsers) needs of it, read from its segments:
// the frame's components, the tables defined so far.
struct JpegTables {
    unsigned components = 0;
    unsigned id[4] = {}, quant[4] = {};
    bool dqt[4] = {}, dc[4] = {}, ac[4] = {};
    bool progressive = false;
};

unsigned byte_at(const std::string& s, size_t at) { return static_cast<unsigned char>(s[at]); }

// A DQT or DHT segment's tables into `t`; false if the segment is not made of whole tables.
bool read_tables(const std::string& s, unsigned marker, size_t body, size_t end, JpegTables& t) {
    for (size_t p = body; p < end;) {
        const unsigned kind = byte_at(s, p) >> 4, id = byte_at(s, p) & 15;
        if (id > 3) return false;
        if (marker == 0xDB) {
            if (kind > 1 || p + 1 + 64 * (kind + 1) > end) return false;
            t.dqt[id] = true;
            p += 1 + 64 * (kind + 1);
        } else {
            if (kind > 1 || p + 17 > end) return false;
            size_t count = 0;
            for (size_t k = 1; k <= 16; ++k) count += byte_at(s, p + k);
            if (count > 256 || p + 17 + count > end) return false;
            (kind ? t.ac : t.dc)[id] = true;
            p += 17 + count;
        }
    }
    return true;
}

// The problem of a scan's header (SOS) against the frame and the tables defined before it, ""
// if none: a table the scan uses and the file never defined makes the viewers show a white or
// garbled picture without a word.
std::string scan_problem(const std::string& s, size_t body, unsigned len, const JpegTables& t) {
    const unsigned n = byte_at(s, body);
    if (n < 1 || n > 4 || len != 6 + 2 * n) return _("the file is damaged (a JPEG scan header)");
    const unsigned ss = byte_at(s, body + 1 + 2 * n), ah = byte_at(s, body + 3 + 2 * n) >> 4;
    for (unsigned k = 0; k < n; ++k) {
        const unsigned id = byte_at(s, body + 1 + 2 * k), tables = byte_at(s, body + 2 + 2 * k);
        unsigned c = 0;
        while (c < t.components && t.id[c] != id) ++c;
        if (c == t.components || (tables >> 4) > 3 || (tables & 15) > 3) return _("the file is damaged (a JPEG scan header)");
        if (!t.dqt[t.quant[c]])
            return fmt(_("its image data uses quantisation table {}, which the file never defines (in a DQT segment)"), t.quant[c]);
        // A sequential scan decodes with both tables; a progressive one's first DC scan with the DC
        // table, its AC scans with the AC table.
        const bool dc = t.progressive ? ss == 0 && ah == 0 : true, ac = t.progressive ? ss > 0 : true;
        if ((dc && !t.dc[tables >> 4]) || (ac && !t.ac[tables & 15]))
            return fmt(_("its image data uses Huffman table {} ({}), which the file never defines (in a DHT segment)"),
                       dc && !t.dc[tables >> 4] ? tables >> 4 : tables & 15, dc && !t.dc[tables >> 4] ? "DC" : "AC");
    }
    return {};
}

// The segments whole, a frame kind any PDF viewer shows (8 bits a sample, sampling factors 1 to
// 4), grey or RGB (not CMYK: the packet's colours are sRGB), the tables each scan uses defined
// before it, and the end marker after the data.
ImageCheck check_jpeg(const std::string& s) {
    ImageCheck c;
    c.format = model::Image::Format::Jpeg;
    size_t at = 2;
    bool frame = false, scanned = false;
    JpegTables t;
    while (true) {
        if (scanned) {
            // Past a scan's data to the next marker: a 0xFF in it is followed by 0x00 (a stuffed
            // byte), a restart marker, or fill. A file that ends first is judged by its end below.
            while (at + 1 < s.size() && !(byte_at(s, at) == 0xFF && byte_at(s, at + 1) != 0x00 && byte_at(s, at + 1) != 0xFF &&
                                           !(byte_at(s, at + 1) >= 0xD0 && byte_at(s, at + 1) <= 0xD7)))
                ++at;
            if (at + 4 > s.size() || byte_at(s, at + 1) == 0xD9) break;
        }
        while (at < s.size() && static_cast<unsigned char>(s[at]) == 0xFF && at + 1 < s.size() &&
               static_cast<unsigned char>(s[at + 1]) == 0xFF)
            ++at;  // fill bytes
        if (at + 4 > s.size() || static_cast<unsigned char>(s[at]) != 0xFF) {
            c.problem = _("the file is cut off or damaged (a JPEG's segments end before its image data)");
            return c;
        }
        const unsigned marker = static_cast<unsigned char>(s[at + 1]);
        if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
            at += 2;
            continue;
        }
        const unsigned len = be16(s, at + 2);
        if (len < 2 || at + 2 + len > s.size()) {
            if (scanned) break;  // after the first scan: the end is judged below
            c.problem = _("the file is cut off or damaged (a JPEG segment goes past the end)");
            return c;
        }
        const size_t body = at + 4;
        const bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (sof) {
            if (marker > 0xC2) {
                c.problem = _("it is a kind of JPEG (lossless or arithmetic coded) that PDF viewers do not show; save it "
                              "as an ordinary JPEG or a PNG");
                return c;
            }
            if (len < 8 || frame) {
                c.problem = _("the file is damaged (its JPEG frame header)");
                return c;
            }
            const unsigned h = be16(s, body + 1), w = be16(s, body + 3);
            const unsigned components = static_cast<unsigned char>(s[body + 5]);
            if (!(c.problem = size_problem(w, h)).empty()) return c;
            if (components == 4) {
                c.problem = _("its colours are CMYK (print colours); save it as RGB");
                return c;
            }
            if ((components != 1 && components != 3) || len != 8 + 3 * components) {
                c.problem = _("the file is damaged (its JPEG frame header)");
                return c;
            }
            if (const unsigned bits = byte_at(s, body); bits != 8) {
                c.problem = fmt(_("its samples have {} bits; PDF viewers and browsers show JPEGs of 8 bits: save it as an "
                                  "ordinary JPEG"),
                                bits);
                return c;
            }
            unsigned blocks = 0;
            for (unsigned k = 0; k < components; ++k) {
                const unsigned sampling = byte_at(s, body + 7 + 3 * k), hs = sampling >> 4, vs = sampling & 15;
                if (hs < 1 || hs > 4 || vs < 1 || vs > 4) {
                    c.problem = fmt(_("the file is damaged (its JPEG frame header gives a component the sampling factors "
                                      "{} x {}; a JPEG's are 1 to 4)"),
                                    hs, vs);
                    return c;
                }
                blocks += hs * vs;
                t.id[k] = byte_at(s, body + 6 + 3 * k);
                t.quant[k] = byte_at(s, body + 8 + 3 * k);
                if (t.quant[k] > 3) {
                    c.problem = _("the file is damaged (its JPEG frame header)");
                    return c;
                }
            }
            if (components > 1 && blocks > 10) {
                c.problem = fmt(_("the file is damaged (its JPEG frame header's sampling factors make {} blocks a unit; "
                                  "a JPEG's are at most 10)"),
                                blocks);
                return c;
            }
            t.components = components;
            t.progressive = marker == 0xC2;
            c.width = static_cast<int>(w);
            c.height = static_cast<int>(h);
            frame = true;
        }
        if ((marker == 0xDB || marker == 0xC4) && !read_tables(s, marker, body, at + 2 + len, t)) {
            c.problem = marker == 0xDB ? _("the file is damaged (a JPEG quantisation table, DQT)")
                                       : _("the file is damaged (a JPEG Huffman table, DHT)");
            return c;
        }
        if (marker == 0xD9 || marker == 0xDA) {
            if (!frame || marker == 0xD9) {
                c.problem = _("the file is damaged (a JPEG's image data comes before its frame header)");
                return c;
            }
            if (!(c.problem = scan_problem(s, body, len, t)).empty()) return c;
            scanned = true;
        }
        at += 2 + len;
    }
    // The image data ends with the end marker (some writers add a few bytes after it), where the
    // reading of the segments ended: not one inside a segment it passed over (a comment, which
    // the packet's copy leaves out).
    const size_t tail = s.size() > 64 ? s.size() - 64 : 0;
    if (s.find("\xFF\xD9", std::max(tail, at)) == std::string::npos)
        c.problem = _("the file is cut off (a JPEG ends with an end-of-image marker)");
    return c;
}

template <class F>
void each_image_block(std::vector<Block>& blocks, F&& f) {
    for (Block& b : blocks) {
        if (b.kind == Block::Kind::Image) f(b);
        for (auto& item : b.items) each_image_block(item, f);
        each_image_block(b.children, f);
    }
}

template <class F>
void each_item_block(model::AgendaItem& item, F&& f) {
    for (model::Section& s : item.sections) each_image_block(s.blocks, f);
    for (model::Attachment& a : item.attachments) each_image_block(a.content, f);
}

}  // namespace

ImageCheck check_image(const std::string& bytes) {
    if (bytes.size() >= 8 && bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0) return check_png(bytes);
    if (bytes.size() >= 3 && bytes.compare(0, 3, "\xFF\xD8\xFF") == 0) return check_jpeg(bytes);
    ImageCheck c;
    c.problem = _("it is not a PNG or JPEG picture");
    return c;
}

namespace {

// The length of a "Figur 3:" or "Figur 3." (any case) that `d` (trimmed) starts with, its
// number alone ("Figur 3") included; 0 if none.
size_t figure_label_length(std::string_view d) {
    if (d.size() > 6 && fold_label(std::string(d.substr(0, 5))) == "figur" && d[5] == ' ') {
        size_t i = 6;
        while (i < d.size() && d[i] >= '0' && d[i] <= '9') ++i;
        if (i > 6 && i < d.size() && (d[i] == ':' || d[i] == '.')) return i + 1;
        if (i > 6 && i == d.size()) return i;
    }
    return 0;
}

bool holds_figure(const std::vector<model::Inline>& inlines) {
    for (const model::Inline& in : inlines)
        if (in.kind == model::Inline::Kind::Figure || holds_figure(in.children)) return true;
    return false;
}

}  // namespace

std::string image_description(const std::string& written) {
    const std::string_view d = trim(written);
    return std::string(trim(d.substr(figure_label_length(d))));
}

void read_images(model::AgendaItem& item, const std::string& folder, const InputFiles& files, Diagnostics& diags) {
    const bool confidential = model::is_confidential(item.status);
    each_item_block(item, [&](Block& b) {
        if (b.image >= 0) return;
        const std::string& name = b.text;
        const std::string folded = fold_label(name);
        if (folded.find("://") != std::string::npos || starts_with(folded, "data:") || starts_with(folded, "mailto:")) {
            diags.error(b.loc, fmt(_("a picture is read from a file beside the item (PNG or JPEG), not from {}"), quote_text(name)));
            return;
        }
        if (auto why = unsafe_path_reason(name, true)) {
            diags.error(b.loc, fmt(_("cannot use the picture {}: {}"), quote_text(name), *why));
            return;
        }
        const std::string rel = join_relative(folder, name);
        std::string why;
        auto bytes = files.read(rel, &why);
        if (!bytes) {
            diags.error(b.loc, fmt(_("cannot read the picture {} ({}): {}"), quote_text(name), files.display(rel), why));
            return;
        }
        const ImageCheck c = check_image(*bytes);
        if (!c.problem.empty()) {
            diags.error(b.loc, fmt(_("cannot use the picture {} ({}): {}"), quote_text(name), files.display(rel), c.problem));
            return;
        }
        model::Image im;
        im.format = c.format;
        im.width = c.width;
        im.height = c.height;
        im.file = name;
        im.description = image_description(plain_text(b.inlines));
        // A figure in braces is computed into the description with the text's (calc/meeting_calc,
        // which then sets it from the inlines): their "Figur N:" goes here, the number is the packet's.
        const bool figures = holds_figure(b.inlines);
        if (figures && !b.inlines.empty() && b.inlines[0].kind == model::Inline::Kind::Text) {
            std::string& first = b.inlines[0].text;
            const auto spaces = [&] { return first.find_first_not_of(" \t") == std::string::npos ? first.size()
                                                                                             : first.find_first_not_of(" \t"); };
            first.erase(0, spaces());
            first.erase(0, figure_label_length(first));
            first.erase(0, spaces());
        }
        im.read_fingerprint = fingerprint(*bytes);
        // Without its metadata, if that is still the same picture to the check (it always is,
        // fuzz_image says; the file as it is otherwise).
        std::string kept = without_metadata(*bytes, c.format);
        const ImageCheck k = check_image(kept);
        bool stripped = false;  // (metadata is only ever taken out: the same size is the same bytes)
        if (k.problem.empty() && k.format == c.format && k.width == c.width && k.height == c.height) {
            stripped = kept.size() != bytes->size();
            *bytes = std::move(kept);
        }
        im.fingerprint = stripped ? fingerprint(*bytes) : im.read_fingerprint;
        im.bytes = std::make_shared<const std::string>(std::move(*bytes));
        im.loc = b.loc;
        if (im.description.empty() && !figures) {
            const std::string message =
                fmt(_("the picture {} has no description: write what it shows between the brackets, "
                      "![Figur 1: what it shows]({}), for readers who cannot see it (its alternative text)"),
                    quote_text(name), name);
            if (confidential) diags.warning(b.loc, message);
            else diags.error(b.loc, message);
        }
        b.image = static_cast<int>(item.images.size());
        item.images.push_back(std::move(im));
    });
    // One count for the item's figures (pictures and charts), in reading order.
    int figure = 0;
    each_item_block(item, [&](Block& b) {
        if (b.image >= 0) b.figure = ++figure;
    });
}

}  // namespace boardpack::input

#include "input/image_reader.hpp"
#include "input/image_metadata.hpp"

#include "core/fingerprint.hpp"
#include "core/messages.hpp"

#include <libdeflate.h>

#include <cstdint>
#include <memory>

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

// Every chunk whole with its checksum, the header's values allowed, no transparency (an
// archival PDF cannot hold it), and the image data inflating to exactly the rows the header
// promises.
ImageCheck check_png(const std::string& s) {
    ImageCheck c;
    c.format = model::Image::Format::Png;
    size_t at = 8;
    std::string data;
    bool header = false, end = false, palette = false, data_ended = false;
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
    if (!d || libdeflate_zlib_decompress(d.get(), data.data(), data.size(), out.data(), want, nullptr) != LIBDEFLATE_SUCCESS) {
        c.problem = _("the file is damaged (its image data does not unpack to the size its header gives)");
        return c;
    }
    if (!filters_ok(out, static_cast<uint32_t>(c.width), static_cast<uint32_t>(c.height), channels * depth, interlace == 1))
        c.problem = _("the file is damaged (a row of its image data has an unknown filter)");
    return c;
}

// The segments up to the start of the image data whole, a frame kind any PDF viewer shows, grey
// or RGB (not CMYK: the packet's colours are sRGB), and the end marker after the data.
ImageCheck check_jpeg(const std::string& s) {
    ImageCheck c;
    c.format = model::Image::Format::Jpeg;
    size_t at = 2;
    bool frame = false;
    while (true) {
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
            if (len < 8) {
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
            if (components != 1 && components != 3) {
                c.problem = _("the file is damaged (its JPEG frame header)");
                return c;
            }
            c.width = static_cast<int>(w);
            c.height = static_cast<int>(h);
            frame = true;
        }
        if (marker == 0xD9 || marker == 0xDA) {
            if (!frame || marker == 0xD9) {
                c.problem = _("the file is damaged (a JPEG's image data comes before its frame header)");
                return c;
            }
            break;
        }
        at += 2 + len;
    }
    // The image data ends with the end marker (some writers add a few bytes after it).
    const size_t tail = s.size() > 64 ? s.size() - 64 : at;
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
        im.fingerprint = fingerprint(*bytes);
        // Without its metadata, if that is still the same picture to the check (it always is,
        // fuzz_image says; the file as it is otherwise).
        std::string kept = without_metadata(*bytes, c.format);
        const ImageCheck k = check_image(kept);
        if (k.problem.empty() && k.format == c.format && k.width == c.width && k.height == c.height) *bytes = std::move(kept);
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

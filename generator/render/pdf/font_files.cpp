#include "render/pdf/font_files.hpp"
#include "core/messages.hpp"

#include <hb-subset.h>
#include <hb.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "render/pdf/truetype_check.hpp"
#include "render/pdf/winansi.hpp"

#ifndef BOARDPACK_MONO_FONT_DIR
#define BOARDPACK_MONO_FONT_DIR "/usr/share/fonts/truetype/dejavu"
#endif

namespace boardpack::render::pdf {

namespace {

// A font file larger than this is not Carlito (about 0,6 MB), and is not read.
constexpr std::uintmax_t kMaxFontBytes = 32u << 20;

// Where a style's font file is: the --fonts folder, except that the monospace face for code
// comes from its own Debian package's folder unless the --fonts folder has one.
std::string font_path(const std::string& dir, FontStyle style) {
    const std::string in_dir = dir + "/" + font_file(style);
    std::error_code ec;
    if (style != FontStyle::Mono || std::filesystem::exists(in_dir, ec)) return in_dir;
    return std::string(BOARDPACK_MONO_FONT_DIR) + "/" + font_file(style);
}

// A font file mapped into memory, read-only: a face is read once per run but used by every PDF,
// so it is mapped rather than copied, and the pages HarfBuzz does not need later are given
// back (the kernel reads them again from its cache if they are needed).
struct Mapped {
    const char* data = nullptr;
    size_t size = 0;
};

// The file mapped, or nothing with *why set.
std::optional<Mapped> map_font(const std::string& path, std::string* why) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        *why = _("cannot open the font file");
        return std::nullopt;
    }
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    struct stat st {};
    if (fd < 0 || ::fstat(fd, &st) != 0) {
        if (fd >= 0) ::close(fd);
        *why = _("cannot read the font file");
        return std::nullopt;
    }
    const auto size = static_cast<std::uintmax_t>(st.st_size);
    if (size > kMaxFontBytes || size == 0) {
        ::close(fd);
        *why = size == 0 ? truetype_problem("") : _("the font file is larger than 32 MiB");
        return std::nullopt;
    }
    void* p = ::mmap(nullptr, static_cast<size_t>(size), PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (p == MAP_FAILED) {
        *why = _("cannot read the font file");
        return std::nullopt;
    }
    return Mapped{static_cast<const char*>(p), static_cast<size_t>(size)};
}

// A HarfBuzz face that owns the mapping it reads.
std::shared_ptr<hb_face_t> make_face(Mapped file) {
    auto* owned = new Mapped(file);
    hb_blob_t* blob = hb_blob_create(file.data, static_cast<unsigned>(file.size), HB_MEMORY_MODE_READONLY, owned,
                                     [](void* m) {
                                         auto* mapped = static_cast<Mapped*>(m);
                                         ::munmap(const_cast<char*>(mapped->data), mapped->size);
                                         delete mapped;
                                     });
    hb_face_t* face = hb_face_create(blob, 0);
    hb_blob_destroy(blob);
    return {face, hb_face_destroy};
}

// Widths in 1/1000 em of the Windows-1252 bytes, rounded down as libharu rounds the widths it
// writes into the PDF, so that the layout and the PDF agree to the unit.
TableMetrics::Widths byte_widths(hb_face_t* face) {
    TableMetrics::Widths widths{};
    hb_font_t* font = hb_font_create(face);  // scaled in font units
    const unsigned upem = hb_face_get_upem(face);
    for (int b = 32; b < 256; ++b) {
        const char32_t cp = winansi_code_point(static_cast<unsigned char>(b));
        if (cp == 0) continue;  // never printed
        hb_codepoint_t glyph = 0;
        if (!hb_font_get_nominal_glyph(font, cp, &glyph)) glyph = 0;  // libharu too measures .notdef
        const auto advance = static_cast<unsigned>(hb_font_get_glyph_h_advance(font, glyph));
        widths[static_cast<size_t>(b)] = static_cast<double>(advance * 1000 / upem);
    }
    hb_font_destroy(font);
    return widths;
}

}  // namespace

const char* font_file(FontStyle style) {
    switch (style) {
        case FontStyle::Regular: return "Carlito-Regular.ttf";
        case FontStyle::Bold: return "Carlito-Bold.ttf";
        case FontStyle::Italic: return "Carlito-Italic.ttf";
        case FontStyle::BoldItalic: return "Carlito-BoldItalic.ttf";
        case FontStyle::Mono: return "DejaVuSansMono.ttf";
    }
    return "";
}

std::optional<FontFiles> FontFiles::load(const std::string& font_dir, Diagnostics& diags) {
    std::array<Face, kFontStyles> faces;
    std::array<TableMetrics::Widths, kFontStyles> widths{};
    for (int s = 0; s < kFontStyles; ++s) {
        const FontStyle style = static_cast<FontStyle>(s);
        Face& f = faces[static_cast<size_t>(s)];
        f.path = font_path(font_dir, style);
        std::string why;
        const auto file = map_font(f.path, &why);
        if (file) why = truetype_problem(std::string_view(file->data, file->size));
        if (!why.empty()) {
            if (file) ::munmap(const_cast<char*>(file->data), file->size);
            diags.error({f.path, 0, 0}, why + (style == FontStyle::Mono
                                                   ? _(" (install the Debian package fonts-dejavu-core, or put "
                                                       "DejaVuSansMono.ttf in the --fonts folder)")
                                                   : _(" (install the Debian package fonts-crosextra-carlito, or give --fonts DIR)")));
            return std::nullopt;
        }
        f.face = make_face(*file);
        widths[static_cast<size_t>(s)] = byte_widths(f.face.get());
        // Checked and measured: the pages go back until a subset needs some of them.
        ::madvise(const_cast<char*>(file->data), file->size, MADV_DONTNEED);
        // A font whose letters have no width would lay every line on top of itself.
        if (widths[static_cast<size_t>(s)]['a'] <= 0) {
            diags.error({f.path, 0, 0}, _("cannot measure the font: the font's letters have no width; the file is damaged"));
            return std::nullopt;
        }
    }
    // The line box puts the baseline at 0.8 of the size below its top.
    return FontFiles(std::move(faces), TableMetrics(widths, {0.8, 0.8, 0.8, 0.8, 0.8}));
}

std::string FontFiles::subset(FontStyle style, const std::vector<char32_t>& code_points, std::string* why) const {
    hb_subset_input_t* input = hb_subset_input_create_or_fail();
    if (!input) {
        *why = _("out of memory");
        return "";
    }
    hb_set_t* unicodes = hb_subset_input_unicode_set(input);
    for (char32_t cp : code_points) hb_set_add(unicodes, cp);
    // libharu embeds only the tables a TrueType font needs to be drawn; the layout tables
    // (ligatures, kerning) would be subset for nothing.
    hb_set_t* drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (const char* tag : {"GSUB", "GPOS", "GDEF", "kern", "DSIG", "hdmx", "LTSH", "VDMX", "gasp", "PCLT"})
        hb_set_add(drop, hb_tag_from_string(tag, 4));
    hb_face_t* sub = hb_subset_or_fail(faces_[static_cast<size_t>(style)].face.get(), input);
    hb_subset_input_destroy(input);
    if (!sub) {
        *why = _("HarfBuzz cannot subset the font");
        return "";
    }
    hb_blob_t* blob = hb_face_reference_blob(sub);
    unsigned length = 0;
    const char* data = hb_blob_get_data(blob, &length);
    std::string out(data ? data : "", data ? length : 0);
    hb_blob_destroy(blob);
    hb_face_destroy(sub);
    if (out.empty()) *why = _("HarfBuzz made an empty font");
    return out;
}

}  // namespace boardpack::render::pdf

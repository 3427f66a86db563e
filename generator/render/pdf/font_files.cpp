#include "render/pdf/font_files.hpp"
#include "core/messages.hpp"

#include <hb-subset.h>
#include <hb.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <mutex>
#include <span>

#include "render/pdf/truetype_check.hpp"
#include "render/pdf/code_points.hpp"

// DejaVu Sans (Debian package fonts-dejavu-core) sets code and prints what Carlito lacks.
#ifndef BOARDPACK_MONO_FONT_DIR
#define BOARDPACK_MONO_FONT_DIR "/usr/share/fonts/truetype/dejavu"
#endif

namespace boardpack::render::pdf {

namespace {

// A font file larger than this is not Carlito (about 0,6 MB), and is not read.
constexpr std::uintmax_t kMaxFontBytes = 32u << 20;

// The file of each face.
const char* face_file(int face) {
    if (face == kFallbackRegular) return "DejaVuSans.ttf";
    if (face == kFallbackBold) return "DejaVuSans-Bold.ttf";
    return font_file(static_cast<FontStyle>(face));
}

// Where a face's font file is: the --fonts folder, except that the DejaVu faces (code, and the
// fallbacks) come from their own Debian package's folder unless the --fonts folder has them.
std::string font_path(const std::string& dir, int face) {
    const std::string in_dir = dir + "/" + face_file(face);
    std::error_code ec;
    if (face < static_cast<int>(FontStyle::Mono) || std::filesystem::exists(in_dir, ec)) return in_dir;
    return std::string(BOARDPACK_MONO_FONT_DIR) + "/" + face_file(face);
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

// The styles' chains of faces: the style's own face, then the fallbacks. Asked for each
// character a style's own face lacks: held, not made each time.
std::span<const int> chain(FontStyle style) {
    static constexpr int kChains[kFontStyles][3] = {
        {static_cast<int>(FontStyle::Regular), kFallbackRegular, -1},
        {static_cast<int>(FontStyle::Bold), kFallbackBold, kFallbackRegular},
        {static_cast<int>(FontStyle::Italic), kFallbackRegular, -1},
        {static_cast<int>(FontStyle::BoldItalic), kFallbackBold, kFallbackRegular},
        {static_cast<int>(FontStyle::Mono), kFallbackRegular, -1}};
    const int* chain = kChains[static_cast<int>(style)];
    return {chain, chain[2] < 0 ? 2u : 3u};
}

// The characters a face has.
std::shared_ptr<hb_set_t> unicodes_of(hb_face_t* face) {
    std::shared_ptr<hb_set_t> set(hb_set_create(), hb_set_destroy);
    hb_face_collect_unicodes(face, set.get());
    return set;
}

// Advances in 1/1000 em of every character the face has, rounded down as the PDF's /W array
// gives them, so that the layout and the PDF agree to the unit; and the advance of .notdef.
TableMetrics::Advances advances_of(hb_face_t* face, hb_set_t* unicodes, double* notdef) {
    hb_font_t* font = hb_font_create(face);  // scaled in font units
    const unsigned upem = hb_face_get_upem(face);
    const unsigned n = hb_set_get_population(unicodes);
    std::vector<hb_codepoint_t> cps(n), glyphs(n);
    std::vector<hb_position_t> adv(n);
    hb_codepoint_t first = HB_SET_VALUE_INVALID;
    hb_set_next_many(unicodes, first, cps.data(), n);
    hb_font_get_nominal_glyphs(font, n, cps.data(), sizeof(hb_codepoint_t), glyphs.data(), sizeof(hb_codepoint_t));
    hb_font_get_glyph_h_advances(font, n, glyphs.data(), sizeof(hb_codepoint_t), adv.data(), sizeof(hb_position_t));
    *notdef = static_cast<double>(static_cast<unsigned>(hb_font_get_glyph_h_advance(font, 0)) * 1000 / upem);
    hb_font_destroy(font);
    TableMetrics::Advances out;
    out.reserve(n + 3);
    for (unsigned i = 0; i < n; ++i)
        out.push_back({static_cast<char32_t>(cps[i]), static_cast<double>(static_cast<unsigned>(adv[i]) * 1000 / upem)});
    // A character the face lacks but prints with another's glyph has that one's advance, and
    // counts as the face's.
    for (char32_t cp : {U'\u00A0', U'\u2010', U'\u2011'}) {
        const char32_t same = same_glyph_as(cp);
        if (hb_set_has(unicodes, cp) || !hb_set_has(unicodes, same)) continue;
        const auto it = std::lower_bound(out.begin(), out.begin() + n, std::pair<char32_t, double>{same, -1e30});
        out.push_back({cp, it->second});
        hb_set_add(unicodes, cp);
    }
    // The added ones among the rest: the first n are in order already (a set's members come
    // ascending), and sorting the whole list again cost some 7 M instructions a run.
    const auto added = out.begin() + static_cast<std::ptrdiff_t>(n);
    std::sort(added, out.end());
    std::inplace_merge(out.begin(), added, out.end());
    return out;
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

namespace {

// What a message about face i's file adds: the Debian package that has it.
std::string install_hint(int i) {
    return i >= static_cast<int>(FontStyle::Mono)
               ? fmt(_(" (install the Debian package fonts-dejavu-core, or put {} in the --fonts folder)"), face_file(i))
               : std::string(_(" (install the Debian package fonts-crosextra-carlito, or give --fonts DIR)"));
}

// One face read, checked and measured, or *why set.
bool read_face(FontFiles::Face& f, int i, TableMetrics::Advances& advances, double& notdef, std::string* why) {
    const auto file = map_font(f.path, why);
    if (file) *why = truetype_problem(std::string_view(file->data, file->size));
    if (!why->empty()) {
        if (file) ::munmap(const_cast<char*>(file->data), file->size);
        *why += install_hint(i);
        return false;
    }
    f.face = make_face(*file);
    f.unicodes = unicodes_of(f.face.get());
    advances = advances_of(f.face.get(), f.unicodes.get(), &notdef);
    // Checked and measured: the pages go back until a subset needs some of them.
    ::madvise(const_cast<char*>(file->data), file->size, MADV_DONTNEED);
    // A font whose letters have no width would lay every line on top of itself.
    const auto a = std::find_if(advances.begin(), advances.end(), [](const auto& p) { return p.first == 'a'; });
    if (a == advances.end() || a->second <= 0) {
        *why = _("cannot measure the font: the font's letters have no width; the file is damaged");
        return false;
    }
    return true;
}

// Per style, its chain's advances (the faces of `faces` the chain has: with only the styles'
// own faces, a character the style's face lacks measures as -1, "ask the fallbacks"): the first
// face that has a character measures it (a code point given twice keeps its first advance); one
// no face has prints as the stand-in (□). Invisible characters are measured as nothing, tabs and
// line ends as a space.
TableMetrics merge_metrics(const std::array<TableMetrics::Advances, kFaces>& advances, const std::array<double, kFaces>& notdef,
                           int faces, int only_style = -1) {
    std::array<TableMetrics::Advances, kFontStyles> by_style;
    std::array<double, kFontStyles> missing{};
    missing.fill(-1);
    for (int s = 0; s < kFontStyles; ++s) {
        if (only_style >= 0 && s != only_style) continue;
        const FontStyle style = static_cast<FontStyle>(s);
        const auto& own = advances[static_cast<size_t>(s)];
        const auto space = std::find_if(own.begin(), own.end(), [](const auto& p) { return p.first == ' '; });
        TableMetrics::Advances out = {{U'\t', space == own.end() ? 0 : space->second}, {U'\n', space == own.end() ? 0 : space->second}};
        for (char32_t cp : kInvisible) out.push_back({cp, 0});
        std::sort(out.begin(), out.end());
        // Merged in order, each list sorted: an earlier list's advance wins (std::set_union
        // keeps the first range's element of two equal ones).
        const auto by_cp = [](const auto& a, const auto& b) { return a.first < b.first; };
        for (int face : chain(style)) {
            if (face >= faces) continue;
            const auto& more = advances[static_cast<size_t>(face)];
            TableMetrics::Advances merged;
            merged.reserve(out.size() + more.size());
            std::set_union(out.begin(), out.end(), more.begin(), more.end(), std::back_inserter(merged), by_cp);
            out.swap(merged);
        }
        // A character no face has prints as the stand-in, measured so.
        const auto stand_in = std::lower_bound(out.begin(), out.end(), std::pair<char32_t, double>{kStandIn, -1e30});
        missing[static_cast<size_t>(s)] = faces < kFaces ? -1
                                          : stand_in != out.end() && stand_in->first == kStandIn
                                              ? stand_in->second
                                              : notdef[static_cast<size_t>(s)];
        by_style[static_cast<size_t>(s)] = std::move(out);
    }
    // The line box puts the baseline at 0.8 of the size below its top.
    return TableMetrics(by_style, missing, {0.8, 0.8, 0.8, 0.8, 0.8});
}

}  // namespace

// The faces read when first needed, and the metrics with them. The italic, bold italic and
// monospace faces are read the first time text in their style is measured or printed: many
// packets have no emphasis or code, and reading, checking and measuring a face costs some 1 M
// instructions (issue 10). The fallback faces are read the first time a character some style's
// own face lacks is measured or printed: most packets have none, and reading, checking and
// measuring the two DejaVu files cost some 16 M instructions of the example's 268 M (issue 10).
// Two editions render at once, on two threads: std::call_once makes each once.
struct FontFiles::Fallbacks {
    std::array<std::once_flag, kFontStyles> style_once;
    std::array<std::optional<TableMetrics>, kFontStyles> style_metrics;  // a late style's own face's
    std::once_flag once;
    std::array<TableMetrics::Advances, kFaces> advances;  // the styles' own, from load
    std::array<double, kFaces> notdef{};
    std::array<Face, kFaces> faces;  // the styles' own (shared), then the fallbacks once read
    std::optional<TableMetrics> metrics;
    FallbackProblem problem;  // the first fallback face that cannot be read ("" if none)
    std::mutex style_problem_lock;
    FallbackProblem style_problem;  // the first late style's face that cannot be read

    // Face i read into its place; a damaged file has no characters (what it would print falls
    // to the fallbacks or is missing), and *why says what is wrong with it.
    void read_late(int i, std::string* why) {
        TableMetrics::Advances adv;
        double nd = 0;
        if (read_face(faces[static_cast<size_t>(i)], i, adv, nd, why)) {
            advances[static_cast<size_t>(i)] = std::move(adv);
            notdef[static_cast<size_t>(i)] = nd;
            return;
        }
        faces[static_cast<size_t>(i)].unicodes.reset(hb_set_create(), hb_set_destroy);
        faces[static_cast<size_t>(i)].face.reset(hb_face_get_empty(), hb_face_destroy);
    }

    // A late style's face, read once.
    void ensure_style(int s) {
        std::call_once(style_once[static_cast<size_t>(s)], [this, s] {
            std::string why;
            read_late(s, &why);
            if (!why.empty()) {
                const std::lock_guard<std::mutex> hold(style_problem_lock);
                if (style_problem.why.empty()) style_problem = {faces[static_cast<size_t>(s)].path, why};
            }
            style_metrics[static_cast<size_t>(s)].emplace(merge_metrics(advances, notdef, kFontStyles, s));
        });
    }

    void ensure() {
        std::call_once(once, [this] {
            // Every style's own face measures first in its chain: the late ones are read now.
            for (int s = 0; s < kFontStyles; ++s)
                if (read_late_style(static_cast<FontStyle>(s))) ensure_style(s);
            for (int i = kFontStyles; i < kFaces; ++i) {
                std::string why;
                read_late(i, &why);
                if (!why.empty() && problem.why.empty()) problem = {faces[static_cast<size_t>(i)].path, why};
            }
            metrics.emplace(merge_metrics(advances, notdef, kFaces));
            for (auto& a : advances) TableMetrics::Advances().swap(a);  // measured: not needed again
        });
    }
};

double FontFiles::LazyMetrics::from_fallbacks(char32_t cp, FontStyle style) const {
    fallbacks_->ensure();
    return fallbacks_->metrics->advance(cp, style);
}

double FontFiles::LazyMetrics::late_style(char32_t cp, FontStyle style) const {
    const auto s = static_cast<int>(style);
    fallbacks_->ensure_style(s);
    const double a = fallbacks_->style_metrics[static_cast<size_t>(s)]->advance(cp, style);
    return a >= 0 ? a : from_fallbacks(cp, style);
}

std::optional<FontFiles> FontFiles::load(const std::string& font_dir, Diagnostics& diags) {
    auto fallbacks = std::make_shared<Fallbacks>();
    std::array<Face, kFaces>& faces = fallbacks->faces;
    for (int i = 0; i < kFaces; ++i) faces[static_cast<size_t>(i)].path = font_path(font_dir, i);
    for (int i = 0; i < kFontStyles; ++i) {
        if (read_late_style(static_cast<FontStyle>(i))) continue;
        Face& f = faces[static_cast<size_t>(i)];
        std::string why;
        if (!read_face(f, i, fallbacks->advances[static_cast<size_t>(i)], fallbacks->notdef[static_cast<size_t>(i)], &why)) {
            diags.error({f.path, 0, 0}, why);
            return std::nullopt;
        }
    }
    // The faces read late are read when first needed; a missing one is reported now.
    for (int i = 0; i < kFaces; ++i) {
        if (i < kFontStyles && !read_late_style(static_cast<FontStyle>(i))) continue;
        std::error_code ec;
        if (!std::filesystem::is_regular_file(faces[static_cast<size_t>(i)].path, ec)) {
            diags.error({faces[static_cast<size_t>(i)].path, 0, 0}, _("cannot open the font file") + install_hint(i));
            return std::nullopt;
        }
    }
    // The characters below kDirect the style's own face has (-2: ask the fallbacks).
    Direct direct{};
    for (int s = 0; s < kFontStyles; ++s)
        for (char32_t cp = 0; cp < kDirect; ++cp)
            direct[static_cast<size_t>(s)][cp] =
                !read_late_style(static_cast<FontStyle>(s)) && hb_set_has(faces[static_cast<size_t>(s)].unicodes.get(), cp)
                    ? static_cast<signed char>(s)
                    : -2;
    TableMetrics own = merge_metrics(fallbacks->advances, fallbacks->notdef, kFontStyles);
    return FontFiles(std::move(fallbacks), std::move(own), direct);
}

const FontFiles::Face& FontFiles::face_entry(int face) const {
    if (face >= kFontStyles) fallbacks_->ensure();
    else if (read_late_style(static_cast<FontStyle>(face))) fallbacks_->ensure_style(face);
    return fallbacks_->faces[static_cast<size_t>(face)];
}

const std::string& FontFiles::face_path(int face) const { return fallbacks_->faces[static_cast<size_t>(face)].path; }

const FontFiles::FallbackProblem* FontFiles::style_problem() const {
    return fallbacks_->style_problem.why.empty() ? nullptr : &fallbacks_->style_problem;
}

bool FontFiles::style_read(FontStyle style) const {
    return !read_late_style(style) || fallbacks_->style_metrics[static_cast<size_t>(style)].has_value();
}

const FontFiles::FallbackProblem* FontFiles::fallback_problem() const {
    if (!fallbacks_->metrics.has_value() || fallbacks_->problem.why.empty()) return nullptr;
    return &fallbacks_->problem;
}

bool FontFiles::fallbacks_read() const {
    // call_once has no "done?" query; the metrics are set inside it, before it returns.
    return fallbacks_->metrics.has_value();
}

int FontFiles::face_beyond(char32_t cp, FontStyle style) const {
    for (int face : chain(style))
        if (hb_set_has(face_entry(face).unicodes.get(), cp)) return face;
    return -1;
}

std::string FontFiles::subset(int face, const std::vector<char32_t>& code_points, std::string* why) const {
    hb_subset_input_t* input = hb_subset_input_create_or_fail();
    if (!input) {
        *why = _("out of memory");
        return "";
    }
    hb_set_t* unicodes = hb_subset_input_unicode_set(input);
    hb_set_t* has = face_entry(face).unicodes.get();
    for (char32_t cp : code_points) {
        hb_set_add(unicodes, cp);
        if (const char32_t same = same_glyph_as(cp)) hb_set_add(unicodes, same);
        else if (!hb_set_has(has, cp)) hb_set_add(unicodes, kStandIn);  // no face has it
    }
    // The PDF needs only the tables a TrueType font needs to be drawn; the layout tables
    // (ligatures, kerning) would be subset for nothing.
    hb_set_t* drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (const char* tag : {"GSUB", "GPOS", "GDEF", "kern", "DSIG", "hdmx", "LTSH", "VDMX", "gasp", "PCLT"})
        hb_set_add(drop, hb_tag_from_string(tag, 4));
    hb_face_t* whole = face_entry(face).face.get();
    hb_face_t* sub = hb_subset_or_fail(whole, input);
    hb_subset_input_destroy(input);
    // Subset: the file's pages go back again (as after the check in load), so a large packet
    // does not hold some 1 MB of font files while libharu writes it.
    hb_blob_t* file = hb_face_reference_blob(whole);
    unsigned file_size = 0;
    if (const char* bytes = hb_blob_get_data(file, &file_size); bytes && file_size > 0)
        ::madvise(const_cast<char*>(bytes), file_size, MADV_DONTNEED);
    hb_blob_destroy(file);
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

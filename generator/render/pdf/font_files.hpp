// The PDF's font faces, each read, checked and parsed once per run: their glyph widths for the
// layout, which face prints a character, and a subset of the glyphs a PDF uses for embedding
// (HarfBuzz's hb-subset). Beside the five faces of the styles, two fallback faces (DejaVu Sans
// and DejaVu Sans Bold) print the characters Carlito lacks (Greek, Cyrillic, arrows ...). Carlito's
// licence reserves its name for the unmodified font, so subsets are only ever made at run time
// and embedded, never written where they could be shipped.
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "render/pdf/font_metrics.hpp"

struct hb_face_t;
struct hb_set_t;

namespace boardpack::render::pdf {

// The font file for each style, in the font folder.
const char* font_file(FontStyle style);

// The faces: the five styles' (indexed by FontStyle), then the two fallback faces.
inline constexpr int kFallbackRegular = kFontStyles, kFallbackBold = kFontStyles + 1, kFaces = kFontStyles + 2;

// The five faces of a run, read from the --fonts folder (the monospace face from its own
// Debian package's folder unless the --fonts folder has one).
class FontFiles {
public:
    // Reads and checks the five font files; on a problem reports it, naming the file.
    static std::optional<FontFiles> load(const std::string& font_dir, Diagnostics& diags);

    // The glyph widths of the five faces, as libharu puts them into the PDF.
    const TableMetrics& metrics() const { return metrics_; }
    // The file a style's face was read from, for messages.
    const std::string& path(FontStyle style) const { return faces_[static_cast<size_t>(style)].path; }
    // The file a face (0 .. kFaces-1) was read from.
    const std::string& face_path(int face) const { return faces_[static_cast<size_t>(face)].path; }
    // The HarfBuzz face, for what the PDF says about the font (its name, box, ascent).
    hb_face_t* face(int face) const { return faces_[static_cast<size_t>(face)].face.get(); }
    // The face that prints `cp` in `style`: the style's own, else the fallback faces (the bold
    // one first for bold text); -1 if none has it.
    int face_of(char32_t cp, FontStyle style) const {
        return cp < kDirect ? direct_[static_cast<size_t>(style)][cp] : face_beyond(cp, style);
    }
    // A TrueType font of `face` holding only the glyphs of these characters (and .notdef, and
    // the stand-in □ for one the face lacks), with the same widths; "" with *why set if
    // HarfBuzz cannot make it.
    std::string subset(int face, const std::vector<char32_t>& code_points, std::string* why) const;

private:
    int face_beyond(char32_t cp, FontStyle style) const;
    struct Face {
        std::string path;
        std::shared_ptr<hb_face_t> face;    // owns the file's bytes
        std::shared_ptr<hb_set_t> unicodes;  // the characters it has
    };
    // The characters below kDirect, where nearly all text is: the face of each, per style,
    // so that the writer looks up no set for them (-1: none has it).
public:
    static constexpr char32_t kDirect = 0x180;

private:
    using Direct = std::array<std::array<signed char, kDirect>, kFontStyles>;
    FontFiles(std::array<Face, kFaces> faces, TableMetrics metrics, Direct direct)
        : faces_(std::move(faces)), metrics_(std::move(metrics)), direct_(direct) {}

    std::array<Face, kFaces> faces_;
    TableMetrics metrics_;
    Direct direct_;
};

}  // namespace boardpack::render::pdf

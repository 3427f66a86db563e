// The PDF's font faces, each read, checked and parsed once per run: their glyph widths for the
// layout, and a subset of the glyphs a PDF uses for embedding (HarfBuzz's hb-subset). Carlito's
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

namespace boardpack::render::pdf {

// The font file for each style, in the font folder.
const char* font_file(FontStyle style);

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
    // A TrueType font holding only the glyphs of these characters (and .notdef), with the
    // same widths; "" with *why set if HarfBuzz cannot make it. Code points, not bytes, so that
    // text beyond Windows-1252 needs no change here.
    std::string subset(FontStyle style, const std::vector<char32_t>& code_points, std::string* why) const;

private:
    struct Face {
        std::string path;
        std::shared_ptr<hb_face_t> face;  // owns the file's bytes
    };
    FontFiles(std::array<Face, kFontStyles> faces, TableMetrics metrics)
        : faces_(std::move(faces)), metrics_(std::move(metrics)) {}

    std::array<Face, kFontStyles> faces_;
    TableMetrics metrics_;
};

}  // namespace boardpack::render::pdf

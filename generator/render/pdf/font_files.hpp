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
#include "render/pdf/line_memo.hpp"
#include "render/pdf/subset_memo.hpp"

struct hb_face_t;
struct hb_set_t;

namespace boardpack::render::pdf {

// The font file for each style, in the font folder.
const char* font_file(FontStyle style);

// The faces: the five styles' (indexed by FontStyle), then the two fallback faces.
inline constexpr int kFallbackRegular = kFontStyles, kFallbackBold = kFontStyles + 1, kFaces = kFontStyles + 2;

// The styles whose faces are read the first time text in them is measured or printed (their
// files are looked for at load): italic, bold italic and monospace. Regular and bold are read
// at load.
inline bool read_late_style(FontStyle style) { return style != FontStyle::Regular && style != FontStyle::Bold; }

// The five faces of a run, read from the --fonts folder (the monospace face from its own
// Debian package's folder unless the --fonts folder has one).
class FontFiles {
public:
    // Reads and checks the regular and bold font files (the others are only looked for: they are
    // read when text in their style, or a character only they have, needs them); on a problem
    // reports it, naming the file.
    static std::optional<FontFiles> load(const std::string& font_dir, Diagnostics& diags);

    // The glyph widths for the layout, as the PDF gives them: the fallback faces are read the
    // first time a character the style's own face lacks is measured (thread-safe).
    const FontMetrics& layout_metrics() const { return lazy_; }
    // The file a style's face was read from, for messages.
    const std::string& path(FontStyle style) const { return face_path(static_cast<int>(style)); }
    // The file a face (0 .. kFaces-1) is read from (it is not read for this).
    const std::string& face_path(int face) const;
    // The HarfBuzz face, for what the PDF says about the font (its name, box, ascent).
    hb_face_t* face(int face) const { return face_entry(face).face.get(); }
    // The face that prints `cp` in `style`: the style's own, else the fallback faces (the bold
    // one first for bold text); -1 if none has it.
    int face_of(char32_t cp, FontStyle style) const {
        if (cp < kDirect)
            if (const int own = direct_[static_cast<size_t>(style)][cp]; own != -2) return own;
        return face_beyond(cp, style);
    }
    // A TrueType font of `face` holding only the glyphs of these characters (and .notdef, and
    // the stand-in □ for one the face lacks), with the same widths; "" with *why set if
    // HarfBuzz cannot make it.
    std::string subset(int face, const std::vector<char32_t>& code_points, std::string* why) const;
    // The subsets embedded so far in this run, as the PDF holds them (embed_cid_font makes each
    // once; thread-safe).
    SubsetMemo& subsets() const { return *subsets_; }
    // Whether the fallback faces have been read yet (for tests: not thread-safe).
    bool fallbacks_read() const;
    // A fallback face that could not be read when a character needed it: its file and why.
    struct FallbackProblem {
        std::string path, why;
    };
    // The first fallback face that failed to read, once the fallbacks have been read (nullptr
    // before, or if both read): what report_unprintable turns into an error, so a damaged
    // DejaVu file is never only a missing character. Not thread-safe, like fallbacks_read().
    const FallbackProblem* fallback_problem() const;
    // The first face of a late style (read_late_style) that could not be read when text in its
    // style needed it, or nullptr: the build reports it as an error once the editions are
    // rendered (what that text printed in is not what the packet promises). Not thread-safe.
    const FallbackProblem* style_problem() const;
    // Whether a style's face has been read (for tests: not thread-safe).
    bool style_read(FontStyle style) const;

    // A face: its file, HarfBuzz face and characters.
    struct Face {
        std::string path;
        std::shared_ptr<hb_face_t> face;    // owns the file's bytes
        std::shared_ptr<hb_set_t> unicodes;  // the characters it has
    };
    // The characters below kDirect, where nearly all text is: the face of each, per style,
    // so that the writer looks up no set for them (-2: not the style's own face).
    static constexpr char32_t kDirect = 0x180;

private:
    struct Fallbacks;
    // The styles' own faces' widths; a character they lack asks the fallbacks.
    class LazyMetrics final : public FontMetrics {
    public:
        LazyMetrics(TableMetrics own, std::shared_ptr<Fallbacks> fallbacks) : own_(std::move(own)), fallbacks_(std::move(fallbacks)) {
            // A style's ASCII advances are kept for advance_of() when its own face has every one
            // (none then asks the fallbacks, which are read only when a character needs them).
            for (int s = 0; s < kFontStyles; ++s) {
                std::array<float, kAscii> ascii{};
                bool all = true;
                for (char32_t k = 0; k < kAscii && all; ++k) {
                    const double a = own_.advance(kFirstAscii + k, static_cast<FontStyle>(s));
                    all = a >= 0;
                    ascii[k] = static_cast<float>(a);
                }
                if (all) keep_ascii(static_cast<FontStyle>(s), ascii);
            }
        }
        double advance(char32_t cp, FontStyle style) const override {
            if (read_late_style(style)) return late_style(cp, style);
            const double a = own_.advance(cp, style);
            return a >= 0 ? a : from_fallbacks(cp, style);
        }
        double ascent(FontStyle style) const override { return own_.ascent(style); }
        // The run's paragraphs are laid out up to four times: broken once.
        LineMemo* line_memo() const override { return memo_.get(); }

    private:
        double from_fallbacks(char32_t cp, FontStyle style) const;
        double late_style(char32_t cp, FontStyle style) const;  // its face read first if need be
        TableMetrics own_;
        std::shared_ptr<Fallbacks> fallbacks_;
        std::shared_ptr<LineMemo> memo_ = std::make_shared<LineMemo>();
    };
    using Direct = std::array<std::array<signed char, kDirect>, kFontStyles>;
    FontFiles(std::shared_ptr<Fallbacks> fallbacks, TableMetrics own, Direct direct)
        : fallbacks_(fallbacks), lazy_(std::move(own), fallbacks), direct_(direct) {}
    int face_beyond(char32_t cp, FontStyle style) const;
    const Face& face_entry(int face) const;

    std::shared_ptr<Fallbacks> fallbacks_;  // shared with lazy_; holds all faces
    LazyMetrics lazy_;
    Direct direct_;
    std::shared_ptr<SubsetMemo> subsets_ = std::make_shared<SubsetMemo>();
};

}  // namespace boardpack::render::pdf

// What the PDF writer embeds: for each face the characters a document prints with it, and the
// subset of that face holding just their glyphs, in a private temporary file (libharu 2.3 reads
// TrueType fonts only from a file).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "render/pdf/font_files.hpp"
#include "render/pdf/page_items.hpp"

namespace boardpack::render::pdf {

// The characters each style prints in the document, sorted; empty for a style it does not use
// (whose face is then not embedded at all). Characters, not bytes: the encoding is the
// writer's business.
std::array<std::vector<char32_t>, kFontStyles> used_characters(const LaidOutDocument& doc);

// A font subset in a new file only we can read, in $TMPDIR (or /tmp); the file is removed by
// remove() (as soon as libharu has opened it) or at the latest when this goes.
class TemporaryFontFile {
public:
    // Subsets `style` of `fonts` to `characters` and writes it; nullopt with *why set on failure.
    static std::optional<TemporaryFontFile> make(const FontFiles& fonts, FontStyle style,
                                                 const std::vector<char32_t>& characters, std::string* why);
    TemporaryFontFile(TemporaryFontFile&& other) noexcept : path_(std::move(other.path_)) { other.path_.clear(); }
    TemporaryFontFile(const TemporaryFontFile&) = delete;
    TemporaryFontFile& operator=(const TemporaryFontFile&) = delete;
    ~TemporaryFontFile() { remove(); }

    const std::string& path() const { return path_; }
    void remove();

private:
    explicit TemporaryFontFile(std::string path) : path_(std::move(path)) {}
    std::string path_;
};

}  // namespace boardpack::render::pdf

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

// A font subset in a private temporary file for libharu: a file without a name where the
// system allows it (Linux O_TMPFILE, opened through /proc/self/fd), else a new file in $TMPDIR
// (or /tmp) only we can read. remove() closes it and removes the name, as soon as libharu has
// opened it; at the latest it happens when this goes.
class TemporaryFontFile {
public:
    // Subsets `style` of `fonts` to `characters` and writes it; nullopt with *why set on failure.
    static std::optional<TemporaryFontFile> make(const FontFiles& fonts, FontStyle style,
                                                 const std::vector<char32_t>& characters, std::string* why);
    TemporaryFontFile(TemporaryFontFile&& other) noexcept
        : path_(std::move(other.path_)), fd_(other.fd_), named_(other.named_) {
        other.path_.clear();
        other.fd_ = -1;
    }
    TemporaryFontFile(const TemporaryFontFile&) = delete;
    TemporaryFontFile& operator=(const TemporaryFontFile&) = delete;
    ~TemporaryFontFile() { remove(); }

    // The name libharu opens it by.
    const std::string& path() const { return path_; }
    void remove();

private:
    TemporaryFontFile(std::string path, int fd, bool named) : path_(std::move(path)), fd_(fd), named_(named) {}
    std::string path_;
    int fd_ = -1;
    bool named_ = false;  // a name in $TMPDIR to remove
};

}  // namespace boardpack::render::pdf

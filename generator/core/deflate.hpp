// zlib-format (FlateDecode) compression, with libdeflate, at a level boardpack chooses: of a PDF
// page's content stream (libharu 2.3 compresses every stream at zlib's default level, with no
// setting for it, and keeps each page's content uncompressed in memory until the whole document
// is saved), a font subset, and a PDF attachment page's content as it is copied into the packet.
#pragma once

#include <string>
#include <string_view>

struct libdeflate_compressor;

namespace boardpack {

// The level, chosen on measurement of the example's two PDFs (callgrind, whole build, issue 10):
// zlib at level 3 (what boardpack used before) compressed the pages in 37 M instructions, to
// 164.090 + 138.424 bytes; libdeflate at level 1 takes 17 M for files 1 % smaller (162.386 +
// 136.896), at 3 26 M and at 6 31 M for 2 % and 3 % smaller. Level 1 is smaller than before
// at half the cost.
inline constexpr int kDeflateLevel = 1;

// One compressor for all pages, set up once (it holds some hundred KiB of tables).
class Deflater {
public:
    explicit Deflater(int level = kDeflateLevel);
    ~Deflater();
    Deflater(const Deflater&) = delete;
    Deflater& operator=(const Deflater&) = delete;

    // The zlib (FlateDecode) form of the bytes; valid until the next call. False if compression fails.
    bool compress(std::string_view bytes);
    const std::string& result() const { return out_; }
    // The most bytes compress() can make of `size` bytes.
    size_t bound(size_t size) const;
    int level() const { return level_; }

private:
    libdeflate_compressor* c_;
    int level_;
    std::string out_;
};

}  // namespace boardpack

// zlib compression of a page's content stream at a level boardpack chooses: libharu 2.3
// compresses every stream at zlib's default level, with no setting for it, and keeps each
// page's content uncompressed in memory until the whole document is saved.
#pragma once

#include <string>
#include <string_view>

struct z_stream_s;

namespace boardpack::render::pdf {

// The level, chosen on measurement of the example's two PDFs (callgrind, whole build):
// level 6 (zlib's default, libharu's) 616 M instructions and 158.765 + 135.145 bytes; 3: 605 M,
// 2,6 % larger; 1: 604 M, 4 % larger. 3 is the knee: below it the files grow for nothing.
inline constexpr int kDeflateLevel = 3;

// One zlib stream, reset for each page rather than set up again (deflateInit clears some
// 256 KiB each time).
class Deflater {
public:
    explicit Deflater(int level = kDeflateLevel);
    ~Deflater();
    Deflater(const Deflater&) = delete;
    Deflater& operator=(const Deflater&) = delete;

    // The zlib (FlateDecode) form of the bytes; valid until the next call. False if zlib fails.
    bool compress(std::string_view bytes);
    const std::string& result() const { return out_; }

private:
    z_stream_s* z_;
    bool ready_ = false;
    std::string out_;
};

}  // namespace boardpack::render::pdf

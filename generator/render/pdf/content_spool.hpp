// The pages' compressed content between its being made and the document's save. libharu reads a
// stream's data only when it saves the whole document, so content kept in memory until then is
// every page of the packet at once: some 3,4 MB of ten times the example's public packet, the
// largest thing held at the build's peak. Spooled to an unnamed file beside the PDF being
// written, a page's content is in memory only while the page is made, and libharu reads it back,
// in order, as it saves. With no file (`boardpack check` writes nothing) the pieces stay in
// memory, as before.
#pragma once

#include <hpdf.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace boardpack::render::pdf {

class ContentSpool {
public:
    // Where a piece of content is: its place in the file, or its index among those in memory.
    struct Piece {
        uint64_t at = 0;
        uint32_t size = 0;
    };

    ContentSpool() = default;
    ContentSpool(const ContentSpool&) = delete;
    ContentSpool& operator=(const ContentSpool&) = delete;
    ~ContentSpool();

    // Spools to a file of its own in the folder `dir`, which has no name (O_TMPFILE) or has one
    // only for as long as it takes to remove it, and is gone when the spool is. False with *why
    // set (the system's reason) if it cannot be made: the PDF beside it could not be written either.
    bool open_in(const std::string& dir, std::string* why);

    // Keeps a copy of `bytes`; false with *why set if the file cannot be written (a full disk).
    bool add(std::string_view bytes, Piece* piece, std::string* why);

    // The piece's bytes, read back (for the document's /ID, of a page another PDF wrote).
    bool read(const Piece& piece, std::string& out, std::string* why);

    // A libharu stream that reads the piece when the document is saved; the spool must outlive
    // that. nullptr if libharu cannot allocate it (it has recorded the error).
    HPDF_Stream stream(HPDF_MMgr mmgr, const Piece& piece);

private:
    // Copies `n` bytes from the file's `at` into `to`, through a read-ahead window (libharu asks
    // for 4 KiB at a time, in the order the pieces were added); errno, or 0.
    int copy_out(uint64_t at, char* to, size_t n);
    static HPDF_STATUS read_piece(HPDF_Stream stream, HPDF_BYTE* buf, HPDF_UINT* size);

    int fd_ = -1;
    uint64_t flushed_ = 0;       // the bytes in the file; those after it are in pending_
    std::string pending_;        // written to the file in pieces of some 64 KiB
    std::string window_;         // read ahead from the file
    uint64_t window_at_ = 0;
    std::vector<std::string> in_memory_;  // with no file: each piece
};

}  // namespace boardpack::render::pdf

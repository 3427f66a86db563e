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
#include <functional>
#include <memory>
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

    // Writes the piece into a libharu stream (the document being saved): HPDF_OK, or the status
    // of what failed, recorded in the stream's error.
    HPDF_STATUS write_to(const Piece& piece, HPDF_Stream stream);

    // errno of the first write to the file or read from it that failed, or 0.
    int error() const { return error_; }

private:
    // Makes the read-ahead window hold the file's byte `at` (the pieces are read back in the
    // order they were added, so a window of 64 KiB is some 20 pages' content); errno, or 0.
    int window_at(uint64_t at);
    // Hands the piece's bytes to `take` part by part, as they lie (in memory, in the window, in
    // what is not yet written), until it says to stop; errno of a failed read, or 0.
    int parts(const Piece& piece, const std::function<bool(std::string_view)>& take);

    int fd_ = -1;
    uint64_t flushed_ = 0;       // the bytes in the file; those after it are in pending_
    std::string pending_;        // written to the file in pieces of some 64 KiB
    std::unique_ptr<char[]> window_;  // read ahead from the file: kChunk bytes, window_size_ of them read
    size_t window_size_ = 0;
    uint64_t window_at_ = 0;
    std::vector<std::string> in_memory_;  // with no file: each piece
    int error_ = 0;
};

}  // namespace boardpack::render::pdf

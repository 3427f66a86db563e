// The pages' compressed content between its being made and the document's save. libharu reads a
// stream's data only when it saves the whole document, so content kept in memory until then is
// every page of the packet at once: some 3,4 MB of ten times the example's public packet, the
// largest thing held at the build's peak. Past kInMemory bytes (an edition of twice the
// example's size), it is spooled to an unnamed file beside the PDF being written, so that a
// page's content is in memory only while the page is made, and libharu reads it back, in order,
// as it saves. Below that the file is never made: making and freeing it cost the example 0,6-3
// ms of CPU a build (two inodes, written, read and freed; runs in turn), for 200 KB. With no file
// (`boardpack check` writes nothing) the pieces stay in memory whatever their size.
#pragma once

#include <hpdf.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

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

    // What the spool keeps in memory before it makes its file, and then writes to the file at once.
    static constexpr size_t kInMemory = 256 * 1024;

    // Spools, once the content passes kInMemory, to a file of its own in the folder `dir`, which
    // has no name (O_TMPFILE) or has one only for as long as it takes to remove it, and is gone
    // when the spool is.
    void spool_in(std::string dir);

    // Keeps a copy of `bytes`; false with *why set (the system's reason) if the file cannot be
    // made or written (a folder it cannot write in, a full disk): the PDF beside it could not
    // be written either.
    bool add(std::string_view bytes, Piece* piece, std::string* why);

    // Whether the spool has made its file (for tests).
    bool in_file() const { return fd_ >= 0; }

    // The piece's bytes, read back (for the document's /ID, of a page another PDF wrote).
    bool read(const Piece& piece, std::string& out, std::string* why);

    // Writes the piece into a libharu stream (the document being saved): HPDF_OK, or the status
    // of what failed, recorded in the stream's error.
    HPDF_STATUS write_to(const Piece& piece, HPDF_Stream stream);

    // errno of the first write to the file or read from it that failed, or 0.
    int error() const { return error_; }

private:
    // Makes the file and writes pending_ to it; errno, or 0.
    int flush();
    // Makes the read-ahead window hold the file's byte `at` (the pieces are read back in the
    // order they were added, so a window of 64 KiB is some 20 pages' content); errno, or 0.
    int window_at(uint64_t at);
    // Hands the piece's bytes to `take` part by part, as they lie (in memory, in the window, in
    // what is not yet written), until it says to stop; errno of a failed read, or 0.
    int parts(const Piece& piece, const std::function<bool(std::string_view)>& take);

    std::string dir_;            // the folder of the file; "" for none: all is kept in memory
    int fd_ = -1;
    uint64_t flushed_ = 0;       // the bytes in the file; those after it are in pending_
    std::string pending_;        // written to the file kInMemory bytes at a time
    std::unique_ptr<char[]> window_;  // read ahead from the file: kChunk bytes, window_size_ of them read
    size_t window_size_ = 0;
    uint64_t window_at_ = 0;
    int error_ = 0;
};

}  // namespace boardpack::render::pdf

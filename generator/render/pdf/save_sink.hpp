// Where libharu writes a document it saves: a file, through a buffer of our own, or nowhere
// (`boardpack check` renders everything but writes nothing). libharu's own file stream makes
// one stdio call per token it writes (some 90.000 for the example's four PDFs, a tenth of
// saving them), and its memory stream copies every byte one at a time.
#pragma once

#include <hpdf.h>

#include <memory>
#include <string>

#include "core/fingerprint.hpp"

namespace boardpack::render::pdf {

class SaveSink {
public:
    SaveSink() = default;
    SaveSink(const SaveSink&) = delete;
    SaveSink& operator=(const SaveSink&) = delete;
    ~SaveSink();

    // Opens (creates or empties) the file; false with *why set (the system's reason).
    bool open(const std::string& path, std::string* why);

    // Saves the document into the file opened, or, with none, only counts its bytes. libharu's
    // status: HPDF_OK, or what failed (the error handler has been told); a failed write's
    // reason is in *why.
    HPDF_STATUS save(HPDF_Doc pdf, std::string* why);

    // The bytes saved.
    size_t size() const { return size_; }
    // The file's size and fingerprint, of the bytes as they were written to it (none without a file).
    FileRecord record() const { return print_.record(); }

private:
    static HPDF_STATUS write(HPDF_Stream stream, const HPDF_BYTE* bytes, HPDF_UINT count);
    bool write_all(const char* bytes, size_t count);  // to the file, all of it; false with error_ set
    bool flush();
    bool close();

    int fd_ = -1;
    // The bytes not yet written: libharu's pieces are mostly a few bytes each (58.000 calls for
    // the example), copied in without a string's bookkeeping.
    std::unique_ptr<char[]> buffer_;
    size_t buffered_ = 0;
    size_t size_ = 0;
    int error_ = 0;  // errno of the first failed write
    Fingerprinter print_;  // of what goes to the file
};

}  // namespace boardpack::render::pdf

#include "render/pdf/save_sink.hpp"

#include <fcntl.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/messages.hpp"
#include "render/pdf/document_save.hpp"

namespace boardpack::render::pdf {

namespace {

// Written to the file in pieces of this size (save_document hands its objects on in pieces of
// as much, which are written as they are).
constexpr size_t kBufferBytes = 64 * 1024;

}  // namespace

SaveSink::~SaveSink() {
    if (fd_ >= 0) ::close(fd_);
}

bool SaveSink::open(const std::string& path, std::string* why) {
    fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd_ < 0) {
        *why = errno_text(errno);
        return false;
    }
    buffer_ = std::make_unique_for_overwrite<char[]>(kBufferBytes);  // not zeroed: only what is written is read
    buffered_ = 0;
    return true;
}

HPDF_STATUS SaveSink::write(HPDF_Stream stream, const HPDF_BYTE* bytes, HPDF_UINT count) {
    auto& sink = *static_cast<SaveSink*>(stream->attr);
    sink.size_ += count;
    if (sink.fd_ < 0) return HPDF_OK;
    if (sink.buffered_ + count > kBufferBytes && !sink.flush())
        return HPDF_SetError(stream->error, HPDF_FILE_IO_ERROR, sink.error_);
    if (count >= kBufferBytes) {
        // A large piece (a page's content, a font) goes to the file as it is.
        if (!sink.write_all(reinterpret_cast<const char*>(bytes), count))
            return HPDF_SetError(stream->error, HPDF_FILE_IO_ERROR, sink.error_);
        return HPDF_OK;
    }
    std::memcpy(sink.buffer_.get() + sink.buffered_, bytes, count);
    sink.buffered_ += count;
    return HPDF_OK;
}

// Everything that goes to the file passes here, in pieces of some 64 KiB (libharu's are mostly
// a few bytes: fingerprinted one by one, they cost twice as much).
bool SaveSink::write_all(const char* bytes, size_t count) {
    print_.add(std::string_view(bytes, count));
    for (size_t done = 0; done < count;) {
        const ssize_t n = ::write(fd_, bytes + done, count - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            error_ = n < 0 ? errno : EIO;
            return false;
        }
        done += static_cast<size_t>(n);
    }
    return true;
}

bool SaveSink::flush() {
    if (!write_all(buffer_.get(), buffered_)) return false;
    buffered_ = 0;
    return true;
}

bool SaveSink::close() {
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0 && error_ == 0) error_ = errno;
    return error_ == 0;
}

HPDF_STATUS SaveSink::save(HPDF_Doc pdf, std::string* why) {
    // Saved into the document's stream (as HPDF_SaveToStream saves): ours, which the document
    // would free with itself.
    if (pdf->stream) {
        HPDF_Stream_Free(pdf->stream);
        pdf->stream = nullptr;
    }
    pdf->stream = HPDF_CallbackWriter_New(pdf->mmgr, write, this);
    if (!pdf->stream) return pdf->error.error_no != HPDF_OK ? pdf->error.error_no : HPDF_FAILD_TO_ALLOC_MEM;
    HPDF_STATUS status = save_document(pdf, pdf->stream);
    // The stream points at this sink: it goes before the sink does.
    HPDF_Stream_Free(pdf->stream);
    pdf->stream = nullptr;
    if (fd_ >= 0) {
        const bool written = status == HPDF_OK && flush();
        if (!close() || !written) {
            if (status == HPDF_OK) status = HPDF_SetError(&pdf->error, HPDF_FILE_IO_ERROR, error_);
        }
    }
    if (error_ != 0) *why = errno_text(error_);
    return status;
}

}  // namespace boardpack::render::pdf

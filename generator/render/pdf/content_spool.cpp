#include "render/pdf/content_spool.hpp"

#include <fcntl.h>
#include <hpdf_streams.h>
#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "core/messages.hpp"

namespace boardpack::render::pdf {

namespace {

// Read back from the file in pieces of this size.
constexpr size_t kChunk = 64 * 1024;

bool write_all(int fd, const char* bytes, size_t count, int* error) {
    for (size_t done = 0; done < count;) {
        const ssize_t n = ::write(fd, bytes + done, count - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            *error = n < 0 ? errno : EIO;
            return false;
        }
        done += static_cast<size_t>(n);
    }
    return true;
}

}  // namespace

ContentSpool::~ContentSpool() {
    if (fd_ >= 0) ::close(fd_);
}

void ContentSpool::spool_in(std::string dir) { dir_ = dir.empty() ? "." : std::move(dir); }

int ContentSpool::flush() {
    if (fd_ < 0) {
        fd_ = ::open(dir_.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
        if (fd_ < 0 && (errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL)) {
            // A file system without unnamed files: a named one, removed at once (it is ours, and
            // nothing else in the folder is touched).
            std::string name = dir_ + "/.boardpack-spool-XXXXXX";
            fd_ = ::mkostemp(name.data(), O_CLOEXEC);
            if (fd_ >= 0 && ::unlink(name.c_str()) != 0) {
                const int error = errno;
                ::close(fd_);
                fd_ = -1;
                errno = error;
            }
        }
        if (fd_ < 0) return error_ = errno;
    }
    int error = 0;
    if (!write_all(fd_, pending_.data(), pending_.size(), &error)) {
        if (error_ == 0) error_ = error;
        return error;
    }
    flushed_ += pending_.size();
    pending_.clear();
    return 0;
}

bool ContentSpool::add(std::string_view bytes, Piece* piece, std::string* why) {
    // To the file before the memory would pass kInMemory (a piece larger than that on its own
    // is held only until the next one).
    if (!dir_.empty() && !pending_.empty() && pending_.size() + bytes.size() > kInMemory) {
        if (const int error = flush()) {
            *why = errno_text(error);
            return false;
        }
    }
    *piece = {flushed_ + pending_.size(), static_cast<uint32_t>(bytes.size())};
    pending_.append(bytes);
    return true;
}

int ContentSpool::window_at(uint64_t at) {
    if (at >= window_at_ && at < window_at_ + window_size_) return 0;
    // Not zeroed (as a string's room would be, 64 KiB for each PDF): only what was read is read.
    if (!window_) window_ = std::make_unique_for_overwrite<char[]>(kChunk);
    window_size_ = static_cast<size_t>(std::min<uint64_t>(kChunk, flushed_ - at));
    for (size_t got = 0; got < window_size_;) {
        const ssize_t r = ::pread(fd_, window_.get() + got, window_size_ - got, static_cast<off_t>(at + got));
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) {
            window_size_ = 0;
            const int error = r < 0 ? errno : EIO;
            if (error_ == 0) error_ = error;
            return error;
        }
        got += static_cast<size_t>(r);
    }
    window_at_ = at;
    return 0;
}

int ContentSpool::parts(const Piece& piece, const std::function<bool(std::string_view)>& take) {
    if (piece.size == 0) return 0;
    uint64_t at = piece.at;
    const uint64_t end = piece.at + piece.size;
    // What is not in the file yet is still in pending_.
    for (; at < end && at < flushed_;) {
        if (const int error = window_at(at)) return error;
        const size_t from = static_cast<size_t>(at - window_at_);
        const size_t n = static_cast<size_t>(std::min<uint64_t>(end - at, window_size_ - from));
        if (!take(std::string_view(window_.get() + from, n))) return 0;
        at += n;
    }
    if (at < end) take(std::string_view(pending_).substr(static_cast<size_t>(at - flushed_), static_cast<size_t>(end - at)));
    return 0;
}

bool ContentSpool::read(const Piece& piece, std::string& out, std::string* why) {
    out.clear();
    const int error = parts(piece, [&out](std::string_view part) {
        out += part;
        return true;
    });
    if (error) *why = errno_text(error);
    return error == 0;
}

HPDF_STATUS ContentSpool::write_to(const Piece& piece, HPDF_Stream stream) {
    HPDF_STATUS status = HPDF_OK;
    const int error = parts(piece, [&](std::string_view part) {
        status = HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(part.data()), static_cast<HPDF_UINT>(part.size()));
        return status == HPDF_OK;
    });
    return error ? HPDF_SetError(stream->error, HPDF_FILE_IO_ERROR, error) : status;
}

}  // namespace boardpack::render::pdf

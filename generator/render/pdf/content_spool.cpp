#include "render/pdf/content_spool.hpp"

#include <fcntl.h>
#include <hpdf_streams.h>
#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace boardpack::render::pdf {

namespace {

// Written to the file, and read back from it, in pieces of this size.
constexpr size_t kChunk = 64 * 1024;

// A stream over one piece, and how far libharu has read it.
struct PieceReader {
    ContentSpool* spool;
    ContentSpool::Piece piece;
    HPDF_UINT read;
};

PieceReader& reader_of(HPDF_Stream stream) { return *static_cast<PieceReader*>(stream->attr); }

HPDF_STATUS seek_piece(HPDF_Stream stream, HPDF_INT pos, HPDF_WhenceMode mode) {
    PieceReader& r = reader_of(stream);
    const long long base = mode == HPDF_SEEK_SET ? 0 : mode == HPDF_SEEK_CUR ? r.read : r.piece.size;
    const long long to = base + pos;
    if (to < 0 || to > static_cast<long long>(r.piece.size)) return HPDF_SetError(stream->error, HPDF_INVALID_PARAMETER, 0);
    r.read = static_cast<HPDF_UINT>(to);
    return HPDF_OK;
}

HPDF_INT32 tell_piece(HPDF_Stream stream) { return static_cast<HPDF_INT32>(reader_of(stream).read); }

HPDF_UINT32 size_of_piece(HPDF_Stream stream) { return reader_of(stream).piece.size; }

void free_piece(HPDF_Stream stream) { HPDF_FreeMem(stream->mmgr, stream->attr); }

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

bool ContentSpool::open_in(const std::string& dir, std::string* why) {
    const std::string folder = dir.empty() ? "." : dir;
    fd_ = ::open(folder.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (fd_ < 0 && (errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL)) {
        // A file system without unnamed files: a named one, removed at once (it is ours, and
        // nothing else in the folder is touched).
        std::string name = folder + "/.boardpack-spool-XXXXXX";
        fd_ = ::mkostemp(name.data(), O_CLOEXEC);
        if (fd_ >= 0 && ::unlink(name.c_str()) != 0) {
            const int error = errno;
            ::close(fd_);
            fd_ = -1;
            errno = error;
        }
    }
    if (fd_ < 0) {
        *why = std::strerror(errno);
        return false;
    }
    pending_.reserve(kChunk);
    return true;
}

bool ContentSpool::add(std::string_view bytes, Piece* piece, std::string* why) {
    if (fd_ < 0) {
        *piece = {in_memory_.size(), static_cast<uint32_t>(bytes.size())};
        in_memory_.emplace_back(bytes);
        return true;
    }
    *piece = {flushed_ + pending_.size(), static_cast<uint32_t>(bytes.size())};
    pending_.append(bytes);
    if (pending_.size() < kChunk) return true;
    int error = 0;
    if (!write_all(fd_, pending_.data(), pending_.size(), &error)) {
        *why = std::strerror(error);
        return false;
    }
    flushed_ += pending_.size();
    pending_.clear();
    return true;
}

int ContentSpool::copy_out(uint64_t at, char* to, size_t n) {
    // What is not in the file yet is still in pending_.
    while (n > 0 && at < flushed_) {
        if (at < window_at_ || at >= window_at_ + window_.size()) {
            window_.resize(static_cast<size_t>(std::min<uint64_t>(std::max(kChunk, n), flushed_ - at)));
            size_t got = 0;
            while (got < window_.size()) {
                const ssize_t r = ::pread(fd_, window_.data() + got, window_.size() - got, static_cast<off_t>(at + got));
                if (r < 0 && errno == EINTR) continue;
                if (r <= 0) {
                    window_.clear();
                    return r < 0 ? errno : EIO;
                }
                got += static_cast<size_t>(r);
            }
            window_at_ = at;
        }
        const size_t from = static_cast<size_t>(at - window_at_);
        const size_t k = std::min(n, window_.size() - from);
        std::memcpy(to, window_.data() + from, k);
        to += k, at += k, n -= k;
    }
    if (n > 0) std::memcpy(to, pending_.data() + (at - flushed_), n);
    return 0;
}

bool ContentSpool::read(const Piece& piece, std::string& out, std::string* why) {
    if (fd_ < 0) {
        out = in_memory_[piece.at];
        return true;
    }
    out.resize(piece.size);
    if (const int error = copy_out(piece.at, out.data(), piece.size)) {
        *why = std::strerror(error);
        return false;
    }
    return true;
}

HPDF_STATUS ContentSpool::read_piece(HPDF_Stream stream, HPDF_BYTE* buf, HPDF_UINT* size) {
    PieceReader& r = reader_of(stream);
    const HPDF_UINT n = std::min(*size, r.piece.size - r.read);
    ContentSpool& spool = *r.spool;
    if (spool.fd_ < 0) {
        std::memcpy(buf, spool.in_memory_[r.piece.at].data() + r.read, n);
    } else if (const int error = spool.copy_out(r.piece.at + r.read, reinterpret_cast<char*>(buf), n)) {
        return HPDF_SetError(stream->error, HPDF_FILE_IO_ERROR, error);
    }
    r.read += n;
    const bool short_read = n < *size;
    *size = n;
    return short_read ? HPDF_STREAM_EOF : HPDF_OK;
}

HPDF_Stream ContentSpool::stream(HPDF_MMgr mmgr, const Piece& piece) {
    auto* r = static_cast<PieceReader*>(HPDF_GetMem(mmgr, sizeof(PieceReader)));
    if (!r) return nullptr;
    *r = {this, piece, 0};
    HPDF_Stream s = HPDF_CallbackReader_New(mmgr, read_piece, seek_piece, tell_piece, size_of_piece, r);
    if (!s) {
        HPDF_FreeMem(mmgr, r);
        return nullptr;
    }
    s->free_fn = free_piece;
    return s;
}

}  // namespace boardpack::render::pdf

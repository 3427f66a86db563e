#include "publish/publisher.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <system_error>

#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

namespace fs = std::filesystem;

namespace boardpack::publish {

namespace {

std::string errno_text(int e) { return std::strerror(e); }

bool sync_path(const fs::path& p, bool directory) {
    const int fd = ::open(p.c_str(), (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
    if (fd < 0) return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

// Atomically swaps two paths (Linux renameat2). Returns false with errno set if unsupported.
bool exchange(const fs::path& a, const fs::path& b) {
#ifdef SYS_renameat2
    return ::syscall(SYS_renameat2, AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) == 0;
#else
    errno = EINVAL;
    return false;
#endif
}

void remove_quietly(const fs::path& p) {
    std::error_code ec;
    fs::remove_all(p, ec);
}

}  // namespace

std::unique_ptr<Publisher> Publisher::begin(const fs::path& output_root, const std::string& meeting_id,
                                            std::string* error) {
    std::unique_ptr<Publisher> p(new Publisher());
    std::error_code ec;
    fs::create_directories(output_root, ec);
    if (ec) {
        *error = "cannot create the output folder " + output_root.string() + ": " + ec.message();
        return nullptr;
    }
    p->root_ = output_root;
    p->target_ = output_root / meeting_id;
    p->staging_ = output_root / ("." + meeting_id + ".staging");
    p->previous_ = output_root / ("." + meeting_id + ".previous");
    const fs::path lock = output_root / ("." + meeting_id + ".lock");

    p->lock_fd_ = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (p->lock_fd_ < 0) {
        *error = "cannot create the lock file " + lock.string() + ": " + errno_text(errno);
        return nullptr;
    }
    if (::flock(p->lock_fd_, LOCK_EX | LOCK_NB) != 0) {
        const int e = errno;
        *error = e == EWOULDBLOCK ? "another boardpack build is writing " + p->target_.string() +
                                        " right now (lock file " + lock.string() + "); try again when it has finished"
                                  : "cannot lock " + lock.string() + ": " + errno_text(e);
        return nullptr;
    }
    // We hold the lock, so anything left by an earlier run that was killed is stale. A packet
    // that was moved aside but not yet replaced (fallback path only) is put back first.
    if (!fs::exists(p->target_, ec) && fs::exists(p->previous_, ec)) fs::rename(p->previous_, p->target_, ec);
    remove_quietly(p->previous_);
    remove_quietly(p->staging_);
    p->owns_staging_ = true;
    // A file-size limit must fail a write (so the packet is left as it was), not kill us.
    ::signal(SIGXFSZ, SIG_IGN);
    fs::create_directory(p->staging_, ec);
    if (ec) {
        *error = "cannot create the staging folder " + p->staging_.string() + ": " + ec.message();
        return nullptr;
    }
    return p;
}

Publisher::~Publisher() {
    if (owns_staging_ && !committed_) remove_quietly(staging_);
    if (lock_fd_ >= 0) ::close(lock_fd_);  // closing releases the flock
}

bool Publisher::write(const std::string& relative, const std::string& content, std::string* error) {
    const fs::path path = staging_ / relative;
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    if (ec) {
        *error = "cannot create " + path.parent_path().string() + ": " + ec.message();
        return false;
    }
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        *error = "cannot create " + path.string() + ": " + errno_text(errno);
        return false;
    }
    size_t done = 0;
    while (done < content.size()) {
        const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            *error = "cannot write " + path.string() + ": " + errno_text(errno);
            ::close(fd);
            return false;
        }
        done += static_cast<size_t>(n);
    }
    if (::fsync(fd) != 0) {
        *error = "cannot write " + path.string() + " to disk: " + errno_text(errno);
        ::close(fd);
        return false;
    }
    if (::close(fd) != 0) {
        *error = "cannot write " + path.string() + ": " + errno_text(errno);
        return false;
    }
    ++files_;
    return true;
}

bool Publisher::commit(std::string* error) {
    std::error_code ec;
    for (const auto& entry : fs::recursive_directory_iterator(staging_, ec))
        if (entry.is_directory()) sync_path(entry.path(), true);
    sync_path(staging_, true);

    if (fs::exists(target_, ec)) {
        if (!exchange(staging_, target_)) {
            if (errno != EINVAL && errno != ENOSYS) {
                *error = "cannot replace " + target_.string() + ": " + errno_text(errno);
                return false;
            }
            // The file system cannot exchange: move the old packet aside, then the new one in.
            // begin() puts the old one back if we are killed in between.
            fs::rename(target_, previous_, ec);
            if (ec) {
                *error = "cannot move " + target_.string() + " aside: " + ec.message();
                return false;
            }
            fs::rename(staging_, target_, ec);
            if (ec) {
                fs::rename(previous_, target_, ec);
                *error = "cannot move the new packet into " + target_.string();
                return false;
            }
            committed_ = true;
            sync_path(root_, true);
            remove_quietly(previous_);
            return true;
        }
        committed_ = true;
        sync_path(root_, true);
        remove_quietly(staging_);  // now holds the previous packet
        return true;
    }
    fs::rename(staging_, target_, ec);
    if (ec) {
        *error = "cannot move the new packet into " + target_.string() + ": " + ec.message();
        return false;
    }
    committed_ = true;
    sync_path(root_, true);
    return true;
}

}  // namespace boardpack::publish

#include "publish/durable_files.hpp"
#include "core/messages.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <mutex>
#include <span>
#include <system_error>
#include <thread>
#include <vector>


namespace fs = std::filesystem;

namespace boardpack::publish {

namespace {

// A file or folder boardpack makes has exactly its mode. One made in a folder with a default ACL
// ("setfacl -d -m u:www-data:rx output", to let a web server read the packets) inherits it, and
// the ACL's named users keep their access whatever the mode says: the closed edition, 0640,
// readable by www-data. Its ACLs go (a folder's default one too, so nothing made in it inherits
// one). A file system without ACLs has none to remove.
bool drop_acls(int fd, const fs::path& path, bool folder, std::string* error) {
    const char* const names[] = {"system.posix_acl_access", "system.posix_acl_default"};
    for (const char* name : folder ? std::span(names) : std::span(names).first(1)) {
        // Looked for first: only its owner may remove an ACL, even one that is not there (a
        // folder of the output another user made and this one may write in).
        const ssize_t has = fd >= 0 ? ::fgetxattr(fd, name, nullptr, 0) : ::lgetxattr(path.c_str(), name, nullptr, 0);
        if (has < 0) continue;  // none (ENODATA), or no ACLs on this file system
        const int r = fd >= 0 ? ::fremovexattr(fd, name) : ::lremovexattr(path.c_str(), name);
        if (r == 0 || errno == ENODATA || errno == ENOTSUP || errno == EOPNOTSUPP) continue;
        *error = fmt(_("cannot set the permissions of {}: {}"), path.string(), errno_text(errno));
        return false;
    }
    return true;
}

// How many fsyncs sync_files has waiting at once.
constexpr size_t kSyncThreads = 8;

std::atomic<FsyncFunction> fsync_for_tests{nullptr};

int disk_sync(int fd) {
    const FsyncFunction f = fsync_for_tests.load(std::memory_order_relaxed);
    return f ? f(fd) : ::fsync(fd);
}

}  // namespace

bool write_durably(const fs::path& path, const std::string& content, mode_t mode, std::string* error) {
    return write_durably(path, [&content](const Put& put) { put(content); }, mode, error);
}

namespace {

bool write_file(const fs::path& path, const Fill& fill, mode_t mode, bool sync, std::string* error) {
    // Created with at most `mode` (the umask can only narrow it), so the file is never more
    // readable than meant, even for a moment; fchmod then sets exactly `mode`. A file that is
    // there already is written over in place and then cut to its new length, not emptied first:
    // emptying frees its blocks, and a file system that discards freed blocks at once (ext4
    // mounted with `discard`) makes the build wait for the disk (the staging folder's marker,
    // written again with the meeting's facts, cost the example a millisecond).
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, mode);
    if (fd < 0) {
        *error = fmt(_("cannot create {}: {}"), path.string(), errno_text(errno));
        return false;
    }
    auto fail = [&](const char* what) {
        *error = fmt(what, path.string(), errno_text(errno));
        ::close(fd);
        return false;
    };
    if (::fchmod(fd, mode) != 0) return fail(_("cannot set the permissions of {}: {}"));
    // A packet's file (written unsynced, into the staging folder) has no ACL; a file written
    // durably at once (a meeting's new item.md, the archive page) keeps what its folder gives it.
    if (!sync && !drop_acls(fd, path, false, error)) {
        ::close(fd);
        return false;
    }
    // After a failed write the other pieces are not written; its errno is kept for the message.
    int failed = 0;
    off_t written = 0;
    fill([fd, &failed, &written](std::string_view piece) {
        while (!failed && !piece.empty()) {
            const ssize_t n = ::write(fd, piece.data(), piece.size());
            if (n < 0) {
                if (errno != EINTR) failed = errno;
                continue;
            }
            // A short write goes on with the rest (on a full disk the next one says why); one
            // that writes nothing and gives no reason would go on for ever.
            if (n == 0) failed = EIO;
            piece.remove_prefix(static_cast<size_t>(n));
            written += n;
        }
    });
    if (failed) {
        errno = failed;
        return fail(_("cannot write {}: {}"));
    }
    // What was longer before ends where the new content does.
    struct stat st {};
    if (::fstat(fd, &st) != 0) return fail(_("cannot write {}: {}"));
    if (st.st_size > written && ::ftruncate(fd, written) != 0) return fail(_("cannot write {}: {}"));
    if (sync && disk_sync(fd) != 0) return fail(_("cannot write to disk {}: {}"));
    if (!sync) ::sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE);
    if (::close(fd) != 0) {
        *error = fmt(_("cannot write {}: {}"), path.string(), errno_text(errno));
        return false;
    }
    return true;
}

}  // namespace

bool write_durably(const fs::path& path, const Fill& fill, mode_t mode, std::string* error) {
    return write_file(path, fill, mode, true, error);
}

bool write_unsynced(const fs::path& path, const Fill& fill, mode_t mode, std::string* error) {
    return write_file(path, fill, mode, false, error);
}

void start_writeback(const fs::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) return;
    ::sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE);
    ::close(fd);
}

bool sync_files(const std::vector<fs::path>& files, const std::vector<fs::path>& folders, std::string* error) {
    // Each fsync waits for the disk; several waiting at once share one journal commit (and one
    // flush of the disk's cache) on ext4, XFS and btrfs, where one after the other each waits for
    // its own. Threads, not cores, are what this needs: they only wait.
    const size_t count = files.size() + folders.size();
    std::atomic<size_t> next{0};
    std::mutex failing;
    std::string first_failure;
    size_t failed_at = count;
    const auto work = [&] {
        for (size_t i = next++; i < count; i = next++) {
            std::string why;
            if (i >= files.size()) {
                const fs::path& folder = folders[i - files.size()];
                std::error_code ec;
                if (sync_path(folder, true, &why) || !fs::exists(folder, ec)) continue;  // a folder gone is no loss
            } else if (sync_file(files[i], &why)) {
                continue;
            }
            const std::lock_guard<std::mutex> lock(failing);
            if (i < failed_at) {  // the first in the list, whichever thread met it first
                failed_at = i;
                first_failure = std::move(why);
            }
        }
    };
    std::vector<std::thread> helpers;
    const size_t threads = std::min<size_t>(kSyncThreads, count);
    for (size_t t = 1; t < threads; ++t) {
        try {
            helpers.emplace_back(work);
        } catch (const std::system_error&) {
            break;  // fewer threads: the ones there do it all
        }
    }
    work();
    for (std::thread& t : helpers) t.join();
    if (failed_at == count) return true;
    *error = std::move(first_failure);
    return false;
}

std::vector<fs::path> folders_in(const fs::path& root) {
    std::error_code ec;
    std::vector<fs::path> folders;
    for (const auto& entry : fs::recursive_directory_iterator(root, ec))
        if (entry.is_directory(ec) && !entry.is_symlink(ec)) folders.push_back(entry.path());
    folders.push_back(root);
    return folders;
}

bool create_file(const fs::path& path, mode_t mode, std::string* error) {
    // As in write_durably: never more readable than meant, even for a moment. The writer that
    // fills it opens it by name and truncates it, which keeps this mode.
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, mode);
    if (fd < 0) {
        *error = fmt(_("cannot create {}: {}"), path.string(), errno_text(errno));
        return false;
    }
    if (::fchmod(fd, mode) != 0) {
        *error = fmt(_("cannot set the permissions of {}: {}"), path.string(), errno_text(errno));
        ::close(fd);
        return false;
    }
    const bool dropped = drop_acls(fd, path, false, error);
    ::close(fd);
    return dropped;
}

bool sync_file(const fs::path& path, std::string* error) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0 || disk_sync(fd) != 0) {
        *error = fmt(_("cannot write to disk {}: {}"), path.string(), errno_text(errno));
        if (fd >= 0) ::close(fd);
        return false;
    }
    ::close(fd);
    return true;
}

bool make_folder(const fs::path& path, mode_t mode, std::string* error) {
    if (::mkdir(path.c_str(), mode) != 0 && errno != EEXIST) {
        *error = fmt(_("cannot create {}: {}"), path.string(), errno_text(errno));
        return false;
    }
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
        *error = fmt(_("cannot create {}: something else is in the way"), path.string());
        return false;
    }
    if ((st.st_mode & 07777) != mode && ::chmod(path.c_str(), mode) != 0) {
        *error = fmt(_("cannot set the permissions of {}: {}"), path.string(), errno_text(errno));
        return false;
    }
    return drop_acls(-1, path, true, error);
}

bool make_missing_folders(const fs::path& path, mode_t mode, std::string* error) {
    std::vector<fs::path> missing;  // deepest first
    struct stat st {};
    fs::path p = path.lexically_normal();
    if (!p.has_filename() && p.has_relative_path()) p = p.parent_path();  // "out/" is "out"
    for (; !p.empty() && p != p.parent_path(); p = p.parent_path()) {
        if (::stat(p.c_str(), &st) == 0 || errno != ENOENT) break;  // there (or mkdir below says why)
        missing.push_back(p);
    }
    for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
        if (::mkdir(it->c_str(), mode) != 0) {
            if (errno == EEXIST) continue;  // made meanwhile, by another build: it sets the mode
            *error = fmt(_("cannot create {}: {}"), it->string(), errno_text(errno));
            return false;
        }
        if (::chmod(it->c_str(), mode) != 0) {
            *error = fmt(_("cannot set the permissions of {}: {}"), it->string(), errno_text(errno));
            return false;
        }
    }
    struct stat made {};
    if (::stat(path.c_str(), &made) != 0 || !S_ISDIR(made.st_mode)) {
        const int e = S_ISDIR(made.st_mode) || made.st_mode == 0 ? errno : ENOTDIR;
        *error = fmt(_("cannot create {}: {}"), path.string(), errno_text(e));
        return false;
    }
    return true;
}

bool sync_path(const fs::path& p, bool directory, std::string* error) {
    const int fd = ::open(p.c_str(), (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
    int failed = fd < 0 ? errno : disk_sync(fd) == 0 ? 0 : errno;
    if (fd >= 0) ::close(fd);
    if (directory && fd >= 0 && (failed == EINVAL || failed == ENOTSUP)) failed = 0;
    if (failed != 0 && error) *error = fmt(_("cannot write to disk {}: {}"), p.string(), errno_text(failed));
    return failed == 0;
}

void set_fsync_for_tests(FsyncFunction f) { fsync_for_tests.store(f, std::memory_order_relaxed); }

void remove_quietly(const fs::path& p) {
    std::error_code ec;
    fs::remove_all(p, ec);
}

bool replace_durably(const std::filesystem::path& path, const std::filesystem::path& temp, const std::string& content,
                     mode_t mode, std::string* error) {
    remove_quietly(temp);
    if (!write_durably(temp, content, mode, error)) {
        remove_quietly(temp);  // what fitted of it, on a full disk
        return false;
    }
    std::error_code ec;
    std::filesystem::rename(temp, path, ec);
    if (ec) {
        remove_quietly(temp);
        *error = fmt(_("cannot rename {} to {}: {}"), temp.string(), path.string(), ec.message());
        return false;
    }
    sync_path(path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path(), true);
    return true;
}

}  // namespace boardpack::publish

#include "publish/publisher.hpp"
#include "core/messages.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <system_error>
#include <vector>

#include "publish/durable_files.hpp"

namespace fs = std::filesystem;

namespace boardpack::publish {

namespace {

constexpr mode_t kPublicFolder = 0755;
constexpr mode_t kPublicFile = 0644;
constexpr mode_t kRestrictedFolder = 0750;
constexpr mode_t kRestrictedFile = 0640;

std::string errno_text(int e) { return std::strerror(e); }

// Test hook (documented in the README): BOARDPACK_TEST_KILL_AFTER_STEP=N kills the build with
// SIGKILL right after step N of publishing (1: new version in place, 2: new link made, 3: link
// switched, old version not yet removed), so a test can check every moment in between.
void kill_for_tests(int step) {
    const char* at = std::getenv("BOARDPACK_TEST_KILL_AFTER_STEP");
    if (at && std::atoi(at) == step) ::kill(::getpid(), SIGKILL);
}

}  // namespace

std::unique_ptr<Publisher> Publisher::begin(const fs::path& output_root, const std::string& meeting_id,
                                            std::string* error) {
    std::unique_ptr<Publisher> p(new Publisher());
    p->id_ = meeting_id;
    p->root_ = output_root;
    p->target_ = output_root / meeting_id;
    p->work_ = output_root / kWorkFolder / meeting_id;
    p->staging_ = p->work_ / "staging";
    p->link_ = p->work_ / "link";
    if (!p->prepare(error)) return nullptr;
    return p;
}

bool Publisher::prepare(std::string* error) {
    std::error_code ec;
    fs::create_directories(root_, ec);
    if (ec) {
        *error = fmt(_("cannot create the output folder {}: {}"), root_.string(), ec.message());
        return false;
    }
    // Looked at once before anything is made, so a refusal leaves no working folder behind, and
    // again under the lock.
    if (!refuse_foreign(error)) return false;
    if (!make_folder(root_ / kWorkFolder, kPublicFolder, error) || !make_folder(work_, kPublicFolder, error))
        return false;
    const fs::path lock = work_ / "lock";
    lock_fd_ = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (lock_fd_ < 0) {
        *error = fmt(_("cannot create the lock file {}: {}"), lock.string(), errno_text(errno));
        return false;
    }
    if (::flock(lock_fd_, LOCK_EX | LOCK_NB) != 0) {
        const int e = errno;
        *error = e == EWOULDBLOCK ? fmt(_("another boardpack build is writing {} right now (lock file {}); try again when it "
                                          "has finished"), target_.string(), lock.string())
                                  : fmt(_("cannot lock {}: {}"), lock.string(), errno_text(e));
        return false;
    }
    // Under the lock, what is at output/<meeting> cannot change under us (short of another
    // program): refuse now, before any work, if it is not ours to replace.
    if (!refuse_foreign(error)) return false;
    clear_leftovers();
    owns_staging_ = true;
    // A file-size limit must fail a write (so the packet is left as it was), not kill us.
    ::signal(SIGXFSZ, SIG_IGN);
    return make_folder(staging_, kPublicFolder, error) &&
           write_durably(staging_ / kMarkerFile, marker_text(id_), kPublicFile, error);
}

bool Publisher::describe(const std::vector<std::pair<std::string, std::string>>& facts, std::string* error) {
    std::string text = marker_text(id_);
    for (const auto& [key, value] : facts) {
        std::string one_line = value;
        for (char& c : one_line)
            if (c == '\n' || c == '\r') c = ' ';
        text += key + ": " + one_line + "\n";
    }
    remove_quietly(staging_ / kMarkerFile);
    return write_durably(staging_ / kMarkerFile, text, kPublicFile, error);
}

bool Publisher::refuse_foreign(std::string* error) {
    before_ = inspect_target(target_, id_);
    if (before_.kind != TargetKind::Foreign) return true;
    // TRANSLATORS: {1} goes on from "it": "is a file, not a packet folder", "cannot be examined" ...
    *error = fmt(_("will not replace {}: it {}; move it away or choose another --out folder"), target_.string(), before_.why);
    return false;
}

// Anything in the meeting's working folder but the lock and the current version was left by a
// build that was killed or failed; we hold the lock, so it is stale. Only names boardpack
// makes are removed.
void Publisher::clear_leftovers() {
    unsigned long newest = before_.kind == TargetKind::OwnLink ? std::stoul(before_.version) : 0;
    std::vector<fs::path> stale;  // removed after the listing, not while it is read
    std::error_code ec;
    for (fs::directory_iterator it(work_, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (is_version_name(name)) newest = std::max(newest, std::stoul(name));
        const bool current = before_.kind == TargetKind::OwnLink && name == before_.version;
        if (name == "staging" || name == "link" || (is_version_name(name) && !current)) stale.push_back(it->path());
    }
    for (const fs::path& p : stale) remove_quietly(p);
    version_ = std::to_string(newest + 1);
}

Publisher::~Publisher() {
    if (owns_staging_ && !committed_) {
        remove_quietly(staging_);
        remove_quietly(link_);
        if (!version_.empty()) remove_quietly(work_ / version_);
    }
    if (lock_fd_ >= 0) ::close(lock_fd_);  // closing releases the flock
}

// Every folder between the staging folder and the file gets the access's mode.
bool Publisher::make_folders(const std::string& relative, bool restricted, std::string* error) {
    fs::path folder = staging_;
    for (const auto& part : fs::path(relative).parent_path()) {
        folder /= part;
        if (!make_folder(folder, restricted ? kRestrictedFolder : kPublicFolder, error)) return false;
    }
    return true;
}

bool Publisher::write(const std::string& relative, const std::string& content, Access access, std::string* error) {
    return write(relative, [&content](const Put& put) { put(content); }, access, error);
}

bool Publisher::write(const std::string& relative, const Fill& fill, Access access, std::string* error) {
    const bool restricted = access == Access::Restricted;
    if (!make_folders(relative, restricted, error) ||
        !write_durably(staging_ / relative, fill, restricted ? kRestrictedFile : kPublicFile, error))
        return false;
    ++files_;
    return true;
}

std::string Publisher::create(const std::string& relative, Access access, std::string* error) {
    const bool restricted = access == Access::Restricted;
    const fs::path path = staging_ / relative;
    if (!make_folders(relative, restricted, error) ||
        !create_file(path, restricted ? kRestrictedFile : kPublicFile, error))
        return "";
    ++files_;
    return path.string();
}

bool Publisher::finish(const std::string& path, std::string* error) { return sync_file(path, error); }

fs::path Publisher::published() const {
    if (before_.kind == TargetKind::OwnLink) return work_ / before_.version;
    if (before_.kind == TargetKind::PacketFolder) return target_;
    return {};
}

bool Publisher::keep(const std::string& from, const std::string& relative, Access access, std::string* error) {
    const fs::path source = published();
    if (source.empty()) return true;
    const bool restricted = access == Access::Restricted;
    return make_folders(relative, restricted, error) && keep_path(source / from, staging_ / relative, restricted, error);
}

bool Publisher::keep_path(const fs::path& from, const fs::path& to, bool restricted, std::string* error) {
    std::error_code ec;
    const fs::file_status status = fs::symlink_status(from, ec);
    if (ec || status.type() == fs::file_type::not_found) return true;  // nothing to keep
    if (status.type() == fs::file_type::directory) {
        if (!make_folder(to, restricted ? kRestrictedFolder : kPublicFolder, error)) return false;
        std::vector<fs::path> entries;
        for (fs::directory_iterator it(from, ec); !ec && it != fs::directory_iterator(); it.increment(ec))
            entries.push_back(it->path());
        if (ec) {
            *error = fmt(_("cannot read {}: {}"), from.string(), ec.message());
            return false;
        }
        std::sort(entries.begin(), entries.end());
        for (const fs::path& e : entries)
            if (!keep_path(e, to / e.filename(), restricted, error)) return false;
        return true;
    }
    if (status.type() != fs::file_type::regular) return true;  // boardpack writes only files and folders
    // The published files are never written again (each build writes new ones), so the new
    // packet may share them; a copy where a link is refused, or where the file must be kept with
    // other rights than it has (a public version withdrawn into the closed edition: the same file
    // would stay readable by all, and its mode is the old packet's too).
    const mode_t wanted = restricted ? kRestrictedFile : kPublicFile;
    struct stat st {};
    if (::stat(from.c_str(), &st) == 0 && (st.st_mode & 07777) == wanted && ::link(from.c_str(), to.c_str()) == 0)
        return true;
    fs::copy_file(from, to, ec);
    if (ec) {
        *error = fmt(_("cannot keep {} in the new packet: {}"), from.string(), ec.message());
        return false;
    }
    fs::permissions(to, fs::perms(wanted), ec);
    return sync_file(to, error);
}

bool Publisher::commit(std::string* error) {
    sync_tree(staging_);
    // Step 1: the new packet becomes a numbered version; output/<meeting> still shows the old.
    const fs::path version = work_ / version_;
    if (::rename(staging_.c_str(), version.c_str()) != 0) {
        *error = fmt(_("cannot move the new packet to {}: {}"), version.string(), errno_text(errno));
        return false;
    }
    sync_path(work_, true);
    kill_for_tests(1);
    // Step 2: a new link to it, beside the old one.
    if (::symlink(link_text(id_, version_).c_str(), link_.c_str()) != 0) {
        *error = fmt(_("cannot create the link {}: {}"), link_.string(), errno_text(errno));
        return false;
    }
    kill_for_tests(2);
    // Step 3: the new link replaces output/<meeting> in one step.
    if (!switch_link(error)) return false;
    committed_ = true;
    sync_path(root_, true);
    kill_for_tests(3);
    // Step 4: the old version (or the old real folder, now at link_) goes.
    if (before_.kind == TargetKind::OwnLink) remove_quietly(work_ / before_.version);
    if (before_.kind == TargetKind::PacketFolder) remove_quietly(link_);
    return true;
}

bool Publisher::switch_link(std::string* error) {
    if (before_.kind != TargetKind::PacketFolder) {
        // rename(2) replaces a symbolic link (or nothing) atomically on every POSIX file system.
        if (::rename(link_.c_str(), target_.c_str()) != 0) {
            *error = fmt(_("cannot replace {}: {}"), target_.string(), errno_text(errno));
            return false;
        }
        return true;
    }
    // A real packet folder (written by an earlier boardpack) cannot be replaced by rename(2);
    // only an exchange keeps a complete packet there at every moment.
    if (exchange_paths(link_, target_)) return true;
    const int e = errno;
    if (exchange_unsupported(e))
        *error = fmt(_("cannot replace {}: it is a packet folder written by an earlier boardpack, and this file system "
                       "cannot swap it atomically for the new packet; move it away and build again"), target_.string());
    else
        *error = fmt(_("cannot replace {}: {}"), target_.string(), errno_text(e));
    return false;
}

}  // namespace boardpack::publish

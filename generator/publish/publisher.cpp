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
#include <fstream>
#include <functional>
#include <system_error>
#include <thread>
#include <vector>

#include "core/fingerprint.hpp"
#include "publish/durable_files.hpp"

namespace fs = std::filesystem;

namespace boardpack::publish {

namespace {

// `work` on a thread of its own (the caller joins it), or done at once where no thread can be
// made (a limit on the user's processes): waiting for the disk beside other work is a saving,
// never a condition of publishing.
std::thread start_or_run(const std::function<void()>& work) {
    try {
        return std::thread(work);
    } catch (const std::system_error&) {
        work();
        return std::thread();
    }
}

constexpr mode_t kPublicFolder = 0755;
constexpr mode_t kPublicFile = 0644;
constexpr mode_t kRestrictedFolder = 0750;
constexpr mode_t kRestrictedFile = 0640;

// Test hook (documented in the README): BOARDPACK_TEST_KILL_AFTER_STEP=N kills the build with
// SIGKILL right after step N of publishing (1: new version in place, 2: new link made, 3: link
// switched, old version not yet removed), so a test can check every moment in between.
void kill_for_tests(int step) {
    const char* at = std::getenv("BOARDPACK_TEST_KILL_AFTER_STEP");
    if (at && std::atoi(at) == step) ::kill(::getpid(), SIGKILL);
}

}  // namespace

std::unique_ptr<Publisher> Publisher::begin(const fs::path& output_root, const std::string& meeting_id,
                                            const ReadLegacyEdition& legacy, std::string* error) {
    std::unique_ptr<Publisher> p(new Publisher());
    p->id_ = meeting_id;
    p->legacy_ = legacy;
    p->root_ = output_root;
    p->target_ = output_root / meeting_id;
    p->work_ = output_root / kWorkFolder / meeting_id;
    p->staging_ = p->work_ / "staging";
    p->link_ = p->work_ / "link";
    if (!p->prepare(error)) return nullptr;
    return p;
}

bool Publisher::prepare(std::string* error) {
    // The output folder, and the folders on its way, with the public edition's mode where this
    // build makes them, so the umask cannot shut others out of a public edition behind them; a
    // folder that was there is the user's, and keeps its mode.
    if (!make_missing_folders(root_, kPublicFolder, error)) return false;
    // Looked at once before anything is made, so a refusal leaves no working folder behind, and
    // again, every file's fingerprint included, under the lock.
    if (!refuse_foreign(false, error)) return false;
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
    // The note of the version published (kPublishedNote) is written as a new file renamed over
    // it: a symbolic link there (or anything but a plain file), at it or at the new file's name,
    // is not boardpack's, and would be replaced by a file, the link lost. Refused as a link at
    // the lock is, before any work.
    for (const std::string& name : {std::string(kPublishedNote), std::string(kPublishedNote) + ".new"}) {
        const fs::path note = work_ / name;
        struct stat st {};
        if (::lstat(note.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
            *error = S_ISLNK(st.st_mode)
                         ? fmt(_("will not replace {}: it is a symbolic link that boardpack did not make (it writes a "
                                 "plain file there, the number of the version published); move it away and build again"),
                               note.string())
                         : fmt(_("will not replace {}: it is not a plain file, and boardpack did not make it (it writes a "
                                 "plain file there, the number of the version published); move it away and build again"),
                               note.string());
            return false;
        }
    }
    // Under the lock, what is at output/<meeting> cannot change under us (short of another
    // program): refuse now, before any work, if it is not ours to replace.
    if (!refuse_foreign(true, error) || !clear_leftovers(error)) return false;
    owns_staging_ = true;
    // A file-size limit must fail a write (so the packet is left as it was), not kill us.
    ::signal(SIGXFSZ, SIG_IGN);
    if (!make_folder(staging_, kPublicFolder, error)) return false;
    const fs::path journal_file = staging_ / kStagingJournal;
    // The journal names the closed edition's files too (lukket/bilag/<item>-<n>-<slug of a
    // confidential attachment's title>.pdf), and the staging folder is public: it is readable
    // by owner and group only, like the closed edition.
    journal_fd_ = ::open(journal_file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC | O_NOFOLLOW,
                         kRestrictedFile);
    if (journal_fd_ < 0) {
        *error = fmt(_("cannot create {}: {}"), journal_file.string(), errno_text(errno));
        return false;
    }
    // Synced with every other file of the staging folder when it is published (commit).
    const std::string marker = marker_text(id_);
    if (!journal(kMarkerFile, error) ||
        !write_unsynced(staging_ / kMarkerFile, [&marker](const Put& put) { put(marker); }, kPublicFile, error))
        return false;
    unsynced_.push_back(staging_ / kMarkerFile);
    return true;
}

bool Publisher::describe(const std::vector<std::pair<std::string, std::string>>& facts, std::string* error) {
    std::string text = marker_text(id_);
    for (const auto& [key, value] : facts) {
        std::string one_line = value;
        for (char& c : one_line)
            if (c == '\n' || c == '\r') c = ' ';
        text += key + ": " + one_line + "\n";
    }
    // Written over the shorter one begin() wrote, in place (write_unsynced keeps its blocks).
    return write_unsynced(staging_ / kMarkerFile, [&text](const Put& put) { put(text); }, kPublicFile, error);
}

bool Publisher::refuse_foreign(bool contents, std::string* error) {
    before_ = inspect_target(target_, id_, legacy_, contents);
    if (before_.kind != TargetKind::Foreign) return true;
    // TRANSLATORS: {1} is a whole clause: "it is a file, not a packet; move it away ...".
    *error = fmt(_("will not replace {}: {}"), target_.string(), before_.why);
    return false;
}

// Anything in the meeting's working folder but the lock and the current version was left by a
// build that was killed or failed; we hold the lock, so it is stale. Only what boardpack wrote
// there is removed: a leftover version that holds anything else is left as it is, and a staging
// folder or link that does is refused, since this build needs their names.
bool Publisher::clear_leftovers(std::string* error) {
    // output/<meeting> gone while the version it showed is still here: that version holds the
    // packet's history (its kept versions, the snapshots a correction is compared with), which a
    // build from here would remove and start again at version 1, saying nothing.
    if (before_.kind == TargetKind::Absent) {
        std::string noted;
        if (std::ifstream in(work_ / kPublishedNote); in) std::getline(in, noted);
        if (is_version_name(noted) && check_packet(work_ / noted, legacy_).ours()) {
            *error = fmt(_("{} is missing, but the packet it showed (version {}, with its earlier versions and what a "
                           "correction is compared with) is still in {}; to go on from it, put the link back with "
                           "\"ln -s {} {}\"; to start again at version 1, move that folder away"),
                         target_.string(), noted, (work_ / noted).string(), link_text(id_, noted), target_.string());
            return false;
        }
    }
    unsigned long newest = before_.kind == TargetKind::OwnLink ? std::stoul(before_.version) : 0;
    std::vector<std::pair<std::string, fs::path>> names;  // read first, removed after
    std::error_code ec;
    for (fs::directory_iterator it(work_, ec); !ec && it != fs::directory_iterator(); it.increment(ec))
        names.emplace_back(it->path().filename().string(), it->path());
    std::sort(names.begin(), names.end());
    std::vector<fs::path> stale, versions;
    for (const auto& entry : names) {
        const std::string& name = entry.first;
        const fs::path& path = entry.second;
        PacketCheck check;
        if (is_version_name(name)) {
            newest = std::max(newest, std::stoul(name));
            if (before_.kind == TargetKind::OwnLink && name == before_.version) continue;
            if (check_packet(path, legacy_).ours() || holds_no_file(path)) versions.push_back(path);
            continue;
        }
        if (name == "staging") {
            // Killed between making the staging folder and its journal, a build leaves it empty
            // (ctest's publish test hit that moment one run in five under load): a folder that
            // holds no file holds nothing of anyone's.
            if (holds_no_file(path)) {
                stale.push_back(path);
                continue;
            }
            check = check_staging(path, legacy_);
        } else if (name == "link") {
            // boardpack's own link, made before it replaced output/<meeting>.
            std::error_code lec;
            const std::string text = fs::read_symlink(path, lec).string();
            const std::string prefix = link_text(id_, "");
            if (!lec && text.rfind(prefix, 0) == 0 && is_version_name(text.substr(prefix.size()))) {
                stale.push_back(path);
                continue;
            }
            check.problem = PacketCheck::Problem::NoMarker;
        } else {
            continue;
        }
        if (check.ours()) {
            stale.push_back(path);
            continue;
        }
        *error = check.path.empty()
                     ? fmt(_("will not remove {}, left in boardpack's working folder by a build that stopped: boardpack "
                             "cannot tell it from a folder of yours; move it away and build again"),
                           path.string())
                     : fmt(_("will not remove {}, left in boardpack's working folder by a build that stopped: it holds {}, "
                             "which boardpack did not write; move that away and build again"),
                           path.string(), (path / check.path).string());
        return false;
    }
    for (const fs::path& p : stale) p.filename() == "staging" ? remove_staging(p) : remove_quietly(p);
    for (const fs::path& p : versions) remove_packet(p);
    version_ = std::to_string(newest + 1);
    return true;
}

Publisher::~Publisher() {
    if (journal_fd_ >= 0) ::close(journal_fd_);
    // The note written for a version that was not published (write_note).
    if (note_written_ && !committed_) remove_quietly(note_next());
    if (owns_staging_ && !committed_) {
        remove_staging(staging_);
        remove_quietly(link_);
        if (!version_.empty()) remove_quietly(work_ / version_);
    }
    if (lock_fd_ >= 0) ::close(lock_fd_);  // closing releases the flock
}

// The journal need not reach the disk before the file it names: a build killed keeps what it
// wrote to it; only a machine that stops may lose a line, and then the next build refuses the
// staging folder (which it cannot tell from one holding a file of yours) rather than remove it.
bool Publisher::journal(const std::string& relative, std::string* error) {
    const std::string line = relative + "\n";
    for (size_t done = 0; done < line.size();) {
        const ssize_t n = ::write(journal_fd_, line.data() + done, line.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            // (A write that writes nothing and gives no reason would be tried for ever.)
            const int e = n < 0 ? errno : EIO;
            *error = fmt(_("cannot write {}: {}"), (staging_ / kStagingJournal).string(), errno_text(e));
            return false;
        }
        done += static_cast<size_t>(n);
    }
    return true;
}

void Publisher::record(const std::string& relative, FileRecord r, bool restricted) {
    if (restricted) restricted_folders_.insert(relative.substr(0, relative.find('/')));
    written_[relative] = std::move(r);
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
    // Fingerprinted as it is written, for the edition's list.
    Fingerprinter print;
    const Fill printed = [&fill, &print](const Put& put) {
        fill([&put, &print](std::string_view piece) {
            print.add(piece);
            put(piece);
        });
    };
    {
        const std::lock_guard<std::mutex> lock(books_);
        if (!journal(relative, error) || !make_folders(relative, restricted, error)) return false;
    }
    if (!write_unsynced(staging_ / relative, printed, restricted ? kRestrictedFile : kPublicFile, error)) return false;
    const std::lock_guard<std::mutex> lock(books_);
    unsynced_.push_back(staging_ / relative);
    record(relative, {print.size(), print.finish()}, restricted);
    ++files_;
    return true;
}

std::string Publisher::create(const std::string& relative, Access access, std::string* error) {
    const bool restricted = access == Access::Restricted;
    const fs::path path = staging_ / relative;
    const std::lock_guard<std::mutex> lock(books_);
    if (!journal(relative, error) || !make_folders(relative, restricted, error) ||
        !create_file(path, restricted ? kRestrictedFile : kPublicFile, error))
        return "";
    created_[path.string()] = relative;
    if (restricted) restricted_folders_.insert(relative.substr(0, relative.find('/')));
    ++files_;
    return path.string();
}

bool Publisher::finish(const std::string& path, const FileRecord* written, std::string* error) {
    start_writeback(path);
    // Written by another (libharu): as its writer saw the bytes go out, else fingerprinted as
    // it is now, for the edition's list.
    std::optional<FileRecord> r;
    if (written) r = *written;
    const std::lock_guard<std::mutex> lock(books_);
    unsynced_.push_back(path);
    const auto made = created_.find(path);
    if (made == created_.end()) return true;
    if (!r) r = file_record(path);
    if (!r) {
        *error = fmt(_("cannot read {}: {}"), path, errno_text(errno));
        return false;
    }
    written_[made->second] = std::move(*r);
    created_.erase(made);
    return true;
}

fs::path Publisher::published() const {
    if (before_.kind == TargetKind::OwnLink) return work_ / before_.version;
    return {};
}

bool Publisher::keep(const std::string& from, const std::string& relative, Access access, std::string* error) {
    if (published().empty()) return true;
    return keep_path(from, relative, access == Access::Restricted, error);
}

// A folder's files are kept one by one, each making the folders on its way: a folder that holds
// no file is not made, since no list would name it.
bool Publisher::keep_path(const std::string& from_relative, const std::string& to_relative, bool restricted,
                          std::string* error) {
    const fs::path from = published() / from_relative, to = staging_ / to_relative;
    std::error_code ec;
    const fs::file_status status = fs::symlink_status(from, ec);
    if (ec || status.type() == fs::file_type::not_found) return true;  // nothing to keep
    if (status.type() == fs::file_type::directory) {
        std::vector<std::string> names;
        for (fs::directory_iterator it(from, ec); !ec && it != fs::directory_iterator(); it.increment(ec))
            names.push_back(it->path().filename().string());
        if (ec) {
            *error = fmt(_("cannot read {}: {}"), from.string(), ec.message());
            return false;
        }
        std::sort(names.begin(), names.end());
        for (const std::string& name : names)
            if (!keep_path(from_relative + "/" + name, to_relative + "/" + name, restricted, error)) return false;
        return true;
    }
    if (status.type() != fs::file_type::regular) return true;  // boardpack writes only files and folders
    if (!journal(to_relative, error) || !make_folders(to_relative, restricted, error)) return false;
    // The file as checked against the published packet's list, else (a packet from before the
    // lists) as it is.
    const auto checked = before_.files.find(from_relative);
    auto kept = [&](const fs::path& file) -> bool {
        std::optional<FileRecord> r;
        if (checked != before_.files.end()) r = checked->second;
        else r = file_record(file);
        if (!r) {
            *error = fmt(_("cannot read {}: {}"), file.string(), errno_text(errno));
            return false;
        }
        record(to_relative, std::move(*r), restricted);
        return true;
    };
    // The published files are never written again (each build writes new ones), so the new
    // packet may share them; a copy where a link is refused, or where the file must be kept with
    // other rights than it has (a public version withdrawn into the closed edition: the same file
    // would stay readable by all, and its mode is the old packet's too).
    const mode_t wanted = restricted ? kRestrictedFile : kPublicFile;
    struct stat st {};
    if (::stat(from.c_str(), &st) == 0 && (st.st_mode & 07777) == wanted && ::link(from.c_str(), to.c_str()) == 0) {
        // One file under two names: changed in place in the published packet while this build
        // runs (an editor saving into it), it would change in the new packet too, under the list
        // that says what it was. Its size and time are held to at commit.
        struct stat now {};
        if (::lstat(to.c_str(), &now) == 0) linked_.push_back({to, target_ / from_relative, now.st_size, now.st_mtim});
        return kept(to);
    }
    fs::copy_file(from, to, ec);
    if (ec) {
        *error = fmt(_("cannot keep {} in the new packet: {}"), from.string(), ec.message());
        return false;
    }
    fs::permissions(to, fs::perms(wanted), ec);
    start_writeback(to);
    unsynced_.push_back(to);
    return kept(to);
}

// The folders every closed edition holds (packet_folder.hpp), made where nothing was put in them.
bool Publisher::make_closed_folders(std::string* error) {
    for (const std::string& edition : restricted_folders_)
        for (const char* name : kClosedEditionFolders) {
            const std::string relative = edition + "/" + name;
            if (!journal(relative, error) || !make_folder(staging_ / relative, kRestrictedFolder, error)) return false;
        }
    return true;
}

// Each edition's list of the files put in its folder, in that folder with the edition's access:
// the public edition's names nothing of the closed one.
bool Publisher::write_lists(std::string* error) {
    std::map<std::string, Manifest> lists;
    for (const auto& entry : written_) {
        const size_t slash = entry.first.find('/');
        if (slash == std::string::npos) continue;  // every file is in an edition's folder
        lists[entry.first.substr(0, slash)].emplace(entry.first.substr(slash + 1), entry.second);
    }
    for (const auto& list : lists) {
        const std::string relative = list.first + "/" + manifest_file(list.first);
        const mode_t mode = restricted_folders_.count(list.first) ? kRestrictedFile : kPublicFile;
        const std::string text = manifest_text(list.second);
        if (!journal(relative, error) ||
            !write_unsynced(staging_ / relative, [&text](const Put& put) { put(text); }, mode, error))
            return false;
        unsynced_.push_back(staging_ / relative);
    }
    return true;
}

bool Publisher::commit(std::string* error) {
    // A kept file changed while this build ran is no longer what the new packet's list says.
    for (const Linked& l : linked_) {
        struct stat now {};
        if (::lstat(l.path.c_str(), &now) == 0 && now.st_size == l.size && now.st_mtim.tv_sec == l.mtime.tv_sec &&
            now.st_mtim.tv_nsec == l.mtime.tv_nsec)
            continue;
        *error = fmt(_("{} was changed while this build ran, and the new packet, which keeps it, would have held the "
                       "change under the list of what was published; nothing was published: undo the change (or move "
                       "the file away) and build again"),
                     l.shown.string());
        return false;
    }
    // Every file of the staging folder reaches the disk before the folder becomes a version: their
    // writes were started as each was written, and are waited for here, together. The note of the
    // version published is written meanwhile, its fsync waiting with theirs (some 0,5 ms less
    // than after the switch, on this machine's disk).
    bool noted = false;
    std::thread note_writer = start_or_run([this, &noted] { noted = write_note(); });
    const bool synced = make_closed_folders(error) && write_lists(error) && sync_files(unsynced_, folders_in(staging_), error);
    if (note_writer.joinable()) note_writer.join();
    if (!synced) return false;
    // The staging folder is whole, and its lists now say what in it is boardpack's: the
    // journal goes before it becomes a version.
    ::close(journal_fd_);
    journal_fd_ = -1;
    if (::unlink((staging_ / kStagingJournal).c_str()) != 0) {
        *error = fmt(_("cannot remove {}: {}"), (staging_ / kStagingJournal).string(), errno_text(errno));
        return false;
    }
    if (!sync_path(staging_, true, error)) return false;  // the journal's removal
    // Step 1: the new packet becomes a numbered version; output/<meeting> still shows the old.
    const fs::path version = work_ / version_;
    if (::rename(staging_.c_str(), version.c_str()) != 0) {
        *error = fmt(_("cannot move the new packet to {}: {}"), version.string(), errno_text(errno));
        return false;
    }
    // A version the disk may not keep is not published (the destructor removes it).
    if (!sync_path(work_, true, error)) return false;
    kill_for_tests(1);
    // Step 2: a new link to it, beside the old one.
    if (::symlink(link_text(id_, version_).c_str(), link_.c_str()) != 0) {
        *error = fmt(_("cannot create the link {}: {}"), link_.string(), errno_text(errno));
        return false;
    }
    kill_for_tests(2);
    // The old version, which the new one withdraws public content from, is shut to others before
    // the switch: killed after it, a build leaves it in the working folder until the next build
    // removes it. Its folder only: its files may be the new packet's too (hard links, keep()),
    // whose modes are the new packet's. Only the owner and the group read output/<meeting> until
    // the switch, a moment later.
    const fs::path old_version = before_.kind == TargetKind::OwnLink ? work_ / before_.version : fs::path();
    const bool shut = withdraws_ && !old_version.empty() && ::chmod(old_version.c_str(), kRestrictedFolder) == 0;
    if (withdraws_ && !old_version.empty() && !shut) {
        *error = fmt(_("cannot set the permissions of {}: {}"), old_version.string(), errno_text(errno));
        return false;
    }
    // Step 3: the new link replaces output/<meeting> in one step: rename(2) replaces a symbolic
    // link (or nothing) atomically on every POSIX file system.
    if (::rename(link_.c_str(), target_.c_str()) != 0) {
        const int e = errno;
        if (shut) ::chmod(old_version.c_str(), kPublicFolder);  // still the packet published
        errno = e;
        // Its working folder mounted apart (output/.boardpack on another file system): a link
        // cannot be moved across, and the packet is replaced in one step only by a rename.
        if (errno == EXDEV)
            *error = fmt(_("cannot replace {}: {} is on another file system than {}; the packet is replaced in one step "
                           "only within one, so keep the output folder and its .boardpack folder on one file system"),
                         target_.string(), work_.string(), root_.string());
        else
            *error = fmt(_("cannot replace {}: {}"), target_.string(), errno_text(errno));
        return false;
    }
    committed_ = true;
    // The switch and the note's rename reach the disk together: two folders' fsyncs waiting at
    // once share one journal commit.
    // Published now, whatever the disk says: one that fails to keep the switch is said (a crash
    // soon after may leave output/<meeting> showing the packet before).
    std::thread note_sync;
    std::string note_unsynced, switch_unsynced;
    if (noted && rename_note()) note_sync = start_or_run([this, &note_unsynced] { sync_path(work_, true, &note_unsynced); });
    sync_path(root_, true, &switch_unsynced);
    if (note_sync.joinable()) note_sync.join();
    unsynced_switch_ = !switch_unsynced.empty() ? switch_unsynced : note_unsynced;
    kill_for_tests(3);
    // Step 4: the old version goes.
    remove_old_version();
    return true;
}

std::filesystem::path Publisher::note_next() const { return work_ / (std::string(kPublishedNote) + ".new"); }

// The note of the version about to be published (kPublishedNote) under its new name, synced. A
// note that cannot be written leaves the packet published as it is: the note only guards against
// a link lost later.
bool Publisher::write_note() {
    std::string ignored;
    // A leftover of a build killed before its switch goes first: written into, a hard link to it
    // (a backup's "cp -al") would have its other name's content replaced too.
    remove_quietly(note_next());
    note_written_ = write_durably(note_next(), version_ + "\n", kPublicFile, &ignored);
    if (!note_written_) remove_quietly(note_next());
    return note_written_;
}

// The note replaced in one step, once the new version is published; its folder synced by the caller.
bool Publisher::rename_note() {
    if (::rename(note_next().c_str(), (work_ / kPublishedNote).c_str()) == 0) return true;
    remove_quietly(note_next());
    return false;
}

// The old version, checked again: a file someone put in it while this build ran keeps it where
// it is (the next build leaves it there too).
void Publisher::remove_old_version() {
    if (before_.kind != TargetKind::OwnLink) return;
    const fs::path old = work_ / before_.version;
    const PacketCheck check = check_packet(old, legacy_);
    if (check.ours()) {
        remove_packet(old);
    } else {
        // Kept where it is, out of sight: the build says where (build.cpp). It is published no
        // more, and may hold what the new packet withdrew from the public edition (an item made
        // confidential): only the owner and the group may go into it now, as into a closed
        // edition. The file saved into it stays as it is.
        ::chmod(old.c_str(), kRestrictedFolder);
        left_behind_ = check.path.empty() ? old : old / check.path;
        left_behind_shown_ = check.path.empty() ? target_ : target_ / check.path;
    }
}

}  // namespace boardpack::publish

// Writes one meeting's packet all or nothing, so that output/<meeting> is a complete packet at
// every moment, on any POSIX file system. Each build writes a new version into boardpack's
// working folder (output/.boardpack/<meeting>/staging, then renamed to a numbered version);
// output/<meeting> is a symbolic link to the current version, replaced by rename(2) of a new
// link over it, which is atomic; the old version is removed afterwards. Only what boardpack
// wrote is ever replaced or removed (see packet_folder.hpp): the publisher records every file it
// puts in the new packet, and lists them with their fingerprints in each edition's folder
// (manifest.hpp) before the packet is published; while it writes, a journal in the staging
// folder names what it is about to make, so what a killed build left is known as its own. A
// lock file keeps two builds of the same meeting from interleaving.
#pragma once

#include <sys/stat.h>

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "publish/durable_files.hpp"
#include "publish/manifest.hpp"
#include "publish/packet_folder.hpp"

namespace boardpack::publish {

// Who may read a file of the packet.
enum class Access {
    Public,      // everyone (files 0644, folders 0755): the public edition
    Restricted,  // owner and group only (files 0640, folders 0750): the closed edition
};

class Publisher {
public:
    // Takes the lock for output_root/meeting_id, checks that what is there now may be replaced,
    // clears what a killed build left and prepares an empty staging folder. `legacy` reads the
    // snapshots of a packet published before the lists of files (packet_folder.hpp). On failure
    // returns nullptr and sets *error.
    static std::unique_ptr<Publisher> begin(const std::filesystem::path& output_root, const std::string& meeting_id,
                                            const ReadLegacyEdition& legacy, std::string* error);
    ~Publisher();  // removes the staging folder unless committed; releases the lock

    Publisher(const Publisher&) = delete;
    Publisher& operator=(const Publisher&) = delete;

    // write(), create() and finish() may be called from several threads at once (the editions
    // render together); the publisher's other calls, from one.

    // Writes a file (path relative to the meeting's output folder, inside an edition's folder)
    // into the staging folder; the file and the folders it creates get the access's permissions.
    bool write(const std::string& relative, const std::string& content, Access access, std::string* error);
    // The same, with the content given piece by piece (durable_files.hpp: Fill) and written as it comes.
    bool write(const std::string& relative, const Fill& fill, Access access, std::string* error);

    // Creates an empty file (path relative to the meeting's output folder) in the staging
    // folder, with its folders, all with the access's permissions, for a writer that fills it
    // by name (libharu); returns its path, or "" with *error set. finish() makes it durable and
    // lists it: with `written`, the writer's record of the bytes as it wrote them (so the file
    // is not read back), else as the file is now.
    std::string create(const std::string& relative, Access access, std::string* error);
    bool finish(const std::string& path, const FileRecord* written, std::string* error);

    // The folder of the packet published now (what output/<meeting> shows when the build began),
    // or "" if there is none. Read it only while this publisher holds the lock.
    std::filesystem::path published() const;

    // Keeps a file or folder of the published packet in the new one: `from` (relative to
    // published()) becomes `relative` in the staging folder, hard-linked where the file system
    // allows (else copied), its folders made with the access's mode. The kept versions of the
    // editions (README, "Corrections") thus ride on the same atomic swap as the rest.
    bool keep(const std::string& from, const std::string& relative, Access access, std::string* error);

    // Says that the new packet withdraws from the public edition what the one published now
    // showed (an item made confidential): commit() then makes the old version readable by owner
    // and group only before output/<meeting> leads to the new one, so no moment after it (a build
    // killed before the old version is removed, or one left behind) leaves it readable by all.
    void withdraws() { withdraws_ = true; }

    // Writes each edition's list of the files put in it, then publishes the staging folder as
    // output/<meeting>.
    bool commit(std::string* error);

    // Records facts about the packet in its marker ("dato", "organ", ...), read back by
    // published_packets() for the archive page. Values are kept to one line.
    bool describe(const std::vector<std::pair<std::string, std::string>>& facts, std::string* error);

    // After commit: a file someone put in (or changed in) the packet published before while this
    // build ran, which kept that old version from being removed: where it is now, in the working
    // folder; "" if there is none. `shown` is where it was put (under output/<meeting>).
    const std::filesystem::path& left_behind() const { return left_behind_; }
    const std::filesystem::path& left_behind_shown() const { return left_behind_shown_; }
    // After commit: what failed when the switch to the new packet was synced to the disk
    // ("cannot write to disk output: Input/output error"), or "". The packet is published; a
    // crash soon after may leave output/<meeting> showing the one before.
    const std::string& unsynced_switch() const { return unsynced_switch_; }

    const std::filesystem::path& staging() const { return staging_; }
    const std::filesystem::path& target() const { return target_; }
    int files_written() const { return files_; }

private:
    Publisher() = default;
    bool prepare(std::string* error);
    // False (with *error) if output/<meeting> is not ours; `contents` as for inspect_target.
    bool refuse_foreign(bool contents, std::string* error);
    bool clear_leftovers(std::string* error);
    bool make_folders(const std::string& relative, bool restricted, std::string* error);
    bool keep_path(const std::string& from, const std::string& to, bool restricted, std::string* error);
    // Names a path in the journal before it is made in the staging folder.
    bool journal(const std::string& relative, std::string* error);
    // Records a file written into the staging folder, for its edition's list.
    void record(const std::string& relative, FileRecord r, bool restricted);
    bool make_closed_folders(std::string* error);
    bool write_lists(std::string* error);
    void remove_old_version();
    // The note of the version published (kPublishedNote): its new content written and synced
    // (under its ".new" name) while the staging folder's files are, renamed over it after the
    // switch. False if it could not be written (the note only guards against a link lost later).
    bool write_note();
    bool rename_note();
    std::filesystem::path note_next() const;

    std::string id_;
    ReadLegacyEdition legacy_;
    std::filesystem::path root_;     // the output folder
    std::filesystem::path target_;   // output/<meeting>
    std::filesystem::path work_;     // output/.boardpack/<meeting>
    std::filesystem::path staging_;  // work_/staging: the new packet while it is written
    std::filesystem::path link_;     // work_/link: the new link before it replaces target_
    TargetState before_;             // what target_ was when the build began
    std::string version_;            // the new version's folder name in work_
    std::filesystem::path left_behind_, left_behind_shown_;  // see left_behind()
    std::string unsynced_switch_;                            // see unsynced_switch()
    Manifest written_;               // every file put in the staging folder, by its path there
    std::set<std::string> restricted_folders_;  // the edition folders written with Access::Restricted
    std::map<std::string, std::string> created_;  // create()d files not yet finished: path -> relative
    std::vector<std::filesystem::path> unsynced_;  // files written into staging_, synced by commit()
    // Files kept by a hard link to the published packet's (keep_path): each as it was linked,
    // held to at commit.
    struct Linked {
        std::filesystem::path path, shown;
        off_t size = 0;
        timespec mtime{};
    };
    std::vector<Linked> linked_;
    // What write(), create() and finish() note (the journal, the folders made, the lists above,
    // files_), so that threads may call them at once; a file's content is written outside it.
    std::mutex books_;
    int lock_fd_ = -1;
    int journal_fd_ = -1;
    int files_ = 0;
    bool owns_staging_ = false;  // only a publisher holding the lock may remove the staging folder
    bool committed_ = false;
    bool note_written_ = false;  // write_note wrote the note's new content (removed if not published)
    bool withdraws_ = false;  // see withdraws()
};

}  // namespace boardpack::publish

// File operations of the publish step that must reach the disk or happen at once: writing a
// file with a fixed mode and syncing it, making a folder with a fixed mode.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace boardpack::publish {

// Writes `content` to a new file with exactly `mode` (whatever the umask) and syncs it.
bool write_durably(const std::filesystem::path& path, const std::string& content, mode_t mode, std::string* error);

// A file's content given piece by piece: `fill` calls `put` with each piece, in order.
using Put = std::function<void(std::string_view piece)>;
using Fill = std::function<void(const Put& put)>;
// The same, each piece written as it comes, so the whole is never held (a large meeting's snapshot).
bool write_durably(const std::filesystem::path& path, const Fill& fill, mode_t mode, std::string* error);

// The same, but only starting the disk's write: the caller syncs the file later (sync_files),
// before anything makes it part of what is published. Many files written this way and synced
// together cost the disk one journal commit, not one each.
bool write_unsynced(const std::filesystem::path& path, const Fill& fill, mode_t mode, std::string* error);

// Starts writing a file's content to the disk without waiting for it (a hint: sync_files still
// must follow).
void start_writeback(const std::filesystem::path& path);

// Syncs each file's content and each folder to the disk, several at once. A file or folder that
// fails makes it false, the first in `files`, then in `folders`, that failed named in *error;
// not a folder gone (it holds nothing to lose), nor one whose file system cannot sync folders
// (sync_path).
bool sync_files(const std::vector<std::filesystem::path>& files, const std::vector<std::filesystem::path>& folders,
                std::string* error);

// Every folder in a tree, the root last.
std::vector<std::filesystem::path> folders_in(const std::filesystem::path& root);

// Creates an empty file with exactly `mode` (whatever the umask), for a writer that fills it by
// name; sync_file then makes it durable.
bool create_file(const std::filesystem::path& path, mode_t mode, std::string* error);

// Syncs a file's content to the disk.
bool sync_file(const std::filesystem::path& path, std::string* error);

// Replaces `path` whole or not at all: writes `content` to `temp` (a name in the same file
// system that no one else writes), syncs it, renames it over `path` and syncs the folder. A reader
// never sees half a file; on failure `temp` is removed and `path` is as it was.
bool replace_durably(const std::filesystem::path& path, const std::filesystem::path& temp, const std::string& content,
                     mode_t mode, std::string* error);

// Makes a folder with exactly `mode` (whatever the umask); an existing folder gets that mode.
// Folders made here, and files made by write_unsynced and create_file (a packet's), have no ACL
// (one inherited from a folder's default ACL would give its users access the mode does not), and
// such a folder no default ACL; write_durably leaves a file the ACL its folder gives it.
bool make_folder(const std::filesystem::path& path, mode_t mode, std::string* error);

// Makes a folder and the folders on its way that are missing, each made here with exactly `mode`
// (whatever the umask); a folder that was there already is left as it is (it is the user's).
bool make_missing_folders(const std::filesystem::path& path, mode_t mode, std::string* error);

// Syncs a file or folder, so a rename inside it or its content survives a crash; false, with
// *error naming it and the system's reason when given, if the disk says it failed. A folder on a
// file system that cannot sync folders (fsync says EINVAL or ENOTSUP: some network and FUSE
// file systems) counts as synced: there is nothing more to do there.
bool sync_path(const std::filesystem::path& p, bool directory, std::string* error = nullptr);

// Every fsync made here goes through `f` instead of ::fsync while it is set (nullptr: ::fsync
// again): for tests, a disk that fails.
using FsyncFunction = int (*)(int fd);
void set_fsync_for_tests(FsyncFunction f);

// Removes a path and everything below it, without following symbolic links; errors are ignored.
void remove_quietly(const std::filesystem::path& p);

}  // namespace boardpack::publish

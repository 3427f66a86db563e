// Access to the files of one meeting folder, behind an interface so parsers can be tested from
// memory, and confined to the folder: no absolute paths, no "..", no symlinks leading out.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <set>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace boardpack {

// Largest input file boardpack reads (documented in the README).
inline constexpr size_t kMaxFileBytes = 2u * 1024u * 1024u;
// All input files of one meeting together (documented in the README); see ReadTotals.
inline constexpr size_t kMaxMeetingBytes = 4u * 1024u * 1024u;

// What the readers have taken in so far from one meeting's files, held against the limits on
// the whole meeting (core/text_file.hpp), so many files each within the limits cannot add up
// to a runaway.
struct ReadTotals {
    size_t bytes = 0;
    size_t table_cells = 0;
    size_t markdown_parts = 0;
    size_t items = 0;
    size_t attachments = 0;
    size_t attachment_pages = 0;  // pages of the PDF attachments
};

// Why a path in the input may not be used, or nullopt when it is a plain relative path. With
// `allow_parent`, ".." steps are let through: the caller then confines the resolved path (an
// item names a shared file as "../delt/x.csv"; ItemFiles decides where that may lead).
std::optional<std::string> unsafe_path_reason(const std::string& relative, bool allow_parent = false);

// Which file on the file system a name is, as the operating system tells it: two names with the
// same device and inode are hard links to one file.
struct FileIdentity {
    std::uint64_t device = 0;
    std::uint64_t inode = 0;
    std::uint64_t links = 1;  // how many names the file has (st_nlink)

    bool same_file(const FileIdentity& o) const { return device == o.device && inode == o.inode; }
};

// Most names a walk over item folders looks at before it gives up (see files_under).
inline constexpr size_t kMaxWalkedFiles = 100000;

class InputFiles {
public:
    virtual ~InputFiles() = default;

    // Reads a file named relative to the meeting folder. On failure returns nullopt and sets
    // *error to a sentence such as "no such file".
    virtual std::optional<std::string> read(const std::string& relative, std::string* error) const = 0;
    virtual bool is_directory(const std::string& relative) const = 0;
    virtual bool exists(const std::string& relative) const = 0;

    // The names directly in a folder (files and folders, sorted), for the checks that look for
    // what the input does not name: an item folder meeting.txt does not list, a near-miss name.
    // Empty when the folder cannot be listed.
    virtual std::vector<std::string> list(const std::string& relative) const { (void)relative; return {}; }

    // Where a name leads once "." and ".." steps and symbolic links are followed, relative to the
    // meeting folder ("" for the folder itself); nullopt with *error set when it leads out.
    virtual std::optional<std::string> real_path(const std::string& relative, std::string* error) const = 0;

    // How the file is named in messages, e.g. "inputs/2023-09/18-speciallaeger/tabel-1.csv".
    virtual std::string display(const std::string& relative) const = 0;

    // The identity of the file a real path names, a symbolic link not followed; nullopt when
    // there is none to give.
    virtual std::optional<FileIdentity> identity(const std::string& /*real*/) const { return std::nullopt; }

    // The regular files in folder `real` and its subfolders, as real paths relative to the
    // meeting folder, sorted; symbolic links are not followed. Sets *complete to false when
    // there were more than `limit` names or a folder could not be listed.
    virtual std::vector<std::string> files_under(const std::string& /*real*/, size_t /*limit*/,
                                                 bool* complete) const {
        if (complete) *complete = true;
        return {};
    }

    // What the readers have counted of the meeting so far; not part of the files. A view of
    // the files (such as one item's) shares the meeting's totals, so a limit holds per meeting.
    virtual ReadTotals& totals() const { return totals_; }

protected:
    // Adds a file's size to totals.bytes; false, with *error naming the limit, when that takes
    // the meeting over kMaxMeetingBytes.
    bool count_bytes(size_t size, std::string* error) const;

private:
    mutable ReadTotals totals_;
};

// The real file system, below one root folder.
class DiskFiles final : public InputFiles {
public:
    explicit DiskFiles(std::filesystem::path root);
    std::optional<std::string> read(const std::string& relative, std::string* error) const override;
    bool is_directory(const std::string& relative) const override;
    bool exists(const std::string& relative) const override;
    std::vector<std::string> list(const std::string& relative) const override;
    std::optional<std::string> real_path(const std::string& relative, std::string* error) const override;
    std::string display(const std::string& relative) const override;
    std::optional<FileIdentity> identity(const std::string& real) const override;
    std::vector<std::string> files_under(const std::string& real, size_t limit, bool* complete) const override;

private:
    // A folder's resolved path, and what a name in it is found from without std::filesystem.
    struct Folder {
        std::filesystem::path real;
        // Whether `real` names its last step (no separator at its end) and has at least the real
        // root's steps: a name in it then leads out of the root exactly when `real` does.
        bool quick = false;
        bool inside = false;        // real's steps start with the real root's
        std::string native;         // real, and a separator to append a name to (when quick)
        std::string real_relative;  // real relative to the real root, "" or ending in "/" (when quick and inside)
    };
    // The path on disk if it stays inside the root once symlinks are resolved.
    std::optional<std::filesystem::path> resolve(const std::string& relative, std::string* error) const;
    // std::filesystem::weakly_canonical(root_ / relative) with every link it names followed
    // (physical_path in input_files.cpp), with the folders' part looked up once when the name is
    // `plain`: without ".", ".." or empty steps.
    std::filesystem::path resolved(const std::string& relative, bool plain, std::error_code& ec) const;
    // The folder `folder` (relative to the root) resolved, looked up once; null with ec set when
    // it cannot be.
    const Folder* folder(std::string_view folder, std::error_code& ec) const;
    // weakly_canonical(root_ / name) for a plain name whose last step is no symbolic link, found
    // from its parent folder's; nullopt for any other (or a root that is not a real folder).
    std::optional<std::filesystem::path> quick_folder(std::string_view name) const;
    // What resolve() gives a plain name that leads, in a folder that does not lead out, to a file
    // or nothing (no symbolic link), as text, with its real path in *real_relative: each found
    // as a string from its folder's. nullopt for any other name: resolve() takes it.
    std::optional<std::string> quick_resolve(const std::string& relative, std::string* real_relative) const;
    // What one lstat of a path said, kept for the build.
    struct Leaf {
        bool no_link = false;                  // a file or folder that is no symbolic link, or nothing
        std::optional<FileIdentity> identity;  // when there is something
    };
    const Leaf& leaf(const std::string& path) const;
    // Whether the real path `real` names a file or folder that is no symbolic link, or nothing.
    bool no_link_at(const std::string& real) const;
    // Whether the file open as `fd` lies in the real root, as the kernel names it; true where
    // that cannot be told.
    bool opened_inside(int fd) const;
    std::filesystem::path root_;
    std::filesystem::path real_root_;
    bool root_found_ = false;  // real_root_ is canonical(root_): the root was there
    // (root_ / name).lexically_normal().generic_string() is this and the name, for a plain name.
    std::string display_prefix_;
    bool quick_display_ = false;
    // real_root_ and a separator to append a real path to.
    std::string real_root_prefix_;
    // Each folder's resolved path, by its name relative to the root. Like the totals, not for two
    // threads at once.
    mutable std::map<std::string, Folder, std::less<>> folders_;
    // leaf()'s answers, by path; the same.
    mutable std::unordered_map<std::string, Leaf> leaves_;
};

// Files held in memory, for tests. There are no symbolic links, so a real path is the name with
// its "." and ".." steps taken; hard links are modelled by add_hard_link.
class MemoryFiles final : public InputFiles {
public:
    explicit MemoryFiles(std::string display_root = "mem") : display_root_(std::move(display_root)) {}
    void add(const std::string& relative, std::string content);
    // Gives the file `existing` a second name, as `ln existing name` does.
    void add_hard_link(const std::string& existing, const std::string& name);
    // Shows the file `existing` at `name` too, as a bind mount does: the same file, which still
    // has one name (st_nlink 1).
    void add_bind_mount(const std::string& existing, const std::string& name);
    std::optional<std::string> read(const std::string& relative, std::string* error) const override;
    bool is_directory(const std::string& relative) const override;
    bool exists(const std::string& relative) const override;
    std::vector<std::string> list(const std::string& relative) const override;
    std::optional<std::string> real_path(const std::string& relative, std::string* error) const override;
    std::string display(const std::string& relative) const override;
    std::optional<FileIdentity> identity(const std::string& real) const override;
    std::vector<std::string> files_under(const std::string& real, size_t limit, bool* complete) const override;

private:
    std::string display_root_;
    std::map<std::string, std::string> files_;
    std::map<std::string, std::uint64_t> inodes_;  // name -> its file; hard links and bind mounts share one
    std::set<std::string> mounted_;                 // names shown by a bind mount: not counted as links
    std::uint64_t next_inode_ = 1;
};

// The name with its "." and ".." steps taken ("a/./b/../c" is "a/c", "." is ""), symbolic links
// not followed; nullopt when a ".." would step out of the meeting folder.
std::optional<std::string> lexical_path(const std::string& relative);

// Joins a folder and a name given in an input file ("18-speciallaeger" + "tabel-1.csv").
std::string join_relative(const std::string& folder, const std::string& name);

}  // namespace boardpack

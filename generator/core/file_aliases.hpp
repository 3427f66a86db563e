// One file under two item folders. A hard link is a second name for the same file, and a bind
// mount shows a folder (or a file) at a second place; nothing in either path shows where else the
// file lies: a link in a public item's folder to a confidential item's CSV, or the confidential
// item's folder mounted inside the public one's, reads, by its path, as the public item's own.
// So every file an item reads is compared, by device and inode, with the files of the other item
// folders.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/file_owners.hpp"
#include "core/input_files.hpp"

namespace boardpack {

class FileAliases {
public:
    FileAliases(const InputFiles& meeting, const FileOwners& owners) : meeting_(meeting), owners_(owners) {}

    // Why item `reader` may not read the file at real path `real`, or nullopt when it may: the
    // same file may not also lie in another item's folder. Names outside every item folder (a
    // backup, a shared location) do not matter. The item folders are walked once, when the first
    // file is read. If they hold too many names to walk (kMaxWalkedFiles), a file with several
    // names (hard links) is refused, as it cannot be cleared; one with one name is taken as read.
    std::optional<std::string> refuse(const FileOwner& reader, const std::string& real) const;

private:
    // A file in an item folder.
    struct Seen {
        FileIdentity id;
        std::string real;
        const FileOwner* owner;
    };
    void walk() const;

    const InputFiles& meeting_;
    const FileOwners& owners_;
    mutable bool walked_ = false;
    mutable bool complete_ = true;
    mutable std::vector<Seen> seen_;  // sorted by device and inode
};

}  // namespace boardpack

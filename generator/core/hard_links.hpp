// Hard links between item folders. A hard link is a second name for the same file, and nothing
// in its path shows where else the file lies: a link in a public item's folder to a
// confidential item's CSV reads, by its path, as the public item's own. So a file with more
// than one name is compared, by device and inode, with the files of the other item folders.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/file_owners.hpp"
#include "core/input_files.hpp"

namespace boardpack {

class HardLinks {
public:
    HardLinks(const InputFiles& meeting, const FileOwners& owners) : meeting_(meeting), owners_(owners) {}

    // Why item `reader` may not read the file at real path `real`, or nullopt when it may: a file
    // with other names may not be a file of another item's folder. Names outside every item
    // folder (a backup, a shared location) do not matter. The item folders are walked once, when
    // the first file with several names is met.
    std::optional<std::string> refuse(const FileOwner& reader, const std::string& real) const;

private:
    // A file in an item folder that has more than one name.
    struct Linked {
        FileIdentity id;
        std::string real;
        const FileOwner* owner;
    };
    void walk() const;

    const InputFiles& meeting_;
    const FileOwners& owners_;
    mutable bool walked_ = false;
    mutable bool complete_ = true;
    mutable std::vector<Linked> linked_;
};

}  // namespace boardpack

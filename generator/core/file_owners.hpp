// Which part of a meeting folder belongs to whom: each agenda item owns its folder, and
// meeting.txt may declare shared files and folders, public data that any item may read. Paths
// here are real paths (symbolic links followed) relative to the meeting folder, "" for the
// folder itself, so the rule holds however a file is named.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"

namespace boardpack {

// One item folder or shared location.
struct FileOwner {
    std::string name;     // as written in meeting.txt, e.g. "02-personalesag"
    std::string real;     // its real path
    SourceLoc listed_at;  // the meeting.txt line that names it
    bool shared = false;  // a "delt:" line, not an item
};

class FileOwners {
public:
    // Adds an owner; returns why it cannot be one (it is the meeting folder, or it is, holds or
    // lies inside one added before), naming the other and its line. A refused item must not be
    // read, but it is kept, so its folder stays its own.
    std::optional<std::string> add(FileOwner owner);

    // Why the item `reader` may not read the file at real path `real`, or nullopt when it may:
    // an item reads files in its own folder and shared files, nothing else. `through_link` says
    // a symbolic link took the name there, for the message.
    std::optional<std::string> refuse(const FileOwner& reader, const std::string& real, bool through_link) const;

    // Every owner added, in order.
    const std::vector<FileOwner>& all() const { return owners_; }

private:
    std::vector<FileOwner> owners_;
};

// "the item folder "pub" (meeting.txt:6)": names an owner and where it is listed, for messages.
std::string named(const FileOwner& o);

// True when real path `inner` is `outer` or lies inside it.
bool path_within(const std::string& inner, const std::string& outer);

}  // namespace boardpack

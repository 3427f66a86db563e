// The files one agenda item may read: every read of an item (item.md, its tables' CSV files, its
// attachments) goes through this, so a name that leads into another item's folder or elsewhere
// in the meeting folder, by "..", a nested folder or a symbolic link, is refused whatever key
// named it.
#pragma once

#include "core/file_owners.hpp"
#include "core/file_aliases.hpp"
#include "core/input_files.hpp"

namespace boardpack {

// The meeting's files, confined to what `item` may read (see FileOwners::refuse, and
// FileAliases::refuse for a file read). Names stay relative to the meeting folder, as for InputFiles.
class ItemFiles final : public InputFiles {
public:
    ItemFiles(const InputFiles& meeting, const FileOwners& owners, const FileAliases& aliases, FileOwner item)
        : meeting_(meeting), owners_(owners), aliases_(aliases), item_(std::move(item)) {}

    std::optional<std::string> read(const std::string& relative, std::string* error) const override;
    bool is_directory(const std::string& relative) const override;
    bool exists(const std::string& relative) const override;
    std::vector<std::string> list(const std::string& relative) const override;
    std::optional<std::string> real_path(const std::string& relative, std::string* error) const override;
    std::string display(const std::string& relative) const override { return meeting_.display(relative); }
    ReadTotals& totals() const override { return meeting_.totals(); }

private:
    const InputFiles& meeting_;
    const FileOwners& owners_;
    const FileAliases& aliases_;
    FileOwner item_;
};

}  // namespace boardpack

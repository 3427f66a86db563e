#include "core/file_aliases.hpp"
#include "core/messages.hpp"

#include <algorithm>
#include <tuple>

#include "core/text.hpp"

namespace boardpack {

namespace {

bool before(const FileIdentity& a, const FileIdentity& b) {
    return std::tie(a.device, a.inode) < std::tie(b.device, b.inode);
}

}  // namespace

void FileAliases::walk() const {
    walked_ = true;
    size_t budget = kMaxWalkedFiles;
    for (const FileOwner& o : owners_.all()) {
        if (o.shared) continue;
        bool complete = true;
        const auto names = meeting_.files_under(o.real, budget, &complete);
        complete_ = complete_ && complete;
        budget -= std::min(budget, names.size());
        for (const std::string& real : names)
            if (const auto id = meeting_.identity(real)) seen_.push_back({*id, real, &o});
    }
    std::stable_sort(seen_.begin(), seen_.end(), [](const Seen& a, const Seen& b) { return before(a.id, b.id); });
}

std::optional<std::string> FileAliases::refuse(const FileOwner& reader, const std::string& real) const {
    const auto id = meeting_.identity(real);
    if (!id) return std::nullopt;
    if (!walked_) walk();
    const Seen key{*id, {}, nullptr};
    const auto [first, last] = std::equal_range(seen_.begin(), seen_.end(), key,
                                                [](const Seen& a, const Seen& b) { return before(a.id, b.id); });
    for (auto it = first; it != last; ++it) {
        // The same name under another folder is no second name: nested item folders are
        // FileOwners' to refuse.
        if (it->owner->name == reader.name || it->real == real) continue;
        if (id->links > 1)
            return fmt(_("the file is a hard link to {} in {}; item {} may read only files in its own folder and shared files"),
                       quote_text(meeting_.display(it->real)), named(*it->owner), quote_text(reader.name));
        return fmt(_("the file is also {} in {} (the same file on disk, shown at two places by a bind mount); item {} may "
                     "read only files in its own folder and shared files"),
                   quote_text(meeting_.display(it->real)), named(*it->owner), quote_text(reader.name));
    }
    if (!complete_ && id->links > 1)
        return fmt(_("the file has {} names (hard links), and the item folders hold too many files (more than {}) or "
                     "unreadable folders to check that none is in another item's folder"),
                   id->links, kMaxWalkedFiles);
    return std::nullopt;
}

}  // namespace boardpack

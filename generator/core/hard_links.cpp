#include "core/hard_links.hpp"
#include "core/messages.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace boardpack {

void HardLinks::walk() const {
    walked_ = true;
    size_t budget = kMaxWalkedFiles;
    for (const FileOwner& o : owners_.all()) {
        if (o.shared) continue;
        bool complete = true;
        const auto names = meeting_.files_under(o.real, budget, &complete);
        complete_ = complete_ && complete;
        budget -= std::min(budget, names.size());
        for (const std::string& real : names) {
            const auto id = meeting_.identity(real);
            if (id && id->links > 1) linked_.push_back({*id, real, &o});
        }
    }
}

std::optional<std::string> HardLinks::refuse(const FileOwner& reader, const std::string& real) const {
    const auto id = meeting_.identity(real);
    if (!id || id->links <= 1) return std::nullopt;
    if (!walked_) walk();
    for (const Linked& l : linked_) {
        if (!l.id.same_file(*id) || l.owner->name == reader.name) continue;
        return fmt(_("the file is a hard link to {} in {}; item {} may read only files in its own folder and shared files"),
                   quote_text(meeting_.display(l.real)), named(*l.owner), quote_text(reader.name));
    }
    if (!complete_)
        return fmt(_("the file has {} names (hard links), and the item folders hold too many files (more than {}) or "
                     "unreadable folders to check that none is in another item's folder"),
                   id->links, kMaxWalkedFiles);
    return std::nullopt;
}

}  // namespace boardpack

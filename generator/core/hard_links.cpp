#include "core/hard_links.hpp"

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
        return "the file is a hard link to " + quote_text(meeting_.display(l.real)) + " in " +
               named(*l.owner) + "; item " + quote_text(reader.name) +
               " may read only files in its own folder and shared files";
    }
    if (!complete_)
        return "the file has " + std::to_string(id->links) +
               " names (hard links), and the item folders hold too many files (more than " +
               std::to_string(kMaxWalkedFiles) + ") or unreadable folders to check that none is in another item's folder";
    return std::nullopt;
}

}  // namespace boardpack

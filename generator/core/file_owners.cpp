#include "core/file_owners.hpp"
#include "core/messages.hpp"

#include "core/input_files.hpp"
#include "core/text.hpp"

namespace boardpack {

namespace {

// "the item folder "pub"", with where it really leads when a symbolic link makes that differ.
std::string describe(const FileOwner& o) {
    std::string s = fmt(o.shared ? _("the shared location {}") : _("the item folder {}"), quote_text(o.name));
    if (lexical_path(o.name) != o.real) s += fmt(_(" (which leads to {})"), quote_text(o.real.empty() ? "." : o.real));
    return s;
}

}  // namespace

std::string named(const FileOwner& o) {
    return describe(o) + " (" + o.listed_at.file + ":" + std::to_string(o.listed_at.line) + ")";
}

bool path_within(const std::string& inner, const std::string& outer) {
    if (outer.empty()) return true;
    return inner.size() >= outer.size() && inner.compare(0, outer.size(), outer) == 0 &&
           (inner.size() == outer.size() || inner[outer.size()] == '/');
}

std::optional<std::string> FileOwners::add(FileOwner owner) {
    // An owner is kept even when refused: a later owner that overlaps it is refused naming it,
    // and a read that leads into a refused item's folder is still refused as that item's.
    // The wording is looked up and the owner described only for a refusal (a build adds every
    // item, and is refused none).
    const auto own = [] { return std::string(_("; give each item a folder of its own")); };
    std::optional<std::string> why;
    for (const FileOwner& o : owners_) {
        // Two shared locations may overlap: both are public.
        if (o.shared && owner.shared) continue;
        const char* relation;  // {0} the folder refused, {1} the one it overlaps
        if (owner.real == o.real) relation = _("{0} is the same folder as {1}");
        else if (path_within(owner.real, o.real)) relation = _("{0} lies inside {1}");
        else if (path_within(o.real, owner.real))
            relation = owner.real.empty() ? owner.shared ? _("{0} is the meeting folder itself, which cannot be shared, which holds {1}")
                                                         : _("{0} is the meeting folder itself, which holds {1}")
                                          : _("{0} holds {1}");
        else continue;
        const std::string rule = owner.shared || o.shared ? _("; an item's files cannot be shared (shared files are public)")
                                 : owner.real == o.real || owner.real.empty()
                                     ? own()
                                     : _("; item folders may not be nested, or one item could read the other's files");
        why = fmt(relation, describe(owner), named(o)) + rule;
        break;
    }
    if (!why && owner.real.empty())
        why = fmt(owner.shared ? _("{} is the meeting folder itself, which cannot be shared") : _("{} is the meeting folder itself"),
                  describe(owner)) +
              (owner.shared ? "" : own());
    owners_.push_back(std::move(owner));
    return why;
}

std::optional<std::string> FileOwners::refuse(const FileOwner& reader, const std::string& real,
                                             bool through_link) const {
    const bool how = through_link;
    // The file belongs to the innermost item folder holding it (were folders ever nested, the
    // inner item's files stay its own).
    const FileOwner* item = nullptr;
    for (const FileOwner& o : owners_)
        if (!o.shared && path_within(real, o.real) && (!item || o.real.size() > item->real.size())) item = &o;
    if (item && item->name == reader.name) return std::nullopt;
    if (item)
        return fmt(how ? _("the file leads (through a symbolic link) into {}; item {} may read only files in its own folder and shared files")
                       : _("the file leads into {}; item {} may read only files in its own folder and shared files"),
                   named(*item), quote_text(reader.name));
    for (const FileOwner& o : owners_)
        if (o.shared && path_within(real, o.real)) return std::nullopt;
    return fmt(how ? _("the file leads (through a symbolic link) outside the item folder {}; a file that several items use "
                       "must be declared with a \"delt:\" line in meeting.txt (it is then public)")
                   : _("the file leads outside the item folder {}; a file that several items use must be declared with "
                       "a \"delt:\" line in meeting.txt (it is then public)"),
               quote_text(reader.name));
}

}  // namespace boardpack

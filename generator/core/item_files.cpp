#include "core/item_files.hpp"

namespace boardpack {

std::optional<std::string> ItemFiles::real_path(const std::string& relative, std::string* error) const {
    auto real = meeting_.real_path(relative, error);
    if (!real) return std::nullopt;
    // A symbolic link took the name somewhere its spelling does not show: say so.
    if (auto why = owners_.refuse(item_, *real, lexical_path(relative) != real)) {
        if (error) *error = *why;
        return std::nullopt;
    }
    return real;
}

std::optional<std::string> ItemFiles::read(const std::string& relative, std::string* error) const {
    // Read the checked real path, not the name again, so what is read is what was checked.
    const auto real = real_path(relative, error);
    if (!real) return std::nullopt;
    // Its path says the file is the item's; a hard link could still make it another item's.
    if (auto why = aliases_.refuse(item_, *real)) {
        if (error) *error = *why;
        return std::nullopt;
    }
    return meeting_.read(*real, error);
}

bool ItemFiles::is_directory(const std::string& relative) const {
    const auto real = real_path(relative, nullptr);
    return real && meeting_.is_directory(*real);
}

bool ItemFiles::exists(const std::string& relative) const {
    const auto real = real_path(relative, nullptr);
    return real && meeting_.exists(*real);
}

std::vector<std::string> ItemFiles::list(const std::string& relative) const {
    const auto real = real_path(relative, nullptr);
    return real ? meeting_.list(*real) : std::vector<std::string>{};
}

}  // namespace boardpack

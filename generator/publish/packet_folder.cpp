#include "publish/packet_folder.hpp"
#include "core/messages.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <system_error>

namespace fs = std::filesystem;

namespace boardpack::publish {

namespace {

// The files a packet holds, per edition folder (model::edition_folder names them).
const char* const kEditionFolders[] = {"offentlig", "lukket"};
const char* const kEditionFiles[] = {"dagsorden.html", "dagsorden.pdf"};

bool has_marker(const fs::path& folder) {
    std::ifstream in(folder / kMarkerFile);
    std::string first;
    return in && std::getline(in, first) && first == kMarkerLine;
}

bool is_plain_file(const fs::path& p) {
    struct stat st {};
    return ::lstat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool contains_only(const fs::path& folder, auto&& allowed) {
    std::error_code ec;
    fs::directory_iterator it(folder, ec);
    if (ec) return false;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
        if (ec || !allowed(it->path().filename().string())) return false;
    }
    return !ec;
}

// A folder whose every entry is a packet's: the marker and the edition folders, each holding
// only the edition's files. Replacing it then deletes nothing but a packet.
bool holds_only_a_packet(const fs::path& folder) {
    const bool top_ok = contains_only(folder, [&](const std::string& name) {
        if (name == kMarkerFile) return is_plain_file(folder / name);
        for (const char* edition : kEditionFolders) {
            if (name != edition) continue;
            const fs::path sub = folder / name;
            struct stat st {};
            if (::lstat(sub.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return false;
            return contains_only(sub, [&](const std::string& file) {
                for (const char* f : kEditionFiles)
                    if (file == f) return is_plain_file(sub / file);
                return false;
            });
        }
        return false;
    });
    if (!top_ok) return false;
    // A packet written before the marker existed has exactly the four files.
    if (has_marker(folder)) return true;
    for (const char* edition : kEditionFolders)
        for (const char* f : kEditionFiles)
            if (!is_plain_file(folder / edition / f)) return false;
    return true;
}

}  // namespace

std::string marker_text(const std::string& meeting_id) {
    return std::string(kMarkerLine) + "\nmeeting: " + meeting_id + "\n";
}

std::string link_text(const std::string& meeting_id, const std::string& version) {
    return std::string(kWorkFolder) + "/" + meeting_id + "/" + version;
}

bool is_version_name(const std::string& name) {
    if (name.empty() || name.size() > 9) return false;
    for (char c : name)
        if (c < '0' || c > '9') return false;
    return true;
}

TargetState inspect_target(const fs::path& target, const std::string& meeting_id) {
    struct stat st {};
    if (::lstat(target.c_str(), &st) != 0) {
        if (errno == ENOENT) return {TargetKind::Absent, {}, {}};
        return {TargetKind::Foreign, {}, _("cannot be examined")};
    }
    if (S_ISLNK(st.st_mode)) {
        std::error_code ec;
        const std::string text = fs::read_symlink(target, ec).string();
        const std::string prefix = link_text(meeting_id, "");
        if (!ec && text.rfind(prefix, 0) == 0 && is_version_name(text.substr(prefix.size())))
            return {TargetKind::OwnLink, text.substr(prefix.size()), {}};
        return {TargetKind::Foreign, {}, _("is a symbolic link that boardpack did not make")};
    }
    if (S_ISDIR(st.st_mode)) {
        if (holds_only_a_packet(target)) return {TargetKind::PacketFolder, {}, {}};
        return {TargetKind::Foreign, {},
                fmt(_("is a folder that boardpack did not write (it has no {} marker and holds other files than a packet's)"),
                    kMarkerFile)};
    }
    return {TargetKind::Foreign, {}, _("is a file, not a packet folder")};
}

}  // namespace boardpack::publish

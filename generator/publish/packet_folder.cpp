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

// The edition folders a packet holds (model::edition_folder names them), and the kinds of file
// in each.
const char* const kEditionFolders[] = {"offentlig", "lukket"};
const char* const kExtensions[] = {"html", "pdf"};

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

// The attachments' own files an edition holds (model/attachment_file.hpp): "bilag/21-1-slug.pdf".
constexpr const char* kAttachmentFolder = "bilag";

bool is_attachment_file_name(const std::string& name) {
    size_t i = 0;
    for (int part = 0; part < 2; ++part) {  // the item's number, then the attachment's, each followed by "-"
        const size_t start = i;
        while (i < name.size() && name[i] >= '0' && name[i] <= '9') ++i;
        if (i == start || i >= name.size() || name[i] != '-') return false;
        ++i;
    }
    if (name.size() < i + 5 || name.compare(name.size() - 4, 4, ".pdf") != 0) return false;
    for (size_t k = i; k + 4 < name.size(); ++k)
        if (!((name[k] >= 'a' && name[k] <= 'z') || (name[k] >= '0' && name[k] <= '9') || name[k] == '-')) return false;
    return true;
}

// An edition's bilag/ folder (not a symbolic link) holding only attachment files.
bool holds_only_attachments(const fs::path& folder) {
    struct stat st {};
    if (::lstat(folder.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return false;
    return contains_only(folder, [&](const std::string& file) {
        return is_attachment_file_name(file) && is_plain_file(folder / file);
    });
}

bool is_real_folder(const fs::path& p) {
    struct stat st {};
    return ::lstat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// Whether `file` in an edition's folder `sub` (or in one of its kept versions) is a packet's:
// the edition's HTML and PDF (today's names or a legacy packet's), its snapshot, and in the
// edition's own folder `versioner/`, whose numbered folders each hold one version's files.
bool is_edition_entry(const fs::path& sub, const char* edition, const std::string& file, bool top) {
    for (const char* ext : kExtensions) {
        const std::string here = std::string(edition) + "/" + file;
        if (here == edition_file(edition, ext) || here == legacy_edition_file(edition, ext)) return is_plain_file(sub / file);
    }
    if (file == kAttachmentFolder) return holds_only_attachments(sub / file);
    if (std::string(edition) + "/" + file == agenda_only_file(edition)) return is_plain_file(sub / file);
    if (file == "snapshot-" + std::string(edition) + ".txt") return is_plain_file(sub / file);
    // A corrected version's rettelsesblad on its own (pipeline::correction_file).
    if (file == "rettelsesblad-" + std::string(edition) + ".html" || file == "rettelsesblad-" + std::string(edition) + ".pdf")
        return is_plain_file(sub / file);
    // The closed edition keeps the public versions withdrawn when an item in them was made
    // confidential: lukket/tilbagetrukket/offentlig/versioner/N/.
    if (top && std::string(edition) == "lukket" && file == "tilbagetrukket") {
        const fs::path withdrawn = sub / file;
        return is_real_folder(withdrawn) && contains_only(withdrawn, [&](const std::string& e) {
                   return e == "offentlig" && is_real_folder(withdrawn / e) &&
                          contains_only(withdrawn / e, [&](const std::string& f) {
                              return is_edition_entry(withdrawn / e, "offentlig", f, true) && f == kVersionsFolder;
                          });
               });
    }
    if (top && file == kVersionsFolder) {
        const fs::path versions = sub / file;
        struct stat st {};
        if (::lstat(versions.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return false;
        return contains_only(versions, [&](const std::string& number) {
            const fs::path one = versions / number;
            struct stat vs {};
            if (!is_version_name(number) || ::lstat(one.c_str(), &vs) != 0 || !S_ISDIR(vs.st_mode)) return false;
            return contains_only(one, [&](const std::string& f) { return is_edition_entry(one, edition, f, false); });
        });
    }
    return false;
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
            return contains_only(sub, [&](const std::string& file) { return is_edition_entry(sub, edition, file, true); });
        }
        return false;
    });
    if (!top_ok) return false;
    // A packet written before the marker existed has exactly the four files, by their names
    // of that time.
    if (has_marker(folder)) return true;
    for (const char* edition : kEditionFolders)
        for (const char* ext : kExtensions)
            if (!is_plain_file(folder / legacy_edition_file(edition, ext))) return false;
    return true;
}

}  // namespace

std::string edition_file(const std::string& edition_folder, const char* extension) {
    return edition_folder + "/dagsorden-" + edition_folder + "." + extension;
}

std::string agenda_only_file(const std::string& edition_folder) {
    return edition_folder + "/dagsorden-" + edition_folder + "-uden-bilag.pdf";
}

std::string legacy_edition_file(const std::string& edition_folder, const char* extension) {
    return edition_folder + "/dagsorden." + extension;
}

std::string published_edition_file(const fs::path& packet, const std::string& edition_folder, const char* extension) {
    for (const std::string& name : {edition_file(edition_folder, extension), legacy_edition_file(edition_folder, extension)})
        if (is_plain_file(packet / name)) return name;
    return "";
}

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
        if (!ec && text.rfind(prefix, 0) == 0 && is_version_name(text.substr(prefix.size()))) {
            // Replacing the link removes the version it points at: not if someone put a file
            // of their own in it (through the link), which boardpack would delete unasked.
            const fs::path version = target.parent_path() / text;
            struct stat vs {};
            const bool gone = ::lstat(version.c_str(), &vs) != 0 && errno == ENOENT;
            if (!gone && !holds_only_a_packet(version))
                return {TargetKind::Foreign, {},
                        _("holds a file that boardpack did not write, which replacing the packet would delete")};
            return {TargetKind::OwnLink, text.substr(prefix.size()), {}};
        }
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

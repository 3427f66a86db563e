#include "publish/packet_folder.hpp"
#include "core/messages.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <iterator>
#include <system_error>
#include <vector>

namespace fs = std::filesystem;

namespace boardpack::publish {

namespace {

// The edition folders a packet holds (model::edition_folder names them), and the kinds of file
// in each.
const char* const kEditionFolders[] = {"offentlig", "lukket"};
const char* const kExtensions[] = {"html", "pdf"};
// The marker's line that says the packet's editions have lists of their files: a packet that
// says so is never checked as one from before the lists, even if a list is taken away.
constexpr const char* kListedLine = "files: listed in each edition's .boardpack-files-<edition>";
// Larger than any list or journal boardpack writes; a larger one is not boardpack's.
constexpr size_t kListLimit = 64u << 20;

enum class Kind { Missing, File, Folder, Other };

Kind kind_of(const fs::path& p) {
    struct stat st {};
    if (::lstat(p.c_str(), &st) != 0) return errno == ENOENT ? Kind::Missing : Kind::Other;
    return S_ISREG(st.st_mode) ? Kind::File : S_ISDIR(st.st_mode) ? Kind::Folder : Kind::Other;
}

// A folder's entries by name, in byte order (so the first one refused is always the same);
// nullopt if it cannot be read.
std::optional<std::vector<std::string>> entries(const fs::path& folder) {
    std::vector<std::string> names;
    std::error_code ec;
    fs::directory_iterator it(folder, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) names.push_back(it->path().filename().string());
    if (ec) return std::nullopt;
    std::sort(names.begin(), names.end());
    return names;
}

// A plain file's content, up to `limit` bytes; nullopt if it is not a plain file, cannot be read
// or is larger.
std::optional<std::string> read_plain(const fs::path& p, size_t limit) {
    const int fd = ::open(p.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return std::nullopt;
    struct stat st {};
    std::string s;
    bool ok = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && static_cast<std::uint64_t>(st.st_size) <= limit;
    char buffer[64 * 1024];
    while (ok) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0 || s.size() + static_cast<size_t>(n) > limit) {
            ok = n == 0;
            break;
        }
        s.append(buffer, static_cast<size_t>(n));
    }
    ::close(fd);
    if (!ok) return std::nullopt;
    return s;
}

// The marker's text, if the folder has boardpack's marker.
std::optional<std::string> marker_of(const fs::path& folder) {
    auto text = read_plain(folder / kMarkerFile, 64 * 1024);
    const std::string first = std::string(kMarkerLine) + "\n";
    if (!text || text->compare(0, first.size(), first) != 0) return std::nullopt;
    return text;
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

// Whether a list names a file below the folder `prefix` ("bilag/").
bool names_below(const Manifest& list, const std::string& prefix) {
    const auto it = list.lower_bound(prefix);
    return it != list.end() && starts_with(it->first, prefix);
}

bool refuse(PacketCheck& c, PacketCheck::Problem problem, const std::string& path) {
    c.problem = problem;
    c.path = path;
    return false;
}

// Whether `name`, in the folder of `edition`, is one of the folders a closed edition always holds.
bool is_closed_edition_folder(const std::string& edition, const std::string& name) {
    return edition == "lukket" && std::find(std::begin(kClosedEditionFolders), std::end(kClosedEditionFolders), name) !=
                                      std::end(kClosedEditionFolders);
}

// Whether the folder `p` holds nothing (not if it cannot be read).
bool empty_folder(const fs::path& p) {
    const auto names = entries(p);
    return names && names->empty();
}

// Checks the folder `dir` of an edition against the edition's list (`below` is its path in the
// edition's folder, "" for that folder; `edition` the edition folder's path in the packet): every
// entry must be a file the list names and still the one boardpack wrote, or a folder holding one
// (or one of the closed edition's folders, empty).
bool check_listed(const fs::path& dir, const std::string& edition, const std::string& below, const Manifest& list,
                  bool contents, PacketCheck& c) {
    const auto names = entries(dir);
    if (!names) return refuse(c, PacketCheck::Problem::NotWritten, below.empty() ? edition : edition + "/" + below);
    for (const std::string& name : *names) {
        if (below.empty() && name == manifest_file(edition)) continue;  // the list itself, read before
        const std::string in_edition = below.empty() ? name : below + "/" + name;
        const std::string shown = edition + "/" + in_edition;
        const fs::path p = dir / name;
        switch (kind_of(p)) {
            case Kind::Folder:
                // One of the closed edition's folders, made empty where nothing is in it.
                if (below.empty() && is_closed_edition_folder(edition, name) && empty_folder(p)) break;
                if (!names_below(list, in_edition + "/")) return refuse(c, PacketCheck::Problem::NotWritten, shown);
                if (!check_listed(p, edition, in_edition, list, contents, c)) return false;
                break;
            case Kind::File: {
                const auto listed = list.find(in_edition);
                if (listed == list.end()) return refuse(c, PacketCheck::Problem::NotWritten, shown);
                struct stat st {};
                if (::lstat(p.c_str(), &st) != 0 || static_cast<std::uint64_t>(st.st_size) != listed->second.size)
                    return refuse(c, PacketCheck::Problem::Changed, shown);
                if (!contents) break;
                auto record = file_record(p);
                if (!record || !(*record == listed->second)) return refuse(c, PacketCheck::Problem::Changed, shown);
                c.files.emplace(shown, std::move(*record));
                break;
            }
            default: return refuse(c, PacketCheck::Problem::NotWritten, shown);
        }
    }
    return true;
}

bool check_legacy(const fs::path& dir, const std::string& edition, const std::string& shown, bool top,
                  const ReadLegacyEdition& legacy, PacketCheck& c);

// A folder of kept versions ("versioner"): numbered folders, each one version of `edition`.
bool check_legacy_versions(const fs::path& dir, const std::string& edition, const std::string& shown,
                           const ReadLegacyEdition& legacy, PacketCheck& c) {
    const auto names = entries(dir);
    if (!names) return refuse(c, PacketCheck::Problem::Unaccounted, shown);
    for (const std::string& number : *names) {
        if (!is_version_name(number) || kind_of(dir / number) != Kind::Folder)
            return refuse(c, PacketCheck::Problem::Unaccounted, shown + "/" + number);
        if (!check_legacy(dir / number, edition, shown + "/" + number, false, legacy, c)) return false;
    }
    return true;
}

// Checks one version of an edition in a packet written before the lists of files (the edition's
// folder when `top`, else a kept version in it) against what its snapshot says it published:
// the edition's HTML and PDF (by today's names or those of before), the snapshot, a corrected
// version's rettelsesblad, the attachments' own files the snapshot lists and the agenda-only PDF
// beside them; in the edition's folder its kept versions, and in the closed one the public
// versions withdrawn into it. Nothing else.
bool check_legacy(const fs::path& dir, const std::string& edition, const std::string& shown, bool top,
                  const ReadLegacyEdition& legacy, PacketCheck& c) {
    const auto names = entries(dir);
    if (!names) return refuse(c, PacketCheck::Problem::Unaccounted, shown);
    const std::string snapshot = "snapshot-" + edition + ".txt";
    // Without a snapshot (a packet from before the versions), the HTML and PDF alone.
    std::optional<LegacyEdition> said;
    const Kind snapshot_kind = kind_of(dir / snapshot);
    if (snapshot_kind == Kind::Missing) said = LegacyEdition{};
    else if (snapshot_kind == Kind::File && legacy) said = legacy(dir / snapshot);
    bool merges = false;  // the edition merged PDF attachments: it has their own files
    if (said)
        for (const std::string& f : said->attachment_files) merges = merges || kind_of(dir / f) == Kind::File;
    for (const std::string& name : *names) {
        const fs::path p = dir / name;
        const std::string here = shown + "/" + name;
        const Kind kind = kind_of(p);
        bool ok = false;
        const std::string in_packet = edition + "/" + name;
        for (const char* ext : kExtensions) {
            if (in_packet == edition_file(edition, ext)) ok = kind == Kind::File;
            // Both names at once: one of them is not boardpack's, and it cannot tell which.
            if (in_packet == legacy_edition_file(edition, ext))
                ok = kind == Kind::File && kind_of(dir / fs::path(edition_file(edition, ext)).filename()) == Kind::Missing;
        }
        if (name == snapshot) ok = kind == Kind::File;
        if (said && kind == Kind::File) {
            if (name == "rettelsesblad-" + edition + ".html" || name == "rettelsesblad-" + edition + ".pdf")
                ok = said->version >= 2;
            if (in_packet == agenda_only_file(edition)) ok = merges;
        }
        if (name == kAttachmentFolder && kind == Kind::Folder && said) {
            const auto files = entries(p);
            if (!files) return refuse(c, PacketCheck::Problem::Unaccounted, here);
            for (const std::string& f : *files)
                if (kind_of(p / f) != Kind::File || !said->attachment_files.count(std::string(kAttachmentFolder) + "/" + f))
                    return refuse(c, PacketCheck::Problem::Unaccounted, here + "/" + f);
            ok = true;
        }
        if (top && name == kVersionsFolder && kind == Kind::Folder) {
            if (!check_legacy_versions(p, edition, here, legacy, c)) return false;
            ok = true;
        }
        // lukket/tilbagetrukket/offentlig/versioner/N/: public versions, kept in the closed edition
        // (and, by a boardpack of a few hours, copied into each closed version kept after them).
        if (edition == "lukket" && name == kWithdrawnFolder && kind == Kind::Folder) {
            const auto inside = entries(p);
            if (!inside) return refuse(c, PacketCheck::Problem::Unaccounted, here);
            for (const std::string& e : *inside) {
                const fs::path versions = p / e / kVersionsFolder;
                if (e != "offentlig" || kind_of(p / e) != Kind::Folder) return refuse(c, PacketCheck::Problem::Unaccounted, here + "/" + e);
                const auto in_public = entries(p / e);
                if (!in_public) return refuse(c, PacketCheck::Problem::Unaccounted, here + "/" + e);
                for (const std::string& v : *in_public)
                    if (v != kVersionsFolder || kind_of(p / e / v) != Kind::Folder)
                        return refuse(c, PacketCheck::Problem::Unaccounted, here + "/" + e + "/" + v);
                if (kind_of(versions) == Kind::Folder &&
                    !check_legacy_versions(versions, "offentlig", here + "/" + e + "/" + kVersionsFolder, legacy, c))
                    return false;
            }
            ok = true;
        }
        if (!ok) return refuse(c, PacketCheck::Problem::Unaccounted, here);
    }
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
        if (kind_of(packet / name) == Kind::File) return name;
    return "";
}

std::string marker_text(const std::string& meeting_id) {
    return std::string(kMarkerLine) + "\nmeeting: " + meeting_id + "\n" + kListedLine + "\n";
}

PacketCheck check_packet(const fs::path& folder, const ReadLegacyEdition& legacy, bool contents) {
    PacketCheck c;
    const auto marker = marker_of(folder);
    if (kind_of(folder) != Kind::Folder || !marker) {
        refuse(c, PacketCheck::Problem::NoMarker, "");
        return c;
    }
    const bool listed = marker->find(std::string("\n") + kListedLine + "\n") != std::string::npos;
    const auto names = entries(folder);
    if (!names) {
        refuse(c, PacketCheck::Problem::NotWritten, "");
        return c;
    }
    for (const std::string& name : *names) {
        if (name == kMarkerFile) continue;
        const bool edition = std::find(std::begin(kEditionFolders), std::end(kEditionFolders), name) != std::end(kEditionFolders);
        if (!edition || kind_of(folder / name) != Kind::Folder) {
            refuse(c, PacketCheck::Problem::NotWritten, name);
            return c;
        }
        const std::string list_path = name + "/" + manifest_file(name);
        const Kind list_kind = kind_of(folder / list_path);
        const auto inside = entries(folder / name);
        if (inside && inside->empty()) continue;  // nothing in it (remove_packet removes the list last)
        if (list_kind == Kind::Missing && !listed) {
            if (!check_legacy(folder / name, name, name, true, legacy, c)) return c;
            continue;
        }
        const auto text = read_plain(folder / list_path, kListLimit);
        const auto list = text ? parse_manifest(*text) : std::nullopt;
        if (!list) {
            refuse(c, PacketCheck::Problem::BadList, list_path);
            return c;
        }
        if (!check_listed(folder / name, name, "", *list, contents, c)) return c;
    }
    return c;
}

void remove_packet(const fs::path& folder) {
    std::error_code ec;
    if (kind_of(folder) != Kind::Folder) {  // never through a symbolic link
        fs::remove(folder, ec);
        return;
    }
    for (const char* edition : kEditionFolders) {
        const fs::path dir = folder / edition;
        const std::string list = manifest_file(edition);
        for (const std::string& name : entries(dir).value_or(std::vector<std::string>{}))
            if (name != list) fs::remove_all(dir / name, ec);
        fs::remove(dir / list, ec);
        fs::remove(dir, ec);
    }
    fs::remove(folder / kMarkerFile, ec);
    fs::remove_all(folder, ec);
}

void remove_staging(const fs::path& folder) {
    std::error_code ec;
    if (kind_of(folder) != Kind::Folder) {  // never through a symbolic link
        fs::remove(folder, ec);
        return;
    }
    for (const std::string& name : entries(folder).value_or(std::vector<std::string>{}))
        if (name != kStagingJournal && name != kMarkerFile) fs::remove_all(folder / name, ec);
    fs::remove(folder / kMarkerFile, ec);
    fs::remove(folder / kStagingJournal, ec);
    fs::remove(folder, ec);
}

bool holds_no_file(const fs::path& folder) {
    if (kind_of(folder) != Kind::Folder) return false;
    const auto names = entries(folder);
    if (!names) return false;
    for (const std::string& name : *names)
        if (!holds_no_file(folder / name)) return false;
    return true;
}

PacketCheck check_staging(const fs::path& folder, const ReadLegacyEdition& legacy) {
    const fs::path journal = folder / kStagingJournal;
    if (kind_of(journal) == Kind::Missing) return check_packet(folder, legacy);
    PacketCheck c;
    const auto text = read_plain(journal, kListLimit);
    if (!text) {
        refuse(c, PacketCheck::Problem::NotWritten, kStagingJournal);
        return c;
    }
    std::set<std::string> made;  // the paths the build was about to make
    for (size_t at = 0; at < text->size();) {
        const size_t end = std::min(text->find('\n', at), text->size());
        if (end > at) made.insert(text->substr(at, end - at));
        at = end + 1;
    }
    const std::function<bool(const fs::path&, const std::string&)> walk = [&](const fs::path& dir, const std::string& below) {
        const auto names = entries(dir);
        if (!names) return refuse(c, PacketCheck::Problem::NotWritten, below);
        for (const std::string& name : *names) {
            const std::string path = below.empty() ? name : below + "/" + name;
            if (path == kStagingJournal) continue;
            const Kind kind = kind_of(dir / name);
            if (kind == Kind::Folder) {
                const auto next = made.lower_bound(path + "/");
                if (!made.count(path) && (next == made.end() || !starts_with(*next, path + "/")))
                    return refuse(c, PacketCheck::Problem::NotWritten, path);
                if (!walk(dir / name, path)) return false;
            } else if (kind != Kind::File || !made.count(path)) {
                return refuse(c, PacketCheck::Problem::NotWritten, path);
            }
        }
        return true;
    };
    walk(folder, "");
    return c;
}

std::string refusal_text(const PacketCheck& check, const fs::path& shown) {
    const std::string path = (check.path.empty() ? shown : shown / check.path).string();
    switch (check.problem) {
        case PacketCheck::Problem::None: break;
        case PacketCheck::Problem::NoMarker:
            return fmt(_("the packet it leads to has no {} marker, so boardpack cannot tell it from a folder of yours; "
                         "copy what you want to keep out of it (cp -rL), remove the link and build again"),
                       kMarkerFile);
        case PacketCheck::Problem::NotWritten:
            return fmt(_("it holds {}, which boardpack did not write, and replacing the packet would delete it; move that "
                         "out of the packet and build again"),
                       path);
        case PacketCheck::Problem::Changed:
            return fmt(_("it holds {}, which is not the file boardpack wrote there (it was changed or replaced since), and "
                         "replacing the packet would delete it; move that out of the packet and build again"),
                       path);
        case PacketCheck::Problem::Unaccounted:
            return fmt(_("it holds {}, which its snapshot does not account for: an earlier boardpack published the packet "
                         "without a list of the files it wrote, so boardpack cannot tell that from a file of yours, and "
                         "replacing the packet would delete it; move that out of the packet and build again"),
                       path);
        case PacketCheck::Problem::BadList:
            return fmt(_("its list of the files boardpack wrote, {}, is missing or damaged, so boardpack cannot tell its "
                         "files from yours; copy what you want to keep out of the packet (cp -rL), remove the link and "
                         "build again"),
                       path);
    }
    return "";
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

TargetState inspect_target(const fs::path& target, const std::string& meeting_id, const ReadLegacyEdition& legacy,
                           bool contents) {
    const std::string move_away = _("move it away or choose another --out folder");
    struct stat st {};
    if (::lstat(target.c_str(), &st) != 0) {
        if (errno == ENOENT) return {TargetKind::Absent, {}, {}, {}};
        return {TargetKind::Foreign, {}, fmt(_("it cannot be examined; {}"), move_away), {}};
    }
    if (S_ISLNK(st.st_mode)) {
        std::error_code ec;
        const std::string text = fs::read_symlink(target, ec).string();
        const std::string prefix = link_text(meeting_id, "");
        if (!ec && text.rfind(prefix, 0) == 0 && is_version_name(text.substr(prefix.size()))) {
            // Replacing the link removes the version it points at: only if all of it is what
            // boardpack wrote, not if someone put a file of their own in it (through the link).
            const fs::path version = target.parent_path() / text;
            // The version it points at lost (moved or deleted by hand): that was the published
            // packet, with its kept versions and the snapshots a correction is compared with; a
            // build from here would publish version 1 anew without a word of what the board read.
            if (kind_of(version) == Kind::Missing)
                return {TargetKind::Foreign, {},
                        fmt(_("it leads to {}, which is missing: that was the packet published (version {}, with its "
                              "earlier versions and what a correction is compared with); to go on from it, put that "
                              "folder back where it was; to start again at version 1, remove the link {}"),
                            version.string(), text.substr(prefix.size()), target.string()),
                        {}};
            PacketCheck check = check_packet(version, legacy, contents);
            if (!check.ours()) return {TargetKind::Foreign, {}, refusal_text(check, target), {}};
            return {TargetKind::OwnLink, text.substr(prefix.size()), {}, std::move(check.files)};
        }
        return {TargetKind::Foreign, {}, fmt(_("it is a symbolic link that boardpack did not make; {}"), move_away), {}};
    }
    if (S_ISDIR(st.st_mode))
        return {TargetKind::Foreign, {},
                fmt(_("it is a folder, and boardpack publishes a packet only as a link into {}, so it cannot tell this "
                      "folder from one of yours (nor from a packet folder an early boardpack wrote); {}"),
                    (target.parent_path() / kWorkFolder).string(), move_away),
                {}};
    return {TargetKind::Foreign, {}, fmt(_("it is a file, not a packet; {}"), move_away), {}};
}

}  // namespace boardpack::publish

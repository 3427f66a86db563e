#include "core/input_files.hpp"
#include "core/messages.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <algorithm>
#include <iterator>
#include <string_view>
#include <system_error>
#include <utility>

namespace fs = std::filesystem;

namespace boardpack {

std::optional<std::string> unsafe_path_reason(const std::string& relative, bool allow_parent) {
    if (relative.empty()) return _("the path is empty");
    if (relative.find('\0') != std::string::npos) return _("the path contains a NUL character");
    if (relative.front() == '/' || relative.front() == '\\' ||
        (relative.size() > 1 && relative[1] == ':'))
        return _("the path is absolute; name files relative to the meeting folder");
    if (relative.find('\\') != std::string::npos) return _("use / between folder names, not \\");
    size_t start = 0;
    while (start <= relative.size()) {
        size_t end = relative.find('/', start);
        if (end == std::string::npos) end = relative.size();
        const std::string_view part = std::string_view(relative).substr(start, end - start);
        // Refused wherever it leads ("01-a/../01-a" too): a path is named from the folder down.
        if (part == ".." && !allow_parent)
            return lexical_path(relative) ? _("the path goes up a folder (\"..\"); name the file from the meeting folder "
                                              "down, without \"..\"")
                                          : _("the path leaves the meeting folder (\"..\")");
        start = end + 1;
    }
    return std::nullopt;
}

namespace {

const char* const kLeavesByParent = N_("the path leaves the meeting folder (\"..\")");

}  // namespace

namespace {

// Whether a name has no "." or ".." steps and no empty ones ("a//b", "a/"): its lexical path is
// itself, and on disk it is the folders' path and the last step's name.
bool is_plain(std::string_view relative) {
    if (relative.empty()) return false;
    size_t start = 0;
    while (true) {
        size_t end = relative.find('/', start);
        if (end == std::string_view::npos) end = relative.size();
        const std::string_view part = relative.substr(start, end - start);
        if (part.empty() || part == "." || part == "..") return false;
        if (end == relative.size()) return true;
        start = end + 1;
    }
}

// std::filesystem::weakly_canonical, with every symbolic link the result names followed.
// weakly_canonical follows links only as far as the first step that is not there, and takes the
// steps after it as written, a ".." among them: "missing/../link.csv" comes back as ".../link.csv"
// with the link not followed, inside the meeting folder to look at, and opening it follows the
// link wherever it leads. Such a result has no ".." step left, so weakly_canonical of it follows
// every link it names; a path without a ".." step needs no second look (what follows a step that
// is not there cannot be opened).
fs::path physical_path(const fs::path& p, std::error_code& ec) {
    fs::path once = fs::weakly_canonical(p, ec);
    if (ec || std::none_of(p.begin(), p.end(), [](const fs::path& step) { return step == ".."; })) return once;
    return fs::weakly_canonical(once, ec);
}

// A name's folder ("" for none) and last step.
std::pair<std::string_view, std::string_view> folder_and_leaf(std::string_view name) {
    const size_t slash = name.rfind('/');
    if (slash == std::string_view::npos) return {std::string_view(), name};
    return {name.substr(0, slash), name.substr(slash + 1)};
}

// What a path made of something and a last step "x" shows before the "x" (its folder's part,
// "" or ending in "/"), or nullopt when it does not end in that step.
std::optional<std::string> before_probe(const std::string& made) {
    if (made.empty() || made.back() != 'x' || (made.size() > 1 && made[made.size() - 2] != '/')) return std::nullopt;
    return made.substr(0, made.size() - 1);
}

}  // namespace

std::optional<std::string> lexical_path(const std::string& relative) {
    if (is_plain(relative)) return relative;  // most names: nothing to take
    std::vector<std::string> parts;
    size_t start = 0;
    while (start <= relative.size()) {
        size_t end = relative.find('/', start);
        if (end == std::string::npos) end = relative.size();
        const std::string part = relative.substr(start, end - start);
        if (part == "..") {
            if (parts.empty()) return std::nullopt;
            parts.pop_back();
        } else if (!part.empty() && part != ".") {
            parts.push_back(part);
        }
        start = end + 1;
    }
    std::string out;
    for (const std::string& p : parts) out += (out.empty() ? "" : "/") + p;
    return out;
}

std::string join_relative(const std::string& folder, const std::string& name) {
    if (folder.empty() || folder == ".") return name;
    return folder + "/" + name;
}

DiskFiles::DiskFiles(fs::path root) : root_(std::move(root)) {
    std::error_code ec;
    real_root_ = physical_path(root_, ec);
    if (ec) real_root_ = root_;
    root_found_ = !ec && fs::exists(root_, ec) && !ec;
    // A plain name's display and real path are strings put together, not paths taken apart and
    // normalised anew for every name (some 5.000 instructions each): each is the prefix a name
    // "x" is given and the name. lexically_normal treats a last step "x" as any other plain one.
    if (auto prefix = before_probe((root_ / "x").lexically_normal().generic_string())) {
        quick_display_ = true;
        display_prefix_ = std::move(*prefix);
    }
    real_root_prefix_ = real_root_.native();
    if (real_root_.has_filename()) real_root_prefix_ += '/';  // as operator/ joins them
}

const DiskFiles::Folder* DiskFiles::folder(std::string_view name, std::error_code& ec) const {
    auto known = folders_.find(name);
    if (known != folders_.end()) return &known->second;
    Folder f;
    if (name.empty()) {
        f.real = real_root_;
    } else if (auto quick = quick_folder(name)) {
        f.real = std::move(*quick);
    } else {
        f.real = physical_path(root_ / name, ec);
        if (ec) return nullptr;
    }
    const auto steps = [](const fs::path& p) { return std::distance(p.begin(), p.end()); };
    f.quick = f.real.has_filename() && steps(f.real) >= steps(real_root_);
    if (f.quick) {
        f.inside = std::equal(real_root_.begin(), real_root_.end(), f.real.begin());
        f.native = f.real.native() + '/';
        if (f.inside) {
            // lexically_relative treats a last step "x" as any other plain one.
            if (auto prefix = before_probe((f.real / "x").lexically_relative(real_root_).generic_string()))
                f.real_relative = std::move(*prefix);
            else
                f.quick = false;
        }
    }
    return &folders_.emplace(std::string(name), std::move(f)).first->second;
}

std::optional<fs::path> DiskFiles::quick_folder(std::string_view name) const {
    // weakly_canonical follows every step of root_ / name from the root, a readlink and a stat
    // or two each (some 20.000 instructions an item folder). A step that is no symbolic link,
    // or is not there, adds itself to its parent folder's canonical path, as canonical adds it.
    if (!root_found_ || !is_plain(name)) return std::nullopt;
    const auto [parent_name, leaf] = folder_and_leaf(name);
    std::error_code ec;
    const Folder* parent = folder(parent_name, ec);
    if (!parent || !parent->quick) return std::nullopt;
    std::string path = parent->native;
    path += leaf;
    struct stat st {};
    if (::lstat(path.c_str(), &st) == 0 ? S_ISLNK(st.st_mode) : errno != ENOENT) return std::nullopt;
    return parent->real / leaf;
}

std::optional<std::string> DiskFiles::quick_resolve(const std::string& relative, std::string* real_relative) const {
    if (!is_plain(relative) || unsafe_path_reason(relative, true)) return std::nullopt;
    const auto [name, leaf] = folder_and_leaf(relative);
    std::error_code ec;
    const Folder* f = folder(name, ec);
    if (!f || !f->quick || !f->inside) return std::nullopt;
    std::string real = f->native;
    real += leaf;
    if (!no_link_at(real)) return std::nullopt;
    if (real_relative) {
        *real_relative = f->real_relative;
        *real_relative += leaf;
    }
    return real;
}

std::optional<fs::path> DiskFiles::resolve(const std::string& relative, std::string* error) const {
    if (auto why = unsafe_path_reason(relative, true)) {
        if (error) *error = *why;
        return std::nullopt;
    }
    const std::optional<std::string> lexical = lexical_path(relative);
    if (!lexical) {
        if (error) *error = tr(kLeavesByParent);
        return std::nullopt;
    }
    std::error_code ec;
    // A name its "." and ".." steps and empty ones do not change has none of them.
    fs::path real = resolved(relative, *lexical == relative, ec);
    if (ec) {
        if (error) *error = ec.message();
        return std::nullopt;
    }
    // The resolved path must still start with the resolved root: a symlink may not lead out.
    auto r = real.begin();
    for (auto it = real_root_.begin(); it != real_root_.end(); ++it, ++r) {
        if (r == real.end() || *r != *it) {
            if (error) *error = _("the path leads outside the meeting folder (through a symbolic link)");
            return std::nullopt;
        }
    }
    return real;
}

fs::path DiskFiles::resolved(const std::string& relative, bool plain, std::error_code& ec) const {
    // weakly_canonical resolves every step of the path from the root, a readlink and a stat or
    // two each: some 1.200 system calls for the example's 70 file names, each resolved several
    // times. A file's folder is resolved once, and the file itself checked with one lstat; a name
    // whose last step is a symbolic link or cannot be examined, or with ".", ".." or empty steps,
    // takes the whole way, so the result is physical_path's.
    if (!plain) return physical_path(root_ / relative, ec);
    const auto [name, leaf] = folder_and_leaf(relative);
    const Folder* known = folder(name, ec);
    if (!known) return {};
    fs::path real = known->real / leaf;
    if (no_link_at(real.native())) return real;
    return physical_path(root_ / relative, ec);
}

const DiskFiles::Leaf& DiskFiles::leaf(const std::string& path) const {
    // A file's name is examined each time it is asked about (whether it is there, its real path,
    // its bytes, whether another item's folder holds it too): an item.md five times. It is
    // examined once. Should it become a symbolic link after that, the open follows it, and
    // opened_inside() still refuses a file outside the meeting folder.
    const auto known = leaves_.find(path);
    if (known != leaves_.end()) return known->second;
    Leaf l;
    struct stat st {};
    if (::lstat(path.c_str(), &st) == 0) {
        l.no_link = !S_ISLNK(st.st_mode);
        l.identity = FileIdentity{static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino),
                                  static_cast<std::uint64_t>(st.st_nlink)};
    } else {
        l.no_link = errno == ENOENT;
    }
    return leaves_.emplace(path, l).first->second;
}

bool DiskFiles::no_link_at(const std::string& real) const { return leaf(real).no_link; }

bool DiskFiles::opened_inside(int fd) const {
    // A folder's resolution is kept for the build (resolved()), so a folder turned into a link
    // out of the meeting after it was resolved would be followed by the open above; and every
    // check before it is of a path, not of the file. The kernel's name for the file opened
    // (/proc/self/fd/N) must lie in the real root. Where it cannot say (no /proc, a name too long
    // for the buffer), or the root was not there to be made canonical, the checks of the path stand.
    if (!root_found_) return true;
    char link[32];
    std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    char name[4096];
    const ssize_t n = ::readlink(link, name, sizeof name);
    if (n <= 0 || static_cast<size_t>(n) == sizeof name || name[0] != '/') return true;
    const std::string_view opened(name, static_cast<size_t>(n));
    return opened == real_root_.native() || opened.starts_with(real_root_prefix_);
}

std::optional<std::string> DiskFiles::read(const std::string& relative, std::string* error) const {
    std::optional<std::string> path = quick_resolve(relative, nullptr);
    if (!path) {
        const auto resolved_path = resolve(relative, error);
        if (!resolved_path) return std::nullopt;
        path = resolved_path->native();
    }
    // Opened first and examined through the descriptor, so the checks are of the file read. Not
    // blocking, so a named pipe is refused below rather than waited on.
    const int fd = ::open(path->c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) {
        if (error) *error = errno == ENOENT || errno == ENOTDIR ? _("no such file") : _("cannot be opened for reading");
        return std::nullopt;
    }
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    if (!opened_inside(fd)) {
        if (error) *error = _("the path leads outside the meeting folder (through a symbolic link)");
        return std::nullopt;
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        if (error) *error = std::strerror(errno);
        return std::nullopt;
    }
    if (!S_ISREG(st.st_mode)) {
        if (error) *error = S_ISDIR(st.st_mode) ? _("is a folder, not a file") : _("is not a regular file");
        return std::nullopt;
    }
    const auto size = static_cast<std::uintmax_t>(st.st_size);
    if (size > kMaxFileBytes) {
        if (error)
            *error = fmt(_("the file is {} bytes; the limit is {} bytes"), size, kMaxFileBytes);
        return std::nullopt;
    }
    if (!count_bytes(size, error)) return std::nullopt;
    // Read straight into the text, at most the size examined: a file that grows meanwhile is
    // read as it was, one that shrinks as it is now.
    std::string bytes(static_cast<size_t>(size), '\0');
    size_t got = 0;
    while (got < bytes.size()) {
        const ssize_t n = ::read(fd, bytes.data() + got, bytes.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            if (error) *error = _("could not be read");
            return std::nullopt;
        }
        if (n == 0) break;
        got += static_cast<size_t>(n);
    }
    bytes.resize(got);
    return bytes;
}

bool DiskFiles::is_directory(const std::string& relative) const {
    if (const auto path = quick_resolve(relative, nullptr)) {
        struct stat st {};
        return ::stat(path->c_str(), &st) == 0 && S_ISDIR(st.st_mode);  // as std::filesystem::is_directory
    }
    const auto path = resolve(relative, nullptr);
    std::error_code ec;
    return path && fs::is_directory(*path, ec);
}

bool DiskFiles::exists(const std::string& relative) const {
    const auto path = resolve(relative, nullptr);
    std::error_code ec;
    return path && fs::exists(*path, ec);
}

std::vector<std::string> DiskFiles::list(const std::string& relative) const {
    std::vector<std::string> names;
    const auto path = resolve(relative, nullptr);
    std::error_code ec;
    if (!path || !fs::is_directory(*path, ec)) return names;
    for (fs::directory_iterator it(*path, ec), end; !ec && it != end; it.increment(ec))
        names.push_back(it->path().filename().generic_string());
    std::sort(names.begin(), names.end());
    return names;
}

std::optional<std::string> DiskFiles::real_path(const std::string& relative, std::string* error) const {
    std::string quick;
    if (quick_resolve(relative, &quick)) return quick;
    const auto real = resolve(relative, error);
    if (!real) return std::nullopt;
    std::string out = real->lexically_relative(real_root_).generic_string();
    if (out == ".") out.clear();
    return out;
}

std::string DiskFiles::display(const std::string& relative) const {
    if (quick_display_ && is_plain(relative)) return display_prefix_ + relative;
    return (root_ / relative).lexically_normal().generic_string();
}

std::optional<FileIdentity> DiskFiles::identity(const std::string& real) const {
    // lstat, not stat: a real path has no symbolic links left to follow, and a walk must not
    // follow one out. real_root_ / real, as a string (a real path is relative).
    return leaf(!real.empty() && real[0] == '/' ? (real_root_ / real).native() : real_root_prefix_ + real).identity;
}

std::vector<std::string> DiskFiles::files_under(const std::string& real, size_t limit, bool* complete) const {
    std::vector<std::string> out;
    bool whole = true;
    std::error_code ec;
    // The default options do not follow symbolic links to folders, so the walk stays in `real`.
    fs::recursive_directory_iterator it(real_root_ / real, ec), end;
    if (ec) whole = false;
    size_t seen = 0;
    for (; !ec && it != end; it.increment(ec)) {
        if (++seen > limit) {
            whole = false;
            break;
        }
        std::error_code sec;
        if (fs::is_regular_file(it->symlink_status(sec)))
            out.push_back(it->path().lexically_relative(real_root_).generic_string());
    }
    if (ec) whole = false;
    if (complete) *complete = whole;
    std::sort(out.begin(), out.end());
    return out;
}

void MemoryFiles::add(const std::string& relative, std::string content) {
    files_[relative] = std::move(content);
    inodes_[relative] = next_inode_++;
}

void MemoryFiles::add_hard_link(const std::string& existing, const std::string& name) {
    files_[name] = files_.at(existing);
    inodes_[name] = inodes_.at(existing);
}

void MemoryFiles::add_bind_mount(const std::string& existing, const std::string& name) {
    add_hard_link(existing, name);
    mounted_.insert(name);
}

std::optional<FileIdentity> MemoryFiles::identity(const std::string& real) const {
    const auto it = inodes_.find(real);
    if (it == inodes_.end()) return std::nullopt;
    const auto links = std::count_if(inodes_.begin(), inodes_.end(),
                                     [&](const auto& n) { return n.second == it->second && !mounted_.count(n.first); });
    return FileIdentity{0, it->second, static_cast<std::uint64_t>(links)};
}

std::vector<std::string> MemoryFiles::files_under(const std::string& real, size_t limit, bool* complete) const {
    std::vector<std::string> out;
    for (const auto& [name, content] : files_)
        if (real.empty() || name.compare(0, real.size() + 1, real + "/") == 0) out.push_back(name);
    if (complete) *complete = out.size() <= limit;
    if (out.size() > limit) out.resize(limit);
    return out;
}

std::optional<std::string> MemoryFiles::read(const std::string& relative, std::string* error) const {
    const auto path = real_path(relative, error);
    if (!path) return std::nullopt;
    const auto it = files_.find(*path);
    if (it == files_.end()) {
        if (error) *error = is_directory(*path) ? _("is a folder, not a file") : _("no such file");
        return std::nullopt;
    }
    if (it->second.size() > kMaxFileBytes) {
        if (error)
            *error = fmt(_("the file is {} bytes; the limit is {} bytes"), it->second.size(), kMaxFileBytes);
        return std::nullopt;
    }
    if (!count_bytes(it->second.size(), error)) return std::nullopt;
    return it->second;
}

bool MemoryFiles::is_directory(const std::string& relative) const {
    const auto path = real_path(relative, nullptr);
    if (!path) return false;
    if (path->empty()) return !files_.empty();
    const std::string prefix = *path + "/";
    const auto it = files_.lower_bound(prefix);
    return it != files_.end() && it->first.compare(0, prefix.size(), prefix) == 0;
}

bool MemoryFiles::exists(const std::string& relative) const {
    const auto path = real_path(relative, nullptr);
    return path && (files_.count(*path) > 0 || is_directory(*path));
}

std::vector<std::string> MemoryFiles::list(const std::string& relative) const {
    std::vector<std::string> names;
    const auto path = real_path(relative, nullptr);
    if (!path) return names;
    const std::string prefix = path->empty() ? "" : *path + "/";
    for (auto it = files_.lower_bound(prefix); it != files_.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
        const std::string rest = it->first.substr(prefix.size());
        const std::string name = rest.substr(0, rest.find('/'));
        if (names.empty() || names.back() != name) names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
}

std::optional<std::string> MemoryFiles::real_path(const std::string& relative, std::string* error) const {
    if (auto why = unsafe_path_reason(relative, true)) {
        if (error) *error = *why;
        return std::nullopt;
    }
    auto path = lexical_path(relative);
    if (!path && error) *error = tr(kLeavesByParent);
    return path;
}

std::string MemoryFiles::display(const std::string& relative) const {
    // Like DiskFiles, a name is shown with its "." and ".." steps taken.
    const auto path = lexical_path(relative);
    return display_root_ + "/" + (path ? *path : relative);
}

bool InputFiles::count_bytes(size_t size, std::string* error) const {
    ReadTotals& sum = totals();
    sum.bytes += size;
    if (sum.bytes <= kMaxMeetingBytes) return true;
    if (error)
        *error = fmt(_("with this file the meeting's files together hold {} bytes; the limit for a meeting is {} bytes"),
                     sum.bytes, kMaxMeetingBytes);
    return false;
}

}  // namespace boardpack

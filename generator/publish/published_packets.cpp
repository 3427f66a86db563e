#include "publish/published_packets.hpp"
#include "core/messages.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <optional>

#include "core/diagnostics.hpp"
#include "core/key_values.hpp"
#include "publish/durable_files.hpp"
#include "publish/manifest.hpp"
#include "publish/packet_folder.hpp"

namespace fs = std::filesystem;

namespace boardpack::publish {

namespace {

std::string read_small(const fs::path& p, size_t limit) {
    std::ifstream in(p, std::ios::binary);
    std::string s(limit, '\0');
    in.read(s.data(), static_cast<std::streamsize>(limit));
    s.resize(static_cast<size_t>(in.gcount()));
    return s;
}

}  // namespace

std::vector<PublishedPacket> published_packets(const fs::path& output) {
    std::vector<PublishedPacket> out;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(output, ec)) {
        const std::string id = entry.path().filename().string();
        if (id.empty() || id[0] == '.' || !entry.is_symlink(ec)) continue;
        // Only boardpack's own link: ".boardpack/<id>/<version>".
        const std::string target = fs::read_symlink(entry.path(), ec).string();
        const std::string prefix = std::string(kWorkFolder) + "/" + id + "/";
        if (ec || target.rfind(prefix, 0) != 0 || !is_version_name(target.substr(prefix.size()))) continue;
        const std::string marker = read_small(output / target / kMarkerFile, 64 * 1024);
        if (marker.rfind(kMarkerLine, 0) != 0) continue;
        PublishedPacket p;
        p.id = id;
        Diagnostics ignored;  // a marker is boardpack's own file: its lines are all "key: value"
        for (const KeyValue& kv : parse_key_values(marker, kMarkerFile, 1, 0, ignored)) p.facts[kv.key] = kv.value;
        p.public_html = published_edition_file(output / target, "offentlig", "html");
        p.public_pdf = published_edition_file(output / target, "offentlig", "pdf");
        out.push_back(std::move(p));
    }
    return out;
}

std::string index_temp_name(long pid) { return "index.html." + std::to_string(pid) + ".new"; }

namespace {

// The fingerprints of the archive pages boardpack wrote, from the record; nullopt if there is
// no record (a page written before it) or it is not one boardpack wrote.
std::optional<std::vector<FileRecord>> read_index_record(const fs::path& file) {
    const std::string text = read_small(file, 64 * 1024);
    const std::string first = std::string(kIndexRecordLine) + "\n";
    if (text.rfind(first, 0) != 0) return std::nullopt;
    std::vector<FileRecord> out;
    size_t at = first.size();
    while (at < text.size()) {
        const size_t end = text.find('\n', at);
        if (end == std::string::npos) return std::nullopt;
        const std::string line = text.substr(at, end - at);
        const size_t tab = line.find('\t');
        // A size of at most 19 digits (stoull would throw past 2^64 on a damaged record).
        if (tab == std::string::npos || tab + 1 == line.size() || line.size() - tab - 1 > 19 ||
            line.find_first_not_of("0123456789", tab + 1) != std::string::npos)
            return std::nullopt;
        out.push_back({std::stoull(line.substr(tab + 1)), line.substr(0, tab)});
        at = end + 1;
    }
    return out;
}

// A temporary archive page that a killed build left (index_temp_name): a plain file of that
// name whose process no longer runs, and that is a page boardpack wrote (its mark, as the page
// itself is checked; one cut off before the mark is left where it is). Under the lock no other
// build's page is being written.
void clear_index_leftovers(const fs::path& work) {
    std::error_code ec;
    std::vector<fs::path> stale;
    for (fs::directory_iterator it(work, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        const std::string name = it->path().filename().string();
        const std::string prefix = "index.html.", suffix = ".new";
        if (name.size() <= prefix.size() + suffix.size() || name.rfind(prefix, 0) != 0 ||
            name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
            continue;
        const std::string pid = name.substr(prefix.size(), name.size() - prefix.size() - suffix.size());
        if (pid.size() > 9 || pid.find_first_not_of("0123456789") != std::string::npos) continue;
        struct stat st {};
        if (::lstat(it->path().c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
        if (::kill(static_cast<pid_t>(std::stol(pid)), 0) == 0 || errno != ESRCH) continue;  // it runs
        if (read_small(it->path(), 4096).find(kIndexMark) == std::string::npos) continue;  // not a page of ours
        stale.push_back(it->path());
    }
    for (const fs::path& p : stale) ::unlink(p.c_str());
}

// Holds the archive page's lock while it lives.
class IndexLock {
public:
    explicit IndexLock(const fs::path& file) : fd_(::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644)) {
        if (fd_ < 0) error_ = errno;
        while (fd_ >= 0 && ::flock(fd_, LOCK_EX) != 0 && errno == EINTR) {}
    }
    ~IndexLock() {
        if (fd_ >= 0) ::close(fd_);
    }
    IndexLock(const IndexLock&) = delete;
    IndexLock& operator=(const IndexLock&) = delete;
    bool held() const { return fd_ >= 0; }
    int error() const { return error_; }  // errno of the open that failed

private:
    int fd_;
    int error_ = 0;
};

}  // namespace

bool write_index(const fs::path& output, const std::string& html, std::string* why) {
    const fs::path index = output / kIndexFile, work = output / kWorkFolder;
    // Two builds into one output folder may write the page at once: one after the other, each
    // checking the page the other wrote against the record the other wrote.
    const IndexLock lock(work / kIndexLock);
    if (!lock.held()) {
        *why = lock.error() == ELOOP
                   ? fmt(_("will not use {}: it is a symbolic link that boardpack did not make (it locks a plain file "
                           "there while it writes the archive page); move it away and build again"),
                         (work / kIndexLock).string())
                   : fmt(_("cannot create the lock file {}: {}"), (work / kIndexLock).string(), errno_text(lock.error()));
        return false;
    }
    // The record of the page written is replaced by a new file renamed over it: a symbolic link
    // there, or at the new file's name, is not boardpack's, and would be replaced, the link lost.
    for (const std::string& name : {std::string(kIndexRecord), std::string(kIndexRecord) + ".new"}) {
        struct stat st {};
        if (::lstat((work / name).c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
            *why = fmt(_("will not replace {}: it is not a plain file, and boardpack did not make it (it writes a plain "
                         "file there, the fingerprints of the archive page it wrote); move it away and build again"),
                       (work / name).string());
            return false;
        }
    }
    clear_index_leftovers(work);
    std::vector<FileRecord> accepted;  // the page there now, if it may be replaced
    std::error_code ec;
    if (fs::exists(fs::symlink_status(index, ec)) || fs::is_symlink(index, ec)) {
        if (fs::is_symlink(index, ec) || !fs::is_regular_file(index, ec) ||
            read_small(index, 4096).find(kIndexMark) == std::string::npos) {
            *why = fmt(_("will not replace {}: boardpack did not write it; move it away to get the archive page"), index.string());
            return false;
        }
        const std::optional<FileRecord> now = file_record(index);
        const auto recorded = read_index_record(work / kIndexRecord);
        if (!now || (recorded && std::find(recorded->begin(), recorded->end(), *now) == recorded->end())) {
            *why = fmt(_("will not replace {}: it is not the page boardpack wrote there (it was changed or replaced "
                         "since), and replacing it would lose that; move it away and build again to get the archive page"),
                       index.string());
            return false;
        }
        accepted.push_back(*now);
    }
    // The new page's fingerprint is recorded before it is renamed into place, beside the one there
    // now: a build killed in between leaves a page the record names, old or new.
    Fingerprinter print;
    print.add(html);
    std::string record = std::string(kIndexRecordLine) + "\n" + print.finish() + "\t" + std::to_string(print.size()) + "\n";
    for (const FileRecord& r : accepted) record += r.fingerprint + "\t" + std::to_string(r.size) + "\n";
    if (!replace_durably(work / kIndexRecord, work / (std::string(kIndexRecord) + ".new"), record, 0644, why)) return false;
    // A name of this process's own, should an earlier boardpack (without the lock) write at once.
    return replace_durably(index, work / index_temp_name(::getpid()), html, 0644, why);
}

}  // namespace boardpack::publish

#include "scaffold/new_meeting.hpp"
#include "core/messages.hpp"

#include <kainjow/mustache.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <fstream>
#include <optional>
#include <ostream>
#include <sstream>
#include <vector>

#include "build.hpp"
#include "core/diagnostics.hpp"
#include "core/key_values.hpp"
#include "core/skeleton_placeholders.hpp"
#include "core/text.hpp"
#include "publish/durable_files.hpp"

namespace fs = std::filesystem;
namespace mstch = kainjow::mustache;

namespace boardpack::scaffold {

namespace {

std::optional<std::string> read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The "key: value" lines of a file, read by the loader's own parser; what it would report (the
// Markdown of an item.md) does not matter here, only the keys.
std::vector<KeyValue> key_lines(const std::string& text, const std::string& name) {
    Diagnostics ignored;
    return parse_key_values(text, name, 1, 0, ignored);
}

std::string value_of(const std::vector<KeyValue>& keys, const std::string& key) {
    const KeyValue* kv = find_key(keys, key);
    return kv ? kv->value : "";
}

std::optional<std::string> render(const fs::path& templates, const std::string& name, const mstch::data& data,
                                  std::ostream& err) {
    const fs::path path = templates / "ny" / name;
    const auto text = read_file(path);
    if (!text) {
        err << fmt(_("boardpack: {}: cannot read the skeleton\n"), path.string());
        return std::nullopt;
    }
    mstch::mustache tmpl(*text);
    if (!tmpl.is_valid()) {
        err << "boardpack: " << path.string() << ": " << tmpl.error_message() << "\n";
        return std::nullopt;
    }
    // The skeletons are plain text: nothing is HTML-escaped.
    tmpl.set_custom_escape([](const std::string& s) { return s; });
    return tmpl.render(data);
}

std::string today() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    localtime_r(&now, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

// The newest other meeting beside `meeting` (by folder name, which starts with its date by
// custom), whose repeated fields a new meeting starts from.
std::optional<fs::path> previous_meeting(const fs::path& meeting) {
    const fs::path parent = meeting.parent_path().empty() ? fs::path(".") : meeting.parent_path();
    std::vector<fs::path> found = find_meetings(parent);
    std::error_code ec;
    found.erase(std::remove_if(found.begin(), found.end(),
                               [&](const fs::path& p) { return fs::equivalent(p, meeting, ec); }),
                found.end());
    if (found.empty()) return std::nullopt;
    return found.back();
}

// A folder name an item may have: one plain name, not hidden.
std::optional<std::string> bad_item_name(const std::string& name) {
    if (name.empty()) return _("the name is empty");
    if (name[0] == '.') return _("a name starting with \".\" is hidden and refused");
    if (name.find('/') != std::string::npos || name.find('\\') != std::string::npos)
        return _("write one folder name, without \"/\"");
    for (const unsigned char c : name)
        if (c < 0x20 || c == 0x7f) return _("the name holds a control character");
    // meeting.txt's "punkt:" line is read without the spaces around its value: " 03-budget " would
    // be listed as a folder that is not there, and the meeting would no longer build.
    if (name.front() == ' ' || name.back() == ' ' || name.starts_with("\xC2\xA0") || name.ends_with("\xC2\xA0"))
        return _("a name may not start or end with a space");
    return std::nullopt;
}

// A title made from a folder name until the secretariat writes the real one: "02-budget-2025"
// becomes "Budget 2025".
std::string title_from(const std::string& name) {
    size_t start = name.find_first_not_of("0123456789");
    if (start != std::string::npos && start > 0 && (name[start] == '-' || name[start] == '_')) ++start;
    else start = 0;
    std::string t = name.substr(start);
    std::replace(t.begin(), t.end(), '-', ' ');
    std::replace(t.begin(), t.end(), '_', ' ');
    return t.empty() ? name : capitalized(t);
}

// The line ending a file's lines have: that of its first line ("\r\n" in a file saved on
// Windows), else "\n".
std::string line_ending_of(const std::string& text) {
    const size_t nl = text.find('\n');
    return nl != std::string::npos && nl > 0 && text[nl - 1] == '\r' ? "\r\n" : "\n";
}

// Appends `line` to the open file in place, in its own line ending, after a line break if its
// last line has none: the file keeps its inode, so its hard links, mode and owner, and a link to
// it keeps leading to it. A write that fails is undone (the file cut back to its size), so the
// file is as it was or has the whole line.
bool append_line(int fd, const fs::path& file, const std::string& line, std::string* why) {
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        *why = fmt(_("cannot read {}: {}"), file.string(), errno_text(errno));
        return false;
    }
    std::string text(static_cast<size_t>(st.st_size), '\0');
    if (::pread(fd, text.data(), text.size(), 0) != static_cast<ssize_t>(text.size())) {
        *why = fmt(_("cannot read {}: {}"), file.string(), errno_text(errno));
        return false;
    }
    const std::string eol = line_ending_of(text);
    std::string add = (!text.empty() && text.back() != '\n' ? eol : "") + line + eol;
    for (size_t done = 0; done < add.size();) {
        const ssize_t n = ::write(fd, add.data() + done, add.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const int e = n < 0 ? errno : ENOSPC;
            if (::ftruncate(fd, st.st_size) != 0) {}  // as it was, as far as it can be
            *why = fmt(_("cannot write {}: {}"), file.string(), errno_text(e));
            return false;
        }
        done += static_cast<size_t>(n);
    }
    if (::fsync(fd) != 0) {
        *why = fmt(_("cannot write to disk {}: {}"), file.string(), errno_text(errno));
        return false;
    }
    return true;
}

// Closes a file descriptor when it goes.
struct FileCloser {
    int fd;
    ~FileCloser() {
        if (fd >= 0) ::close(fd);
    }
};

}  // namespace

int new_meeting(const fs::path& meeting, const fs::path& templates, std::ostream& out, std::ostream& err) {
    std::error_code ec;
    const fs::path file = meeting / "meeting.txt";
    if (fs::exists(file, ec)) {
        err << fmt(_("boardpack: {}: there is a meeting here already; nothing was written\n"), file.string());
        return kExitOutputError;
    }
    std::vector<KeyValue> previous;
    if (auto p = previous_meeting(meeting))
        if (auto text = read_file(*p / "meeting.txt")) previous = key_lines(*text, (*p / "meeting.txt").string());
    auto field = [&](const std::string& key, const std::string& fallback) {
        const std::string v = value_of(previous, key);
        return v.empty() ? fallback : v;
    };
    mstch::data data;
    data.set("mappe", meeting.string());
    data.set("organisation", field("organisation", std::string(kPlaceholderOrganisation)));
    data.set("organ", field("organ", "Bestyrelsen"));
    data.set("titel", field("titel", "Dagsorden"));
    data.set("dato", today());
    data.set("tidspunkt", field("tidspunkt", "kl. 10.00-12.00"));
    data.set("sted", field("sted", "Mødelokalet"));
    const auto text = render(templates, "meeting.txt.mustache", data, err);
    if (!text) return kExitInputError;
    fs::create_directories(meeting, ec);
    if (ec) {
        err << fmt(_("boardpack: {}: cannot make the folder: {}\n"), meeting.string(), ec.message());
        return kExitOutputError;
    }
    std::string why;
    if (!publish::write_durably(file, *text, 0644, &why)) {
        // What fitted of it (a full disk) would be "a meeting here already" to the next try.
        ::unlink(file.c_str());
        err << "boardpack: " << why << "\n";
        return kExitOutputError;
    }
    out << fmt(_("boardpack: wrote {}; add items with \"boardpack new-item {} NAME\"\n"), file.string(), meeting.string());
    return kExitOk;
}

int new_item(const fs::path& meeting, const std::string& name, const std::string& title, const fs::path& templates,
             std::ostream& out, std::ostream& err) {
    std::error_code ec;
    const fs::path meeting_file = meeting / "meeting.txt";
    const auto meeting_text = read_file(meeting_file);
    if (!meeting_text) {
        err << fmt(_("boardpack: {}: no meeting here (start one with \"boardpack new {}\")\n"), meeting_file.string(),
                   meeting.string());
        return kExitInputError;
    }
    if (auto bad = bad_item_name(name)) {
        err << fmt(_("boardpack: cannot make the item {}: {}\n"), quote_text(name), *bad);
        return kExitUsage;
    }
    // The title is written on the header's "titel:" line: a line break would add lines of its
    // own (a second "status:"), a control character could not be read back.
    if (title.find_first_of("\r\n") != std::string::npos || find_control_character(title) != std::string::npos ||
        find_invalid_utf8(title) != std::string::npos) {
        err << fmt(_("boardpack: cannot use the title {}: a title is one line of text, without line breaks or control "
                     "characters\n"),
                   quote_text(title));
        return kExitUsage;
    }
    const fs::path folder = meeting / name;
    if (fs::exists(folder, ec) || fs::is_symlink(folder, ec)) {
        err << fmt(_("boardpack: {}: already exists; nothing was written\n"), folder.string());
        return kExitOutputError;
    }
    // Numbered after the highest number among the listed items.
    int number = 0;
    for (const KeyValue& kv : key_lines(*meeting_text, meeting_file.string())) {
        if (kv.key != "punkt") continue;
        if (auto item = read_file(meeting / kv.value / "item.md")) {
            const std::string n = value_of(key_lines(*item, (meeting / kv.value / "item.md").string()), "nummer");
            if (!n.empty() && n.size() <= 4 && n.find_first_not_of("0123456789") == std::string::npos)
                number = std::max(number, std::stoi(n));
        }
    }
    ++number;
    mstch::data data;
    data.set("nummer", std::to_string(number));
    data.set("titel", title.empty() ? title_from(name) : title);
    data.set("sagsbehandler", std::string(kPlaceholderCaseOfficer));
    data.set("sagsnummer", std::string(kPlaceholderCaseNumber));
    const auto text = render(templates, "item.md.mustache", data, err);
    if (!text) return kExitInputError;

    // meeting.txt is opened to be added to before anything is written, so one that cannot be
    // leaves nothing behind. A link is followed, as a build reads through it, if it leads to a
    // file in the meeting folder; one that leads out of it a build refuses, and so does this.
    std::error_code lec;
    if (fs::is_symlink(meeting_file, lec)) {
        const fs::path real = fs::canonical(meeting_file, lec), real_meeting = fs::canonical(meeting, lec);
        const fs::path inside = real.lexically_relative(real_meeting);
        if (lec || inside.empty() || *inside.begin() == "..") {
            err << fmt(_("boardpack: {}: it is a symbolic link that leads outside the meeting folder, which a build "
                         "does not read; nothing was written\n"),
                       meeting_file.string());
            return kExitOutputError;
        }
    }
    const FileCloser agenda{::open(meeting_file.c_str(), O_RDWR | O_APPEND | O_CLOEXEC)};
    if (agenda.fd < 0) {
        err << fmt(_("boardpack: {}: cannot add the item to it: {}; nothing was written\n"), meeting_file.string(),
                   errno_text(errno));
        return kExitOutputError;
    }

    // The item first, then its line in the agenda: a failure leaves no line pointing nowhere.
    std::string why;
    fs::create_directory(folder, ec);
    if (ec) {
        err << fmt(_("boardpack: {}: cannot make the folder: {}\n"), folder.string(), ec.message());
        return kExitOutputError;
    }
    if (!publish::write_durably(folder / "item.md", *text, 0644, &why)) {
        // The folder made just now goes, with what fitted of item.md (a full disk): the next
        // try would find it "already exists".
        publish::remove_quietly(folder);
        err << "boardpack: " << why << "\n";
        return kExitOutputError;
    }
    if (!append_line(agenda.fd, meeting_file, "punkt: " + name, &why)) {
        err << fmt(_("boardpack: {}; {} was written, add \"punkt: {}\" to meeting.txt by hand\n"), why,
                   (folder / "item.md").string(), name);
        return kExitOutputError;
    }
    out << fmt(_("boardpack: wrote {} (punkt {}) and added it to {}\n"), (folder / "item.md").string(), number,
               meeting_file.string());
    return kExitOk;
}

}  // namespace boardpack::scaffold

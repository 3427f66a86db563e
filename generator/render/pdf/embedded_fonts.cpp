#include "render/pdf/embedded_fonts.hpp"
#include "core/messages.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <bitset>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "render/pdf/winansi.hpp"

namespace boardpack::render::pdf {

std::array<std::vector<char32_t>, kFontStyles> used_characters(const LaidOutDocument& doc) {
    // The writer prints Windows-1252 bytes today, so a set of 256 per style is enough to
    // collect; the result is code points so that a wider encoding changes only this loop.
    std::array<std::bitset<256>, kFontStyles> bytes;
    for (const Page& page : doc.pages)
        for (const TextItem& t : page.texts) {
            std::bitset<256>& set = bytes[static_cast<size_t>(t.style)];
            for (size_t i = 0; i < t.text.size();)
                if (const int b = winansi_print_byte(next_code_point(t.text, i)); b >= 0) set.set(static_cast<size_t>(b));
        }
    std::array<std::vector<char32_t>, kFontStyles> out;
    for (size_t s = 0; s < out.size(); ++s)
        for (int b = 0; b < 256; ++b)
            if (bytes[s].test(static_cast<size_t>(b)))
                if (const char32_t cp = winansi_code_point(static_cast<unsigned char>(b))) out[s].push_back(cp);
    for (auto& v : out) std::sort(v.begin(), v.end());
    return out;
}

namespace {

bool write_all(int fd, const std::string& bytes) {
    size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        done += static_cast<size_t>(n);
    }
    return true;
}

}  // namespace

std::optional<TemporaryFontFile> TemporaryFontFile::make(const FontFiles& fonts, FontStyle style,
                                                         const std::vector<char32_t>& characters, std::string* why) {
    const std::string bytes = fonts.subset(style, characters, why);
    if (bytes.empty()) return std::nullopt;
    const char* env = std::getenv("TMPDIR");
    const std::string dir = env && *env ? env : "/tmp";
    // Best, a file that never has a name (Linux O_TMPFILE), which libharu opens through /proc:
    // nothing is left behind even if the build is killed while it writes.
#ifdef O_TMPFILE
    if (const int fd = ::open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600); fd >= 0) {
        TemporaryFontFile file("/proc/self/fd/" + std::to_string(fd), fd, false);
        if (write_all(fd, bytes) && ::access(file.path_.c_str(), R_OK) == 0) return file;
    }
#endif
    // Else a named file only we can read, removed as soon as libharu has opened it.
    std::string path = dir + "/boardpack-font-XXXXXX";
    const int fd = ::mkstemp(path.data());
    if (fd < 0) {
        *why = fmt(_("cannot create a temporary file for the font subset in {}: {}"), dir, std::strerror(errno));
        return std::nullopt;
    }
    TemporaryFontFile file(path, fd, true);
    if (!write_all(fd, bytes)) {
        *why = fmt(_("cannot write the temporary font file {}: {}"), path, std::strerror(errno));
        return std::nullopt;
    }
    return file;
}

void TemporaryFontFile::remove() {
    if (named_ && !path_.empty()) ::unlink(path_.c_str());
    if (fd_ >= 0) ::close(fd_);
    path_.clear();
    fd_ = -1;
}

}  // namespace boardpack::render::pdf

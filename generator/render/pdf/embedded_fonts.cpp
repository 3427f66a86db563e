#include "render/pdf/embedded_fonts.hpp"

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

std::optional<TemporaryFontFile> TemporaryFontFile::make(const FontFiles& fonts, FontStyle style,
                                                         const std::vector<char32_t>& characters, std::string* why) {
    const std::string bytes = fonts.subset(style, characters, why);
    if (bytes.empty()) return std::nullopt;
    const char* dir = std::getenv("TMPDIR");
    std::string path = std::string(dir && *dir ? dir : "/tmp") + "/boardpack-font-XXXXXX";
    const int fd = ::mkstemp(path.data());  // mode 0600: a modified font is never left where others read it
    if (fd < 0) {
        *why = "cannot create a temporary file for the font subset in " + path.substr(0, path.rfind('/')) + ": " +
               std::strerror(errno);
        return std::nullopt;
    }
    TemporaryFontFile file(path);
    size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            *why = "cannot write the temporary font file " + path + ": " + std::strerror(errno);
            ::close(fd);
            return std::nullopt;
        }
        done += static_cast<size_t>(n);
    }
    if (::close(fd) != 0) {
        *why = "cannot write the temporary font file " + path + ": " + std::strerror(errno);
        return std::nullopt;
    }
    return file;
}

void TemporaryFontFile::remove() {
    if (!path_.empty()) ::unlink(path_.c_str());
    path_.clear();
}

}  // namespace boardpack::render::pdf

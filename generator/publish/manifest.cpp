#include "publish/manifest.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>

#include "core/fingerprint.hpp"

namespace boardpack::publish {

namespace {

bool is_hex_fingerprint(std::string_view s) {
    if (s.size() != 32) return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

// A relative path of plain names: no empty, "." or ".." part, no control character.
bool is_plain_relative_path(std::string_view p) {
    if (p.empty() || p.front() == '/' || p.back() == '/') return false;
    for (char c : p)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return false;
    size_t start = 0;
    while (start <= p.size()) {
        size_t end = p.find('/', start);
        if (end == std::string_view::npos) end = p.size();
        const std::string_view part = p.substr(start, end - start);
        if (part.empty() || part == "." || part == "..") return false;
        start = end + 1;
    }
    return true;
}

}  // namespace

std::string manifest_file(const std::string& edition_folder) { return ".boardpack-files-" + edition_folder; }

std::string manifest_text(const Manifest& files) {
    std::string out = std::string(kManifestLine) + "\n";
    for (const auto& [path, record] : files)
        out += record.fingerprint + "\t" + std::to_string(record.size) + "\t" + path + "\n";
    return out;
}

std::optional<Manifest> parse_manifest(std::string_view text) {
    const std::string_view first = std::string_view(kManifestLine);
    if (text.substr(0, first.size()) != first || text.size() == first.size() || text[first.size()] != '\n')
        return std::nullopt;
    Manifest out;
    size_t at = first.size() + 1;
    while (at < text.size()) {
        const size_t end = text.find('\n', at);
        if (end == std::string_view::npos) return std::nullopt;  // every line ends with a line end
        const std::string_view line = text.substr(at, end - at);
        at = end + 1;
        const size_t tab1 = line.find('\t');
        const size_t tab2 = tab1 == std::string_view::npos ? tab1 : line.find('\t', tab1 + 1);
        if (tab2 == std::string_view::npos) return std::nullopt;
        const std::string_view print = line.substr(0, tab1), size = line.substr(tab1 + 1, tab2 - tab1 - 1),
                               path = line.substr(tab2 + 1);
        FileRecord record;
        const auto [end_of_size, error] = std::from_chars(size.data(), size.data() + size.size(), record.size);
        if (!is_hex_fingerprint(print) || size.empty() || error != std::errc() || end_of_size != size.data() + size.size() ||
            !is_plain_relative_path(path))
            return std::nullopt;
        record.fingerprint = std::string(print);
        if (!out.emplace(std::string(path), std::move(record)).second) return std::nullopt;
    }
    return out;
}

std::optional<FileRecord> file_record(const std::filesystem::path& file) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return std::nullopt;
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return std::nullopt;
    }
    Fingerprinter f;
    // On the stack, not thread_local: glibc zeroes a thread's static TLS when it starts it, so a
    // buffer there was 128 KiB of memory touched by every thread of a build, whether it read a
    // file or not.
    char buffer[64 * 1024];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            ::close(fd);
            return std::nullopt;
        }
        if (n == 0) break;
        f.add(std::string_view(buffer, static_cast<size_t>(n)));
    }
    ::close(fd);
    return f.record();
}

}  // namespace boardpack::publish

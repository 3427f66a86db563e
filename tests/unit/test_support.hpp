// Helpers shared by the unit tests.
#pragma once

#include <signal.h>
#include <stdlib.h>
#include <sys/resource.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "core/diagnostics.hpp"
#include "core/input_files.hpp"
#include "core/text_file.hpp"
#include "render/pdf/pdf_metadata.hpp"
#include "render/wording.hpp"

namespace boardpack::test {

// Runs ask(0) and ask(1) at once, on two threads: two editions asking a memo for the same thing
// (make what is asked for slow, so that the second asks while the first makes it).
template <class Ask>
void at_once(Ask ask) {
    std::thread other(ask, 1);
    ask(0);
    other.join();
}

// A fresh temporary folder, removed with all it holds at the end of the test.
struct TempDir {
    std::filesystem::path path;
    TempDir() {
        char name[] = "/tmp/boardpack-unit-XXXXXX";
        path = ::mkdtemp(name);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

// A file size limit for this process while it lives, as `ulimit -f` sets one (a full disk's
// failures without mounting one), with SIGXFSZ ignored, as boardpack ignores it: a write past it
// writes what fits and the next fails with EFBIG, "File too large".
struct FileSizeLimit {
    explicit FileSizeLimit(rlim_t bytes) {
        ::getrlimit(RLIMIT_FSIZE, &before);
        handler = ::signal(SIGXFSZ, SIG_IGN);
        rlimit now = before;
        now.rlim_cur = bytes;
        ::setrlimit(RLIMIT_FSIZE, &now);
    }
    ~FileSizeLimit() {
        ::setrlimit(RLIMIT_FSIZE, &before);
        ::signal(SIGXFSZ, handler);
    }
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;
    rlimit before{};
    sighandler_t handler;
};

// All diagnostics as the CLI prints them.
inline std::string messages(const Diagnostics& d) {
    std::string out;
    for (const Diagnostic& x : d.all()) out += format_diagnostic(x);
    return out;
}

// A validated text file from a string; fails the test if it is not valid.
inline TextFile text_file(const std::string& name, const std::string& content) {
    Diagnostics d;
    auto f = make_text_file(name, name, content, d);
    if (!f) throw std::runtime_error("invalid test file: " + messages(d));
    return *f;
}

// The packet's wording, from templates/wording.txt.
inline const render::Wording& wording() {
    static const render::Wording w = [] {
        Diagnostics d;
        DiskFiles templates(std::string(BOARDPACK_SOURCE_DIR) + "/templates");
        auto f = load_text_file(templates, "wording.txt", d);
        auto loaded = f ? render::Wording::load(*f, d) : std::nullopt;
        if (!loaded) throw std::runtime_error("cannot load the wording: " + messages(d));
        return *loaded;
    }();
    return w;
}

inline const calc::Words& words() { return wording().status_words(); }

// The sRGB colour profile the PDFs embed, read once as a build's kit reads it.
inline const std::string& srgb_profile() {
    static const std::string profile = [] {
        std::string why;
        auto read = render::pdf::read_srgb_profile(&why);
        if (!read) throw std::runtime_error(why);
        return *read;
    }();
    return profile;
}

// A file's bytes ("" if it cannot be read).
inline std::string file_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace boardpack::test

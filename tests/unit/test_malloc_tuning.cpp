// The malloc set-up main() makes (core/malloc_tuning): the user's own settings win, and the main
// heap is marked for transparent huge pages where malloc grows it with brk.
#include <doctest/doctest.h>

#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/malloc_tuning.hpp"
#include "core/sanitizers.hpp"

using boardpack::tune_malloc;

namespace {

// Whether a mapping of the main heap carries the kernel's "hg" flag (MADV_HUGEPAGE).
bool heap_marked_for_huge_pages() {
    std::ifstream maps("/proc/self/smaps");
    std::string line;
    bool in_heap = false;
    while (std::getline(maps, line)) {
        // A mapping's line starts with its address range ("55cb9f683000-55cba369b000 rw-p ..."), its
        // fields' lines with a name and a colon.
        if (!line.empty() && std::isxdigit(static_cast<unsigned char>(line[0])) && line.find('-') < line.find(' '))
            in_heap = line.find("[heap]") != std::string::npos;
        if (in_heap && line.rfind("VmFlags:", 0) == 0 && line.find(" hg") != std::string::npos) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("malloc tuning: the user's own malloc settings win") {
    ::setenv("GLIBC_TUNABLES", "glibc.malloc.tcache_count=7", 1);
    const auto done = tune_malloc();
    ::unsetenv("GLIBC_TUNABLES");
    CHECK_FALSE(done.tuned);
    CHECK_FALSE(done.huge_heap);
}

TEST_CASE("malloc tuning: the main heap is reserved ahead and marked for huge pages") {
    // main() tunes malloc before any thread starts; in this process, threads an earlier test left
    // behind may grow the heap meanwhile (under load, CI once saw it). A forked child has one
    // thread, as main() has: it tunes malloc there and answers in its exit status.
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        const auto done = tune_malloc();
        int answer = done.tuned ? 1 : 0;
        if (done.huge_heap) answer |= 2;
        if (heap_marked_for_huge_pages()) answer |= 4;
        ::_exit(answer);
    }
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    REQUIRE(WIFEXITED(status));
    const int answer = WEXITSTATUS(status);
    CHECK((answer & 1) != 0);  // tuned
#if BOARDPACK_SANITIZED
    // AddressSanitizer's malloc maps its memory: there is no brk heap to mark.
    CHECK((answer & 2) == 0);
#else
    CHECK((answer & 2) != 0);  // the heap grew and was advised
    CHECK((answer & 4) != 0);  // the kernel shows the advice on the heap
#endif
}

TEST_CASE("malloc tuning: a helper process gets glibc's large thread cache, unless the user set malloc up") {
    using boardpack::child_environment;
    const auto has = [](const std::vector<char*>& env, std::string_view entry) {
        for (char* e : env)
            if (e && std::string_view(e) == entry) return true;
        return false;
    };
    std::string home = "HOME=/home/sekretariat", lang = "LANG=da_DK.UTF-8", near = "GLIBC_TUNABLESX=1";
    char* plain[] = {home.data(), lang.data(), near.data(), nullptr};
    const std::vector<char*> env = child_environment(plain);
    REQUIRE(env.size() == 5);
    CHECK(env[0] == plain[0]);  // the program's own, in order, then the setting
    CHECK(env[1] == plain[1]);
    CHECK(env[2] == plain[2]);
    CHECK(std::string_view(env[3]) == "GLIBC_TUNABLES=glibc.malloc.tcache_count=65535");
    CHECK(env[4] == nullptr);

    for (std::string users : {"GLIBC_TUNABLES=glibc.malloc.check=3", "MALLOC_TOP_PAD_=0", "MALLOC_MMAP_THRESHOLD_=65536"}) {
        char* with[] = {home.data(), users.data(), nullptr};
        const std::vector<char*> kept = child_environment(with);
        CHECK(kept.size() == 3);
        CHECK(has(kept, users));
        CHECK_FALSE(has(kept, "GLIBC_TUNABLES=glibc.malloc.tcache_count=65535"));
    }
    char* none[] = {nullptr};
    CHECK(child_environment(none).size() == 2);

    // The helper, itself set up by tune_malloc, takes that setting as boardpack's, not the user's.
    const std::string given = child_environment(none)[0];
    ::setenv("GLIBC_TUNABLES", given.substr(given.find('=') + 1).c_str(), 1);
    const auto done = tune_malloc();
    ::unsetenv("GLIBC_TUNABLES");
    CHECK(done.tuned);
}

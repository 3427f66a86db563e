// The malloc set-up main() makes (core/malloc_tuning): the user's own settings win, and the main
// heap is marked for transparent huge pages where malloc grows it with brk.
#include <doctest/doctest.h>

#include <stdlib.h>

#include <cctype>
#include <fstream>
#include <string>

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
    const auto done = tune_malloc();
    CHECK(done.tuned);
#if BOARDPACK_SANITIZED
    // AddressSanitizer's malloc maps its memory: there is no brk heap to mark.
    CHECK_FALSE(done.huge_heap);
#else
    CHECK(done.huge_heap);
    CHECK(heap_marked_for_huge_pages());
#endif
}

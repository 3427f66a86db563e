#include "core/malloc_tuning.hpp"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <initializer_list>
#include <string>
#include <string_view>

namespace boardpack {

namespace {

// The variables by which a user sets malloc up: where one is set, theirs win.
constexpr std::string_view kUsersMallocVariables[] = {"GLIBC_TUNABLES", "MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_",
                                                      "MALLOC_TOP_PAD_"};

// What child_environment gives a helper process: 65535, glibc's largest, a cache that never
// fills.
constexpr char kChildTunables[] = "glibc.malloc.tcache_count=65535";

constexpr size_t kMiB = 1024 * 1024;
// Free memory at a heap's top up to this is kept, not given back (tune_malloc).
constexpr size_t kTrimThreshold = 8 * kMiB;
// Whether tune_malloc set malloc up (prefault_thread_heap relies on its trim threshold).
std::atomic<bool> malloc_tuned{false};
constexpr std::uintptr_t kHugePage = 2 * kMiB;  // x86-64's transparent huge page

// The main heap (the one malloc grows with brk, which the main thread allocates from) reserved
// `reserve` bytes ahead and marked for transparent huge pages: a build of a large meeting
// touches some 20 MiB of new heap, and a huge page is one page fault where 4-KiB pages are 512
// (x10's page faults 5.600 -> 1.600, its CPU time a sixth less; the example's 2.100 -> 1.800).
// The reservation is address space: a page becomes memory when it is first touched, a huge page
// when a byte of its 2 MiB is. What it costs in memory: the unused part of the last huge page,
// and that malloc now keeps up to `reserve` of free heap at its top (M_TOP_PAD, which keeps the
// reservation whole: memory the heap grows by later is not marked) instead of giving it back
// (the example's and x10's peak memory 0,5-2 MiB more; the input limits' cases 0-12 MiB more,
// the 200.000 list items 270 -> 329 MiB). The kernel gives huge pages only where transparent huge
// pages are enabled ("madvise" or "always", as on Debian); elsewhere the advice changes nothing.
// False if the heap cannot grow with brk (malloc then maps its memory, as under AddressSanitizer
// and valgrind).
bool advise_huge_main_heap(size_t reserve) {
    ::mallopt(M_TOP_PAD, static_cast<int>(reserve));
    // A block larger than the heap's free top (keepcost) makes malloc grow the heap, by the block
    // and the pad. Where: the heap starts where the program's data ends, seldom at a huge page's
    // boundary, and only whole aligned 2 MiB can be a huge page, so the part below the first
    // boundary was faulted in a page at a time (487 faults in a build of the example). And a
    // page touched before the advice makes its 2 MiB small pages for good: malloc writes the
    // header of its new top right after that block, which made the first 2 MiB above the
    // boundary 511 faults more. So the break is first moved to just below a boundary, room
    // enough for the block and that header: glibc takes a break moved by someone else (leaving
    // its old top as a free block), and everything above the boundary is untouched when marked.
    // The pages skipped are address space no one touches: up to 2 MiB of it, no memory.
    const size_t top = ::mallinfo2().keepcost;
    char* const start = static_cast<char*>(::sbrk(0));
    if (start == reinterpret_cast<char*>(-1)) return false;
    const std::uintptr_t page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
    const std::uintptr_t room = (top + 3 * page) & ~(page - 1);
    const std::uintptr_t at = reinterpret_cast<std::uintptr_t>(start);
    const std::uintptr_t boundary = (at + room + kHugePage - 1) & ~(kHugePage - 1);
    if (boundary - room > at) (void)::sbrk(static_cast<intptr_t>(boundary - room - at));
    char* const before = static_cast<char*>(::sbrk(0));
    void* grow = std::malloc(top + 64);
    const bool grew = grow && before != reinterpret_cast<char*>(-1) && static_cast<char*>(::sbrk(0)) > before;
    std::free(grow);  // malloc may give the top's last part back (trim), so the end is taken after
    char* const end = static_cast<char*>(::sbrk(0));
    if (!grew || end <= before) return false;
    const std::uintptr_t from = (reinterpret_cast<std::uintptr_t>(before) + kHugePage - 1) & ~(kHugePage - 1);
    const std::uintptr_t to = reinterpret_cast<std::uintptr_t>(end) & ~(kHugePage - 1);
    return to > from && ::madvise(reinterpret_cast<void*>(from), to - from, MADV_HUGEPAGE) == 0;
}

}  // namespace

MallocTuning tune_malloc() {
    MallocTuning done;
    for (const std::string_view name : kUsersMallocVariables)
        if (const char* value = std::getenv(std::string(name).c_str());
            value && !(name == "GLIBC_TUNABLES" && std::string_view(value) == kChildTunables))  // ours, given by child_environment
            return done;
    // glibc gives a block of 128 KiB or more a mapping of its own, returned when freed, and gives
    // back the top of a heap once 128 KiB of it are free, raising both limits only as large blocks
    // come and go. A build makes and frees many blocks of 0,1-4 MiB (page lists, structure trees,
    // content streams, font subsets), so it kept mapping memory, returning it and touching it
    // again. With blocks up to 4 MiB taken from the heap and up to 8 MiB of its top kept, memory
    // is reused instead: x10's page faults 7.300 -> 5.600, its peak memory the same. Measured
    // against glibc's own upper bounds (32 and 64 MiB: the same faults, but the input limits'
    // list case 257 -> 338 MiB) and 1 and 2 MiB (more faults than glibc's default).
    ::mallopt(M_MMAP_THRESHOLD, static_cast<int>(4 * kMiB));
    ::mallopt(M_TRIM_THRESHOLD, static_cast<int>(kTrimThreshold));
    done.tuned = true;
    malloc_tuned.store(true, std::memory_order_relaxed);
    done.huge_heap = advise_huge_main_heap(64 * kMiB);
    return done;
}

std::vector<char*> child_environment(char** env) {
    static std::string tunables = std::string("GLIBC_TUNABLES=") + kChildTunables;
    std::vector<char*> out;
    bool users = false;
    for (char** e = env; e && *e; ++e) {
        const std::string_view entry(*e);
        for (const std::string_view name : kUsersMallocVariables)
            users = users || (entry.size() > name.size() && entry.substr(0, name.size()) == name && entry[name.size()] == '=');
        out.push_back(*e);
    }
    if (!users) out.push_back(tunables.data());
    out.push_back(nullptr);
    return out;
}

bool give_back_free_memory() { return ::malloc_trim(0) == 1; }

bool prefault_thread_heap(size_t bytes) {
#ifdef MADV_POPULATE_WRITE
    // Kept only where the trim threshold tune_malloc set keeps it: with malloc's defaults, the
    // free block would be given back to the system at once.
    if (!malloc_tuned.load(std::memory_order_relaxed) || bytes >= kTrimThreshold) return false;
    char* const block = static_cast<char*>(std::malloc(bytes));
    if (!block) return false;
    const std::uintptr_t page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
    const std::uintptr_t from = (reinterpret_cast<std::uintptr_t>(block) + page - 1) & ~(page - 1);
    const std::uintptr_t to = (reinterpret_cast<std::uintptr_t>(block) + bytes) & ~(page - 1);
    const bool made = to > from && ::madvise(reinterpret_cast<void*>(from), to - from, MADV_POPULATE_WRITE) == 0;
    std::free(block);
    return made;
#else
    (void)bytes;
    return false;
#endif
}

}  // namespace boardpack

// A fresh process's first blocks after tune_malloc (core/malloc_tuning) come from huge pages:
// some 4 MiB of small blocks, each written, take a few page faults where 4-KiB pages take a
// thousand. Its own program, because only a process that has just started has its heap's first
// 2 MiB untouched: before, the part of the heap below its first 2 MiB boundary and the 2 MiB
// above it (which malloc touched before they were marked) were faulted a page at a time, 530
// faults here. And a new thread's heap made present by prefault_thread_heap takes a few page
// faults where it took hundreds. Exit status 0 if so, or if the kernel gives no huge pages on
// advice or cannot make memory present (it says so), or under AddressSanitizer (its malloc has
// no brk heap); 1 otherwise.
#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "core/malloc_tuning.hpp"
#include "core/sanitizers.hpp"

namespace {

long page_faults(int who = RUSAGE_SELF) {
    rusage usage{};
    ::getrusage(who, &usage);
    return usage.ru_minflt;
}

bool huge_pages_on_advice() {
    std::ifstream file("/sys/kernel/mm/transparent_hugepage/enabled");
    std::string modes;
    std::getline(file, modes);
    return modes.find("[madvise]") != std::string::npos || modes.find("[always]") != std::string::npos;
}

}  // namespace

int main() {
    const boardpack::MallocTuning done = boardpack::tune_malloc();
    if (BOARDPACK_SANITIZED) {
        std::puts("skipped: AddressSanitizer's malloc has no brk heap");
        return 0;
    }
    if (!done.huge_heap) {
        std::puts("FAIL: the main heap was not marked for huge pages");
        return 1;
    }
    if (!huge_pages_on_advice()) {
        std::puts("skipped: this kernel gives no transparent huge pages on advice");
        return 0;
    }
    std::vector<void*> blocks;
    blocks.reserve(40000);
    const long before = page_faults();
    for (int i = 0; i < 40000; ++i) {
        blocks.push_back(std::malloc(100));
        static_cast<char*>(blocks.back())[0] = 1;
    }
    const long faults = page_faults() - before;
    for (void* b : blocks) std::free(b);
    std::printf("%ld page faults for 4 MiB of small blocks (at most 100 expected)\n", faults);
    if (faults > 100) return 1;
    // A new thread's heap (not in huge pages) made present by prefault_thread_heap: its next 1,5
    // MiB of small blocks take a few page faults, where they took some 380 without.
    long thread_faults = -1;
    bool prefaulted = false;
    std::thread([&] {
        prefaulted = boardpack::prefault_thread_heap(size_t{2} << 20);
        std::vector<void*> mine;
        mine.reserve(15000);
        const long at = page_faults(RUSAGE_THREAD);
        for (int i = 0; i < 15000; ++i) {
            mine.push_back(std::malloc(100));
            static_cast<char*>(mine.back())[0] = 1;
        }
        thread_faults = page_faults(RUSAGE_THREAD) - at;
        for (void* b : mine) std::free(b);
    }).join();
    if (!prefaulted) {
        std::puts("skipped: this kernel cannot make memory present on advice (MADV_POPULATE_WRITE)");
        return 0;
    }
    std::printf("%ld page faults for 1,5 MiB of a new thread's small blocks (at most 40 expected)\n", thread_faults);
    return thread_faults <= 40 ? 0 : 1;
}

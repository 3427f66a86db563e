// How the build sets glibc's malloc up before it starts, for fewer page faults: a page fault
// costs 10-15 µs on the virtual machines boardpack is measured on (see the .cpp and README,
// "Performance").
#pragma once

#include <cstddef>
#include <vector>

namespace boardpack {

struct MallocTuning {
    bool tuned = false;      // the limits set (not when the user set malloc's own variables)
    bool huge_heap = false;  // the main heap reserved and marked for transparent huge pages
};

// Call first thing in main(), before any thread starts. Does nothing when the user has set
// malloc's own variables (GLIBC_TUNABLES, MALLOC_*_): theirs win.
MallocTuning tune_malloc();

// The environment `env` (a null-ended list, as `environ`) for a helper process boardpack starts
// (the PDF reader), with glibc's thread cache of freed blocks made large
// (GLIBC_TUNABLES=glibc.malloc.tcache_count=...): glibc reads that setting only from the
// environment a program starts with, which tune_malloc cannot change for its own process but
// can give a process it starts. The reader makes and frees qpdf's objects by the thousand,
// more of one size than the default cache of 7 holds, and so went to malloc's slower paths
// (the example's reader 40,1 -> 38,1 M instructions; its memory the same). Unchanged when the
// user has set malloc's own variables, as for tune_malloc. The pointers are env's own, and one
// to a constant string.
std::vector<char*> child_environment(char** env);

// Gives the free memory inside the heaps back to the system (glibc's malloc_trim): the pages
// of freed blocks that later blocks did not take stay in the process's memory otherwise. For
// a moment after much is freed and before much is made; it takes some 0,1-1 ms. Returns
// whether any memory was given back.
bool give_back_free_memory();

// For a thread that is about to allocate some `bytes` of new memory (a packet's layout, the
// fonts read): that much of its heap made present at once, before it allocates it. Each page
// a thread touches first is otherwise a page fault of its own (the threads' heaps are not in huge
// pages, as the main one is); the kernel makes them all in one call (MADV_POPULATE_WRITE, Linux
// 5.14) at a fraction of the cost. The block is freed at once, and the thread's next blocks are
// made in it: the heap keeps up to malloc's trim threshold of free memory at its top (tune_malloc).
// Nothing when tune_malloc did not tune malloc (the user's settings win), or where the kernel
// cannot. Returns whether the memory was made present.
bool prefault_thread_heap(size_t bytes);

}  // namespace boardpack

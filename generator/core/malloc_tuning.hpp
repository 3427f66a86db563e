// How the build sets glibc's malloc up before it starts, for fewer page faults: a page fault
// costs 10-15 µs on the virtual machines boardpack is measured on (see the .cpp and README,
// "Performance").
#pragma once

namespace boardpack {

struct MallocTuning {
    bool tuned = false;      // the limits set (not when the user set malloc's own variables)
    bool huge_heap = false;  // the main heap reserved and marked for transparent huge pages
};

// Call first thing in main(), before any thread starts. Does nothing when the user has set
// malloc's own variables (GLIBC_TUNABLES, MALLOC_*_): theirs win.
MallocTuning tune_malloc();

}  // namespace boardpack

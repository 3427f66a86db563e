// A process that parses a file from outside (the PDF reader, boardpack-qpdf) shut in before it
// starts: from then on the kernel lets it only read and write the descriptors it already has,
// manage its own memory and end. A file made to take over the parser then finds nothing to
// take: it cannot open a file (a confidential item's, a key), start a program, reach the
// network or write anywhere but the answer the program reads.
#pragma once

#include <string>

namespace boardpack {

// Limits the calling process (and any thread or child it makes later) to the system calls
// above, with a seccomp filter: any other fails with EPERM. The process cannot undo it, nor
// gain privileges by running a set-user-ID program. No more memory may be mapped executable.
// False with *why set where the kernel or the architecture has no seccomp filters; the caller
// decides whether to go on. Under valgrind (whose own calls would be filtered too) it does
// nothing and says so in *why.
bool enter_sandbox(std::string* why);

// Caps the process's CPU time at `cpu_seconds` (SIGXCPU, then SIGKILL, ends it past that) and
// turns off core dumps (a crash must not write a file where the program runs), for good: hard
// limits too.
void limit_process(unsigned cpu_seconds);

}  // namespace boardpack

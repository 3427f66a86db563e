#include "core/sandbox.hpp"

#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>

#include <cerrno>
#include <cstddef>
#include <cstring>
#include <vector>

#include "core/messages.hpp"

#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#endif

namespace boardpack {

namespace {

#if defined(__x86_64__)
constexpr unsigned kArch = AUDIT_ARCH_X86_64;
#elif defined(__aarch64__)
constexpr unsigned kArch = AUDIT_ARCH_AARCH64;
#else
constexpr unsigned kArch = 0;  // no filter written for this architecture
#endif

sock_filter statement(unsigned short code, unsigned k) { return BPF_STMT(code, k); }
sock_filter jump(unsigned short code, unsigned k, unsigned char yes, unsigned char no) {
    return BPF_JUMP(code, k, yes, no);
}

// The system calls a parser needs once its input is read: reading and writing the descriptors
// it has, its own memory (malloc's brk and mmap, qpdf's buffers), a thread's futex and signal
// return, abort() (which blocks signals and sends itself one), the clock and random bytes; and
// the signal stack, which AddressSanitizer looks at before a call that does not return.
std::vector<long> allowed_calls() {
    std::vector<long> calls = {SYS_read, SYS_write, SYS_readv, SYS_writev, SYS_close, SYS_exit, SYS_exit_group,
                               SYS_brk, SYS_mmap, SYS_munmap, SYS_mremap, SYS_madvise, SYS_mprotect, SYS_futex,
                               SYS_rt_sigreturn, SYS_rt_sigprocmask, SYS_getpid, SYS_gettid, SYS_tgkill,
                               SYS_clock_gettime, SYS_getrandom, SYS_sigaltstack};
    return calls;
}

// The filter: the architecture must be the one it was written for (a 32-bit call would mean
// other numbers), x86-64's x32 calls are refused, mmap and mprotect may not make memory
// executable, the calls above pass and every other fails with EPERM.
std::vector<sock_filter> filter() {
    std::vector<sock_filter> f;
    f.push_back(statement(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, arch)));
    f.push_back(jump(BPF_JMP | BPF_JEQ | BPF_K, kArch, 1, 0));
    f.push_back(statement(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS));
    f.push_back(statement(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, nr)));
#if defined(__x86_64__)
    f.push_back(jump(BPF_JMP | BPF_JGE | BPF_K, 0x40000000u, 0, 1));  // __X32_SYSCALL_BIT
    f.push_back(statement(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM));
#endif
    // mmap and mprotect: their third argument, the protection, without PROT_EXEC.
    for (long call : {SYS_mmap, SYS_mprotect}) {
        f.push_back(jump(BPF_JMP | BPF_JEQ | BPF_K, static_cast<unsigned>(call), 0, 4));
        f.push_back(statement(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, args) + 2 * sizeof(uint64_t)));
        f.push_back(jump(BPF_JMP | BPF_JSET | BPF_K, PROT_EXEC, 0, 1));
        f.push_back(statement(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM));
        f.push_back(statement(BPF_RET | BPF_K, SECCOMP_RET_ALLOW));
    }
    for (long call : allowed_calls()) {
        f.push_back(jump(BPF_JMP | BPF_JEQ | BPF_K, static_cast<unsigned>(call), 0, 1));
        f.push_back(statement(BPF_RET | BPF_K, SECCOMP_RET_ALLOW));
    }
    f.push_back(statement(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM));
    return f;
}

}  // namespace

bool enter_sandbox(std::string* why) {
#ifdef RUNNING_ON_VALGRIND
    if (RUNNING_ON_VALGRIND) {
        *why = _("running under valgrind, whose own system calls the filter would refuse");
        return false;
    }
#endif
    if (kArch == 0) {
        *why = _("no seccomp filter is written for this architecture");
        return false;
    }
    std::vector<sock_filter> f = filter();
    sock_fprog program{static_cast<unsigned short>(f.size()), f.data()};
    if (::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 || ::prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &program) != 0) {
        // TRANSLATORS: {0} is the system's reason (in English).
        *why = fmt(_("the kernel refuses a seccomp filter: {}"), std::strerror(errno));
        return false;
    }
    return true;
}

void limit_process(unsigned cpu_seconds) {
    const rlimit cpu{cpu_seconds, cpu_seconds + 1};
    const rlimit no_core{0, 0};
    ::setrlimit(RLIMIT_CPU, &cpu);
    ::setrlimit(RLIMIT_CORE, &no_core);
}

}  // namespace boardpack

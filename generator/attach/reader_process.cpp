#include "attach/reader_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <condition_variable>
#include <ctime>
#include <deque>
#include <mutex>
#include <string_view>
#include <thread>
#include <vector>

#include "attach/reader_answer.hpp"
#include "core/malloc_tuning.hpp"
#include "core/messages.hpp"

extern char** environ;

namespace boardpack::attach {

namespace {

using Clock = std::chrono::steady_clock;

std::string cannot_start(const std::string& program, int error) {
    // TRANSLATORS: {0} is the program's path, {1} the system's reason (in English).
    return fmt(_("boardpack's PDF reader {} cannot be started: {}; install boardpack again"), program, std::strerror(error));
}

enum class Received { Whole, Ended, Late };

// Sends all the bytes: Ended if the reader stopped taking them (it ended: its status says why),
// Late if it took none for longer than the socket's send timeout (it does not read).
Received send_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return Received::Late;
        if (n <= 0) return Received::Ended;
        bytes.remove_prefix(static_cast<size_t>(n));
    }
    return Received::Whole;
}

// Reads exactly `size` bytes into out, by the deadline.
Received receive(int fd, size_t size, Clock::time_point deadline, std::string& out) {
    out.resize(size);
    size_t done = 0;
    while (done < size) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0) return Received::Late;
        pollfd p{fd, POLLIN, 0};
        const int ready = ::poll(&p, 1, static_cast<int>(left));
        if (ready < 0 && errno == EINTR) continue;
        if (ready == 0) return Received::Late;
        const ssize_t n = ready < 0 ? -1 : ::read(fd, out.data() + done, size - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return Received::Ended;
        done += static_cast<size_t>(n);
    }
    return Received::Whole;
}

// The reader's exit status, in words if it did not end well; empty if it did.
std::string ended(int status) {
    if (WIFEXITED(status)) {
        if (WEXITSTATUS(status) == 0) return {};
        return fmt(_("internal error: boardpack's PDF reader ended with status {}"), WEXITSTATUS(status));
    }
    if (WIFSIGNALED(status)) {
        const int sig = WTERMSIG(status);
        const char* name = ::sigabbrev_np(sig);
        // TRANSLATORS: {0} is a signal's name: SEGV, ABRT, KILL.
        return fmt(_("boardpack's PDF reader stopped on it (signal {}): the file may be damaged, or made to harm a "
                     "reader; open it and save it again as PDF"),
                   name ? name : std::to_string(sig));
    }
    return fmt(_("internal error: boardpack's PDF reader ended with status {}"), status);
}

// Waits for a reader whose input is closed to end, until `give_up`, then kills it; its status.
int wait_for_end(pid_t pid, Clock::time_point give_up) {
    int status = 0;
    pid_t done = 0;
    while ((done = ::waitpid(pid, &status, WNOHANG)) == 0 || (done < 0 && errno == EINTR)) {
        if (Clock::now() > give_up) {
            ::kill(pid, SIGKILL);
            while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
            }
            break;
        }
        const timespec pause{0, 1000000};  // 1 ms
        ::nanosleep(&pause, nullptr);
    }
    return status;
}

// The readers that were told to end (their input closed) and are waited for on a thread of its
// own: a reader takes 1,5-3 ms to unload its libraries after its last answer, and the build
// waited for it on the path it waits on (the example's attachments, then its editions). Joined
// when the program ends (or by wait_for_ended_readers), so none is left behind; one that does
// not end within kReaderEndSeconds is killed.
class Reaper {
public:
    static Reaper& instance() {
        static Reaper reaper;
        return reaper;
    }
    ~Reaper() { wait_all(); }

    void add(pid_t pid) {
        const std::lock_guard<std::mutex> lock(mutex_);
        pids_.push_back({pid, Clock::now() + std::chrono::seconds(kReaderEndSeconds)});
        if (!thread_.joinable()) thread_ = std::thread(&Reaper::run, this);
        changed_.notify_all();
    }

    void wait_all() {
        std::thread done;
        {
            const std::lock_guard<std::mutex> lock(mutex_);
            stopping_ = true;
            done.swap(thread_);
        }
        changed_.notify_all();
        if (done.joinable()) done.join();
        const std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = false;
    }

private:
    struct Ending {
        pid_t pid;
        Clock::time_point give_up;
    };
    void run() {
        std::unique_lock<std::mutex> lock(mutex_);
        while (true) {
            changed_.wait(lock, [this] { return stopping_ || !pids_.empty(); });
            if (pids_.empty()) return;  // asked to stop, and all are waited for
            const Ending e = pids_.front();
            pids_.pop_front();
            lock.unlock();
            (void)wait_for_end(e.pid, e.give_up);
            lock.lock();
        }
    }
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Ending> pids_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace

void wait_for_ended_readers() { Reaper::instance().wait_all(); }

PdfReader::PdfReader(std::string program, std::string locale_dir, std::string missing, unsigned seconds)
    : program_(std::move(program)), locale_dir_(std::move(locale_dir)), missing_(std::move(missing)), seconds_(seconds) {}

PdfReader::~PdfReader() {
    if (pid_ < 0) return;
    ::close(socket_);  // an idle reader ends at the end of its input: waited for by the Reaper
    Reaper::instance().add(pid_);
}

bool PdfReader::start(std::string* why) {
    if (program_.empty()) {
        *why = missing_;
        return false;
    }
    int pair[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0) {
        *why = cannot_start(program_, errno);
        return false;
    }
    // The reader's end above 2, so that making it the reader's 0 and 1 is never a no-op that
    // leaves it to be closed on exec (if this program was started with 0 or 1 closed).
    int theirs = pair[1];
    if (theirs <= 2) {
        theirs = ::fcntl(pair[1], F_DUPFD_CLOEXEC, 3);
        ::close(pair[1]);
    }
    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attributes;
    ::posix_spawn_file_actions_init(&actions);
    ::posix_spawnattr_init(&attributes);
    ::posix_spawn_file_actions_adddup2(&actions, theirs, 0);
    ::posix_spawn_file_actions_adddup2(&actions, theirs, 1);
    // Nothing else of this program's reaches the reader: not a file another thread has open
    // without O_CLOEXEC at this moment (libharu's PDF of another meeting, in a build of several),
    // which the reader could otherwise write to.
    ::posix_spawn_file_actions_addclosefrom_np(&actions, 3);
    // Whatever this thread blocks or the program ignores, the reader starts with no signal
    // blocked and SIGPIPE at its default.
    sigset_t none, defaults;
    sigemptyset(&none);
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGPIPE);
    ::posix_spawnattr_setsigmask(&attributes, &none);
    ::posix_spawnattr_setsigdefault(&attributes, &defaults);
    ::posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    std::string arg0 = program_, arg1 = locale_dir_;
    char* argv[] = {arg0.data(), arg1.data(), nullptr};
    std::vector<char*> env = child_environment(environ);
    // qpdf writes a cleaned file's /ID with GnuTLS's MD5, which fails when GnuTLS is not set up
    // as it is loaded: a user's GNUTLS_NO_IMPLICIT_INIT, meant for another program, would make
    // every attachment "cannot be read as a PDF". The reader never has it.
    std::erase_if(env, [](const char* e) { return e && std::string_view(e).starts_with("GNUTLS_NO_IMPLICIT_INIT="); });
    const int rc = theirs < 0 ? errno : ::posix_spawn(&pid_, program_.c_str(), &actions, &attributes, argv, env.data());
    ::posix_spawn_file_actions_destroy(&actions);
    ::posix_spawnattr_destroy(&attributes);
    if (theirs >= 0) ::close(theirs);
    if (rc != 0) {
        ::close(pair[0]);
        pid_ = -1;
        *why = cannot_start(program_, rc);
        return false;
    }
    socket_ = pair[0];
    // A reader that stops reading what it is sent is stopped in the same time as one that does
    // not answer.
    const timeval timeout{static_cast<time_t>(seconds_), 0};
    ::setsockopt(socket_, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    return true;
}

std::string PdfReader::stop(bool kill) {
    if (kill) ::kill(pid_, SIGKILL);
    ::close(socket_);  // an idle reader ends at the end of its input
    socket_ = -1;
    // One that does not end by itself soon after (it hangs, with its output closed) is killed:
    // ending a reader never waits on it for long.
    const int status = wait_for_end(pid_, Clock::now() + std::chrono::seconds(std::min(seconds_, kReaderEndSeconds)));
    pid_ = -1;
    return ended(status);
}

void PdfReader::start_early() {
    std::string why;
    if (pid_ < 0) (void)start(&why);
}

std::optional<CleanPdf> PdfReader::clean(const std::string& bytes, std::string* why) {
    if (pid_ < 0 && !start(why)) return std::nullopt;
    const auto deadline = Clock::now() + std::chrono::seconds(seconds_);
    // The reader reads an attachment whole before it answers, so sending first and then
    // reading cannot leave both waiting.
    std::string answer;
    Received got = send_all(socket_, encode_length(bytes.size()));
    if (got == Received::Whole) got = send_all(socket_, bytes);
    if (got == Received::Whole) got = receive(socket_, kLengthBytes, deadline, answer);
    // Its answer is the cleaned file and its pages' objects: about the file's size each; far
    // more is not an answer.
    const size_t limit = 16 * bytes.size() + (size_t{64} << 20);
    if (got == Received::Whole) {
        const uint64_t size = decode_length(answer.data());
        if (size > limit) {
            (void)stop(true);
            *why = fmt(_("internal error: boardpack's PDF reader answered with more than {} MiB"), limit >> 20);
            return std::nullopt;
        }
        got = receive(socket_, static_cast<size_t>(size), deadline, answer);
    }
    if (got == Received::Late) {
        (void)stop(true);
        *why = fmt(_("reading it took more than {} seconds; the limit is {} seconds"), seconds_, seconds_);
        return std::nullopt;
    }
    if (got == Received::Ended) {
        // It ended without a whole answer: how it ended says why.
        std::string how = stop(false);
        *why = how.empty() ? fmt(_("internal error: boardpack's PDF reader's answer cannot be read: {}"),
                                 _("it is cut short, or longer than what it holds"))
                           : std::move(how);
        return std::nullopt;
    }
    DecodedAnswer decoded = decode_answer(answer);
    if (!decoded.pdf) {
        if (!decoded.refused) {
            (void)stop(true);  // it answers wrongly: not asked again
            *why = fmt(_("internal error: boardpack's PDF reader's answer cannot be read: {}"), decoded.why);
        } else {
            *why = std::move(decoded.why);
        }
        return std::nullopt;
    }
    return std::move(decoded.pdf);
}

}  // namespace boardpack::attach

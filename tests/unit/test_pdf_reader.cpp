// The PDF reader as a process of its own (attach/reader_process, attach/reader_answer,
// core/sandbox): its answer's format read as untrusted input, the sandbox it shuts itself in,
// and the program started on real and damaged files, crashing or answering wrongly.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "attach/clean_queue.hpp"
#include "attach/pdf_attachment.hpp"
#include "attach/reader_answer.hpp"
#include "attach/reader_process.hpp"
#include "core/sandbox.hpp"
#include "test_support.hpp"

using namespace boardpack;
using namespace boardpack::attach;

namespace {

std::string file_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

const std::string kExamplePdf =
    std::string(BOARDPACK_SOURCE_DIR) + "/inputs/2023-09-bestyrelsen/21-hoeringssvar/bilag-1.pdf";

// A small cleaned attachment: two objects, the form (a stream) referring to the other.
std::pair<CleanPdf, ImportedPdf> small_answer() {
    CleanPdf pdf;
    pdf.bytes = "%PDF-1.7 cleaned";
    pdf.pages = 1;
    pdf.tagged = true;
    pdf.removed = {"JavaScript", "embedded files"};
    ImportedPdf imported;
    imported.objects.push_back({"/Type /XObject /Subtype /Form /Resources \x01" "1\x02", true, "q Q"});
    imported.objects.push_back({"/Font << >>", false, ""});
    imported.pages.push_back({0, 0, 0, 595.5, 842.25});
    return {pdf, imported};
}

// A reader program that is a shell script, for the ways a reader can fail.
std::string script(const test::TempDir& dir, const std::string& name, const std::string& body) {
    const std::string path = (dir.path / name).string();
    std::ofstream(path) << "#!/bin/sh\n" << body << "\n";
    ::chmod(path.c_str(), 0755);
    return path;
}

// A reader that notes in `log` which process read which attachment (a line "<pid> <name>", the
// name after "%PDF- "), and with `note_start` "<pid> started" when it starts; it refuses each.
std::string noting_reader(const test::TempDir& dir, const std::string& log, bool note_start) {
    const std::string program = (dir.path / "noting-reader").string();
    std::ofstream(program) << "#!/usr/bin/python3\n"
                              "import os, sys\n"
                           << (note_start ? "open('" + log + "', 'a').write('%d started\\n' % os.getpid())\n" : "")
                           << "i, o = sys.stdin.buffer, sys.stdout.buffer\n"
                              "while True:\n"
                              "    n = i.read(8)\n"
                              "    if len(n) < 8: break\n"
                              "    data = i.read(int.from_bytes(n, 'little'))\n"
                              "    open('" + log + "', 'a').write('%d %s\\n' % (os.getpid(), data.decode()[6:]))\n"
                              "    why = b'noted'\n"
                              "    answer = b'BPQ1\\x02' + len(why).to_bytes(8, 'little') + why\n"
                              "    o.write(len(answer).to_bytes(8, 'little') + answer)\n"
                              "    o.flush()\n";
    ::chmod(program.c_str(), 0755);
    return program;
}

// What a noting reader logged: (its process, the attachment or "started"), in order.
std::vector<std::pair<std::string, std::string>> noted(const std::string& log) {
    std::ifstream in(log);
    std::vector<std::pair<std::string, std::string>> out;
    std::string pid, what;
    while (in >> pid >> what) out.emplace_back(pid, what);
    return out;
}

// Waits (up to 10 s) until a noting reader logged `n` lines.
void wait_for_noted(const std::string& log, size_t n) {
    for (int waited = 0; noted(log).size() < n && waited < 10000; waited += 10) ::usleep(10000);
}

}  // namespace

TEST_CASE("the reader's answer comes back as it was sent, and a refusal with its reason") {
    const auto [pdf, imported] = small_answer();
    const DecodedAnswer got = decode_answer(encode_answer(pdf, imported));
    REQUIRE(got.pdf);
    CHECK(got.pdf->bytes == pdf.bytes);
    CHECK(got.pdf->pages == 1);
    CHECK(got.pdf->tagged);
    CHECK(got.pdf->removed == pdf.removed);
    REQUIRE(got.pdf->imported);
    REQUIRE(got.pdf->imported->objects.size() == 2);
    CHECK(got.pdf->imported->objects[0].body == imported.objects[0].body);
    CHECK(got.pdf->imported->objects[0].stream);
    CHECK(got.pdf->imported->objects[0].data == "q Q");
    CHECK_FALSE(got.pdf->imported->objects[1].stream);
    REQUIRE(got.pdf->imported->pages.size() == 1);
    CHECK(got.pdf->imported->pages[0].urx == 595.5);
    CHECK(got.pdf->imported->pages[0].ury == 842.25);

    const DecodedAnswer refused = decode_answer(encode_refusal("the file is encrypted"));
    CHECK_FALSE(refused.pdf);
    CHECK(refused.refused);
    CHECK(refused.why == "the file is encrypted");
}

TEST_CASE("an answer cut short, lengthened or changed anywhere is refused or read whole, never past its end") {
    const auto [pdf, imported] = small_answer();
    const std::string answer = encode_answer(pdf, imported);
    for (size_t n = 0; n < answer.size(); ++n) {
        const DecodedAnswer cut = decode_answer(std::string_view(answer).substr(0, n));
        CHECK_FALSE(cut.pdf);
        CHECK_FALSE(cut.why.empty());
    }
    CHECK_FALSE(decode_answer(answer + "x").pdf);
    // Every byte changed to every value: read under the sanitizers, nothing is read outside the
    // answer, and what is read whole still holds together.
    for (size_t i = 0; i < answer.size(); ++i)
        for (int v = 0; v < 256; ++v) {
            std::string changed = answer;
            changed[i] = static_cast<char>(v);
            const DecodedAnswer got = decode_answer(changed);
            if (!got.pdf) continue;
            for (const ImportedPage& p : got.pdf->imported->pages) CHECK(p.form < got.pdf->imported->objects.size());
            CHECK(static_cast<size_t>(got.pdf->pages) == got.pdf->imported->pages.size());
        }
}

TEST_CASE("an answer whose objects refer outside themselves, or whose page is no form, is refused") {
    auto [pdf, imported] = small_answer();
    imported.objects[1].body = "/Next \x01" "2\x02";  // there are objects 0 and 1
    CHECK_FALSE(decode_answer(encode_answer(pdf, imported)).pdf);
    imported.objects[1].body = "/Next \x01\x02";  // no number
    CHECK_FALSE(decode_answer(encode_answer(pdf, imported)).pdf);
    imported.objects[1].body = "/Font \x02";  // an end with no start
    CHECK_FALSE(decode_answer(encode_answer(pdf, imported)).pdf);
    imported.objects[1].body = "/Font << >>";
    imported.pages[0].form = 1;  // not a stream
    CHECK_FALSE(decode_answer(encode_answer(pdf, imported)).pdf);
    imported.pages[0].form = 0;
    pdf.pages = 2;  // one page sent
    CHECK_FALSE(decode_answer(encode_answer(pdf, imported)).pdf);
}

TEST_CASE("a process in the sandbox may read, write and allocate, and can open, run or connect to nothing") {
    int out[2];
    REQUIRE(::pipe(out) == 0);
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::close(out[0]);
        std::string why;
        if (!enter_sandbox(&why)) ::_exit(77);  // no filter here (valgrind, another architecture)
        int failures = 0;
        if (::open("/etc/hostname", O_RDONLY) >= 0 || errno != EPERM) failures |= 1;
        if (::socket(AF_INET, SOCK_STREAM, 0) >= 0 || errno != EPERM) failures |= 2;
        if (::fork() >= 0 || errno != EPERM) failures |= 4;
        void* exec = ::mmap(nullptr, 4096, PROT_READ | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (exec != MAP_FAILED || errno != EPERM) failures |= 8;
        void* big = std::malloc(64 << 20);  // malloc's own mmap
        if (!big) failures |= 16;
        else static_cast<char*>(big)[(64 << 20) - 1] = 1;
        std::free(big);
        if (::write(out[1], "ok", 2) != 2) failures |= 32;
        ::_exit(failures);
    }
    ::close(out[1]);
    char buffer[8] = {};
    const ssize_t n = ::read(out[0], buffer, sizeof buffer);
    ::close(out[0]);
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    REQUIRE(WIFEXITED(status));
    if (WEXITSTATUS(status) == 77) {
        MESSAGE("no seccomp filter on this machine: the sandbox is not tested");
        return;
    }
    CHECK(WEXITSTATUS(status) == 0);
    CHECK(n == 2);
}

TEST_CASE("the PDF reader program answers as the qpdf code linked in does, one attachment after another") {
    const std::string bytes = file_bytes(kExamplePdf);
    const std::string other = file_bytes(std::string(BOARDPACK_SOURCE_DIR) +
                                         "/inputs/2023-09-bestyrelsen/05-boerne-og-ungdomspsykiatri/bilag-1.pdf");
    REQUIRE(looks_like_pdf(bytes));
    PdfReader reader(BOARDPACK_QPDF_READER, "");
    for (const std::string* file : {&bytes, &other, &bytes}) {
        std::string why_here, why_there;
        const std::optional<CleanPdf> here = clean_pdf(*file, &why_here);  // linked in: the tests have the qpdf code
        const std::optional<CleanPdf> there = reader.clean(*file, &why_there);
        REQUIRE_MESSAGE(here, why_here);
        REQUIRE_MESSAGE(there, why_there);
        CHECK(there->bytes == here->bytes);
        CHECK(there->pages == here->pages);
        CHECK(there->tagged == here->tagged);
        CHECK(there->removed == here->removed);
        REQUIRE(there->imported->objects.size() == here->imported->objects.size());
        for (size_t i = 0; i < here->imported->objects.size(); ++i) {
            CHECK(there->imported->objects[i].body == here->imported->objects[i].body);
            CHECK(there->imported->objects[i].data == here->imported->objects[i].data);
        }
    }
    // A file it refuses, with the same reason, and the reader goes on with the next.
    std::string why_here, why_there;
    const std::string damaged = bytes.substr(0, bytes.size() / 2);
    CHECK_FALSE(clean_pdf(damaged, &why_here));
    CHECK_FALSE(reader.clean(damaged, &why_there));
    CHECK(why_there == why_here);
    CHECK(reader.clean(other, &why_there));
}

TEST_CASE("the PDF reader sets GnuTLS up whatever the user's environment says: qpdf needs its MD5") {
    // GNUTLS_NO_IMPLICIT_INIT=1 in boardpack's environment made every attachment "cannot be read
    // as a PDF: gnutls: MD5 error".
    ::setenv("GNUTLS_NO_IMPLICIT_INIT", "1", 1);
    PdfReader reader(BOARDPACK_QPDF_READER, "");
    std::string why;
    const bool cleaned = reader.clean(file_bytes(kExamplePdf), &why).has_value();
    ::unsetenv("GNUTLS_NO_IMPLICIT_INIT");
    CHECK_MESSAGE(cleaned, why);
}

TEST_CASE("a reader that cannot start, crashes, takes too long or answers wrongly is named, never believed") {
    const test::TempDir dir;
    const std::string bytes = "%PDF-1.7\n";
    std::string why;
    CHECK_FALSE(PdfReader((dir.path / "not-there").string(), "").clean(bytes, &why));
    CHECK(why.find("cannot be started") != std::string::npos);
    CHECK(why.find("not-there") != std::string::npos);
    CHECK_FALSE(PdfReader("", "", "it is not installed").clean(bytes, &why));
    CHECK(why == "it is not installed");

    CHECK_FALSE(PdfReader(script(dir, "crash", "kill -SEGV $$"), "").clean(bytes, &why));
    CHECK(why.find("stopped on it (signal SEGV)") != std::string::npos);

    CHECK_FALSE(PdfReader(script(dir, "status", "exit 5"), "").clean(bytes, &why));
    CHECK(why.find("ended with status 5") != std::string::npos);

    CHECK_FALSE(PdfReader(script(dir, "slow", "exec sleep 10"), "", "", 1).clean(bytes, &why));
    CHECK(why.find("more than 1 seconds") != std::string::npos);
    // One that does not even read what it is sent (more than the connection holds).
    CHECK_FALSE(PdfReader(script(dir, "deaf", "exec sleep 10"), "", "", 1).clean(std::string(16 << 20, 'x'), &why));
    CHECK(why.find("more than 1 seconds") != std::string::npos);

    // One that closes its output and goes on: it is not waited for past its time.
    CHECK_FALSE(PdfReader(script(dir, "hangs", "exec 1>&- 0<&-; exec sleep 30"), "", "", 1).clean(bytes, &why));
    CHECK(why.find("signal KILL") != std::string::npos);

    // Its length, then something that is no answer.
    CHECK_FALSE(PdfReader(script(dir, "garbage", R"(printf '\005\000\000\000\000\000\000\000BPQ1\001'; exec sleep 10)"), "")
                    .clean(bytes, &why));
    CHECK(why.find("answer cannot be read") != std::string::npos);
    // An answer longer than any answer to these bytes.
    CHECK_FALSE(PdfReader(script(dir, "long", R"(printf '\377\377\377\377\377\377\377\000'; exec sleep 10)"), "")
                    .clean(bytes, &why));
    CHECK(why.find("answered with more than") != std::string::npos);

    // One that ends before it has read what it is sent: the program is not stopped by the
    // broken connection (no SIGPIPE), and says what happened.
    CHECK_FALSE(PdfReader(script(dir, "early", "exit 6"), "").clean(std::string(8 << 20, 'x'), &why));
    CHECK(why.find("ended with status 6") != std::string::npos);

    // The reader gets its input and output, standard error and nothing else of the program's:
    // not a file it has open without O_CLOEXEC.
    const std::string open_file = (dir.path / "open").string();
    const int fd = ::open(open_file.c_str(), O_WRONLY | O_CREAT, 0600);  // no O_CLOEXEC
    REQUIRE(fd >= 0);
    REQUIRE(::dup2(fd, 200) == 200);
    const std::string listing = (dir.path / "fds").string();
    CHECK_FALSE(PdfReader(script(dir, "fds", "ls /proc/$$/fd > " + listing + "; exit 7"), "").clean(bytes, &why));
    ::close(200);
    ::close(fd);
    std::ifstream fds(listing);
    std::string name;
    std::vector<std::string> seen;
    while (fds >> name) seen.push_back(name);
    CHECK(std::find(seen.begin(), seen.end(), "0") != seen.end());
    CHECK(std::find(seen.begin(), seen.end(), "200") == seen.end());

    // After a failure the next attachment starts another reader.
    const std::string flag = (dir.path / "crashed-once").string();
    PdfReader again(script(dir, "once", "if [ -e " + flag + " ]; then exec " + BOARDPACK_QPDF_READER + " ''; fi; touch " + flag +
                                            "; kill -SEGV $$"),
                    "");
    CHECK_FALSE(again.clean(file_bytes(kExamplePdf), &why));
    CHECK(why.find("signal SEGV") != std::string::npos);
    CHECK(again.clean(file_bytes(kExamplePdf), &why));
}

TEST_CASE("a meeting's public and confidential items' attachments go to two readers, never one") {
    const test::TempDir dir;
    const std::string log = (dir.path / "log").string();
    const std::string program = noting_reader(dir, log, false);
    {
        attach::CleanQueue queue(true, [&program] { return std::make_unique<PdfReader>(program, ""); });
        const size_t a = queue.add("%PDF- offentlig-a", false), b = queue.add("%PDF- fortrolig-b", true),
                     c = queue.add("%PDF- offentlig-c", false), d = queue.add("%PDF- fortrolig-d", true);
        for (size_t t : {a, b, c, d}) {
            const Cleaned got = queue.take(t);
            CHECK_FALSE(got.pdf);
            CHECK(got.why == "noted");
        }
    }
    std::ifstream in(log);
    std::map<std::string, std::string> reader_of;  // attachment -> the reader's process
    std::string pid, name;
    while (in >> pid >> name) reader_of[name] = pid;
    REQUIRE(reader_of.size() == 4);
    CHECK(reader_of["offentlig-a"] == reader_of["offentlig-c"]);
    CHECK(reader_of["fortrolig-b"] == reader_of["fortrolig-d"]);
    CHECK(reader_of["offentlig-a"] != reader_of["fortrolig-b"]);
}

TEST_CASE("a reader started early is ready before the first attachment, which goes to it; one that cannot start says so there") {
    const test::TempDir dir;
    const std::string log = (dir.path / "log").string();
    const std::string program = noting_reader(dir, log, true);
    const auto lines = [&log] { return noted(log); };
    {
        attach::CleanQueue queue(true, [&program] { return std::make_unique<PdfReader>(program, ""); });
        queue.start_reader_early();
        // Nothing is queued, and the reader runs.
        wait_for_noted(log, 1);
        REQUIRE(lines().size() == 1);
        CHECK(lines()[0].second == "started");
        const size_t a = queue.add("%PDF- offentlig-a", false), b = queue.add("%PDF- fortrolig-b", true);
        for (size_t t : {a, b}) CHECK(queue.take(t).why == "noted");
    }
    const auto seen = lines();
    REQUIRE(seen.size() == 4);  // two readers started, each read one attachment
    std::map<std::string, std::string> reader_of;
    for (const auto& [pid, what] : seen)
        if (what != "started") reader_of[what] = pid;
    CHECK(reader_of["offentlig-a"] == seen[0].first);  // the one started early
    CHECK(reader_of["fortrolig-b"] != seen[0].first);  // a confidential item's has its own

    // A reader that cannot be started early is tried again at the attachment, which says why.
    attach::CleanQueue missing(true, [&dir] { return std::make_unique<PdfReader>((dir.path / "not-there").string(), ""); });
    missing.start_reader_early();
    const Cleaned got = missing.take(missing.add("%PDF- offentlig-c", false));
    CHECK_FALSE(got.pdf);
    CHECK(got.why.find("cannot be started") != std::string::npos);
}

TEST_CASE("a reader started before the build goes to the first queue that asks, public or confidential; one not taken ends") {
    const test::TempDir dir;
    const std::string log = (dir.path / "log").string();
    const std::string program = noting_reader(dir, log, true);
    const auto lines = [&log] { return noted(log); };
    const auto make = [&program] { return std::make_unique<PdfReader>(program, ""); };
    {
        const attach::EarlyReader early(true, make);
        wait_for_noted(log, 1);  // it runs before anything asks for a reader
        REQUIRE(lines().size() == 1);
        CHECK(lines()[0].second == "started");
        // The queue's readers: the early one if it is waiting, else one of their own.
        attach::CleanQueue queue(true, [&make] {
            std::unique_ptr<PdfReader> waiting = attach::take_early_reader();
            return waiting ? std::move(waiting) : make();
        });
        // A confidential item's attachment asks first: the early reader, which has read nothing,
        // is its; the public item's gets another.
        const size_t b = queue.take(queue.add("%PDF- fortrolig-b", true)).why == "noted" ? 1 : 0;
        const size_t a = queue.take(queue.add("%PDF- offentlig-a", false)).why == "noted" ? 1 : 0;
        CHECK(a + b == 2);
        CHECK_FALSE(attach::take_early_reader());  // handed out once
    }
    const auto seen = lines();
    REQUIRE(seen.size() == 4);
    std::map<std::string, std::string> reader_of;
    for (const auto& [pid, what] : seen)
        if (what != "started") reader_of[what] = pid;
    CHECK(reader_of["fortrolig-b"] == seen[0].first);
    CHECK(reader_of["offentlig-a"] != seen[0].first);

    // One that no queue takes ends with the EarlyReader, and is waited for.
    std::filesystem::remove(log);
    {
        const attach::EarlyReader early(true, make);
        wait_for_noted(log, 1);
    }
    attach::wait_for_ended_readers();
    const auto started = lines();
    REQUIRE(started.size() == 1);
    CHECK(::kill(std::stoi(started[0].first), 0) != 0);
    CHECK_FALSE(attach::take_early_reader());
    // Nothing is started when told not to.
    {
        const attach::EarlyReader early(false, make);
        CHECK_FALSE(attach::take_early_reader());
    }
}

TEST_CASE("a reader is ended without waiting for it, and waited for on a thread of its own, never left behind") {
    const test::TempDir dir;
    const std::string pid_file = (dir.path / "pid").string(), ended = (dir.path / "ended").string();
    // A reader that refuses the one attachment it reads, then takes its time to end once its
    // input has ended (as a reader unloading its libraries does, only longer).
    const std::string program = script(dir, "slow-to-end",
                                       "echo $$ > " + pid_file +
                                           "\n"
                                           "exec /usr/bin/python3 -c \"\n"
                                           "import sys, time\n"
                                           "i, o = sys.stdin.buffer, sys.stdout.buffer\n"
                                           "n = int.from_bytes(i.read(8), 'little'); i.read(n)\n"
                                           "why = b'noted'\n"
                                           "answer = b'BPQ1\\x02' + len(why).to_bytes(8, 'little') + why\n"
                                           "o.write(len(answer).to_bytes(8, 'little') + answer); o.flush()\n"
                                           "i.read()\n"
                                           "time.sleep(2)\n"
                                           "open('" + ended + "', 'w').write('ended')\n"
                                           "\"");
    {
        PdfReader reader(program, "");
        std::string why;
        CHECK_FALSE(reader.clean("%PDF- a", &why));
        CHECK(why == "noted");
    }
    // The destructor closed its input and returned: the reader is still ending.
    CHECK_FALSE(std::filesystem::exists(ended));
    wait_for_ended_readers();
    CHECK(std::filesystem::exists(ended));
    // And it was waited for: no process of that number is left to wait for.
    std::ifstream in(pid_file);
    pid_t pid = 0;
    in >> pid;
    REQUIRE(pid > 0);
    int status = 0;
    CHECK(::waitpid(pid, &status, WNOHANG) == -1);
    CHECK(errno == ECHILD);
}

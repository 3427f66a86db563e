// boardpack-qpdf, the PDF reader: a program of its own that boardpack starts to read its PDF
// attachments (reader_process.hpp). It shuts itself in (core/sandbox.hpp), then takes one
// attachment after another from its standard input (its length, then its bytes), reads, checks
// and cleans each with qpdf (qpdf_clean.cpp) and writes the answer (reader_answer.hpp, its
// length in front) to its standard output, which is the same socket, until its input ends. Its
// one argument is the folder of the message catalogues, so that its reasons are in the user's
// language.
//
// Why a process: qpdf is a large parser of files from outside. In a process of its own, a file
// made to take over the parser finds the attachments it was sent and nothing else: not the
// meeting's text, which boardpack holds in memory, and, shut in, no file, program or network
// either; and a public item's attachments and a confidential item's go to two readers. A file
// that crashes qpdf ends the reader, not the build, which names the file. And qpdf's libraries
// (GnuTLS and seven more) and its memory are never part of boardpack's.
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <string>

#include "attach/qpdf_module.hpp"
#include "attach/reader_answer.hpp"
#include "attach/reader_process.hpp"
#include "core/malloc_tuning.hpp"
#include "core/messages.hpp"
#include "core/sandbox.hpp"
#include "core/sanitizers.hpp"

namespace {

using namespace boardpack;

// The most an attachment may be: far beyond the input's own limit on a file, so that it is
// that limit, in boardpack, that refuses a large file, with its message.
constexpr size_t kMaxRequestBytes = size_t{256} << 20;

// Reads exactly `size` bytes; false if the input ends first.
bool read_exact(int fd, char* out, size_t size) {
    size_t done = 0;
    while (done < size) {
        const ssize_t n = ::read(fd, out + done, size - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        done += static_cast<size_t>(n);
    }
    return true;
}

bool write_all(int fd, const std::string& bytes) {
    size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        done += static_cast<size_t>(n);
    }
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    // Its heap in huge pages, as boardpack's: qpdf's objects were 220 page faults of the
    // example's two attachments, at 10-15 µs each on the machines boardpack is measured on.
    (void)tune_malloc();
    limit_process(attach::kReaderCpuSeconds);
    // Only its input and output, and standard error, whatever it was started with.
    ::close_range(3, ~0u, 0);
    if (argc != 2) {
        std::fprintf(stderr, "boardpack-qpdf: boardpack's PDF reader, started by boardpack; it takes a locale folder\n");
        return 2;
    }
    init_messages(argv[1]);
    // gettext reads the catalogue at the first message it translates: that is done now, while
    // the reader may still open files.
    (void)_("the file is damaged: {}");
    // Shut in before the first byte of an attachment is read. Where the kernel has no filter
    // the reader goes on as a process of its own (the rest above still holds). Not in a build
    // with the sanitizers, whose runtime needs calls the filter refuses (a pipe to probe memory
    // before it reads an object's type, /proc/self/exe to name a stack's frames): the unit tests
    // try the filter there in a process of their own.
    std::string why;
#if !BOARDPACK_SANITIZED
    (void)enter_sandbox(&why);
#endif
    const attach::QpdfModule* qpdf = boardpack_qpdf_module();
    while (true) {
        char length[attach::kLengthBytes];
        if (!read_exact(0, length, sizeof length)) break;  // the input's end: no more attachments
        const uint64_t size = attach::decode_length(length);
        if (size > kMaxRequestBytes) ::_exit(3);
        std::string bytes(static_cast<size_t>(size), '\0');
        if (!read_exact(0, bytes.data(), bytes.size())) ::_exit(3);
        attach::CleanPdf pdf;
        attach::ImportedPdf imported;
        why.clear();
        const std::string answer = qpdf->clean(bytes, &pdf, &imported, &why) ? attach::encode_answer(pdf, imported)
                                                                             : attach::encode_refusal(why);
        if (!write_all(1, attach::encode_length(answer.size())) || !write_all(1, answer)) ::_exit(4);
    }
    // Ended here, without running exit handlers: the answers are all that is wanted of this
    // process, and the sandbox leaves exit handlers little they may do.
    ::_exit(0);
}

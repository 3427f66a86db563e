// PDF attachments read, checked and cleaned by the PDF reader, boardpack-qpdf, a process of its
// own (qpdf_reader_main.cpp says why). An attachment's bytes go to the reader's standard input,
// its answer (reader_answer.hpp) comes back on its standard output, each with its length in
// front (8 bytes, little-endian); the reader takes one attachment after another until its
// input ends.
//
// A build starts one reader for the attachments of its public items and another for those of
// its confidential items (attach/clean_queue.hpp), so a file that took over a reader finds only
// attachments of its own kind: never a confidential item's on the way to a public file.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>

#include "attach/pdf_attachment.hpp"

namespace boardpack::attach {

// How long the reader may take on one attachment before it is stopped: a file made to keep
// qpdf busy ends there (an ordinary one takes milliseconds). And the CPU time a reader may
// take in all, a last resort the kernel enforces if the program could not.
inline constexpr unsigned kReaderSeconds = 60;
// How long a reader may take to end once its input has ended (under valgrind, writing its
// profile takes a moment) before it is killed (or its time for an attachment, if shorter).
inline constexpr unsigned kReaderEndSeconds = 10;
inline constexpr unsigned kReaderCpuSeconds = 3600;

// Waits for every reader ended so far (their destructors do not wait): each ends by itself at
// the end of its input, or is killed after kReaderEndSeconds. Done when the program ends too.
void wait_for_ended_readers();

class PdfReader {
public:
    // The reader `program` (a path) with the message catalogues in `locale_dir`, started at the
    // first attachment; with no program, `missing` says why, for every attachment.
    PdfReader(std::string program, std::string locale_dir, std::string missing = {},
              unsigned seconds = kReaderSeconds);
    // Ends the reader: its input ends, and it with it, waited for on a thread of its own
    // (wait_for_ended_readers).
    ~PdfReader();
    PdfReader(const PdfReader&) = delete;
    PdfReader& operator=(const PdfReader&) = delete;

    // The attachment cleaned, or nullopt with *why set: the reader's reason, or that it could
    // not be started, stopped on the file (a signal: the file crashed it), took too long or
    // answered wrongly. A reader that failed so is ended; the next attachment starts another.
    std::optional<CleanPdf> clean(const std::string& bytes, std::string* why);

    // Starts the reader now, before its first attachment, so that its own start (loading its
    // libraries) is done by the time one comes. A reader that cannot be started is tried again
    // by clean(), which says why at the attachment.
    void start_early();

private:
    bool start(std::string* why);
    // Ends the reader (killed first if `kill`) and says how it ended, in words; empty if well.
    std::string stop(bool kill);

    std::string program_, locale_dir_, missing_;
    unsigned seconds_;
    int socket_ = -1;
    pid_t pid_ = -1;
};

}  // namespace boardpack::attach

// PDF attachments cleaned on a second thread while the rest of the meeting is read: reading,
// checking and cleaning them with qpdf is most of reading a meeting that has them (36 M of the
// example's 60 M instructions), and all of it before either edition can start. The reader takes
// the results back in the order it listed the attachments, so its messages, limits and model are
// the same as if each had been cleaned where it was read. The attachments of public items go to
// one PDF reader process, those of confidential items to another (reader_process.hpp).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "attach/pdf_attachment.hpp"
#include "attach/reader_process.hpp"

namespace boardpack::attach {

// What clean_pdf made of one attachment: the cleaned PDF, or why it cannot be used.
struct Cleaned {
    std::optional<CleanPdf> pdf;
    std::string why;
};

class CleanQueue {
public:
    // Makes a PDF reader process, for a test to give its own; by default new_pdf_reader().
    using ReaderFactory = std::function<std::unique_ptr<PdfReader>()>;

    // With `background` false nothing runs on another thread: each attachment is cleaned when
    // it is taken (one core, or a caller that wants it so). Without `readers`, a program with
    // the qpdf code linked in (the tests) cleans the attachments itself.
    explicit CleanQueue(bool background = true, ReaderFactory readers = {})
        : background_(background), factory_(std::move(readers)) {}
    ~CleanQueue();
    CleanQueue(const CleanQueue&) = delete;
    CleanQueue& operator=(const CleanQueue&) = delete;

    // Queues a PDF's bytes, of a confidential item's attachment or a public one's; returns its
    // ticket (0, 1, ... in the order added).
    size_t add(std::string bytes, bool confidential);

    // Starts the reader of public items' attachments now, before any is queued: a meeting folder
    // that holds PDF files most likely has one, and the reader's own start (loading its 18
    // libraries, some 12 ms) is then done while the items' text is read, not after the first
    // attachment is. Started here, not on the second thread, which may wait for a core as long
    // (the build's other threads have both). Nothing when nothing runs on another thread.
    void start_reader_early();

    // The result for a ticket, each taken once: cleaned here if the second thread has not
    // started it, else waited for, cleaning meanwhile the ones queued after it that it has not
    // started either.
    Cleaned take(size_t ticket);

private:
    enum class State { Queued, Running, Done, Taken };
    struct Job {
        std::string bytes;
        bool confidential = false;
        State state = State::Queued;
        Cleaned result;
    };
    // A reader process, used by one thread at a time.
    struct Reader {
        std::mutex mutex;
        std::unique_ptr<PdfReader> process;  // started with the first attachment it reads
    };
    void clean(Job& job);
    void work();
    // The reader for a public or a confidential item's attachments, made if it is not yet.
    PdfReader& reader_for(bool confidential);

    bool background_;
    ReaderFactory factory_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Job> jobs_;  // a deque: a job is never moved while it is being cleaned
    size_t next_ = 0;       // the first job the second thread has not looked at
    bool stopping_ = false;
    Reader readers_[2];  // for public items' attachments, and for confidential items'
    std::thread worker_;  // last: it is joined before the readers end
};

}  // namespace boardpack::attach

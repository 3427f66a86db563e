#include "attach/clean_queue.hpp"

#include "core/fingerprint.hpp"

namespace boardpack::attach {

CleanQueue::~CleanQueue() {
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    if (worker_.joinable()) worker_.join();
}

PdfReader& CleanQueue::reader_for(bool confidential) {
    Reader& reader = readers_[confidential ? 1 : 0];
    if (!reader.process) reader.process = factory_ ? factory_() : new_pdf_reader();
    return *reader.process;
}

void CleanQueue::clean(Job& job) {
    if (!factory_ && qpdf_linked_in()) {
        job.result.pdf = clean_pdf(job.bytes, &job.result.why);
    } else {
        // A public item's attachment never goes to the reader of a confidential item's, nor the
        // other way (reader_process.hpp).
        const std::lock_guard<std::mutex> lock(readers_[job.confidential ? 1 : 0].mutex);
        job.result.pdf = clean_pdf(job.bytes, &job.result.why, &reader_for(job.confidential));
    }
    // What each edition's snapshot records of the file, made here, beside the reading.
    if (job.result.pdf) job.result.pdf->fingerprint = fingerprint(job.result.pdf->bytes);
    std::string().swap(job.bytes);  // the cleaned copy is what is kept
}

size_t CleanQueue::add(std::string bytes, bool confidential) {
    size_t ticket = 0;
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        ticket = jobs_.size();
        jobs_.push_back(Job{std::move(bytes), confidential, State::Queued, {}});
        // The second thread starts the PDF reader and waits for its answers while this one
        // reads on.
        if (background_ && !worker_.joinable()) worker_ = std::thread(&CleanQueue::work, this);
    }
    changed_.notify_all();
    return ticket;
}

void CleanQueue::start_reader_early() {
    if (!background_ || (!factory_ && qpdf_linked_in())) return;
    const std::lock_guard<std::mutex> lock(readers_[0].mutex);
    reader_for(false).start_early();
}

void CleanQueue::work() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (true) {
        changed_.wait(lock, [this] { return stopping_ || next_ < jobs_.size(); });
        if (stopping_) return;
        Job& job = jobs_[next_++];
        if (job.state != State::Queued) continue;  // the reader took it first
        job.state = State::Running;
        lock.unlock();
        clean(job);
        lock.lock();
        job.state = State::Done;
        changed_.notify_all();
    }
}

Cleaned CleanQueue::take(size_t ticket) {
    std::unique_lock<std::mutex> lock(mutex_);
    Job& job = jobs_.at(ticket);
    if (job.state == State::Taken) return {};  // taken before: nothing is left
    // While the second thread cleans this one, the taker cleans those still queued after it
    // (a meeting with many PDF attachments is cleaned on both cores), then waits.
    while (job.state != State::Done) {
        Job* next = job.state == State::Queued ? &job : nullptr;
        for (size_t k = ticket + 1; !next && k < jobs_.size(); ++k)
            if (jobs_[k].state == State::Queued) next = &jobs_[k];
        if (!next) {
            changed_.wait(lock);
            continue;
        }
        next->state = State::Running;
        lock.unlock();
        clean(*next);
        lock.lock();
        next->state = State::Done;
        changed_.notify_all();
    }
    job.state = State::Taken;
    return std::move(job.result);
}

}  // namespace boardpack::attach

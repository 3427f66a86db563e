// Diagnostics: where a problem is, what it is, and a sink that collects them.
#pragma once

#include <atomic>
#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace boardpack {

// A file's name as messages give it, one copy shared by every place in the file: a meeting's
// model holds a place for each block, inline and cell, and the name, some 40-60 bytes, was a
// string of its own in each (at ten times the example's size some 1 MB, and an allocation per
// copy), and a place is 16 bytes. Read it as a std::string.
class FileName {
public:
    FileName() = default;
    FileName(std::string name) : shared_(name.empty() ? nullptr : new Shared{{1}, std::move(name)}) {}
    FileName(const char* name) : FileName(std::string(name)) {}
    FileName(std::string_view name) : FileName(std::string(name)) {}
    FileName(const FileName& o) noexcept : shared_(o.shared_) {
        if (shared_) shared_->refs.fetch_add(1, std::memory_order_relaxed);
    }
    FileName(FileName&& o) noexcept : shared_(o.shared_) { o.shared_ = nullptr; }
    FileName& operator=(FileName o) noexcept {
        std::swap(shared_, o.shared_);
        return *this;
    }
    ~FileName() {
        if (shared_ && shared_->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) delete shared_;
    }

    const std::string& str() const { return shared_ ? shared_->name : empty_name(); }
    operator const std::string&() const { return str(); }
    bool empty() const { return !shared_; }
    const char* c_str() const { return str().c_str(); }

    friend bool operator==(const FileName& a, const FileName& b) { return a.shared_ == b.shared_ || a.str() == b.str(); }
    friend bool operator==(const FileName& a, const std::string& b) { return a.str() == b; }
    friend bool operator==(const FileName& a, const char* b) { return a.str() == b; }
    friend bool operator<(const FileName& a, const FileName& b) { return a.str() < b.str(); }
    friend std::string operator+(const FileName& a, const std::string& b) { return a.str() + b; }
    friend std::string operator+(const FileName& a, const char* b) { return a.str() + b; }
    friend std::string operator+(const std::string& a, const FileName& b) { return a + b.str(); }
    friend std::string operator+(const char* a, const FileName& b) { return a + b.str(); }

private:
    static const std::string& empty_name() {
        static const std::string none;
        return none;
    }
    // The name and how many places share it: one pointer a place, where a shared_ptr is two
    // (a meeting's model holds some 25.000 places at ten times the example).
    struct Shared {
        std::atomic<long> refs;
        std::string name;
    };
    Shared* shared_ = nullptr;
};

// A position in an input file; line and column are 1-based, 0 means "unknown".
struct SourceLoc {
    FileName file;
    int line = 0;
    int column = 0;
    // The same place: line and column first, the file's name only if they agree.
    friend bool operator==(const SourceLoc& a, const SourceLoc& b) {
        return a.line == b.line && a.column == b.column && a.file == b.file;
    }
};
static_assert(sizeof(SourceLoc) == 16);

// A note informs (a file read as Windows-1252, errors that follow from one above); it is never
// counted as a problem, and --strict leaves it a note.
enum class Severity { Note, Warning, Error };

// One problem found in the input, with the source line it points into (if any).
struct Diagnostic {
    Severity severity = Severity::Error;
    SourceLoc loc;
    std::string message;
    std::string source_line;  // the text of loc.line, for the context line and caret
};

// How many messages of one kind (same file, same wording apart from quoted text and numbers)
// are kept; the rest are counted and summed up in one line, so a table of 20.000 bad cells
// gives a readable report and does not hold 20.000 copies of its lines in memory.
inline constexpr int kMaxMessagesOfOneKind = 20;

// Collects diagnostics from every stage, so a run reports all problems, not only the first.
class Diagnostics {
public:
    void error(SourceLoc loc, std::string message, std::string source_line = {});
    void warning(SourceLoc loc, std::string message, std::string source_line = {});
    void note(SourceLoc loc, std::string message, std::string source_line = {});
    void add(Diagnostic d);

    bool has_errors() const { return errors_ > 0; }
    int error_count() const { return errors_; }
    int warning_count() const { return total_ - errors_ - notes_; }
    int note_count() const { return notes_; }

    // One cause, one error: a problem at `loc` that only follows from the kept message `root`
    // (an index from size() or root_since) is not shown but counted in one note under the root.
    void follow_on(size_t root, const SourceLoc& loc);
    // Records that the file `name` (as messages name it) was read, in reading order: all() lists
    // messages by file in that order, then by line and column, whichever stage found them.
    void saw_file(const std::string& name);

    // Number of kept messages so far (an index for follow_on).
    size_t size() const { return all_.size(); }
    // The message that caused the problems reported from `since` on: the first error kept since
    // then, or the root of a follow-on counted since then; nullopt if neither.
    std::optional<size_t> root_since(size_t since, int follow_ons_before) const;
    int follow_on_count() const { return follow_ons_; }
    // The kept messages in file order (files in the order they were read, then line and column;
    // messages about no file first); after the last kept one of a kind that was cut, one line
    // says how many more of that kind there were ("… and 19.876 more like this"), and under a
    // message with follow-ons, one note counts them.
    std::vector<Diagnostic> all() const;

    // Turns every warning into an error (the --strict switch).
    void set_warnings_are_errors(bool on) { warnings_are_errors_ = on; }

private:
    // Messages of one kind seen so far, and where the last kept one is in all_.
    struct KindCount {
        int seen = 0;
        size_t last_kept = 0;
    };
    std::vector<Diagnostic> all_;
    std::map<std::string, KindCount> kinds_;
    std::map<std::string, size_t> file_rank_;  // by file name: its place in reading order
    // Follow-on messages not shown, by their root: how many, and where the first one was.
    struct FollowOns {
        int count = 0;
        SourceLoc first;
    };
    std::map<size_t, FollowOns> follow_ons_by_root_;
    size_t last_follow_on_root_ = 0;
    int follow_ons_ = 0;
    int total_ = 0;
    int errors_ = 0;
    int notes_ = 0;
    bool warnings_are_errors_ = false;
};

// GNU style: "file:line:col: error: message", then the source line and a caret. With `color`,
// the position is bold and the kind coloured as GCC does (error red, warning magenta, note
// cyan), for a terminal; the text is the same.
std::string format_diagnostic(const Diagnostic& d, bool color = false);

}  // namespace boardpack

// Diagnostics: where a problem is, what it is, and a sink that collects them.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace boardpack {

// A position in an input file; line and column are 1-based, 0 means "unknown".
struct SourceLoc {
    std::string file;
    int line = 0;
    int column = 0;
};

enum class Severity { Warning, Error };

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
    void add(Diagnostic d);

    bool has_errors() const { return errors_ > 0; }
    int error_count() const { return errors_; }
    int warning_count() const { return total_ - errors_; }
    // The kept messages in the order reported; after the last kept one of a kind that was cut,
    // one line says how many more of that kind there were ("… and 19.876 more like this").
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
    int total_ = 0;
    int errors_ = 0;
    bool warnings_are_errors_ = false;
};

// GNU style: "file:line:col: error: message", then the source line and a caret.
std::string format_diagnostic(const Diagnostic& d);

}  // namespace boardpack

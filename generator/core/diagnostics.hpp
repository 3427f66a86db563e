// Diagnostics: where a problem is, what it is, and a sink that collects them.
#pragma once

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

// Collects diagnostics from every stage, so a run reports all problems, not only the first.
class Diagnostics {
public:
    void error(SourceLoc loc, std::string message, std::string source_line = {});
    void warning(SourceLoc loc, std::string message, std::string source_line = {});
    void add(Diagnostic d);

    bool has_errors() const { return errors_ > 0; }
    int error_count() const { return errors_; }
    int warning_count() const { return static_cast<int>(all_.size()) - errors_; }
    const std::vector<Diagnostic>& all() const { return all_; }

    // Turns every warning into an error (the --strict switch).
    void set_warnings_are_errors(bool on) { warnings_are_errors_ = on; }

private:
    std::vector<Diagnostic> all_;
    int errors_ = 0;
    bool warnings_are_errors_ = false;
};

// GNU style: "file:line:col: error: message", then the source line and a caret.
std::string format_diagnostic(const Diagnostic& d);

}  // namespace boardpack

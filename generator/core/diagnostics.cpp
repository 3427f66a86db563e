#include "core/diagnostics.hpp"

#include "core/text.hpp"

namespace boardpack {

void Diagnostics::error(SourceLoc loc, std::string message, std::string source_line) {
    add({Severity::Error, std::move(loc), std::move(message), std::move(source_line)});
}

void Diagnostics::warning(SourceLoc loc, std::string message, std::string source_line) {
    add({Severity::Warning, std::move(loc), std::move(message), std::move(source_line)});
}

void Diagnostics::add(Diagnostic d) {
    if (warnings_are_errors_) d.severity = Severity::Error;
    if (d.severity == Severity::Error) ++errors_;
    all_.push_back(std::move(d));
}

std::string format_diagnostic(const Diagnostic& d) {
    // Input reaches messages in file names and echoed text: characters that would reorder or
    // hide the terminal line ("Trojan Source") are shown escaped, wherever they come from.
    std::string out = escape_for_messages(d.loc.file);
    if (d.loc.line > 0) {
        out += ':' + std::to_string(d.loc.line);
        if (d.loc.column > 0) out += ':' + std::to_string(d.loc.column);
    }
    if (!out.empty()) out += ": ";
    out += d.severity == Severity::Error ? "error: " : "warning: ";
    out += escape_for_messages(d.message);
    out += '\n';
    if (!d.source_line.empty() && d.loc.column > 0) {
        // Show the line (cut to a readable width around the column) and a caret under the column.
        const std::string shown = printable_excerpt(d.source_line, d.loc.column, 100);
        const int caret_col = excerpt_column(d.source_line, d.loc.column, 100);
        out += "  " + shown + '\n';
        out += "  " + std::string(static_cast<size_t>(caret_col - 1), ' ') + "^\n";
    }
    return out;
}

}  // namespace boardpack

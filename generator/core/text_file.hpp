// Loading an input text file: checks it is UTF-8 text a person wrote, not binary, not
// Windows-1252, without absurdly long lines, and reports the first problem with its position.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/input_files.hpp"
#include "core/text.hpp"

namespace boardpack {

// Longest line boardpack accepts in an input file (documented in the README).
inline constexpr size_t kMaxLineBytes = 64u * 1024u;

// Limits on one meeting's input taken together (documented in the README; the one on bytes is
// kMaxMeetingBytes, counted as files are read in core/input_files.hpp). They are set so
// that a meeting at every limit is built in a few seconds and a few hundred MiB, far beyond
// what a board packet holds (a packet of 4 MiB of text runs to more than 1.000 pages).
inline constexpr size_t kMaxMeetingTableCells = 40000;          // all CSV tables together
inline constexpr size_t kMaxMeetingMarkdownParts = 200000;      // paragraphs, list items, emphasis, ...
inline constexpr size_t kMaxMeetingItems = 500;                 // agenda items (each starts a page)
inline constexpr size_t kMaxMeetingAttachments = 2000;          // "bilag:" lines (each with a file starts a page)

// Adds `amount` to one of the meeting's totals; when that takes it over `limit`, reports it at
// `at` (naming the limit and what it counts) and returns false. Once over, it returns false
// without a further message, so one message is given, not one per file.
bool count_for_meeting(ReadTotals& totals, size_t ReadTotals::*total, size_t amount, size_t limit, const char* what,
                       const SourceLoc& at, Diagnostics& diags);

// A validated input file. `content` has the BOM removed; `lines` point into `content`.
struct TextFile {
    std::string relative;  // name relative to the meeting folder
    FileName name;         // name for messages
    std::string content;
    std::vector<Line> lines;

    SourceLoc loc(int line, int column = 0) const { return {name, line, column}; }
    // The text of a 1-based line, or "" when out of range.
    std::string line_text(int line) const;
    // The same without a copy, for callers that report only now and then.
    std::string_view line_view(int line) const;

    TextFile() = default;
    TextFile(const TextFile& other) { *this = other; }
    TextFile& operator=(const TextFile& other);
    // Takes the other's text over, its lines pointing into it still: a file is read, checked and
    // handed on without its text copied and split again.
    TextFile(TextFile&& other) noexcept { *this = std::move(other); }
    TextFile& operator=(TextFile&& other) noexcept;
};

// Reads and validates a text file; on any problem reports it and returns nullopt. When the file
// was named in another file, `referenced_from` is where, and a missing file is reported there.
std::optional<TextFile> load_text_file(const InputFiles& files, const std::string& relative,
                                       Diagnostics& diags, const SourceLoc& referenced_from = {});

// Validates text already in memory (used by load_text_file and by tests).
std::optional<TextFile> make_text_file(std::string relative, std::string name, std::string content,
                                       Diagnostics& diags);

}  // namespace boardpack

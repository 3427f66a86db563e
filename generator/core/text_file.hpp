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

// A validated input file. `content` has the BOM removed; `lines` point into `content`.
struct TextFile {
    std::string relative;  // name relative to the meeting folder
    std::string name;      // name for messages
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
};

// Reads and validates a text file; on any problem reports it and returns nullopt. When the file
// was named in another file, `referenced_from` is where, and a missing file is reported there.
std::optional<TextFile> load_text_file(const InputFiles& files, const std::string& relative,
                                       Diagnostics& diags, const SourceLoc& referenced_from = {});

// Validates text already in memory (used by load_text_file and by tests).
std::optional<TextFile> make_text_file(std::string relative, std::string name, std::string content,
                                       Diagnostics& diags);

}  // namespace boardpack

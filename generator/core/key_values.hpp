// "key: value" lines, as in meeting.txt, the header of item.md and ```tabel blocks.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/text_file.hpp"

namespace boardpack {

// One "key: value" line; the key is lower-cased, the value trimmed.
struct KeyValue {
    std::string key;
    std::string value;
    SourceLoc loc;        // the key
    SourceLoc value_loc;  // the value's first character
    std::string line;     // the whole line, for context in messages
};

// Parses lines [first, last) of a file (1-based, inclusive first, exclusive last). Blank lines
// and lines starting with '#' are skipped; other lines without ':' are reported.
std::vector<KeyValue> parse_key_values(const TextFile& file, int first, int last, Diagnostics& diags);

// Like parse_key_values, for text that lies inside a file at a known position (a fenced block):
// `first_line` is the file line of the text's first line, `column_offset` is added to columns.
std::vector<KeyValue> parse_key_values(const std::string& text, const FileName& file_name,
                                       int first_line, int column_offset, Diagnostics& diags);

// Checks the keys against a list of allowed ones: unknown keys, repeats of single keys and
// missing required keys are reported.
struct KeySpec {
    const char* key;
    bool required;
    bool repeatable;
};
void check_keys(const std::vector<KeyValue>& entries, const std::vector<KeySpec>& spec,
                const SourceLoc& where, const std::string& what, Diagnostics& diags);

// The first value of a key, or nullptr.
const KeyValue* find_key(const std::vector<KeyValue>& entries, const std::string& key);

}  // namespace boardpack

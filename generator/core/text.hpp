// UTF-8 text helpers shared by the readers: validation, lines, trimming, columns, case folding.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace boardpack {

// Offset of the first byte that is not valid UTF-8, or npos when the text is valid.
size_t find_invalid_utf8(std::string_view text);

// The byte offset of the first control character in valid UTF-8 text (U+0001-U+001F but tab,
// line feed and carriage return; U+007F; U+0080-U+009F), or npos. Such a character shows as
// nothing, or as a box, and some mean something to a terminal or to boardpack's own files.
size_t find_control_character(std::string_view text);

// True when the text is valid UTF-8 without a control character: find_invalid_utf8 and
// find_control_character would both give npos. One walk for the two, for text that is clean.
bool is_clean_text(std::string_view text);

// "U+001B": a code point as it is named in messages.
std::string code_point_name(char32_t cp);
// The name of the control character find_control_character() found at `at` in `text`.
std::string control_character_name(std::string_view text, size_t at);

// The text without a leading UTF-8 byte order mark.
std::string_view strip_bom(std::string_view text);

// Decodes valid UTF-8 into code points (invalid bytes become U+FFFD).
std::u32string decode_utf8(std::string_view text);
// The code point at `i` as decode_utf8 decodes it (U+FFFD for an invalid byte), moving `i`
// past it: for walking text without building a u32string. An ASCII byte, most of every text, is
// taken here, without a call (the PDF writer walks every character it prints so).
char32_t next_utf8_sequence(std::string_view text, size_t& i);
inline char32_t next_utf8(std::string_view text, size_t& i) {
    if (const auto b = static_cast<unsigned char>(text[i]); b < 0x80) {
        ++i;
        return b;
    }
    return next_utf8_sequence(text, i);
}
void append_utf8(std::string& out, char32_t cp);

// Number of code points in a valid UTF-8 string.
size_t utf8_length(std::string_view text);

// The text if it has at most `max_chars` characters, else its first max_chars - 1 and "…".
std::string shortened(std::string_view text, size_t max_chars);

// 1-based column (in characters) of a byte offset within a line.
int column_of(std::string_view line, size_t byte_offset);

// A line of a file, with its 1-based number. Text excludes the line end (LF or CRLF).
struct Line {
    int number;
    std::string_view text;
};
std::vector<Line> split_lines(std::string_view text);

std::string_view trim(std::string_view s);
bool starts_with(std::string_view s, std::string_view prefix);
// `s` with its first letter a capital, if it is an ASCII letter ("sted" -> "Sted").
std::string capitalized(std::string s);

// Lower-cases ASCII and the Danish/Latin-1 letters (Æ Ø Å É ...) and collapses runs of white
// space to one space, for matching labels written by people.
std::string fold_label(std::string_view s);
// fold_label written into `out`, which has room for kFoldGrowth bytes a byte of `s` (a byte that
// is no UTF-8 becomes U+FFFD, three bytes); gives the length written.
inline constexpr size_t kFoldGrowth = 3;
size_t fold_label_into(std::string_view s, char* out);

// Characters that act on a terminal instead of showing (controls, bidirectional overrides as in
// "Trojan Source", invisible ones); messages show them escaped, e.g. "<U+202E>".
bool hidden_in_messages(char32_t cp);

// The text with every hidden_in_messages character escaped as "<U+XXXX>".
std::string escape_for_messages(std::string_view text);

// For diagnostics: a line cut to at most `width` characters around a 1-based column, tabs shown
// as spaces and other hidden characters escaped; and the column of the same character inside
// that excerpt (counting the escapes before it).
std::string printable_excerpt(std::string_view line, int column, int width);
int excerpt_column(std::string_view line, int column, int width);

// Quotes a piece of input for a message: "text", shortened to 60 characters, line breaks and
// tabs as spaces, hidden characters escaped.
std::string quote_text(std::string_view text);

// A text of the packet's wording (templates/wording.txt) with each {name} replaced by its value:
// "Figur {nummer}: {titel}". A {name} without a value stays as written.
std::string fill_in(std::string_view text, const std::map<std::string, std::string>& values);

}  // namespace boardpack

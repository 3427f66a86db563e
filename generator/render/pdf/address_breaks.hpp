// Where a line may break inside an address: a web address ("https://", "http://", "www."), a
// mail address ("mailto:"), or a long word of ASCII path characters with a slash, backslash or
// underscore in it (a path or file name, a web address without its "https://"). Such a word is
// often wider than a table column or a line, and a reader does not expect it whole: it breaks
// as addresses are broken in print (Chicago): after a slash, before other punctuation ("?",
// "&", "=", "-", ".", "_", ...), never with a hyphen added. A number or case number inside it
// ("2023-24", "EMN-2022-01548", "1.250") stays whole, as in running text.
#pragma once

#include <string_view>
#include <vector>

namespace boardpack::render::pdf {

// Whether `word` (a run of text without spaces; brackets, quotes and sentence punctuation
// around it allowed) is an address. If so, breaks is given word.size() + 1 entries, set for
// each byte a line may break before and for no other. Any other word leaves breaks untouched.
bool address_breaks(std::string_view word, std::vector<char>& breaks);

// A path-like word without a scheme is an address from this length on (bytes): shorter ones
// ("og/eller", "2023/24", "S:/Bilag") fit a column as they are.
inline constexpr size_t kLongPath = 30;

// Whether a word may begin with a scheme: with a scheme's letter, or a bracket or quote before one.
inline bool may_begin_with_scheme(char first) {
    switch (first) {
        case 'h': case 'H': case 'w': case 'W': case 'm': case 'M': case 'f': case 'F':
        case '(': case '[': case '{': case '<': case '"': case '\'':
            return true;
        default:
            return false;
    }
}

// Whether a word of `bytes` bytes that begins with byte `first` could be an address at all: as
// long as a path, or beginning as a scheme does. Most words are ruled out so, without being put
// together and read whole.
inline bool may_be_address(char first, size_t bytes) { return bytes >= kLongPath || may_begin_with_scheme(first); }

}  // namespace boardpack::render::pdf

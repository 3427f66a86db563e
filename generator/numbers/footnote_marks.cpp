#include "numbers/footnote_marks.hpp"

#include "core/text.hpp"

namespace boardpack::calc {

namespace {

// The length of the mark `t` ends with (a "*", or the UTF-8 bytes of a superscript digit or a
// dagger); 0 if it ends with none.
size_t mark_at_end(std::string_view t) {
    if (t.empty()) return 0;
    if (t.back() == '*') return 1;
    if (static_cast<unsigned char>(t.back()) < 0x80) return 0;  // a digit, a letter, "%", ".": most cells
    const auto ends = [&t](std::string_view bytes) { return t.size() >= bytes.size() && t.substr(t.size() - bytes.size()) == bytes; };
    // ¹ ² ³ (Latin-1), ⁰ ⁴-⁹ (superscripts), † ‡.
    for (const std::string_view two : {"\xC2\xB9", "\xC2\xB2", "\xC2\xB3"})
        if (ends(two)) return 2;
    for (const std::string_view three : {"\xE2\x81\xB0", "\xE2\x81\xB4", "\xE2\x81\xB5", "\xE2\x81\xB6", "\xE2\x81\xB7",
                                         "\xE2\x81\xB8", "\xE2\x81\xB9", "\xE2\x80\xA0", "\xE2\x80\xA1"})
        if (ends(three)) return 3;
    return 0;
}

}  // namespace

std::string_view without_footnote_marks(std::string_view text, std::string* marks) {
    std::string_view t = trim(text);
    std::string found;  // last mark first
    for (size_t n = mark_at_end(t); n > 0; n = mark_at_end(t)) {
        found.insert(0, t.substr(t.size() - n));
        t = trim(t.substr(0, t.size() - n));
    }
    if (marks) *marks = std::move(found);
    return t;
}

std::string with_footnote_marks(std::string figure, std::string_view marks) {
    if (marks.empty()) return figure;
    // A space before the marks where they start with a "*": "3.000 *", "3.000 *¹".
    if (marks.front() == '*') figure += ' ';
    figure += marks;
    return figure;
}

}  // namespace boardpack::calc

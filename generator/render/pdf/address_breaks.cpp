#include "render/pdf/address_breaks.hpp"

#include <array>

namespace boardpack::render::pdf {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool is_lead(char c) { return c == '(' || c == '[' || c == '{' || c == '<' || c == '"' || c == '\''; }
bool is_trail(char c) {
    return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' || c == ']' || c == '}' ||
           c == '>' || c == '"' || c == '\'';
}

// Characters of an address other than letters and digits (RFC 3986's, and a backslash).
bool is_address_mark(char c) {
    constexpr std::string_view kMarks = "-._~:/?#[]@!$&'()*+,;=%\\";
    return kMarks.find(c) != std::string_view::npos;
}

// Punctuation a line may break before.
bool breaks_before(char c) {
    return c == '?' || c == '&' || c == '=' || c == '-' || c == '.' || c == '_' || c == '#' || c == '~' ||
           c == '%' || c == '@' || c == ',' || c == '+';
}

bool is_slash(char c) { return c == '/' || c == '\\'; }

// The length of a scheme the word starts with ("https://", "www."), compared without case; 0 if none.
size_t scheme_length(std::string_view w) {
    if (w.empty() || !may_begin_with_scheme(w[0])) return 0;
    constexpr std::array<std::string_view, 5> kSchemes = {"https://", "http://", "www.", "mailto:", "ftp://"};
    for (const std::string_view s : kSchemes) {
        if (w.size() <= s.size()) continue;
        bool same = true;
        for (size_t i = 0; i < s.size() && same; ++i) same = lower(w[i]) == s[i];
        if (same) return s.size();
    }
    return 0;
}

// A long word of ASCII address characters with a letter and a slash, backslash or underscore.
bool is_path(std::string_view w) {
    if (w.size() < kLongPath) return false;
    bool letter = false, separator = false;
    for (const char c : w) {
        if (is_letter(c)) letter = true;
        else if (is_slash(c) || c == '_') separator = true;
        else if (!is_digit(c) && !is_address_mark(c)) return false;  // a space, a Danish letter: prose
    }
    return letter && separator;
}

}  // namespace

bool address_breaks(std::string_view word, std::vector<char>& breaks) {
    // The address without brackets, quotes and a sentence's punctuation around it: no line
    // starts with the ")." after it.
    size_t begin = 0, end = word.size();
    while (begin < end && is_lead(word[begin])) ++begin;
    while (end > begin && is_trail(word[end - 1])) --end;
    const std::string_view core = word.substr(begin, end - begin);
    const size_t scheme = scheme_length(core);
    if (scheme == 0 && !is_path(core)) return false;
    // Not broken inside the scheme ("https:" "//"), nor in "www." and the name after it
    // ("https://www.sundhed"): no line starts with ".sundhed" after a "www" alone.
    size_t whole = scheme;
    if (scheme > 4 && core[scheme - 1] == '/' && scheme_length(core.substr(scheme)) == 4) whole += 4;
    breaks.assign(word.size() + 1, 0);
    for (size_t i = begin + (whole > 0 ? whole : 1); i < end; ++i) {
        const char before = word[i - 1], c = word[i];
        const bool at_number = i + 1 < end && is_digit(word[i + 1]) && (c == '-' || c == '.' || c == ',');
        if (is_slash(before) && !is_slash(c)) breaks[i] = 1;  // after "/" or "//", not between them
        else if (breaks_before(c) && !breaks_before(before) && !is_slash(before) && !at_number) breaks[i] = 1;
    }
    // After "https://" and "mailto:", as after a slash ("www." stays with the name after it).
    if (scheme > 0 && (core[scheme - 1] == ':' || core[scheme - 1] == '/') && begin + scheme < end) breaks[begin + scheme] = 1;
    return true;
}

}  // namespace boardpack::render::pdf

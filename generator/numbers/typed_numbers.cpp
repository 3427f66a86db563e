#include "numbers/typed_numbers.hpp"

#include <cstdint>

#include "core/text.hpp"
#include "core/word_bytes.hpp"

namespace boardpack {

namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }

// Where the character that ends at byte `end` of `t` starts (0 at the text's start).
size_t start_before(std::string_view t, size_t end) {
    size_t start = end;
    while (start > 0 && (static_cast<unsigned char>(t[start - 1]) & 0xC0) == 0x80) --start;
    return start > 0 ? start - 1 : 0;
}

// The character at byte `at`, or the one that ends at byte `end`.
char32_t code_point_at(std::string_view t, size_t at) { return next_utf8(t, at); }
char32_t code_point_before(std::string_view t, size_t end) { return code_point_at(t, start_before(t, end)); }

// Space (no-break and thin ones too) and quotation marks: what may stand beside a number that
// is a word of its own.
bool space_or_quote(char32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x2009 || c == 0x202F || c == '"' ||
           c == '\'' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x2018 || c == 0x2019 || c == 0xAB || c == 0xBB;
}

bool sign(char32_t c) { return c == '-' || c == '+' || c == 0x2212 || c == 0x2013; }

// Whether a number may start after what ends at byte `at`: the text's start, a space, a quote,
// an opening bracket, or a sign that itself stands after one of those.
bool starts_word(std::string_view t, size_t at) {
    if (at == 0) return true;
    const char32_t before = code_point_before(t, at);
    if (space_or_quote(before) || before == '(' || before == '[') return true;
    if (!sign(before)) return false;
    const size_t sign_start = start_before(t, at);
    if (sign_start == 0) return true;
    const char32_t first = code_point_before(t, sign_start);
    return space_or_quote(first) || first == '(' || first == '[';
}

// Whether a number may end before byte `at`: the text's end, a space or quote, or punctuation
// that closes a clause, a bracket or a share ("%"), or a footnote mark.
bool ends_word(std::string_view t, size_t at) {
    if (at >= t.size()) return true;
    const char32_t after = code_point_at(t, at);
    if (space_or_quote(after)) return true;
    switch (after) {
        case ')': case ']': case ';': case '!': case '?': case '%': case '*': return true;
        default: return false;
    }
}

// The digits of a Danish number without its thousands points, its decimals without trailing
// zeros ("12,50" -> "12,5", "100,0" -> "100"); "" if `s` (digits, points and commas, no sign)
// is no well-formed Danish number (points in groups of three, one decimal comma).
std::string key_of(std::string_view s) {
    const size_t comma = s.find(',');
    const std::string_view whole = s.substr(0, comma);
    const std::string_view decimals = comma == std::string_view::npos ? std::string_view() : s.substr(comma + 1);
    if (whole.empty() || (comma != std::string_view::npos && decimals.empty())) return "";
    for (const char c : decimals)
        if (!digit(c)) return "";
    std::string out;
    const size_t first_point = whole.find('.');
    if (first_point == std::string_view::npos) {
        for (const char c : whole)
            if (!digit(c)) return "";
        out = whole;
    } else {
        // 1-3 digits, then groups of a point and three digits.
        if (first_point == 0 || first_point > 3) return "";
        for (size_t k = 0; k < whole.size(); ++k) {
            const bool point_here = k >= first_point && (k - first_point) % 4 == 0;
            if (point_here ? whole[k] != '.' : !digit(whole[k])) return "";
            if (!point_here) out += whole[k];
        }
        if ((whole.size() - first_point) % 4 != 0) return "";
    }
    std::string_view kept = decimals;
    while (!kept.empty() && kept.back() == '0') kept.remove_suffix(1);
    if (!kept.empty()) {
        out += ',';
        out += kept;
    }
    return out;
}

// Three significant digits or more, and not a year.
bool distinctive(std::string_view key, bool points) {
    if (!points && key.size() == 4 && key.find(',') == std::string_view::npos && (key.substr(0, 2) == "19" || key.substr(0, 2) == "20"))
        return false;
    size_t first = 0, last = key.size();
    while (first < last && (key[first] == '0' || key[first] == ',')) ++first;
    while (last > first && (key[last - 1] == '0' || key[last - 1] == ',')) --last;
    size_t digits = 0;
    for (size_t k = first; k < last; ++k) digits += digit(key[k]) ? 1 : 0;
    return digits >= 3;
}

}  // namespace

std::vector<TypedNumberToken> typed_numbers_in(std::string_view text) {
    std::vector<TypedNumberToken> out;
    for (size_t i = 0; i < text.size();) {
        // Eight bytes at once past words without a digit or a brace: most of a text.
        if (text.size() - i >= 8) {
            const uint64_t w = word_bytes::at(text.data() + i);
            if (!word_bytes::has_byte_between(w, '0' - 1, '9' + 1) && !word_bytes::has_byte(w, '{')) {
                i += 8;
                continue;
            }
        }
        const char c = text[i];
        if (c == '{') {  // a figure: its formula is no typed number
            const size_t close = text.find('}', i);
            if (close == std::string_view::npos) break;
            i = close + 1;
            continue;
        }
        if (!digit(c)) {
            ++i;
            continue;
        }
        size_t end = i;
        while (end < text.size() && (digit(text[end]) || text[end] == '.' || text[end] == ',')) ++end;
        const size_t next = end;  // past the digits, points and commas ("A380", "EMN-2023" as a whole)
        while (end > i && (text[end - 1] == '.' || text[end - 1] == ',')) --end;  // a sentence's stop or comma
        // "1.250,-": kroner written with a dash for no øre.
        const bool dash_for_ore = next == end + 1 && text[end] == ',' && next < text.size() && text[next] == '-' &&
                                  ends_word(text, next + 1);
        if (starts_word(text, i) && (ends_word(text, next) || dash_for_ore)) {
            const std::string_view written = text.substr(i, end - i);
            std::string key = key_of(written);
            if (!key.empty() && distinctive(key, written.find('.') != std::string_view::npos))
                out.push_back({i, end, std::move(key)});
        }
        i = next;
    }
    return out;
}

std::string number_key(std::string_view printed) {
    size_t i = 0;
    while (i < printed.size() && (printed[i] == ' ' || printed[i] == '-' || printed[i] == '+')) ++i;
    if (printed.substr(i, 3) == "\xE2\x88\x92") i += 3;  // U+2212, the minus sign
    size_t end = i;
    while (end < printed.size() && (digit(printed[end]) || printed[end] == '.' || printed[end] == ',')) ++end;
    while (end > i && (printed[end - 1] == '.' || printed[end - 1] == ',')) --end;
    return end > i && digit(printed[i]) ? key_of(printed.substr(i, end - i)) : "";
}

}  // namespace boardpack

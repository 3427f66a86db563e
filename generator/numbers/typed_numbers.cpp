#include "numbers/typed_numbers.hpp"

#include <algorithm>
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

// The bytes of a space that may group a number's thousands at byte `at` ("1 250 000": a space,
// a no-break space, a thin or a narrow no-break space), or 0.
size_t group_space(std::string_view t, size_t at) {
    if (at >= t.size()) return 0;
    if (t[at] == ' ') return 1;
    if (t.substr(at, 2) == "\xC2\xA0") return 2;
    if (t.substr(at, 3) == "\xE2\x80\x89" || t.substr(at, 3) == "\xE2\x80\xAF") return 3;
    return 0;
}

bool three_digits_at(std::string_view t, size_t at) {
    return at + 3 <= t.size() && digit(t[at]) && digit(t[at + 1]) && digit(t[at + 2]) &&
           (at + 3 == t.size() || !digit(t[at + 3]));
}

// A number whose thousands spaces group ("1 250 000", "12 345,5"), starting with the 1-3 digits
// [begin, first_end): written with points instead ("1.250.000"), `end` set past it; "" (and
// `end` left) where no group of three follows, or where a point or comma and a digit do
// ("1 250.000": not one number).
std::string spaced_thousands(std::string_view t, size_t begin, size_t first_end, size_t& end) {
    if (first_end - begin > 3) return "";
    for (size_t k = begin; k < first_end; ++k)
        if (!digit(t[k])) return "";
    std::string out(t.substr(begin, first_end - begin));
    size_t at = first_end;
    for (size_t space = group_space(t, at); space > 0 && three_digits_at(t, at + space); space = group_space(t, at)) {
        out += '.';
        out += t.substr(at + space, 3);
        at += space + 3;
    }
    if (at == first_end) return "";
    if (at + 1 < t.size() && t[at] == ',' && digit(t[at + 1])) {  // its decimals
        const size_t from = at;
        for (++at; at < t.size() && digit(t[at]);) ++at;
        out += t.substr(from, at - from);
    }
    if (at + 1 < t.size() && (t[at] == '.' || t[at] == ',') && digit(t[at + 1])) return "";
    end = at;
    return out;
}

bool letter_at(std::string_view t, size_t at) {
    if (at >= t.size()) return false;
    const unsigned char c = static_cast<unsigned char>(t[at]);
    return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0xC3;  // æ, ø, å and the like start at 0xC3
}

// Whether `t` at byte `at` starts with `word` (ASCII, any case), ending there as a word.
bool word_at(std::string_view t, size_t at, std::string_view word) {
    if (t.size() - at < word.size()) return false;
    for (size_t k = 0; k < word.size(); ++k)
        if ((t[at + k] | 0x20) != (word[k] | 0x20)) return false;
    return word.back() == '.' || !letter_at(t, at + word.size());
}

// The word after a number that scales it ("mio. kr.", "t. kr.", "mia.", "tusind"), from byte
// `at` (just past the number): its power of ten, whether it names kroner, and where it ends; 0
// where none follows.
struct Scale {
    int zeros = 0;
    bool kroner = false;
    size_t end = 0;
};

// The length of a word naming kroner at byte `at` ("kr.", "kroner", "kr", "DKK"), or 0.
size_t kroner_at(std::string_view t, size_t at) {
    for (const std::string_view kroner : {"kr.", "kroner", "kr", "dkk"})
        if (word_at(t, at, kroner)) return kroner.size();
    return 0;
}

Scale scale_after(std::string_view t, size_t at) {
    const size_t space = group_space(t, at);
    if (space == 0) return {};
    at += space;
    struct Word {
        std::string_view word;
        int zeros;
        bool kroner;
    };
    // Longer words before their beginnings ("millioner" before "million", "mio." before "mio").
    static constexpr Word words[] = {
        {"millioner", 6, false}, {"million", 6, false}, {"mill.", 6, false}, {"mio.", 6, false}, {"mio", 6, false},
        {"mkr.", 6, true}, {"mkr", 6, true}, {"milliarder", 9, false}, {"milliard", 9, false}, {"mia.", 9, false},
        {"mia", 9, false}, {"mrd.", 9, false}, {"mrd", 9, false}, {"t. kr.", 3, true}, {"t.kr.", 3, true},
        {"tkr.", 3, true}, {"tkr", 3, true}, {"tusinde", 3, false}, {"tusind", 3, false}, {"tus.", 3, false}};
    for (const Word& w : words) {
        if (!word_at(t, at, w.word)) continue;
        Scale s{w.zeros, w.kroner, at + w.word.size()};
        if (!s.kroner) {  // "mio. kr.", "mia. kroner", "mio.kr."
            const size_t k = s.end + group_space(t, s.end);
            if (const size_t n = kroner_at(t, k)) {
                s.kroner = true;
                s.end = k + n;
            }
        }
        return s;
    }
    return {};
}

// Whether kroner are named right after byte `at` ("876 kr.", "876 kroner").
bool kroner_after(std::string_view t, size_t at) {
    const size_t space = group_space(t, at);
    return space > 0 && kroner_at(t, at + space) > 0;
}

// Whether per cent is named right after byte `at` ("12,5 pct.", "12,5 %", "12,5%", "12,5 procent").
bool per_cent_after(std::string_view t, size_t at) {
    if (at < t.size() && t[at] == '%') return true;
    const size_t space = group_space(t, at);
    if (space == 0) return false;
    for (const std::string_view word : {"%", "pct.", "pct", "procent"})
        if (t.substr(at + space, word.size()) == word && (word == "%" || word.back() == '.' || !letter_at(t, at + space + word.size())))
            return true;
    return false;
}

// Whether the word before byte `at` (past spaces) makes the number there a name rather than a
// figure: a room, a paragraph, a page, a law's or a document's number, a postcode, a phone
// number, or another number ("7010 1250", which no group of three joins).
bool names_before(std::string_view t, size_t at) {
    size_t end = at;
    while (end > 0 && (t[end - 1] == ' ' || t[end - 1] == '\t')) --end;
    if (end > 1 && t.substr(end - 2, 2) == "\xC2\xA0") end -= 2;
    if (end == at || end == 0) return false;
    size_t start = end;
    while (start > 0 && t[start - 1] != ' ' && t[start - 1] != '\t' && t[start - 1] != '\n' && t[start - 1] != '(' &&
           t[start - 1] != '"')
        --start;
    std::string word;
    for (size_t k = start; k < end; ++k) word += static_cast<char>(t[k] >= 'A' && t[k] <= 'Z' ? t[k] + 32 : t[k]);
    while (!word.empty() && (word.back() == '.' || word.back() == ':' || word.back() == ',')) word.pop_back();
    if (word.ends_with("\xC2\xA7")) return true;  // "§ 128"
    // A phone number's groups of two or four digits ("7010 1250", "12 34 56 78").
    if ((word.size() == 2 || word.size() == 4) && std::all_of(word.begin(), word.end(), digit) && end - start == word.size())
        return true;
    for (const std::string_view name : {"lokale", "rum", "side", "s", "nr", "nummer", "postnummer", "postnr", "tlf", "telefon",
                                        "mobil", "kapitel", "kap", "afsnit", "pkt", "punkt", "bilag", "stk", "lov", "cvr",
                                        "se", "ean", "journalnr", "j.nr", "sagsnr", "bek", "bekendtgørelse", "version",
                                        "uge", "linje", "figur", "tabel", "bygning", "etage", "dok", "id", "kontonr",
                                        "konto", "postboks", "vej", "gade"})
        if (word == name) return true;
    return false;
}

}  // namespace

std::string shifted_key(std::string_view key, int zeros) {
    const size_t comma = key.find(',');
    std::string digits(key.substr(0, comma));
    std::string_view decimals = comma == std::string_view::npos ? std::string_view() : key.substr(comma + 1);
    const size_t moved = std::min(decimals.size(), static_cast<size_t>(zeros));
    digits += decimals.substr(0, moved);
    digits.append(static_cast<size_t>(zeros) - moved, '0');
    decimals.remove_prefix(moved);
    const size_t lead = std::min(digits.find_first_not_of('0'), digits.size() - 1);
    std::string out = digits.substr(lead);
    if (!decimals.empty()) {
        out += ',';
        out += decimals;
    }
    return out;
}

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
        size_t next = end;  // past the digits, points and commas ("A380", "EMN-2023" as a whole)
        const std::string grouped = spaced_thousands(text, i, next, end);  // "1 250 000" as "1.250.000"
        if (!grouped.empty())
            for (next = end; next < text.size() && (text[next] == '.' || text[next] == ',');) ++next;
        else
            while (end > i && (text[end - 1] == '.' || text[end - 1] == ',')) --end;  // a sentence's stop or comma
        // "1.250,-": kroner written with a dash for no øre.
        const bool dash_for_ore = next == end + 1 && text[end] == ',' && next < text.size() && text[next] == '-' &&
                                  ends_word(text, next + 1);
        if (starts_word(text, i) && (ends_word(text, next) || dash_for_ore)) {
            const std::string_view written = grouped.empty() ? text.substr(i, end - i) : std::string_view(grouped);
            std::string key = key_of(written);
            if (!key.empty() && distinctive(key, written.find('.') != std::string_view::npos) && !names_before(text, i)) {
                TypedNumberToken token{i, end, std::move(key), {}, {}, 0, {}};
                if (const Scale scale = scale_after(text, end); scale.zeros > 0) {
                    token.scaled_key = shifted_key(token.key, scale.zeros);
                    token.scale_end = scale.end;
                    if (scale.kroner) token.scale_unit = scale.zeros == 3 ? "t. kr." : scale.zeros == 6 ? "mio. kr." : "mia. kr.";
                    token.unit_after = token.scale_unit;
                } else if (kroner_after(text, end)) {
                    token.unit_after = "kr.";
                } else if (per_cent_after(text, end)) {
                    token.unit_after = "pct.";
                }
                out.push_back(std::move(token));
            }
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

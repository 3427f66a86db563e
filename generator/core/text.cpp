#include "core/text.hpp"

#include <array>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include "core/word_bytes.hpp"

namespace boardpack {

namespace {

// Length of the UTF-8 sequence starting at s[i], or 0 if it is not a valid sequence.
size_t sequence_length(std::string_view s, size_t i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) return 1;
    size_t len = 0;
    char32_t min = 0;
    if ((b0 & 0xE0) == 0xC0) { len = 2; min = 0x80; }
    else if ((b0 & 0xF0) == 0xE0) { len = 3; min = 0x800; }
    else if ((b0 & 0xF8) == 0xF0) { len = 4; min = 0x10000; }
    else return 0;
    if (i + len > s.size()) return 0;
    char32_t cp = b0 & (0x7F >> len);
    for (size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

char32_t decode_at(std::string_view s, size_t i, size_t len) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (len == 1) return b0;
    char32_t cp = b0 & (0x7F >> len);
    for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    return cp;
}

// Every input file is scanned twice, byte by byte some 12 instructions a byte: a word at a time.
using word_bytes::all_ascii;
using word_bytes::has_byte;
using word_bytes::has_byte_below;
using word_bytes::kHighBits;
using word_bytes::kOnes;

// The high bit of each byte of w that is 0, and no other bit: exact for every byte, as no sum
// carries into the next byte.
constexpr uint64_t zero_bytes(uint64_t w) {
    constexpr uint64_t k127 = kOnes * 127;
    return ~(((w & k127) + k127) | w | k127);
}

// For w all ASCII: the high bit of each byte from `lo` to `hi` (both below 128), and no other
// bit. A byte below 128 plus 128 - lo reaches 128 exactly when it is at least lo, and stays below
// 256, so nothing carries into the next byte.
constexpr uint64_t ascii_between(uint64_t w, unsigned char lo, unsigned char hi) {
    return (w + kOnes * (128u - lo)) & ~(w + kOnes * (127u - hi)) & kHighBits;
}

// The first and the last of the eight bytes, in either byte order.
constexpr uint64_t kEdgeBytes = 0xFF000000000000FFull;

}  // namespace

size_t find_invalid_utf8(std::string_view text) {
    for (size_t i = 0; i < text.size();) {
        // Eight ASCII bytes at a time: most of a Danish text is ASCII.
        if (i + 8 <= text.size() && all_ascii(word_bytes::at(text.data() + i))) {
            i += 8;
            continue;
        }
        const size_t len = sequence_length(text, i);
        if (len == 0) return i;
        i += len;
    }
    return std::string_view::npos;
}

namespace {

// The bytes find_control_character looks at: a C0 control but tab and line ends, DEL, and C2
// (which starts U+0080-U+009F, C2 80 - C2 9F); one table lookup a byte, as every input file is
// scanned.
constexpr auto kLook = [] {
    std::array<bool, 256> look{};
    for (int c = 0; c < 0x20; ++c) look[static_cast<size_t>(c)] = c != '\t' && c != '\n' && c != '\r';
    look[0x7F] = look[0xC2] = true;
    return look;
}();

}  // namespace

bool is_clean_text(std::string_view text) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    for (size_t i = 0; i < text.size();) {
        // Eight ASCII bytes at once where none is DEL or below a space but a tab or line end;
        // else the eight (and the sequence that ends past them) a character at a time.
        size_t end = text.size();
        if (i + 8 <= text.size()) {
            const uint64_t w = word_bytes::at(text.data() + i);
            if (all_ascii(w) && !has_byte(w, 0x7F)) {
                // (For ASCII bytes: the high bit of each below a space, and of each tab or line end.)
                const uint64_t low = ~((w & (kOnes * 127)) + kOnes * (128 - 0x20)) & kHighBits;
                if (low == 0 || (low & ~(zero_bytes(w ^ (kOnes * '\n')) | zero_bytes(w ^ (kOnes * '\t')) |
                                         zero_bytes(w ^ (kOnes * '\r')))) == 0) {
                    i += 8;
                    continue;
                }
            }
            end = i + 8;
        }
        while (i < end) {
            const unsigned char b = bytes[i];
            if (b < 0x80) {
                if (kLook[b]) return false;
                ++i;
                continue;
            }
            // Two bytes from C2 to DF and a continuation byte are always well formed: Danish letters.
            if (b >= 0xC2 && b <= 0xDF && i + 1 < text.size() && (bytes[i + 1] & 0xC0) == 0x80) {
                if (b == 0xC2 && bytes[i + 1] < 0xA0) return false;  // U+0080-U+009F
                i += 2;
                continue;
            }
            const size_t len = sequence_length(text, i);
            // Invalid, or U+0080-U+009F (C2 80 - C2 9F), the controls of two bytes.
            if (len == 0 || (b == 0xC2 && bytes[i + 1] < 0xA0)) return false;
            i += len;
        }
    }
    return true;
}

size_t find_control_character(std::string_view text) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    for (size_t i = 0; i < text.size();) {
        // Eight bytes at once where none is below a space, DEL or C2; a tab or line end sends
        // its eight to the look a byte at a time.
        size_t end = text.size();
        if (i + 8 <= text.size()) {
            const uint64_t w = word_bytes::at(text.data() + i);
            if (!has_byte_below(w, 0x20) && !has_byte(w, 0x7F) && !has_byte(w, 0xC2)) {
                i += 8;
                continue;
            }
            end = i + 8;
        }
        for (; i < end; ++i) {
            if (!kLook[bytes[i]]) continue;
            if (bytes[i] != 0xC2) return i;
            if (i + 1 < text.size() && bytes[i + 1] >= 0x80 && bytes[i + 1] < 0xA0) return i;
        }
    }
    return std::string_view::npos;
}

std::string code_point_name(char32_t cp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    return buf;
}

std::string control_character_name(std::string_view text, size_t at) {
    const std::u32string cp = decode_utf8(text.substr(at, 2));  // a control character is one or two bytes
    return code_point_name(cp.empty() ? 0 : cp[0]);
}

std::string_view strip_bom(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    return text;
}

char32_t next_utf8_sequence(std::string_view text, size_t& i) {
    const size_t len = sequence_length(text, i);
    if (len == 0) {
        ++i;
        return 0xFFFD;
    }
    const char32_t cp = decode_at(text, i, len);
    i += len;
    return cp;
}

std::u32string decode_utf8(std::string_view text) {
    std::u32string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) out.push_back(next_utf8(text, i));
    return out;
}

namespace {

// Writes the code point's UTF-8 bytes (one to four) at `out`; returns the end of what it wrote.
char* put_utf8(char* out, char32_t cp) {
    if (cp < 0x80) {
        *out++ = static_cast<char>(cp);
    } else if (cp < 0x800) {
        *out++ = static_cast<char>(0xC0 | (cp >> 6));
        *out++ = static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *out++ = static_cast<char>(0xE0 | (cp >> 12));
        *out++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        *out++ = static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        *out++ = static_cast<char>(0xF0 | (cp >> 18));
        *out++ = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        *out++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        *out++ = static_cast<char>(0x80 | (cp & 0x3F));
    }
    return out;
}

}  // namespace

void append_utf8(std::string& out, char32_t cp) {
    char bytes[4];
    out.append(bytes, static_cast<size_t>(put_utf8(bytes, cp) - bytes));
}

size_t utf8_length(std::string_view text) {
    size_t n = 0;
    for (unsigned char c : text)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

std::string shortened(std::string_view text, size_t max_chars) {
    if (text.size() <= max_chars || utf8_length(text) <= max_chars) return std::string(text);  // bytes >= characters
    std::string out;
    size_t chars = 0;
    for (const char32_t c : decode_utf8(text)) {
        if (++chars >= max_chars) break;
        append_utf8(out, c);
    }
    return out + "\xE2\x80\xA6";
}

int column_of(std::string_view line, size_t byte_offset) {
    if (byte_offset > line.size()) byte_offset = line.size();
    return static_cast<int>(utf8_length(line.substr(0, byte_offset))) + 1;
}

std::vector<Line> split_lines(std::string_view text) {
    // A line ends at LF, CRLF or a CR alone (classic Mac OS, as some exports still write CSV):
    // read as one long line, such a file's rows would all be line 1 at ever larger columns.
    std::vector<Line> lines;
    const bool any_cr = text.find('\r') != std::string_view::npos;
    int number = 1;
    size_t start = 0;
    while (start < text.size()) {
        // (Most files hold no CR, or CRLF only: memchr for the LF, then a look at the line for a CR.)
        size_t end = text.find('\n', start);
        if (any_cr) {
            const size_t cr = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start).find('\r');
            if (cr != std::string_view::npos && start + cr + 1 != end) end = start + cr;
        }
        if (end == std::string_view::npos) {
            lines.push_back({number, text.substr(start)});
            break;
        }
        const size_t length = end - start - (text[end] == '\n' && end > start && text[end - 1] == '\r' ? 1 : 0);
        lines.push_back({number++, text.substr(start, length)});
        start = end + 1;
    }
    return lines;
}

std::string_view trim(std::string_view s) {
    // A space or one of \t \n \v \f \r (9-13): compared, where find_first_not_of and
    // find_last_not_of called memchr on the set for each byte they looked at.
    const auto space = [](char c) { return c == ' ' || static_cast<unsigned char>(c - '\t') < 5; };
    size_t b = 0;
    while (b < s.size() && space(s[b])) ++b;
    size_t e = s.size();
    while (e > b && space(s[e - 1])) --e;
    return s.substr(b, e - b);
}

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

size_t fold_label_into(std::string_view s, char* out) {
    const std::string_view t = trim(s);
    char* o = out;
    bool pending_space = false;
    // Decoded in place, one code point at a time, exactly as decode_utf8 would.
    for (size_t i = 0; i < t.size();) {
        // Eight bytes at once where they fold to themselves, capitals lower-cased: ASCII, no
        // control, and any space in them a single one between two other bytes of the eight. A
        // space waiting from before them goes first, as before any other character.
        if (i + 8 <= t.size()) {
            const uint64_t w = word_bytes::at(t.data() + i);
            if (all_ascii(w) && !has_byte_below(w, 0x20)) {
                const uint64_t spaces = zero_bytes(w ^ (kOnes * ' '));
                if ((spaces & kEdgeBytes) == 0 && (spaces & (spaces << 8)) == 0) {
                    if (pending_space && o != out) *o++ = ' ';
                    pending_space = false;
                    const uint64_t lower = w | (ascii_between(w, 'A', 'Z') >> 2);  // 0x80 >> 2 is 0x20
                    std::memcpy(o, &lower, sizeof lower);
                    o += sizeof lower;
                    i += sizeof lower;
                    continue;
                }
            }
        }
        // ASCII, most of every label, at once: a space, or the byte itself lower-cased.
        if (const auto b = static_cast<unsigned char>(t[i]); b < 0x80) {
            ++i;
            if (b == ' ' || b == '\t' || b == '\n' || b == '\r') {
                pending_space = true;
                continue;
            }
            if (pending_space && o != out) *o++ = ' ';
            pending_space = false;
            *o++ = static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
            continue;
        }
        char32_t cp;
        if (const size_t len = sequence_length(t, i); len == 0) {
            cp = 0xFFFD;
            ++i;
        } else {
            cp = decode_at(t, i, len);
            i += len;
        }
        // Spaces of any width, a no-break one too ("Region\u202FSyd" as typesetting writes it), are
        // a space; characters that print nothing (a zero-width space, a soft hyphen, a BOM pasted
        // along) are none: two labels that print alike are one label, or the two rows are reported
        // as one name meaning two, never the one a formula happens to match silently picked.
        if (cp == ' ' || cp == '\t' || cp == 0xA0 || cp == '\n' || cp == '\r' || cp == 0x202F || cp == 0x205F ||
            (cp >= 0x2000 && cp <= 0x200A) || cp == 0x3000) {
            pending_space = true;
            continue;
        }
        if (cp == 0xAD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF) continue;
        if (pending_space && o != out) *o++ = ' ';
        pending_space = false;
        if (cp >= 'A' && cp <= 'Z') cp += 32;
        else if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) cp += 32;  // Latin-1 capitals
        o = put_utf8(o, cp);
    }
    return static_cast<size_t>(o - out);
}

std::string capitalized(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

std::string fold_label(std::string_view s) {
    // Written into a buffer of the most it can take, then cut: labels are folded on every lookup
    // (a formula's each column and row name), and a string appended to a character at a time
    // was most of the work. A usual label is folded on the stack and copied out at its length,
    // which a short one keeps inside the string (no heap block at all) and a long one gets
    // exactly, not three times over.
    char buf[256];
    if (s.size() * kFoldGrowth <= sizeof buf) return std::string(buf, fold_label_into(s, buf));
    std::string out(s.size() * kFoldGrowth, '\0');
    out.resize(fold_label_into(s, out.data()));
    return out;
}

bool hidden_in_messages(char32_t cp) {
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) ||   // C0 and C1 controls, DEL
           cp == 0xAD || cp == 0x061C || cp == 0x180E ||  // soft hyphen, Arabic letter mark, Mongolian separator
           (cp >= 0x200B && cp <= 0x200F) ||              // zero-width characters, LRM, RLM
           (cp >= 0x2028 && cp <= 0x202E) ||              // line/paragraph separators, bidi embeddings/overrides
           (cp >= 0x2060 && cp <= 0x206F) ||              // word joiner, invisible operators, bidi isolates
           cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFB) ||  // BOM, interlinear annotation
           (cp >= 0xE0000 && cp <= 0xE007F);              // tag characters
}

namespace {

// Appends the character as a message shows it: "<U+202E>" for one that would act on the
// terminal instead of showing; tab, CR and LF as a space (they only move the text), when `spaces`
// is set. (Appended, not returned: a string a character was most of a quoted text's cost.)
void append_shown(std::string& out, char32_t cp, bool spaces) {
    if (spaces && (cp == '\t' || cp == '\n' || cp == '\r')) {
        out += ' ';
    } else if (!hidden_in_messages(cp)) {
        append_utf8(out, cp);
    } else {
        char buf[16];
        out.append(buf, static_cast<size_t>(std::snprintf(buf, sizeof buf, "<U+%04X>", static_cast<unsigned>(cp))));
    }
}

struct Excerpt {
    std::string text;
    int column;
};

Excerpt make_excerpt(std::string_view line, int column, int width) {
    std::u32string cps = decode_utf8(line);
    size_t first = 0;
    const size_t col0 = column > 0 ? static_cast<size_t>(column - 1) : 0;
    if (cps.size() > static_cast<size_t>(width) && col0 > static_cast<size_t>(width / 2))
        first = col0 - static_cast<size_t>(width / 2);
    Excerpt e;
    if (first > 0) e.text = "...";
    e.column = static_cast<int>(utf8_length(e.text)) + static_cast<int>(col0 >= first ? col0 - first : 0) + 1;
    const size_t last = std::min(cps.size(), first + static_cast<size_t>(width));
    for (size_t i = first; i < last; ++i) {
        if (i == col0) e.column = static_cast<int>(utf8_length(e.text)) + 1;  // escapes before it widen the line
        append_shown(e.text, cps[i], true);
    }
    if (last < cps.size()) e.text += "...";
    return e;
}

}  // namespace

std::string escape_for_messages(std::string_view text) {
    std::string out;
    for (size_t i = 0; i < text.size();) append_shown(out, next_utf8(text, i), false);
    return out;
}

std::string printable_excerpt(std::string_view line, int column, int width) {
    return make_excerpt(line, column, width).text;
}

int excerpt_column(std::string_view line, int column, int width) {
    return make_excerpt(line, column, width).column;
}

std::string quote_text(std::string_view text) {
    std::string out = "\"";
    const size_t limit = 60;
    size_t i = 0;
    for (size_t n = 0; i < text.size() && n < limit; ++n) append_shown(out, next_utf8(text, i), true);
    if (i < text.size()) out += "...";  // more than `limit` characters
    out += '"';
    return out;
}

std::string fill_in(std::string_view text, const std::map<std::string, std::string>& values) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        const size_t close = text[i] == '{' ? text.find('}', i) : std::string_view::npos;
        const auto v = close == std::string_view::npos ? values.end() : values.find(std::string(text.substr(i + 1, close - i - 1)));
        if (v == values.end()) {
            out += text[i];
            continue;
        }
        out += v->second;
        i = close;
    }
    return out;
}

}  // namespace boardpack

// The scans every input file goes through (core/text: find_invalid_utf8, find_control_character):
// they look at eight bytes at once where they can, so each is checked against a plain
// byte-by-byte reading, with the byte that counts at every place of an eight-byte word.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <string_view>

#include "core/text.hpp"
#include "core/word_bytes.hpp"

using boardpack::find_control_character;
using boardpack::find_invalid_utf8;

namespace {

// A C0 control but tab and line ends, DEL, or U+0080-U+009F (C2 80 - C2 9F), byte by byte.
size_t control_by_bytes(std::string_view t) {
    for (size_t i = 0; i < t.size(); ++i) {
        const auto b = static_cast<unsigned char>(t[i]);
        if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7F) return i;
        if (b == 0xC2 && i + 1 < t.size()) {
            const auto c = static_cast<unsigned char>(t[i + 1]);
            if (c >= 0x80 && c < 0xA0) return i;
        }
    }
    return std::string_view::npos;
}

// The first byte that starts no well-formed UTF-8 sequence (RFC 3629), byte by byte.
size_t invalid_by_bytes(std::string_view t) {
    size_t i = 0;
    while (i < t.size()) {
        const auto b = static_cast<unsigned char>(t[i]);
        size_t len = 0;
        unsigned long cp = 0, min = 0;
        if (b < 0x80) { ++i; continue; }
        if (b >= 0xC0 && b < 0xE0) { len = 2; cp = b & 0x1F; min = 0x80; }
        else if (b >= 0xE0 && b < 0xF0) { len = 3; cp = b & 0x0F; min = 0x800; }
        else if (b >= 0xF0 && b < 0xF8) { len = 4; cp = b & 0x07; min = 0x10000; }
        else return i;
        if (i + len > t.size()) return i;
        for (size_t k = 1; k < len; ++k) {
            const auto c = static_cast<unsigned char>(t[i + k]);
            if ((c & 0xC0) != 0x80) return i;
            cp = cp << 6 | (c & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
        i += len;
    }
    return std::string_view::npos;
}

}  // namespace

TEST_CASE("a control character is found at every place of an eight-byte word, and tabs and line ends are not") {
    const std::string plain = "Det indstilles, at bestyrelsen godkender budgettet for 2024.\r\n\tSide 2";
    CHECK(find_control_character(plain) == std::string_view::npos);
    for (const std::string& bad : {std::string(1, '\0'), std::string("\x01"), std::string("\x1F"), std::string("\x7F"),
                                  std::string("\x0B"), std::string("\xC2\x85"), std::string("\xC2\x9F")}) {
        for (size_t at = 0; at < 24; ++at) {
            std::string t = plain.substr(0, at) + bad + plain.substr(at);
            CAPTURE(at);
            CHECK(find_control_character(t) == at);
            CHECK(find_control_character(t) == control_by_bytes(t));
        }
    }
    // C2 before a letter of U+00A0 and up is text (a no-break space, "§", "°"), at any place.
    for (size_t at = 0; at < 24; ++at) {
        const std::string t = plain.substr(0, at) + "\xC2\xA0\xC2\xA7\xC2\xB0" + plain.substr(at);
        CHECK(find_control_character(t) == std::string_view::npos);
    }
    CHECK(find_control_character("abc\xC2") == std::string_view::npos);  // C2 last: no control after it
}

TEST_CASE("a byte that is no UTF-8 is found at every place of an eight-byte word") {
    const std::string plain = "Økonomi: 34,4 mio. kr. i 2023 – og € 5 mere \xF0\x9F\x93\x88 i alt.";
    CHECK(find_invalid_utf8(plain) == std::string_view::npos);
    for (const std::string& bad : {std::string("\xFF"), std::string("\x80"), std::string("\xC3"), std::string("\xC0\xAF"),
                                  std::string("\xED\xA0\x80"), std::string("\xF4\x90\x80\x80"), std::string("\xE2\x82")}) {
        for (size_t at = 0; at < 24; ++at) {
            const std::string t = std::string(at, 'a') + bad + " ok";
            CAPTURE(at);
            CHECK(find_invalid_utf8(t) == at);
        }
    }
}

TEST_CASE("the word-at-a-time scans find what a byte-by-byte reading finds, in random text") {
    std::mt19937 rng(20261204);
    // Mostly ASCII letters and spaces, with the bytes that count mixed in.
    const std::string pieces[] = {"a", "b", " ", "\n", "\t", "\r", "æ", "ø", "–", "€", "\xC2\xA0", "\xC2\x85", "\x7F",
                                  "\x01", "\xFF", "\xC3", "\x80", "\xF0\x9F\x93\x88", "\xED\xA0\x80"};
    std::uniform_int_distribution<size_t> pick(0, std::size(pieces) - 1), length(0, 60), common(0, 9);
    for (int round = 0; round < 3000; ++round) {
        std::string t;
        const size_t n = length(rng);
        for (size_t k = 0; k < n; ++k) t += common(rng) < 8 ? pieces[common(rng) % 3] : pieces[pick(rng)];
        CAPTURE(t);
        CHECK(find_control_character(t) == control_by_bytes(t));
        CHECK(find_invalid_utf8(t) == invalid_by_bytes(t));
        // The one walk for both says clean exactly when neither finds anything.
        CHECK(boardpack::is_clean_text(t) ==
              (invalid_by_bytes(t) == std::string_view::npos && control_by_bytes(t) == std::string_view::npos));
    }
    // Each byte that counts, at every place of an eight-byte word, in text that is clean but for it.
    const std::string plain = "Økonomi: 34,4 mio. kr. i 2023\r\n\t– og € 5 mere \xF0\x9F\x93\x88 i alt.";
    CHECK(boardpack::is_clean_text(plain));
    for (const std::string& bad : {std::string(1, '\0'), std::string("\x1F"), std::string("\x7F"), std::string("\xC2\x85"),
                                  std::string("\xFF"), std::string("\xC3"), std::string("\xED\xA0\x80"), std::string("\xE2\x82")})
        for (size_t at = 0; at < 24; ++at) {
            CAPTURE(at);
            CHECK_FALSE(boardpack::is_clean_text(plain.substr(0, at) + bad + plain.substr(at)));
        }
}

TEST_CASE("has_byte_between finds a byte strictly between its bounds at every place, as a byte-by-byte test does") {
    // Every byte value at every place of a word of filler bytes on either side of the range.
    for (const unsigned char filler : {static_cast<unsigned char>('a'), static_cast<unsigned char>(' '),
                                       static_cast<unsigned char>(0xC3), static_cast<unsigned char>('/'),
                                       static_cast<unsigned char>(':')})
        for (unsigned b = 0; b < 256; ++b)
            for (int at = 0; at < 8; ++at) {
                unsigned char bytes[8];
                for (unsigned char& x : bytes) x = filler;
                bytes[at] = static_cast<unsigned char>(b);
                uint64_t w;
                std::memcpy(&w, bytes, 8);
                bool digit = false;
                for (unsigned char x : bytes) digit = digit || (x >= '0' && x <= '9');
                INFO("byte " << b << " at " << at << " among " << static_cast<int>(filler));
                CHECK(boardpack::word_bytes::has_byte_between(w, '0' - 1, '9' + 1) == digit);
            }
}

namespace {

// The code point at `i` and its length as RFC 3629 reads it, byte by byte; U+FFFD and one byte
// for a byte that starts no well-formed sequence (as decode_utf8 documents it).
char32_t decode_by_bytes(std::string_view t, size_t& i) {
    const size_t bad = invalid_by_bytes(t.substr(i, std::min<size_t>(4, t.size() - i)));
    const auto b = static_cast<unsigned char>(t[i]);
    if (bad == 0) {
        ++i;
        return 0xFFFD;
    }
    const size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    char32_t cp = len == 1 ? b : b & (0x7F >> len);
    for (size_t k = 1; k < len; ++k) cp = cp << 6 | (static_cast<unsigned char>(t[i + k]) & 0x3F);
    i += len;
    return cp;
}

// The pieces of text the scans must tell apart: ASCII, the bytes that count, and sequences of
// one to four bytes well formed, overlong, out of range, surrogates and cut short.
const std::string kPieces[] = {"a", "Z", " ", "\t", "\n", "\r", std::string(1, '\0'), "\x01", "\x1F", "\x7F", "~",
                               "\xC3\xB8", "\xC3\x98", "O\xCC\xB8", "\xC2\xA0", "\xC2\x80", "\xC2\x9F", "\xC2\xBF", "\xDF\xBF",
                               "\xE2\x80\x93", "\xE2\x80\xAE", "\xEF\xBB\xBF", "\xEF\xBF\xBF", "\xF0\x9F\x93\x88",
                               "\xF4\x8F\xBF\xBF", "\xC0\xAF", "\xC1\xBF", "\xE0\x80\xAF", "\xE0\x9F\xBF", "\xF0\x8F\xBF\xBF",
                               "\xED\xA0\x80", "\xED\xBF\xBF", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xF8", "\xFF", "\x80",
                               "\xBF", "\xC3", "\xE2\x80", "\xF0\x9F\x93", "\xC2"};

}  // namespace

TEST_CASE("the scans and the decoder agree with a byte-by-byte reading for every piece at every place of two words") {
    // Each piece after 0 to 16 bytes of ASCII (or of a Danish letter and ASCII) and before more,
    // and the whole cut at every length: a sequence at each offset of a word, across its end, and
    // cut short by the end of the text.
    for (const std::string& lead : {std::string("abcdefghijklmnopq"), std::string("\xC3\xA6" "bcdefghijklmnopq")})
        for (const std::string& piece : kPieces)
            for (size_t at = 0; at <= 16; ++at) {
                const std::string whole = lead.substr(0, at) + piece + "rstuvwxyz0123456789";
                for (size_t cut = 0; cut <= whole.size(); ++cut) {
                    const std::string_view t = std::string_view(whole).substr(0, cut);
                    CAPTURE(boardpack::escape_for_messages(t));
                    CHECK(find_invalid_utf8(t) == invalid_by_bytes(t));
                    if (invalid_by_bytes(t) == std::string_view::npos) CHECK(find_control_character(t) == control_by_bytes(t));
                    CHECK(boardpack::is_clean_text(t) ==
                          (invalid_by_bytes(t) == std::string_view::npos && control_by_bytes(t) == std::string_view::npos));
                    std::u32string expected;
                    for (size_t i = 0; i < t.size();) expected += decode_by_bytes(t, i);
                    CHECK(boardpack::decode_utf8(t) == expected);
                    size_t i = 0, k = 0;
                    for (; i < t.size() && k < expected.size(); ++k) CHECK(boardpack::next_utf8(t, i) == expected[k]);
                    CHECK(i == t.size());
                }
            }
}

TEST_CASE("every byte value at every place of texts of 1 to 17 bytes is scanned as a byte-by-byte reading does") {
    for (const std::string& filler : {std::string("x"), std::string(" "), std::string("\t"), std::string("\xC3\xA5")})
        for (size_t length = 1; length <= 17; ++length)
            for (size_t at = 0; at < length; ++at)
                for (unsigned b = 0; b < 256; ++b) {
                    std::string t;
                    while (t.size() < length) t += filler;
                    t.resize(length);
                    t[at] = static_cast<char>(b);
                    CAPTURE(boardpack::escape_for_messages(t));
                    CHECK(find_invalid_utf8(t) == invalid_by_bytes(t));
                    CHECK(find_control_character(t) == control_by_bytes(t));
                    CHECK(boardpack::is_clean_text(t) ==
                          (invalid_by_bytes(t) == std::string_view::npos && control_by_bytes(t) == std::string_view::npos));
                }
}

TEST_CASE("quote_text shows the first 60 characters as the text decoded and shown a character at a time does") {
    // The plain quote: every character decoded, each shown as a message shows it, "..." after
    // the sixtieth if there are more.
    const auto reference = [](std::string_view text) {
        const std::u32string cps = boardpack::decode_utf8(text);
        std::string out = "\"";
        for (size_t i = 0; i < cps.size() && i < 60; ++i) {
            const char32_t cp = cps[i];
            if (cp == '\t' || cp == '\n' || cp == '\r') out += ' ';
            else if (!boardpack::hidden_in_messages(cp)) boardpack::append_utf8(out, cp);
            else out += "<" + boardpack::code_point_name(cp) + ">";
        }
        if (cps.size() > 60) out += "...";
        return out + "\"";
    };
    std::mt19937 rng(20261206);
    std::uniform_int_distribution<size_t> pick(0, std::size(kPieces) - 1), length(0, 75);
    for (int round = 0; round < 4000; ++round) {
        std::string t;
        for (size_t k = length(rng); k > 0; --k) t += pick(rng) % 3 ? "a" : kPieces[pick(rng)];
        CAPTURE(boardpack::escape_for_messages(t));
        CHECK(boardpack::quote_text(t) == reference(t));
    }
    // 59, 60 and 61 characters, the last of them one of several bytes.
    for (const size_t n : {59, 60, 61}) {
        const std::string t = std::string(n - 1, 'a') + "\xC3\xB8";
        CHECK(boardpack::quote_text(t) == reference(t));
        CHECK((boardpack::quote_text(t).find("...") != std::string::npos) == (n > 60));
    }
}

// Row and column labels as formulas and corrections match them (core/text: fold_label).
#include <doctest/doctest.h>

#include <cstdint>
#include <iterator>
#include <string>

#include "core/text.hpp"

using boardpack::fold_label;

namespace {

// fold_label's rule written out a character at a time, on the text decoded whole: what the
// eight-bytes-at-a-time path must give.
std::string fold_by_characters(const std::string& label) {
    std::string_view t = boardpack::trim(label);
    std::string out;
    bool pending = false;
    for (char32_t cp : boardpack::decode_utf8(t)) {
        if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == 0x202F || cp == 0x205F ||
            (cp >= 0x2000 && cp <= 0x200A) || cp == 0x3000) {
            pending = true;
            continue;
        }
        if (cp == 0xAD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF) continue;
        if (pending && !out.empty()) out += ' ';
        pending = false;
        if ((cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)) cp += 32;
        boardpack::append_utf8(out, cp);
    }
    return out;
}

}  // namespace


TEST_CASE("a label is matched without case, edge spaces or the width of the spaces inside") {
    CHECK(fold_label("  Løn  og\tPERSONALE \n") == "løn og personale");
    CHECK(fold_label("ÆØÅ Ü É") == "æøå ü é");
    CHECK(fold_label("2 × 3") == "2 × 3");  // the multiplication sign is no capital
    CHECK(fold_label("Region\xC2\xA0Midt") == "region midt");  // a no-break space is a space
    // Regression (invisible-label): "Løn" and "Løn" with a zero-width space after it printed
    // alike, and {t[Løn; 2024]} quoted the first without a word. Characters that print nothing
    // fold to nothing, spaces of any width to a space.
    for (const char* invisible : {"\xE2\x80\x8B", "\xE2\x80\x8C", "\xE2\x80\x8D", "\xE2\x81\xA0", "\xEF\xBB\xBF", "\xC2\xAD"})
        CHECK(fold_label(std::string("L\xC3\xB8") + invisible + "n" + invisible) == "l\xC3\xB8n");
    for (const char* space : {"\xE2\x80\xAF", "\xE2\x80\x89", "\xE2\x80\x87", "\xE2\x80\x82", "\xE3\x80\x80"})
        CHECK(fold_label(std::string("Region") + space + "Midt" + space) == "region midt");
    CHECK(fold_label("") == "");
    CHECK(fold_label(" \t ") == "");
}

TEST_CASE("a label with bytes that are no UTF-8, or characters of three and four bytes, folds whole") {
    CHECK(fold_label("A\xFF" "B") == "a\xEF\xBF\xBD" "b");  // U+FFFD in three bytes for one
    CHECK(fold_label("\xFF\xFE\xFD") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK(fold_label("€ 5") == "€ 5");
    CHECK(fold_label("Tal \xF0\x9F\x93\x88 OP") == "tal \xF0\x9F\x93\x88 op");
}

TEST_CASE("every ASCII byte folds as a space, a capital's small letter, or itself") {
    // The ASCII bytes take a path of their own (most of every label): the same as decoding them.
    for (int c = 1; c < 0x80; ++c) {
        const std::string label = std::string("X") + static_cast<char>(c) + "y";
        std::string expected;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') expected = "x y";
        else expected = std::string("x") + static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c) + "y";
        CHECK_MESSAGE(fold_label(label) == expected, "byte ", c);
    }
    CHECK(fold_label("A\xC2\xA0 \tB\xE2\x80\x8B C") == "a b c");  // spaces of both paths make one
}

TEST_CASE("labels folded eight bytes at a time fold as they do a character at a time") {
    // fold_label takes eight ASCII bytes at once when they fold to themselves; this compares it,
    // on labels of every length made of the pieces that decide that (capitals, single and double
    // spaces, tabs, controls, letters of two and three bytes, spaces and nothings beyond ASCII),
    // with the rule written out a character at a time.
    const char* const pieces[] = {"A", "z", "Q", "@", "[", "`", "{", "0", " ", "  ", "\t", "\n", "\x01", "\x1F", "\x7F",
                                  "\xC3\x86", "\xC3\xB8", "\xC2\xA0", "\xE2\x80\x8B", "\xE2\x80\xAF", "\f", "~", "Z"};
    uint32_t state = 12345;
    const auto next = [&] {
        state = state * 1103515245u + 12345u;
        return state >> 16;
    };
    for (int n = 0; n < 4000; ++n) {
        std::string label;
        const size_t length = next() % 40;
        // Mostly ASCII letters, signs and single spaces (the first nine pieces), so runs of eight
        // bytes that fold to themselves are common.
        for (size_t k = 0; k < length; ++k) label += next() % 4 ? pieces[next() % 9] : pieces[next() % std::size(pieces)];
        CHECK_MESSAGE(fold_label(label) == fold_by_characters(label), "label ", boardpack::escape_for_messages(label));
    }
}

TEST_CASE("trim takes spaces, tabs, line ends, vertical tabs and form feeds off both ends, nothing else") {
    using boardpack::trim;
    CHECK(trim("") == "");
    CHECK(trim(" \t\r\n\f\v") == "");
    CHECK(trim("\v\f a b\t\r\n") == "a b");
    CHECK(trim("x") == "x");
    CHECK(trim("\x01x\x1F") == "\x01x\x1F");  // other controls stay
    CHECK(trim("\xC2\xA0x\xC2\xA0") == "\xC2\xA0x\xC2\xA0");  // a no-break space is no ASCII space
    for (int c = 0; c < 256; ++c) {
        const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
        const std::string s(1, static_cast<char>(c));
        CHECK_MESSAGE(trim(s).empty() == space, "byte ", c);
    }
}

TEST_CASE("every piece at every place of labels of 0 to 17 bytes folds as it does a character at a time") {
    // The eight-bytes path takes a word only when all of it folds to itself; each piece that
    // decides otherwise (a capital, a space at a word's edge, two spaces, a control, DEL, a byte
    // that is no UTF-8, a letter of two to four bytes, a combining stroke, a space or a nothing
    // beyond ASCII) at each offset of a word, across its end, and at both ends of the label.
    const char* const pieces[] = {"A", "Z", "@", "[", " ", "  ", "\t", "\n", "\r", "\v", "\f", "\x01", "\x1F", "\x7F",
                                  ":", "*", "\xC3\x98", "\xC3\xB8", "O\xCC\xB8", "\xC3\x85", "A\xCC\x8A", "\xC3\x97",
                                  "\xC3\x9E", "\xC3\x9F", "\xC2\xA0", "\xC2\xAD", "\xC2\x85", "\xE2\x80\xAF", "\xE2\x80\x8B",
                                  "\xE2\x80\xAE", "\xEF\xBB\xBF", "\xE3\x80\x80", "\xF0\x9F\x93\x88", "\xFF", "\x80", "\xC3",
                                  "\xE2\x80", "\xED\xA0\x80", "\xC0\xAF"};
    for (const std::string filler : {"abcdefghijklmnopq", "Budget 2024 I Alt", "a b c d e f g h i"})
        for (const char* piece : pieces)
            for (size_t length = 0; length <= 17; ++length)
                for (size_t at = 0; at <= length; ++at) {
                    const std::string label = filler.substr(0, at) + piece + filler.substr(at, length - at);
                    CHECK_MESSAGE(fold_label(label) == fold_by_characters(label), "label ", boardpack::escape_for_messages(label));
                    // fold_label_into writes no more than it says, in room of kFoldGrowth a byte.
                    std::string room(label.size() * boardpack::kFoldGrowth + 8, '#');
                    const size_t n = boardpack::fold_label_into(label, room.data());
                    CHECK(room.substr(0, n) == fold_by_characters(label));
                    CHECK(room.substr(label.size() * boardpack::kFoldGrowth) == "########");
                }
}

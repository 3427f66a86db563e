// Row and column labels as formulas and corrections match them (core/text: fold_label).
#include <doctest/doctest.h>

#include "core/text.hpp"

using boardpack::fold_label;

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

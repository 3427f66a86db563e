// How the figures of a numeric column line up in HTML: on the decimal comma, with units and
// footnote marks ("166 **", "Ikke oplyst*") in a slot of their own so they do not push digits.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace boardpack::render::html {

// A numeric column's cell text in three parts, which concatenated give the text back.
struct FigureParts {
    std::string whole;     // up to the decimal comma: sign, digits, thousands points; or words
    std::string fraction;  // the comma and the decimals (",83"), or ""
    std::string trail;     // after the figure: a unit or footnote mark (" %", " **", "*"), or ""
};

// Splits a numeric column's cell. Text without digits ("Ikke oplyst*", "-") is all `whole`
// but for trailing footnote marks; text with more than one figure in it is all `whole`.
FigureParts split_figure(const std::string& text);

// The width in characters of the slot after the units digit that a numeric column needs for its
// cells' fraction and trail together (",83", " **", "*"): the widest of them, so every cell's
// units digit, and so its comma, stands at the same place, and a mark follows its figure
// directly. 0 when the column lines up as it is: all its non-empty cells (empty ones are
// ignored) have fraction and trail of one width. The cells are given by their texts, which
// are measured where split_figure would split them, without making the parts.
size_t column_slot(const std::vector<std::string_view>& cells);

// A slot's CSS width for `chars` characters: in em, not ch, so a bold row (whose ch is wider)
// keeps the comma where the other rows have it.
std::string slot_width(size_t chars);

}  // namespace boardpack::render::html

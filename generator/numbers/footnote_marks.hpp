// Footnote marks written after a figure in a published table: "*" ("3.000 *", "8,2**"), a
// superscript digit ("12,5¹", "7²³"), or a dagger ("†", "‡"). A mark belongs to the printed
// text, never to the number: "12,5¹" is 12,5 with the mark "¹", which the table's note explains.
// Read here, once, for every reader of a cell (the table, its code columns, the check of a file
// separated by ",", a computed figure that keeps its published mark).
#pragma once

#include <string>
#include <string_view>

namespace boardpack::calc {

// `text` trimmed, without the marks after it; `marks`, if given, gets them as written, in order
// ("¹", "**", "*†"), spaces between them left out.
std::string_view without_footnote_marks(std::string_view text, std::string* marks = nullptr);

// `figure` with `marks` after it as a table prints them: a "*" after a space ("3.000 *", as
// boardpack always printed it), a superscript digit or a dagger right after the figure ("12,5¹").
std::string with_footnote_marks(std::string figure, std::string_view marks);

}  // namespace boardpack::calc

// Breaks styled text into lines that fit a width, by measured glyph widths: greedy, at spaces,
// and inside a word only after a hyphen or slash, inside an address where addresses break
// (address_breaks.hpp), or (for a word wider than the line) anywhere.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "render/pdf/font_metrics.hpp"
#include "render/pdf/page_items.hpp"

namespace boardpack::render::pdf {

// A piece of text with one look; "\n" in the text forces a line break. (LineMemo::hash reads
// every field: the lines depend on all of them.)
struct Span {
    std::string text;
    FontStyle style = FontStyle::Regular;
    Color color;
    std::string url;  // a link target, or ""
    bool strike = false;  // a line is drawn through it
    std::string title;    // the link's title, shown by viewers on the link
    friend bool operator==(const Span&, const Span&) = default;
};

// Part of a line in one look, at an offset from the line's start.
struct Fragment {
    double x = 0;
    double width = 0;
    ItemText text;  // as a text item holds it, so placing the line moves it there (page_items.hpp)
    FontStyle style = FontStyle::Regular;
    Color color;
    std::string url;
    bool strike = false;
    std::string title;
};

// Whether the fragment has the span's look: its text could continue with the span's.
inline bool has_look(const Fragment& f, const Span& s) {
    return f.style == s.style && f.color == s.color && f.url == s.url && f.strike == s.strike && f.title == s.title;
}

struct LaidLine {
    std::vector<Fragment> fragments;
    double width = 0;
};

// The spans are a view (a vector, an array, one span): a table cell, one span, needs no vector
// made for it.
std::vector<LaidLine> break_lines(std::span<const Span> spans, double width, double size, const FontMetrics& metrics);
// One span alone (a table cell, a caption), as a view of one.
inline std::vector<LaidLine> break_lines(const Span& span, double width, double size, const FontMetrics& metrics) {
    return break_lines(std::span<const Span>(&span, 1), width, size, metrics);
}

// The width of the widest word (what a column must at least hold to avoid splitting words); of
// an address, the widest piece between the places it may break.
double widest_word(std::span<const Span> spans, double size, const FontMetrics& metrics);

// The width of the text on one line, without breaking.
double natural_width(std::span<const Span> spans, double size, const FontMetrics& metrics);

}  // namespace boardpack::render::pdf

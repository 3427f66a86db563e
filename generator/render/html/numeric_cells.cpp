#include "render/html/numeric_cells.hpp"

#include <cstdio>
#include <string_view>

namespace boardpack::render::html {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Characters, not bytes: a mark such as "†" is one character wide.
size_t utf8_length(std::string_view s) {
    size_t n = 0;
    for (const char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

// The length of the footnote marks (and the spaces before them) that end `text`.
size_t trailing_marks(std::string_view text) {
    static constexpr std::string_view kMarks[] = {"*", "\u2020" /* † */, "\u2021" /* ‡ */, "\u00a7" /* § */};
    size_t end = text.size();
    for (bool more = true; more && end > 0;) {
        more = false;
        for (const std::string_view m : kMarks)
            if (end >= m.size() && text.substr(end - m.size(), m.size()) == m) {
                end -= m.size();
                more = true;
            }
    }
    if (end == text.size()) return 0;
    while (end > 0 && text[end - 1] == ' ') --end;
    return text.size() - end;
}

// Where split_figure splits `text`: the fraction starts at `fraction`, the trail at `trail`.
struct Split {
    size_t fraction, trail;
};

Split figure_split(std::string_view text) {
    const size_t first = text.find_first_of("0123456789");
    if (first == std::string_view::npos) {
        // The footnote marks that end it are its trail, unless they are all of it.
        const size_t marks = trailing_marks(text);
        const size_t whole = marks == text.size() ? text.size() : text.size() - marks;
        return {whole, whole};
    }
    size_t end = first;
    while (end < text.size() && (is_digit(text[end]) || text[end] == '.')) ++end;
    size_t fraction_end = end;
    if (end + 1 < text.size() && text[end] == ',' && is_digit(text[end + 1])) {
        fraction_end = end + 1;
        while (fraction_end < text.size() && is_digit(text[fraction_end])) ++fraction_end;
    }
    // A second figure ("1,2-3,4", "5 af 7") is not one number to align: leave the text whole.
    if (text.find_first_of("0123456789", fraction_end) != std::string_view::npos) return {text.size(), text.size()};
    return {end, fraction_end};
}

}  // namespace

FigureParts split_figure(const std::string& text) {
    const Split at = figure_split(text);
    return {text.substr(0, at.fraction), text.substr(at.fraction, at.trail - at.fraction), text.substr(at.trail)};
}

size_t column_slot(const std::vector<std::string_view>& cells) {
    size_t widest = 0;
    bool seen = false, ragged = false;
    size_t first = 0;
    for (const std::string_view c : cells) {
        if (c.empty()) continue;
        // The fraction and the trail are the text after the whole.
        const size_t w = utf8_length(c.substr(figure_split(c).fraction));
        if (!seen) {
            first = w;
            seen = true;
        } else if (w != first) {
            ragged = true;
        }
        if (w > widest) widest = w;
    }
    return ragged ? widest : 0;
}

std::string slot_width(size_t chars) {
    // 0,6 em a character: a digit of Carlito or Arial is 0,51-0,56 em, a comma or space less.
    char buf[32];
    std::snprintf(buf, sizeof buf, "%zu.%zuem", chars * 6 / 10, chars * 6 % 10);
    return buf;
}

}  // namespace boardpack::render::html

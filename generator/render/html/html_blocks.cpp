#include "render/html/html_blocks.hpp"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <utility>

#include "core/word_bytes.hpp"
#include "model/anchors.hpp"
#include "render/html/chart_svg.hpp"
#include "render/html/data_uri.hpp"
#include "render/pdf/address_breaks.hpp"
#include "render/pdf/code_points.hpp"
#include "render/pdf/non_breaking.hpp"

namespace boardpack::render::html {

using model::Block;
using model::Inline;

namespace {

// Whether any of the eight bytes of `w` is one HTML escapes: & < > " or '. '<' and '>' differ
// only in bit 1, '&' and '\'' only in bit 0: each pair is one comparison (core/word_bytes.hpp).
bool has_html_special(uint64_t w) {
    using word_bytes::has_byte;
    return has_byte(w | word_bytes::kOnes * 0x02, '>') || has_byte(w | word_bytes::kOnes, '\'') || has_byte(w, '"');
}

}  // namespace

void append_escaped(std::string_view text, std::string& out, const char* apostrophe) {
    // Copy the runs between special characters in one step each; a run of words with none is
    // passed over eight bytes at a time (every text of every page comes through here).
    // A bidirectional control is left out, as the PDF leaves it out (render/pdf/printable warns
    // where it was written): a browser would obey it and show the text after it reordered, a
    // case number "EMN-2024-<U+202E>00001" as "EMN-2024-10000".
    size_t run = 0;
    const char* const data = text.data();
    const size_t size = text.size();
    size_t i = 0;
    while (i < size) {
        if (size - i >= 8) {
            const uint64_t w = word_bytes::at(data + i);
            // (A bidi control starts with 0xD8 or 0xE2: no byte of 0xD8 or above, none; one test,
            // ~w holding no byte below 0x28.)
            if (!has_html_special(w) && !word_bytes::has_byte_below(~w, 0x28)) {
                i += 8;
                continue;
            }
        }
        const char* rep;
        switch (data[i]) {
            case '&': rep = "&amp;"; break;
            case '<': rep = "&lt;"; break;
            case '>': rep = "&gt;"; break;
            case '"': rep = "&quot;"; break;
            case '\'': rep = apostrophe; break;
            default:
                if (const size_t n = render::pdf::bidi_control_length(data + i, size - i)) {
                    out.append(data + run, i - run);
                    i += n;
                    run = i;
                    continue;
                }
                ++i;
                continue;
        }
        out.append(data + run, i - run);
        out += rep;
        run = ++i;
    }
    out.append(data + run, size - run);
}

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
// A character of a number or case number's word: a letter or digit (any non-ASCII byte, so
// "Å" too), or a separator inside a number ("10.30", "2,5").
bool in_word(char c) {
    return is_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.' || c == ',' ||
           static_cast<unsigned char>(c) >= 0x80;
}

}  // namespace

namespace {

// append_escaped, with a word that has a hyphen before a digit kept whole (append_text).
void append_hyphens_kept(std::string_view text, std::string& out, const char* apostrophe) {
    // Most texts have no hyphen: they are escaped as they are.
    size_t hyphen = text.find('-');
    size_t done = 0;
    while (hyphen != std::string::npos) {
        // A hyphen between a word and a digit ("EMN-2022-01548", "2023-24", "10.30-15.00"):
        // the word, the hyphen and the digits after it are kept on one line.
        if (hyphen > done && hyphen + 1 < text.size() && in_word(text[hyphen - 1]) && is_digit(text[hyphen + 1])) {
            size_t from = hyphen;
            while (from > done && in_word(text[from - 1])) --from;
            size_t to = hyphen + 1;
            while (to < text.size() && (in_word(text[to]) || (text[to] == '-' && to + 1 < text.size() && is_digit(text[to + 1]))))
                ++to;
            while (to > hyphen + 2 && (text[to - 1] == '.' || text[to - 1] == ',')) --to;  // a sentence's full stop
            append_escaped(text.substr(done, from - done), out, apostrophe);
            out += "<span class=\"hel\">";
            append_escaped(text.substr(from, to - from), out, apostrophe);
            out += "</span>";
            done = to;
            hyphen = text.find('-', to);
            continue;
        }
        hyphen = text.find('-', hyphen + 1);
    }
    append_escaped(text.substr(done), out, apostrophe);
}

}  // namespace

namespace {

// A word of a text (up to the next space), with what joins() needs of it to hold at all: each
// of its rules has a digit in one of the two words, or "kr" after ("mio. kr."). Read once, as
// the word after one and then as the word before the next: most pairs are passed over on this.
struct Word {
    size_t begin = 0, end = 0;
    bool digit = false, kr = false;
};

// Whether a text has a digit (eight bytes at a time) or "kr" anywhere.
bool may_join_any(std::string_view text) {
    size_t i = 0;
    bool digit = false;
    for (; i + 8 <= text.size() && !digit; i += 8)
        digit = word_bytes::has_byte_between(word_bytes::at(text.data() + i), '0' - 1, '9' + 1);
    for (; i < text.size() && !digit; ++i) digit = is_digit(text[i]);
    return digit || text.find("kr") != std::string_view::npos;
}

// The first digit at or after `from`, or npos: eight bytes at a time.
size_t find_digit(std::string_view text, size_t from) {
    size_t i = from;
    for (; i + 8 <= text.size(); i += 8)
        if (word_bytes::has_byte_between(word_bytes::at(text.data() + i), '0' - 1, '9' + 1)) break;
    for (; i < text.size(); ++i)
        if (is_digit(text[i])) return i;
    return std::string_view::npos;
}

Word word_at(std::string_view text, size_t from) {
    Word w{from, from, false, false};
    size_t i = from;
    for (; i < text.size() && text[i] != ' '; ++i) {
        const char c = text[i];
        w.digit = w.digit || is_digit(c);
        w.kr = w.kr || (c == 'k' && i + 1 < text.size() && text[i + 1] == 'r');
    }
    w.end = i;
    return w;
}

}  // namespace

void append_text(std::string_view text, std::string& out, const char* apostrophe) {
    // The words a line must not part, as the PDF's line breaker joins them ("23. juni 2023",
    // "34,4 mio. kr.", "3,4 pct.)."): each run of them is one span of class "hel". Words are
    // read pair by pair, in place.
    // Most runs of text have no digit and no "kr": no two of their words are joined.
    if (!may_join_any(text)) {
        append_hyphens_kept(text, out, apostrophe);
        return;
    }
    const auto joined = [&text](const Word& before, const Word& after) {
        return (before.digit || after.digit || after.kr) &&
               pdf::joins(text.substr(before.begin, before.end - before.begin), text.substr(after.begin, after.end - after.begin));
    };
    size_t done = 0;
    Word a = word_at(text, 0);
    // The next digit and the next "kr" at or after where they were last looked for.
    size_t digit = 0, kr = 0;
    while (a.end < text.size()) {
        if (!a.digit) {
            // No pair of words before the next word with a digit or "kr" in it joins: go straight
            // to the word before that one, instead of reading every word of a long paragraph.
            if (digit <= a.end) digit = find_digit(text, a.end + 1);
            if (kr <= a.end) kr = text.find("kr", a.end + 1);
            const size_t next = std::min(digit, kr);
            if (next == std::string_view::npos) break;
            const size_t start = text.rfind(' ', next) + 1;  // of the word it is in; a.end is a space
            if (start > a.end + 1) a = word_at(text, text.rfind(' ', start - 2) + 1);
        }
        const Word b = word_at(text, a.end + 1);
        if (!joined(a, b)) {
            a = b;
            continue;
        }
        Word last = b;
        while (last.end < text.size()) {
            const Word next = word_at(text, last.end + 1);
            if (!joined(last, next)) break;
            last = next;
        }
        append_hyphens_kept(text.substr(done, a.begin - done), out, apostrophe);
        out += "<span class=\"hel\">";
        append_escaped(text.substr(a.begin, last.end - a.begin), out, apostrophe);
        out += "</span>";
        done = last.end;
        if (last.end >= text.size()) break;
        a = word_at(text, last.end + 1);
    }
    append_hyphens_kept(text.substr(done), out, apostrophe);
}

void append_address_breaks(std::string_view text, std::string& out, const char* apostrophe) {
    thread_local std::vector<char> breaks;
    // The words that are no address are escaped together with the spaces, tabs and line breaks
    // between them (which escaping keeps as they are), in one run up to the next address: most
    // texts have none, and most words are ruled out by their first byte and length alone.
    size_t done = 0;  // what is written
    for (size_t i = 0; i < text.size();) {
        size_t end = i;
        while (end < text.size() && text[end] != ' ' && text[end] != '\t' && text[end] != '\n') ++end;
        const std::string_view word = text.substr(i, end - i);
        if (!word.empty() && pdf::may_be_address(word[0], word.size()) && pdf::address_breaks(word, breaks)) {
            append_hyphens_kept(text.substr(done, i - done), out, apostrophe);
            size_t from = 0;
            for (size_t k = 1; k < word.size(); ++k) {
                if (!breaks[k]) continue;
                append_escaped(word.substr(from, k - from), out, apostrophe);
                out += "<wbr>";
                from = k;
            }
            append_escaped(word.substr(from), out, apostrophe);
            done = end;
        }
        i = end + 1;
    }
    // A period or a number with a hyphen inside ("01.01.23-30.06.23", "2023-24") stays on one line,
    // as the PDF keeps it: a cell's narrow column broke it after the hyphen.
    if (done < text.size()) append_hyphens_kept(text.substr(done), out, apostrophe);
}

std::string text_html(const std::string& text, const char* apostrophe) {
    std::string out;
    out.reserve(text.size());
    append_text(text, out, apostrophe);
    return out;
}

std::string escape(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    append_escaped(text, out);
    return out;
}

namespace {

// A changed figure or paragraph is marked by more than colour: a frame or bar (style.css) and a
// visually hidden word that screen readers say after it.
void append_hidden(const std::string& word, std::string& out) {
    out += "<span class=\"skjult\"> ";
    append_escaped(word, out);
    out += "</span>";
}

// The last word of a text (after its last space), and the first (before its first).
std::string_view last_word(std::string_view text) {
    const size_t space = text.rfind(' ');
    return space == std::string_view::npos ? text : text.substr(space + 1);
}
std::string_view first_word(std::string_view text) { return text.substr(0, text.find(' ')); }

// How much of the text after a computed figure the line must not part from it ("34,4" then
// " mio. kr. i 2023" keeps " mio. kr."), as the PDF's line breaker joins words across the
// figure's span: the bytes of the leading words that join, each to the one before; 0 if none.
size_t joined_after(std::string_view figure, std::string_view text) {
    size_t end = 0;
    std::string_view before = last_word(figure);
    while (end < text.size() && text[end] == ' ') {
        const size_t from = end + 1;
        if (from < text.size() && text[from] == ' ') break;  // two spaces: not one phrase
        const std::string_view word = first_word(text.substr(from));
        if (word.empty() || !pdf::joins(before, word)) break;
        end = from + word.size();
        before = word;
    }
    return end;
}

// The bytes at the end of a text that the figure after it must not be parted from ("kl. ",
// "23. " before a month): its last word, when it joins the figure's first; 0 if none.
size_t joined_before(std::string_view text, std::string_view figure) {
    if (text.size() < 2 || text.back() != ' ' || text[text.size() - 2] == ' ') return 0;
    const std::string_view word = last_word(text.substr(0, text.size() - 1));
    return !word.empty() && pdf::joins(word, first_word(figure)) ? word.size() + 1 : 0;
}

// Whether a link's words are one address and nothing else ("https://...", as an autolink shows it).
bool is_bare_address(const std::vector<Inline>& children) {
    thread_local std::vector<char> breaks;
    if (children.size() != 1 || children[0].kind != Inline::Kind::Text) return false;
    const std::string& t = children[0].text;
    return t.find_first_of(" \t\n") == std::string::npos && pdf::address_breaks(t, breaks);
}

void append_inlines(const std::vector<Inline>& inlines, std::string& out, const std::string& changed = "");

// A computed figure: a mark and a hidden word when it changed in a corrected version.
void append_figure(const Inline& in, std::string& out, const std::string& changed) {
    if (in.changed && !changed.empty()) {
        out += "<mark class=\"rettet\"><span class=\"tal\">";
        append_escaped(in.text, out);
        out += "</span>";
        append_hidden(changed, out);
        out += "</mark>";
        return;
    }
    out += "<span class=\"tal\">";
    append_escaped(in.text, out);
    out += "</span>";
}

void append_inlines(const std::vector<Inline>& inlines, std::string& out, const std::string& changed) {
    // The part of a text the figure before it took into its span, and the part of one the figure
    // after it will: a computed figure and the words that belong with it ("kl. 10", "34,4 mio.
    // kr.") are one span of class "hel", as append_text keeps them within one text.
    size_t taken = 0;
    for (size_t i = 0; i < inlines.size(); ++i) {
        const Inline& in = inlines[i];
        switch (in.kind) {
            case Inline::Kind::Text: {
                std::string_view text = std::string_view(in.text).substr(std::min(taken, in.text.size()));
                taken = 0;
                const bool figure_next = i + 1 < inlines.size() && inlines[i + 1].kind == Inline::Kind::Figure;
                const size_t kept = figure_next ? joined_before(text, inlines[i + 1].text) : 0;
                append_text(text.substr(0, text.size() - kept), out);
                if (kept == 0) break;
                // The figure follows inside the span this opens.
                out += "<span class=\"hel\">";
                append_escaped(text.substr(text.size() - kept), out);
                const Inline& figure = inlines[++i];
                append_figure(figure, out, changed);
                if (i + 1 < inlines.size() && inlines[i + 1].kind == Inline::Kind::Text) {
                    taken = joined_after(figure.text, inlines[i + 1].text);
                    append_escaped(std::string_view(inlines[i + 1].text).substr(0, taken), out);
                }
                out += "</span>";
                break;
            }
            case Inline::Kind::Code:
                out += "<code>";
                append_escaped(in.text, out);
                out += "</code>";
                break;
            case Inline::Kind::Figure: {
                taken = i + 1 < inlines.size() && inlines[i + 1].kind == Inline::Kind::Text
                            ? joined_after(in.text, inlines[i + 1].text)
                            : 0;
                if (taken == 0) {
                    append_figure(in, out, changed);
                    break;
                }
                out += "<span class=\"hel\">";
                append_figure(in, out, changed);
                append_escaped(std::string_view(inlines[i + 1].text).substr(0, taken), out);
                out += "</span>";
                break;
            }
            case Inline::Kind::SoftBreak: out += '\n'; break;
            case Inline::Kind::LineBreak: out += "<br>\n"; break;
            case Inline::Kind::Emph:
                out += "<em>";
                append_inlines(in.children, out, changed);
                out += "</em>";
                break;
            case Inline::Kind::Strong:
                out += "<strong>";
                append_inlines(in.children, out, changed);
                out += "</strong>";
                break;
            case Inline::Kind::Strike:
                out += "<del>";
                append_inlines(in.children, out, changed);
                out += "</del>";
                break;
            case Inline::Kind::Link:
                out += "<a href=\"";
                append_escaped(in.url(), out);
                out += '"';
                if (!in.title().empty()) {
                    out += " title=\"";
                    append_escaped(in.title(), out);
                    out += '"';
                }
                out += '>';
                // A web address shown as itself breaks where the PDF breaks it: a browser breaks
                // it nowhere, and a long one ran past a phone's screen.
                if (is_bare_address(in.children)) append_address_breaks(in.children[0].text, out);
                else append_inlines(in.children, out, changed);
                out += "</a>";
                break;
        }
    }
}

// What every block of one call to render_blocks shares.
struct BlockOut {
    const model::AgendaItem& item;
    const TableRenderer& table;
    std::string& out;
    const std::string& changed;  // the hidden word of a mark, or "" for no marks
};

void render_block(const Block& b, bool tight, const BlockOut& o);

// A picture inlined as a data: URI (the page stays one file, which publishing swaps whole, and
// no file name beside it can say anything), scaled down to the text's width by its own
// proportions, its description as alt text and, numbered, as its caption.
void render_image(const model::Image& im, int figure, const BlockOut& o) {
    std::string& out = o.out;
    out += "<figure class=\"billede\">\n<img src=\"";
    append_data_uri(im.format == model::Image::Format::Png ? "image/png" : "image/jpeg", *im.bytes, out);
    out += "\" alt=\"";
    append_escaped(im.description, out);
    out += "\" width=\"" + std::to_string(im.width) + "\" height=\"" + std::to_string(im.height) +
           "\" style=\"max-width:100%;height:auto\">\n";
    if (figure > 0) {
        out += "<figcaption>";
        append_escaped(o.table.figure_caption(figure, im.description), out);
        out += "</figcaption>\n";
    }
    out += "</figure>\n";
}

// `id`: the item's place (a footnote's note), or empty.
void render_list_item(const std::vector<Block>& blocks, bool tight, const BlockOut& o, const std::string& id = {}) {
    if (id.empty()) {
        o.out += "<li>";
    } else {
        o.out += "<li id=\"";
        append_escaped(id, o.out);
        o.out += "\">";
    }
    for (size_t i = 0; i < blocks.size(); ++i) {
        if (i > 0 && tight) o.out += '\n';
        render_block(blocks[i], tight, o);
    }
    o.out += "</li>\n";
}

void render_block(const Block& b, bool tight, const BlockOut& o) {
    std::string& out = o.out;
    switch (b.kind) {
        case Block::Kind::Paragraph: {
            const bool marked = b.changed && !o.changed.empty();
            // In a tight list a paragraph is just its text, as in CommonMark's own HTML.
            if (tight) {
                if (marked) out += "<span class=\"rettet-afsnit\">";
                append_inlines(b.inlines, out, o.changed);
                if (marked) {
                    append_hidden(o.changed, out);
                    out += "</span>";
                }
            } else {
                out += marked ? "<p class=\"rettet-afsnit\">" : "<p>";
                append_inlines(b.inlines, out, o.changed);
                if (marked) append_hidden(o.changed, out);
                out += "</p>\n";
            }
            break;
        }
        case Block::Kind::Heading: {
            // h2 is the item, h3 its sections; sub-headings follow below them. The reader refuses
            // levels that would go past h6, so each level keeps its own tag.
            const std::string level = std::to_string(b.level + 2);
            // A changed heading is marked by its bar only: a hidden word would change its name (the
            // PDF's heading says the same); the rettelsesblad names the change in words.
            out += "<h";
            out += level;
            out += b.changed && !o.changed.empty() ? " class=\"rettet-afsnit\">" : ">";
            append_inlines(b.inlines, out, o.changed);
            out += "</h";
            out += level;
            out += ">\n";
            break;
        }
        case Block::Kind::BulletList:
        case Block::Kind::OrderedList: {
            const bool ordered = b.kind == Block::Kind::OrderedList;
            // Footnotes' notes: a list of their own look (a short rule above), each note the
            // place its references link to.
            const char* open = b.notes ? "<ol class=\"noter\"" : "<ol";
            if (!ordered) {
                out += b.tasks ? "<ul class=\"opgaver\">\n" : "<ul>\n";  // a task's box is its marker
            } else if (b.start == 1) {
                out += open;
                out += ">\n";
            } else {
                out += open;
                out += " start=\"";
                out += std::to_string(b.start);
                out += "\">\n";
            }
            for (size_t k = 0; k < b.items.size(); ++k)
                render_list_item(b.items[k], b.tight, o, b.notes ? model::note_anchor(b, k) : std::string());
            out += ordered ? "</ol>\n" : "</ul>\n";
            break;
        }
        case Block::Kind::Quote:
            out += "<blockquote>\n";
            for (const Block& c : b.children) render_block(c, false, o);
            out += "</blockquote>\n";
            break;
        case Block::Kind::CodeBlock:
            out += "<pre><code>";
            append_escaped(b.text, out);
            out += "</code></pre>\n";
            break;
        case Block::Kind::Rule: out += "<hr>\n"; break;
        case Block::Kind::Table:
            if (b.table >= 0 && static_cast<size_t>(b.table) < o.item.tables.size())
                o.table.render(o.item, static_cast<size_t>(b.table), out);
            break;
        case Block::Kind::Chart:
            if (b.chart >= 0 && static_cast<size_t>(b.chart) < o.item.charts.size())
            {
                const model::Chart& c = o.item.charts[static_cast<size_t>(b.chart)];
                render_chart(c, o.table.figure_caption(c.number, c.title), o.table.chart_words(),
                             "figur-" + std::to_string(o.item.number) + "-" + std::to_string(b.chart + 1), out);
            }
            break;
        case Block::Kind::Image:
            if (b.image >= 0 && static_cast<size_t>(b.image) < o.item.images.size() && o.item.images[static_cast<size_t>(b.image)].bytes)
                render_image(o.item.images[static_cast<size_t>(b.image)], b.figure, o);
            break;
    }
}

}  // namespace

std::string render_inlines(const std::vector<Inline>& inlines) {
    std::string out;
    append_inlines(inlines, out);
    return out;
}

void render_blocks(const std::vector<Block>& blocks, const model::AgendaItem& item, const TableRenderer& table,
                   std::string& out, const std::string& changed_word) {
    const BlockOut o{item, table, out, changed_word};
    for (const Block& b : blocks) render_block(b, false, o);
}

}  // namespace boardpack::render::html

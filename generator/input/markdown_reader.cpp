#include "input/markdown_reader.hpp"
#include "core/messages.hpp"
#include "input/braced_figures.hpp"

#include <algorithm>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <charconv>
#include <memory>
#include <string_view>

#include "core/text.hpp"
#include "core/text_file.hpp"
#include "numbers/typed_numbers.hpp"

namespace boardpack::input {

using model::Block;
using model::Inline;

namespace {

// Where the HTML comment that starts at t[start] ("<!--") ends: just after its first "-->", as
// HTML and CommonMark 0.31 end one, so "<!-- a -- b -->", "<!-- a --->", "<!-->" and "<!--->" are
// comments (cmark-gfm's older rule refuses the first four inside a line, which then printed). npos
// if it does not end in `t`.
size_t comment_end(std::string_view t, size_t start) {
    const size_t body = start + 4;
    if (t.substr(body, 1) == ">") return body + 1;
    if (t.substr(body, 2) == "->") return body + 2;
    const size_t end = t.find("-->", body);
    return end == std::string_view::npos ? end : end + 3;
}

// True for HTML that is only comments, "<!-- ... -->", and the spaces between them: the author's
// note to themselves.
bool is_comment_block(std::string_view html) {
    std::string_view t = trim(html);
    if (t.empty()) return false;
    while (!t.empty()) {
        if (t.substr(0, 4) != "<!--") return false;
        const size_t end = comment_end(t, 0);
        if (end == std::string_view::npos) return false;
        t = trim(t.substr(end));
    }
    return true;
}

// Marks (in a Text inline's url, which text never has) a comment cmark read as raw HTML inside a
// line: drop_comments takes it out with the comments cmark left as text.
constexpr std::string_view kWholeComment = "\x01" "comment";

// The end an HTML block that starts like `html` waits for, if it is one CommonMark lets run to
// the end of the file when it never comes ("<!--" to "-->", "<pre" to "</pre>", ...); "" for
// any other (it ends at a blank line).
std::string_view html_block_end(std::string_view html) {
    const std::string_view t = trim(html);
    if (t.substr(0, 4) == "<!--") return "-->";
    if (t.substr(0, 9) == "<![CDATA[") return "]]>";
    if (t.substr(0, 2) == "<?") return "?>";
    if (t.size() > 2 && t[0] == '<' && t[1] == '!' && ((t[2] >= 'A' && t[2] <= 'Z') || (t[2] >= 'a' && t[2] <= 'z')))
        return ">";
    const std::string head = fold_label(std::string(t.substr(0, 10)));
    for (std::string_view tag : {"pre", "script", "style", "textarea"})
        if (head.size() > tag.size() + 1 && head[0] == '<' && std::string_view(head).substr(1, tag.size()) == tag &&
            (head[tag.size() + 1] == '>' || head[tag.size() + 1] == ' ' || head[tag.size() + 1] == '\t'))
            return tag == "pre" ? "</pre>" : tag == "script" ? "</script>" : tag == "style" ? "</style>" : "</textarea>";
    return "";
}

// Whether the line (inside any quote markers and indentation) is a closing code fence: at
// least `length` of `fence`, and nothing after them but spaces.
bool closes_fence(std::string_view line, int length, char fence) {
    std::string_view t = trim(line);
    while (!t.empty() && (t[0] == '>' || t[0] == ' ' || t[0] == '\t')) t.remove_prefix(1);
    size_t n = 0;
    while (n < t.size() && t[n] == fence) ++n;
    return n >= static_cast<size_t>(length) && trim(t.substr(n)).empty();
}


// Whether the text has "[^" anywhere, so that it may have footnotes: looked for by its rare "^"
// (texts hold many "[", in every figure that quotes a table).
bool may_have_footnotes(std::string_view text) {
    for (size_t p = text.find('^'); p != std::string_view::npos; p = text.find('^', p + 1))
        if (p > 0 && text[p - 1] == '[') return true;
    return false;
}

// Whether the text has "[ ]", "[x]" or "[X]" anywhere, so that it may have a task list (cmark's
// extension otherwise looks at every list item for one).
bool may_have_tasks(std::string_view text) {
    for (size_t p = text.find('['); p != std::string_view::npos && p + 2 < text.size(); p = text.find('[', p + 1))
        if ((text[p + 1] == ' ' || text[p + 1] == 'x' || text[p + 1] == 'X') && text[p + 2] == ']') return true;
    return false;
}

// A note's number in superscript digits ("¹²"), as the fonts draw them.
std::string superscript_number(int number) {
    static const char* const digits[10] = {"\u2070", "\u00B9", "\u00B2", "\u00B3", "\u2074",
                                           "\u2075", "\u2076", "\u2077", "\u2078", "\u2079"};
    std::string out;
    for (const char c : std::to_string(number)) out += digits[c - '0'];
    return out;
}

// Deeper nesting than this (block quotes in lists in block quotes...) is refused: nobody writes
// it, and converting it would recurse without bound.
constexpr int kMaxNesting = 40;

// The deepest heading level the packet shows (#### is h6 in HTML: h2 and h3 are the item and its
// sections).
constexpr int kDeepestHeading = 4;

struct Converter {
    const MarkdownSource& src;
    const FenceHandler& on_fence;
    Diagnostics& diags;
    int depth = 0;
    // Whether the text has a numeric character reference ("&#27;") at all.
    bool numeric_references = src.text.find("&#") != std::string::npos;
    bool reported_depth = false;
    // Footnotes ("[^1]" in the text, "[^1]: ..." on a line of its own): whether the text can have
    // any; the section (counted by its level-1 heading) each note is first referred to from, by
    // the number cmark gave it; the section being read; whether a link's words are being read.
    bool footnotes = may_have_footnotes(src.text);
    std::vector<int> note_sections{};
    int section = 0;
    int in_link = 0;
    // The notes cmark puts after the text, in the order of their numbers, and where each begins.
    std::vector<std::vector<Block>> notes{};
    std::vector<SourceLoc> note_locs{};

    // One level of recursion, for as long as it lives; `ok` is false (after one message) when
    // the nesting is too deep to go on.
    struct Level {
        Converter& c;
        bool ok;
        Level(Converter& conv, cmark_node* n) : c(conv), ok(c.depth < kMaxNesting) {
            if (ok) {
                ++c.depth;
            } else if (!c.reported_depth) {
                const SourceLoc l = c.loc(n);
                c.diags.error(l, fmt(_("the text is nested more than {} levels deep (lists, quotes or emphasis inside each other)"),
                                     kMaxNesting), c.line_text(l.line));
                c.reported_depth = true;
            }
        }
        ~Level() {
            if (ok) --c.depth;
        }
    };

    // A control character that cmark decoded from a character reference ("&#27;"): one written as
    // it is was refused with the file (core/text_file.cpp).
    void refuse_control(const std::string& text, cmark_node* n) {
        if (!numeric_references) return;  // no named reference gives one (&Tab; and &NewLine; are text)
        const size_t at = find_control_character(text);
        if (at == std::string::npos) return;
        const SourceLoc l = loc(n);
        diags.error(l, fmt(_("a character reference (such as &#27;) here gives the control character {}, which prints "
                             "as nothing; remove it"),
                           control_character_name(text, at)),
                    line_text(l.line));
    }

    // A figure in braces in a link's title is not computed: the title is the link's tooltip and
    // PDF /Contents, printed as written. A warning at the brace, unless it was written escaped ("\\{").
    void warn_title_figure(const std::string& title, const SourceLoc& link) {
        const size_t open = title.find('{');
        if (open == std::string::npos || title.find('}', open) == std::string::npos) return;
        // The title's words on the brace's line, up to it, looked for from the link on.
        const size_t line_start = title.rfind('\n', open);
        const std::string before = title.substr(line_start == std::string::npos ? 0 : line_start + 1,
                                                open - (line_start == std::string::npos ? 0 : line_start + 1));
        SourceLoc at = link;
        for (int l = link.line; l > 0 && l < link.line + 20 && static_cast<size_t>(l) <= src.lines.size(); ++l) {
            const std::string text = line_text(l);
            const size_t from = l == link.line && link.column > 0 ? static_cast<size_t>(link.column - 1) : 0;
            if (from <= text.size() && text.find(before + "\\{", from) != std::string::npos) return;  // written "\{"
            const size_t p = from <= text.size() ? text.find(before + "{", from) : std::string::npos;
            if (p != std::string::npos) {
                at.line = l;
                at.column = column_of(text, p + before.size());
                break;
            }
        }
        warn_figure_not_computed(at, line_text(at.line), _("a link's title"), diags);
    }

    // A code block or HTML block that is never closed runs to the end of the file: the sections
    // after it would silently become its text. True if it is refused.
    bool refuse_unclosed(cmark_node* n, const SourceLoc& at) {
        const int end = src.first_line + cmark_node_get_end_line(n) - 1;
        if (cmark_node_get_type(n) == CMARK_NODE_CODE_BLOCK) {
            int length = 0, offset = 0;
            char fence = 0;
            // Without the file's lines (a caller that gives none) the closing fence cannot be seen.
            if (!cmark_node_get_fenced(n, &length, &offset, &fence) || src.lines.empty()) return false;
            if (end > at.line && closes_fence(line_view(end), length, fence)) return false;
            const std::string marks(static_cast<size_t>(length), fence);
            diags.error(at, fmt(_("this code block is never closed, so everything after it, the next sections too, "
                                  "would be printed as its text; close it with {} on a line of its own"),
                                marks),
                        line_text(at.line));
            return true;
        }
        const std::string html = literal(n);
        const std::string_view close = html_block_end(html);
        if (close.empty() || fold_label(html).find(close) != std::string::npos) return false;
        diags.error(at, fmt(_("this HTML block is never closed (no \"{}\"), so everything after it, the next sections "
                              "too, would be printed as its text; close it, or remove it"),
                            close),
                    line_text(at.line));
        return true;
    }

    SourceLoc loc(cmark_node* n) const {
        // An autolink has no position of its own: it starts after the node before it, or where
        // its parent starts (not on the line before the text, the header's closing "---").
        cmark_node* at = n;
        while (cmark_node_get_start_line(at) == 0) {
            cmark_node* prev = cmark_node_previous(at);
            // (The autolink extension cuts the text before the link short but leaves its end:
            // a text node ends where its text does.)
            if (prev && cmark_node_get_type(prev) == CMARK_NODE_TEXT && cmark_node_get_start_line(prev) > 0)
                return {src.file, src.first_line + cmark_node_get_start_line(prev) - 1,
                        cmark_node_get_start_column(prev) + static_cast<int>(literal(prev).size())};
            if (prev && cmark_node_get_end_line(prev) > 0)
                return {src.file, src.first_line + cmark_node_get_end_line(prev) - 1, cmark_node_get_end_column(prev) + 1};
            if (!cmark_node_parent(at)) break;
            at = prev ? prev : cmark_node_parent(at);
        }
        return {src.file, src.first_line + cmark_node_get_start_line(at) - 1, cmark_node_get_start_column(at)};
    }
    std::string line_text(int file_line) const { return std::string(line_view(file_line)); }
    std::string_view line_view(int file_line) const {
        const int i = file_line - 1;
        return i >= 0 && static_cast<size_t>(i) < src.lines.size() ? src.lines[static_cast<size_t>(i)] : std::string_view();
    }

    static std::string literal(cmark_node* n) {
        const char* s = cmark_node_get_literal(n);
        return s ? s : "";
    }

    // The address as CommonMark's own HTML writes it: bytes a URL may not hold (a backslash,
    // brackets, spaces, letters beyond ASCII) percent-encoded, so a browser and a PDF viewer
    // open the address that was written (a browser reads "\\" as "/"). "%" stays: the address
    // may be encoded already.
    static std::string encode_url(const std::string& url) {
        static const std::string_view safe = "!#$%&'()*+,-./:;=?@_~";
        std::string out;
        for (const unsigned char c : url) {
            const bool alnum = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            if (alnum || safe.find(static_cast<char>(c)) != std::string_view::npos) {
                out += static_cast<char>(c);
            } else {
                static const char* hex = "0123456789ABCDEF";
                out += '%';
                out += hex[c >> 4];
                out += hex[c & 15];
            }
        }
        return out;
    }

    // A footnote's reference, numbered by cmark in the order the text refers to its notes: the
    // number in superscript, linked to its note (but inside a link, which cannot hold another).
    [[gnu::cold]] void note_reference(cmark_node* n, std::vector<Inline>& out) {
        const std::string label = literal(n);
        int number = 0;
        const auto [end, ec] = std::from_chars(label.data(), label.data() + label.size(), number);
        if (ec != std::errc() || end != label.data() + label.size() || number <= 0) {
            out.push_back(Inline::text_run("[^" + label + "]", loc(n)));
            return;
        }
        if (note_sections.size() < static_cast<size_t>(number)) note_sections.resize(static_cast<size_t>(number), -1);
        int& first = note_sections[static_cast<size_t>(number) - 1];
        if (first < 0) first = section;
        Inline mark = Inline::text_run(superscript_number(number), loc(n));
        if (in_link > 0 || src.note_anchor.empty()) {
            // Text with the words before it, as cmark's pieces of one text are.
            if (!out.empty() && out.back().kind == Inline::Kind::Text && out.back().url().empty()) out.back().text += mark.text;
            else out.push_back(std::move(mark));
            return;
        }
        Inline link;
        link.kind = Inline::Kind::Link;
        link.set_url("#" + src.note_anchor + std::to_string(number));
        link.loc = mark.loc;
        link.children.push_back(std::move(mark));
        out.push_back(std::move(link));
    }

    // "[^2]" with no note "[^2]: ..." is left by cmark as text: printed as written, with a
    // warning at it (not at one written "\\[^2]", meant as text).
    [[gnu::cold]] void warn_unknown_note(const Inline& text) {
        for (size_t at = text.text.find("[^"); at != std::string::npos; at = text.text.find("[^", at + 2)) {
            const size_t close = text.text.find(']', at + 2);
            if (close == std::string::npos) return;
            const std::string written = text.text.substr(at, close + 1 - at);
            if (close == at + 2 || written.find_first_of(" \t[", 1) != std::string::npos) continue;
            const std::string_view line = line_view(text.loc.line);
            const size_t from = text.loc.column > 0 ? static_cast<size_t>(text.loc.column - 1) : 0;
            size_t p = from < line.size() ? line.find(written, from) : std::string_view::npos;
            while (p != std::string_view::npos && p > 0 && line[p - 1] == '\\') p = line.find(written, p + 1);
            if (p == std::string_view::npos) continue;
            SourceLoc where = text.loc;
            where.column = column_of(line, p);
            diags.warning(where, fmt(_("the footnote {0} has no note, so it is printed as written; write the note on a "
                                       "line of its own after a blank line: \"{0}: the note's text\""),
                                     written),
                          std::string(line));
        }
    }

    static bool safe_url(const std::string& url) {
        const std::string u = fold_label(url);
        // "#punkt-5" and the like are places in the packet, checked once the meeting is read.
        return starts_with(u, "http://") || starts_with(u, "https://") || starts_with(u, "mailto:") ||
               starts_with(u, "#");
    }

    std::vector<Inline> inlines(cmark_node* parent) {
        std::vector<Inline> out;
        const Level level(*this, parent);
        if (!level.ok) return out;
        // At most one inline per child: reserved, so the model holds no unused room (x10's
        // text held 1,6 MB of inlines, a third of it room left by doubling).
        size_t children = 0;
        for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) ++children;
        out.reserve(children);
        for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
            Inline in;
            const cmark_node_type type = cmark_node_get_type(n);
            const char* type_name = cmark_node_get_type_string(n);
            if (type == CMARK_NODE_HTML_INLINE && is_comment_block(literal(n))) {
                // A comment inside a line is the author's note too, left out as a block of one is
                // (drop_comments: it may also end a comment cmark left as text).
                in.kind = Inline::Kind::Text;
                in.text = literal(n);
                in.set_url(std::string(kWholeComment));  // a marker, taken out again by drop_comments
                in.loc = loc(n);
                out.push_back(std::move(in));
                continue;
            }
            if (type == CMARK_NODE_FOOTNOTE_REFERENCE) {
                note_reference(n, out);
                continue;
            }
            if (type == CMARK_NODE_TEXT || type == CMARK_NODE_HTML_INLINE) {
                in.kind = Inline::Kind::Text;
                in.text = literal(n);
                in.loc = loc(n);
                refuse_control(in.text, n);
                // Merge with a preceding text run: cmark splits text at special characters.
                if (!out.empty() && out.back().kind == Inline::Kind::Text && out.back().url().empty()) {
                    out.back().text += in.text;
                    continue;
                }
            } else if (type == CMARK_NODE_CODE) {
                in.kind = Inline::Kind::Code;
                in.text = literal(n);
                refuse_control(in.text, n);
            } else if (type == CMARK_NODE_SOFTBREAK) {
                in.kind = Inline::Kind::SoftBreak;
            } else if (type == CMARK_NODE_LINEBREAK) {
                in.kind = Inline::Kind::LineBreak;
            } else if (type == CMARK_NODE_EMPH) {
                in.kind = Inline::Kind::Emph;
                in.children = inlines(n);
            } else if (type == CMARK_NODE_STRONG) {
                in.kind = Inline::Kind::Strong;
                in.children = inlines(n);
            } else if (type_name && std::string(type_name) == "strikethrough") {
                in.kind = Inline::Kind::Strike;
                in.children = inlines(n);
            } else if (type == CMARK_NODE_LINK) {
                const char* url = cmark_node_get_url(n);
                in.set_url(encode_url(url ? url : ""));
                const char* title = cmark_node_get_title(n);
                in.set_title(title ? title : "");
                in.loc = loc(n);
                refuse_control(in.title(), n);
                warn_title_figure(in.title(), in.loc);
                ++in_link;
                in.children = inlines(n);
                --in_link;
                if (!safe_url(in.url())) {
                    // The text stays; the target is dropped (no javascript:, data:, file: links).
                    const SourceLoc l = loc(n);
                    diags.warning(l, fmt(_("link to {} removed: only http, https and mailto links and places in the packet "
                                           "(#punkt-5) are allowed"), quote_text(in.url())),
                                  line_text(l.line));
                    for (Inline& c : in.children) out.push_back(std::move(c));
                    continue;
                }
                in.kind = Inline::Kind::Link;
            } else if (type == CMARK_NODE_IMAGE) {
                // A picture is a figure of its own (numbered, with a caption), never a word in a line.
                const SourceLoc l = loc(n);
                diags.error(l, _("a picture must stand alone in its paragraph, with a blank line before and after it: "
                                 "![Figur 1: what it shows](file.png)"),
                            line_text(l.line));
                for (Inline& c : inlines(n)) out.push_back(std::move(c));
                continue;
            } else {
                in.kind = Inline::Kind::Text;
                in.text = literal(n);
            }
            out.push_back(std::move(in));
        }
        if (footnotes)
            for (const Inline& i : out)
                if (i.kind == Inline::Kind::Text && i.url().empty() && i.text.find("[^") != std::string::npos) warn_unknown_note(i);
        std::vector<Inline> kept = drop_comments(std::move(out));
        note_typed_numbers(kept);
        return split_figures(std::move(kept));
    }

    // Where each byte of a text run came from in its source line: its 1-based column (in
    // characters, as messages count) and whether it was written escaped ("\\{"). cmark gives the
    // run's start and has removed the escapes and decoded the entities; walking the source line
    // alongside the text puts them back. Without a source position every column is the start.
    struct Origin {
        int column = 0;
        bool escaped = false;
        bool reference = false;  // decoded from a character reference ("&lt;")
        int byte_column = 0;     // in bytes, as cmark counts a run's start
    };
    // Whether the "&" at line[p] begins a character reference ("&amp;", "&#123;", "&#x7B;") that
    // cmark decoded into text[i]: one it left as written is the same bytes in the text.
    static bool is_reference(std::string_view line, size_t p, const std::string& text, size_t i) {
        const size_t semi = line.find(';', p);
        if (semi == std::string::npos || semi - p < 3 || semi - p > 33) return false;
        const std::string_view name = line.substr(p + 1, semi - p - 1);
        const bool numeric = name[0] == '#';
        for (size_t k = numeric ? 1 : 0; k < name.size(); ++k)
            if (!std::isalnum(static_cast<unsigned char>(name[k])) && !(numeric && k == 1 && (name[k] == 'x' || name[k] == 'X')))
                return false;
        return text.compare(i, semi + 1 - p, line, p, semi + 1 - p) != 0;
    }

    std::vector<Origin> origins(const Inline& run) const {
        const std::string& t = run.text;
        std::vector<Origin> out(t.size(), Origin{run.loc.column, false, false, run.loc.column});
        const std::string_view line = line_view(run.loc.line);
        if (run.loc.line <= 0 || run.loc.column <= 0) return out;
        size_t p = static_cast<size_t>(run.loc.column - 1);  // cmark counts bytes
        // The column of each byte offset, counted once for the line (counting the prefix anew
        // for every byte was quadratic in the line's length).
        std::vector<int> columns(line.size() + 1, 1);
        for (size_t b = 0; b < line.size(); ++b)
            columns[b + 1] = columns[b] + ((static_cast<unsigned char>(line[b]) & 0xC0) != 0x80 ? 1 : 0);
        const auto column_at = [&](size_t byte) { return columns[std::min(byte, line.size())]; };
        for (size_t i = 0; i < t.size(); ++i) {
            if (p >= line.size()) {
                out[i].column = column_at(line.size());
                out[i].byte_column = static_cast<int>(line.size()) + 1;
                continue;
            }
            out[i].column = column_at(p);
            out[i].byte_column = static_cast<int>(p) + 1;
            const unsigned char c = static_cast<unsigned char>(line[p]);
            if (c == '\\' && p + 1 < line.size() && line[p + 1] == t[i] && std::ispunct(static_cast<unsigned char>(t[i]))) {
                out[i].escaped = true;
                p += 2;
            } else if (c == '&' && is_reference(line, p, t, i)) {
                // An entity (&amp; &#123;) is one character in the text, of one or more bytes.
                const size_t semi = line.find(';', p);
                out[i].reference = true;
                size_t len = 1;
                while (i + len < t.size() && (static_cast<unsigned char>(t[i + len]) & 0xC0) == 0x80) ++len;
                for (size_t k = 1; k < len; ++k) out[i + k] = out[i];
                i += len - 1;
                p = semi == std::string::npos ? line.size() : semi + 1;
            } else {
                ++p;
            }
        }
        return out;
    }

    // Whether the bytes t[at, at + n) of a run were written as they are (not escaped, "\\<", nor
    // a character reference, "&lt;"): only such "<!--" and "-->" open and close a comment.
    static bool as_written(const std::vector<Origin>& from, size_t at, size_t n) {
        for (size_t k = at; k < at + n && k < from.size(); ++k)
            if (from[k].escaped || from[k].reference) return false;
        return true;
    }

    // The first "<!--" (or, with `close`, "-->") written as such in the run at or after `pos`.
    static size_t find_mark(const std::string& t, const std::vector<Origin>& from, size_t pos, bool close) {
        const std::string_view mark = close ? "-->" : "<!--";
        for (size_t k = t.find(mark, pos); k != std::string::npos; k = t.find(mark, k + 1))
            if (as_written(from, k, mark.size())) return k;
        return std::string::npos;
    }

    // The author's notes (HTML comments) taken out of a line's inlines, the way HTML ends them
    // (comment_end): both those cmark read as raw HTML and those its older rule left as text
    // ("<!-- a -- b -->", "<!-- a --->", "<!-->"), which would otherwise print in both editions. A
    // comment that does not end in its paragraph (or in the emphasis or link it starts in) would
    // print: an error at its "<!--".
    std::vector<Inline> drop_comments(std::vector<Inline> in) {
        const auto marked = [](const Inline& i) {
            return i.kind == Inline::Kind::Text && (i.url() == kWholeComment || i.text.find("<!--") != std::string::npos);
        };
        if (std::none_of(in.begin(), in.end(), marked)) return in;  // most text: as it is
        std::vector<Inline> out;
        bool open = false;     // inside a comment that began in an earlier run
        SourceLoc opened;      // where it began
        for (Inline& i : in) {
            if (i.kind == Inline::Kind::Text && i.url() == kWholeComment) {
                open = false;  // one of its own, or the end of the open one (its first "-->" is its end)
                continue;
            }
            if (i.kind != Inline::Kind::Text) {
                if (!open) {
                    out.push_back(std::move(i));
                } else if (plain_text({i}).find("-->") != std::string::npos) {
                    diags.error(opened, _("this HTML comment ends inside code, emphasis or a link, so part of it would be "
                                          "printed; end it in the plain text, or put it on lines of its own"),
                                line_text(opened.line));
                    open = false;
                }
                continue;  // a line end, code or emphasis inside the comment goes with it
            }
            const std::vector<Origin> from = origins(i);
            const std::string& t = i.text;
            size_t pos = 0;
            while (pos < t.size()) {
                if (open) {
                    const size_t close = find_mark(t, from, pos, true);
                    if (close == std::string::npos) break;  // all of this run is the comment's
                    open = false;
                    pos = close + 3;
                    continue;
                }
                const size_t start = find_mark(t, from, pos, false);
                const size_t keep = start == std::string::npos ? t.size() : start;
                if (keep > pos) {
                    Inline part = Inline::text_run(t.substr(pos, keep - pos), i.loc);
                    // The text after a comment starts where it is written (its figures' columns).
                    if (pos > 0 && pos < from.size()) part.loc.column = from[pos].byte_column;
                    out.push_back(std::move(part));
                }
                if (start == std::string::npos) break;
                size_t end = comment_end(t, start);
                while (end != std::string::npos && !as_written(from, end - 3, 3)) {  // "--\>" does not end it
                    const size_t next = find_mark(t, from, end - 2, true);
                    end = next == std::string::npos ? next : next + 3;
                }
                if (end == std::string::npos) {
                    open = true;
                    opened = i.loc;
                    opened.column = from[start].column;
                    break;
                }
                pos = end;
            }
        }
        if (open)
            diags.error(opened, _("this HTML comment is never closed with \"-->\" in its paragraph, so it would be "
                                  "printed; close it (a comment inside a line may not hold a blank line), or put it on "
                                  "lines of its own"),
                        line_text(opened.line));
        return out;
    }

    // The numbers typed in the text runs (outside figures, whose braces are still in the text),
    // each where it is written.
    void note_typed_numbers(const std::vector<Inline>& in) const {
        if (!src.typed_numbers) return;
        for (const Inline& i : in) {
            if (i.kind != Inline::Kind::Text) continue;
            const std::vector<TypedNumberToken> found = typed_numbers_in(i.text);
            if (found.empty()) continue;
            const std::vector<Origin> from = origins(i);
            for (const TypedNumberToken& n : found) {
                SourceLoc at = i.loc;
                at.column = from[n.begin].column;
                src.typed_numbers->push_back({n.key, i.text.substr(n.begin, n.end - n.begin), n.scaled_key, n.scale_unit,
                                              n.scale_end == 0 ? std::string() : i.text.substr(n.begin, n.scale_end - n.begin),
                                              n.unit_after, at, line_text(at.line)});
            }
        }
    }

    // "{formula}" inside text becomes a Figure; the text around it stays. A brace written
    // escaped ("\\{", as CommonMark escapes any punctuation) is a brace in the text.
    // The first "{" or "}" (or only "}" when `close_only`) at or after `pos`, or npos: a loop,
    // not find_first_of, which calls memchr on its set for every character of the text.
    static size_t find_brace(const std::string& t, size_t pos, bool close_only) {
        for (size_t k = pos; k < t.size(); ++k)
            if (t[k] == '}' || (t[k] == '{' && !close_only)) return k;
        return std::string::npos;
    }

    std::vector<Inline> split_figures(std::vector<Inline> in) {
        // (Whether a run has a brace at all is two memchr, not a loop a byte: most runs have none.)
        const auto has_brace = [](const Inline& i) {
            return i.kind == Inline::Kind::Text &&
                   (i.text.find('{') != std::string::npos || i.text.find('}') != std::string::npos);
        };
        if (std::none_of(in.begin(), in.end(), has_brace)) return in;  // most text: as it is
        std::vector<Inline> out;
        for (Inline& i : in) {
            if (!has_brace(i)) {
                out.push_back(std::move(i));
                continue;
            }
            const std::string& t = i.text;
            const std::vector<Origin> from = origins(i);
            // The next brace at or after `pos` that was not escaped, or npos.
            const auto next_brace = [&](size_t pos, const char* which) {
                const bool close_only = which[0] == '}' && which[1] == '\0';
                for (size_t k = find_brace(t, pos, close_only); k != std::string::npos; k = find_brace(t, k + 1, close_only))
                    if (!from[k].escaped) return k;
                return std::string::npos;
            };
            size_t pos = 0;
            while (pos < t.size()) {
                const size_t open = next_brace(pos, "{}");
                if (open == std::string::npos) {
                    out.push_back(Inline::text_run(t.substr(pos), i.loc));
                    break;
                }
                SourceLoc at = i.loc;
                at.column = from[open].column;
                const size_t close = t[open] == '{' ? next_brace(open + 1, "}") : std::string::npos;
                if (close == std::string::npos) {
                    diags.error(at, t[open] == '{' ? fmt(_("this \"{{\" has no \"}}\": a figure is written {{tabel[række; kolonne]}}; "
                                                       "write \\{{ for a brace in the text"))
                                                   : fmt(_("a \"}}\" without \"{{\"; write \\}} for a brace in the text")),
                                line_text(at.line));
                    out.push_back(Inline::text_run(t.substr(pos), i.loc));
                    break;
                }
                if (open > pos) out.push_back(Inline::text_run(t.substr(pos, open - pos), i.loc));
                Inline fig;
                fig.kind = Inline::Kind::Figure;
                fig.set_expression(std::string(trim(std::string_view(t).substr(open + 1, close - open - 1))));
                fig.loc = at;
                fig.loc.column = open + 1 < close ? from[open + 1].column : at.column + 1;
                out.push_back(std::move(fig));
                pos = close + 1;
            }
        }
        out.shrink_to_fit();
        return out;
    }

    // The heading levels the packet can show: # opens a section (only at the top of the text,
    // never inside a list or quote), ## to #### are the headings below it (h4-h6 in HTML, three
    // looks in the PDF). False, after a message, for any other.
    bool heading_fits(const Block& b, cmark_node* parent) {
        std::string why;
        if (b.level > kDeepestHeading)
            why = fmt(_("a level-{} heading cannot be shown: below a section the packet has the heading levels ## to ####; "
                        "use one of them"), b.level);
        else if (b.level == 1 && cmark_node_get_type(parent) != CMARK_NODE_DOCUMENT)
            why = _("a level-1 heading (# ...) opens a section and cannot stand inside a list or quote; use ## for a "
                  "heading there");
        if (why.empty()) return true;
        diags.error(b.loc, why, line_text(b.loc.line));
        return false;
    }

    // The picture a paragraph holds and nothing else (but spaces and line ends), or null.
    static cmark_node* lone_image(cmark_node* paragraph) {
        cmark_node* image = nullptr;
        for (cmark_node* n = cmark_node_first_child(paragraph); n; n = cmark_node_next(n)) {
            const cmark_node_type type = cmark_node_get_type(n);
            if (type == CMARK_NODE_IMAGE && !image) image = n;
            else if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) continue;
            else if (type == CMARK_NODE_TEXT && trim(literal(n)).empty()) continue;
            else return nullptr;
        }
        return image;
    }

    // A task list's item ("- [ ] ..." or "- [x] ..."), whose box cmark takes out of its text.
    static bool is_task(cmark_node* item) {
        const char* type_name = cmark_node_get_type_string(item);
        return type_name && std::string_view(type_name) == "tasklist";
    }

    // The box printed in front of a task's words, as a character both formats print alike (the
    // fallback face has them): ☐ to do, ☑ done.
    [[gnu::cold]] static void mark_task(std::vector<Block>& item, bool done, const SourceLoc& at) {
        const char* box = done ? "\u2611 " : "\u2610 ";
        if (!item.empty() && item[0].kind == Block::Kind::Paragraph) {
            std::vector<Inline>& words = item[0].inlines;
            if (!words.empty() && words[0].kind == Inline::Kind::Text && words[0].url().empty()) words[0].text.insert(0, box);
            else words.insert(words.begin(), Inline::text_run(box, at));
            return;
        }
        Block line;
        line.kind = Block::Kind::Paragraph;
        line.loc = at;
        line.inlines.push_back(Inline::text_run(box, at));
        item.insert(item.begin(), std::move(line));
    }

    // Whether a node is all its section has: nothing but a level-1 heading (or the text's start
    // or end) on either side.
    static bool alone_in_section(cmark_node* n) {
        const auto boundary = [](cmark_node* m) {
            return !m || (cmark_node_get_type(m) == CMARK_NODE_HEADING && cmark_node_get_heading_level(m) == 1);
        };
        return cmark_node_get_type(cmark_node_parent(n)) == CMARK_NODE_DOCUMENT && boundary(cmark_node_previous(n)) &&
               boundary(cmark_node_next(n));
    }

    std::vector<Block> blocks(cmark_node* parent) {
        std::vector<Block> out;
        const Level level(*this, parent);
        if (!level.ok) return out;
        const bool top = cmark_node_get_type(parent) == CMARK_NODE_DOCUMENT;
        for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
            Block b;
            b.loc = loc(n);
            const cmark_node_type type = cmark_node_get_type(n);
            if (top && type == CMARK_NODE_HEADING && cmark_node_get_heading_level(n) == 1) ++section;
            if (type == CMARK_NODE_FOOTNOTE_DEFINITION) {
                // A note's own references (to another note) count from the section of its first.
                const size_t k = notes.size();
                section = k < note_sections.size() && note_sections[k] >= 0 ? note_sections[k] : section;
                notes.push_back(blocks(n));
                note_locs.push_back(b.loc);
                continue;
            }
            switch (type) {
                case CMARK_NODE_PARAGRAPH:
                    if (cmark_node* image = lone_image(n)) {
                        // Its file is read with the item's other files (input/image_reader).
                        b.kind = Block::Kind::Image;
                        b.loc = loc(image);
                        const char* url = cmark_node_get_url(image);
                        b.text = url ? url : "";
                        b.inlines = inlines(image);
                        break;
                    }
                    b.kind = Block::Kind::Paragraph;
                    b.inlines = inlines(n);
                    break;
                case CMARK_NODE_HEADING:
                    b.kind = Block::Kind::Heading;
                    b.level = cmark_node_get_heading_level(n);
                    b.inlines = inlines(n);
                    if (!heading_fits(b, parent)) continue;
                    break;
                case CMARK_NODE_LIST: {
                    b.kind = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST ? Block::Kind::OrderedList
                                                                                : Block::Kind::BulletList;
                    b.start = cmark_node_get_list_start(n);
                    b.tight = cmark_node_get_list_tight(n) != 0;
                    size_t tasks = 0;
                    for (cmark_node* item = cmark_node_first_child(n); item; item = cmark_node_next(item)) {
                        b.items.push_back(blocks(item));
                        if (is_task(item)) {
                            mark_task(b.items.back(), cmark_gfm_extensions_get_tasklist_item_checked(item), loc(item));
                            ++tasks;
                        }
                    }
                    b.tasks = b.kind == Block::Kind::BulletList && tasks > 0 && tasks == b.items.size();
                    // A section written as a lone "-" (as the source documents do) is the text "-";
                    // before more text of the same section it is an empty list item, as CommonMark
                    // reads it.
                    if (b.kind == Block::Kind::BulletList && b.items.size() == 1 && b.items[0].empty() &&
                        alone_in_section(n)) {
                        b = Block{};
                        b.loc = loc(n);
                        b.kind = Block::Kind::Paragraph;
                        b.inlines.push_back(Inline::text_run("-", {}));
                    }
                    break;
                }
                case CMARK_NODE_BLOCK_QUOTE:
                    b.kind = Block::Kind::Quote;
                    b.children = blocks(n);
                    break;
                case CMARK_NODE_CODE_BLOCK: {
                    refuse_unclosed(n, b.loc);
                    refuse_control(literal(n), n);
                    const char* info = cmark_node_get_fence_info(n);
                    // The block's text starts on the line after the opening fence.
                    const int index = on_fence && info ? on_fence(fold_label(info), literal(n), b.loc, b.loc.line + 1)
                                                       : kNotHandled;
                    if (index == kConsumed) continue;
                    if (index >= 0) {
                        b.kind = Block::Kind::Table;
                        b.table = index;
                    } else if (index <= chart_fence(0)) {
                        b.kind = Block::Kind::Chart;
                        b.chart = chart_fence(0) - index;
                    } else {
                        b.kind = Block::Kind::CodeBlock;
                        b.text = literal(n);
                    }
                    break;
                }
                case CMARK_NODE_HTML_BLOCK:
                    if (refuse_unclosed(n, b.loc)) continue;
                    // A block of only HTML comments is the author's note to themselves (the
                    // skeletons of "boardpack new-item" explain each section so): it is left
                    // out of both editions alike.
                    if (is_comment_block(literal(n))) continue;
                    if (trim(literal(n)).substr(0, 4) == "<!--") {
                        // "<!-- note --> text": the text is part of the comment's block, and a note
                        // the author meant to hide would be printed with it.
                        diags.error(b.loc, _("text follows an HTML comment on its line: put the comment on lines of its "
                                             "own (it is then left out of the packet) and the text after it"),
                                    line_text(b.loc.line));
                        continue;
                    }
                    // Other raw HTML is never passed through: it is printed as the text it is.
                    b.kind = Block::Kind::CodeBlock;
                    b.text = literal(n);
                    break;
                case CMARK_NODE_THEMATIC_BREAK:
                    b.kind = Block::Kind::Rule;
                    break;
                default: {
                    const char* type_name = cmark_node_get_type_string(n);
                    if (type_name && std::string(type_name) == "table") {
                        // A pipe table would have no number, caption or typed cells.
                        diags.error(b.loc, _("Markdown tables are not supported: put the table in a CSV file and refer "
                                           "to it with a ```tabel block (it then gets a number and a caption)"),
                                    line_text(b.loc.line));
                    }
                    continue;
                }
            }
            out.push_back(std::move(b));
        }
        if (top && !notes.empty()) place_notes(out);
        return out;
    }

    // Each note at the end of the section it is first referred to from (before the next
    // level-1 heading): numbered lists marked as notes, one for each run of numbers a section
    // has (a note referred to first from another note may come between).
    [[gnu::cold]] void place_notes(std::vector<Block>& out) {
        const std::vector<SourceLoc>& locs = note_locs;
        int sections = 0;  // the level-1 headings, each of which begins a section
        for (const Block& b : out) sections += b.kind == Block::Kind::Heading && b.level == 1 ? 1 : 0;
        std::vector<std::vector<Block>> lists_by_section(static_cast<size_t>(sections) + 1);
        for (size_t k = 0; k < notes.size(); ++k) {
            const int s = k < note_sections.size() && note_sections[k] >= 0 ? note_sections[k] : sections;
            std::vector<Block>& lists = lists_by_section[static_cast<size_t>(std::clamp(s, 0, sections))];
            const int number = static_cast<int>(k) + 1;
            if (lists.empty() || lists.back().start + static_cast<int>(lists.back().items.size()) != number) {
                Block list;
                list.kind = Block::Kind::OrderedList;
                list.notes = true;
                list.start = number;
                list.tight = false;
                list.loc = locs[k];
                list.text = src.note_anchor;
                lists.push_back(std::move(list));
            }
            lists.back().items.push_back(std::move(notes[k]));
        }
        std::vector<Block> placed;
        placed.reserve(out.size() + notes.size());
        int at = 0;
        const auto flush = [&](int s) {
            for (Block& list : lists_by_section[static_cast<size_t>(s)]) placed.push_back(std::move(list));
        };
        for (Block& b : out) {
            if (b.kind == Block::Kind::Heading && b.level == 1 && at < sections) flush(at++);
            placed.push_back(std::move(b));
        }
        while (at <= sections) flush(at++);
        out = std::move(placed);
    }
};

// Counts the parts of the parsed text (blocks and inline pieces alike: each becomes a model
// object and something to lay out) against the meeting's limit, without recursion. False, after
// a message at the part that crossed it, when there are too many.
bool count_parts(cmark_node* doc, const MarkdownSource& source, Diagnostics& diags) {
    if (!source.totals) return true;
    cmark_iter* it = cmark_iter_new(doc);
    bool ok = true;
    for (cmark_event_type ev; ok && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
        if (ev != CMARK_EVENT_ENTER) continue;
        cmark_node* n = cmark_iter_get_node(it);
        if (n == doc) continue;
        // The nearest node with a position (inline nodes have none of their own in cmark-gfm).
        cmark_node* at = n;
        while (cmark_node_get_start_line(at) == 0 && cmark_node_parent(at)) at = cmark_node_parent(at);
        const SourceLoc loc{source.file, source.first_line + cmark_node_get_start_line(at) - 1,
                            cmark_node_get_start_column(at)};
        ok = count_for_meeting(*source.totals, &ReadTotals::markdown_parts, 1, kMaxMeetingMarkdownParts,
                               N_("Markdown parts (paragraphs, list items, headings, emphasis, links ...)"), loc,
                               diags);
    }
    cmark_iter_free(it);
    return ok;
}

// A note "[^x]: ..." that nothing refers to is left out by cmark, with no trace in the tree: its
// first line is then one no part of the text covers. A warning there, since its words would be
// lost without a word.
void warn_unreferenced_notes(cmark_node* doc, const MarkdownSource& source, Diagnostics& diags) {
    std::vector<std::string_view> lines;
    for (size_t from = 0; from < source.text.size();) {
        const size_t end = source.text.find('\n', from);
        lines.push_back(source.text.substr(from, end == std::string_view::npos ? std::string_view::npos : end - from));
        from = end == std::string_view::npos ? source.text.size() : end + 1;
    }
    std::vector<bool> covered(lines.size() + 1, false);
    for (cmark_node* n = cmark_node_first_child(doc); n; n = cmark_node_next(n)) {
        const int first = std::max(1, cmark_node_get_start_line(n));
        const int last = std::min(static_cast<int>(lines.size()), std::max(first, cmark_node_get_end_line(n)));
        for (int l = first; l <= last; ++l) covered[static_cast<size_t>(l)] = true;
    }
    for (size_t l = 1; l <= lines.size(); ++l) {
        if (covered[l]) continue;
        const std::string_view line = lines[l - 1];
        size_t at = 0;
        while (at < 3 && at < line.size() && line[at] == ' ') ++at;
        if (line.substr(at, 2) != "[^") continue;
        const size_t close = line.find("]:", at + 2);
        if (close == std::string_view::npos || close == at + 2) continue;
        const std::string_view label = line.substr(at, close + 1 - at);
        if (label.find_first_of(" \t]", 2) != label.size() - 1) continue;
        const int file_line = source.first_line + static_cast<int>(l) - 1;
        const std::string shown(label);
        diags.warning({source.file, file_line, static_cast<int>(at) + 1},
                      fmt(_("the footnote {0}'s note is not printed: nothing in the text refers to it; write {0} where "
                            "it belongs, or remove the note"),
                          shown),
                      file_line - 1 >= 0 && static_cast<size_t>(file_line - 1) < source.lines.size()
                          ? std::string(source.lines[static_cast<size_t>(file_line - 1)])
                          : std::string(line));
    }
}

struct ParserDeleter {
    void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeDeleter {
    void operator()(cmark_node* n) const { cmark_node_free(n); }
};

}  // namespace

void prepare_markdown_reader() { cmark_gfm_core_extensions_ensure_registered(); }

std::vector<Block> read_markdown(const MarkdownSource& source, const FenceHandler& on_fence, Diagnostics& diags) {
    // Once the meeting is over its limit (reported already), the rest is not parsed at all.
    if (source.totals && source.totals->markdown_parts > kMaxMeetingMarkdownParts) return {};
    cmark_gfm_core_extensions_ensure_registered();
    // Footnotes are read only in a text that can have them: cmark walks the whole text twice
    // more to number them.
    Converter c{source, on_fence, diags};
    std::unique_ptr<cmark_parser, ParserDeleter> parser(
        cmark_parser_new(CMARK_OPT_DEFAULT | (c.footnotes ? CMARK_OPT_FOOTNOTES : 0)));
    for (const char* name : {"strikethrough", "autolink", "table", "tasklist"}) {
        if (std::string_view(name) == "tasklist" && !may_have_tasks(source.text)) continue;
        if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
            cmark_parser_attach_syntax_extension(parser.get(), ext);
    }
    cmark_parser_feed(parser.get(), source.text.data(), source.text.size());
    std::unique_ptr<cmark_node, NodeDeleter> doc(cmark_parser_finish(parser.get()));
    if (!count_parts(doc.get(), source, diags)) return {};
    if (c.footnotes) warn_unreferenced_notes(doc.get(), source, diags);
    return c.blocks(doc.get());
}

std::string plain_text(const std::vector<Inline>& inlines) {
    std::string out;
    for (const Inline& in : inlines) {
        switch (in.kind) {
            case Inline::Kind::Text:
            case Inline::Kind::Code:
            case Inline::Kind::Figure: out += in.text; break;
            case Inline::Kind::SoftBreak:
            case Inline::Kind::LineBreak: out += ' '; break;
            default: out += plain_text(in.children); break;
        }
    }
    return out;
}

}  // namespace boardpack::input

#include "render/pdf/line_breaker.hpp"

#include <algorithm>
#include <functional>
#include <iterator>
#include <string_view>

#include "render/pdf/address_breaks.hpp"
#include "render/pdf/line_memo.hpp"
#include "render/pdf/non_breaking.hpp"
#include "render/pdf/code_points.hpp"

namespace boardpack::render::pdf {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t'; }

// A space, tab or line break: one test per byte where a run of text is scanned (bytes >= 0x80,
// the parts of other characters, never are).
bool ends_run(char c) { return static_cast<unsigned char>(c) <= ' ' && (c == ' ' || c == '\t' || c == '\n'); }

// Calls on_run(span, text) for each run of characters other than spaces and line breaks,
// on_space(span) for each space and on_break() for each "\n". Spaces and breaks are ASCII,
// so scanning bytes never cuts a character.
template <class Run, class Space, class Break>
void scan(std::span<const Span> spans, Run on_run, Space on_space, Break on_break) {
    for (size_t s = 0; s < spans.size(); ++s) {
        const std::string_view t = spans[s].text;
        size_t i = 0;
        while (i < t.size()) {
            if (t[i] == '\n') on_break();
            else if (is_space(t[i])) on_space(s);
            else {
                size_t j = i;
                while (j < t.size() && !ends_run(t[j])) ++j;
                on_run(s, t.substr(i, j - i));
                i = j;
                continue;
            }
            ++i;
        }
    }
}

// One token of the text: part of a word (in one span), a space or a forced break. Views into
// the spans' text: breaking builds no string per word.
struct Token {
    enum class Kind : unsigned char { Word, Space, Break } kind = Kind::Word;
    size_t span = 0;
    std::string_view text;
};

// Where a line may end after a character: never, at a hyphen or slash, or only when the unit
// is wider than a whole line (a joining space, a hyphen in a case number).
enum class Break : unsigned char { None, Normal, Last };

// The characters of a unit (a word, or words joined by non-breaking spaces), measured once,
// with the width up to each character: fitting or splitting a long word is then a subtraction
// and a search, never a new measurement of the rest, so breaking is linear in its length.
struct MeasuredUnit {
    struct Char {
        unsigned piece = 0;  // which piece of the unit
        unsigned begin = 0;  // byte range in the piece's text
        unsigned end = 0;
        Break after = Break::None;
        bool joining_space = false;
    };
    std::vector<Char> chars;
    std::vector<double> prefix;  // prefix[i]: the width of chars [0, i)

    double width(size_t from, size_t to) const { return prefix[to] - prefix[from]; }

    // The largest end such that chars [from, end) fit in `room` (from when none does).
    size_t fitting_end(size_t from, double room) const {
        if (room < 0) return from;
        const auto it = std::upper_bound(prefix.begin() + static_cast<long>(from), prefix.end(), prefix[from] + room);
        return static_cast<size_t>(it - prefix.begin()) - 1;
    }
};

struct Piece {
    std::string_view text;
    size_t span = 0;
};

constexpr std::string_view kSpace = " ";

// The breaker's working memory, kept from call to call (one per thread): a table's hundreds
// of cells and a packet's thousands of paragraphs are broken without allocating it again.
struct Scratch {
    std::vector<Token> tokens;
    std::vector<Piece> pieces;
    std::vector<double> piece_widths;
    MeasuredUnit unit;
    std::string a, b;
    std::string fragment;  // Breaker::text_
    std::vector<unsigned> offsets;  // a word's characters' byte offsets (Breaker::mark_addresses)
    std::vector<char> breaks;       // where an address may break (address_breaks)
    // The lines so far, moved out into a vector of their count when done: a paragraph's lines
    // grew their vector a push at a time, and it held that slack while the packet was laid out.
    std::vector<LaidLine> lines;
};

Scratch& scratch() {
    thread_local Scratch s;
    return s;
}

// The shortest text, in bytes, break_lines looks up in the line memo and keeps there. Measured on
// the example (callgrind): 16 bytes 207,26 M instructions, 32 207,19 M, 64 207,24 M, 128 208,0 M,
// every text 208,4 M.
constexpr size_t kMemoFromBytes = 32;

class Breaker {
public:
    Breaker(std::span<const Span> spans, double width, double size, const FontMetrics& m)
        : spans_(spans), width_(width), size_(size), m_(m), tokens_(scratch().tokens), pieces_(scratch().pieces),
          piece_widths_(scratch().piece_widths), mu_(scratch().unit), scratch_a_(scratch().a), scratch_b_(scratch().b),
          text_(scratch().fragment), offsets_(scratch().offsets), breaks_(scratch().breaks),
          lines_(scratch().lines) {
        tokens_.clear();
        lines_.clear();
    }

    std::vector<LaidLine> run() {
        tokenize();
        bool pending = false;
        size_t space_span = 0;
        size_t t = 0;
        while (t < tokens_.size()) {
            const Token& tok = tokens_[t];
            if (tok.kind == Token::Kind::Break) {
                end_line();
                pending = false;
                ++t;
            } else if (tok.kind == Token::Kind::Space) {
                if (!pending) space_span = tok.span;
                pending = true;
                ++t;
            } else {
                t = collect_unit(t);
                place_unit(pending ? &space_span : nullptr);
                pending = false;
            }
        }
        if (!line_.fragments.empty() || lines_.empty()) end_line();
        return {std::make_move_iterator(lines_.begin()), std::make_move_iterator(lines_.end())};
    }

private:
    void tokenize() {
        size_t bytes = 0;
        for (const Span& s : spans_) bytes += s.text.size();
        tokens_.reserve(bytes / 3 + 2);  // words and spaces average well over 3 bytes (kept between calls)
        scan(
            spans_, [&](size_t s, std::string_view run) { tokens_.push_back({Token::Kind::Word, s, run}); },
            [&](size_t s) { tokens_.push_back({Token::Kind::Space, s, kSpace}); },
            [&] { tokens_.push_back({Token::Kind::Break, 0, {}}); });
    }

    // The end of the word starting at token t (its word tokens may cross spans).
    size_t word_end(size_t t) const {
        while (t < tokens_.size() && tokens_[t].kind == Token::Kind::Word) ++t;
        return t;
    }

    // The text of the word [from, to); a view when it lies in one span.
    std::string_view word_text(size_t from, size_t to, std::string& scratch) const {
        if (to == from + 1) return tokens_[from].text;
        scratch.clear();
        for (size_t k = from; k < to; ++k) scratch += tokens_[k].text;
        return scratch;
    }

    // Gathers the pieces of the unit starting at word token t; returns the token after it.
    size_t collect_unit(size_t t) {
        pieces_.clear();
        size_t end = word_end(t);
        while (true) {
            for (size_t k = t; k < end; ++k) pieces_.push_back({tokens_[k].text, tokens_[k].span});
            // A single space (or run of spaces) and then a word: joined if they belong together.
            size_t next = end;
            while (next < tokens_.size() && tokens_[next].kind == Token::Kind::Space) ++next;
            if (next == end || next >= tokens_.size() || tokens_[next].kind != Token::Kind::Word) return end;
            const size_t next_end = word_end(next);
            if (!joins(word_text(t, end, scratch_a_), word_text(next, next_end, scratch_b_))) return end;
            pieces_.push_back({kSpace, tokens_[end].span});
            t = next;
            end = next_end;
        }
    }

    void measure_unit() {
        mu_.chars.clear();
        mu_.prefix.assign(1, 0.0);
        const double scale = size_ / 1000.0;
        char32_t prev = 0;
        for (unsigned pi = 0; pi < pieces_.size(); ++pi) {
            const Piece& p = pieces_[pi];
            const FontStyle st = spans_[p.span].style;
            if (p.text.data() == kSpace.data()) {
                mu_.chars.push_back({pi, 0, 1, Break::Last, true});
                mu_.prefix.push_back(mu_.prefix.back() + m_.advance_of(' ', st) * scale);
                prev = ' ';
                continue;
            }
            for (size_t i = 0; i < p.text.size();) {
                const size_t b = i;
                const char32_t cp = next_code_point(p.text, i);
                // "EMN-2022-01548", "2023-24": a hyphen before a digit belongs to the number.
                if (cp >= '0' && cp <= '9' && prev == '-') mu_.chars.back().after = Break::Last;
                const Break after = cp == '-' || cp == '/' ? Break::Normal : Break::None;
                mu_.chars.push_back({pi, static_cast<unsigned>(b), static_cast<unsigned>(i), after, false});
                mu_.prefix.push_back(mu_.prefix.back() + m_.advance_of(cp, st) * scale);
                prev = cp;
            }
        }
        mark_addresses();
    }

    // An address among the unit's words breaks where addresses do (address_breaks.hpp), and
    // nowhere else: a hyphen in it is broken before, not after, so a line never ends in a
    // hyphen that looks added.
    void mark_addresses() {
        const size_t n = mu_.chars.size();
        for (size_t a = 0; a < n;) {
            size_t b = a, bytes = 0;
            for (; b < n && !mu_.chars[b].joining_space; ++b) bytes += mu_.chars[b].end - mu_.chars[b].begin;
            const MeasuredUnit::Char& first = mu_.chars[a];
            if (b == a || !may_be_address(pieces_[first.piece].text[first.begin], bytes)) {
                a = b + 1;
                continue;
            }
            std::string& word = scratch_a_;
            word.clear();
            offsets_.clear();
            for (size_t k = a; k < b; ++k) {
                const MeasuredUnit::Char& c = mu_.chars[k];
                offsets_.push_back(static_cast<unsigned>(word.size()));
                word.append(pieces_[c.piece].text.substr(c.begin, c.end - c.begin));
            }
            if (address_breaks(word, breaks_)) {
                for (size_t k = a; k < b; ++k)
                    mu_.chars[k].after = k + 1 < b && breaks_[offsets_[k + 1 - a]] ? Break::Normal : Break::None;
            }
            a = b + 1;
        }
    }

    void add(std::string_view text, size_t span, double w) {
        const Span& s = spans_[span];
        if (!line_.fragments.empty()) {
            Fragment& last = line_.fragments.back();
            // Text of the span the last fragment ended with has its look: no need to compare.
            if (span == last_span_ || has_look(last, s)) {
                last_span_ = span;
                text_ += text;
                last.width += w;
                line_.width += w;
                return;
            }
        }
        end_fragment();
        Fragment f;
        f.x = line_.width;
        f.width = w;
        text_ = text;
        f.style = s.style;
        f.color = s.color;
        f.url = s.url;
        f.strike = s.strike;
        f.title = s.title;
        line_.fragments.push_back(std::move(f));
        line_.width += w;
        last_span_ = span;
    }

    // Adds the unit's characters [from, to), one fragment piece per run of one piece.
    void add(size_t from, size_t to) {
        size_t a = from;
        while (a < to) {
            size_t b = a + 1;
            while (b < to && mu_.chars[b].piece == mu_.chars[a].piece) ++b;
            const Piece& p = pieces_[mu_.chars[a].piece];
            add(p.text.substr(mu_.chars[a].begin, mu_.chars[b - 1].end - mu_.chars[a].begin), p.span, mu_.width(a, b));
            a = b;
        }
    }

    // The last fragment's text, made once the line has no more to append to it.
    void end_fragment() {
        if (!line_.fragments.empty() && line_.fragments.back().text.empty()) line_.fragments.back().text = text_;
    }

    void end_line() {
        end_fragment();
        lines_.push_back(std::move(line_));
        line_ = LaidLine{};
        last_span_ = kNoSpan;
    }

    // Where to split the rest of the unit (from `from`) so the head fits `room`: the longest
    // head, never the whole rest, ending at a break of at most `level` (None: anywhere).
    // Returns `from` if no head fits.
    size_t split(size_t from, double room, Break level) const {
        const size_t last = mu_.chars.size() - 1;  // the head leaves at least one character
        size_t end = std::min(mu_.fitting_end(from, room), last);
        if (level == Break::None) return end;
        // Scanning back covers at most the characters that fit on this line, so the scans
        // over a whole word stay linear.
        for (; end > from; --end) {
            const Break b = mu_.chars[end - 1].after;
            if (b != Break::None && b <= level) return end;
        }
        return from;
    }

    // Adds the head [from, end) and ends the line; a joining space at the cut is dropped.
    size_t add_head(size_t from, size_t end) {
        add(from, mu_.chars[end - 1].joining_space ? end - 1 : end);
        end_line();
        return end;
    }

    // Whether the unit fits after `used` on the line; if so, each piece's width, as the
    // difference of the running sum at its ends, exactly as measure_unit's prefix sums give
    // them (the same additions in the same order), so the fast path places the same bits as
    // the slow one. It stops at the first character past the line: widths only grow, and a
    // long word is then measured once more, not twice.
    bool fits_whole(double used) {
        piece_widths_.clear();
        const double scale = size_ / 1000.0;
        const double limit = width_ + 1e-6;
        double total = 0;
        for (const Piece& p : pieces_) {
            const double start = total;
            const FontStyle st = spans_[p.span].style;
            for (size_t i = 0; i < p.text.size();) {
                total = total + m_.advance_of(next_code_point(p.text, i), st) * scale;
                if (used + total > limit) return false;
            }
            piece_widths_.push_back(total - start);
        }
        return true;
    }

    void place_unit(const size_t* space_span) {
        const double space_w = space_span ? m_.advance_of(' ', spans_[*space_span].style) * size_ / 1000.0 : 0;
        // Nearly every unit fits on the line as it is: measured in one pass, without the
        // per-character table that fitting or splitting it needs.
        const double gap0 = (space_span && !line_.fragments.empty()) ? space_w : 0;
        if (fits_whole(line_.width + gap0)) {
            if (gap0 > 0) add(kSpace, *space_span, space_w);
            for (size_t k = 0; k < pieces_.size(); ++k) add(pieces_[k].text, pieces_[k].span, piece_widths_[k]);
            return;
        }
        measure_unit();
        const size_t n = mu_.chars.size();
        size_t from = 0;
        bool space_pending = space_span != nullptr;
        while (from < n) {
            const double gap = (space_pending && !line_.fragments.empty()) ? space_w : 0;
            if (line_.width + gap + mu_.width(from, n) <= width_ + 1e-6) {
                if (gap > 0) add(kSpace, *space_span, space_w);
                add(from, n);
                return;
            }
            if (!line_.fragments.empty()) {
                // Fill the line with the part up to a hyphen or slash, if one fits.
                const size_t end = split(from, width_ - line_.width - gap, Break::Normal);
                if (end > from) {
                    if (gap > 0) add(kSpace, *space_span, space_w);
                    add(from, end);
                    from = end;
                }
                end_line();
                space_pending = false;
                continue;
            }
            // Alone on the line and still too wide: split at a hyphen or slash, then at a
            // joining space or a number's hyphen, else anywhere.
            size_t end = split(from, width_, Break::Normal);
            if (end == from) end = split(from, width_, Break::Last);
            if (end == from) end = split(from, width_, Break::None);
            if (end > from) {
                from = add_head(from, end);
                continue;
            }
            // Not even one character fits: place it anyway rather than loop.
            add(from, n);
            return;
        }
    }

    static constexpr size_t kNoSpan = static_cast<size_t>(-1);

    const std::span<const Span> spans_;
    double width_, size_;
    const FontMetrics& m_;
    std::vector<Token>& tokens_;
    std::vector<Piece>& pieces_;
    std::vector<double>& piece_widths_;
    MeasuredUnit& mu_;
    std::string &scratch_a_, &scratch_b_;
    LaidLine line_;
    // The line's last fragment's text while words are still appended to it (a fragment's
    // ItemText is set once): one buffer for all of them.
    std::string& text_;
    std::vector<unsigned>& offsets_;
    std::vector<char>& breaks_;
    size_t last_span_ = kNoSpan;  // the span the line's last fragment ends with
    std::vector<LaidLine>& lines_;
};

}  // namespace

std::vector<LaidLine> break_lines(std::span<const Span> spans, double width, double size, const FontMetrics& metrics) {
    LineMemo* memo = metrics.line_memo();
    size_t bytes = 0;
    for (const Span& s : spans) bytes += s.text.size();
    // A short text (a table cell's figure, a label) is broken in about the time it takes to hash
    // it and look it up: the memo is for paragraphs.
    if (!memo || bytes < kMemoFromBytes) return Breaker(spans, width, size, metrics).run();
    const uint64_t hash = LineMemo::hash(spans, width, size);
    if (auto kept = memo->find(hash, spans, width, size)) return std::move(*kept);
    std::vector<LaidLine> lines = Breaker(spans, width, size, metrics).run();
    memo->keep(hash, spans, width, size, lines);
    return lines;
}

double widest_word(std::span<const Span> spans, double size, const FontMetrics& metrics) {
    struct Run {
        size_t span;
        std::string_view text;
    };
    thread_local std::vector<Run> runs;  // the word's runs (a word may cross spans)
    thread_local std::string word;
    thread_local std::vector<char> breaks;
    runs.clear();
    double widest = 0;
    // An address counts with its widest piece between breaks (address_breaks.hpp): a table's
    // column of web addresses need not be as wide as its longest one, nor the table smaller.
    const auto end_word = [&] {
        if (runs.empty()) return;
        size_t bytes = 0;
        for (const Run& r : runs) bytes += r.text.size();
        // Only a word that may be an address is put together to be asked (most are ruled out
        // by their first byte and length).
        const bool maybe = may_be_address(runs.front().text.empty() ? '\0' : runs.front().text[0], bytes);
        if (maybe) {
            word.clear();
            for (const Run& r : runs) word += r.text;
        }
        if (!maybe || !address_breaks(word, breaks)) {
            double w = 0;
            for (const Run& r : runs) w += metrics.width(r.text, spans[r.span].style, size);
            widest = std::max(widest, w);
        } else {
            double piece = 0;
            size_t at = 0;
            for (const Run& r : runs) {
                for (size_t i = 0; i < r.text.size();) {
                    if (breaks[at + i]) {
                        widest = std::max(widest, piece);
                        piece = 0;
                    }
                    piece += metrics.advance_of(next_code_point(r.text, i), spans[r.span].style) * size / 1000.0;
                }
                at += r.text.size();
            }
            widest = std::max(widest, piece);
        }
        runs.clear();
    };
    scan(
        spans, [&](size_t s, std::string_view run) { runs.push_back({s, run}); }, [&](size_t) { end_word(); },
        [&] { end_word(); });
    end_word();
    return widest;
}

double natural_width(std::span<const Span> spans, double size, const FontMetrics& metrics) {
    double widest = 0, line = 0;
    for (const Span& s : spans) {
        size_t start = 0;
        while (true) {
            const size_t nl = s.text.find('\n', start);
            line += metrics.width(std::string_view(s.text).substr(start, nl == std::string::npos ? std::string::npos : nl - start),
                                  s.style, size);
            if (nl == std::string::npos) break;
            widest = std::max(widest, line);
            line = 0;
            start = nl + 1;
        }
    }
    return std::max(widest, line);
}

}  // namespace boardpack::render::pdf

#include "render/pdf/line_breaker.hpp"

#include <algorithm>
#include <string_view>

namespace boardpack::render::pdf {

namespace {

// A run of characters in one look, part of a word or a space.
struct Piece {
    std::string text;
    size_t span = 0;
};

struct Atom {
    enum class Kind { Word, Space, Break } kind = Kind::Word;
    std::vector<Piece> pieces;  // Word: its pieces; Space: one piece " "
};

bool is_space(char c) { return c == ' ' || c == '\t'; }

// Calls on_run(span, text) for each run of characters other than spaces and line breaks,
// on_space(span) for each space and on_break() for each "\n". Spaces and breaks are ASCII,
// so scanning bytes never cuts a character.
template <class Run, class Space, class Break>
void scan(const std::vector<Span>& spans, Run on_run, Space on_space, Break on_break) {
    for (size_t s = 0; s < spans.size(); ++s) {
        const std::string& t = spans[s].text;
        size_t i = 0;
        while (i < t.size()) {
            if (t[i] == '\n') on_break();
            else if (is_space(t[i])) on_space(s);
            else {
                size_t j = i;
                while (j < t.size() && t[j] != '\n' && !is_space(t[j])) ++j;
                on_run(s, std::string_view(t).substr(i, j - i));
                i = j;
                continue;
            }
            ++i;
        }
    }
}

std::vector<Atom> atomize(const std::vector<Span>& spans) {
    std::vector<Atom> atoms;
    scan(
        spans,
        [&](size_t s, std::string_view run) {
            if (atoms.empty() || atoms.back().kind != Atom::Kind::Word) atoms.push_back({Atom::Kind::Word, {}});
            atoms.back().pieces.push_back({std::string(run), s});
        },
        [&](size_t s) {
            if (atoms.empty() || atoms.back().kind != Atom::Kind::Space) atoms.push_back({Atom::Kind::Space, {{" ", s}}});
        },
        [&] { atoms.push_back({Atom::Kind::Break, {}}); });
    return atoms;
}

// A word cut into characters once, with the width up to each character: fitting or splitting
// a long word is then a subtraction and a search, never a new measurement of the rest, so
// breaking is linear in the word's length (a 3.000-character word in a narrow column was
// quadratic).
struct MeasuredWord {
    struct Char {
        size_t piece = 0;       // which piece of the word
        size_t begin = 0;       // byte range in the piece's text
        size_t end = 0;
        bool breaks_after = false;  // a hyphen or slash
    };
    std::vector<Char> chars;
    std::vector<double> prefix{0.0};  // prefix[i]: the width of chars [0, i)

    double width(size_t from, size_t to) const { return prefix[to] - prefix[from]; }

    // The largest end such that chars [from, end) fit in `room` (from when none does).
    size_t fitting_end(size_t from, double room) const {
        if (room < 0) return from;
        const auto it = std::upper_bound(prefix.begin() + static_cast<long>(from), prefix.end(), prefix[from] + room);
        return static_cast<size_t>(it - prefix.begin()) - 1;
    }
};

class Breaker {
public:
    Breaker(const std::vector<Span>& spans, double width, double size, const FontMetrics& m)
        : spans_(spans), width_(width), size_(size), m_(m) {}

    double measure(const Piece& p) const { return m_.width(p.text, spans_[p.span].style, size_); }

    MeasuredWord measure_word(const std::vector<Piece>& word) const {
        MeasuredWord mw;
        for (size_t pi = 0; pi < word.size(); ++pi) {
            const std::string& t = word[pi].text;
            size_t i = 0;
            while (i < t.size()) {
                size_t len = 1;
                while (i + len < t.size() && (static_cast<unsigned char>(t[i + len]) & 0xC0) == 0x80) ++len;
                const std::string_view ch(t.data() + i, len);
                mw.chars.push_back({pi, i, i + len, ch == "-" || ch == "/"});
                mw.prefix.push_back(mw.prefix.back() + m_.width(ch, spans_[word[pi].span].style, size_));
                i += len;
            }
        }
        return mw;
    }

    void add(const std::string& text, size_t span, double w) {
        const Span& s = spans_[span];
        if (!line_.fragments.empty()) {
            Fragment& last = line_.fragments.back();
            if (last.style == s.style && last.color == s.color && last.url == s.url && last.strike == s.strike &&
                last.title == s.title) {
                last.text += text;
                last.width += w;
                line_.width += w;
                return;
            }
        }
        Fragment f;
        f.x = line_.width;
        f.width = w;
        f.text = text;
        f.style = s.style;
        f.color = s.color;
        f.url = s.url;
        f.strike = s.strike;
        f.title = s.title;
        line_.fragments.push_back(std::move(f));
        line_.width += w;
    }

    // Adds the word's characters [from, to), one fragment piece per run of one piece.
    void add(const std::vector<Piece>& word, const MeasuredWord& mw, size_t from, size_t to) {
        size_t a = from;
        while (a < to) {
            size_t b = a + 1;
            while (b < to && mw.chars[b].piece == mw.chars[a].piece) ++b;
            const Piece& p = word[mw.chars[a].piece];
            add(p.text.substr(mw.chars[a].begin, mw.chars[b - 1].end - mw.chars[a].begin), p.span, mw.width(a, b));
            a = b;
        }
    }

    void end_line() {
        lines_.push_back(std::move(line_));
        line_ = LaidLine{};
    }

    // Where to split the rest of a word (from `from`) so the head fits `room`: the longest
    // head, never the whole rest. With `anywhere` false the head must end in a hyphen or
    // slash. Returns `from` if no head fits.
    static size_t split(const MeasuredWord& mw, size_t from, double room, bool anywhere) {
        const size_t last = mw.chars.size() - 1;  // the head leaves at least one character
        size_t end = std::min(mw.fitting_end(from, room), last);
        if (anywhere) return end;
        // Scanning back covers at most the characters that fit on this line, so the scans
        // over a whole word stay linear.
        for (; end > from; --end)
            if (mw.chars[end - 1].breaks_after) return end;
        return from;
    }

    void place_word(const std::vector<Piece>& word, const Piece* space_before) {
        const MeasuredWord mw = measure_word(word);
        const size_t n = mw.chars.size();
        const double space_w = space_before ? measure(*space_before) : 0;
        size_t from = 0;
        bool space_pending = space_before != nullptr;
        while (from < n) {
            const double gap = (space_pending && !line_.fragments.empty()) ? space_w : 0;
            if (line_.width + gap + mw.width(from, n) <= width_ + 1e-6) {
                if (gap > 0) add(space_before->text, space_before->span, space_w);
                add(word, mw, from, n);
                return;
            }
            if (!line_.fragments.empty()) {
                // Fill the line with the part up to a hyphen or slash, if one fits.
                const size_t end = split(mw, from, width_ - line_.width - gap, false);
                if (end > from) {
                    if (gap > 0) add(space_before->text, space_before->span, space_w);
                    add(word, mw, from, end);
                    from = end;
                }
                end_line();
                space_pending = false;
                continue;
            }
            // Alone on the line and still too wide: split at a hyphen or slash, else anywhere.
            size_t end = split(mw, from, width_, false);
            if (end == from) end = split(mw, from, width_, true);
            if (end > from) {
                add(word, mw, from, end);
                end_line();
                from = end;
                continue;
            }
            // Not even one character fits: place it anyway rather than loop.
            add(word, mw, from, n);
            return;
        }
    }

    std::vector<LaidLine> run() {
        const std::vector<Atom> atoms = atomize(spans_);
        const Piece* pending_space = nullptr;
        for (const Atom& a : atoms) {
            switch (a.kind) {
                case Atom::Kind::Space: pending_space = &a.pieces[0]; break;
                case Atom::Kind::Break:
                    end_line();
                    pending_space = nullptr;
                    break;
                case Atom::Kind::Word:
                    place_word(a.pieces, pending_space);
                    pending_space = nullptr;
                    break;
            }
        }
        if (!line_.fragments.empty() || lines_.empty()) end_line();
        return std::move(lines_);
    }

private:
    const std::vector<Span>& spans_;
    double width_, size_;
    const FontMetrics& m_;
    LaidLine line_;
    std::vector<LaidLine> lines_;
};

}  // namespace

std::vector<LaidLine> break_lines(const std::vector<Span>& spans, double width, double size, const FontMetrics& metrics) {
    return Breaker(spans, width, size, metrics).run();
}

double widest_word(const std::vector<Span>& spans, double size, const FontMetrics& metrics) {
    double widest = 0, word = 0;
    scan(
        spans,
        [&](size_t s, std::string_view run) {
            word += metrics.width(run, spans[s].style, size);
            widest = std::max(widest, word);
        },
        [&](size_t) { word = 0; }, [&] { word = 0; });
    return widest;
}

double natural_width(const std::vector<Span>& spans, double size, const FontMetrics& metrics) {
    double widest = 0, line = 0;
    for (const Span& s : spans) {
        size_t start = 0;
        while (true) {
            const size_t nl = s.text.find('\n', start);
            line += metrics.width(s.text.substr(start, nl == std::string::npos ? std::string::npos : nl - start),
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

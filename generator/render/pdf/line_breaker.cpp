#include "render/pdf/line_breaker.hpp"

#include "core/text.hpp"

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

bool is_space(char32_t c) { return c == ' ' || c == '\t'; }

std::vector<Atom> atomize(const std::vector<Span>& spans) {
    std::vector<Atom> atoms;
    for (size_t s = 0; s < spans.size(); ++s) {
        for (char32_t cp : decode_utf8(spans[s].text)) {
            if (cp == '\n') {
                atoms.push_back({Atom::Kind::Break, {}});
                continue;
            }
            if (is_space(cp)) {
                if (!atoms.empty() && atoms.back().kind == Atom::Kind::Space) continue;
                atoms.push_back({Atom::Kind::Space, {{" ", s}}});
                continue;
            }
            if (atoms.empty() || atoms.back().kind != Atom::Kind::Word) atoms.push_back({Atom::Kind::Word, {}});
            auto& pieces = atoms.back().pieces;
            if (pieces.empty() || pieces.back().span != s) pieces.push_back({"", s});
            append_utf8(pieces.back().text, cp);
        }
    }
    return atoms;
}

class Breaker {
public:
    Breaker(const std::vector<Span>& spans, double width, double size, const FontMetrics& m)
        : spans_(spans), width_(width), size_(size), m_(m) {}

    double measure(const Piece& p) const { return m_.width(p.text, spans_[p.span].style, size_); }
    double measure(const std::vector<Piece>& ps) const {
        double w = 0;
        for (const Piece& p : ps) w += measure(p);
        return w;
    }

    void add(const Piece& p) {
        const Span& s = spans_[p.span];
        const double w = measure(p);
        if (!line_.fragments.empty()) {
            Fragment& last = line_.fragments.back();
            if (last.style == s.style && last.color == s.color && last.url == s.url) {
                last.text += p.text;
                last.width += w;
                line_.width += w;
                return;
            }
        }
        Fragment f;
        f.x = line_.width;
        f.width = w;
        f.text = p.text;
        f.style = s.style;
        f.color = s.color;
        f.url = s.url;
        line_.fragments.push_back(std::move(f));
        line_.width += w;
    }

    void end_line() {
        lines_.push_back(std::move(line_));
        line_ = LaidLine{};
    }

    // Splits a word into the longest prefix that fits `room` and the rest. With `anywhere`
    // false the split must come after a hyphen or slash; returns false if none fits.
    bool split(const std::vector<Piece>& word, double room, bool anywhere, std::vector<Piece>& head,
               std::vector<Piece>& tail) const {
        // Walk the characters, remembering the last allowed split point that still fits.
        std::vector<std::pair<size_t, size_t>> points;  // (piece, byte offset after the char)
        double used = 0;
        size_t best_piece = 0, best_off = 0;
        bool found = false;
        for (size_t pi = 0; pi < word.size(); ++pi) {
            const std::string& t = word[pi].text;
            size_t i = 0;
            while (i < t.size()) {
                size_t len = 1;
                while (i + len < t.size() && (static_cast<unsigned char>(t[i + len]) & 0xC0) == 0x80) ++len;
                const std::string ch = t.substr(i, len);
                used += m_.width(ch, spans_[word[pi].span].style, size_);
                if (used > room) break;
                i += len;
                const bool last_char = pi + 1 == word.size() && i == t.size();
                if (!last_char && (anywhere || ch == "-" || ch == "/")) {
                    best_piece = pi;
                    best_off = i;
                    found = true;
                }
            }
            if (used > room) break;
        }
        if (!found) return false;
        head.assign(word.begin(), word.begin() + static_cast<long>(best_piece));
        head.push_back({word[best_piece].text.substr(0, best_off), word[best_piece].span});
        tail.clear();
        if (best_off < word[best_piece].text.size())
            tail.push_back({word[best_piece].text.substr(best_off), word[best_piece].span});
        tail.insert(tail.end(), word.begin() + static_cast<long>(best_piece) + 1, word.end());
        return true;
    }

    void place_word(std::vector<Piece> word, const Piece* space_before) {
        while (true) {
            const double w = measure(word);
            const double space_w = (space_before && !line_.fragments.empty()) ? measure(*space_before) : 0;
            if (line_.width + space_w + w <= width_ + 1e-6) {
                if (space_w > 0) add(*space_before);
                for (const Piece& p : word) add(p);
                return;
            }
            std::vector<Piece> head, tail;
            if (!line_.fragments.empty()) {
                // Fill the line with the part up to a hyphen or slash, if one fits.
                if (split(word, width_ - line_.width - space_w, false, head, tail)) {
                    if (space_w > 0) add(*space_before);
                    for (const Piece& p : head) add(p);
                    end_line();
                    word = std::move(tail);
                    space_before = nullptr;
                    continue;
                }
                end_line();
                space_before = nullptr;
                continue;
            }
            // Alone on the line and still too wide: split at a hyphen or slash, else anywhere.
            if (split(word, width_, false, head, tail) || split(word, width_, true, head, tail)) {
                for (const Piece& p : head) add(p);
                end_line();
                word = std::move(tail);
                continue;
            }
            // Not even one character fits: place it anyway rather than loop.
            for (const Piece& p : word) add(p);
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
    double widest = 0;
    for (const Atom& a : atomize(spans)) {
        if (a.kind != Atom::Kind::Word) continue;
        double w = 0;
        for (const Piece& p : a.pieces) w += metrics.width(p.text, spans[p.span].style, size);
        widest = std::max(widest, w);
    }
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

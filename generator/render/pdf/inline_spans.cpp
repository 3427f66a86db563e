#include "render/pdf/inline_spans.hpp"

#include "render/pdf/code_points.hpp"

#include "render/pdf/pdf_style.hpp"

namespace boardpack::render::pdf {

namespace {

// `look` is the span every piece of text at this depth gets (its text is empty).
void collect(const std::vector<model::Inline>& inlines, const Span& look, std::vector<Span>& out) {
    using K = model::Inline::Kind;
    const auto with_text = [&look](const std::string& text) {
        Span s = look;
        s.text = text;
        return s;
    };
    for (const model::Inline& in : inlines) {
        Span inner = look;
        switch (in.kind) {
            case K::Text:
            case K::Figure: out.push_back(with_text(in.text)); break;
            case K::Code: {
                Span code = with_text(code_text(in.text));
                code.style = FontStyle::Mono;
                out.push_back(std::move(code));
                break;
            }
            case K::SoftBreak: out.push_back(with_text(" ")); break;
            case K::LineBreak: out.push_back(with_text("\n")); break;
            case K::Emph:
                inner.style = with_italic(look.style);
                collect(in.children, inner, out);
                break;
            case K::Strong:
                inner.style = with_bold(look.style);
                collect(in.children, inner, out);
                break;
            case K::Strike:
                inner.color = style::kMuted;
                inner.strike = true;
                collect(in.children, inner, out);
                break;
            case K::Link:
                inner.color = style::kAccent;
                inner.url = without_bidi_controls(in.url());
                inner.title = in.title();
                collect(in.children, inner, out);
                break;
        }
    }
}

// How many spans collect makes of the inlines: one for each that holds text.
size_t span_count(const std::vector<model::Inline>& inlines) {
    size_t n = 0;
    for (const model::Inline& in : inlines) n += in.children.empty() ? 1 : span_count(in.children);
    return n;
}

}  // namespace

std::vector<Span> to_spans(const std::vector<model::Inline>& inlines, FontStyle base, Color color) {
    // Made at its size: a paragraph's spans grew the vector a block (and a move of every span)
    // at a time, for every paragraph and heading laid out.
    std::vector<Span> out;
    out.reserve(span_count(inlines));
    collect(inlines, Span{"", base, color, "", false, ""}, out);
    return out;
}

std::string code_text(const std::string& text) {
    std::string out;
    for (const char c : text) {
        if (c == ' ') out += "\u00A0";
        else if (c == '\t') out += "\u00A0\u00A0\u00A0\u00A0";
        else out += c;
    }
    return out;
}

Span plain(const std::string& text, FontStyle style, Color color) { return Span{text, style, color, "", false, ""}; }

}  // namespace boardpack::render::pdf

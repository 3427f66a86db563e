#include "render/pdf/inline_spans.hpp"

#include "render/pdf/pdf_style.hpp"

namespace boardpack::render::pdf {

namespace {

void collect(const std::vector<model::Inline>& inlines, FontStyle style, Color color, const std::string& url,
             std::vector<Span>& out) {
    using K = model::Inline::Kind;
    for (const model::Inline& in : inlines) {
        switch (in.kind) {
            case K::Text:
            case K::Code:
            case K::Figure: out.push_back({in.text, style, color, url}); break;
            case K::SoftBreak: out.push_back({" ", style, color, url}); break;
            case K::LineBreak: out.push_back({"\n", style, color, url}); break;
            case K::Emph: collect(in.children, with_italic(style), color, url, out); break;
            case K::Strong: collect(in.children, with_bold(style), color, url, out); break;
            case K::Strike: collect(in.children, style, style::kMuted, url, out); break;
            case K::Link: collect(in.children, style, style::kAccent, in.url, out); break;
        }
    }
}

}  // namespace

std::vector<Span> to_spans(const std::vector<model::Inline>& inlines, FontStyle base, Color color) {
    std::vector<Span> out;
    collect(inlines, base, color, "", out);
    return out;
}

std::vector<Span> plain(const std::string& text, FontStyle style, Color color) { return {Span{text, style, color, ""}}; }

}  // namespace boardpack::render::pdf

#include "render/pdf/page_items.hpp"

#include <cstdio>

namespace boardpack::render::pdf {

int LaidOutDocument::page_of(const std::string& anchor) const {
    for (size_t p = 0; p < pages.size(); ++p)
        for (const AnchorItem& a : pages[p].anchors)
            if (a.name == anchor) return static_cast<int>(p) + 1;
    return 0;
}

namespace {

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

const char* style_name(FontStyle s) {
    switch (s) {
        case FontStyle::Regular: return "R";
        case FontStyle::Bold: return "B";
        case FontStyle::Italic: return "I";
        case FontStyle::BoldItalic: return "BI";
        case FontStyle::Mono: return "M";
    }
    return "?";
}

}  // namespace

std::string dump(const LaidOutDocument& doc) {
    std::string out;
    for (size_t p = 0; p < doc.pages.size(); ++p) {
        const Page& page = doc.pages[p];
        out += "page " + std::to_string(p + 1) + "\n";
        for (const AnchorItem& a : page.anchors) out += "  anchor " + a.name + " y=" + num(a.y) + "\n";
        for (const TextItem& t : page.texts)
            out += "  text x=" + num(t.x) + " y=" + num(t.baseline) + " " + style_name(t.style) + num(t.size) + " |" +
                   t.text + "|\n";
        for (const LinkItem& l : page.links)
            out += "  link x=" + num(l.x) + " y=" + num(l.y) + " w=" + num(l.w) + " -> " +
                   (l.url.empty() ? "#" + l.target : l.url) + "\n";
    }
    for (const OutlineEntry& e : doc.outline)
        out += "outline " + std::string(static_cast<size_t>(e.level) * 2, ' ') + e.title + " -> #" + e.anchor + "\n";
    return out;
}

}  // namespace boardpack::render::pdf

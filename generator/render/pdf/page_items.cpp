#include "render/pdf/page_items.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace boardpack::render::pdf {

ItemText::ItemText(std::string_view text) {
    if (text.size() <= kShortMax) {
        std::memcpy(raw_.data(), text.data(), text.size());
        raw_[15] = static_cast<char>(text.size());
        return;
    }
    // A text item is one line of a page: far below 4 GB, which the size's 4 bytes hold.
    const auto size = static_cast<uint32_t>(text.size());
    char* bytes = new char[size];
    std::memcpy(bytes, text.data(), size);
    std::memcpy(raw_.data(), &bytes, sizeof bytes);
    std::memcpy(raw_.data() + 8, &size, sizeof size);
    raw_[15] = static_cast<char>(kLong);
}

ItemText::~ItemText() {
    if (!is_long()) return;
    char* bytes = nullptr;
    std::memcpy(&bytes, raw_.data(), sizeof bytes);
    delete[] bytes;
}

std::string_view ItemText::view() const {
    if (!is_long()) return {raw_.data(), static_cast<unsigned char>(raw_[15])};
    const char* bytes = nullptr;
    uint32_t size = 0;
    std::memcpy(&bytes, raw_.data(), sizeof bytes);
    std::memcpy(&size, raw_.data() + 8, sizeof size);
    return {bytes, size};
}

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

const char* role_name(Origin::Role r) {
    using R = Origin::Role;
    switch (r) {
        case R::Artifact: return "artifact";
        case R::Title: return "title";
        case R::Heading: return "h";
        case R::Meta: return "meta";
        case R::Paragraph: return "p";
        case R::ListLabel: return "lbl";
        case R::ListBody: return "li";
        case R::Code: return "code";
        case R::TableCaption: return "caption";
        case R::TableHeader: return "th";
        case R::TableCell: return "td";
        case R::TableNote: return "note";
        case R::AgendaEntry: return "agenda";
        case R::Attachment: return "bilag";
        case R::Placeholder: return "placeholder";
        case R::Figure: return "figure";
    }
    return "?";
}

// " [p#12<3 l2 i0 r1c2 link]": only the parts that are set.
std::string origin(const Origin& o) {
    std::string s = " [" + std::string(role_name(o.role));
    if (o.level > 0) s += std::to_string(static_cast<int>(o.level));
    if (o.block >= 0) s += "#" + std::to_string(o.block);
    if (o.parent >= 0) s += "<" + std::to_string(o.parent);
    if (o.item >= 0) s += " i" + std::to_string(o.item);
    if (o.row >= 0) s += " r" + std::to_string(o.row) + "c" + std::to_string(o.col);
    if (o.link) s += " link";
    return s + "]";
}

}  // namespace

std::string dump(const LaidOutDocument& doc) {
    std::string out;
    for (size_t p = 0; p < doc.pages.size(); ++p) {
        const Page& page = doc.pages[p];
        out += "page " + std::to_string(p + 1) + (page.landscape ? " landscape" : "") + "\n";
        for (const AnchorItem& a : page.anchors) out += "  anchor " + a.name + " y=" + num(a.y) + "\n";
        for (const TextItem& t : page.texts)
            out += "  text x=" + num(t.x) + " y=" + num(t.baseline) + " " + style_name(t.style) + num(t.size) + " |" +
                   t.text + "|" + origin(t.origin) + "\n";
        for (const PathItem& pa : page.paths) {
            out += std::string("  path ") + (pa.fill ? "fill" : "stroke");
            for (const PathPoint& pt : pa.points) out += " " + num(pt.x) + "," + num(pt.y);
            out += origin(pa.origin) + "\n";
        }
        for (const ImageItem& i : page.images)
            out += "  image x=" + num(i.x) + " y=" + num(i.y) + " w=" + num(i.w) + " h=" + num(i.h) + " " +
                   (i.file ? i.file->source.file.str() : std::string("?")) + origin(i.origin) + "\n";
        for (const LinkItem& l : page.links)
            out += "  link x=" + num(l.x) + " y=" + num(l.y) + " w=" + num(l.w) + " -> " +
                   (l.url.empty() ? "#" + l.target : l.url) + origin(l.origin) + "\n";
        for (const attach::Placement& i : doc.imports)
            if (i.page == static_cast<int>(p))
                out += "  attachment page " + std::to_string(i.source_page + 1) + " of " + i.name + " x=" + num(i.x) +
                       " y=" + num(i.y) + " w=" + num(i.w) + " h=" + num(i.h) + "\n";
    }
    for (const OutlineEntry& e : doc.outline)
        out += "outline " + std::string(static_cast<size_t>(e.level) * 2, ' ') + e.title + " -> #" + e.anchor + "\n";
    if (const auto& only = doc.agenda_only) {
        // What the agenda-only PDF prints otherwise than the packet's first pages.
        out += "agenda-only " + std::to_string(only->pages) + " pages\n";
        for (size_t p = 0; p < only->pages; ++p) {
            out += "page " + std::to_string(p + 1) + " footer";
            for (const TextItem& t : only->footers[p]) out += " x=" + num(t.x) + " " + style_name(t.style) + num(t.size) + " |" + t.text + "|";
            out += "\n";
            for (const size_t k : only->packet_only[p]) out += "  packet only: text " + std::to_string(k) + "\n";
            for (size_t k = 0; k < only->links[p].size(); ++k)
                if (const LinkItem& l = only->links[p][k]; k >= doc.pages[p].links.size() || l.url != doc.pages[p].links[k].url)
                    out += "  link x=" + num(l.x) + " y=" + num(l.y) + " -> " + l.url + "\n";
        }
        for (const OutlineEntry& e : only->outline)
            out += "outline " + std::string(static_cast<size_t>(e.level) * 2, ' ') + e.title + " -> #" + e.anchor + "\n";
    }
    return out;
}

bool AgendaOnly::packet_only_text(size_t p, size_t k) const {
    const std::vector<size_t>& texts = packet_only[p];
    return !texts.empty() && std::binary_search(texts.begin(), texts.end(), k);
}

}  // namespace boardpack::render::pdf

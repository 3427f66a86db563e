// The result of PDF layout: pages of positioned items, plus the outline and document info.
// Coordinates are points from the page's top-left corner (y grows downwards); the writer
// converts them to PDF's bottom-left origin.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "render/pdf/font_metrics.hpp"

namespace boardpack::render::pdf {

struct Color {
    double r = 0, g = 0, b = 0;
    friend bool operator==(const Color&, const Color&) = default;
};

// A run of text on one baseline in one font.
struct TextItem {
    double x = 0, baseline = 0;
    std::string text;  // UTF-8
    FontStyle style = FontStyle::Regular;
    double size = 10;
    Color color;
};

// A filled rectangle (rules are thin rectangles).
struct BoxItem {
    double x = 0, y = 0, w = 0, h = 0;
    Color color;
};

// A clickable area: to a web address, or to a named place in the document.
struct LinkItem {
    double x = 0, y = 0, w = 0, h = 0;
    std::string url;     // external link, or
    std::string target;  // anchor name
    std::string title;   // shown by viewers on the link (its /Contents), or ""
};

// A named place that links and bookmarks can point to.
struct AnchorItem {
    std::string name;
    double y = 0;
};

struct Page {
    std::vector<TextItem> texts;
    std::vector<BoxItem> boxes;
    std::vector<LinkItem> links;
    std::vector<AnchorItem> anchors;
};

// A bookmark in the PDF's outline.
struct OutlineEntry {
    std::string title;
    std::string anchor;
    int level = 0;  // 0 top level, 1 below the previous level-0 entry
    SourceLoc source;  // the item or attachment it comes from, for messages
};

struct DocumentInfo {
    std::string title, author, subject, creator;
    int year = 0, month = 0, day = 0;  // creation date, from the meeting data
};

struct LaidOutDocument {
    double page_width = 0, page_height = 0;
    std::vector<Page> pages;
    std::vector<OutlineEntry> outline;
    DocumentInfo info;

    // The 1-based page holding an anchor, or 0.
    int page_of(const std::string& anchor) const;
};

// A readable dump of the pages (one line per item), for tests and for looking at layout.
std::string dump(const LaidOutDocument& doc);

}  // namespace boardpack::render::pdf

// Merging the attachments' pages into the packet boardpack drew: each imported page is placed,
// scaled to fit, under what boardpack drew on a page the layout left for it (the stamp, the page
// number, the closed mark), so bookmarks, links and page numbers stay libharu's.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace boardpack::attach {

// One attachment page to place: onto page `page` (0-based) of the packet, page `source_page`
// (0-based) of the cleaned attachment `source`, inside a box given from the page's top-left corner.
struct Placement {
    int page = 0;
    std::shared_ptr<const std::string> source;
    int source_page = 0;
    double x = 0, y = 0, w = 0, h = 0;
};

// Places the pages into the PDF file at `path` and rewrites it. The packet no longer claims PDF/UA
// or PDF/A (the imported pages are not tagged in its structure tree). false with *why on failure.
bool merge_into(const std::string& path, const std::vector<Placement>& placements, std::string* why);

}  // namespace boardpack::attach

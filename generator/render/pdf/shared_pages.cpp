#include "render/pdf/shared_pages.hpp"

namespace boardpack::render::pdf {

PageMarking page_marking(const StructureTree& tree, size_t p) {
    PageMarking m;
    m.text_mcid = tree.text_mcid[p];
    m.figure_mcid = tree.figure_mcid[p];
    m.types.reserve(tree.mcid_element[p].size());
    for (const int e : tree.mcid_element[p]) m.types.push_back(tree.elements[static_cast<size_t>(e)].type_index);
    return m;
}

std::vector<PageMarking> page_markings(const StructureTree& tree, size_t pages) {
    std::vector<PageMarking> out;
    out.reserve(pages);
    for (size_t p = 0; p < pages; ++p) out.push_back(page_marking(tree, p));
    return out;
}

std::vector<SharedPage> shared_candidates(const LaidOutDocument& doc) {
    const AgendaOnly& only = *doc.agenda_only;
    std::vector<SharedPage> pages(only.pages);
    for (size_t p = 0; p < only.pages; ++p) pages[p].candidate = only.packet_only[p].empty();
    // An attachment's page drawn on a page of the packet's (never, as laid out: they follow).
    for (const attach::Placement& place : doc.imports)
        if (place.page >= 0 && static_cast<size_t>(place.page) < pages.size()) pages[static_cast<size_t>(place.page)].candidate = false;
    return pages;
}

void confirm_shared(std::vector<SharedPage>& pages, const std::vector<PageMarking>& agenda_only, const StructureTree& packet) {
    for (size_t p = 0; p < pages.size(); ++p)
        pages[p].alike = pages[p].candidate && p < agenda_only.size() && agenda_only[p] == page_marking(packet, p);
}

std::vector<SharedPage> shared_pages(const LaidOutDocument& doc, const StructureTree& packet, const StructureTree& agenda_only) {
    std::vector<SharedPage> pages = shared_candidates(doc);
    confirm_shared(pages, page_markings(agenda_only, pages.size()), packet);
    return pages;
}

}  // namespace boardpack::render::pdf

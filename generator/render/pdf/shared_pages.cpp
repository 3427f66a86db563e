#include "render/pdf/shared_pages.hpp"

#include <string_view>

namespace boardpack::render::pdf {

namespace {

// Whether the two trees mark page p's content alike: each text the same MCID, each MCID in an
// element of the same type (the content's tag), each figure's drawing the same MCID.
bool marked_alike(const StructureTree& a, const StructureTree& b, size_t p) {
    if (a.text_mcid[p] != b.text_mcid[p] || a.figure_mcid[p] != b.figure_mcid[p]) return false;
    const std::vector<int>& ea = a.mcid_element[p];
    const std::vector<int>& eb = b.mcid_element[p];
    if (ea.size() != eb.size()) return false;
    for (size_t m = 0; m < ea.size(); ++m)
        if (std::string_view(a.elements[static_cast<size_t>(ea[m])].type()) !=
            std::string_view(b.elements[static_cast<size_t>(eb[m])].type()))
            return false;
    return true;
}

}  // namespace

std::vector<SharedPage> shared_pages(const LaidOutDocument& doc, const StructureTree& packet, const StructureTree& agenda_only) {
    const AgendaOnly& only = *doc.agenda_only;
    std::vector<SharedPage> pages(only.pages);
    for (size_t p = 0; p < only.pages; ++p)
        pages[p].alike = only.packet_only[p].empty() && marked_alike(packet, agenda_only, p);
    // An attachment's page drawn on a page of the packet's (never, as laid out: they follow).
    for (const attach::Placement& place : doc.imports)
        if (place.page >= 0 && static_cast<size_t>(place.page) < pages.size()) pages[static_cast<size_t>(place.page)].alike = false;
    return pages;
}

}  // namespace boardpack::render::pdf

#include "render/pdf/imported_pages.hpp"
#include "core/messages.hpp"
#include "render/pdf/pdf_objects.hpp"

#include <hpdf_streams.h>

#include <algorithm>
#include <charconv>
#include <map>

namespace boardpack::render::pdf {

namespace {

// libharu calls this inside the dictionary's << >> (after a stream's /Length): the copied body.
HPDF_STATUS write_copied_body(HPDF_Dict dict, HPDF_Stream stream) {
    const auto* body = static_cast<const std::string*>(dict->attr);
    return HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(body->data()), static_cast<HPDF_UINT>(body->size()));
}

// The body with each reference to a copied object made "N 0 R", N its number in the packet.
bool resolve_references(const std::string& body, const std::vector<HPDF_Dict>& objects, std::string& out) {
    out.clear();
    out.reserve(body.size() + 16);
    for (size_t i = 0; i < body.size(); ++i) {
        if (body[i] != attach::kReferenceStart) {
            out += body[i];
            continue;
        }
        const size_t end = body.find(attach::kReferenceEnd, i);
        size_t index = 0;
        if (end == std::string::npos ||
            std::from_chars(body.data() + i + 1, body.data() + end, index).ptr != body.data() + end || index >= objects.size())
            return false;
        char buf[16];
        const auto stop = std::to_chars(buf, buf + sizeof buf, objects[index]->header.obj_id & 0x00FFFFFF).ptr;
        out.append(buf, static_cast<size_t>(stop - buf));
        out += " 0 R";
        i = end;
    }
    return true;
}

}  // namespace

bool ImportedPages::add(HPDF_Doc pdf, const std::vector<attach::Placement>& placements,
                        const std::function<double(size_t)>& page_height, std::string* why) {
    // The packet's object for each of an attachment's objects, each attachment copied once.
    std::map<const attach::ImportedPdf*, std::vector<HPDF_Dict>> copies;
    const auto cannot = [&](const char* what) {
        *why = what;
        return false;
    };
    for (const attach::Placement& p : placements) {
        failed = &p;
        if (!p.source) return cannot(_("an attachment page has no place in the packet"));
        const attach::ImportedPdf& source = *p.source;
        auto [it, added] = copies.try_emplace(&source);
        std::vector<HPDF_Dict>& objects = it->second;
        if (added) {
            // One dictionary (a stream's with its data) per object first, so that every reference
            // has its number when the bodies are made.
            for (const attach::ForeignObject& o : source.objects) {
                HPDF_Dict d = nullptr;
                if (o.stream) {
                    // Its data as it is (already compressed as its dictionary says), read when the
                    // packet is saved from the attachment's copy, which the meeting holds until then.
                    d = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
                    if (!d || set_stream_data(d, borrowed_stream(pdf->mmgr, o.data), false) != HPDF_OK)
                        return cannot(_("libharu cannot make an object for the attachment"));
                } else {
                    d = HPDF_Dict_New(pdf->mmgr);
                    if (!d || HPDF_Xref_Add(pdf->xref, d) != HPDF_OK)
                        return cannot(_("libharu cannot make an object for the attachment"));
                }
                objects.push_back(d);
            }
            for (size_t k = 0; k < source.objects.size(); ++k) {
                const attach::ForeignObject& o = source.objects[k];
                std::string& body = bodies_.emplace_back();
                if (!resolve_references(o.body, objects, body))
                    return cannot(_("a copied object of the attachment refers to nothing"));
                objects[k]->attr = &body;
                objects[k]->write_fn = write_copied_body;
            }
        }
        if (p.page < 0 || p.source_page < 0 || static_cast<size_t>(p.source_page) >= source.pages.size() ||
            source.pages[static_cast<size_t>(p.source_page)].form >= objects.size())
            return cannot(_("an attachment page has no place in the packet"));
        const attach::ImportedPage& page = source.pages[static_cast<size_t>(p.source_page)];
        if (by_page_.size() <= static_cast<size_t>(p.page)) by_page_.resize(static_cast<size_t>(p.page) + 1);
        const double bottom = page_height(static_cast<size_t>(p.page)) - p.y - p.h;
        by_page_[static_cast<size_t>(p.page)].push_back({objects[page.form], attach::place_form(page, p.x, bottom, p.w, p.h)});
    }
    failed = nullptr;
    return true;
}

const std::vector<PlacedForm>& ImportedPages::on_page(size_t i) const {
    static const std::vector<PlacedForm> none;
    return i < by_page_.size() ? by_page_[i] : none;
}

}  // namespace boardpack::render::pdf

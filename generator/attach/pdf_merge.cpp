#include "attach/pdf_merge.hpp"
#include "core/messages.hpp"

#include <cstdio>
#include <exception>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <sstream>

// qpdf 11: std::shared_ptr throughout, not its deprecated PointerHolder.
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

namespace boardpack::attach {

namespace {

// Takes a claim out of the XMP text: the element and its line.
void drop_element(std::string& xmp, const std::string& element) {
    const std::string open = "<" + element + ">", close = "</" + element + ">";
    const size_t a = xmp.find(open);
    if (a == std::string::npos) return;
    const size_t b = xmp.find(close, a);
    if (b == std::string::npos) return;
    size_t end = b + close.size();
    if (end < xmp.size() && xmp[end] == '\n') ++end;
    xmp.erase(a, end - a);
}

// The packet claims PDF/UA-1 and PDF/A-2a for what boardpack drew; the attachments' pages are
// neither tagged in its structure tree nor checked for PDF/A, so a merged packet claims neither.
void drop_claims(QPDF& pdf) {
    QPDFObjectHandle meta = pdf.getRoot().getKey("/Metadata");
    if (!meta.isStream()) return;
    std::shared_ptr<Buffer> data = meta.getStreamData(qpdf_dl_generalized);
    std::string xmp(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
    for (const char* e : {"pdfuaid:part", "pdfaid:part", "pdfaid:conformance"}) drop_element(xmp, e);
    meta.replaceStreamData(xmp, QPDFObjectHandle::newNull(), QPDFObjectHandle::newNull());
}

std::optional<std::string> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

bool merge_into(const std::string& path, const std::vector<Placement>& placements, std::string* why) {
    if (placements.empty()) return true;
    const auto packet_bytes = read_file(path);
    if (!packet_bytes) {
        *why = fmt(_("cannot read {} to merge the attachments"), path);
        return false;
    }
    try {
        QPDF out;
        out.setSuppressWarnings(true);
        out.processMemoryFile(path.c_str(), packet_bytes->data(), packet_bytes->size());
        std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(out).getAllPages();
        // Each attachment is opened once; qpdf copies from it while it is open.
        std::map<const std::string*, std::unique_ptr<QPDF>> sources;
        std::map<const std::string*, std::vector<QPDFPageObjectHelper>> source_pages;
        const double height = pages.empty() ? 0 : pages.front().getMediaBox().getArrayItem(3).getNumericValue();
        for (const Placement& p : placements) {
            auto& src = sources[p.source.get()];
            if (!src) {
                src = std::make_unique<QPDF>();
                src->setSuppressWarnings(true);
                src->processMemoryFile("attachment", p.source->data(), p.source->size());
                source_pages[p.source.get()] = QPDFPageDocumentHelper(*src).getAllPages();
            }
            std::vector<QPDFPageObjectHelper>& from = source_pages[p.source.get()];
            if (p.page < 0 || static_cast<size_t>(p.page) >= pages.size() || p.source_page < 0 ||
                static_cast<size_t>(p.source_page) >= from.size()) {
                *why = _("an attachment page has no place in the packet");
                return false;
            }
            QPDFObjectHandle form = out.copyForeignObject(from[static_cast<size_t>(p.source_page)].getFormXObjectForPage());
            QPDFPageObjectHelper& page = pages[static_cast<size_t>(p.page)];
            // The page's own resources (libharu may share them between pages) with the form added.
            QPDFObjectHandle resources = page.getAttribute("/Resources", true).shallowCopy();
            page.getObjectHandle().replaceKey("/Resources", resources);
            QPDFObjectHandle xobjects = resources.getKey("/XObject");
            xobjects = xobjects.isDictionary() ? xobjects.shallowCopy() : QPDFObjectHandle::newDictionary();
            resources.replaceKey("/XObject", xobjects);
            int suffix = 0;
            const std::string name = resources.getUniqueResourceName("/Bilag", suffix);
            xobjects.replaceKey(name, form);
            const QPDFObjectHandle::Rectangle box(p.x, height - p.y - p.h, p.x + p.w, height - p.y);
            const std::string placed = page.placeFormXObject(form, name, box, true, true, true);
            // Under what boardpack drew: the stamp and the page number stay on top.
            page.addPageContents(out.newStream("q\n" + placed + "\nQ\n"), true);
        }
        drop_claims(out);
        QPDFWriter writer(out);
        writer.setOutputMemory();
        writer.setDeterministicID(true);
        writer.setSuppressOriginalObjectIDs(true);
        writer.write();
        std::shared_ptr<Buffer> buffer = writer.getBufferSharedPointer();
        std::ofstream file(path, std::ios::binary | std::ios::trunc);
        file.write(reinterpret_cast<const char*>(buffer->getBuffer()), static_cast<std::streamsize>(buffer->getSize()));
        file.close();
        if (!file) {
            *why = fmt(_("cannot write {}"), path);
            return false;
        }
        return true;
    } catch (const std::exception& e) {
        *why = fmt(_("cannot merge the attachments into {}: {}"), path, e.what());
        return false;
    }
}

}  // namespace boardpack::attach

#include "pdf_probe.hpp"

#define POINTERHOLDER_TRANSITION 4  // qpdf 11: std::shared_ptr, as generator/attach uses it
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <stdexcept>

namespace boardpack::test {

struct PdfProbe::Impl {
    mutable QPDF pdf;  // qpdf reads objects as they are asked for, even by a query

    QPDFObjectHandle find(const std::string& path) const {
        size_t start = 0;
        QPDFObjectHandle at;
        bool first = true;
        while (start <= path.size()) {
            const size_t end = std::min(path.find('.', start), path.size());
            const std::string step = path.substr(start, end - start);
            if (first) {
                first = false;
                if (step == "trailer") at = pdf.getTrailer();
                else if (step == "root") at = pdf.getRoot();
                else if (step.rfind("page", 0) == 0) {
                    const auto all = pdf.getAllPages();
                    const size_t n = std::stoul(step.substr(4));
                    if (n >= all.size()) return QPDFObjectHandle::newNull();
                    at = all[n];
                } else throw std::runtime_error("a probe path starts with trailer, root or page<N>: " + path);
            } else if (at.isArray()) {
                if (step.empty() || step.find_first_not_of("0123456789") != std::string::npos) return QPDFObjectHandle::newNull();
                const int i = std::stoi(step);
                if (i >= at.getArrayNItems()) return QPDFObjectHandle::newNull();
                at = at.getArrayItem(i);
            } else {
                QPDFObjectHandle dict = at.isStream() ? at.getDict() : at;
                if (!dict.isDictionary() || !dict.hasKey("/" + step)) return QPDFObjectHandle::newNull();
                at = dict.getKey("/" + step);
            }
            start = end + 1;
        }
        return at;
    }

    QPDFObjectHandle need(const std::string& path) const {
        QPDFObjectHandle at = find(path);
        if (at.isNull()) throw std::runtime_error("the PDF has no " + path);
        return at;
    }
};

PdfProbe::PdfProbe(const std::string& path) : impl_(std::make_unique<Impl>()) {
    impl_->pdf.processFile(path.c_str());
}

PdfProbe::~PdfProbe() = default;

int PdfProbe::pages() const { return static_cast<int>(impl_->pdf.getAllPages().size()); }

bool PdfProbe::has(const std::string& path) const { return !impl_->find(path).isNull(); }

std::string PdfProbe::text(const std::string& path) const {
    QPDFObjectHandle at = impl_->need(path);
    if (at.isString()) return at.getUTF8Value();
    if (at.isName()) return at.getName();
    return at.unparse();
}

std::string PdfProbe::raw_string(const std::string& path) const { return impl_->need(path).getStringValue(); }

long long PdfProbe::integer(const std::string& path) const { return impl_->need(path).getIntValue(); }

int PdfProbe::items(const std::string& path) const {
    QPDFObjectHandle at = impl_->need(path);
    return at.isArray() ? at.getArrayNItems() : -1;
}

std::vector<std::string> PdfProbe::keys(const std::string& path) const {
    QPDFObjectHandle at = impl_->need(path);
    if (at.isStream()) at = at.getDict();
    std::vector<std::string> out;
    if (at.isDictionary())
        for (const std::string& key : at.getKeys()) out.push_back(key);
    return out;
}

std::string PdfProbe::ref(const std::string& path) const { return impl_->need(path).getObjGen().unparse(' '); }

std::string PdfProbe::kind(const std::string& path) const { return impl_->need(path).getTypeName(); }

std::vector<std::vector<std::string>> PdfProbe::page_streams() const {
    std::vector<std::vector<std::string>> out;
    for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(impl_->pdf).getAllPages()) {
        out.emplace_back();
        for (QPDFObjectHandle& stream : page.getPageContents()) {
            const auto data = stream.getStreamData(qpdf_dl_all);
            out.back().emplace_back(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
        }
    }
    return out;
}

}  // namespace boardpack::test

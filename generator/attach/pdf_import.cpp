// The qpdf side of copying an attachment's pages (in the PDF reader boardpack-qpdf, see
// qpdf_module.hpp).
#include "attach/pdf_import.hpp"
#include "attach/pdf_attachment.hpp"
#include "attach/qpdf_meters.hpp"
#include "core/deflate.hpp"
#include "core/messages.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <exception>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>

// qpdf 11: std::shared_ptr throughout, not its deprecated PointerHolder.
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

namespace boardpack::attach {

namespace {

// Entries that tie an object to the attachment as a whole, not to what its page draws: its
// structure tree (the numbers would point into the packet's own parent tree), its metadata
// (the attachment's own XMP never reaches the packet), an application's private data.
const std::set<std::string> kDroppedKeys = {"/StructParent", "/StructParents", "/Metadata", "/PieceInfo"};

// A name's bytes as PDF syntax: regular characters as they are, the others as #xx.
void write_name(std::string& out, const std::string& name) {
    static const char* hex = "0123456789ABCDEF";
    out += '/';
    for (size_t i = name.empty() || name[0] != '/' ? 0 : 1; i < name.size(); ++i) {
        const auto c = static_cast<unsigned char>(name[i]);
        const bool delimiter = std::string_view("()<>[]{}/%#").find(static_cast<char>(c)) != std::string_view::npos;
        if (c > 0x20 && c < 0x7F && !delimiter) {
            out += static_cast<char>(c);
        } else {
            out += '#';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
}

void write_hex_string(std::string& out, const std::string& bytes) {
    static const char* hex = "0123456789ABCDEF";
    out += '<';
    for (unsigned char c : bytes) {
        out += hex[c >> 4];
        out += hex[c & 15];
    }
    out += '>';
}

template <class T>
void write_integer(std::string& out, T v) {
    char buf[24];
    const auto end = std::to_chars(buf, buf + sizeof buf, v).ptr;
    out.append(buf, static_cast<size_t>(end - buf));
}

// A real as qpdf read it ("-.5", "12.25"), or, if that is not plain PDF number syntax, as a
// number written anew.
void write_real(std::string& out, QPDFObjectHandle& real) {
    const std::string text = real.getRealValue();
    const bool plain = !text.empty() && text.find_first_not_of("+-.0123456789") == std::string::npos;
    if (plain) {
        out += text;
        return;
    }
    char buf[64];
    const auto end = std::to_chars(buf, buf + sizeof buf, real.getNumericValue(), std::chars_format::fixed, 6).ptr;
    out.append(buf, static_cast<size_t>(end - buf));
}

// Walks the objects a page's form uses and writes them out.
class Importer {
public:
    explicit Importer(size_t limit) : limit_(limit) {}

    ImportedPdf result;

    // The data a page's form takes as it is, already compressed (FlateContents): qpdf gives a
    // page's form the content decoded (the streams of its /Contents one after the other), which
    // the copy then compressed anew, some 40 % of copying an attachment's pages.
    void take_compressed(QPDFObjectHandle& form, std::string data) { compressed_[form.getObjGen()] = std::move(data); }

    // The index of an indirect stream or dictionary in the result, copied (later) on first use.
    size_t index_of(QPDFObjectHandle& object) {
        const auto [it, added] = index_.emplace(object.getObjGen(), result.objects.size());
        if (added) {
            result.objects.emplace_back();
            queue_.push_back(object);
        }
        return it->second;
    }

    // Copies everything queued (the objects the queued ones refer to are queued in turn).
    void copy_queued() {
        for (size_t next = 0; next < queue_.size(); ++next) {
            QPDFObjectHandle object = queue_[next];
            const size_t index = index_.at(object.getObjGen());
            std::string body;
            // Writing the entries queues the objects they refer to (and may move `result.objects`).
            if (object.isStream()) {
                QPDFObjectHandle dict = object.getDict();
                entries(dict, body, true);
                ForeignObject& out = result.objects[index];
                out.stream = true;
                const auto compressed = compressed_.find(object.getObjGen());
                if (compressed != compressed_.end()) {
                    // A page's form taking its content as the file has it (its dictionary has no
                    // filter: qpdf would give the content decoded).
                    out.data = std::move(compressed->second);
                    compressed_.erase(compressed);
                    body += "/Filter /FlateDecode\n";
                } else {
                    const std::shared_ptr<Buffer> data = object.getRawStreamData();
                    out.data.assign(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
                    // A stream without a filter (a page's content, which qpdf gives decoded) is
                    // compressed as the packet's own pages are.
                    if (!dict.hasKey("/Filter") || dict.getKey("/Filter").isNull()) {
                        if (!deflater_.compress(out.data)) throw std::runtime_error(_("zlib cannot compress one of its streams"));
                        out.data = deflater_.result();
                        body += "/Filter /FlateDecode\n";
                    }
                }
            } else {
                entries(object, body, false);
            }
            bytes_ += body.size();
            result.objects[index].body = std::move(body);
            if (bytes_ > limit_) throw TooMany();
        }
        queue_.clear();
    }

    struct TooMany {};
    struct Loop {};

private:
    // A dictionary's entries, each followed by `separator` (a stream's without /Length, which
    // libharu writes).
    void entries(QPDFObjectHandle dict, std::string& out, bool stream, char separator = '\n', int depth = 0) {
        for (auto& [key, value] : dict.ditems()) {
            if (kDroppedKeys.count(key) || (stream && key == "/Length") || value.isNull()) continue;
            write_name(out, key);
            out += ' ';
            QPDFObjectHandle v = value;
            write_value(v, out, depth);
            out += separator;
        }
    }

    void write_value(QPDFObjectHandle& value, std::string& out, int depth) {
        if (depth > 64) throw Loop();
        if (value.isIndirect() && (value.isStream() || value.isDictionary())) {
            // What belongs to the attachment's document, not to the page's drawing, is not copied.
            if (!value.isStream() && (value.isPageObject() || value.isPagesObject() ||
                                      (value.getKey("/Type").isName() && value.getKey("/Type").getName() == "/Catalog"))) {
                out += "null";
                return;
            }
            out += kReferenceStart;
            write_integer(out, index_of(value));
            out += kReferenceEnd;
            return;
        }
        // Any other indirect object (an array, a number) is written where it is used; the
        // depth bounds a loop of arrays, the byte limit one array used everywhere.
        switch (value.getTypeCode()) {
            case ::ot_boolean: out += value.getBoolValue() ? "true" : "false"; break;
            case ::ot_integer: write_integer(out, value.getIntValue()); break;
            case ::ot_real: write_real(out, value); break;
            case ::ot_name: write_name(out, value.getName()); break;
            case ::ot_string: write_hex_string(out, value.getStringValue()); break;
            case ::ot_array: {
                out += '[';
                bool first = true;
                for (QPDFObjectHandle item : value.aitems()) {
                    if (!first) out += ' ';
                    first = false;
                    write_value(item, out, depth + 1);
                }
                out += ']';
                break;
            }
            case ::ot_dictionary:
                out += "<<";
                entries(value, out, false, ' ', depth + 1);
                out += ">>";
                break;
            default: out += "null"; break;  // null, or what cannot stand in a dictionary
        }
        if (bytes_ + out.size() > limit_) throw TooMany();
    }

    size_t limit_;
    size_t bytes_ = 0;
    Deflater deflater_;
    std::map<QPDFObjGen, std::string> compressed_;
    std::map<QPDFObjGen, size_t> index_;
    std::vector<QPDFObjectHandle> queue_;
};

// A box's corners in order (a PDF may give them in either order); nullopt if it is no rectangle.
std::optional<PageBox> rectangle(QPDFObjectHandle box) {
    if (!box.isRectangle()) return std::nullopt;
    const QPDFObjectHandle::Rectangle r = box.getArrayAsRectangle();
    return PageBox{std::min(r.llx, r.urx), std::min(r.lly, r.ury), std::max(r.llx, r.urx), std::max(r.lly, r.ury)};
}

// A number as PDF syntax writes it: a whole one as an integer, another with six decimals.
QPDFObjectHandle number(double v) {
    if (v == std::floor(v) && std::fabs(v) < 1e15) return QPDFObjectHandle::newInteger(static_cast<long long>(v));
    return QPDFObjectHandle::newReal(v, 6, true);
}

// The page as a form XObject that draws what a viewer shows of it, upright: its /BBox the part
// shown (shown_box), its /Matrix turning it by the page's /Rotate and scaling it by its
// /UserUnit, with the lower-left corner of the result at 0 0, which `page` gets as its box.
// (qpdf's own form of a page takes its /TrimBox, which a viewer does not cut the page to, and
// turns it only for a /Rotate of exactly 90, 180 or 270.) The corner at 0 0 keeps the numbers
// the packet's page draws the form with small, whatever the page's coordinates.
QPDFObjectHandle page_form(QPDFPageObjectHelper& page, ImportedPage& out) {
    const std::optional<PageBox> box = shown_box(page);
    if (!box) throw std::runtime_error(_("one of its pages has no valid page size"));
    QPDFObjectHandle form = page.getFormXObjectForPage(false);
    QPDFObjectHandle dict = form.getDict();
    dict.replaceKey("/BBox", QPDFObjectHandle::newArray(std::vector<QPDFObjectHandle>{
                                 number(box->llx), number(box->lly), number(box->urx), number(box->ury)}));
    const double u = user_unit(page);
    // Clockwise, as a viewer turns the page: a /Rotate 90 page's top is drawn on the right.
    double m[6] = {u, 0, 0, u, 0, 0};
    switch (page_rotation(page)) {
        case 90: m[0] = 0, m[1] = -u, m[2] = u, m[3] = 0; break;
        case 180: m[0] = -u, m[3] = -u; break;
        case 270: m[0] = 0, m[1] = u, m[2] = -u, m[3] = 0; break;
        default: break;
    }
    const double xs[2] = {box->llx, box->urx}, ys[2] = {box->lly, box->ury};
    bool first = true;
    for (double x : xs)
        for (double y : ys) {
            const double px = m[0] * x + m[2] * y, py = m[1] * x + m[3] * y;
            if (first || px < out.llx) out.llx = px;
            if (first || py < out.lly) out.lly = py;
            if (first || px > out.urx) out.urx = px;
            if (first || py > out.ury) out.ury = py;
            first = false;
        }
    m[4] = -out.llx, m[5] = -out.lly;
    out.urx -= out.llx, out.ury -= out.lly, out.llx = 0, out.lly = 0;
    if (m[0] == 1 && m[1] == 0 && m[2] == 0 && m[3] == 1 && m[4] == 0 && m[5] == 0) {
        dict.removeKey("/Matrix");
    } else {
        std::vector<QPDFObjectHandle> items;
        for (double v : m) items.push_back(number(v));
        dict.replaceKey("/Matrix", QPDFObjectHandle::newArray(items));
    }
    return form;
}

}  // namespace

std::optional<PageBox> shown_box(QPDFPageObjectHelper& page) {
    const std::optional<PageBox> media = rectangle(page.getMediaBox());
    const std::optional<PageBox> crop = rectangle(page.getCropBox());  // the /MediaBox where there is none
    if (!media || !crop) return std::nullopt;
    const PageBox shown{std::max(media->llx, crop->llx), std::max(media->lly, crop->lly), std::min(media->urx, crop->urx),
                        std::min(media->ury, crop->ury)};
    if (!(shown.urx > shown.llx && shown.ury > shown.lly)) return std::nullopt;
    return shown;
}

double user_unit(QPDFPageObjectHelper& page) {
    QPDFObjectHandle unit = page.getObjectHandle().getKey("/UserUnit");
    return unit.isNumber() && unit.getNumericValue() > 0 ? unit.getNumericValue() : 1;
}

int page_rotation(QPDFPageObjectHelper& page) {
    QPDFObjectHandle rotate = page.getAttribute("/Rotate", false);
    if (!rotate.isInteger()) return 0;
    long long turn = rotate.getIntValue() % 360;
    if (turn < 0) turn += 360;
    return turn % 90 == 0 ? static_cast<int>(turn) : 0;
}

std::optional<ImportedPdf> import_pages(QPDF& pdf, FlateContents& pass_through, size_t limit, std::string* why) {
    try {
        Importer importer(limit);
        for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
            ImportedPage imported;
            QPDFObjectHandle form = page_form(page, imported);
            if (auto compressed = pass_through.of(page.getObjectHandle())) importer.take_compressed(form, std::move(*compressed));
            imported.form = importer.index_of(form);
            importer.result.pages.push_back(imported);
            importer.copy_queued();
        }
        return std::move(importer.result);
    } catch (const Importer::TooMany&) {
        *why = _("its pages use too many objects to copy into the packet");
    } catch (const Importer::Loop&) {
        *why = _("its objects are nested too deep or refer to each other in a loop");
    } catch (const std::exception& e) {
        *why = e.what();
    }
    return std::nullopt;
}

}  // namespace boardpack::attach

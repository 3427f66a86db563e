// The qpdf side of a PDF attachment (in the PDF reader boardpack-qpdf, see qpdf_module.hpp):
// read, checked and cleaned, and its pages' objects made for the packet.
#include "attach/pdf_attachment.hpp"
#include "attach/pdf_import.hpp"
#include "attach/qpdf_meters.hpp"
#include "attach/qpdf_module.hpp"
#include "core/messages.hpp"

#include <algorithm>
#include <cmath>
#include <utility>
#include <exception>
#include <optional>
#include <set>
#include <string_view>
#include <stdexcept>

// qpdf 11: std::shared_ptr throughout, not its deprecated PointerHolder.
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/Buffer.hh>
#include <qpdf/Pipeline.hh>
#include <qpdf/Pl_String.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFAcroFormDocumentHelper.hh>
#include <qpdf/QPDFAnnotationObjectHelper.hh>
#include <qpdf/QPDFFormFieldObjectHelper.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFLogger.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFTokenizer.hh>
#include <qpdf/QPDFWriter.hh>

namespace boardpack::attach {

namespace {

// Actions that run something, send something or open something outside the document: a
// packet must not carry them (a reader clicking a letter's link must not start a program).
const std::set<std::string> kActiveActions = {"/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/ResetForm",
                                              "/GoToE", "/GoToR", "/Rendition", "/Sound", "/Movie", "/RichMediaExecute",
                                              "/Hide", "/Thread"};
// Annotations that play, embed or run something.
const std::set<std::string> kActiveAnnotations = {"/FileAttachment", "/Sound", "/Movie", "/Screen", "/RichMedia", "/3D"};

// The sides a page the packet shows may have, in mm (page_size_unshowable).
constexpr double kMinPageSideMm = 1;
constexpr double kMaxPageSideMm = 100000;

// What cleaning found, to be named in the note.
struct Found {
    bool javascript = false, actions = false, embedded = false, forms = false, media = false;
};

// A web address a reader may follow from the bilag/ file: http, https or mailto. Any other
// (javascript:, file:, a Windows share \\host\..., data:, a relative one resolved against a base
// the file sets) opens or runs something outside the document, as Markdown links may not either.
bool is_plain_address(const std::string& uri) {
    std::string scheme;
    for (char c : uri) {
        if (c == ':') break;
        scheme += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    return scheme.size() < uri.size() && (scheme == "http" || scheme == "https" || scheme == "mailto");
}

bool is_active_action(QPDFObjectHandle a, Found& found) {
    if (!a.isDictionary()) return false;
    if (a.hasKey("/JS")) {
        found.javascript = true;
        return true;
    }
    QPDFObjectHandle s = a.getKey("/S");
    if (!s.isName()) return false;
    if (s.getName() == "/URI") {
        QPDFObjectHandle uri = a.getKey("/URI");
        if (uri.isString() && is_plain_address(uri.getUTF8Value())) return false;
        found.actions = true;
        return true;
    }
    if (!kActiveActions.count(s.getName())) return false;
    if (s.getName() == "/JavaScript") found.javascript = true;
    else found.actions = true;
    return true;
}

// An action found under any key, or in any array: a dictionary that runs, opens or plays
// something (is_active_action), and is not a structure element (whose /S is its type: those
// have a parent, /P) or a dictionary that says it is something other than an action.
bool is_stray_action(QPDFObjectHandle v, Found& found) {
    if (!v.isDictionary() || v.hasKey("/P")) return false;
    QPDFObjectHandle type = v.getKey("/Type");
    if (type.isName() && type.getName() != "/Action") return false;
    return is_active_action(v, found);
}

// The entries a catalog, a page and a node of the page tree keep: what the document needs to be
// shown, navigated and read aloud. Anything else (thumbnails, article threads and their beads,
// associated files, the legal attestation, a program's private keys, ...) is left out of the
// bilag/ file and the packet: a list of what to remove would miss what it does not know.
const std::set<std::string> kCatalogKeys = {"/Type",       "/Version",     "/Extensions", "/Pages",         "/PageLabels",
                                            "/Names",      "/Dests",       "/ViewerPreferences", "/PageLayout", "/PageMode",
                                            "/Outlines",   "/AcroForm",    "/StructTreeRoot", "/MarkInfo",    "/Lang",
                                            "/OCProperties", "/OutputIntents"};
const std::set<std::string> kPageKeys = {"/Type",     "/Parent",   "/Resources", "/MediaBox",      "/CropBox", "/BleedBox",
                                         "/TrimBox",  "/ArtBox",   "/Contents",  "/Rotate",        "/Group",   "/Annots",
                                         "/Tabs",     "/StructParents", "/UserUnit", "/Kids",      "/Count"};

// Leaves in `d` only the `kept` keys.
void keep_only(QPDFObjectHandle d, const std::set<std::string>& kept) {
    if (!d.isDictionary()) return;
    for (const std::string& key : d.getKeys())
        if (!kept.count(key)) d.removeKey(key);
}

// The catalog's and the page tree's entries (kCatalogKeys, kPageKeys), and of the names a
// catalog's /Names holds, only its destinations.
void keep_needed_keys(QPDF& pdf) {
    QPDFObjectHandle root = pdf.getRoot();
    keep_only(root, kCatalogKeys);
    keep_only(root.getKey("/Names"), {"/Dests"});
    std::vector<QPDFObjectHandle> todo{root.getKey("/Pages")};
    std::set<QPDFObjGen> seen;
    while (!todo.empty()) {
        QPDFObjectHandle node = std::move(todo.back());
        todo.pop_back();
        if (!node.isDictionary() || (node.isIndirect() && !seen.insert(node.getObjGen()).second)) continue;
        keep_only(node, kPageKeys);
        QPDFObjectHandle kids = node.getKey("/Kids");
        if (kids.isArray())
            for (QPDFObjectHandle kid : kids.getArrayAsVector()) todo.push_back(kid);
    }
}

// Takes the active parts out of one dictionary (an object's own, or a stream's).
void clean_dictionary(QPDFObjectHandle d, Found& found) {
    // Additional actions run on events (opening a page, focusing a field): always removed.
    if (d.hasKey("/AA")) {
        found.actions = true;
        d.removeKey("/AA");
    }
    for (const char* key : {"/A", "/OpenAction", "/Next"}) {
        if (!d.hasKey(key)) continue;
        QPDFObjectHandle v = d.getKey(key);
        bool active = is_active_action(v, found);
        if (v.isArray())
            for (int i = 0; i < v.getArrayNItems(); ++i) active = is_active_action(v.getArrayItem(i), found) || active;
        if (active || std::string(key) == "/OpenAction") d.removeKey(key);
    }
    if (d.hasKey("/EF")) {  // a file specification with the file itself inside
        found.embedded = true;
        d.removeKey("/EF");
    }
    // Metadata of the attachment or its images (XMP: authors, editing history), and private
    // application data: none of it may reach the packet.
    d.removeKey("/Metadata");
    d.removeKey("/PieceInfo");
}

// Removes annotations that play or embed something from every page.
void clean_annotations(QPDF& pdf, Found& found) {
    for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
        QPDFObjectHandle annots = page.getObjectHandle().getKey("/Annots");
        if (!annots.isArray()) continue;
        QPDFObjectHandle kept = QPDFObjectHandle::newArray();
        for (int i = 0; i < annots.getArrayNItems(); ++i) {
            QPDFObjectHandle a = annots.getArrayItem(i);
            QPDFObjectHandle subtype = a.isDictionary() ? a.getKey("/Subtype") : QPDFObjectHandle::newNull();
            if (subtype.isName() && kActiveAnnotations.count(subtype.getName())) {
                (subtype.getName() == "/FileAttachment" ? found.embedded : found.media) = true;
                continue;
            }
            kept.appendItem(a);
        }
        page.getObjectHandle().replaceKey("/Annots", kept);
    }
}

// A JPEG's bytes without the segments that say something besides its pixels: EXIF and XMP
// (APP1), APP3 to APP13 (Photoshop's IPTC, a phone's pictures), APP15 and comments (COM), in the
// segments before its first scan. APP0 (JFIF), APP2 (ICC profile) and APP14 (Adobe's colour
// transform) change how it decodes and stay. nullopt if there is nothing to take out, or the
// segments cannot be read (a malformed JPEG is left as it is).
std::optional<std::string> jpeg_without_metadata(std::string_view s) {
    const auto byte = [&s](size_t i) { return static_cast<unsigned char>(s[i]); };
    if (s.size() < 4 || byte(0) != 0xFF || byte(1) != 0xD8) return std::nullopt;
    std::string out(s.substr(0, 2));
    bool removed = false;
    for (size_t at = 2;;) {
        if (at + 2 > s.size() || byte(at) != 0xFF) return std::nullopt;
        const unsigned marker = byte(at + 1);
        if (marker == 0xFF) {  // fill
            ++at;
            continue;
        }
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {  // a marker without a segment
            out.append(s, at, 2);
            at += 2;
            continue;
        }
        if (marker == 0xD8 || marker == 0xD9 || at + 4 > s.size()) return std::nullopt;
        const size_t length = static_cast<size_t>(byte(at + 2)) << 8 | byte(at + 3);
        if (length < 2 || length > s.size() - at - 2) return std::nullopt;
        if (marker == 0xFE || marker == 0xE1 || (marker >= 0xE3 && marker <= 0xED) || marker == 0xEF) removed = true;
        else out.append(s, at, 2 + length);
        at += 2 + length;
        if (marker == 0xDA) {  // the first scan: the picture, kept as it is
            out.append(s, at, std::string::npos);
            break;
        }
    }
    if (!removed) return std::nullopt;
    return out;
}

// A stream of JPEG data (its one filter DCTDecode) without its metadata (jpeg_without_metadata).
// Its data is read as the file has it, not decoded.
// (The names made once: a file has a stream for every font, image and page.)
void clean_jpeg(QPDFObjectHandle& stream, QPDFObjectHandle& dict) {
    static const std::string kFilter = "/Filter", kDct = "/DCTDecode", kParms = "/DecodeParms";
    QPDFObjectHandle filter = dict.getKey(kFilter);
    if (filter.isArray() && filter.getArrayNItems() == 1) filter = filter.getArrayItem(0);
    if (!filter.isNameAndEquals(kDct)) return;
    const std::shared_ptr<Buffer> raw = stream.getRawStreamData();
    const std::optional<std::string> kept =
        jpeg_without_metadata(std::string_view(reinterpret_cast<const char*>(raw->getBuffer()), raw->getSize()));
    if (kept) stream.replaceStreamData(*kept, dict.getKey(kFilter), dict.getKey(kParms));
}

// Cleans every dictionary the written file can hold: the trailer and all it reaches, indirect
// objects and the direct dictionaries inside arrays and other dictionaries alike (a page's
// /Annots may hold a link annotation directly, its JavaScript action directly inside it). Only
// what the trailer reaches is written (QPDFWriter's rule), so an object nothing refers to needs
// no cleaning, and is not parsed. An explicit stack: a file can nest deeper than a thread's.
void clean_reachable(QPDF& pdf, Found& found) {
    std::vector<QPDFObjectHandle> todo{pdf.getTrailer()};
    std::set<QPDFObjGen> seen;
    const auto push = [&todo](QPDFObjectHandle value) {
        if (value.isDictionary() || value.isArray() || value.isStream()) todo.push_back(std::move(value));
    };
    while (!todo.empty()) {
        QPDFObjectHandle o = std::move(todo.back());
        todo.pop_back();
        if (o.isIndirect() && !seen.insert(o.getObjGen()).second) continue;
        if (o.isArray()) {
            std::vector<QPDFObjectHandle> items = o.getArrayAsVector();
            for (size_t i = 0; i < items.size(); ++i) {
                if (is_stray_action(items[i], found)) o.setArrayItem(static_cast<int>(i), QPDFObjectHandle::newNull());
                else push(std::move(items[i]));
            }
            continue;
        }
        QPDFObjectHandle d = o.isStream() ? o.getDict() : o;
        if (o.isStream()) clean_jpeg(o, d);
        clean_dictionary(d, found);
        // An action may sit under any key (a link's /PA, a key of the file's own): wherever one
        // is, it goes.
        for (auto& [key, value] : d.getDictAsMap()) {
            if (is_stray_action(value, found)) d.removeKey(key);
            else push(std::move(value));
        }
    }
}

void clean_catalog(QPDF& pdf, Found& found) {
    QPDFObjectHandle root = pdf.getRoot();
    QPDFObjectHandle names = root.getKey("/Names");
    if (names.isDictionary()) {
        if (names.hasKey("/JavaScript")) found.javascript = true;
        if (names.hasKey("/EmbeddedFiles")) found.embedded = true;
        names.removeKey("/JavaScript");
        names.removeKey("/EmbeddedFiles");
    }
    QPDFObjectHandle form = root.getKey("/AcroForm");
    if (form.isDictionary()) {
        // The fields' values stay visible (their appearances are kept), but the form's scripts
        // and XFA (which may hold its own scripts and data) go.
        if (form.hasKey("/XFA")) found.forms = true;
        form.removeKey("/XFA");
    }
    // The document information (Author, Title, ...) and XMP may hold names: never passed on.
    pdf.getTrailer().removeKey("/Info");
}

std::vector<std::string> in_words(const Found& f) {
    std::vector<std::string> out;
    if (f.javascript) out.emplace_back(_("JavaScript"));
    if (f.actions) out.emplace_back(_("actions that open, send or run something"));
    if (f.embedded) out.emplace_back(_("embedded files"));
    if (f.forms) out.emplace_back(_("the form's XFA data and scripts"));
    if (f.media) out.emplace_back(_("sound, video or 3D"));
    return out;
}

// A page's size as a viewer takes it (its /MediaBox, inherited from the page tree if need be) and
// the part shown (/CropBox, /TrimBox): each a rectangle of four numbers with an area (its corners
// given in either order, as the PDF reference allows), and the crop box and media box with an
// area in common (what a viewer shows, shown_box). A page without one would be drawn blank in
// the packet while the bilag/ file shows it at a size the viewer guesses.
bool page_box_valid(QPDFPageObjectHelper page) {
    QPDFObjectHandle media = page.getMediaBox();
    if (!media.isRectangle()) return false;
    for (QPDFObjectHandle box : {media, page.getCropBox(), page.getTrimBox()}) {
        if (!box.isRectangle()) return false;
        const QPDFObjectHandle::Rectangle r = box.getArrayAsRectangle();
        if (r.urx == r.llx || r.ury == r.lly) return false;  // corners in either order, as viewers take them
    }
    return shown_box(page).has_value();
}

// The sides of the part of a page a viewer shows, in mm (its units times its /UserUnit), if it
// cannot be drawn in the packet's box: past 100 m a side (the packet would draw it a
// millionth of its size, which its page's numbers cannot even write, so it came out blank) or
// under 1 mm. PDF's own reference limits a page to 5 m (14.400 units) a side; larger drawings
// exist, so the limit is set where a page stops being something to print.
std::optional<std::pair<double, double>> page_size_unshowable(QPDFPageObjectHelper page) {
    const std::optional<PageBox> box = shown_box(page);
    if (!box) return std::nullopt;
    const double mm = user_unit(page) * 25.4 / 72;
    const double w = (box->urx - box->llx) * mm, h = (box->ury - box->lly) * mm;
    if (std::max(w, h) > kMaxPageSideMm || std::min(w, h) < kMinPageSideMm) return std::make_pair(w, h);
    return std::nullopt;
}

// Why a file whose pages decoded to `all` bytes when page `p` (from 0) stopped its meter is
// refused: all of its pages past kMaxAttachmentContentBytes, or that page past kMaxPageContentBytes.
std::string over_limits(size_t all, size_t p) {
    return all > kMaxAttachmentContentBytes
               ? fmt(_("its pages' content decodes to more than {} MiB; the limit is {} MiB"), kMaxAttachmentContentBytes >> 20,
                     kMaxAttachmentContentBytes >> 20)
               : fmt(_("the content of its page {} decodes to more than {} MiB; the limit is {} MiB"), p + 1,
                     kMaxPageContentBytes >> 20, kMaxPageContentBytes >> 20);
}

// Decodes each form a page draws (a Form XObject in its resources, or in a form's, at any depth)
// and each appearance of its annotations through a meter, each form once: together with the
// pages' content (`all` bytes) within kMaxAttachmentContentBytes, and one page's within
// kMaxPageContentBytes. False with *why set if over, or if one cannot be decoded.
bool drawn_within(const std::vector<QPDFPageObjectHelper>& pages, size_t all, std::string* why) {
    std::set<QPDFObjGen> seen;
    for (size_t p = 0; p < pages.size(); ++p) {
        ContentMeter meter(std::min(kMaxPageContentBytes, kMaxAttachmentContentBytes - std::min(all, kMaxAttachmentContentBytes)));
        std::vector<QPDFObjectHandle> todo;
        const auto forms_of = [&todo](QPDFObjectHandle resources) {
            if (!resources.isDictionary()) return;
            QPDFObjectHandle xobjects = resources.getKey("/XObject");
            if (!xobjects.isDictionary()) return;
            for (auto& [name, x] : xobjects.getDictAsMap())
                if (x.isStream() && x.getDict().getKey("/Subtype").isNameAndEquals("/Form")) todo.push_back(x);
        };
        QPDFObjectHandle page = QPDFPageObjectHelper(pages[p]).getObjectHandle();
        forms_of(QPDFPageObjectHelper(pages[p]).getAttribute("/Resources", false));
        QPDFObjectHandle annots = page.getKey("/Annots");
        if (annots.isArray())
            for (QPDFObjectHandle a : annots.getArrayAsVector()) {
                QPDFObjectHandle ap = a.isDictionary() ? a.getKey("/AP") : QPDFObjectHandle::newNull();
                if (!ap.isDictionary()) continue;
                for (auto& [kind, appearance] : ap.getDictAsMap()) {
                    if (appearance.isStream()) todo.push_back(appearance);
                    else if (appearance.isDictionary())
                        for (auto& [state, s] : appearance.getDictAsMap())
                            if (s.isStream()) todo.push_back(s);
                }
            }
        bool decoded = true;
        try {
            while (!todo.empty()) {
                QPDFObjectHandle form = std::move(todo.back());
                todo.pop_back();
                if (form.isIndirect() && !seen.insert(form.getObjGen()).second) continue;
                decoded = form.pipeStreamData(&meter, 0, qpdf_dl_specialized) && decoded;
                forms_of(form.getDict().getKey("/Resources"));
            }
        } catch (const std::length_error&) {
            meter.over = true;
        }
        if (meter.over) {
            *why = over_limits(all + meter.size(), p);
            return false;
        }
        if (!decoded) {
            *why = fmt(_("the file is damaged: the content of its page {} cannot be decoded"), p + 1);
            return false;
        }
        all += meter.size();
    }
    return true;
}

// The optional content (layers) the attachment's default configuration hides: the OCGs its
// /OCProperties /D turns off (listed in /OFF, or not listed in /ON under /BaseState /OFF). The
// bilag/ file keeps /OCProperties, so a viewer hides them there; the packet's pages draw the
// attachment's pages as forms in a document without the attachment's /OCProperties, where a
// viewer would show every layer, so what is hidden is taken out of the copy the packet draws.
class HiddenLayers {
public:
    explicit HiddenLayers(QPDF& pdf) {
        QPDFObjectHandle properties = pdf.getRoot().getKey("/OCProperties");
        QPDFObjectHandle d = properties.isDictionary() ? properties.getKey("/D") : QPDFObjectHandle::newNull();
        if (!d.isDictionary()) return;
        const auto listed = [](QPDFObjectHandle list, std::set<QPDFObjGen>& into) {
            if (!list.isArray()) return;
            for (QPDFObjectHandle group : list.getArrayAsVector())
                if (group.isIndirect()) into.insert(group.getObjGen());
        };
        if (d.getKey("/BaseState").isNameAndEquals("/OFF")) {
            std::set<QPDFObjGen> all, on;
            listed(properties.getKey("/OCGs"), all);
            listed(d.getKey("/ON"), on);
            for (const QPDFObjGen& group : all)
                if (!on.count(group)) off_.insert(group);
        }
        listed(d.getKey("/OFF"), off_);
    }

    bool any() const { return !off_.empty(); }

    // Whether content marked with `oc` (an OCG, or a membership dictionary, an OCMD) is hidden.
    bool hidden(QPDFObjectHandle oc, int depth = 0) const {
        if (off_.empty() || !oc.isDictionary() || depth > 32) return false;
        if (!oc.getKey("/Type").isNameAndEquals("/OCMD")) return oc.isIndirect() && off_.count(oc.getObjGen());
        QPDFObjectHandle expression = oc.getKey("/VE");
        if (expression.isArray()) return !visible(expression, depth + 1);
        QPDFObjectHandle groups = oc.getKey("/OCGs");
        const std::vector<QPDFObjectHandle> members =
            groups.isArray() ? groups.getArrayAsVector() : std::vector<QPDFObjectHandle>{groups};
        size_t n = 0, on = 0;
        for (QPDFObjectHandle group : members) {
            if (!group.isDictionary()) continue;
            ++n;
            if (!hidden(group, depth + 1)) ++on;
        }
        if (n == 0) return false;  // no groups: the dictionary has no effect
        QPDFObjectHandle policy = oc.getKey("/P");
        const std::string p = policy.isName() ? policy.getName() : "/AnyOn";
        if (p == "/AllOn") return on != n;
        if (p == "/AnyOff") return on == n;
        if (p == "/AllOff") return on != 0;
        return on == 0;
    }

private:
    // A visibility expression (/VE): [/And ...], [/Or ...], [/Not x], each x an OCG or another one.
    bool visible(QPDFObjectHandle expression, int depth) const {
        if (depth > 32) return true;
        if (expression.isDictionary()) return !hidden(expression, depth + 1);
        if (!expression.isArray() || expression.getArrayNItems() < 2) return true;
        std::vector<QPDFObjectHandle> items = expression.getArrayAsVector();
        if (items[0].isNameAndEquals("/Not")) return !visible(items[1], depth + 1);
        const bool all = items[0].isNameAndEquals("/And");
        if (!all && !items[0].isNameAndEquals("/Or")) return true;
        for (size_t i = 1; i < items.size(); ++i)
            if (visible(items[i], depth + 1) != all) return !all;
        return all;
    }

    std::set<QPDFObjGen> off_;
};

// Copies a content stream without what hidden layers paint: inside `/OC /name BDC ... EMC` whose
// group is hidden, the operators that paint (path painting becomes `n`, which keeps a clipping
// path; text, XObjects, shadings and inline images go), and anywhere an XObject whose own /OC is
// hidden. Everything else (the graphics and text state, marked content) stays, as a viewer still
// applies it when it hides a layer.
class HiddenContentFilter : public QPDFObjectHandle::TokenFilter {
public:
    HiddenContentFilter(const HiddenLayers& layers, QPDFObjectHandle resources) : layers_(layers), resources_(resources) {}

    void handleToken(QPDFTokenizer::Token const& token) override {
        const QPDFTokenizer::token_type_e type = token.getType();
        if (type == QPDFTokenizer::tt_eof) return flush();
        if (image_) {  // a hidden inline image: its dictionary, data and end
            if (type == QPDFTokenizer::tt_inline_image) image_ = false, after_image_ = true;
            else if (type == QPDFTokenizer::tt_word && token.getValue() == "EI") image_ = false;
            return;
        }
        if (after_image_ && type != QPDFTokenizer::tt_space) {
            after_image_ = false;
            if (type == QPDFTokenizer::tt_word && token.getValue() == "EI") return;
        }
        if (type != QPDFTokenizer::tt_word) {
            operands_.push_back(token);
            return;
        }
        const std::string& op = token.getValue();
        if (depth_ > 0) {
            if (op == "BDC" || op == "BMC") ++depth_;
            else if (op == "EMC") --depth_;
            else if (op == "S" || op == "s" || op == "f" || op == "F" || op == "f*" || op == "B" || op == "B*" ||
                     op == "b" || op == "b*")
                return replace(" n\n");
            else if (op == "Tj" || op == "TJ" || op == "Do" || op == "sh") return replace("\n");
            else if (op == "'") return replace(" T*\n");
            else if (op == "\"") {  // aw ac string ": its spacings stay set
                const std::vector<QPDFTokenizer::Token> v = values();
                if (v.size() != 3) return replace(" T*\n");
                operands_.clear();
                write(" ");
                writeToken(v[0]);
                write(" Tw ");
                writeToken(v[1]);
                write(" Tc T*\n");
                return;
            } else if (op == "BI") {
                image_ = true;
                return replace("");
            }
            return pass(token);
        }
        if (op == "BDC") {
            const std::vector<QPDFTokenizer::Token> v = values();
            if (v.size() == 2 && v[0].getType() == QPDFTokenizer::tt_name && v[0].getValue() == "/OC" &&
                v[1].getType() == QPDFTokenizer::tt_name && layers_.hidden(resource("/Properties", v[1].getValue())))
                depth_ = 1;
        } else if (op == "Do") {
            const std::vector<QPDFTokenizer::Token> v = values();
            if (v.size() == 1 && v[0].getType() == QPDFTokenizer::tt_name) {
                QPDFObjectHandle x = resource("/XObject", v[0].getValue());
                if (x.isStream() && layers_.hidden(x.getDict().getKey("/OC"))) return replace("\n");
            }
        }
        pass(token);
    }

    void handleEOF() override { flush(); }

private:
    std::vector<QPDFTokenizer::Token> values() const {
        std::vector<QPDFTokenizer::Token> out;
        for (const QPDFTokenizer::Token& t : operands_)
            if (t.getType() != QPDFTokenizer::tt_space && t.getType() != QPDFTokenizer::tt_comment) out.push_back(t);
        return out;
    }
    QPDFObjectHandle resource(const char* kind, const std::string& name) const {
        QPDFObjectHandle dict = resources_.isDictionary() ? resources_.getKey(kind) : QPDFObjectHandle::newNull();
        return dict.isDictionary() ? dict.getKey(name) : QPDFObjectHandle::newNull();
    }
    void flush() {
        for (const QPDFTokenizer::Token& t : operands_) writeToken(t);
        operands_.clear();
    }
    void pass(const QPDFTokenizer::Token& op) {
        flush();
        writeToken(op);
    }
    void replace(const char* with) {
        operands_.clear();
        write(with, std::char_traits<char>::length(with));
    }

    const HiddenLayers& layers_;
    mutable QPDFObjectHandle resources_;
    std::vector<QPDFTokenizer::Token> operands_;
    int depth_ = 0;  // inside hidden marked content: how deep
    bool image_ = false, after_image_ = false;
};

// Takes what hidden layers paint out of the pages the packet draws (HiddenContentFilter): their
// content, the forms they draw (at any depth, each once) and the annotations flattened into them.
// Only for an attachment that hides a layer: the others' streams are not decoded again.
void remove_hidden_layers(QPDF& pdf, const HiddenLayers& layers) {
    std::set<QPDFObjGen> seen;
    for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
        QPDFObjectHandle resources = page.getAttribute("/Resources", false);
        std::string content;
        {
            HiddenContentFilter filter(layers, resources);
            Pl_String out("content", nullptr, content);
            page.filterContents(&filter, &out);
        }
        page.getObjectHandle().replaceKey("/Contents", QPDFObjectHandle::newStream(&pdf, content));
        std::vector<std::pair<QPDFObjectHandle, QPDFObjectHandle>> todo;  // a form, the resources it inherits
        const auto forms_of = [&todo](QPDFObjectHandle res) {
            QPDFObjectHandle xobjects = res.isDictionary() ? res.getKey("/XObject") : QPDFObjectHandle::newNull();
            if (!xobjects.isDictionary()) return;
            for (auto& [name, x] : xobjects.getDictAsMap())
                if (x.isStream() && x.getDict().getKey("/Subtype").isNameAndEquals("/Form")) todo.emplace_back(x, res);
        };
        forms_of(resources);
        while (!todo.empty()) {
            auto [form, inherited] = std::move(todo.back());
            todo.pop_back();
            if (!form.isIndirect() || !seen.insert(form.getObjGen()).second) continue;
            QPDFObjectHandle own = form.getDict().getKey("/Resources");
            QPDFObjectHandle res = own.isDictionary() ? own : inherited;
            std::string data;
            {
                HiddenContentFilter filter(layers, res);
                Pl_String out("form", nullptr, data);
                form.filterAsContents(&filter, &out);
            }
            form.replaceStreamData(data, QPDFObjectHandle::newNull(), QPDFObjectHandle::newNull());
            forms_of(res);
        }
    }
}

// Marks an annotation in a hidden layer (its /OC) hidden, so it is not flattened into the page.
void hide_annotations_in_hidden_layers(QPDF& pdf, const HiddenLayers& layers) {
    for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
        QPDFObjectHandle annots = page.getObjectHandle().getKey("/Annots");
        if (!annots.isArray()) continue;
        for (QPDFObjectHandle a : annots.getArrayAsVector()) {
            if (!a.isDictionary() || !layers.hidden(a.getKey("/OC"))) continue;
            QPDFObjectHandle flags = a.getKey("/F");
            a.replaceKey("/F", QPDFObjectHandle::newInteger((flags.isInteger() ? flags.getIntValue() : 0) | an_hidden));
        }
    }
}

// Draws the fields' values whose appearances qpdf made anew (generateAppearancesIfNeeded, for a
// form whose /NeedAppearances says the stored appearances are stale): qpdf makes a text or choice
// field's appearance by a token filter on its stream, which only a decoding read applies, while
// the packet copies a stream's data as the file has it (the stale value, or nothing for a field
// that had no appearance). Each such appearance is read once through its filter and stored as
// read; only for a form that asks for new appearances.
void take_generated_appearances(QPDF& pdf, QPDFAcroFormDocumentHelper& form) {
    for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages())
        for (QPDFAnnotationObjectHelper& widget : form.getWidgetAnnotationsForPage(page)) {
            const std::string type = form.getFieldForAnnotation(widget).getFieldType();
            if (type != "/Tx" && type != "/Ch") continue;
            QPDFObjectHandle appearance = widget.getAppearanceStream("/N");
            if (!appearance.isStream()) continue;
            try {
                const std::shared_ptr<Buffer> data = appearance.getStreamData(qpdf_dl_all);
                appearance.replaceStreamData(std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize()),
                                             QPDFObjectHandle::newNull(), QPDFObjectHandle::newNull());
            } catch (const std::exception&) {
                // Its data cannot be decoded (the meter decoded it whole before): left as it is.
            }
        }
}

// What QPDFWriter writes, appended to a string: its own memory output grows a buffer of its own
// and copies it once more at the end.
class StringOutput : public Pipeline {
public:
    explicit StringOutput(std::string& out) : Pipeline("cleaned file", nullptr), out_(out) {}
    void write(unsigned char const* data, size_t len) override { out_.append(reinterpret_cast<const char*>(data), len); }
    void finish() override {}

private:
    std::string& out_;
};

// The module's clean (qpdf_module.hpp), for bytes that look like a PDF.
bool clean(const std::string& bytes, CleanPdf* result, ImportedPdf* imported_pages, std::string* why) {
    try {
        QPDF pdf;
        pdf.setSuppressWarnings(true);
        // A damaged file is refused rather than guessed at: what a recovery makes of it is not
        // what its author saw.
        pdf.setAttemptRecovery(false);
        // qpdf decodes the cross-reference streams whole as it opens the file.
        if (!xref_streams_within(bytes, kMaxXrefStreamBytes, why)) return false;
        pdf.processMemoryFile("attachment", bytes.data(), bytes.size());
        if (pdf.isEncrypted()) {
            // Opened without a password: only an owner password restricts what a reader may do.
            *why = _("the file has permission restrictions (an owner password); if its sender allows it, "
                     "`qpdf --decrypt in.pdf out.pdf` removes them");
            return false;
        }
        if (!object_streams_within(pdf, kMaxAttachmentContentBytes, why)) return false;
        CleanPdf& out = *result;
        const std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(pdf).getAllPages();
        out.pages = static_cast<int>(pages.size());
        if (out.pages == 0) {
            *why = _("the file has no pages");
            return false;
        }
        if (out.pages > kMaxAttachmentPages) {
            *why = fmt(_("the file has {} pages; the limit is {}"), out.pages, kMaxAttachmentPages);
            return false;
        }
        for (size_t p = 0; p < pages.size(); ++p)
            if (!page_box_valid(pages[p])) {
                *why = fmt(_("the file is damaged: its page {} has no valid page size (/MediaBox)"), p + 1);
                return false;
            } else if (const auto size = page_size_unshowable(pages[p])) {
                // TRANSLATORS: the page's number, its width and height in mm, the least side in mm, the largest in m.
                *why = fmt(_("its page {} is {} × {} mm, which the packet cannot show: a page's side may be from {} mm to {} m"),
                           p + 1, std::llround(size->first), std::llround(size->second),
                           static_cast<long long>(kMinPageSideMm), static_cast<long long>(kMaxPageSideMm / 1000));
                return false;
            }
        QPDFObjectHandle root = pdf.getRoot();
        QPDFObjectHandle mark = root.getKey("/MarkInfo");
        out.tagged = root.getKey("/StructTreeRoot").isDictionary() && mark.isDictionary() &&
                     mark.getKey("/Marked").isBool() && mark.getKey("/Marked").getBoolValue();
        Found found;
        clean_catalog(pdf, found);
        clean_annotations(pdf, found);
        clean_reachable(pdf, found);
        // After the active content is looked for everywhere, so the note names what went with
        // an entry not kept (a catalog's JavaScript /OpenAction).
        keep_needed_keys(pdf);
        root.removeKey("/Metadata");
        // Every page's content is read once, so a damaged stream is found here, not in the packet,
        // and measured: the packet holds it decoded while it copies the page.
        // Stream by stream: qpdf's pipeContents gathers a page's whole decoded content in memory first.
        // A content that is one whole zlib stream is measured by libdeflate (FlateContents), which
        // the copy of the pages below then does not decode again.
        FlateContents flate;
        size_t all = 0;
        for (size_t p = 0; p < pages.size(); ++p) {
            ContentMeter meter(std::min(kMaxPageContentBytes, kMaxAttachmentContentBytes - all));
            QPDFObjectHandle page = QPDFPageObjectHelper(pages[p]).getObjectHandle();
            bool decoded = true;
            size_t flate_size = 0;
            if (flate.of(page, &flate_size)) {
                try {
                    meter.add(flate_size);
                } catch (const std::length_error&) {
                    meter.over = true;
                }
            } else {
                QPDFObjectHandle contents = page.getKey("/Contents");
                std::vector<QPDFObjectHandle> streams;
                if (contents.isArray()) streams = contents.getArrayAsVector();
                else streams.push_back(contents);
                for (QPDFObjectHandle& s : streams) {
                    if (!s.isStream()) continue;  // a page with no content, or qpdf's warning below
                    try {
                        size_t size = 0;
                        const FlateContents::Flate f = flate.decode(s, &size);
                        if (f == FlateContents::Flate::decoded) meter.add(size);
                        else if (f == FlateContents::Flate::damaged) decoded = false;
                        else decoded = s.pipeStreamData(&meter, 0, qpdf_dl_specialized) && decoded;
                    } catch (const std::length_error&) {
                        meter.over = true;
                    }
                    if (meter.over) break;
                }
            }
            if (!decoded && !meter.over) {
                *why = fmt(_("the file is damaged: the content of its page {} cannot be decoded"), p + 1);
                return false;
            }
            if (meter.over) {
                *why = over_limits(all + meter.size(), p);
                return false;
            }
            all += meter.size();
        }
        // What a page draws besides its content: its forms (Form XObjects, and forms inside them)
        // and its annotations' appearances. A viewer decodes them whole as it draws the page, so
        // they count toward the same limits: a form of 300 KB that decoded to 300 MiB passed into
        // the public packet.
        if (!drawn_within(pages, all, why)) return false;
        std::string written;
        written.reserve(bytes.size());  // about what a cleaned file takes
        StringOutput output(written);
        QPDFWriter writer(pdf);
        writer.setOutputPipeline(&output);
        writer.setDeterministicID(true);
        writer.setSuppressOriginalObjectIDs(true);
        writer.write();
        // A /Size in the trailer short of the highest object number (pdfunite writes one) is
        // benign: qpdf reads every object all the same, as viewers do. Any other warning is damage.
        for (const QPDFExc& warning : pdf.getWarnings()) {
            if (warning.getMessageDetail().rfind("reported number of objects", 0) == 0) continue;
            *why = fmt(_("the file is damaged: {}"), warning.getMessageDetail());
            return false;
        }
        out.bytes = std::move(written);
        // What a viewer shows of the pages' annotations (a form's filled-in fields, a stamp, a
        // comment) becomes part of their drawing in the packet, whose copy is not interactive;
        // the bilag/ file, written above, keeps them as they are.
        const HiddenLayers layers(pdf);
        if (layers.any()) hide_annotations_in_hidden_layers(pdf, layers);
        QPDFAcroFormDocumentHelper form(pdf);
        if (form.getNeedAppearances()) {
            form.generateAppearancesIfNeeded();
            take_generated_appearances(pdf, form);
        }
        QPDFPageDocumentHelper(pdf).flattenAnnotations(0, an_invisible | an_hidden | an_no_view);
        if (layers.any()) remove_hidden_layers(pdf, layers);
        // Its pages' objects for the packet, from the same cleaned document (read once). What the
        // copies may take: far more than the file for an ordinary PDF (whose objects are written
        // about as long as they are in the file), bounded for a hostile one.
        auto imported = import_pages(pdf, flate, 8 * bytes.size() + (1u << 20), why);
        if (!imported) return false;
        *imported_pages = std::move(*imported);
        out.removed = in_words(found);
        return true;
    } catch (const QPDFExc& e) {
        // A file with an open password cannot even be opened: qpdf says so with its own code.
        *why = e.getErrorCode() == qpdf_e_password
                   ? std::string(_("the file is encrypted (password-protected); save it again without protection"))
                   : e.getMessageDetail().find("xref") != std::string::npos
                         // TRANSLATORS: {} is qpdf's reason, in English.
                         ? fmt(_("the file is damaged: {}; open it and save it, or print it to PDF, again"), e.getMessageDetail())
                         : fmt(_("the file is damaged: {}"), e.getMessageDetail());
    } catch (const std::exception& e) {
        *why = fmt(_("the file cannot be read as a PDF: {}"), e.what());
    }
    return false;
}

void prepare() { QPDFLogger::defaultLogger(); }

}  // namespace

}  // namespace boardpack::attach

extern "C" __attribute__((visibility("default"))) const boardpack::attach::QpdfModule* boardpack_qpdf_module() {
    static const boardpack::attach::QpdfModule module{boardpack::attach::prepare, boardpack::attach::clean};
    return &module;
}

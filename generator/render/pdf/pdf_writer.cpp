#include "render/pdf/pdf_writer.hpp"
#include "core/messages.hpp"

#include <hpdf.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string_view>

#include "core/text.hpp"
#include "render/pdf/haru_errors.hpp"
#include "render/pdf/path_ops.hpp"
#include "render/pdf/content_spool.hpp"
#include "render/pdf/content_stream.hpp"
#include "core/deflate.hpp"
#include "core/malloc_tuning.hpp"
#include "render/pdf/cid_font.hpp"
#include "render/pdf/embedded_fonts.hpp"
#include "render/pdf/glyph_runs.hpp"
#include "render/pdf/imported_pages.hpp"
#include "render/pdf/page_objects.hpp"
#include "render/pdf/page_stream_memo.hpp"
#include "render/pdf/text_string.hpp"
#include "render/pdf/pdf_metadata.hpp"
#include "render/pdf/pdf_objects.hpp"
#include "render/pdf/save_sink.hpp"
#include "render/pdf/shared_pages.hpp"
#include "render/pdf/spooled_streams.hpp"
#include "render/pdf/structure_tree.hpp"
#include "render/pdf/structure_writer.hpp"

namespace boardpack::render::pdf {

namespace {

// libharu reports errors through this callback; we only record the first and check after
// each call.
struct ErrorRecord {
    HPDF_STATUS error = 0;
    HPDF_STATUS detail = 0;
};

void on_error(HPDF_STATUS error, HPDF_STATUS detail, void* user) {
    auto* rec = static_cast<ErrorRecord*>(user);
    if (rec->error == 0) {
        rec->error = error;
        rec->detail = detail;
    }
}

struct DocDeleter {
    void operator()(HPDF_Doc d) const { HPDF_Free(d); }
};
using DocPtr = std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, DocDeleter>;

// A libharu document and what is being written into it, so that every failed call, found by
// its result or by the error callback, becomes one message saying what was being written and
// where that came from. After the first failure every check fails, and the caller stops.
class Haru {
public:
    // `file_failure`, if given, gets a file that cannot be written instead of the diagnostics.
    Haru(Diagnostics& diags, PdfFileFailure* file_failure)
        : diags_(diags), file_failure_(file_failure), doc_(HPDF_New(on_error, &rec_)) {
        if (!doc_) {
            doing(_("start libharu"));
            fail_with(_("out of memory"));
        }
    }
    HPDF_Doc doc() const { return doc_.get(); }

    // What the next calls do ("write page 3 of 12 of the PDF"), and the file to blame if they fail.
    void doing(std::string what, SourceLoc where = {}) {
        what_ = std::move(what);
        describe_ = nullptr;
        where_ = std::move(where);
    }
    // The same, worded only if a call fails (for the many small calls of a page, and the
    // links and bookmarks: wording each in advance was some 5 M instructions of the example).
    void doing(std::function<std::string()> describe, SourceLoc where = {}) {
        describe_ = std::move(describe);
        where_ = std::move(where);
    }

    bool ok(HPDF_STATUS status) { return check(status == HPDF_OK); }
    template <class T>
    bool ok(T* handle) {
        return check(handle != nullptr);
    }
    bool failed() const { return failed_; }
    // Whether what failed was writing a file (fail_writing), not the document.
    bool file_failed() const { return file_failed_; }

    // Reports a problem found before calling libharu, in the same words.
    bool fail_with(const std::string& why) {
        // TRANSLATORS: {0} is what was being done, a verb phrase: "write page 3 of 12 of the PDF", "embed the font".
        if (!failed_) diags_.error(where_, fmt(_("cannot {}: {}"), describe_ ? describe_() : what_, why));
        failed_ = true;
        return false;
    }

    // Reports a file that cannot be written, with the system's reason: to the caller that asked
    // for it (write_pdf's `failed`), else in the diagnostics.
    bool fail_writing(const std::string& path, const std::string& why) {
        if (failed_) return false;
        if (file_failure_) *file_failure_ = {path, why};
        // TRANSLATORS: {0} is what was being done, a verb phrase: "write page 3 of 12 of the PDF", "embed the font".
        else diags_.error({}, fmt(_("cannot {}: {}"), fmt(_("write {}"), path), why));
        failed_ = file_failed_ = true;
        return false;
    }

private:
    bool check(bool result_ok) {
        if (failed_) return false;
        if (result_ok && rec_.error == 0) return true;
        // A call can fail without the callback (a null handle): say so rather than "0x0000".
        return fail_with(rec_.error ? haru_error_text(rec_.error, rec_.detail) : _("libharu returned no result"));
    }

    Diagnostics& diags_;
    PdfFileFailure* file_failure_;
    ErrorRecord rec_;
    DocPtr doc_;
    std::string what_;
    std::function<std::string()> describe_;
    SourceLoc where_;
    bool failed_ = false;
    bool file_failed_ = false;
};

// The packet's language, for /Lang and the XMP: the wording is Danish.
const char* const kLanguage = "da";

// Embeds the faces the document uses, each as a Type0 font over a subset of the characters it
// prints with it; a face it does not use stays out of the PDF (fonts[face] is then null).
bool embed_fonts(Haru& haru, const FontPlan& plan, const FontFiles& files, HPDF_Font fonts[kFaces]) {
    HPDF_Dict one_byte_encoding = nullptr;  // shared by the faces with one-byte codes
    for (int f = 0; f < kFaces; ++f) {
        fonts[f] = nullptr;
        if (plan.characters(f).empty()) continue;
        haru.doing(_("embed the font"), {files.face_path(f), 0, 0});
        std::string why;
        fonts[f] = embed_cid_font(haru.doc(), files, f, plan.characters(f), &one_byte_encoding, &why);
        if (!fonts[f]) return haru.fail_with(why);
    }
    return true;
}

HPDF_REAL real(double v) { return static_cast<HPDF_REAL>(v); }

// The Info dictionary's key for a field.
const char* info_key(HPDF_InfoType type) {
    switch (type) {
        case HPDF_INFO_TITLE: return "Title";
        case HPDF_INFO_AUTHOR: return "Author";
        case HPDF_INFO_SUBJECT: return "Subject";
        default: return "Creator";
    }
}

// The first words of a text, to name it in a message.
std::string excerpt(const std::string& text) {
    std::string out;
    for (char32_t c : decode_utf8(text.substr(0, 200))) {
        if (out.size() >= 40) return "\"" + out + "…\"";
        append_utf8(out, c);
    }
    return "\"" + out + "\"";
}

// "the PDF (Offentlig udgave)", to say which edition a message is about.
std::string pdf_name(const LaidOutDocument& doc) {
    return doc.info.subject.empty() ? _("the PDF") : fmt(_("the PDF ({})"), doc.info.subject);
}

// libharu keeps all pages in one list of at most 32767 entries and fails past it (it used to
// crash there): refused before anything is written.
bool within_limits(Haru& haru, const LaidOutDocument& doc) {
    haru.doing(fmt(_("write {}"), pdf_name(doc)));
    if (doc.pages.size() <= kMaxPdfPages) return true;
    return haru.fail_with(fmt(_("it would have {} pages; the limit is {} pages (libharu's)"), doc.pages.size(), kMaxPdfPages));
}

// Compression, the outline shown on opening.
bool start_document(Haru& haru, const LaidOutDocument& doc) {
    haru.doing(fmt(_("write {}"), pdf_name(doc)));
    return haru.ok(HPDF_SetCompressionMode(haru.doc(), HPDF_COMP_ALL)) &&
           haru.ok(HPDF_SetPageMode(haru.doc(), HPDF_PAGE_MODE_USE_OUTLINE));
}

// Writes one PDF of a layout: the packet, or with `only` its agenda-only PDF (its first pages).
struct Writer {
    Writer(LaidOutDocument& d, Haru& h, HPDF_Font (&f)[kFaces], const FontFiles& ff, const FontPlan& p, StructureTree t,
           ContentSpool& sp, const std::string& pa, const AgendaOnly* o, std::vector<SharedPage>* s, PageStreamMemo* m)
        : doc(d), haru(h), fonts(f), files(ff), plan(p), spool(sp), path(pa), only(o), shared(s), page_streams(m),
          tree(std::move(t)),
          name(only ? (doc.info.subject.empty() ? _("the agenda-only PDF") : fmt(_("the agenda-only PDF ({})"), doc.info.subject))
                    : pdf_name(doc)) {}

    LaidOutDocument& doc;  // a page's texts and boxes are freed once no PDF needs them
    Haru& haru;
    HPDF_Font (&fonts)[kFaces];
    const FontFiles& files;
    const FontPlan& plan;
    ContentSpool& spool;     // the pages' compressed content until the document is saved
    // The file the PDF is saved to ("": none): the one a spool that cannot be written or read
    // back keeps from being written, beside it in the same folder.
    const std::string& path;
    SpooledStreams streams{spool};  // the pages' content streams, then their footers'
    std::vector<int32_t> footer_stream;  // per page, its footer's among the streams, or -1
    const AgendaOnly* only;  // writing the agenda-only PDF of the packet laid out in `doc`
    // The pages the edition's two PDFs print alike (shared_pages.hpp): the agenda-only PDF
    // fills them, the packet takes them. Null for a PDF written alone.
    std::vector<SharedPage>* shared;
    // The pages the other edition's PDFs have compressed (page_stream_memo.hpp); null for none.
    PageStreamMemo* page_streams;
    GlyphRuns runs;       // the current text's, reused
    StructureTree tree;  // worked out before the pages' items are freed; its elements kept until saved
    std::string name;    // "the PDF (Offentlig udgave)", for messages
    SharedPage* recording = nullptr;  // the shared page whose content is being written, to note what it names
    PageObjects pages;                         // the pages, their links and the bookmarks, until saved
    DocumentId id;                             // from the pages' content
    StructureObjects structure;                // the structure elements and parent tree, until saved
    std::map<std::string, Destination> destinations;
    std::map<const ImageFile*, HPDF_Image> loaded;  // each picture's file, once drawn
    const TextItem* current_text = nullptr;  // for the message if a text is refused
    double height = 0;                       // the page's being written (upright or landscape)
    ContentStream content;                     // the current page's, reused from page to page
    Deflater deflater;                         // one zlib stream for all pages
    ImportedPages imported;                    // the PDF attachments' pages, drawn on pages left for them
    // The text state set on the current page, to skip repeating it.
    bool font_set = false, color_set = false;
    int font_face = 0;
    double font_size = 0;
    Color color;

    size_t page_count() const { return only ? only->pages : doc.pages.size(); }

    std::string page_name(size_t i) const { return fmt(_("page {} of {} of {}"), i + 1, page_count(), name); }

    // Notes a resource the shared page's content names, the first time it does.
    void note(int face, const std::shared_ptr<const ImageFile>& image, std::string_view resource) {
        if (!recording) return;
        for (const SharedPage::Resource& r : recording->resources)
            if (r.name == resource) return;
        recording->resources.push_back({face, image, std::string(resource)});
    }

    // The text as runs of glyph codes, one per face that prints part of it (a character
    // Carlito lacks comes from a fallback face); printable.cpp warned, where it was written,
    // about a character no face has.
    bool text(size_t i, const TextItem& t) {
        glyph_runs(t.text, t.style, files, plan, runs);
        if (runs.runs.empty()) return true;
        // libharu's own limit, checked as its HPDF_Page_SetFontAndSize would.
        if (!(t.size > 0 && t.size <= HPDF_MAX_FONTSIZE)) {
            current_text = &t;
            return haru.fail_with(haru_error_text(HPDF_PAGE_INVALID_FONT_SIZE, static_cast<unsigned long>(t.size)));
        }
        for (size_t r = 0; r < runs.runs.size(); ++r) {
            const GlyphRuns::Run& run = runs.runs[r];
            // Font and colour only when they change: a table's thousands of lines share one.
            if (!font_set || run.face != font_face || t.size != font_size) {
                // The plan embeds every face a text of the document prints with (FontPlan::of).
                if (!fonts[run.face]) {
                    current_text = &t;
                    return haru.fail_with(_("internal error: the text's font is not embedded"));
                }
                const std::string_view font = font_name(run.face);
                pages[i].faces |= 1u << run.face;
                note(run.face, nullptr, font);
                content.font(font, t.size);
                font_set = true;
                font_face = run.face;
                font_size = t.size;
            }
            if (!color_set || !(t.color == color)) {
                content.fill(t.color);
                color_set = true;
                color = t.color;
            }
            // A later run goes on where the one before it ended.
            if (r == 0) content.text(t.x, height - t.baseline, runs.codes_of(run));
            else content.more_text(runs.codes_of(run));
        }
        return true;
    }

    // A picture, its file loaded into libharu the first time it is drawn. The input has checked
    // the file whole (input/image_reader): libharu hands a PNG to libpng, and libpng's refusal
    // of a damaged one stops the program (libharu's error handler returns, where libpng needs
    // it not to), so nothing unchecked may come here.
    bool image(size_t i, const ImageItem& im) {
        const std::optional<std::string> x = image_name(i, im.file);
        if (!x) return false;
        content.image(*x, im.x, height - im.y - im.h, im.w, im.h);
        return true;
    }

    // The name page i gives a picture or form it draws: the next name the first time it does.
    std::string xobject(size_t i, HPDF_Dict object) {
        std::vector<HPDF_Dict>& named = pages[i].xobjects;
        const auto k = static_cast<size_t>(std::find(named.begin(), named.end(), object) - named.begin());
        if (k == named.size()) named.push_back(object);
        return xobject_name(k);
    }

    // The name the page gives the picture's file, loaded the first time the document draws it;
    // none once the reason is reported.
    std::optional<std::string> image_name(size_t i, const std::shared_ptr<const ImageFile>& file) {
        if (!file || !file->bytes) {
            haru.fail_with(_("a picture is missing"));
            return std::nullopt;
        }
        HPDF_Image& x = loaded[file.get()];
        if (!x) {
            const ImageFile& f = *file;
            haru.doing(fmt(_("draw the picture {} on {}"), quote_text(f.name), page_name(i)), f.source);
            const auto* bytes = reinterpret_cast<const HPDF_BYTE*>(f.bytes->data());
            const auto size = static_cast<HPDF_UINT>(f.bytes->size());
            x = f.format == ImageFile::Format::Jpeg ? HPDF_LoadJpegImageFromMem(haru.doc(), bytes, size)
                                                    : HPDF_LoadPngImageFromMem(haru.doc(), bytes, size);
            if (!haru.ok(x)) return std::nullopt;
            haru.doing([this, i] { return fmt(_("write {}"), page_name(i)); });
        }
        std::string resource = xobject(i, x);
        note(-1, file, resource);
        return resource;
    }

    // The page's content, compressed here at our level (libharu would keep it uncompressed
    // until the document is saved, then compress it at zlib's default).
    bool write_content(size_t i, ContentSpool::Piece* piece) {
        const std::string* packed = page_streams ? page_streams->compress(content.bytes(), deflater)
                                    : deflater.compress(content.bytes()) ? &deflater.result()
                                                                         : nullptr;
        if (!packed) return haru.fail_with(_("zlib cannot compress the page"));
        id.add(*packed);
        std::string why;
        if (!spool.add(*packed, piece, &why)) return haru.fail_writing(path, why);
        return set_content(i, *piece);
    }

    // libharu writes the page's stream as it is, read from the spool when the document is saved
    // (libharu's own stream would keep it in blocks of 4 KiB, copied in and out a byte at a
    // time), and its dictionary says how it is compressed.
    bool set_content(size_t i, const ContentSpool::Piece& piece) {
        streams.set(i, piece, true);
        pages[i].content = static_cast<uint32_t>(streams.number(i));
        return true;
    }

    // The content the agenda-only PDF wrote for page i, which the packet prints alike: what it
    // names, named in the same order, must get the same names here (they are the page's own,
    // counted from its first), else the bytes would name something else; that is an error, never
    // a page printed wrong.
    bool take(size_t i, const SharedPage& s) {
        for (const SharedPage::Resource& r : s.resources) {
            std::optional<std::string> got;
            if (r.image) {
                got = image_name(i, r.image);
            } else {
                pages[i].faces |= 1u << r.face;
                got = std::string(font_name(r.face));
            }
            if (!got) return false;
            if (r.name != *got)
                return haru.fail_with(fmt(_("internal error: the page names {} where the agenda-only PDF named {}"), *got, r.name));
        }
        // The bytes enter this document's /ID as they entered the other's.
        std::string bytes, why;
        if (!spool.read(*s.content, bytes, &why)) return haru.fail_writing(path, why);
        id.add(bytes);
        return set_content(i, *s.content);
    }

    // The page's footer and the closed edition's mark, what a packet, its agenda-only PDF and the
    // other edition print otherwise on a page alike, as a second content stream after the
    // page's own, with all that its texts use (font, size, colour) set in it, whatever the first
    // leaves set as it ends. Short, so not compressed.
    bool write_footer(size_t i, const TextItem* begin, const TextItem* end) {
        const Page& p = doc.pages[i];
        content.clear();
        content.begin_artifact("Pagination");
        if (p.mark_box >= 0) box(p.boxes[static_cast<size_t>(p.mark_box)]);
        content.begin_text();
        font_set = color_set = false;
        for (const TextItem* t = begin; t != end; ++t)
            if (!t->text.empty() && !text(i, *t)) return false;
        if (p.mark_text >= 0 && !text(i, p.texts[static_cast<size_t>(p.mark_text)])) return false;
        content.end_text();
        content.end_marked();
        id.add(content.bytes());
        ContentSpool::Piece piece;
        std::string why;
        if (!spool.add(content.bytes(), &piece, &why)) return haru.fail_writing(path, why);
        const auto k = static_cast<size_t>(footer_stream[i]);
        streams.set(k, piece, false);
        pages[i].footer = static_cast<uint32_t>(streams.number(k));
        return true;
    }

    // A box of the current page, in PDF coordinates (origin bottom left).
    void box(const BoxItem& b) { content.rectangle(b.color, b.x, height - b.y - b.h, b.w, b.h); }

    // The page's footer stream, if it has one (number_pages).
    bool write_own_stream(size_t i) {
        if (footer_stream[i] < 0) return true;
        const auto [begin, end] = footer(i);
        return write_footer(i, begin, end);
    }

    // The page's footer texts: the agenda-only PDF's own, or the page's.
    std::pair<const TextItem*, const TextItem*> footer(size_t i) const {
        if (only) return {only->footers[i].data(), only->footers[i].data() + only->footers[i].size()};
        const Page& p = doc.pages[i];
        return {p.texts.data() + p.footer_begin, p.texts.data() + p.footer_end};
    }

    // The page's boxes and texts go to libharu as one content stream (and its footer as a second
    // one, when the edition has an agenda-only PDF).
    bool page(size_t i) {
        Page& p = doc.pages[i];
        height = doc.height_of(i);
        current_text = nullptr;
        haru.doing([this, i] {
            return current_text ? fmt(_("write the text {} on {}"), excerpt(current_text->text.str()), page_name(i))
                                : fmt(_("write {}"), page_name(i));
        });
        // The agenda-only PDF keeps the content of each page the packet may print alike; the
        // packet takes it for each page it does.
        SharedPage* s = shared && i < shared->size() && (only ? (*shared)[i].candidate : (*shared)[i].alike) ? &(*shared)[i] : nullptr;
        if (s && !only) {
            // The packet: the agenda-only PDF wrote this page's content.
            if (!s->content) return haru.fail_with(_("internal error: a shared page was not written"));
            if (!take(i, *s)) return false;
            if (!write_own_stream(i)) return false;
            std::vector<TextItem>().swap(p.texts);
            std::vector<int>().swap(tree.text_mcid[i]);
            return true;
        }
        recording = only ? s : nullptr;
        content.clear();
        // An attachment's page first, under the stamp and the page number boardpack draws. It is
        // not tagged: a packet with PDF attachments claims no PDF/UA (see tagged_archive).
        for (const PlacedForm& f : imported.on_page(i)) {
            content.form(xobject(i, f.form), f.at.scale, f.at.tx, f.at.ty);
        }
        // Rules, stripes and strike-throughs are drawing, not content: one artifact (the closed
        // mark's rule is drawn with the footer).
        const auto figure = [](const Origin& o) { return o.role == Origin::Role::Figure; };
        const auto layout = [&](size_t k) { return !figure(p.boxes[k].origin) && static_cast<int>(k) != p.mark_box; };
        bool any_layout = false;
        for (size_t k = 0; k < p.boxes.size() && !any_layout; ++k) any_layout = layout(k);
        if (any_layout) {
            content.begin_artifact("Layout");
            for (size_t k = 0; k < p.boxes.size(); ++k)
                if (layout(k)) box(p.boxes[k]);
            content.end_marked();
        }
        // A figure's drawing (its boxes and pictures) is its Figure element's content.
        for (const auto& [block, mcid] : tree.figure_mcid[i]) {
            content.begin_marked("Figure", mcid);
            for (const BoxItem& b : p.boxes)
                if (figure(b.origin) && b.origin.block == block) box(b);
            for (const ImageItem& im : p.images)
                if (figure(im.origin) && im.origin.block == block && !image(i, im)) return false;
            for (const PathItem& drawn : p.paths)
                if (drawn.origin.block == block) content.raw(path_operators(drawn, height));
            content.end_marked();
        }
        if (!p.texts.empty()) {
            content.begin_text();
            font_set = color_set = false;  // a new text object starts with the defaults
            // Each text inside its structure element's marked content, or an artifact; a run of
            // texts of one element is one marked-content sequence.
            constexpr int kNone = -2;
            int open = kNone;
            const std::vector<int>& mcids = tree.text_mcid[i];
            for (size_t k = 0; k < p.texts.size(); ++k) {
                const TextItem& t = p.texts[k];
                const int at = static_cast<int>(k);
                if (t.text.empty() || (at >= p.footer_begin && at < p.footer_end) || at == p.mark_text) continue;
                if (only && only->packet_only_text(i, k)) continue;
                if (mcids[k] != open) {
                    if (open != kNone) content.end_marked();
                    open = mcids[k];
                    if (open < 0) content.begin_artifact("Pagination");
                    else content.begin_marked(tree.elements[static_cast<size_t>(tree.mcid_element[i][static_cast<size_t>(open)])].type(), open);
                }
                if (!text(i, t)) return false;
            }
            if (open != kNone) content.end_marked();
            content.end_text();
        }
        std::vector<int>().swap(tree.text_mcid[i]);  // the page's marking is written
        recording = nullptr;
        ContentSpool::Piece piece;
        if (!write_content(i, &piece)) return false;
        if (s) s->content = piece;
        if (!write_own_stream(i)) return false;
        // libharu holds the page's content now: the layout's copy goes, so the two are not
        // held side by side for the whole document; but the agenda-only PDF leaves the packet
        // every page's items, its structure tree made of them all (write_pdf frees what it then
        // takes from the agenda-only PDF).
        if (only) return true;
        std::vector<TextItem>().swap(p.texts);
        std::vector<BoxItem>().swap(p.boxes);
        std::vector<PathItem>().swap(p.paths);
        std::vector<ImageItem>().swap(p.images);
        return true;
    }

    // The pages, numbered before anything refers to them.
    // Then their content streams: each page's, and each footer's that has one of its own.
    bool number_pages() {
        haru.doing(fmt(_("write {}"), name));
        if (!haru.ok(pages.add_pages(haru.doc(), doc, page_count(), fonts))) return false;
        size_t count = page_count();
        footer_stream.assign(page_count(), -1);
        for (size_t i = 0; i < page_count(); ++i)
            if (const auto [begin, end] = footer(i); begin != end || doc.pages[i].mark_text >= 0)
                footer_stream[i] = static_cast<int32_t>(count++);
        return haru.ok(streams.lend(haru.doc(), count));
    }

    // Named places: where each anchor is.
    void anchors() {
        for (size_t i = 0; i < page_count(); ++i)
            for (const AnchorItem& a : doc.pages[i].anchors)
                destinations.emplace(a.name, Destination{static_cast<uint32_t>(i), real(doc.height_of(i) - a.y + 12)});
    }

    // An annotation for each link item with somewhere to lead: an address or an anchor.
    bool links() {
        for (size_t i = 0; i < page_count(); ++i) {
            const std::vector<LinkItem>& items = only ? only->links[i] : doc.pages[i].links;
            for (size_t k = 0; k < items.size(); ++k) {
                const LinkItem& l = items[k];
                LinkAnnotation a{&l, static_cast<uint32_t>(i), static_cast<uint32_t>(k)};
                if (l.url.empty()) {
                    const auto d = destinations.find(l.target);
                    if (d == destinations.end()) continue;
                    a.to_page = static_cast<int32_t>(d->second.page);
                    a.to_top = d->second.top;
                }
                pages.add_link(a);
            }
        }
        haru.doing(fmt(_("write the links of {}"), name));
        return haru.ok(pages.number_links(haru.doc()));
    }

    // A UTF-16BE text string for a dictionary entry; null once the reason is reported.
    HPDF_Binary text_string(const std::string& utf8) {
        std::string why;
        HPDF_Binary s = text_string_object(haru.doc(), utf8, &why);
        if (!s) haru.fail_with(why);
        return s;
    }

    // Bookmarks: those whose place is in this PDF.
    bool outline() {
        std::vector<Bookmark> bookmarks;
        for (const OutlineEntry& e : only ? only->outline : doc.outline)
            if (const auto d = destinations.find(e.anchor); d != destinations.end()) bookmarks.push_back({&e, d->second});
        haru.doing(fmt(_("write the bookmarks of {}"), name));
        return haru.ok(pages.add_outline(haru.doc(), std::move(bookmarks)));
    }

    bool info() {
        const std::pair<HPDF_InfoType, const std::string*> fields[] = {{HPDF_INFO_TITLE, &doc.info.title},
                                                                       {HPDF_INFO_AUTHOR, &doc.info.author},
                                                                       {HPDF_INFO_SUBJECT, &doc.info.subject},
                                                                       {HPDF_INFO_CREATOR, &doc.info.creator}};
        for (const auto& [type, value] : fields) {
            haru.doing(fmt(_("write the document information {} in {}"), excerpt(*value), name));
            // libharu makes the entry (and the Info dictionary); the UTF-16BE string replaces it.
            if (!haru.ok(HPDF_SetInfoAttr(haru.doc(), type, ""))) return false;
            HPDF_Binary s = text_string(*value);
            if (!haru.ok(s) || !haru.ok(HPDF_Dict_Add(haru.doc()->info, info_key(type), s))) return false;
        }
        if (doc.info.year > 0) {
            haru.doing(fmt(_("write the date of {}"), name));
            HPDF_Date date{doc.info.year, doc.info.month, doc.info.day, 0, 0, 0, 'Z', 0, 0};
            if (!haru.ok(HPDF_SetInfoDateAttr(haru.doc(), HPDF_INFO_CREATION_DATE, date))) return false;
        }
        return true;
    }

    // The PDF attachments' objects, copied into the document before the pages that draw them.
    bool import_attachments() {
        if (only || doc.imports.empty()) return true;
        haru.doing(fmt(_("copy the PDF attachments' pages into {}"), name));
        std::string why;
        const auto height_of = [this](size_t i) { return i < doc.pages.size() ? doc.height_of(i) : doc.page_height; };
        if (imported.add(haru.doc(), doc.imports, height_of, &why)) return true;
        if (imported.failed) haru.doing(fmt(_("copy the pages of {} into {}"), imported.failed->name, name),
                                        {imported.failed->file, imported.failed->line, imported.failed->column});
        return haru.fail_with(why);
    }

    // The structure tree, and what PDF/A-2a and PDF/UA-1 ask of the document besides. A packet
    // that draws PDF attachments' pages claims neither: their content is outside its structure
    // tree and was not made for PDF/A (the agenda-only PDF beside it claims both).
    bool tagged_archive(const std::string& icc) {
        haru.doing(fmt(_("write the structure (tags) of {}"), name));
        if (!haru.ok(write_structure(haru.doc(), tree, pages, kLanguage, structure))) return false;
        // The elements and the links' texts stay: libharu has their numbers, and their bodies
        // are made from them when the document is saved. The rest is written.
        std::vector<std::vector<int>>().swap(tree.mcid_element);
        std::vector<std::vector<int>>().swap(tree.link_element);
        haru.doing(fmt(_("write the PDF/A metadata of {}"), name));
        id.add(doc.info.title);
        id.add(doc.info.subject);
        return haru.ok(write_archive_metadata(haru.doc(), doc.info, kLanguage, icc, id, only || doc.imports.empty()));
    }

    // Into the file at `path`, written by libharu as it goes; with no path only measured, to
    // find what would fail. A file that cannot be written is named with the system's reason
    // (libharu's own says only "file I/O error").
    PdfResult save(std::map<std::string, FileRecord>* written) {
        SaveSink sink;
        std::string why;
        if (!path.empty()) {
            haru.doing(fmt(_("write {}"), path));
            if (!sink.open(path, &why)) {
                haru.fail_writing(path, why);
                return PdfResult::FileFailed;
            }
        } else {
            haru.doing(fmt(_("save {}"), name));
        }
        const HPDF_STATUS status = sink.save(haru.doc(), &why);
        // The pages' content read back from the spool as it is saved: a failed read is the file's too.
        if (status != HPDF_OK && why.empty() && spool.error() != 0) why = errno_text(spool.error());
        if (status != HPDF_OK && !why.empty()) {
            haru.fail_writing(path, why);
            return PdfResult::FileFailed;
        }
        if (!haru.ok(status)) return path.empty() ? PdfResult::Refused : PdfResult::FileFailed;
        if (written && !path.empty()) (*written)[path] = sink.record();
        return PdfResult::Written;
    }
};

// One PDF of the layout (see Writer), with the plan and structure tree made for it.
PdfResult write_one(LaidOutDocument& doc, const FontFiles& fonts, const FontPlan& plan, StructureTree tree,
                    ContentSpool& spool, const std::string& srgb_profile, const std::string& path, Diagnostics& diags,
                    const AgendaOnly* only, std::vector<SharedPage>* shared, std::map<std::string, FileRecord>* written,
                    PageStreamMemo* page_streams, PdfFileFailure* failed) {
    Haru haru(diags, failed);
    if (haru.failed() || !within_limits(haru, doc) || !start_document(haru, doc)) return PdfResult::Refused;
    HPDF_Font faces[kFaces];
    if (!embed_fonts(haru, plan, fonts, faces)) return PdfResult::Refused;
    // Declared after `haru`, so destroyed before it: the Writer's lent objects take their entries
    // back out of libharu's table before HPDF_Free would free them.
    Writer w(doc, haru, faces, fonts, plan, std::move(tree), spool, path, only, shared, page_streams);
    // A page's content that the spool beside the file could not take (a full disk) is the file
    // failing, not the document.
    const auto stopped = [&haru] { return haru.file_failed() ? PdfResult::FileFailed : PdfResult::Refused; };
    if (!w.number_pages() || !w.import_attachments()) return stopped();
    for (size_t i = 0; i < w.page_count(); ++i)
        if (!w.page(i)) return stopped();
    w.anchors();
    if (!w.links() || !w.outline() || !w.info() || !w.tagged_archive(srgb_profile)) return stopped();
    return w.save(written);
}

// Of a page the packet takes from its agenda-only PDF, what the packet still writes itself: its
// footer, and the closed edition's mark.
void keep_footer_only(Page& p) {
    std::vector<TextItem> footer_texts(std::make_move_iterator(p.texts.begin() + p.footer_begin),
                                       std::make_move_iterator(p.texts.begin() + p.footer_end));
    std::vector<BoxItem> mark_box;
    if (p.mark_text >= 0) {
        footer_texts.push_back(std::move(p.texts[static_cast<size_t>(p.mark_text)]));
        p.mark_text = static_cast<int>(footer_texts.size() - 1);
    }
    if (p.mark_box >= 0) {
        mark_box.push_back(p.boxes[static_cast<size_t>(p.mark_box)]);
        p.mark_box = 0;
    }
    p.texts.swap(footer_texts);
    p.footer_begin = 0;
    p.footer_end = static_cast<int>(p.texts.size()) - (p.mark_text >= 0 ? 1 : 0);
    p.boxes.swap(mark_box);
    std::vector<PathItem>().swap(p.paths);
    std::vector<ImageItem>().swap(p.images);
}

}  // namespace

PdfResult write_pdf(LaidOutDocument doc, const FontFiles& fonts, const std::string& srgb_profile, const std::string& path,
                    Diagnostics& diags, const std::string& agenda_only_path, PdfFileFailure* failed, bool give_back,
                    std::map<std::string, FileRecord>* written, PageStreamMemo* page_streams) {
    // One plan for both PDFs, so the pages they share have the same codes: the agenda-only
    // PDF prints nothing the packet does not, but its own footers (FontPlan::of reads them).
    const FontPlan plan = FontPlan::of(doc, fonts);
    // The pages' content waits for the save in memory, and past some 256 KiB in a file beside
    // the PDFs (the agenda-only PDF's shared pages for the packet's too); with no file to write,
    // all in memory.
    const bool two = doc.agenda_only && !agenda_only_path.empty();
    ContentSpool spool;
    if (!path.empty()) spool.spool_in(std::filesystem::path(path).parent_path().string());
    if (two) {
        // The agenda-only PDF first, from its own tree; the packet's tree is made only after, so
        // the two are never held at once (at ten times the example each is some 1,1 MB, at the
        // peak of the build). What the packet's tree is compared with is the agenda-only tree's
        // marking of each page.
        std::vector<SharedPage> shared = shared_candidates(doc);
        std::vector<PageMarking> marked;
        StructureSizes sizes;
        {
            StructureTree own = build_structure(doc, true);
            marked = page_markings(own, shared.size());
            // The packet's tree is the agenda-only PDF's and the texts only the packet prints.
            size_t packet_only = 0;
            for (const auto& texts : doc.agenda_only->packet_only) packet_only += texts.size();
            sizes = {own.elements.size() + packet_only, own.all_kids.size() + packet_only};
            if (give_back) give_back_free_memory();
            const PdfResult r = write_one(doc, fonts, plan, std::move(own), spool, srgb_profile, agenda_only_path, diags,
                                          &*doc.agenda_only, &shared, written, page_streams, failed);
            if (r != PdfResult::Written) return r;
        }
        if (give_back) give_back_free_memory();
        StructureTree tree = build_structure(doc, false, &sizes);
        confirm_shared(shared, marked, tree);
        // The packet takes those pages' content as written: it needs neither their items (but
        // their footers) nor their marking.
        for (size_t p = 0; p < shared.size(); ++p)
            if (shared[p].alike) {
                keep_footer_only(doc.pages[p]);
                std::vector<int>().swap(tree.text_mcid[p]);
            }
        return write_one(doc, fonts, plan, std::move(tree), spool, srgb_profile, path, diags, nullptr, &shared, written,
                         page_streams, failed);
    }
    return write_one(doc, fonts, plan, build_structure(doc), spool, srgb_profile, path, diags, nullptr, nullptr, written,
                     page_streams, failed);
}

}  // namespace boardpack::render::pdf

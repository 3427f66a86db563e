#include "render/pdf/pdf_writer.hpp"

#include <hpdf.h>

#include <cstdio>
#include <map>
#include <memory>

#include "render/pdf/winansi.hpp"

namespace boardpack::render::pdf {

namespace {

// libharu reports errors through this callback; we only record them and check after each step.
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

std::string error_text(const ErrorRecord& rec) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "libharu error 0x%04X (detail %u)", static_cast<unsigned>(rec.error),
                  static_cast<unsigned>(rec.detail));
    return buf;
}

const char* const kEncoding = "CP1252";

// Loads the four styles; returns their fonts in style order.
bool load_fonts(HPDF_Doc pdf, const std::string& dir, HPDF_Font fonts[kFontStyles], ErrorRecord& rec,
                Diagnostics& diags) {
    for (int s = 0; s < kFontStyles; ++s) {
        const std::string path = dir + "/" + font_file(static_cast<FontStyle>(s));
        std::FILE* f = std::fopen(path.c_str(), "rb");
        if (!f) {
            diags.error({path, 0, 0}, "cannot open the font file (install the Debian package fonts-crosextra-carlito, "
                                      "or give --fonts DIR)");
            return false;
        }
        std::fclose(f);
        const char* name = HPDF_LoadTTFontFromFile(pdf, path.c_str(), HPDF_TRUE);
        fonts[s] = name ? HPDF_GetFont(pdf, name, kEncoding) : nullptr;
        if (!fonts[s] || rec.error) {
            diags.error({path, 0, 0}, "cannot load the font: " + error_text(rec));
            return false;
        }
    }
    return true;
}

// Link targets must be ASCII: other bytes are percent-encoded.
std::string ascii_uri(const std::string& url) {
    std::string out;
    const char* hex = "0123456789ABCDEF";
    for (unsigned char c : url) {
        if (c > 0x20 && c < 0x7F) out += static_cast<char>(c);
        else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

}  // namespace

const char* font_file(FontStyle style) {
    switch (style) {
        case FontStyle::Regular: return "Carlito-Regular.ttf";
        case FontStyle::Bold: return "Carlito-Bold.ttf";
        case FontStyle::Italic: return "Carlito-Italic.ttf";
        case FontStyle::BoldItalic: return "Carlito-BoldItalic.ttf";
    }
    return "";
}

std::optional<TableMetrics> load_font_metrics(const std::string& font_dir, Diagnostics& diags) {
    ErrorRecord rec;
    DocPtr pdf(HPDF_New(on_error, &rec));
    if (!pdf) {
        diags.error({}, "libharu could not start");
        return std::nullopt;
    }
    HPDF_Font fonts[kFontStyles];
    if (!load_fonts(pdf.get(), font_dir, fonts, rec, diags)) return std::nullopt;
    std::array<TableMetrics::Widths, kFontStyles> widths{};
    for (int s = 0; s < kFontStyles; ++s) {
        for (int b = 32; b < 256; ++b) {
            const HPDF_BYTE byte = static_cast<HPDF_BYTE>(b);
            widths[static_cast<size_t>(s)][static_cast<size_t>(b)] = HPDF_Font_TextWidth(fonts[s], &byte, 1).width;
        }
    }
    if (rec.error) {
        diags.error({font_dir, 0, 0}, "cannot measure the fonts: " + error_text(rec));
        return std::nullopt;
    }
    // The line box puts the baseline at 0.8 of the size below its top.
    return TableMetrics(widths, {0.8, 0.8, 0.8, 0.8});
}

std::optional<std::string> write_pdf(const LaidOutDocument& doc, const std::string& font_dir, Diagnostics& diags) {
    ErrorRecord rec;
    DocPtr owner(HPDF_New(on_error, &rec));
    HPDF_Doc pdf = owner.get();
    if (!pdf) {
        diags.error({}, "libharu could not start");
        return std::nullopt;
    }
    HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
    HPDF_SetPageMode(pdf, HPDF_PAGE_MODE_USE_OUTLINE);
    HPDF_Font fonts[kFontStyles];
    if (!load_fonts(pdf, font_dir, fonts, rec, diags)) return std::nullopt;
    HPDF_Encoder encoder = HPDF_GetEncoder(pdf, kEncoding);
    HPDF_SetCurrentEncoder(pdf, kEncoding);

    // Characters without a byte get their stand-in here; printable.cpp reported them, with the
    // place they were written, before rendering.
    std::vector<HPDF_Page> pages;
    for (const Page& p : doc.pages) {
        HPDF_Page page = HPDF_AddPage(pdf);
        HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(doc.page_width));
        HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(doc.page_height));
        pages.push_back(page);
        for (const BoxItem& b : p.boxes) {
            HPDF_Page_SetRGBFill(page, static_cast<HPDF_REAL>(b.color.r), static_cast<HPDF_REAL>(b.color.g),
                                 static_cast<HPDF_REAL>(b.color.b));
            HPDF_Page_Rectangle(page, static_cast<HPDF_REAL>(b.x), static_cast<HPDF_REAL>(doc.page_height - b.y - b.h),
                                static_cast<HPDF_REAL>(b.w), static_cast<HPDF_REAL>(b.h));
            HPDF_Page_Fill(page);
        }
        if (!p.texts.empty()) {
            HPDF_Page_BeginText(page);
            for (const TextItem& t : p.texts) {
                const std::string bytes = to_winansi(t.text);
                if (bytes.empty()) continue;
                HPDF_Page_SetFontAndSize(page, fonts[static_cast<int>(t.style)], static_cast<HPDF_REAL>(t.size));
                HPDF_Page_SetRGBFill(page, static_cast<HPDF_REAL>(t.color.r), static_cast<HPDF_REAL>(t.color.g),
                                     static_cast<HPDF_REAL>(t.color.b));
                HPDF_Page_TextOut(page, static_cast<HPDF_REAL>(t.x), static_cast<HPDF_REAL>(doc.page_height - t.baseline),
                                  bytes.c_str());
            }
            HPDF_Page_EndText(page);
        }
    }

    // Named places: a destination per anchor.
    std::map<std::string, HPDF_Destination> destinations;
    for (size_t i = 0; i < doc.pages.size(); ++i) {
        for (const AnchorItem& a : doc.pages[i].anchors) {
            HPDF_Destination d = HPDF_Page_CreateDestination(pages[i]);
            HPDF_Destination_SetFitH(d, static_cast<HPDF_REAL>(doc.page_height - a.y + 12));
            destinations.emplace(a.name, d);
        }
    }
    for (size_t i = 0; i < doc.pages.size(); ++i) {
        for (const LinkItem& l : doc.pages[i].links) {
            HPDF_Rect r{static_cast<HPDF_REAL>(l.x), static_cast<HPDF_REAL>(doc.page_height - l.y - l.h),
                        static_cast<HPDF_REAL>(l.x + l.w), static_cast<HPDF_REAL>(doc.page_height - l.y)};
            HPDF_Annotation annot = nullptr;
            if (!l.url.empty()) {
                annot = HPDF_Page_CreateURILinkAnnot(pages[i], r, ascii_uri(l.url).c_str());
            } else if (const auto d = destinations.find(l.target); d != destinations.end()) {
                annot = HPDF_Page_CreateLinkAnnot(pages[i], r, d->second);
            }
            if (annot) HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0);
        }
    }

    // Bookmarks: level-1 entries hang under the previous level-0 entry.
    HPDF_Outline parent = nullptr;
    for (const OutlineEntry& e : doc.outline) {
        const auto d = destinations.find(e.anchor);
        if (d == destinations.end()) continue;
        const std::string title = to_winansi(e.title);
        HPDF_Outline o = HPDF_CreateOutline(pdf, e.level > 0 ? parent : nullptr, title.c_str(), encoder);
        HPDF_Outline_SetDestination(o, d->second);
        HPDF_Outline_SetOpened(o, HPDF_FALSE);
        if (e.level == 0) parent = o;
    }

    HPDF_SetInfoAttr(pdf, HPDF_INFO_TITLE, to_winansi(doc.info.title).c_str());
    HPDF_SetInfoAttr(pdf, HPDF_INFO_AUTHOR, to_winansi(doc.info.author).c_str());
    HPDF_SetInfoAttr(pdf, HPDF_INFO_SUBJECT, to_winansi(doc.info.subject).c_str());
    HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, to_winansi(doc.info.creator).c_str());
    if (doc.info.year > 0) {
        HPDF_Date date{doc.info.year, doc.info.month, doc.info.day, 0, 0, 0, 'Z', 0, 0};
        HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, date);
    }

    if (rec.error) {
        diags.error({}, "cannot write the PDF: " + error_text(rec));
        return std::nullopt;
    }
    if (HPDF_SaveToStream(pdf) != HPDF_OK || rec.error) {
        diags.error({}, "cannot write the PDF: " + error_text(rec));
        return std::nullopt;
    }
    std::string out;
    HPDF_ResetStream(pdf);
    HPDF_BYTE buf[65536];
    while (true) {
        HPDF_UINT32 n = sizeof buf;
        const HPDF_STATUS st = HPDF_ReadFromStream(pdf, buf, &n);
        out.append(reinterpret_cast<const char*>(buf), n);
        if (st == HPDF_STREAM_EOF || n == 0) break;
        if (st != HPDF_OK) {
            diags.error({}, "cannot write the PDF: " + error_text(rec));
            return std::nullopt;
        }
    }
    return out;
}

}  // namespace boardpack::render::pdf

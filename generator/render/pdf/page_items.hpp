// The result of PDF layout: pages of positioned items, plus the outline and document info.
// Coordinates are points from the page's top-left corner (y grows downwards); the writer
// converts them to PDF's bottom-left origin.
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "attach/pdf_import.hpp"
#include "core/diagnostics.hpp"
#include "model/document.hpp"
#include "render/pdf/font_metrics.hpp"

namespace boardpack::render::pdf {

// Single precision: every colour is written through a float (append_pdf_number, as libharu
// writes numbers) or with two decimals (a chart's paths), so a double would only hold digits
// nothing prints, in every text, box and path of a packet.
struct Color {
    float r = 0, g = 0, b = 0;
    friend bool operator==(const Color&, const Color&) = default;
};

// What a page item came from, in the terms of tagged PDF's structure: the next issue builds
// the structure tree from exactly this, so every item on a page carries one.
struct Origin {
    enum class Role : unsigned char {
        Artifact,      // footers, rules, table stripes: not content
        Title,         // the meeting's title and front-page lines
        Heading,       // item title, section heading, sub-heading (see level)
        Meta,          // an item's "Sagsbehandler"/"Sagsnummer" lines
        Paragraph,
        ListLabel,     // a list's bullet or number
        ListBody,      // a list item's text (a paragraph inside it has its own block)
        Code,
        TableCaption,
        TableHeader,   // a header cell
        TableCell,
        TableNote,     // a table's source and notes
        AgendaEntry,
        Attachment,    // a line of an item's attachment list
        Placeholder,   // a confidential item's "6 (Fortrolig)" in the public edition
        Figure,        // an image or a chart: `block` is the figure's block; all its items (texts,
                       // boxes, images, paths) are one Figure element, Alt from LaidOutDocument::figures
    };
    // Small fields first: every text item carries one, so it is kept to 24 bytes.
    Role role = Role::Artifact;
    signed char level = 0;  // a heading's level as in the HTML (2 the item, 3 its sections); a list's depth
    bool link = false;      // the text is (part of) a link
    int block = -1;   // the block's number in the packet, counted in reading order
    int parent = -1;  // the enclosing block (a list or quote), or -1
    int item = -1;    // a list item's, agenda entry's or attachment's index
    int row = -1;     // a table cell's row (0 the header) and column
    int col = -1;
    friend bool operator==(const Origin&, const Origin&) = default;
};

// A text item's words, UTF-8, set once: 16 bytes where a std::string takes 32. A large packet's
// layout holds some 25.000 text items until it is written, and every byte of one is part of
// the build's peak. Up to 15 bytes are kept in place (a word, a number, "Side 3 af 12"), a
// longer text in an allocation of exactly its size.
class ItemText {
public:
    ItemText() = default;
    ItemText(std::string_view text);
    ItemText(const std::string& text) : ItemText(std::string_view(text)) {}
    ItemText(const char* text) : ItemText(std::string_view(text)) {}
    ItemText(const ItemText& o) : ItemText(o.view()) {}
    ItemText(ItemText&& o) noexcept : raw_(o.raw_) { o.raw_ = {}; }
    ItemText& operator=(const ItemText& o) { return &o == this ? *this : *this = ItemText(o); }
    ItemText& operator=(ItemText&& o) noexcept {
        std::swap(raw_, o.raw_);
        return *this;
    }
    ~ItemText();

    std::string_view view() const;
    operator std::string_view() const { return view(); }
    std::string str() const { return std::string(view()); }
    size_t size() const { return view().size(); }
    bool empty() const { return size() == 0; }
    friend bool operator==(const ItemText& a, std::string_view b) { return a.view() == b; }
    friend std::string operator+(const std::string& a, const ItemText& b) { return a + b.str(); }
    friend std::string operator+(const ItemText& a, const char* b) { return a.str() + b; }

private:
    // Short: the bytes, then their count in the last byte. Long: the pointer and the size
    // (4 bytes), the last byte kLong. Bytes, not a union, so either reading is well defined.
    static constexpr unsigned char kLong = 0xFF;
    static constexpr size_t kShortMax = 15;
    bool is_long() const { return static_cast<unsigned char>(raw_[15]) == kLong; }
    alignas(8) std::array<char, 16> raw_{};
};

// A run of text on one baseline in one font.
// Ordered so the small fields pack (80 bytes): a large packet holds some 25.000 until it is written.
struct TextItem {
    double x = 0, baseline = 0;
    ItemText text;
    double size = 10;
    FontStyle style = FontStyle::Regular;
    Color color;
    Origin origin;
};

// A filled rectangle (rules are thin rectangles).
struct BoxItem {
    double x = 0, y = 0, w = 0, h = 0;
    Color color;
    Origin origin;  // the block a strike-through belongs to; Artifact for rules
};

// A point of a path.
struct PathPoint {
    double x = 0, y = 0;
};

// A filled polygon or a stroked line: a chart's bars, markers, axes and lines.
struct PathItem {
    std::vector<PathPoint> points;
    bool fill = true;     // filled (closed), else stroked
    Color color;
    double width = 0;     // stroke width
    bool dashed = false;  // stroke dashed (a chart's target line)
    Origin origin;        // the figure it belongs to
};

// A clickable area: to a web address, or to a named place in the document.
struct LinkItem {
    double x = 0, y = 0, w = 0, h = 0;
    std::string url;     // external link, or
    std::string target;  // anchor name
    std::string title;   // shown by viewers on the link (its /Contents), or ""
    Origin origin;       // the block the link sits in
};

// A picture's file as the input read and checked it (drawn once per document, however often
// ImageItems show it).
struct ImageFile {
    enum class Format : unsigned char { Png, Jpeg };
    Format format = Format::Png;
    std::shared_ptr<const std::string> bytes;  // the file's bytes, shared with the model
    SourceLoc source;                          // where the text names the file, for messages
    std::string name;                          // the file as the text names it, for messages
};

// A picture drawn into a rectangle (scaled to it).
struct ImageItem {
    double x = 0, y = 0, w = 0, h = 0;
    std::shared_ptr<const ImageFile> file;
    Origin origin;  // Role::Figure and the picture's block
};

// A named place that links and bookmarks can point to.
struct AnchorItem {
    std::string name;
    double y = 0;
};

struct Page {
    std::vector<TextItem> texts;
    // The texts [footer_begin, footer_end) are the page's footer: its line and "Side N af M".
    // The writer puts them in a content stream of their own, so the rest of an item's page is
    // the same bytes in the packet and in its agenda-only PDF (which differ in M), and in the
    // other edition's PDFs (which differ in its name and N), and is compressed once for all.
    int footer_begin = 0, footer_end = 0;
    // The closed edition's mark at the page's top ("LUKKET – ..."): its text's index in texts
    // and its rule's in boxes; -1 on a public page. The writer puts them in the footer's stream,
    // so the rest of a public item's page is the same bytes in both editions, and is compressed
    // once for both (page_stream_memo.hpp).
    int mark_text = -1, mark_box = -1;
    std::vector<BoxItem> boxes;
    std::vector<PathItem> paths;
    std::vector<LinkItem> links;
    std::vector<AnchorItem> anchors;
    std::vector<ImageItem> images;
    // Turned on its side: the document's page size with width and height swapped (A4 landscape).
    // A PDF attachment's landscape page gets one, so it is drawn as large as on its own paper,
    // not shrunk onto an upright page (attachments_layout.hpp). Its items' coordinates count
    // from its own top-left corner, as on any page.
    bool landscape = false;
};

// Bookmarks, link descriptions and the document information are for finding one's way, and a
// PDF may not hold any length there (PDF/A-2 allows a string of 32.767 bytes, libharu refuses
// 65.535 in the document information: a 65.500-character title failed with "libharu error
// 0x105B"): longer ones are shortened, with an ellipsis. The pages print the whole text.
inline constexpr size_t kMaxLabelChars = 300;

// A bookmark in the PDF's outline.
struct OutlineEntry {
    std::string title;
    std::string anchor;
    int level = 0;  // 0 top level, 1 below the previous level-0 entry
    SourceLoc source;  // the item or attachment it comes from, for messages
};

struct DocumentInfo {
    std::string title, author, subject, creator;
    int year = 0, month = 0, day = 0;  // creation date, from the meeting data
};

// The agenda-only PDF of a packet that merges PDF attachments (README, "Attachments"): the
// packet's own pages, before the attachments' (the same layout, so the same content, but for
// what the fields below say), which the writer makes from one layout and writes once for both
// where they print alike (pdf_writer.hpp).
struct AgendaOnly {
    size_t pages = 0;  // the packet's first `pages` pages; the PDF attachments' follow them
    // Per page, the texts [footer_begin, footer_end) it prints instead of the packet's: "Side N
    // af M" with its own M (and the footer line sized to fit it).
    std::vector<std::vector<TextItem>> footers;
    // Per page, the indexes of the texts only the packet prints: the page a merged PDF
    // attachment starts on, in the agenda and in an item's attachment list (ascending).
    std::vector<std::vector<size_t>> packet_only;
    // Per page, its links: a merged PDF attachment's lead to its own file in bilag/ instead.
    std::vector<std::vector<LinkItem>> links;
    std::vector<OutlineEntry> outline;  // a PDF attachment's bookmark leads to its item's list

    // Whether text k of page p is the packet's only.
    bool packet_only_text(size_t p, size_t k) const;
};

struct LaidOutDocument {
    double page_width = 0, page_height = 0;
    std::vector<Page> pages;
    std::vector<OutlineEntry> outline;
    DocumentInfo info;
    // The PDF attachments' pages to merge onto pages left for them (attachments_layout.hpp).
    std::vector<attach::Placement> imports;
    // A Figure's alternative text (the tag's /Alt), per figure block (an image or a chart).
    struct FigureAlt {
        int block = -1;
        std::string alt;
    };
    std::vector<FigureAlt> figures;
    // A packet that merges PDF attachments: its agenda-only PDF, from the same pages.
    std::optional<AgendaOnly> agenda_only;
    // Tables too wide for the page even in the smallest type, whose numbers break over lines,
    // in agenda order: the build warns about them.
    std::vector<const model::Table*> numbers_split;

    // The 1-based page holding an anchor, or 0.
    int page_of(const std::string& anchor) const;
    // Page p's (0-based) width and height: the document's, swapped on a landscape page.
    double width_of(size_t p) const { return pages[p].landscape ? page_height : page_width; }
    double height_of(size_t p) const { return pages[p].landscape ? page_width : page_height; }
};

// A readable dump of the pages (one line per item), for tests and for looking at layout.
std::string dump(const LaidOutDocument& doc);

}  // namespace boardpack::render::pdf

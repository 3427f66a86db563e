// The attachments' pages as objects to copy into the packet boardpack draws: each page of a
// cleaned attachment becomes a form XObject, and the objects it uses (fonts, images, nested
// forms) are copied with it, written out here as PDF syntax. The PDF writer adds them to the
// document it writes and draws each form on a page the layout left for it, under the stamp and
// the page number, so the packet is written once, by libharu, and qpdf reads only the
// attachments (never the packet: reading and rewriting the whole packet was most of a build).
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

class QPDF;
class QPDFPageObjectHelper;

namespace boardpack::attach {

struct ImportedPdf;
class FlateContents;

// One attachment page to place: onto page `page` (0-based) of the packet, page `source_page`
// (0-based) of the attachment `source`, inside a box given from the page's top-left corner.
struct Placement {
    int page = 0;
    std::shared_ptr<const ImportedPdf> source;
    int source_page = 0;
    double x = 0, y = 0, w = 0, h = 0;
    // For messages: the attachment's file as the input names it, and where it does ("bilag:").
    std::string name, file;
    int line = 0, column = 0;
};

// An object copied from an attachment. Its references to other copied objects are written as
// kReferenceStart, the other object's index in ImportedPdf::objects in decimal, kReferenceEnd:
// the writer puts the numbers the objects get in the packet there. Nothing else in a body is a
// control character (strings are written in hex, names with #xx escapes).
inline constexpr char kReferenceStart = '\x01';
inline constexpr char kReferenceEnd = '\x02';

struct ForeignObject {
    std::string body;  // a dictionary's entries, without << >> (a stream's: without /Length)
    bool stream = false;
    // A stream's bytes, filtered as its /Filter says: as they were in the file, or compressed
    // here (with /Filter /FlateDecode added) where it had no filter. A page's form takes the
    // page's content as the file has it when that is one whole Flate stream, else decoded and
    // compressed here.
    std::string data;
};

// The form XObject of an attachment page and where it draws: its bounding box after its
// /Matrix (a rotated page's form turns it upright), in its own units.
struct ImportedPage {
    size_t form = 0;  // index in ImportedPdf::objects
    double llx = 0, lly = 0, urx = 0, ury = 0;
};

struct ImportedPdf {
    std::vector<ForeignObject> objects;
    std::vector<ImportedPage> pages;  // every page of the attachment, in order
};

// The pages of an attachment qpdf has read and attach::clean_pdf has cleaned, as objects to copy.
// A reference to a page, the page tree or the catalog is left out (null), as are what ties an
// object to the attachment's own structure tree and metadata. nullopt with *why set if its
// objects would take more than `limit` bytes written out, or nest deeper than makes sense (an
// array that holds itself; an array that is not its own object is written where it is used, so
// one referred to from everywhere is written many times). A page whose content `pass_through`
// finds one whole zlib stream (qpdf_meters.hpp) takes it as the file has it, compressed.
std::optional<ImportedPdf> import_pages(QPDF& pdf, FlateContents& pass_through, size_t limit, std::string* why);

// The part of an attachment page a viewer shows, in the page's own units: its /CropBox (its
// /MediaBox if it has none, either inherited from the page tree) cut to its /MediaBox, corners
// in either order. nullopt if either is not a rectangle or they have no area in common.
struct PageBox {
    double llx = 0, lly = 0, urx = 0, ury = 0;
};
std::optional<PageBox> shown_box(QPDFPageObjectHelper& page);

// The size of the page's unit in points: its /UserUnit, 1 where it has none or a bad one.
double user_unit(QPDFPageObjectHelper& page);

// How far a viewer turns the page clockwise: its /Rotate (inherited from the page tree if need
// be) taken modulo 360, as viewers do (-90 is 270, 450 is 90); 0 if it is no multiple of 90.
int page_rotation(QPDFPageObjectHelper& page);

// The cm operator's six numbers that draw a page's form centred in the box (PDF user space:
// lower-left corner and size), scaled to fill it as far as its shape allows.
struct FormPlacement {
    double scale = 1, tx = 0, ty = 0;
};
FormPlacement place_form(const ImportedPage& page, double box_x, double box_y, double box_w, double box_h);

}  // namespace boardpack::attach

// Writes laid-out pages as PDF with libharu: fonts are embedded TrueType subsets (Carlito, and
// DejaVu Sans for what it lacks) as Type0 fonts, written by cid_font.cpp with libharu's object
// API; libharu's error callback only records the error, which is turned into a diagnostic here.
// The PDF is tagged (PDF/UA-1, PDF/A-2a): structure_tree works out the tags, structure_writer and
// pdf_metadata write what libharu has no calls for with its low-level object API.
#pragma once

#include <map>
#include <string>

#include "core/diagnostics.hpp"
#include "core/fingerprint.hpp"
#include "render/pdf/font_files.hpp"
#include "render/pdf/page_items.hpp"

namespace boardpack::render::pdf {

class PageStreamMemo;

// How writing a PDF ended; each failure has its message in the diagnostics.
enum class PdfResult {
    Written,
    Refused,     // the document cannot be made a PDF (a libharu limit, a font)
    FileFailed,  // the file could not be written (no space, file size limit)
};

// A PDF file that could not be written, and the system's reason ("No space left on device").
struct PdfFileFailure {
    std::string path;
    std::string why;
};

// Writes the PDF to the file at `path` as libharu saves it (through save_sink's buffer), so the
// document is never copied into memory; until then each page's content waits in an unnamed file
// beside it (content_spool.hpp), not in memory. With an empty path the PDF is made but not
// written, to find what would fail. The faces it uses are embedded as subsets of the characters it prints, and
// `srgb_profile` (read_srgb_profile's, compressed once per run) as its OutputIntent. The
// document is taken (move it in): each page's items are freed as soon as libharu has them.
//
// A packet that merges PDF attachments (doc.agenda_only) also has its agenda-only PDF, written to
// `agenda_only_path` first when one is given, from the same layout (shared_pages.hpp): the pages
// the two print alike are written once, each compressed once, for both, and everything but
// their footers is the same bytes in the two files. The packet is written the same whether its
// agenda-only PDF is or not. A file that cannot be written (FileFailed) is named with the
// system's reason: in `failed`, if given, for the caller to report (the diagnostics then do not
// say it too), else in the diagnostics.
//
// With `give_back`, the memory freed by then is given back to the system before each PDF is
// written (glibc's malloc_trim): a large meeting's heap holds several MB freed by the layout and
// the structure trees, which the PDF's objects would grow beside rather than into. A small
// meeting is better without: the pages given back cost page faults to take again.
//
// `written`, if given, gets each file written, by its path, with its size and fingerprint taken
// from the bytes as they went to it, so they need not be read back.
//
// `page_streams`, if given, is asked for each page's compressed content (page_stream_memo.hpp),
// so a page the other edition printed alike is not compressed again.
PdfResult write_pdf(LaidOutDocument doc, const FontFiles& fonts, const std::string& srgb_profile, const std::string& path,
                    Diagnostics& diags, const std::string& agenda_only_path = {}, PdfFileFailure* failed = nullptr,
                    bool give_back = false, std::map<std::string, FileRecord>* written = nullptr,
                    PageStreamMemo* page_streams = nullptr);

}  // namespace boardpack::render::pdf

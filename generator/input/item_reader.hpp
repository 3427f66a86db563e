// Reads one agenda item: item.md (header and sections), its tables and its attachments.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "attach/clean_queue.hpp"
#include "core/diagnostics.hpp"
#include "core/input_files.hpp"
#include "model/document.hpp"

namespace boardpack::input {

// A PDF attachment read but not yet cleaned: its bytes are in the queue (attach/clean_queue.hpp)
// and its item has it without its PDF until finish_pdf_attachments.
struct PendingPdf {
    size_t ticket = 0;       // in the queue
    SourceLoc loc;           // the "bilag:" line's value, and the line, for messages
    std::string line;
    std::string name;        // the file as the line names it
    std::string display;     // the file as messages name it
    size_t item = 0;         // the item's index in the meeting (set by the caller), or kLeftOut
    size_t attachment = 0;   // its index in the item's attachments
    static constexpr size_t kLeftOut = static_cast<size_t>(-1);
};

// Whether a file's name ends in ".pdf", in any case: an attachment given as a PDF file.
bool is_pdf_name(const std::string& name);

// The PDF attachments of the items read so far, cleaning meanwhile.
struct PdfReading {
    attach::CleanQueue queue;
    std::vector<PendingPdf> pending;
    explicit PdfReading(bool background = true) : queue(background) {}
};

// `folder` is relative to the meeting folder; `listed_at` is the meeting.txt line naming it.
// `files` should be the item's ItemFiles, so the item reads only what belongs to it; names in the
// item ("fil:", "bilag: ... | file") are relative to its folder and may reach a shared file by "..".
// Its PDF attachments are queued in `pdfs` (their `item` left for the caller to set).
std::optional<model::AgendaItem> read_item(const InputFiles& files, const std::string& folder,
                                           const SourceLoc& listed_at, PdfReading& pdfs, Diagnostics& diags);

// Gives each queued PDF attachment its cleaned PDF, in the order they were listed, with the
// messages and the meeting's page limit as if each had been cleaned where it was read. One that
// cannot be used stays in its item without a PDF, with an error: such a meeting is never printed.
void finish_pdf_attachments(PdfReading& pdfs, std::vector<model::AgendaItem>& items, ReadTotals& totals,
                            Diagnostics& diags);

}  // namespace boardpack::input

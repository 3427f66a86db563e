// Loads a meeting folder (meeting.txt and the item folders it lists) into the model.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "core/diagnostics.hpp"
#include "core/input_files.hpp"
#include "model/document.hpp"

namespace boardpack::input {

struct PdfReading;

// A meeting's PDF attachments that the PDF reader may still be reading, on another core, when
// load_meeting returns: computing the tables does not use them, so it runs meanwhile; give them
// to the meeting with finish_attachments before anything else reads its items.
struct UnfinishedAttachments {
    UnfinishedAttachments();
    ~UnfinishedAttachments();  // waits for the reading under way, if any, and drops the rest
    UnfinishedAttachments(UnfinishedAttachments&&) noexcept;
    UnfinishedAttachments& operator=(UnfinishedAttachments&&) noexcept;
    std::unique_ptr<PdfReading> pdfs;
};

// Starts reading the meeting's PDF attachments before the meeting is read: `unfinished` gets the
// queue they will go to, and if a folder in the meeting folder holds a PDF file (or a reader was
// started early for it, attach::EarlyReader), the public items' PDF reader is started at once
// (its own start takes some 12 ms; a build does this before it takes its lock; should no
// attachment come, it only ends with the queue, and a confidential item's attachments start
// their own). load_meeting then queues the attachments there, and does this itself if it was
// not done.
void start_reading_attachments(const InputFiles& files, UnfinishedAttachments& unfinished);

// Whether a folder in the meeting folder holds a file named as a PDF (an item's attachment, most
// likely).
bool holds_pdf_files(const InputFiles& files);

// Reads the whole meeting, reporting every problem it finds; nullopt only if meeting.txt cannot
// be read. With errors in `diags`, the meeting lacks what could not be read (items whose header
// is wrong, tables and calculations that failed, noted in AgendaItem::unreadable): compute it to
// find the other mistakes, never print it. `meeting_id` is the folder's name.
// With `unfinished`, the PDF attachments are left there to be finished later; without, they are
// given to the meeting before it returns.
std::optional<model::Meeting> load_meeting(const InputFiles& files, const std::string& meeting_id,
                                           Diagnostics& diags, UnfinishedAttachments* unfinished = nullptr);

// Gives the meeting the PDF attachments left in `unfinished` (waiting for those still being
// read), with their messages; `files` are the meeting's, as given to load_meeting.
void finish_attachments(model::Meeting& meeting, UnfinishedAttachments& unfinished, const InputFiles& files,
                        Diagnostics& diags);

// Parses "YYYY-MM-DD" into a real calendar date.
std::optional<model::Date> parse_iso_date(const std::string& text);

}  // namespace boardpack::input

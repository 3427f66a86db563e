// Loads a meeting folder (meeting.txt and the item folders it lists) into the model.
#pragma once

#include <optional>
#include <string>

#include "core/diagnostics.hpp"
#include "core/input_files.hpp"
#include "model/document.hpp"

namespace boardpack::input {

// Reads the whole meeting, reporting every problem it finds; nullopt only if meeting.txt cannot
// be read. With errors in `diags`, the meeting lacks what could not be read (items whose header
// is wrong, tables and calculations that failed, noted in AgendaItem::unreadable): compute it to
// find the other mistakes, never print it. `meeting_id` is the folder's name.
std::optional<model::Meeting> load_meeting(const InputFiles& files, const std::string& meeting_id,
                                           Diagnostics& diags);

// Parses "YYYY-MM-DD" into a real calendar date.
std::optional<model::Date> parse_iso_date(const std::string& text);

}  // namespace boardpack::input

// Loads a meeting folder (meeting.txt and the item folders it lists) into the model.
#pragma once

#include <optional>
#include <string>

#include "core/diagnostics.hpp"
#include "core/input_files.hpp"
#include "model/document.hpp"

namespace boardpack::input {

// Reads the whole meeting, reporting every problem it finds; returns nullopt if any was an
// error. `meeting_id` is the folder's name.
std::optional<model::Meeting> load_meeting(const InputFiles& files, const std::string& meeting_id,
                                           Diagnostics& diags);

// Parses "YYYY-MM-DD" into a real calendar date.
std::optional<model::Date> parse_iso_date(const std::string& text);

}  // namespace boardpack::input

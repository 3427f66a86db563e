// Reads one agenda item: item.md (header and sections), its tables and its attachments.
#pragma once

#include <optional>
#include <string>

#include "core/diagnostics.hpp"
#include "core/input_files.hpp"
#include "model/document.hpp"

namespace boardpack::input {

// `folder` is relative to the meeting folder; `listed_at` is the meeting.txt line naming it.
// `files` should be the item's ItemFiles, so the item reads only what belongs to it; names in the
// item ("fil:", "bilag: ... | file") are relative to its folder and may reach a shared file by "..".
std::optional<model::AgendaItem> read_item(const InputFiles& files, const std::string& folder,
                                           const SourceLoc& listed_at, Diagnostics& diags);

}  // namespace boardpack::input

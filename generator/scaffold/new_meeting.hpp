// "boardpack new" and "boardpack new-item": a meeting folder and an agenda item started from the
// skeletons in templates/ny/, every field explained in comments, ready to build at once.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>

namespace boardpack::scaffold {

// Writes MEETING_DIR/meeting.txt (making the folder). Fields a secretariat repeats from meeting
// to meeting (organisation, body, time, place) are copied from the newest other meeting beside
// it; the date is today's. Refuses (exit 3, nothing written) if a meeting.txt is already there.
int new_meeting(const std::filesystem::path& meeting, const std::filesystem::path& templates, std::ostream& out,
                std::ostream& err);

// Writes MEETING_DIR/NAME/item.md, numbered after the meeting's last item, and appends
// "punkt: NAME" to meeting.txt in place, in the file's own line ending (keeping its links, mode
// and owner). Refuses if NAME is not a plain folder name or already exists, or if meeting.txt
// cannot be added to or is a link leading outside the meeting folder.
int new_item(const std::filesystem::path& meeting, const std::string& name, const std::string& title,
             const std::filesystem::path& templates, std::ostream& out, std::ostream& err);

}  // namespace boardpack::scaffold

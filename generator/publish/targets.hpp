// Where each meeting's packet goes, checked before anything is built: the packet is named
// after the meeting folder as it resolves (so ".", "m/." and "m/sub/.." name the real folder),
// two meetings may not share a name, and the output folder may not be, contain or lie inside a
// meeting folder (a build would otherwise replace the secretariat's inputs).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace boardpack::publish {

// One meeting of a run and the name of its packet.
struct MeetingTarget {
    std::filesystem::path dir;  // as the user gave it (messages name it so)
    std::string id;             // the resolved folder's name: output/<id>
};

// Why a run was refused before building.
struct TargetProblem {
    bool usage = false;  // the arguments conflict (otherwise: a meeting folder cannot be used)
    std::string message;
};

// Resolves each meeting folder's packet name; with `writes`, also checks names against each
// other and the output folder against the meetings. Sets *problem and returns nullopt if not.
std::optional<std::vector<MeetingTarget>> resolve_targets(const std::vector<std::filesystem::path>& meetings,
                                                          const std::filesystem::path& output, bool writes,
                                                          TargetProblem* problem);

}  // namespace boardpack::publish

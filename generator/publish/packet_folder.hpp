// What boardpack may replace at output/<meeting>: only what it wrote itself. A packet version
// carries a marker file; output/<meeting> is a symbolic link into boardpack's working folder
// (output/.boardpack/<meeting>/<version>). A real folder, or the version a link points at, is
// replaced only if it holds nothing but a packet's files (with the marker, or exactly the four
// files of a packet written before the marker existed); a file someone added makes it foreign.
#pragma once

#include <filesystem>
#include <string>

namespace boardpack::publish {

// boardpack's working folder inside the output folder; no meeting may carry its name.
inline constexpr const char* kWorkFolder = ".boardpack";

// The marker file in every packet, and its fixed first line.
inline constexpr const char* kMarkerFile = ".boardpack-packet";
inline constexpr const char* kMarkerLine = "boardpack packet: written by boardpack, replaced by its next build";

// The folder in each edition's folder that keeps its earlier versions, one numbered folder each
// ("offentlig/versioner/1/"; README, "Corrections").
inline constexpr const char* kVersionsFolder = "versioner";

// An edition's file in the packet, relative to output/<meeting>: the edition folder
// ("offentlig", "lukket") and a name that says the edition too, "offentlig/dagsorden-offentlig.pdf",
// so a file attached or copied on its own cannot be taken for the other edition.
std::string edition_file(const std::string& edition_folder, const char* extension);

// The agenda-only PDF beside a packet that merges PDF attachments, relative to output/<meeting>:
// "offentlig/dagsorden-offentlig-uden-bilag.pdf" (it keeps the PDF/UA claim; README, "Attachments").
std::string agenda_only_file(const std::string& edition_folder);

// The name each edition's files had before the edition was in the name ("offentlig/dagsorden.pdf").
// A packet an earlier boardpack wrote holds these; boardpack still recognises (and replaces) it.
std::string legacy_edition_file(const std::string& edition_folder, const char* extension);

// The edition file a published packet holds, relative to its folder: the name edition_file
// gives, or the legacy one for a packet written before; "" if it holds neither.
std::string published_edition_file(const std::filesystem::path& packet, const std::string& edition_folder,
                                   const char* extension);

// The marker file's content for a meeting.
std::string marker_text(const std::string& meeting_id);

// What is at output/<meeting> now.
enum class TargetKind {
    Absent,        // nothing: the first build
    OwnLink,       // boardpack's own link to a version in the working folder
    PacketFolder,  // a real folder holding a packet and nothing else
    Foreign,       // anything else: never replaced
};

// The state of output/<meeting>; for OwnLink, `version` is the version it points at; for
// Foreign, `why` says what is there.
struct TargetState {
    TargetKind kind = TargetKind::Absent;
    std::string version;
    std::string why;
};

// Looks at output/<meeting> without following links.
TargetState inspect_target(const std::filesystem::path& target, const std::string& meeting_id);

// The link text that makes output/<meeting> point at a version.
std::string link_text(const std::string& meeting_id, const std::string& version);

// Whether a name is one of the version folders boardpack numbers (digits only).
bool is_version_name(const std::string& name);

}  // namespace boardpack::publish

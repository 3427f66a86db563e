// What boardpack may replace at output/<meeting>: only what it wrote itself. output/<meeting> is
// a symbolic link into boardpack's working folder (output/.boardpack/<meeting>/<version>), and
// each packet version carries a marker file and, in each edition's folder, the list of the files
// boardpack wrote there with their sizes and fingerprints (manifest.hpp). A version is replaced
// only if every file in it is one its lists name and still the file boardpack wrote: a file
// someone added (whatever its name) or replaced makes it theirs too, and the build refuses. A
// packet an earlier boardpack published, before the lists, is its own only if its snapshots
// account for every file in it. A real folder at output/<meeting> is never boardpack's.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <set>
#include <string>

#include "publish/manifest.hpp"

namespace boardpack::publish {

// boardpack's working folder inside the output folder; no meeting may carry its name.
inline constexpr const char* kWorkFolder = ".boardpack";

// The marker file in every packet, and its fixed first line.
inline constexpr const char* kMarkerFile = ".boardpack-packet";
inline constexpr const char* kMarkerLine = "boardpack packet: written by boardpack, replaced by its next build";

// The folder in each edition's folder that keeps its earlier versions, one numbered folder each
// ("offentlig/versioner/1/"; README, "Corrections").
inline constexpr const char* kVersionsFolder = "versioner";

// The attachments' own files an edition holds (model/attachment_file.hpp): "bilag/21-1-slug.pdf".
inline constexpr const char* kAttachmentFolder = "bilag";
// Where the closed edition keeps the public versions withdrawn (build.cpp).
inline constexpr const char* kWithdrawnFolder = "tilbagetrukket";

// The folders the closed edition's folder always holds, empty or not: its attachments' own
// files, its kept versions, and the public versions withdrawn into it. Anyone who can see the closed edition's folder can read its
// link count (two, and one for each folder in it), though not open it: made in every closed
// edition, the folders make that count say nothing of what its confidential items hold (whether
// one has a PDF attachment, or was corrected on its own).
inline constexpr const char* kClosedEditionFolders[] = {kAttachmentFolder, kVersionsFolder, kWithdrawnFolder};

// The list, in the staging folder of a build under way, of every file and folder it is about to
// make there, so that what a killed build left is known as boardpack's (Publisher).
inline constexpr const char* kStagingJournal = ".boardpack-staging";

// The note, in the meeting's working folder (beside its versions), of the version output/<meeting>
// was last made to show: should that link be lost, the next build refuses rather than publish a
// new version 1 without the history of corrections (Publisher::clear_leftovers).
inline constexpr const char* kPublishedNote = "published";

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

// What one version of an edition in a packet written before the lists of files says it holds,
// from its snapshot (which publish/ cannot read: the driver reads it, build.cpp): its version
// number, and the PDF attachments' own files it wrote ("bilag/5-1-notat.pdf").
struct LegacyEdition {
    int version = 1;
    std::set<std::string> attachment_files;
};
// Reads an edition's snapshot file; nullopt if it cannot be read as one.
using ReadLegacyEdition = std::function<std::optional<LegacyEdition>(const std::filesystem::path& snapshot)>;

// Whether a packet version (or what a killed build left) is all boardpack's.
struct PacketCheck {
    enum class Problem {
        None,
        NoMarker,     // the folder has no marker: not a packet of boardpack's
        NotWritten,   // `path` is not a file boardpack wrote there
        Changed,      // `path` is named in the list, but is not the file boardpack wrote
        Unaccounted,  // a packet from before the lists: its snapshots do not account for `path`
        BadList,      // `path` is an edition's list of files, and cannot be read as one
    };
    Problem problem = Problem::None;
    std::string path;  // relative to the folder checked
    // The files checked against a list, with their records, by their path relative to the folder
    // (a packet from before the lists has none: nothing to check them against).
    Manifest files;
    bool ours() const { return problem == Problem::None; }
};

// Checks a packet version folder: the marker, and in each edition folder every entry against
// its list of files (or, where there is none, against what its snapshots say it published).
// Without `contents`, a listed file's size is compared but not its fingerprint (a first look,
// before the check that counts; `files` is then empty).
PacketCheck check_packet(const std::filesystem::path& folder, const ReadLegacyEdition& legacy, bool contents = true);

// Removes a packet version that check_packet found boardpack's, its files first and its lists
// and marker last, so that one half removed (a build killed meanwhile) still checks as
// boardpack's, and the next build removes the rest.
void remove_packet(const std::filesystem::path& folder);

// Removes a staging folder check_staging found boardpack's (or one holding no file), its
// files first and its marker and then its journal last, so that one half removed still
// checks as boardpack's: removed in the folder's order, a build killed meanwhile left files
// without a journal, which every later build refused as someone's.
void remove_staging(const std::filesystem::path& folder);

// Whether a folder holds no file at all, only folders (what remove_packet may leave when killed
// at its very end): removing it loses nothing.
bool holds_no_file(const std::filesystem::path& folder);

// Checks what a killed build left in its staging folder: while it holds the journal, every
// entry must be one the journal names (or a folder on the way to one); without it, the staging
// folder was complete, and is checked as a packet.
PacketCheck check_staging(const std::filesystem::path& folder, const ReadLegacyEdition& legacy);

// Why a check refused, for messages: "it holds out/m/offentlig/notes.txt, which boardpack did
// not write, and ...", naming the entry under `shown` (the path the user knows the folder by).
std::string refusal_text(const PacketCheck& check, const std::filesystem::path& shown);

// What is at output/<meeting> now.
enum class TargetKind {
    Absent,   // nothing: the first build
    OwnLink,  // boardpack's own link to a version in the working folder
    Foreign,  // anything else: never replaced
};

// The state of output/<meeting>; for OwnLink, `version` is the version it points at and `files`
// the files of it checked against its lists (paths relative to the packet); for Foreign, `why`
// says what is there and what to do, to follow "will not replace <path>: ".
struct TargetState {
    TargetKind kind = TargetKind::Absent;
    std::string version;
    std::string why;
    Manifest files;
};

// Looks at output/<meeting> without following links; `contents` as for check_packet.
TargetState inspect_target(const std::filesystem::path& target, const std::string& meeting_id,
                           const ReadLegacyEdition& legacy, bool contents = true);

// The link text that makes output/<meeting> point at a version.
std::string link_text(const std::string& meeting_id, const std::string& version);

// Whether a name is one of the version folders boardpack numbers (digits only).
bool is_version_name(const std::string& name);

}  // namespace boardpack::publish

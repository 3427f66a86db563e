// The driver's part in corrections (README, "Corrections"): each edition's version in this
// build, decided by comparing its snapshot with the one published, and the kept versions carried
// into the new packet. Versions are counted per edition: a change only in a confidential item
// makes a new closed version and leaves the public edition as it was.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "model/changes.hpp"
#include "model/document.hpp"
#include "publish/packet_folder.hpp"
#include "render/wording.hpp"
#include "versions/compare.hpp"
#include "versions/snapshot.hpp"

namespace boardpack {

// One edition's version in this build.
struct EditionVersion {
    versions::Snapshot snapshot;      // this build's, with its version number and date
    versions::Comparison comparison;  // against the version before snapshot.version (empty for version 1)
    model::Changes changes;           // comparison.changes with the versions: what the renderers are given
    bool fresh = true;                // a new version (the first, or a correction); else the published one again
    int published = 0;                // the version published now, 0 if none
    // The public edition's: the model's parts its snapshot has entries for, sorted. What
    // marks_agree reads once a build has written the snapshot and freed its entries.
    std::vector<const void*> shown_parts;
    // What the renderers are given: nullptr for version 1.
    const model::Changes* view_changes() const { return snapshot.version > 1 ? &changes : nullptr; }
};

// The wording the snapshots record and the comparisons name sections in, from the packet's
// wording: each section's printed title by its input name, and the figures' caption.
versions::PrintedWords printed_words(const render::Wording& wording);

// The version of edition `e` (0 offentlig, 1 lukket) against the packet published in
// `published` (a folder, or "" for none). A new version is dated by meeting.txt's "rettet:",
// else SOURCE_DATE_EPOCH, else not (versions_dated; never the clock). False if there were errors
// (reported to diags). A build decides one edition, writes its snapshot and frees its entries
// before the next: at ten times the example a snapshot's entries are some 3,5 MB.
bool decide_version(model::Meeting& meeting, const std::filesystem::path& published,
                    const versions::PrintedWords& printed, int e, EditionVersion& out, Diagnostics& diags);

// Whether every new version has a date; if not, an error naming them.
bool versions_dated(const model::Meeting& meeting, const EditionVersion (&v)[2], Diagnostics& diags);

// Both editions' versions ([0] offentlig, [1] lukket), each as decide_version, and, when
// `need_date`, versions_dated.
bool decide_versions(model::Meeting& meeting, const std::filesystem::path& published,
                     const versions::PrintedWords& printed, bool need_date, EditionVersion (&out)[2],
                     Diagnostics& diags);

// Whether both editions mark the public items alike, so they can be rendered at once from one
// set of `changed` flags (the confidential items' marks show only in the closed edition).
bool marks_agree(const EditionVersion (&v)[2]);

// One line saying what a new version changed: "1 input figure, 14 derived figures, 3
// paragraphs in item 19".
std::string change_summary(const model::Changes& c);

// What one version of an edition in a packet published before boardpack kept lists of its files
// says it wrote, from its snapshot file (publish::ReadLegacyEdition): its version and the PDF
// attachments' own files; nullopt if the file cannot be read as a snapshot.
std::optional<publish::LegacyEdition> legacy_edition(const std::filesystem::path& snapshot);

// A word-level difference as `diff` prints it, as wdiff does: a run of removed or added words
// in one pair of marks ("[-dækker over-] {+omfatter+}"), no space after the last word.
std::string word_difference(const std::vector<model::DiffWord>& words);

// Lists the changes of an edition for `boardpack diff`.
void print_changes(const EditionVersion& v, const std::string& edition, std::ostream& out);

}  // namespace boardpack

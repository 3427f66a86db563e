// The archive's facts: which packets an output folder holds (those boardpack published, through
// its own links), and writing the archive page beside them in one step.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace boardpack::publish {

// A published packet: its name (output/<id>) and the facts its marker records ("dato",
// "organ", "titel", "organisation"), as Publisher::describe wrote them.
struct PublishedPacket {
    std::string id;
    std::map<std::string, std::string> facts;
    // The public edition's HTML and PDF, relative to output/<id>: today's names, or the legacy
    // "offentlig/dagsorden.html" of a packet an earlier boardpack wrote; "" if it has none.
    std::string public_html, public_pdf;
};

// The packets in `output` that boardpack published, by name. Anything else there is left out.
std::vector<PublishedPacket> published_packets(const std::filesystem::path& output);

// The archive page's name in the output folder.
inline constexpr const char* kIndexFile = "index.html";
// How boardpack marks the archive pages it writes, so it replaces only those.
inline constexpr const char* kIndexMark = "<meta name=\"generator\" content=\"boardpack\">";

// In the working folder (output/.boardpack), under names no meeting can have (a meeting's name
// may not begin with "."): the lock two builds take in turn to write the archive page, and the
// record of the pages boardpack wrote, a line "fingerprint<TAB>size" each after kIndexRecordLine.
inline constexpr const char* kIndexLock = ".index-lock";
inline constexpr const char* kIndexRecord = ".index-written";
inline constexpr const char* kIndexRecordLine = "boardpack archive page 1";

// Writes output/index.html in one step (a new file renamed over the old), under the lock, and
// records its fingerprint first. Refuses, with *why, a file of that name boardpack did not write
// (one without kIndexMark), and one it wrote whose bytes changed since (no recorded fingerprint
// is theirs): it is never replaced. A page with the mark but no record (written by a boardpack
// before the record) is replaced, as it was then. Clears the temporary pages of builds that were
// killed before renaming theirs (index_temp_name, of a process no longer running).
bool write_index(const std::filesystem::path& output, const std::string& html, std::string* why);

// The temporary name a build writes the archive page under before renaming it into place:
// output/.boardpack/index.html.<pid>.new.
std::string index_temp_name(long pid);

}  // namespace boardpack::publish

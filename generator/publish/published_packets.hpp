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

// Writes output/index.html in one step (a new file renamed over the old). Refuses, with *why, a
// file of that name boardpack did not write (one without kIndexMark): it is never replaced.
bool write_index(const std::filesystem::path& output, const std::string& html, std::string* why);

}  // namespace boardpack::publish

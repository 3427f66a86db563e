// The list of the files boardpack wrote in a packet: one in each edition's folder
// ("offentlig/.boardpack-files-offentlig", "lukket/.boardpack-files-lukket"), naming every file
// below that folder with its size and fingerprint (core/fingerprint.hpp). A build replaces or
// removes a packet only when every file in it is one its lists name and still the file
// boardpack wrote; a file someone added, or one they replaced under the same name, makes the
// packet theirs too (packet_folder.hpp). Each edition's list is in its own folder, names only
// its own files and has its access, so the public edition's says nothing of the closed one and
// is the same whatever the closed one holds.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/fingerprint.hpp"  // FileRecord: what boardpack wrote as one file

namespace boardpack::publish {

// The list's name in an edition's folder ("offentlig"): ".boardpack-files-offentlig", with the
// edition in it as in every file's name of the edition. And its fixed first line.
std::string manifest_file(const std::string& edition_folder);
inline constexpr const char* kManifestLine = "boardpack files 1";

using boardpack::FileRecord;

// Files by their path relative to a folder ("bilag/5-1-notat.pdf"), in byte order.
using Manifest = std::map<std::string, FileRecord>;

// The list as written: its first line, then a line per file, "fingerprint<TAB>size<TAB>path", in
// the paths' byte order, so the same files always make the same bytes.
std::string manifest_text(const Manifest& files);

// Reads a list; nullopt if it is not one boardpack wrote (its first line, a malformed line, a
// path that is absolute, empty, or has "." or ".." in it, a path twice).
std::optional<Manifest> parse_manifest(std::string_view text);

// A plain file's size and fingerprint, read without following a symbolic link; nullopt if it is
// not a plain file or cannot be read.
std::optional<FileRecord> file_record(const std::filesystem::path& file);

}  // namespace boardpack::publish

// A file's fingerprint: 128 bits of two 64-bit hashes of its bytes, as 32 hex digits, the same
// on every machine (the bytes are read in little-endian order whatever the machine's). Not a
// cryptographic hash: it tells a corrected file from the one published before (a snapshot keeps
// it for each PDF attachment and picture), or a file someone replaced from the one boardpack
// wrote (a packet's list of its files, publish/manifest.hpp), not a forged one.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace boardpack {

std::string fingerprint(std::string_view bytes);

// What was written as one file: its size and fingerprint.
struct FileRecord {
    std::uint64_t size = 0;
    std::string fingerprint;
    bool operator==(const FileRecord& o) const { return size == o.size && fingerprint == o.fingerprint; }
};

// The same fingerprint of bytes given piece by piece (a file as it is written or read), whatever
// the pieces' sizes: add each piece in order, then take the fingerprint once.
class Fingerprinter {
public:
    void add(std::string_view bytes);
    std::string finish() const;
    FileRecord record() const { return {size_, finish()}; }
    std::uint64_t size() const { return size_; }

private:
    void mix(std::uint64_t w);
    std::uint64_t a_ = 14695981039346656037ull, b_ = 0x6c62272e07bb0142ull;
    std::uint64_t size_ = 0;
    unsigned char pending_[8] = {};  // the bytes of a word not yet whole
    size_t pending_size_ = 0;
};

}  // namespace boardpack

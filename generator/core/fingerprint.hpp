// A file's fingerprint: 128 bits of two 64-bit hashes of its bytes, as 32 hex digits, the same
// on every machine (the bytes are read in little-endian order whatever the machine's). Not a
// cryptographic hash: it tells a corrected file from the one published before (a snapshot keeps
// it for each PDF attachment and picture), not a forged one.
#pragma once

#include <string>
#include <string_view>

namespace boardpack {

std::string fingerprint(std::string_view bytes);

}  // namespace boardpack

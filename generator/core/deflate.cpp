#include "core/deflate.hpp"

#include <libdeflate.h>

#include <cstring>

namespace boardpack {

Deflater::Deflater(int level) : c_(libdeflate_alloc_compressor(level)) {}

Deflater::~Deflater() { libdeflate_free_compressor(c_); }

bool Deflater::compress(std::string_view bytes) {
    if (c_ == nullptr) return false;
    out_.resize(libdeflate_zlib_compress_bound(c_, bytes.size()));
    const size_t n = libdeflate_zlib_compress(c_, bytes.data(), bytes.size(), out_.data(), out_.size());
    if (n == 0) return false;
    out_.resize(n);
    return true;
}

Inflater::Inflater() : d_(libdeflate_alloc_decompressor()) {}

Inflater::~Inflater() { libdeflate_free_decompressor(d_); }

bool Inflater::holds(std::string_view zlib, std::string_view bytes) {
    if (d_ == nullptr) return false;
    // One byte more than expected, so that longer content is not taken for the same.
    if (out_.size() < bytes.size() + 1) out_.resize(bytes.size() + 1);
    size_t n = 0;
    return libdeflate_zlib_decompress(d_, zlib.data(), zlib.size(), out_.data(), bytes.size() + 1, &n) == LIBDEFLATE_SUCCESS &&
           n == bytes.size() && (n == 0 || std::memcmp(out_.data(), bytes.data(), n) == 0);
}

}  // namespace boardpack

#include "core/deflate.hpp"

#include <libdeflate.h>

namespace boardpack {

Deflater::Deflater(int level) : c_(libdeflate_alloc_compressor(level)), level_(level) {}

Deflater::~Deflater() { libdeflate_free_compressor(c_); }

size_t Deflater::bound(size_t size) const {
    // libdeflate's bound needs a compressor; without one (it could not be made) nothing is compressed.
    return c_ ? libdeflate_zlib_compress_bound(c_, size) : size;
}

bool Deflater::compress(std::string_view bytes) {
    if (c_ == nullptr) return false;
    out_.resize(bound(bytes.size()));
    const size_t n = libdeflate_zlib_compress(c_, bytes.data(), bytes.size(), out_.data(), out_.size());
    if (n == 0) return false;
    out_.resize(n);
    return true;
}

}  // namespace boardpack

#include "core/deflate.hpp"

#include <libdeflate.h>

namespace boardpack {

Deflater::Deflater(int level) : c_(libdeflate_alloc_compressor(level)), level_(level) {}

Deflater::~Deflater() { libdeflate_free_compressor(c_); }

bool Deflater::compress(std::string_view bytes) {
    if (c_ == nullptr) return false;
    out_.resize(libdeflate_zlib_compress_bound(c_, bytes.size()));
    const size_t n = libdeflate_zlib_compress(c_, bytes.data(), bytes.size(), out_.data(), out_.size());
    if (n == 0) return false;
    out_.resize(n);
    return true;
}

}  // namespace boardpack

#include "render/pdf/deflate.hpp"

#include <zlib.h>

#include <cstdlib>

namespace boardpack::render::pdf {

Deflater::Deflater(int level) : z_(new z_stream{}) { ready_ = deflateInit(z_, level) == Z_OK; }

Deflater::~Deflater() {
    if (ready_) deflateEnd(z_);
    delete z_;
}

bool Deflater::compress(std::string_view bytes) {
    if (!ready_ || deflateReset(z_) != Z_OK) return false;
    out_.resize(deflateBound(z_, static_cast<uLong>(bytes.size())));
    z_->next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    z_->avail_in = static_cast<uInt>(bytes.size());
    z_->next_out = reinterpret_cast<Bytef*>(out_.data());
    z_->avail_out = static_cast<uInt>(out_.size());
    if (deflate(z_, Z_FINISH) != Z_STREAM_END) return false;
    out_.resize(z_->total_out);
    return true;
}

}  // namespace boardpack::render::pdf

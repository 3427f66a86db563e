// How much a PDF attachment decodes to, measured before qpdf keeps any of it: a few hundred KB
// of compressed data can decode into gigabytes (a "zip bomb"), and qpdf reads a stream it needs
// whole into memory. Part of the PDF reader (qpdf_module.hpp).
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

// qpdf 11: std::shared_ptr throughout, not its deprecated PointerHolder.
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/Pipeline.hh>
#include <qpdf/QPDF.hh>

namespace boardpack::attach {

// Counts what qpdf decodes into it, keeping none of it, and stops the decoding (length_error)
// past `limit`.
class ContentMeter : public Pipeline {
public:
    explicit ContentMeter(size_t limit) : Pipeline("content", nullptr), limit_(limit) {}
    void write(unsigned char const*, size_t len) override {
        size_ += len;
        if (size_ > limit_) {
            over = true;
            throw std::length_error("decoded data over the limit");  // stops qpdf's decoding
        }
    }
    void finish() override {}
    size_t size() const { return size_; }
    bool over = false;

private:
    size_t limit_;
    size_t size_ = 0;
};

// Decodes, through a meter, each cross-reference stream that qpdf decodes while it opens the
// file `bytes` (the one "startxref" names near the end, and those its /Prev and a table's
// /XRefStm lead to), before qpdf does. False with *why set if together they decode past `limit`.
// What cannot be read as one is left to qpdf, which refuses it as damaged.
bool xref_streams_within(const std::string& bytes, size_t limit, std::string* why);

// Decodes each object stream (the compressed streams that hold other objects) of an opened file
// through a meter before any object in one is read. False with *why set if together they decode
// past `limit` or one cannot be decoded.
bool object_streams_within(QPDF& pdf, size_t limit, std::string* why);

}  // namespace boardpack::attach

// How much a PDF attachment decodes to, measured before qpdf keeps any of it: a few hundred KB
// of compressed data can decode into gigabytes (a "zip bomb"), and qpdf reads a stream it needs
// whole into memory. Part of the PDF reader (qpdf_module.hpp).
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>

// qpdf 11: std::shared_ptr throughout, not its deprecated PointerHolder.
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/Pipeline.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

struct libdeflate_decompressor;

namespace boardpack::attach {

// Counts what qpdf decodes into it, keeping none of it, and stops the decoding (length_error)
// past `limit`.
class ContentMeter : public Pipeline {
public:
    explicit ContentMeter(size_t limit) : Pipeline("content", nullptr), limit_(limit) {}
    void write(unsigned char const*, size_t len) override { add(len); }
    // Counts `len` bytes decoded elsewhere, as write does.
    void add(size_t len) {
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

// A page's content as the file has it, if it is one whole and correct zlib stream: a page whose
// /Contents is one stream (or an array of one) whose only filter is FlateDecode, without
// parameters, decodes to exactly what zlib makes of its bytes. libdeflate checks them to their
// Adler-32 sum, where qpdf forgives a stream cut short. The cleaning measures such a page's
// content with it (qpdf's own decoding of the same bytes took twice as long), and the copy of
// the pages (import_pages) takes the bytes as they are, compressed: the bytes found whole once
// are not decoded again.
class FlateContents {
public:
    FlateContents();
    ~FlateContents();
    FlateContents(const FlateContents&) = delete;
    FlateContents& operator=(const FlateContents&) = delete;

    // The raw bytes of the page's content stream, if they are one whole zlib stream that decodes
    // to at most kMaxPageContentBytes, with what they decode to in *decoded; else nullopt.
    std::optional<std::string> of(QPDFObjectHandle page, size_t* decoded = nullptr);

    // A stream whose only filter is FlateDecode without parameters, decoded by libdeflate, where
    // qpdf forgives data cut off before its end (it decodes what is there and says nothing, so a
    // page cut off printed blank): decoded (its size in *decoded; bytes after a complete stream
    // are forgiven, and a wrong Adler-32 sum where the data ends right before it), damaged (a
    // zlib header, then data that does not end, or ends with other bytes than its sum after it),
    // or left to qpdf (another filter, no zlib header, past the page content limit).
    enum class Flate { qpdf, decoded, damaged };
    Flate decode(QPDFObjectHandle stream, size_t* decoded);

private:
    bool whole_zlib(const std::string& bytes, size_t* decoded);

    libdeflate_decompressor* d_;
    std::string scratch_;
    // The streams found whole: their bytes then (compared, as a page's content may have been
    // changed since) and what they decode to.
    std::map<QPDFObjGen, std::pair<std::string, size_t>> whole_;
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

// A PDF attachment from outside, read as untrusted input with qpdf: checked (not encrypted, not
// damaged, has pages), cleaned (active content, embedded files and its own metadata removed) and
// kept as the cleaned bytes, which both the merged packet and the separate bilag/ file are made of.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "attach/pdf_import.hpp"

namespace boardpack::attach {

// Most pages one attachment may have, and all PDF attachments of a meeting together (README, "Limits").
inline constexpr int kMaxAttachmentPages = 500;
inline constexpr int kMaxPacketAttachmentPages = 2000;
// How large a page's content may be once decoded, and all of one attachment's pages' together: a
// dense vector page takes a few MB; a hostile one decodes a few hundred KB into gigabytes.
inline constexpr size_t kMaxPageContentBytes = size_t{32} << 20;
inline constexpr size_t kMaxAttachmentContentBytes = size_t{128} << 20;
// Most an attachment's cross-reference streams may decode to together: some 600.000 objects,
// more than a file within the input size limit has. qpdf keeps an entry for each.
inline constexpr size_t kMaxXrefStreamBytes = size_t{4} << 20;

// An attachment PDF once checked and cleaned.
struct CleanPdf {
    std::string bytes;                 // the cleaned file
    int pages = 0;
    bool tagged = false;               // it has a structure tree and says it is marked
    std::vector<std::string> removed;  // what was taken out, in words ("JavaScript", "embedded files", ...)
    std::string fingerprint;           // of `bytes` (core/fingerprint.hpp), made where the queue cleans it
    std::shared_ptr<const ImportedPdf> imported;  // its pages as objects to copy into the packet
};

// Whether the bytes start like a PDF ("%PDF-" within the first 1024 bytes, as readers accept).
bool looks_like_pdf(const std::string& bytes);

class PdfReader;  // reader_process.hpp

// Reads, checks and cleans a PDF. nullopt with *why set (in words, with qpdf's reason) when it is
// encrypted, damaged, empty or not a PDF, or the PDF reader cannot be started or stops on it.
// qpdf runs in `reader`, a process of its own (reader_process.hpp); with none, in the qpdf code
// linked in (the tests and fuzz targets have it), else in a reader started for this file alone.
// Safe to call from several threads at once, each with its own reader.
std::optional<CleanPdf> clean_pdf(const std::string& bytes, std::string* why, PdfReader* reader = nullptr);

// Whether the qpdf code is linked into this program (the tests, the fuzz targets; boardpack has
// it only in its PDF reader).
bool qpdf_linked_in();

// A PDF reader for a run of attachments, started at the first (its program found where
// set_qpdf_reader_paths says; if it is not there, every clean says so). The early reader, if one
// is waiting (EarlyReader), is given to the first caller: already started.
std::unique_ptr<PdfReader> new_pdf_reader();

// The reader an EarlyReader started, for the first caller; null if none is waiting.
std::unique_ptr<PdfReader> take_early_reader();
// Whether an EarlyReader's reader is waiting to be taken.
bool early_reader_waiting();

// A PDF reader started first thing in a build, before the fonts' and templates' thread and before
// the meeting's lock and items, and given to the first queue that asks for a reader
// (new_pdf_reader). A reader's start is some 10 ms of CPU (its libraries loaded and relocated,
// GnuTLS set up), most of the example's wait for its attachments; started later, it waited for a
// core the build's other threads had. It has read nothing when it is handed out, so it may serve
// either a public or a confidential item's attachments (reader_process.hpp). One not taken by the
// time this object ends is ended (its input closed). Nothing is started when `start` is false;
// `make` makes the reader (a test's), by default the installed one, and then not when the qpdf
// code is linked in.
class EarlyReader {
public:
    using Maker = std::function<std::unique_ptr<PdfReader>()>;
    explicit EarlyReader(bool start, const Maker& make = {});
    ~EarlyReader();
    EarlyReader(const EarlyReader&) = delete;
    EarlyReader& operator=(const EarlyReader&) = delete;
};

// Where the program looks for the PDF reader boardpack-qpdf, in order (install_paths.hpp); set
// before the first PDF attachment is read.
void set_qpdf_reader_paths(std::vector<std::string> paths);

}  // namespace boardpack::attach

// A PDF attachment from outside, read as untrusted input with qpdf: checked (not encrypted, not
// damaged, has pages), cleaned (active content, embedded files and its own metadata removed) and
// kept as the cleaned bytes, which both the merged packet and the separate bilag/ file are made of.
#pragma once

#include <cstddef>
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
    std::shared_ptr<const ImportedPdf> imported;  // its pages as objects to copy into the packet
};

// Whether the bytes start like a PDF ("%PDF-" within the first 1024 bytes, as readers accept).
bool looks_like_pdf(const std::string& bytes);

// Reads, checks and cleans a PDF. nullopt with *why set (in words, with qpdf's reason) when it is
// encrypted, damaged, empty or not a PDF, or the qpdf module cannot be loaded. The first call
// loads the module (qpdf_module.hpp) and makes what qpdf shares between all its documents (its
// default logger), once for all threads, the others waiting: qpdf makes it on first use, in
// whichever thread comes first, and its check that it is made is not visible to
// ThreadSanitizer, which reported two threads' use as a race.
std::optional<CleanPdf> clean_pdf(const std::string& bytes, std::string* why);

// Where the program looks for the module boardpack-qpdf.so, in order (install_paths.hpp); set
// before the first PDF attachment is read.
void set_qpdf_module_paths(std::vector<std::string> paths);

}  // namespace boardpack::attach

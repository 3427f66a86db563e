// What the PDF reader process (boardpack-qpdf, reader_process.hpp) sends back for one attachment,
// as bytes on its standard output: the cleaned file and its pages' objects, or why it cannot be
// used. The program reads the answer as it reads any input from outside: the reader has parsed
// a file from outside, so what it says is checked whole (every length within the answer, every
// count within what the answer can hold, every page's form and every reference among the
// objects pointing at an object it sent) before any of it is used.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "attach/pdf_attachment.hpp"

namespace boardpack::attach {

// The answer for a cleaned attachment (`pdf.imported` is not read: `imported` is sent instead).
std::string encode_answer(const CleanPdf& pdf, const ImportedPdf& imported);
// The answer for an attachment that cannot be used, and why (in words, the reader's language).
std::string encode_refusal(const std::string& why);

// The attachment the answer holds (its imported pages in pdf->imported), or nullopt with
// *why set: the reader's own reason for a refusal (refused true), or what is wrong with the
// answer (refused false).
struct DecodedAnswer {
    std::optional<CleanPdf> pdf;
    std::string why;
    bool refused = false;  // the reader said why; false with no pdf: the answer itself is damaged
};
DecodedAnswer decode_answer(std::string_view answer);

// What goes in front of an attachment sent to the reader, and of its answer: the length, in
// 8 bytes, little-endian.
inline constexpr size_t kLengthBytes = 8;
std::string encode_length(size_t length);
uint64_t decode_length(const char* bytes);  // kLengthBytes of them

}  // namespace boardpack::attach

// The entry points of the qpdf code (qpdf_clean.cpp): the PDF reader boardpack-qpdf calls them
// (qpdf_reader_main.cpp), and so do the unit tests and fuzz targets, which link the same code in
// (boardpack_qpdf_module is then defined in their program; the program boardpack has none and
// starts the reader, see pdf_attachment.cpp).
#pragma once

#include <string>

#include "attach/pdf_attachment.hpp"

namespace boardpack::attach {

struct QpdfModule {
    // Makes what qpdf shares between its documents (see clean_pdf), before threads use it.
    void (*prepare)();
    // Reads, checks and cleans a PDF that looks like one (see clean_pdf): false with *why set.
    bool (*clean)(const std::string& bytes, CleanPdf* out, ImportedPdf* imported, std::string* why);
};

}  // namespace boardpack::attach

// The qpdf code's one exported function.
extern "C" const boardpack::attach::QpdfModule* boardpack_qpdf_module();

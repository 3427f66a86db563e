// The PDF attachments' qpdf code as a module of its own, boardpack-qpdf.so, which boardpack loads
// the first time a meeting has a PDF attachment, on the thread that cleans them: qpdf brings
// GnuTLS and six more shared libraries, whose loading took some 9 ms before main() of every run
// (--version, check, a meeting without PDF attachments), alone on one core. The unit tests and
// fuzz targets link the same code in (boardpack_qpdf_module is then defined in the program).
#pragma once

#include <string>

#include "attach/pdf_attachment.hpp"

namespace boardpack::attach {

// What the module offers. Everything it hands back is made of types whose code is the
// program's (strings, vectors of plain structs), none of the module's own (no shared_ptr it
// made, no virtual functions), so nothing the program keeps depends on the module's code.
struct QpdfModule {
    int version;  // kQpdfModuleVersion: the module comes from the same build as the program
    // Makes what qpdf shares between its documents (see clean_pdf), before threads use it.
    void (*prepare)();
    // Reads, checks and cleans a PDF that looks like one (see clean_pdf): false with *why set.
    bool (*clean)(const std::string& bytes, CleanPdf* out, ImportedPdf* imported, std::string* why);
};

// A change to QpdfModule or to the types it passes changes this.
inline constexpr int kQpdfModuleVersion = 1;

}  // namespace boardpack::attach

// The module's one exported function.
extern "C" const boardpack::attach::QpdfModule* boardpack_qpdf_module();

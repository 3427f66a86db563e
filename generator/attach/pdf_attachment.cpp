// A PDF attachment read by the PDF reader, boardpack-qpdf, a process of its own
// (reader_process.hpp): the checks that need no qpdf are made here, before it is asked.
#include "attach/pdf_attachment.hpp"

#include <unistd.h>

#include <mutex>
#include <utility>

#include "attach/qpdf_module.hpp"
#include "attach/reader_process.hpp"
#include "core/messages.hpp"

// Defined when the qpdf code is linked into the program (the tests, the fuzz targets, which
// read attachments in their own process); the program boardpack has none and starts the reader.
extern "C" const boardpack::attach::QpdfModule* boardpack_qpdf_module() __attribute__((weak));

namespace boardpack::attach {

namespace {

struct Reader {
    std::vector<std::string> paths;  // where to look for the reader, in order
    std::string program;             // the first of them that can be run
    std::string why;                 // why none can
    std::once_flag once;
    std::mutex early_mutex;
    std::unique_ptr<PdfReader> early;  // EarlyReader's, until new_pdf_reader hands it out
};

Reader& reader() {
    static Reader r;
    return r;
}

// The reader's path, found the first time (by whichever thread comes first); null with *why
// set if there is none.
const std::string* reader_program(std::string* why) {
    Reader& r = reader();
    std::call_once(r.once, [&r] {
        std::string looked;
        for (const std::string& path : r.paths) {
            if (::access(path.c_str(), X_OK) == 0) {
                r.program = path;
                return;
            }
            looked += (looked.empty() ? "" : ", ") + path;
        }
        // TRANSLATORS: {0} lists the paths looked at.
        r.why = fmt(_("boardpack's PDF reader (boardpack-qpdf) is not installed: it was looked for at {}; install boardpack again"),
                    looked.empty() ? _("nowhere") : looked);
    });
    if (r.program.empty()) *why = r.why;
    return r.program.empty() ? nullptr : &r.program;
}

// The qpdf code linked in (tests, fuzz targets): what it shares between documents made once,
// for all threads, before the first is read (qpdf makes it on first use, in whichever thread
// comes first, and its check that it is made is not visible to ThreadSanitizer).
const QpdfModule* linked_in() {
    static const QpdfModule* const module = [] {
        const QpdfModule* m = boardpack_qpdf_module ? boardpack_qpdf_module() : nullptr;
        if (m) m->prepare();
        return m;
    }();
    return module;
}

}  // namespace

void set_qpdf_reader_paths(std::vector<std::string> paths) { reader().paths = std::move(paths); }

bool qpdf_linked_in() { return linked_in() != nullptr; }

std::unique_ptr<PdfReader> take_early_reader() {
    Reader& r = reader();
    const std::lock_guard<std::mutex> lock(r.early_mutex);
    return std::move(r.early);
}

bool early_reader_waiting() {
    Reader& r = reader();
    const std::lock_guard<std::mutex> lock(r.early_mutex);
    return r.early != nullptr;
}

std::unique_ptr<PdfReader> new_pdf_reader() {
    if (std::unique_ptr<PdfReader> early = take_early_reader()) return early;
    std::string why;
    const std::string* program = reader_program(&why);
    return std::make_unique<PdfReader>(program ? *program : std::string(), messages_locale_dir(), why);
}

EarlyReader::EarlyReader(bool start, const Maker& make) {
    if (!start || (!make && qpdf_linked_in())) return;
    std::unique_ptr<PdfReader> started = make ? make() : new_pdf_reader();
    started->start_early();
    Reader& r = reader();
    const std::lock_guard<std::mutex> lock(r.early_mutex);
    r.early = std::move(started);
}

EarlyReader::~EarlyReader() {
    Reader& r = reader();
    const std::lock_guard<std::mutex> lock(r.early_mutex);
    r.early.reset();  // its input closed, it ends by itself (reader_process.hpp)
}

bool looks_like_pdf(const std::string& bytes) {
    return bytes.substr(0, 1024).find("%PDF-") != std::string::npos;
}

std::optional<CleanPdf> clean_pdf(const std::string& bytes, std::string* why, PdfReader* reader) {
    if (bytes.empty()) {
        *why = _("the file is empty");
        return std::nullopt;
    }
    if (!looks_like_pdf(bytes)) {
        *why = _("the file is not a PDF (it does not start with %PDF-)");
        return std::nullopt;
    }
    if (reader) return reader->clean(bytes, why);
    const QpdfModule* qpdf = linked_in();
    if (!qpdf) return new_pdf_reader()->clean(bytes, why);
    CleanPdf out;
    ImportedPdf imported;
    if (!qpdf->clean(bytes, &out, &imported, why)) return std::nullopt;
    // Made here, so that what the packet keeps of the attachment is the program's code.
    out.imported = std::make_shared<const ImportedPdf>(std::move(imported));
    return out;
}


}  // namespace boardpack::attach

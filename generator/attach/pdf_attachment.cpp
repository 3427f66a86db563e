// A PDF attachment read through the qpdf module (qpdf_module.hpp), loaded the first time one is
// read: the checks that need no qpdf are made here, before it.
#include "attach/pdf_attachment.hpp"

#include <dlfcn.h>

#include <mutex>
#include <utility>

#include "attach/qpdf_module.hpp"
#include "core/messages.hpp"

// Defined when the qpdf code is linked into the program (the tests, the fuzz targets); the
// program boardpack has it in its module.
extern "C" const boardpack::attach::QpdfModule* boardpack_qpdf_module() __attribute__((weak));

namespace boardpack::attach {

namespace {

struct Loaded {
    std::vector<std::string> paths;  // where to look for the module, in order
    const QpdfModule* module = nullptr;
    std::string why;  // why it could not be loaded
    std::once_flag once;
};

Loaded& loaded() {
    static Loaded l;
    return l;
}

void load(Loaded& l) {
    if (boardpack_qpdf_module) {
        l.module = boardpack_qpdf_module();
    } else {
        std::string errors;
        for (const std::string& path : l.paths) {
            // Never unloaded: the program keeps nothing of its code, but qpdf's libraries may
            // have registered what runs at exit.
            void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
            if (!handle) {
                const char* error = ::dlerror();
                errors += std::string(errors.empty() ? "" : "; ") + (error ? error : path);
                continue;
            }
            using Entry = const QpdfModule* (*)();
            const auto entry = reinterpret_cast<Entry>(::dlsym(handle, "boardpack_qpdf_module"));
            l.module = entry ? entry() : nullptr;
            if (!l.module) errors = fmt(_("{} has no boardpack_qpdf_module"), path);
            break;
        }
        if (!l.module) {
            // TRANSLATORS: {0} is the loader's own reason (in English), naming the file it looked for.
            l.why = fmt(_("boardpack's PDF attachment support (boardpack-qpdf.so) cannot be loaded: {}; install boardpack again"),
                        errors.empty() ? _("it was looked for nowhere") : errors);
            return;
        }
    }
    if (l.module->version != kQpdfModuleVersion) {
        l.module = nullptr;
        l.why = _("boardpack's PDF attachment support (boardpack-qpdf.so) comes from another build of boardpack; install boardpack again");
        return;
    }
    l.module->prepare();
}

// The module, loaded the first time (by whichever thread comes first, the others waiting); null
// with *why set if it cannot be.
const QpdfModule* module(std::string* why) {
    Loaded& l = loaded();
    std::call_once(l.once, [&l] { load(l); });
    if (!l.module && why) *why = l.why;
    return l.module;
}

}  // namespace

void set_qpdf_module_paths(std::vector<std::string> paths) { loaded().paths = std::move(paths); }

bool looks_like_pdf(const std::string& bytes) {
    return bytes.substr(0, 1024).find("%PDF-") != std::string::npos;
}

std::optional<CleanPdf> clean_pdf(const std::string& bytes, std::string* why) {
    if (bytes.empty()) {
        *why = _("the file is empty");
        return std::nullopt;
    }
    if (!looks_like_pdf(bytes)) {
        *why = _("the file is not a PDF (it does not start with %PDF-)");
        return std::nullopt;
    }
    const QpdfModule* qpdf = module(why);
    if (!qpdf) return std::nullopt;
    CleanPdf out;
    ImportedPdf imported;
    if (!qpdf->clean(bytes, &out, &imported, why)) return std::nullopt;
    // Made here, so that what the packet keeps of the attachment is the program's code.
    out.imported = std::make_shared<const ImportedPdf>(std::move(imported));
    return out;
}


}  // namespace boardpack::attach

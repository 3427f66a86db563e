// Where an installed boardpack finds its templates and message catalogues: beside itself, not in the checkout it was
// built from, so an installed or packaged binary works anywhere.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace boardpack {

// <prefix>/share/boardpack/templates when the running binary is <prefix>/bin/boardpack and that
// folder exists; otherwise the checkout's templates/ (a binary run from its build folder).
std::filesystem::path default_templates_dir();

// The folder of message catalogues (<dir>/da/LC_MESSAGES/boardpack.mo): <prefix>/share/locale
// for an installed binary, else the build folder's locale/ beside the binary.
std::filesystem::path default_locale_dir();

// Where the PDF reader boardpack-qpdf (attach/reader_process.hpp) may be, in order: beside the
// binary (its build folder), then <prefix>/<libdir>/boardpack for an installed one, then where it
// installs.
std::vector<std::string> qpdf_reader_paths();

}  // namespace boardpack

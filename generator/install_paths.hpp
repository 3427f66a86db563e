// Where an installed boardpack finds its templates: beside itself, not in the checkout it was
// built from, so an installed or packaged binary works anywhere.
#pragma once

#include <filesystem>

namespace boardpack {

// <prefix>/share/boardpack/templates when the running binary is <prefix>/bin/boardpack and that
// folder exists; otherwise the checkout's templates/ (a binary run from its build folder).
std::filesystem::path default_templates_dir();

}  // namespace boardpack

#include "install_paths.hpp"

namespace fs = std::filesystem;

namespace boardpack {

namespace {

// The running binary's folder (<prefix>/bin when installed), or "" if it cannot be told.
fs::path binary_dir() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path() : exe.parent_path();
}

}  // namespace

fs::path default_templates_dir() {
    if (const fs::path bin = binary_dir(); !bin.empty()) {
        const fs::path installed = bin.parent_path() / "share" / "boardpack" / "templates";
        std::error_code ec;
        if (fs::is_regular_file(installed / "wording.txt", ec)) return installed;
    }
    return BOARDPACK_TEMPLATE_DIR;
}

fs::path default_locale_dir() {
    const fs::path bin = binary_dir();
    if (bin.empty()) return "locale";
    // Any language's catalogue marks the folder as ours; da is the one boardpack ships.
    const fs::path installed = bin.parent_path() / "share" / "locale";
    std::error_code ec;
    if (fs::is_regular_file(installed / "da" / "LC_MESSAGES" / "boardpack.mo", ec)) return installed;
    return bin / "locale";
}

std::vector<std::string> qpdf_reader_paths() {
    const char* const name = "boardpack-qpdf";
    std::vector<std::string> paths;
    if (const fs::path bin = binary_dir(); !bin.empty()) {
        paths.push_back((bin / name).string());
        paths.push_back((bin.parent_path() / BOARDPACK_QPDF_READER_LIBDIR / "boardpack" / name).string());
    }
    paths.push_back((fs::path(BOARDPACK_QPDF_READER_DIR) / name).string());
    return paths;
}

}  // namespace boardpack

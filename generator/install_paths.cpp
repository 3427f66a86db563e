#include "install_paths.hpp"

namespace fs = std::filesystem;

namespace boardpack {

fs::path default_templates_dir() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path installed = exe.parent_path().parent_path() / "share" / "boardpack" / "templates";
        if (fs::is_regular_file(installed / "wording.txt", ec)) return installed;
    }
    return BOARDPACK_TEMPLATE_DIR;
}

fs::path default_locale_dir() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return "locale";
    // Any language's catalogue marks the folder as ours; da is the one boardpack ships.
    const fs::path installed = exe.parent_path().parent_path() / "share" / "locale";
    if (fs::is_regular_file(installed / "da" / "LC_MESSAGES" / "boardpack.mo", ec)) return installed;
    return exe.parent_path() / "locale";
}

std::vector<std::string> qpdf_module_paths() {
    const char* const name = "boardpack-qpdf.so";
    std::vector<std::string> paths;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        paths.push_back((exe.parent_path() / name).string());
        paths.push_back((exe.parent_path().parent_path() / BOARDPACK_QPDF_MODULE_LIBDIR / "boardpack" / name).string());
    }
    paths.push_back((fs::path(BOARDPACK_QPDF_MODULE_DIR) / name).string());
    return paths;
}

}  // namespace boardpack

// The driver: load, compute, stop on errors, render HTML, lay out and write the PDF, publish.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

namespace boardpack {

struct BuildOptions {
    std::vector<std::filesystem::path> meetings;  // meeting folders
    std::filesystem::path output = "output";
    std::filesystem::path templates = BOARDPACK_TEMPLATE_DIR;
    std::filesystem::path fonts = BOARDPACK_FONT_DIR;
    bool strict = false;      // warnings are errors
    bool check_only = false;  // validate, write nothing
    bool quiet = false;       // no summary line on success, no notes: only what must be fixed
    bool color = false;       // diagnostics coloured for a terminal
};

// Exit codes.
inline constexpr int kExitOk = 0;
inline constexpr int kExitInputError = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitOutputError = 3;

// Builds (or checks) each meeting; messages go to `err`, the summary to `out`.
int run_build(const BuildOptions& options, std::ostream& out, std::ostream& err);

// The meeting folders under a folder (those holding a meeting.txt), sorted by name.
std::vector<std::filesystem::path> find_meetings(const std::filesystem::path& inputs);

}  // namespace boardpack

#include "publish/targets.hpp"

#include <map>
#include <system_error>

#include "publish/packet_folder.hpp"

namespace fs = std::filesystem;

namespace boardpack::publish {

namespace {

// Whether `inner` is `outer` or lies below it (both absolute and free of "." and "..").
bool within(const fs::path& inner, const fs::path& outer) {
    auto i = inner.begin();
    for (auto o = outer.begin(); o != outer.end(); ++o, ++i) {
        if (i == inner.end() || *i != *o) return false;
    }
    return true;
}

// The output folder as it will resolve once created: the real path of its longest existing
// part, then the rest.
fs::path resolve_output(const fs::path& output) {
    std::error_code ec;
    fs::path resolved = fs::weakly_canonical(fs::absolute(output, ec), ec);
    if (ec) resolved = fs::absolute(output).lexically_normal();
    return resolved.has_filename() ? resolved : resolved.parent_path();  // no trailing separator
}

}  // namespace

std::optional<std::vector<MeetingTarget>> resolve_targets(const std::vector<fs::path>& meetings, const fs::path& output,
                                                          bool writes, TargetProblem* problem) {
    std::vector<MeetingTarget> out;
    std::vector<fs::path> real_dirs;
    std::map<std::string, fs::path> by_id;
    for (const fs::path& dir : meetings) {
        std::error_code ec;
        const fs::path real = fs::canonical(dir, ec);
        if (ec) {
            *problem = {false, dir.string() + ": cannot resolve the meeting folder: " + ec.message()};
            return std::nullopt;
        }
        const std::string id = real.filename().string();
        if (id.empty() || id[0] == '.') {
            *problem = {false, dir.string() + ": a meeting folder's name may not " +
                                   (id.empty() ? std::string("be empty (the root folder)")
                                               : "begin with \".\" (\"" + id + "\")") +
                                   ": the packet is named after it, and boardpack keeps its own working folder " +
                                   kWorkFolder + " beside the packets; rename the folder"};
            return std::nullopt;
        }
        if (writes) {
            auto [it, fresh] = by_id.emplace(id, dir);
            if (!fresh) {
                *problem = {true, "the meetings " + it->second.string() + " and " + dir.string() +
                                      " would both be written to " + (output / id).string() +
                                      "; build them with different --out folders"};
                return std::nullopt;
            }
        }
        out.push_back({dir, id});
        real_dirs.push_back(real);
    }
    if (!writes) return out;
    const fs::path real_output = resolve_output(output);
    for (size_t i = 0; i < out.size(); ++i) {
        const fs::path& real = real_dirs[i];
        const char* relation = real_output == real            ? "is"
                               : within(real_output, real)   ? "lies inside"
                               : within(real, real_output)   ? "contains"
                                                             : nullptr;
        if (relation) {
            *problem = {true, "the output folder " + output.string() + " " + relation + " the meeting folder " +
                                  out[i].dir.string() +
                                  "; a build would replace the meeting's own files: choose an --out folder apart "
                                  "from the meetings"};
            return std::nullopt;
        }
    }
    return out;
}

}  // namespace boardpack::publish

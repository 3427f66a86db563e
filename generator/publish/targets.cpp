#include "publish/targets.hpp"
#include "core/messages.hpp"

#include <map>
#include <system_error>

#include "publish/packet_folder.hpp"
#include "publish/published_packets.hpp"

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

std::string ascii_lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
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
            *problem = {false, fmt(_("{}: cannot resolve the meeting folder: {}"), dir.string(), ec.message())};
            return std::nullopt;
        }
        const std::string id = real.filename().string();
        if (id.empty() || id[0] == '.') {
            *problem = {false, id.empty() ? fmt(_("{}: a meeting folder's name may not be empty (the root folder): the packet "
                                                  "is named after it, and boardpack keeps its own working folder {} beside "
                                                  "the packets; rename the folder"), dir.string(), kWorkFolder)
                                          : fmt(_("{}: a meeting folder's name may not begin with \".\" (\"{}\"): the packet "
                                                  "is named after it, and boardpack keeps its own working folder {} beside "
                                                  "the packets; rename the folder"), dir.string(), id, kWorkFolder)};
            return std::nullopt;
        }
        // The packet is output/<id>, beside the archive page output/index.html: a meeting of that
        // name would be published as the page's name, and the page then refused as not boardpack's.
        // Compared without case, as a case-insensitive file system (a share) would.
        if (ascii_lower(id) == kIndexFile) {
            *problem = {false, fmt(_("{}: a meeting folder may not be named \"{}\": the packet is named after it, and "
                                     "boardpack writes its archive page {} beside the packets; rename the folder"),
                                   dir.string(), id, kIndexFile)};
            return std::nullopt;
        }
        if (writes) {
            auto [it, fresh] = by_id.emplace(id, dir);
            if (!fresh) {
                *problem = {true, fmt(_("the meetings {} and {} would both be written to {}; build them with different "
                                        "--out folders"), it->second.string(), dir.string(), (output / id).string())};
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
        const char* relation = real_output == real            ? _("the output folder {} is the meeting folder {}")
                               : within(real_output, real)   ? _("the output folder {} lies inside the meeting folder {}")
                               : within(real, real_output)   ? _("the output folder {} contains the meeting folder {}")
                                                             : nullptr;
        if (relation) {
            *problem = {true, fmt(relation, output.string(), out[i].dir.string()) +
                                  _("; a build would replace the meeting's own files: choose an --out folder apart "
                                    "from the meetings")};
            return std::nullopt;
        }
    }
    return out;
}

}  // namespace boardpack::publish

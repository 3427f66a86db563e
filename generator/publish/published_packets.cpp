#include "publish/published_packets.hpp"
#include "core/messages.hpp"

#include <unistd.h>

#include <fstream>

#include "core/diagnostics.hpp"
#include "core/key_values.hpp"
#include "publish/durable_files.hpp"
#include "publish/packet_folder.hpp"

namespace fs = std::filesystem;

namespace boardpack::publish {

namespace {

std::string read_small(const fs::path& p, size_t limit) {
    std::ifstream in(p, std::ios::binary);
    std::string s(limit, '\0');
    in.read(s.data(), static_cast<std::streamsize>(limit));
    s.resize(static_cast<size_t>(in.gcount()));
    return s;
}

}  // namespace

std::vector<PublishedPacket> published_packets(const fs::path& output) {
    std::vector<PublishedPacket> out;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(output, ec)) {
        const std::string id = entry.path().filename().string();
        if (id.empty() || id[0] == '.' || !entry.is_symlink(ec)) continue;
        // Only boardpack's own link: ".boardpack/<id>/<version>".
        const std::string target = fs::read_symlink(entry.path(), ec).string();
        const std::string prefix = std::string(kWorkFolder) + "/" + id + "/";
        if (ec || target.rfind(prefix, 0) != 0 || !is_version_name(target.substr(prefix.size()))) continue;
        const std::string marker = read_small(output / target / kMarkerFile, 64 * 1024);
        if (marker.rfind(kMarkerLine, 0) != 0) continue;
        PublishedPacket p;
        p.id = id;
        Diagnostics ignored;  // a marker is boardpack's own file: its lines are all "key: value"
        for (const KeyValue& kv : parse_key_values(marker, kMarkerFile, 1, 0, ignored)) p.facts[kv.key] = kv.value;
        p.public_html = published_edition_file(output / target, "offentlig", "html");
        p.public_pdf = published_edition_file(output / target, "offentlig", "pdf");
        out.push_back(std::move(p));
    }
    return out;
}

bool write_index(const fs::path& output, const std::string& html, std::string* why) {
    const fs::path index = output / kIndexFile;
    std::error_code ec;
    if (fs::exists(fs::symlink_status(index, ec)) || fs::is_symlink(index, ec)) {
        if (fs::is_symlink(index, ec) || !fs::is_regular_file(index, ec) ||
            read_small(index, 4096).find(kIndexMark) == std::string::npos) {
            *why = fmt(_("will not replace {}: boardpack did not write it; move it away to get the archive page"), index.string());
            return false;
        }
    }
    // A name of this process's own: two builds into one output folder may write the page at once.
    const fs::path temp = output / (std::string(kWorkFolder) + "/index.html." + std::to_string(::getpid()) + ".new");
    return replace_durably(index, temp, html, 0644, why);
}

}  // namespace boardpack::publish

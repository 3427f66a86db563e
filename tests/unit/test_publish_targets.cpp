#include <doctest/doctest.h>

#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <tuple>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include "core/fingerprint.hpp"
#include "edition_versions.hpp"
#include "publish/durable_files.hpp"
#include "publish/manifest.hpp"
#include "publish/packet_folder.hpp"
#include "publish/publisher.hpp"
#include "publish/targets.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using boardpack::test::TempDir;
using namespace boardpack::publish;

namespace {

void touch(const fs::path& p, const std::string& text = "x") {
    fs::create_directories(p.parent_path());
    std::ofstream(p) << text;
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// A packet as boardpack wrote it before the marker, and before the edition was in the names.
void old_packet(const fs::path& folder) {
    for (const char* f : {"offentlig/dagsorden.html", "offentlig/dagsorden.pdf", "lukket/dagsorden.html",
                          "lukket/dagsorden.pdf"})
        touch(folder / f);
}

// The snapshot of a packet from before the lists, as the fake reader below reads it: its
// version, then the attachments' own files, a line each.
std::optional<LegacyEdition> read_fake_snapshot(const fs::path& snapshot) {
    std::istringstream in(slurp(snapshot));
    LegacyEdition out;
    std::string line;
    if (!std::getline(in, line) || line.rfind("version ", 0) != 0) return std::nullopt;
    out.version = std::stoi(line.substr(8));
    while (std::getline(in, line)) out.attachment_files.insert(line);
    return out;
}

// A version folder as boardpack published it before the lists of files (marker, no lists).
void legacy_version(const fs::path& folder, bool with_attachment) {
    touch(folder / kMarkerFile, std::string(kMarkerLine) + "\nmeeting: m\n");
    for (const std::string e : {"offentlig", "lukket"}) {
        touch(folder / e / ("dagsorden-" + e + ".html"));
        touch(folder / e / ("dagsorden-" + e + ".pdf"));
        touch(folder / e / ("snapshot-" + e + ".txt"), with_attachment ? "version 2\nbilag/1-1-brev.pdf\n" : "version 2\n");
        touch(folder / e / ("rettelsesblad-" + e + ".pdf"));
        touch(folder / e / "versioner/1" / ("dagsorden-" + e + ".pdf"));
        touch(folder / e / "versioner/1" / ("snapshot-" + e + ".txt"), "version 1\n");
        if (with_attachment) {
            touch(folder / e / "bilag/1-1-brev.pdf");
            touch(folder / e / ("dagsorden-" + e + "-uden-bilag.pdf"));
        }
    }
}

// Publishes a packet of the given files (path relative to output/m, content) with a Publisher,
// as a build does; the closed edition's with its access.
void publish(const fs::path& out, const std::vector<std::pair<std::string, std::string>>& files) {
    std::string why;
    auto p = Publisher::begin(out, "m", read_fake_snapshot, &why);
    REQUIRE_MESSAGE(p, why);
    for (const auto& f : files)
        REQUIRE_MESSAGE(p->write(f.first, f.second, f.first.rfind("lukket/", 0) == 0 ? Access::Restricted : Access::Public, &why),
                        why);
    REQUIRE_MESSAGE(p->commit(&why), why);
}

const std::vector<std::pair<std::string, std::string>> kPacket = {
    {"offentlig/dagsorden-offentlig.html", "<html>offentlig</html>"},
    {"offentlig/dagsorden-offentlig.pdf", "%PDF offentlig"},
    {"offentlig/bilag/1-1-brev.pdf", "%PDF brev"},
    {"offentlig/snapshot-offentlig.txt", "boardpack snapshot 1\n"},
    {"lukket/dagsorden-lukket.html", "<html>lukket</html>"},
    {"lukket/dagsorden-lukket.pdf", "%PDF lukket"},
    {"lukket/bilag/2-1-fortroligt-notat.pdf", "%PDF hemmeligt"},
};

int mode_of(const fs::path& p) {
    struct stat st {};
    ::lstat(p.c_str(), &st);
    return static_cast<int>(st.st_mode & 07777);
}

}  // namespace

TEST_CASE("publish: a list of files reads back as written, and nothing else reads as one") {
    Manifest files;
    files["dagsorden-offentlig.pdf"] = {12, boardpack::fingerprint("dagsorden")};
    files["bilag/1-1-brev.pdf"] = {0, boardpack::fingerprint("")};
    const std::string text = manifest_text(files);
    CHECK(text.rfind(std::string(kManifestLine) + "\n" + boardpack::fingerprint("") + "\t0\tbilag/1-1-brev.pdf\n", 0) == 0);
    const auto back = parse_manifest(text);
    REQUIRE(back);
    CHECK(*back == files);
    CHECK(parse_manifest(std::string(kManifestLine) + "\n"));  // an empty list
    const std::string print = boardpack::fingerprint("x");
    for (const std::string& bad : {std::string(""), std::string("boardpack files 2\n"), text.substr(0, text.size() - 1),
                                  std::string(kManifestLine) + "\n" + print + "\t1\t../notes.txt\n",
                                  std::string(kManifestLine) + "\n" + print + "\t1\t/etc/passwd\n",
                                  std::string(kManifestLine) + "\n" + print + "\t1\ta//b\n",
                                  std::string(kManifestLine) + "\n" + print + "\t1\ta/./b\n",
                                  std::string(kManifestLine) + "\n" + print + "\tx\ta\n",
                                  std::string(kManifestLine) + "\n" + print + "\t-1\ta\n",
                                  std::string(kManifestLine) + "\nXYZ\t1\ta\n",
                                  std::string(kManifestLine) + "\n" + print + "\t1\ta\n" + print + "\t1\ta\n"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_manifest(bad));
    }
}

TEST_CASE("publish: each edition lists its own files, the closed one for owner and group only") {
    TempDir t;
    publish(t.path / "out", kPacket);
    const fs::path packet = t.path / "out/m";
    const auto listed = parse_manifest(slurp(packet / "offentlig" / manifest_file("offentlig")));
    REQUIRE(listed);
    CHECK(listed->size() == 4);
    CHECK(listed->at("bilag/1-1-brev.pdf") == FileRecord{9, boardpack::fingerprint("%PDF brev")});
    const std::string public_list = slurp(packet / "offentlig" / manifest_file("offentlig"));
    CHECK(public_list.find("lukket") == std::string::npos);
    CHECK(public_list.find("fortroligt") == std::string::npos);
    CHECK(mode_of(packet / "offentlig" / manifest_file("offentlig")) == 0644);
    CHECK(mode_of(packet / "lukket" / manifest_file("lukket")) == 0640);
    CHECK(parse_manifest(slurp(packet / "lukket" / manifest_file("lukket")))->count("bilag/2-1-fortroligt-notat.pdf") == 1);
    // The journal is gone from the published packet.
    CHECK_FALSE(fs::exists(packet / kStagingJournal));

    // Whatever the closed edition holds, the public edition's list is the same bytes.
    auto other = kPacket;
    other.back() = {"lukket/bilag/2-1-andet-notat.pdf", "%PDF andet og laengere"};
    publish(t.path / "out2", other);
    CHECK(slurp(t.path / "out2/m/offentlig" / manifest_file("offentlig")) == public_list);
}

TEST_CASE("publish: the closed edition's folder's link count says nothing of what its confidential items hold") {
    // Anyone who can see lukket/ (0750) can read its link count, 2 and one for each folder in
    // it, though not open it: were bilag/ made only for a PDF attachment, or versioner/ only for
    // a correction, the count would tell that a confidential item has one, or was corrected.
    const auto links = [](const fs::path& p) {
        struct stat st {};
        REQUIRE(::lstat(p.c_str(), &st) == 0);
        return st.st_nlink;
    };
    TempDir t;
    auto plain = kPacket;
    plain.pop_back();  // no confidential attachment: nothing in lukket/bilag
    publish(t.path / "plain", plain);
    publish(t.path / "attached", kPacket);
    const fs::path closed = t.path / "plain/m/lukket";
    CHECK(links(closed) == links(t.path / "attached/m/lukket"));
    CHECK(links(closed) == 2 + std::size(kClosedEditionFolders));
    for (const char* name : kClosedEditionFolders) {
        CAPTURE(name);
        CHECK(fs::is_directory(closed / name));
        CHECK(mode_of(closed / name) == 0750);
    }
    // A second version of the closed edition alone keeps the first in versioner/: the same count.
    std::string why;
    {
        auto p = Publisher::begin(t.path / "plain", "m", read_fake_snapshot, &why);
        REQUIRE_MESSAGE(p, why);
        REQUIRE(p->keep("lukket/dagsorden-lukket.pdf", "lukket/versioner/1/dagsorden-lukket.pdf", Access::Restricted, &why));
        for (const auto& f : plain)
            REQUIRE_MESSAGE(p->write(f.first, f.second + (f.first.rfind("lukket/", 0) == 0 ? " rettet" : ""),
                                     f.first.rfind("lukket/", 0) == 0 ? Access::Restricted : Access::Public, &why),
                            why);
        REQUIRE_MESSAGE(p->commit(&why), why);
    }
    CHECK(fs::is_regular_file(closed / "versioner/1/dagsorden-lukket.pdf"));
    CHECK(links(closed) == 2 + std::size(kClosedEditionFolders));
    // The empty folders are boardpack's: the next build replaces the packet; the public edition has none of them.
    publish(t.path / "plain", plain);
    CHECK_FALSE(fs::exists(t.path / "plain/m/offentlig/versioner"));
    CHECK_FALSE(fs::exists(t.path / "plain/m/offentlig/tilbagetrukket"));
    // But a folder of another name, or a file in one of them, is someone else's.
    for (const char* added : {"lukket/andet", "lukket/tilbagetrukket/x"}) {
        CAPTURE(added);
        TempDir u;
        publish(u.path / "out", plain);
        const fs::path in_packet = fs::canonical(u.path / "out/m") / added;
        if (fs::path(added).filename() == "x") touch(in_packet);
        else fs::create_directory(in_packet);
        auto p = Publisher::begin(u.path / "out", "m", read_fake_snapshot, &why);
        for (const auto& f : plain)
            if (p) p->write(f.first, f.second, f.first.rfind("lukket/", 0) == 0 ? Access::Restricted : Access::Public, &why);
        CHECK_FALSE((p && p->commit(&why)));
        CHECK(fs::exists(in_packet));
    }
}

TEST_CASE("publish: the staging journal, which names the closed edition's files, is not for everyone") {
    // The journal lists every file the build is about to make, the closed edition's
    // (lukket/bilag/2-1-<slug of a confidential attachment's title>.pdf) too, and stays in the
    // public working folder while a build runs and after one is killed.
    TempDir t;
    std::string why;
    auto p = Publisher::begin(t.path / "out", "m", read_fake_snapshot, &why);
    REQUIRE_MESSAGE(p, why);
    REQUIRE_MESSAGE(p->write("lukket/bilag/2-1-fortroligt-notat.pdf", "%PDF hemmeligt", Access::Restricted, &why), why);
    const fs::path journal = p->staging() / kStagingJournal;
    REQUIRE(slurp(journal).find("fortroligt-notat") != std::string::npos);
    CHECK((mode_of(journal) & 0007) == 0);
}

TEST_CASE("publish: a file someone added to a published packet is refused, whatever its name") {
    TempDir t;
    const fs::path out = t.path / "out";
    publish(out, kPacket);
    CHECK(inspect_target(out / "m", "m", read_fake_snapshot).kind == TargetKind::OwnLink);
    // Names boardpack uses itself: an attachment number the item has not, the agenda-only PDF of
    // a packet that merges none, a kept version, a rettelsesblad of a first version; and others.
    // (A file in a folder of one's own is named by that folder.)
    for (const std::string added : {"offentlig/bilag/1-9-underskrevet-brev.pdf", "lukket/bilag/2-9-eget-notat.pdf",
                                    "offentlig/dagsorden-offentlig-uden-bilag.pdf",
                                    "offentlig/versioner/1/dagsorden-offentlig.pdf", "lukket/rettelsesblad-lukket.pdf",
                                    "offentlig/notes.txt", "noter.txt", "offentlig/dagsorden.pdf"}) {
        CAPTURE(added);
        touch(out / "m" / added, "USER FILE");
        const TargetState state = inspect_target(out / "m", "m", read_fake_snapshot);
        CHECK(state.kind == TargetKind::Foreign);
        const std::string named = added.rfind("offentlig/versioner/", 0) == 0 ? "offentlig/versioner" : added;
        CHECK(state.why == "it holds " + (out / "m" / named).string() +
                               ", which boardpack did not write, and replacing the packet would delete it; move that out "
                               "of the packet and build again");
        std::string why;
        CHECK_FALSE(Publisher::begin(out, "m", read_fake_snapshot, &why));
        CHECK(why == "will not replace " + (out / "m").string() + ": " + state.why);
        CHECK(slurp(out / "m" / added) == "USER FILE");
        fs::remove_all(out / "m" / named);
    }
    // A folder of one's own too, even empty, and a symbolic link.
    fs::create_directories(out / "m/offentlig/mine");
    CHECK(inspect_target(out / "m", "m", read_fake_snapshot).kind == TargetKind::Foreign);
    fs::remove(out / "m/offentlig/mine");
    fs::create_symlink("/etc/passwd", out / "m/offentlig/bilag/1-2-link.pdf");
    CHECK(inspect_target(out / "m", "m", read_fake_snapshot).kind == TargetKind::Foreign);
    fs::remove(out / "m/offentlig/bilag/1-2-link.pdf");
    // A file taken away deletes nothing of anyone's.
    fs::remove(out / "m/offentlig/bilag/1-1-brev.pdf");
    CHECK(inspect_target(out / "m", "m", read_fake_snapshot).kind == TargetKind::OwnLink);
    std::string why;
    CHECK(Publisher::begin(out, "m", read_fake_snapshot, &why));
}

TEST_CASE("publish: a file replaced under boardpack's name is refused") {
    TempDir t;
    const fs::path out = t.path / "out";
    publish(out, kPacket);
    const fs::path html = out / "m/offentlig/dagsorden-offentlig.html";
    for (const std::string mine : {"<html>OFFENTLIG</html>", "<html>my own, longer</html>", ""}) {
        CAPTURE(mine);
        touch(html, mine);
        const TargetState state = inspect_target(out / "m", "m", read_fake_snapshot);
        CHECK(state.kind == TargetKind::Foreign);
        CHECK(state.why == "it holds " + html.string() +
                               ", which is not the file boardpack wrote there (it was changed or replaced since), and "
                               "replacing the packet would delete it; move that out of the packet and build again");
    }
    touch(html, "<html>offentlig</html>");  // as boardpack wrote it
    CHECK(inspect_target(out / "m", "m", read_fake_snapshot).kind == TargetKind::OwnLink);
    // A list taken away or damaged: boardpack cannot tell its files from others'.
    const fs::path list = out / "m/lukket" / manifest_file("lukket");
    const std::string text = slurp(list);
    touch(list, text + "garbage");
    CHECK(inspect_target(out / "m", "m", read_fake_snapshot).why.find("its list of the files boardpack wrote, " +
                                                                   list.string() + ", is missing or damaged") == 0);
    fs::remove(list);  // the marker says the packet has lists: not one from before them
    CHECK(inspect_target(out / "m", "m", read_fake_snapshot).kind == TargetKind::Foreign);
    touch(list, text);
    CHECK(inspect_target(out / "m", "m", read_fake_snapshot).kind == TargetKind::OwnLink);
    // The marker taken away.
    const fs::path marker = out / "m" / kMarkerFile;
    const std::string marker_content = slurp(marker);
    fs::remove(marker);
    CHECK(inspect_target(out / "m", "m", read_fake_snapshot).why.find("the packet it leads to has no .boardpack-packet marker") == 0);
    touch(marker, marker_content);
    CHECK(inspect_target(out / "m", "m", read_fake_snapshot).kind == TargetKind::OwnLink);
}

TEST_CASE("publish: a rebuild and a kept version are listed, and the old version goes") {
    TempDir t;
    const fs::path out = t.path / "out";
    publish(out, kPacket);
    const std::string first = fs::read_symlink(out / "m").filename().string();
    std::string why;
    auto p = Publisher::begin(out, "m", read_fake_snapshot, &why);
    REQUIRE_MESSAGE(p, why);
    REQUIRE(p->write("offentlig/dagsorden-offentlig.pdf", "%PDF version 2", Access::Public, &why));
    REQUIRE(p->keep("offentlig/dagsorden-offentlig.pdf", "offentlig/versioner/1/dagsorden-offentlig.pdf", Access::Public, &why));
    REQUIRE(p->keep("offentlig/bilag", "offentlig/versioner/1/bilag", Access::Public, &why));
    REQUIRE(p->keep("lukket/bilag", "lukket/tilbagetrukket/offentlig/versioner/1/bilag", Access::Restricted, &why));
    REQUIRE_MESSAGE(p->commit(&why), why);
    p.reset();
    CHECK_FALSE(fs::exists(out / ".boardpack/m" / first));
    const auto listed = parse_manifest(slurp(out / "m/offentlig" / manifest_file("offentlig")));
    REQUIRE(listed);
    CHECK(listed->at("versioner/1/dagsorden-offentlig.pdf") == FileRecord{14, boardpack::fingerprint("%PDF offentlig")});
    CHECK(listed->count("versioner/1/bilag/1-1-brev.pdf") == 1);
    CHECK(parse_manifest(slurp(out / "m/lukket" / manifest_file("lukket")))->count("tilbagetrukket/offentlig/versioner/1/bilag/2-1-fortroligt-notat.pdf") == 1);
    CHECK(mode_of(out / "m/lukket/tilbagetrukket/offentlig/versioner/1/bilag/2-1-fortroligt-notat.pdf") == 0640);
    CHECK(inspect_target(out / "m", "m", read_fake_snapshot).kind == TargetKind::OwnLink);
}

TEST_CASE("publish: a kept file changed in the published packet while a build runs stops the publishing") {
    // Regression (probe: an editor saving into output/m/offentlig/dagsorden-offentlig.html while a
    // correction ran; the file, kept by a hard link as versioner/2/, went into the new packet
    // changed, under a list with its old fingerprint, and the next build was refused).
    TempDir t;
    const fs::path out = t.path / "out";
    publish(out, kPacket);
    const std::string first = fs::read_symlink(out / "m").filename().string();
    std::string why;
    auto p = Publisher::begin(out, "m", read_fake_snapshot, &why);
    REQUIRE_MESSAGE(p, why);
    REQUIRE(p->write("offentlig/dagsorden-offentlig.pdf", "%PDF version 2", Access::Public, &why));
    REQUIRE(p->keep("offentlig/dagsorden-offentlig.html", "offentlig/versioner/1/dagsorden-offentlig.html", Access::Public, &why));
    std::ofstream(out / "m/offentlig/dagsorden-offentlig.html", std::ios::app) << "<!-- rettet i hånden -->";
    CHECK_FALSE(p->commit(&why));
    CHECK(why.find("out/m/offentlig/dagsorden-offentlig.html was changed while this build ran") != std::string::npos);
    p.reset();
    CHECK(fs::read_symlink(out / "m").filename().string() == first);  // the packet before stays
    CHECK_FALSE(fs::exists(out / ".boardpack/m/staging"));
}

TEST_CASE("publish: what a build killed while clearing a staging folder leaves is cleared by the next") {
    // Regression (probe: killed while removing an earlier killed build's staging folder in the
    // folder's order, a build left files without the journal, and every later build refused them).
    // The journal goes last now: whatever is left holds it, and the next build clears it.
    TempDir t;
    const fs::path out = t.path / "out";
    std::string why;
    for (const bool marker_gone : {false, true}) {
        {
            auto p = Publisher::begin(out, "m", read_fake_snapshot, &why);
            REQUIRE_MESSAGE(p, why);
            REQUIRE(p->write("lukket/dagsorden-lukket.pdf", "%PDF lukket", Access::Restricted, &why));
            // Killed before commit: the staging folder as a kill leaves it (the destructor would remove it).
            fs::copy(p->staging(), t.path / "left", fs::copy_options::recursive);
        }
        fs::rename(t.path / "left", out / ".boardpack/m/staging");
        if (marker_gone) {
            fs::remove(out / ".boardpack/m/staging" / kMarkerFile);  // remove_staging removes the marker before the journal
            fs::remove_all(out / ".boardpack/m/staging/lukket");
        }
        auto next = Publisher::begin(out, "m", read_fake_snapshot, &why);
        CHECK_MESSAGE(next, why);
        next.reset();
        CHECK_FALSE(fs::exists(out / ".boardpack/m/staging"));
    }
    // remove_staging itself leaves nothing.
    {
        auto p = Publisher::begin(out, "m", read_fake_snapshot, &why);
        REQUIRE_MESSAGE(p, why);
        REQUIRE(p->write("offentlig/dagsorden-offentlig.html", "<html>", Access::Public, &why));
        remove_staging(p->staging());
        CHECK_FALSE(fs::exists(p->staging()));
    }
}

TEST_CASE("publish: a hard link left at the note's temporary name keeps its other name's content") {
    // Regression (probe: "published.new" hard-linked by a backup's "cp -al" after a killed build had
    // its other name's content replaced by the note).
    TempDir t;
    const fs::path out = t.path / "out";
    publish(out, kPacket);
    touch(t.path / "someone-elses", "someone else's file\n");
    fs::create_hard_link(t.path / "someone-elses", out / ".boardpack/m/published.new");
    publish(out, kPacket);
    CHECK(slurp(t.path / "someone-elses") == "someone else's file\n");
    CHECK(slurp(out / ".boardpack/m/published") == fs::read_symlink(out / "m").filename().string() + "\n");
}

TEST_CASE("publish: files are synced together, and one that cannot be is named, the first in order") {
    TempDir t;
    std::vector<fs::path> files, folders = {t.path / "folder", t.path / "gone"};
    fs::create_directories(t.path / "folder");
    for (int i = 0; i < 20; ++i) {
        files.push_back(t.path / "folder" / "f");
        files.back() += std::to_string(i);
        touch(files.back());
    }
    std::string why;
    // A folder gone is no loss (nothing in it to keep); every file there is synced.
    CHECK_MESSAGE(sync_files(files, folders, &why), why);
    CHECK(sync_files({}, {}, &why));
    // Whichever thread meets a missing file first, the message names the first in the list.
    fs::remove(files[7]);
    fs::remove(files[15]);
    for (int round = 0; round < 20; ++round) {
        why.clear();
        REQUIRE_FALSE(sync_files(files, folders, &why));
        CHECK(why.find("/f7:") != std::string::npos);
    }
}

TEST_CASE("publish: a file written again is written over in place, and ends where its new content does") {
    // Emptied first, a file's blocks were freed, and ext4 mounted with `discard` makes the writer
    // wait for the disk to discard them: the staging folder's marker, written again with the
    // meeting's facts, cost a build a millisecond. The file keeps its inode now.
    TempDir t;
    const fs::path f = t.path / "marker";
    std::string why;
    const auto write = [&](const std::string& text) {
        return write_unsynced(f, [&text](const Put& put) { put(text); }, 0644, &why);
    };
    REQUIRE_MESSAGE(write("boardpack packet\nmeeting: m\n"), why);
    struct stat before {};
    REQUIRE(::stat(f.c_str(), &before) == 0);
    REQUIRE_MESSAGE(write("boardpack packet\nmeeting: m\ndato: 2023-09-15\norgan: Bestyrelsen\n"), why);
    struct stat after {};
    REQUIRE(::stat(f.c_str(), &after) == 0);
    CHECK(after.st_ino == before.st_ino);
    CHECK(slurp(f) == "boardpack packet\nmeeting: m\ndato: 2023-09-15\norgan: Bestyrelsen\n");
    // Shorter than before: nothing of the old content is left at its end.
    REQUIRE_MESSAGE(write("kort\n"), why);
    CHECK(slurp(f) == "kort\n");
    REQUIRE_MESSAGE(write_durably(f, std::string("x"), 0644, &why), why);
    CHECK(slurp(f) == "x");
    REQUIRE_MESSAGE(write(""), why);
    CHECK(fs::file_size(f) == 0);

    // The marker of a build's staging folder, described with the meeting's facts, is the same
    // file as begin() made.
    auto p = Publisher::begin(t.path / "out", "m", read_fake_snapshot, &why);
    REQUIRE_MESSAGE(p, why);
    struct stat made {};
    REQUIRE(::stat((p->staging() / kMarkerFile).c_str(), &made) == 0);
    REQUIRE_MESSAGE(p->describe({{"dato", "2023-09-15"}, {"titel", "Bestyrelsesmøde"}}, &why), why);
    struct stat described {};
    REQUIRE(::stat((p->staging() / kMarkerFile).c_str(), &described) == 0);
    CHECK(described.st_ino == made.st_ino);
    const std::string marker = slurp(p->staging() / kMarkerFile);
    CHECK(marker.find("dato: 2023-09-15\ntitel: Bestyrelsesmøde\n") != std::string::npos);
    CHECK(marker.rfind(kMarkerLine, 0) == 0);
}

TEST_CASE("publish: a page replaced whole that does not fit is named with the reason, and leaves nothing half-written") {
    // The archive page and its record are written under a temporary name and renamed over the
    // old: on a full disk the old stays, and the temporary file goes (it held the space).
    TempDir t;
    const fs::path page = t.path / "index.html", temp = t.path / "index.html.new";
    std::string why;
    REQUIRE_MESSAGE(replace_durably(page, temp, "<html>before</html>", 0644, &why), why);
    {
        const boardpack::test::FileSizeLimit limit(1024);
        // More than fits: the first write stops at the limit, the next says why.
        CHECK_FALSE(replace_durably(page, temp, std::string(4096, 'x'), 0644, &why));
    }
    CHECK(why == "cannot write " + temp.string() + ": File too large");
    CHECK_FALSE(fs::exists(temp));
    CHECK(slurp(page) == "<html>before</html>");
}

TEST_CASE("publish: a file or journal line that does not fit whole is named with the reason the next write gives") {
    // On a full disk a write takes what fits and the next one fails: the file named, with why.
    TempDir t;
    std::string why;
    auto p = Publisher::begin(t.path / "out", "m", read_fake_snapshot, &why);
    REQUIRE_MESSAGE(p, why);
    const fs::path journal = p->staging() / kStagingJournal;
    {
        const boardpack::test::FileSizeLimit limit(64 * 1024);
        CHECK_FALSE(p->write("offentlig/dagsorden-offentlig.html", std::string(100 * 1024, 'x'), Access::Public, &why));
    }
    CHECK(why == "cannot write " + (p->staging() / "offentlig/dagsorden-offentlig.html").string() + ": File too large");
    {
        // The journal's line of the next file, cut after 5 bytes.
        const boardpack::test::FileSizeLimit limit(fs::file_size(journal) + 5);
        CHECK_FALSE(p->write("lukket/dagsorden-lukket.html", "<html></html>", Access::Restricted, &why));
    }
    CHECK(why == "cannot write " + journal.string() + ": File too large");
}

TEST_CASE("publish: two threads writing files at once each get every file listed, and the journal whole") {
    // The editions render together, each writing its files while the other renders: write(),
    // create() and finish() are called from two threads with no lock around them.
    TempDir t;
    std::string why;
    auto p = Publisher::begin(t.path / "out", "m", read_fake_snapshot, &why);
    REQUIRE_MESSAGE(p, why);
    constexpr int kFiles = 60;
    bool ok[2] = {true, true};
    std::string whys[2];
    const auto writer = [&](int e) {
        const std::string folder = e == 0 ? "offentlig" : "lukket";
        const Access access = e == 0 ? Access::Public : Access::Restricted;
        for (int i = 0; i < kFiles && ok[e]; ++i) {
            const std::string name = folder + "/bilag/" + std::to_string(i) + ".pdf";
            if (i % 3 == 0) {
                const std::string path = p->create(name, access, &whys[e]);
                ok[e] = !path.empty();
                if (ok[e]) std::ofstream(path) << "%PDF " << name;
                ok[e] = ok[e] && p->finish(path, nullptr, &whys[e]);
            } else if (i % 3 == 1) {
                ok[e] = p->write(name, "%PDF " + name, access, &whys[e]);
            } else {
                ok[e] = p->write(name, [&name](const Put& put) {
                    put("%PDF ");
                    put(name);
                }, access, &whys[e]);
            }
        }
    };
    std::thread other(writer, 1);
    writer(0);
    other.join();
    REQUIRE_MESSAGE(ok[0], whys[0]);
    REQUIRE_MESSAGE(ok[1], whys[1]);
    CHECK(p->files_written() == 2 * kFiles);
    // Each line of the journal names one file, none cut into another.
    std::istringstream journal(slurp(p->staging() / kStagingJournal));
    std::set<std::string> named;
    for (std::string line; std::getline(journal, line);) named.insert(line);
    for (const char* folder : {"offentlig", "lukket"})
        for (int i = 0; i < kFiles; ++i)
            CHECK_MESSAGE(named.count(std::string(folder) + "/bilag/" + std::to_string(i) + ".pdf") == 1, folder, i);
    REQUIRE_MESSAGE(p->commit(&why), why);
    for (const char* folder : {"offentlig", "lukket"}) {
        const auto listed = parse_manifest(slurp(t.path / "out/m" / folder / manifest_file(folder)));
        REQUIRE(listed);
        CHECK(listed->size() == kFiles);
        const std::string name = std::string("bilag/") + std::to_string(kFiles - 1) + ".pdf";
        const std::string content = "%PDF " + std::string(folder) + "/" + name;
        CHECK(listed->at(name) == FileRecord{content.size(), boardpack::fingerprint(content)});
    }
    CHECK(mode_of(t.path / "out/m/lukket/bilag/0.pdf") == 0640);
    CHECK(mode_of(t.path / "out/m/offentlig/bilag/0.pdf") == 0644);
}

TEST_CASE("publish: a staged file that cannot reach the disk stops the publishing, and the packet before stays") {
    // Files are written into the staging folder without waiting for the disk; commit waits for
    // each before the folder becomes a version. A file gone by then cannot be synced: the new
    // packet is not published.
    TempDir t;
    const fs::path out = t.path / "out";
    publish(out, kPacket);
    const fs::path before = fs::read_symlink(out / "m");
    std::string why;
    auto p = Publisher::begin(out, "m", read_fake_snapshot, &why);
    REQUIRE_MESSAGE(p, why);
    for (const auto& f : kPacket)
        REQUIRE_MESSAGE(p->write(f.first, f.second, f.first.rfind("lukket/", 0) == 0 ? Access::Restricted : Access::Public, &why),
                        why);
    fs::remove(p->staging() / "offentlig/bilag/1-1-brev.pdf");
    CHECK_FALSE(p->commit(&why));
    CHECK(why.find("cannot write to disk") != std::string::npos);
    CHECK(why.find("1-1-brev.pdf") != std::string::npos);
    p.reset();
    CHECK(fs::read_symlink(out / "m") == before);
    CHECK(slurp(out / "m/offentlig/dagsorden-offentlig.html") == "<html>offentlig</html>");
}

namespace {

// A disk on which syncing some folders fails: every fsync of a folder whose path (as the kernel
// names it) ends with failing_folder gives failing_errno; the rest are real.
std::string failing_folder;
int failing_errno = EIO;
int fsync_failing_folders(int fd) {
    struct stat st {};
    char link[64];
    std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    std::error_code ec;
    const std::string name = fs::read_symlink(link, ec).string();
    if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode) && name.ends_with(failing_folder)) {
        errno = failing_errno;
        return -1;
    }
    return ::fsync(fd);
}

// Sets the fsync for a test's lifetime.
struct FailingFolderSync {
    FailingFolderSync(std::string folder, int e) {
        failing_folder = std::move(folder);
        failing_errno = e;
        set_fsync_for_tests(fsync_failing_folders);
    }
    ~FailingFolderSync() { set_fsync_for_tests(nullptr); }
};

// A second version of kPacket's meeting in `out`, its public page changed; commit's result.
bool publish_again(const fs::path& out, std::string* why) {
    auto p = Publisher::begin(out, "m", read_fake_snapshot, why);
    REQUIRE_MESSAGE(p, *why);
    for (const auto& f : kPacket)
        REQUIRE_MESSAGE(p->write(f.first, f.second + " 2", f.first.rfind("lukket/", 0) == 0 ? Access::Restricted : Access::Public, why),
                        *why);
    const bool ok = p->commit(why);
    if (ok && !p->unsynced_switch().empty()) *why = "published; " + p->unsynced_switch();
    return ok;
}

}  // namespace

TEST_CASE("publish: a folder the disk cannot sync stops the publishing before the switch, and is said after it") {
    TempDir t;
    const fs::path out = t.path / "out";
    publish(out, kPacket);
    const fs::path before = fs::read_symlink(out / "m");
    std::string why;
    // The working folder, where the new version is renamed to: not published, the packet before stays.
    {
        const FailingFolderSync failing("/out/.boardpack/m", EIO);
        CHECK_FALSE(publish_again(out, &why));
    }
    CHECK(why == "cannot write to disk " + (out / ".boardpack/m").string() + ": Input/output error");
    CHECK(fs::read_symlink(out / "m") == before);
    CHECK(slurp(out / "m/offentlig/dagsorden-offentlig.html") == "<html>offentlig</html>");
    // A folder in the staging folder (the public edition's): the same, named.
    {
        const FailingFolderSync failing("/staging/offentlig", EIO);
        CHECK_FALSE(publish_again(out, &why));
    }
    CHECK(why.find("/staging/offentlig: Input/output error") != std::string::npos);
    CHECK(fs::read_symlink(out / "m") == before);
    // The output folder, synced after the switch: published, and said.
    {
        const FailingFolderSync failing("/out", EIO);
        CHECK(publish_again(out, &why));
    }
    CHECK(why == "published; cannot write to disk " + out.string() + ": Input/output error");
    CHECK(fs::read_symlink(out / "m") != before);
    CHECK(slurp(out / "m/offentlig/dagsorden-offentlig.html") == "<html>offentlig</html> 2");
    // A file system that cannot sync folders at all (EINVAL): nothing to say.
    {
        const FailingFolderSync failing("/out/.boardpack/m", EINVAL);
        why.clear();
        CHECK(publish_again(out, &why));
        CHECK(why.empty());
    }
}

namespace {

// A POSIX ACL as Linux stores it in an extended attribute: owner rwx, the user `uid` r-x,
// group r-x, mask r-x, others nothing.
std::string acl_naming(uint32_t uid) {
    std::string blob;
    const auto put = [&blob](uint32_t v, int bytes) {
        for (int i = 0; i < bytes; ++i) blob.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
    };
    put(2, 4);  // version
    const uint32_t undefined = 0xffffffffu;
    for (const auto& [tag, perm, id] : std::vector<std::tuple<uint32_t, uint32_t, uint32_t>>{
             {0x01, 7, undefined}, {0x02, 5, uid}, {0x04, 5, undefined}, {0x10, 5, undefined}, {0x20, 0, undefined}}) {
        put(tag, 2);
        put(perm, 2);
        put(id, 4);
    }
    return blob;
}

bool has_acl(const fs::path& p, const char* name) { return ::lgetxattr(p.c_str(), name, nullptr, 0) >= 0; }

}  // namespace

TEST_CASE("publish: a default ACL on the output folder gives no one access to the closed edition") {
    // "setfacl -d -m u:www-data:rx output" lets a web server read what is made there; a file made
    // there inherits the ACL, and its named user keeps reading whatever the mode says.
    TempDir t;
    const fs::path out = t.path / "out";
    fs::create_directories(out);
    const std::string acl = acl_naming(33);
    if (::setxattr(out.c_str(), "system.posix_acl_default", acl.data(), acl.size(), 0) != 0) {
        MESSAGE("this file system takes no ACLs (" << std::strerror(errno) << "): nothing to check");
        return;
    }
    REQUIRE(has_acl(out, "system.posix_acl_default"));
    publish(out, kPacket);
    const fs::path packet = out / "m";
    for (const auto& entry : fs::recursive_directory_iterator(out / ".boardpack")) {
        INFO(entry.path());
        CHECK_FALSE(has_acl(entry.path(), "system.posix_acl_access"));
        if (entry.is_directory()) CHECK_FALSE(has_acl(entry.path(), "system.posix_acl_default"));
    }
    CHECK(mode_of(packet / "lukket/dagsorden-lukket.html") == 0640);
    CHECK(mode_of(packet / "lukket") == 0750);
    // A working folder made by an earlier build, with the ACL inherited then, loses it too.
    REQUIRE(::setxattr((out / ".boardpack").c_str(), "system.posix_acl_default", acl.data(), acl.size(), 0) == 0);
    publish(out, kPacket);
    CHECK_FALSE(has_acl(out / ".boardpack", "system.posix_acl_default"));
    CHECK_FALSE(has_acl(fs::canonical(packet) / "lukket/bilag/2-1-fortroligt-notat.pdf", "system.posix_acl_access"));
}

TEST_CASE("publish: only boardpack's own link is replaced, never a folder or a file") {
    TempDir t;
    CHECK(inspect_target(t.path / "m", "m", read_fake_snapshot).kind == TargetKind::Absent);

    // A folder of one's own with the names of a packet from before the marker, or with a marker.
    old_packet(t.path / "m");
    TargetState state = inspect_target(t.path / "m", "m", read_fake_snapshot);
    CHECK(state.kind == TargetKind::Foreign);
    CHECK(state.why.find("it is a folder, and boardpack publishes a packet only as a link into") == 0);
    std::string why;
    CHECK_FALSE(Publisher::begin(t.path, "m", read_fake_snapshot, &why));
    CHECK_FALSE(fs::exists(t.path / kWorkFolder));  // refused before anything is made
    CHECK(fs::exists(t.path / "m/lukket/dagsorden.pdf"));
    touch(t.path / "m" / kMarkerFile, marker_text("m"));
    CHECK(inspect_target(t.path / "m", "m", read_fake_snapshot).kind == TargetKind::Foreign);

    fs::create_directory_symlink(link_text("n", "12"), t.path / "n");
    // Its version is gone: that was the packet the board read, with its history; publishing
    // from here would be version 1 again (probe B), so it is refused and the folder named.
    const TargetState lost = inspect_target(t.path / "n", "n", read_fake_snapshot);
    CHECK(lost.kind == TargetKind::Foreign);
    CHECK(lost.why.find("it leads to " + (t.path / link_text("n", "12")).string() + ", which is missing: that was the "
                        "packet published (version 12,") == 0);
    CHECK(inspect_target(t.path / "n", "other", read_fake_snapshot).kind == TargetKind::Foreign);  // another meeting's link
    // The version a link leads to is a folder of one's own.
    fs::create_directories(t.path / link_text("n", "12"));
    touch(t.path / link_text("n", "12") / "offentlig/dagsorden.pdf");
    CHECK(inspect_target(t.path / "n", "n", read_fake_snapshot).kind == TargetKind::Foreign);
    fs::create_directory_symlink("/tmp", t.path / "p");
    CHECK(inspect_target(t.path / "p", "p", read_fake_snapshot).why ==
          "it is a symbolic link that boardpack did not make; move it away or choose another --out folder");
    touch(t.path / "q");
    CHECK(inspect_target(t.path / "q", "q", read_fake_snapshot).kind == TargetKind::Foreign);
}

TEST_CASE("publish: a packet from before the lists is boardpack's only as far as its snapshots say") {
    TempDir t;
    const fs::path version = t.path / link_text("m", "3");
    fs::create_directory_symlink(link_text("m", "3"), t.path / "m");
    legacy_version(version, true);
    CHECK(inspect_target(t.path / "m", "m", read_fake_snapshot).kind == TargetKind::OwnLink);
    for (const std::string added : {"offentlig/bilag/1-9-underskrevet-brev.pdf", "offentlig/notes.txt",
                                    "offentlig/versioner/1/rettelsesblad-offentlig.pdf",  // version 1 has none
                                    "offentlig/versioner/1/bilag/1-1-brev.pdf",           // version 1 had no attachment
                                    "lukket/versioner/x/dagsorden-lukket.pdf", "offentlig/dagsorden.html"}) {
        CAPTURE(added);
        touch(t.path / "m" / added);
        const TargetState state = inspect_target(t.path / "m", "m", read_fake_snapshot);
        CHECK(state.kind == TargetKind::Foreign);
        const std::string named = added.rfind("lukket/versioner/x/", 0) == 0 ? "lukket/versioner/x" : added;
        CHECK(state.why.find("it holds " + (t.path / "m" / named).string() + ", which its snapshot does not account for") == 0);
        fs::remove(t.path / "m" / added);
        if (named != added) fs::remove_all(t.path / "m" / named);
        if (added == "offentlig/versioner/1/bilag/1-1-brev.pdf") fs::remove(t.path / "m/offentlig/versioner/1/bilag");
    }
    CHECK(inspect_target(t.path / "m", "m", read_fake_snapshot).kind == TargetKind::OwnLink);
    // A snapshot that cannot be read accounts for nothing but the edition's HTML, PDF and itself.
    CHECK(inspect_target(t.path / "m", "m", nullptr).kind == TargetKind::Foreign);

    // Without attachments, the agenda-only PDF is no packet's.
    fs::remove_all(version);
    legacy_version(version, false);
    CHECK(inspect_target(t.path / "m", "m", read_fake_snapshot).kind == TargetKind::OwnLink);
    touch(t.path / "m/offentlig/dagsorden-offentlig-uden-bilag.pdf");
    CHECK(inspect_target(t.path / "m", "m", read_fake_snapshot).kind == TargetKind::Foreign);
    fs::remove(t.path / "m/offentlig/dagsorden-offentlig-uden-bilag.pdf");

    // The public versions withdrawn into the closed edition, each checked as a public version.
    touch(version / "lukket/tilbagetrukket/offentlig/versioner/1/dagsorden-offentlig.pdf");
    CHECK(inspect_target(t.path / "m", "m", read_fake_snapshot).kind == TargetKind::OwnLink);
    touch(version / "lukket/tilbagetrukket/offentlig/versioner/1/dagsorden-lukket.pdf");
    CHECK(inspect_target(t.path / "m", "m", read_fake_snapshot).kind == TargetKind::Foreign);
    fs::remove_all(version / "lukket/tilbagetrukket");
    // (A boardpack of a few hours copied them into each closed version kept after them too.)
    touch(version / "lukket/versioner/1/tilbagetrukket/offentlig/versioner/1/dagsorden-offentlig.pdf");
    CHECK(inspect_target(t.path / "m", "m", read_fake_snapshot).kind == TargetKind::OwnLink);
    fs::remove_all(version / "lukket/versioner/1/tilbagetrukket");

    // The names before the edition was in them, as an early packet published through the link.
    fs::remove_all(version);
    touch(version / kMarkerFile, std::string(kMarkerLine) + "\nmeeting: m\n");
    old_packet(version);
    CHECK(inspect_target(t.path / "m", "m", read_fake_snapshot).kind == TargetKind::OwnLink);
    // ... but not beside today's names: one of them is not boardpack's.
    touch(version / "offentlig/dagsorden-offentlig.pdf");
    CHECK(inspect_target(t.path / "m", "m", read_fake_snapshot).kind == TargetKind::Foreign);

    // And the next build replaces a packet from before the lists, keeping its versions listed.
    fs::remove_all(version);
    legacy_version(version, true);
    std::string why;
    auto p = Publisher::begin(t.path, "m", read_fake_snapshot, &why);
    REQUIRE_MESSAGE(p, why);
    REQUIRE(p->write("offentlig/dagsorden-offentlig.pdf", "%PDF ny", Access::Public, &why));
    REQUIRE(p->keep("offentlig/versioner", "offentlig/versioner", Access::Public, &why));
    REQUIRE_MESSAGE(p->commit(&why), why);
    p.reset();
    CHECK_FALSE(fs::exists(version));
    CHECK(parse_manifest(slurp(t.path / "m/offentlig" / manifest_file("offentlig")))->count("versioner/1/snapshot-offentlig.txt") == 1);
    CHECK(inspect_target(t.path / "m", "m", read_fake_snapshot).kind == TargetKind::OwnLink);
}

TEST_CASE("publish: a snapshot says which attachment files a packet from before the lists wrote") {
    boardpack::versions::Snapshot s;
    s.meeting = "m";
    s.edition = "offentlig";
    s.version = 2;
    s.attachments.push_back({5, 1, "Notat om budget 2025", "1", boardpack::fingerprint("%PDF"), ""});
    s.attachments.push_back({5, 2, "Tidsplan", "2", "", ""});  // a Markdown attachment: no file of its own
    TempDir t;
    touch(t.path / "snapshot-offentlig.txt", boardpack::versions::write_snapshot(s));
    auto said = boardpack::legacy_edition(t.path / "snapshot-offentlig.txt");
    REQUIRE(said);
    CHECK(said->version == 2);
    CHECK(said->attachment_files == std::set<std::string>{"bilag/5-1-notat-om-budget-2025.pdf"});
    // A snapshot from before the fingerprints (five fields to an attachment): either may have had one.
    std::string old = boardpack::versions::write_snapshot(s);
    for (const std::string& line : {"bilag\t5\t1\tNotat om budget 2025\t1\t" + boardpack::fingerprint("%PDF") + "\n",
                                    std::string("bilag\t5\t2\tTidsplan\t2\t\n")}) {
        const size_t at = old.find(line);
        REQUIRE(at != std::string::npos);
        old.replace(at, line.size(), line.substr(0, line.rfind('\t')) + "\n");
    }
    touch(t.path / "snapshot-offentlig.txt", old);
    said = boardpack::legacy_edition(t.path / "snapshot-offentlig.txt");
    REQUIRE(said);
    CHECK(said->attachment_files ==
          std::set<std::string>{"bilag/5-1-notat-om-budget-2025.pdf", "bilag/5-2-tidsplan.pdf"});
    touch(t.path / "snapshot-offentlig.txt", "not a snapshot\n");
    CHECK_FALSE(boardpack::legacy_edition(t.path / "snapshot-offentlig.txt"));
}

TEST_CASE("publish: what a stopped build left in the working folder is removed only if boardpack wrote it") {
    TempDir t;
    const fs::path out = t.path / "out";
    publish(out, kPacket);
    const fs::path work = out / kWorkFolder / "m";
    // A staging folder and a version a killed build left, and a link it made.
    touch(work / "staging" / kStagingJournal, std::string(kMarkerFile) + "\noffentlig/dagsorden-offentlig.html\n");
    touch(work / "staging" / kMarkerFile, marker_text("m"));
    touch(work / "staging/offentlig/dagsorden-offentlig.html", "<html>half");
    fs::create_directory_symlink(link_text("m", "7"), work / "link");
    fs::copy(out / "m/", work / "7", fs::copy_options::recursive);
    // Versions a build was killed while removing (remove_packet: files first, lists and marker
    // last): one without some of its files, one whose public list is gone with all the public
    // edition held, one with only empty folders left.
    fs::copy(out / "m/", work / "4", fs::copy_options::recursive);
    fs::remove(work / "4/offentlig/dagsorden-offentlig.pdf");
    fs::remove_all(work / "4/lukket/bilag");
    fs::copy(out / "m/", work / "5", fs::copy_options::recursive);
    fs::remove_all(work / "5/offentlig");
    fs::create_directories(work / "5/offentlig");
    fs::create_directories(work / "6/offentlig");
    fs::create_directories(work / "6/lukket/bilag");
    // A folder of one's own under a version's name, beside them.
    touch(work / "9/user.txt", "user data");
    std::string why;
    auto p = Publisher::begin(out, "m", read_fake_snapshot, &why);
    REQUIRE_MESSAGE(p, why);
    for (const char* gone : {"4", "5", "6", "7"}) CHECK_FALSE(fs::exists(work / gone));
    CHECK_FALSE(fs::exists(fs::symlink_status(work / "link")));
    CHECK(slurp(work / "9/user.txt") == "user data");  // left where it is
    REQUIRE(p->commit(&why));
    p.reset();
    CHECK(fs::read_symlink(out / "m").filename() == "10");  // after the highest number there
    CHECK(slurp(work / "9/user.txt") == "user data");

    // A file of one's own in what looks like a killed build's staging folder: refused, kept.
    touch(work / "staging" / kStagingJournal, std::string(kMarkerFile) + "\n");
    touch(work / "staging/user.txt", "user data");
    CHECK_FALSE(Publisher::begin(out, "m", read_fake_snapshot, &why));
    CHECK(why == "will not remove " + (work / "staging").string() +
                     ", left in boardpack's working folder by a build that stopped: it holds " +
                     (work / "staging/user.txt").string() + ", which boardpack did not write; move that away and build again");
    CHECK(slurp(work / "staging/user.txt") == "user data");
    fs::remove(work / "staging" / kStagingJournal);  // without the journal it is checked as a packet
    CHECK_FALSE(Publisher::begin(out, "m", read_fake_snapshot, &why));
    CHECK(why.find("boardpack cannot tell it from a folder of yours") != std::string::npos);
    fs::remove_all(work / "staging");
    CHECK(Publisher::begin(out, "m", read_fake_snapshot, &why));
    // Killed between making the staging folder and its journal: an empty folder (empty folders
    // in it too) is cleared, not refused as a folder of someone's.
    fs::create_directories(work / "staging/offentlig");
    auto again = Publisher::begin(out, "m", read_fake_snapshot, &why);
    CHECK_MESSAGE(again, why);
}

TEST_CASE("publish: a packet is removed its files first, and never through a symbolic link") {
    TempDir t;
    publish(t.path / "out", kPacket);
    const fs::path version = t.path / "out" / fs::read_symlink(t.path / "out/m");
    fs::create_directory_symlink(version, t.path / "link");
    remove_packet(t.path / "link");
    CHECK_FALSE(fs::exists(fs::symlink_status(t.path / "link")));
    CHECK(inspect_target(t.path / "out/m", "m", read_fake_snapshot).kind == TargetKind::OwnLink);
    CHECK(fs::exists(version / "lukket/bilag/2-1-fortroligt-notat.pdf"));
    CHECK_FALSE(holds_no_file(version));
    remove_packet(version);
    CHECK_FALSE(fs::exists(version));
    fs::create_directories(t.path / "empty/a/b");
    CHECK(holds_no_file(t.path / "empty"));
    touch(t.path / "empty/a/b/c");
    CHECK_FALSE(holds_no_file(t.path / "empty"));
}

TEST_CASE("publish: the edition is in each file's name; an earlier packet's names are still found") {
    CHECK(edition_file("offentlig", "pdf") == "offentlig/dagsorden-offentlig.pdf");
    CHECK(edition_file("lukket", "html") == "lukket/dagsorden-lukket.html");
    CHECK(legacy_edition_file("lukket", "pdf") == "lukket/dagsorden.pdf");
    TempDir t;
    touch(t.path / "m/offentlig/dagsorden-offentlig.html");
    CHECK(published_edition_file(t.path / "m", "offentlig", "html") == "offentlig/dagsorden-offentlig.html");
    old_packet(t.path / "o");
    CHECK(published_edition_file(t.path / "o", "offentlig", "pdf") == "offentlig/dagsorden.pdf");
    CHECK(published_edition_file(t.path / "nothing", "offentlig", "pdf") == "");
}

TEST_CASE("publish: version folder names are digits only") {
    CHECK(is_version_name("1"));
    CHECK(is_version_name("204"));
    CHECK_FALSE(is_version_name(""));
    CHECK_FALSE(is_version_name("staging"));
    CHECK_FALSE(is_version_name("1a"));
    CHECK_FALSE(is_version_name("1234567890"));  // too long for a version boardpack makes
}

TEST_CASE("publish: packets are named after the resolved folder, apart from the output") {
    TempDir t;
    touch(t.path / "inputs/m/sub/item.md");
    touch(t.path / "inputs/m/meeting.txt");
    TargetProblem problem;

    const std::vector<fs::path> both = {t.path / "inputs/m/sub/..", t.path / "inputs/m/."};
    auto targets = resolve_targets(both, t.path / "out", false, &problem);
    REQUIRE(targets);
    CHECK((*targets)[0].id == "m");
    CHECK((*targets)[1].id == "m");

    CHECK_FALSE(resolve_targets(both, t.path / "out", true, &problem));
    CHECK(problem.usage);
    CHECK(problem.message.find("would both be written to") != std::string::npos);

    for (const char* out : {"inputs", "inputs/m", "inputs/m/sub", "inputs/m/new/deeper", "inputs/m/sub/..", "."}) {
        CAPTURE(out);
        CHECK_FALSE(resolve_targets({t.path / "inputs/m"}, t.path / out, true, &problem));
        CHECK(problem.usage);
    }
    CHECK(resolve_targets({t.path / "inputs/m"}, t.path / "inputs-out", true, &problem));  // a shared prefix only

    touch(t.path / ".m.staging/meeting.txt");
    CHECK_FALSE(resolve_targets({t.path / ".m.staging"}, t.path / "out", false, &problem));
    CHECK_FALSE(problem.usage);
    CHECK_FALSE(resolve_targets({"/"}, t.path / "out", false, &problem));
}

// Probe 20, repro 7: a meeting folder "index.html" was published as output/index.html, and the
// build then refused the archive page there as "not written by boardpack", exit 3, every build after.
TEST_CASE("publish: a meeting folder named as the archive page is refused before anything is built") {
    TempDir t;
    for (const char* name : {"index.html", "INDEX.html"}) {
        CAPTURE(name);
        touch(t.path / "inputs" / name / "meeting.txt");
        TargetProblem problem;
        for (const bool writes : {false, true}) {  // check says so too
            CHECK_FALSE(resolve_targets({t.path / "inputs" / name}, t.path / "out", writes, &problem));
            CHECK_FALSE(problem.usage);
            CHECK(problem.message.find(std::string("a meeting folder may not be named \"") + name +
                                       "\": the packet is named after it, and boardpack writes its archive page "
                                       "index.html beside the packets; rename the folder") != std::string::npos);
        }
    }
    CHECK_FALSE(fs::exists(t.path / "out"));
    touch(t.path / "inputs/index.htm/meeting.txt");
    TargetProblem problem;
    CHECK(resolve_targets({t.path / "inputs/index.htm"}, t.path / "out", true, &problem));
}

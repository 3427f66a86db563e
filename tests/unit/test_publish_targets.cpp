#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "publish/packet_folder.hpp"
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

// A packet as boardpack wrote it before the marker, and before the edition was in the names.
void old_packet(const fs::path& folder) {
    for (const char* f : {"offentlig/dagsorden.html", "offentlig/dagsorden.pdf", "lukket/dagsorden.html",
                          "lukket/dagsorden.pdf"})
        touch(folder / f);
}

// A packet as boardpack writes it now.
void new_packet(const fs::path& folder) {
    touch(folder / kMarkerFile, marker_text("m"));
    for (const char* f : {"offentlig/dagsorden-offentlig.html", "offentlig/dagsorden-offentlig.pdf",
                          "lukket/dagsorden-lukket.html", "lukket/dagsorden-lukket.pdf"})
        touch(folder / f);
}

}  // namespace

TEST_CASE("publish: only boardpack's own link or a folder holding only a packet may be replaced") {
    TempDir t;
    CHECK(inspect_target(t.path / "m", "m").kind == TargetKind::Absent);

    old_packet(t.path / "m");
    CHECK(inspect_target(t.path / "m", "m").kind == TargetKind::PacketFolder);
    touch(t.path / "m/meeting.txt");  // a meeting, or anything else, beside the packet's files
    CHECK(inspect_target(t.path / "m", "m").kind == TargetKind::Foreign);
    fs::remove(t.path / "m/meeting.txt");
    fs::remove(t.path / "m/lukket/dagsorden.pdf");  // no marker and not the four files
    CHECK(inspect_target(t.path / "m", "m").kind == TargetKind::Foreign);
    touch(t.path / "m" / kMarkerFile, marker_text("m"));
    CHECK(inspect_target(t.path / "m", "m").kind == TargetKind::PacketFolder);
    touch(t.path / "m" / kMarkerFile, "something else\n");
    CHECK(inspect_target(t.path / "m", "m").kind == TargetKind::Foreign);

    fs::create_directory_symlink(link_text("n", "12"), t.path / "n");
    const TargetState own = inspect_target(t.path / "n", "n");
    CHECK(own.kind == TargetKind::OwnLink);  // its version is gone: nothing of anyone's to lose
    CHECK(own.version == "12");
    new_packet(t.path / link_text("n", "12"));
    CHECK(inspect_target(t.path / "n", "n").kind == TargetKind::OwnLink);
    touch(t.path / "n/lukket/noter.txt");  // someone's own file, put in the packet through the link
    const TargetState added = inspect_target(t.path / "n", "n");
    CHECK(added.kind == TargetKind::Foreign);
    CHECK(added.why == "holds a file that boardpack did not write, which replacing the packet would delete");
    fs::remove(t.path / "n/lukket/noter.txt");
    CHECK(inspect_target(t.path / "n", "n").kind == TargetKind::OwnLink);
    CHECK(inspect_target(t.path / "n", "other").kind == TargetKind::Foreign);  // another meeting's link
    fs::create_directory_symlink("/tmp", t.path / "p");
    CHECK(inspect_target(t.path / "p", "p").kind == TargetKind::Foreign);
    touch(t.path / "q");
    CHECK(inspect_target(t.path / "q", "q").kind == TargetKind::Foreign);
}

TEST_CASE("publish: the edition is in each file's name; an earlier packet's names are still its own") {
    CHECK(edition_file("offentlig", "pdf") == "offentlig/dagsorden-offentlig.pdf");
    CHECK(edition_file("lukket", "html") == "lukket/dagsorden-lukket.html");
    CHECK(legacy_edition_file("lukket", "pdf") == "lukket/dagsorden.pdf");
    TempDir t;
    new_packet(t.path / "m");
    CHECK(inspect_target(t.path / "m", "m").kind == TargetKind::PacketFolder);
    CHECK(published_edition_file(t.path / "m", "offentlig", "html") == "offentlig/dagsorden-offentlig.html");
    old_packet(t.path / "o");
    CHECK(published_edition_file(t.path / "o", "offentlig", "pdf") == "offentlig/dagsorden.pdf");
    CHECK(published_edition_file(t.path / "nothing", "offentlig", "pdf") == "");
    // Without the marker, only the names of the time before it: a folder of today's names and no
    // marker is no packet of boardpack's.
    fs::remove(t.path / "m" / kMarkerFile);
    CHECK(inspect_target(t.path / "m", "m").kind == TargetKind::Foreign);
    // The other edition's name in an edition's folder is not a packet's.
    touch(t.path / "m" / kMarkerFile, marker_text("m"));
    touch(t.path / "m/offentlig/dagsorden-lukket.pdf");
    CHECK(inspect_target(t.path / "m", "m").kind == TargetKind::Foreign);
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

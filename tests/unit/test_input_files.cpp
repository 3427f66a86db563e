#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "core/input_files.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using boardpack::test::TempDir;
using boardpack::DiskFiles;

namespace {

void write(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}

// Where a path leads with every symbolic link in it followed: weakly_canonical until it changes
// no more (weakly_canonical alone stops following links at a step that is not there, and takes a
// ".." after it as written: "missing/../link" is then the link itself, not where it leads).
fs::path followed(const fs::path& p, std::error_code& ec) {
    fs::path real = fs::weakly_canonical(p, ec);
    while (!ec) {
        fs::path again = fs::weakly_canonical(real, ec);
        if (again == real) break;
        real = std::move(again);
    }
    return real;
}
fs::path followed(const fs::path& p) {
    std::error_code ec;
    fs::path real = followed(p, ec);
    if (ec) throw fs::filesystem_error("followed", p, ec);
    return real;
}

// What the resolution gives without its folder cache: the whole path followed, made relative to
// the followed root ("" for the root itself), or nullopt when it leaves the root.
std::optional<std::string> expected_real_path(const fs::path& root, const std::string& relative) {
    const fs::path real_root = followed(root);
    const fs::path real = followed(root / relative);
    auto r = real.begin();
    for (auto it = real_root.begin(); it != real_root.end(); ++it, ++r)
        if (r == real.end() || *r != *it) return std::nullopt;
    std::string out = real.lexically_relative(real_root).generic_string();
    return out == "." ? std::string() : out;
}

}  // namespace

TEST_CASE("disk files: each name resolves as weakly_canonical does, a folder's resolution reused") {
    TempDir outside;
    write(outside.path / "secret.txt", "secret");
    TempDir t;
    const fs::path root = t.path / "meeting";
    write(root / "meeting.txt", "a");
    write(root / "01-item/item.md", "b");
    write(root / "01-item/tabel-1.csv", "c");
    write(root / "02-item/item.md", "d");
    fs::create_symlink("tabel-1.csv", root / "01-item/link-inside.csv");
    fs::create_symlink(outside.path / "secret.txt", root / "01-item/link-outside.csv");
    fs::create_directory_symlink(outside.path, root / "01-item/folder-outside");
    fs::create_directory_symlink(root / "02-item", root / "01-item/folder-inside");
    const DiskFiles files(root);
    for (const std::string name :
         {"meeting.txt", "01-item/item.md", "01-item/tabel-1.csv", "01-item/missing.csv", "missing/x.csv",
          "01-item/link-inside.csv", "01-item/link-outside.csv", "01-item/folder-outside/secret.txt",
          "01-item/folder-inside/item.md", "01-item/./item.md", "01-item/../02-item/item.md", "01-item//item.md",
          "meeting.txt/x", "01-item", "01-item/folder-outside"}) {
        CAPTURE(name);
        // Twice: the second time the folder is known.
        for (int round = 0; round < 2; ++round) CHECK(files.real_path(name, nullptr) == expected_real_path(root, name));
    }
    std::string why;
    CHECK_FALSE(files.read("01-item/link-outside.csv", &why));
    CHECK(why.find("symbolic link") != std::string::npos);
    CHECK(files.read("01-item/link-inside.csv", nullptr) == "c");
    CHECK(files.read("01-item/folder-inside/item.md", nullptr) == "d");

    // A file that becomes a symbolic link out of the meeting after its folder was resolved is
    // still refused: the folder's resolution is kept, the file's own is not.
    fs::remove(root / "02-item/item.md");
    fs::create_symlink(outside.path / "secret.txt", root / "02-item/item.md");
    CHECK_FALSE(files.read("02-item/item.md", &why));
    CHECK(why.find("symbolic link") != std::string::npos);

    // So is a folder that becomes a symbolic link out of the meeting after it was resolved: its
    // kept resolution still puts its files inside, but the file opened is outside.
    write(root / "03-item/secret.txt", "inside");
    CHECK(files.read("03-item/secret.txt", nullptr) == "inside");
    CHECK(files.real_path("03-item/secret.txt", nullptr) == "03-item/secret.txt");
    fs::remove_all(root / "03-item");
    fs::create_directory_symlink(outside.path, root / "03-item");
    why.clear();
    CHECK_FALSE(files.read("03-item/secret.txt", &why));
    CHECK(why.find("symbolic link") != std::string::npos);
    // A build anew resolves the folder as the link it now is.
    CHECK_FALSE(DiskFiles(root).read("03-item/secret.txt", nullptr));
}

TEST_CASE("disk files: a plain name's real path, display and folder are put together as std::filesystem finds them") {
    // Plain names (no ".", ".." or empty steps) are resolved from their folder's path as strings,
    // and shown as the root's normal form and the name: the same as weakly_canonical,
    // lexically_relative and lexically_normal give, for a root written in any of several ways, in
    // nested folders, through folder links inside and out, for names that are not there.
    TempDir outside;
    write(outside.path / "secret.txt", "secret");
    write(outside.path / "sub/x.csv", "x");
    TempDir t;
    const fs::path root = t.path / "meeting";
    write(root / "meeting.txt", "a");
    write(root / "01-item/item.md", "b");
    write(root / "01-item/sub/deep/tabel.csv", "c");
    write(root / "02-item/item.md", "d");
    fs::create_directory_symlink(root / "02-item", root / "01-item/sub/to-02");
    fs::create_directory_symlink(outside.path, root / "01-item/sub/out");
    fs::create_directory_symlink("deep", root / "01-item/sub/deep-link");
    fs::create_directory_symlink(root, t.path / "root-link");
    const std::string relative_root = fs::relative(root, fs::current_path()).generic_string();
    for (const fs::path& spelled : {root, fs::path(root.native() + "/"), t.path / "x/../meeting", t.path / "root-link",
                                    fs::path(relative_root), t.path / "missing-root"}) {
        CAPTURE(spelled);
        const DiskFiles files(spelled);
        for (const std::string name :
             {"meeting.txt", "01-item", "01-item/item.md", "01-item/sub", "01-item/sub/deep", "01-item/sub/deep/tabel.csv",
              "01-item/sub/deep/missing", "01-item/sub/to-02/item.md", "01-item/sub/out/secret.txt", "01-item/sub/out/sub/x.csv",
              "01-item/sub/deep-link/tabel.csv", "01-item/sub/missing/x", "meeting.txt/x", "missing/deeper/x.csv"}) {
            CAPTURE(name);
            for (int round = 0; round < 2; ++round) {
                const auto real = expected_real_path(spelled, name);
                CHECK(files.real_path(name, nullptr) == real);
                CHECK(files.display(name) == (spelled / name).lexically_normal().generic_string());
                CHECK(files.is_directory(name) == (real && fs::is_directory(fs::weakly_canonical(spelled / name))));
                if (real) CHECK(files.read(name, nullptr).has_value() == fs::is_regular_file(fs::weakly_canonical(spelled / name)));
            }
        }
    }
}

TEST_CASE("disk files: what is read, and what is refused with which words") {
    TempDir t;
    write(t.path / "a.md", "hello");
    write(t.path / "empty.md", "");
    fs::create_directories(t.path / "folder");
    REQUIRE(::mkfifo((t.path / "pipe").c_str(), 0600) == 0);
    const DiskFiles files(t.path);
    CHECK(files.read("a.md", nullptr) == "hello");
    CHECK(files.read("empty.md", nullptr) == "");
    std::string why;
    CHECK_FALSE(files.read("missing.md", &why));
    CHECK(why == "no such file");
    CHECK_FALSE(files.read("a.md/x", &why));
    CHECK(why == "no such file");
    CHECK_FALSE(files.read("folder", &why));
    CHECK(why == "is a folder, not a file");
    // A named pipe is refused, not waited on.
    CHECK_FALSE(files.read("pipe", &why));
    CHECK(why == "is not a regular file");
    write(t.path / "big.md", std::string(boardpack::kMaxFileBytes + 1, 'x'));
    CHECK_FALSE(files.read("big.md", &why));
    CHECK(why.find("the limit is") != std::string::npos);
    if (::geteuid() != 0) {  // root reads anything
        write(t.path / "closed.md", "x");
        fs::permissions(t.path / "closed.md", fs::perms::none);
        CHECK_FALSE(files.read("closed.md", &why));
        CHECK(why == "cannot be opened for reading");
    }
}

TEST_CASE("disk files: a file examined once is still refused when it has become a link out of the folder") {
    // A name's lstat is kept for the build (its file is asked about several times: whether it is
    // there, its real path, its bytes, its identity); the open's own check still holds the file
    // read to the meeting folder.
    TempDir t;
    write(t.path / "meeting/1-punkt/item.md", "punkt");
    write(t.path / "secret.txt", "hemmeligt");
    const DiskFiles files(t.path / "meeting");
    CHECK(files.exists("1-punkt/item.md"));
    const auto before = files.identity("1-punkt/item.md");
    REQUIRE(before);
    CHECK(before->links == 1);
    CHECK(files.read("1-punkt/item.md", nullptr) == "punkt");
    fs::remove(t.path / "meeting/1-punkt/item.md");
    fs::create_symlink(t.path / "secret.txt", t.path / "meeting/1-punkt/item.md");
    std::string why;
    CHECK_FALSE(files.read("1-punkt/item.md", &why));
    CHECK(why == "the path leads outside the meeting folder (through a symbolic link)");
    // A fresh look (the next build) sees the link for what it is, as before.
    const DiskFiles next(t.path / "meeting");
    CHECK_FALSE(next.read("1-punkt/item.md", &why));
    CHECK(why == "the path leads outside the meeting folder (through a symbolic link)");
}

TEST_CASE("disk files: odd names and links of every kind resolve, show and read as std::filesystem finds them") {
    // The quick way (a plain name from its folder's resolved path) against weakly_canonical for
    // names the example lacks: spaces, letters beyond ASCII in either normal form, a name that
    // differs only in case, steps "." and "..", a trailing "/", and symbolic links as the last
    // step or a folder on the way: dangling, a loop, to the meeting folder, to its parent, to a
    // file outside, and a chain of links that ends outside. A name that leads out is never read.
    TempDir outside;
    write(outside.path / "secret.txt", "secret");
    TempDir t;
    const fs::path root = t.path / "meeting";
    write(root / "meeting.txt", "m");
    write(root / "01 item/item.md", "spaces");
    write(root / "02-\xC3\xB8konomi/item.md", "nfc");            // "ø" as one character
    write(root / "02-o\xCC\xB8konomi/item.md", "nfd");           // "o" and a combining stroke
    write(root / "03-Item/Tabel.csv", "capital");
    write(root / "03-item/tabel.csv", "small");
    write(root / "04-item/item.md", "four");
    fs::create_symlink("nowhere.csv", root / "04-item/dangling.csv");
    fs::create_symlink("loop.csv", root / "04-item/loop.csv");
    fs::create_directory_symlink(".", root / "04-item/self");
    fs::create_directory_symlink("..", root / "04-item/up");
    fs::create_directory_symlink("../..", root / "04-item/out");
    fs::create_symlink(outside.path / "secret.txt", root / "04-item/secret.csv");
    fs::create_symlink("secret.csv", root / "04-item/chain.csv");
    fs::create_directory_symlink(outside.path, root / "04-item/away");
    fs::create_directory_symlink("away", root / "04-item/away-again");
    fs::create_symlink("../meeting.txt", root / "04-item/meeting-link.txt");
    const std::vector<std::string> names = {
        "meeting.txt", "./meeting.txt", "meeting.txt/", ".", "01 item", "01 item/item.md", "01 item/item.md ",
        "02-\xC3\xB8konomi/item.md", "02-o\xCC\xB8konomi/item.md", "02-\xC3\x98konomi/item.md", "03-Item/Tabel.csv",
        "03-item/tabel.csv", "03-ITEM/tabel.csv", "03-item/Tabel.csv", "04-item/dangling.csv", "04-item/loop.csv",
        "04-item/self/item.md", "04-item/self/self/item.md", "04-item/up/meeting.txt", "04-item/up/04-item/item.md",
        "04-item/out/" + outside.path.filename().string() + "/secret.txt", "04-item/out", "04-item/secret.csv",
        "04-item/chain.csv", "04-item/away/secret.txt", "04-item/away-again/secret.txt", "04-item/away", "04-item/meeting-link.txt",
        "04-item/", "04-item//item.md", "04-item/./item.md", "04-item/../04-item/item.md", "04-item/up/../meeting.txt",
        "04-item/item.md/", "04-item/item.md/.", "\xE2\x80\xAE" "04-item",
        // A step that is not there, then "..": weakly_canonical stops following links at it, and
        // what it gives, opened, followed the link out of the meeting (and read the secret).
        "04-item/missing/../secret.csv", "missing/../04-item/secret.csv", "04-item/missing/../away/secret.txt",
        "missing/../04-item/chain.csv", "04-item/missing/../meeting-link.txt", "04-item/missing/../item.md"};
    for (const fs::path& spelled : {root, t.path / "x/../meeting"}) {
        CAPTURE(spelled);
        const DiskFiles files(spelled);
        for (int round = 0; round < 2; ++round)  // the second time each folder is known
            for (const std::string& name : names) {
                CAPTURE(name);
                CAPTURE(round);
                // The whole followed (which a loop makes fail), inside the followed root.
                std::error_code ec;
                const fs::path whole = followed(spelled / name, ec);
                std::optional<std::string> real;
                if (!ec && !boardpack::unsafe_path_reason(name, true) && boardpack::lexical_path(name))
                    real = expected_real_path(spelled, name);
                CHECK(files.real_path(name, nullptr) == real);
                CHECK(files.display(name) == (spelled / name).lexically_normal().generic_string());
                CHECK(files.is_directory(name) == (real && fs::is_directory(whole, ec)));
                CHECK(files.exists(name) == (real && fs::exists(whole, ec)));
                const std::optional<std::string> read = files.read(name, nullptr);
                CHECK(read.has_value() == (real && fs::is_regular_file(whole, ec)));
                if (read) {
                    std::ifstream in(whole, std::ios::binary);
                    CHECK(*read == std::string(std::istreambuf_iterator<char>(in), {}));
                    CHECK(*read != "secret");
                }
            }
    }
}

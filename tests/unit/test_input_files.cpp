#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

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

// What the resolution gives without its folder cache: weakly_canonical of the whole path, made
// relative to the resolved root ("" for the root itself), or nullopt when it leaves the root.
std::optional<std::string> expected_real_path(const fs::path& root, const std::string& relative) {
    const fs::path real_root = fs::weakly_canonical(root);
    const fs::path real = fs::weakly_canonical(root / relative);
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

#include <doctest/doctest.h>
#include <hpdf.h>
#include <hpdf_streams.h>
#include <stdlib.h>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "render/pdf/content_spool.hpp"

using boardpack::render::pdf::ContentSpool;

namespace {

// Pieces of many sizes: short pages, and some larger than the spool's 64 KiB chunk and window.
std::vector<std::string> some_pieces() {
    std::mt19937 random(11);
    std::vector<std::string> pieces;
    for (int k = 0; k < 120; ++k) {
        const size_t size = k % 17 == 5 ? 70000 + random() % 90000 : random() % 9000;
        std::string piece(size, '\0');
        for (char& c : piece) c = static_cast<char>(random());
        pieces.push_back(std::move(piece));
    }
    pieces.push_back("");
    return pieces;
}

// What the spool writes of a piece into a document libharu saves.
HPDF_STATUS collect(HPDF_Stream stream, const HPDF_BYTE* bytes, HPDF_UINT count) {
    static_cast<std::string*>(stream->attr)->append(reinterpret_cast<const char*>(bytes), count);
    return HPDF_OK;
}

std::string written_by(ContentSpool& spool, const ContentSpool::Piece& piece) {
    HPDF_Doc doc = HPDF_New(nullptr, nullptr);
    REQUIRE(doc);
    std::string out;
    HPDF_Stream stream = HPDF_CallbackWriter_New(doc->mmgr, collect, &out);
    REQUIRE(stream);
    CHECK(spool.write_to(piece, stream) == HPDF_OK);
    HPDF_Stream_Free(stream);
    HPDF_Free(doc);
    return out;
}

std::filesystem::path fresh_folder() {
    std::string name = (std::filesystem::temp_directory_path() / "boardpack-spool-XXXXXX").string();
    REQUIRE(::mkdtemp(name.data()));
    return name;
}

}  // namespace

TEST_CASE("Content spool: every piece reads back as it was, from the file or from memory (issue 10)") {
    const std::vector<std::string> pieces = some_pieces();
    const std::filesystem::path folder = fresh_folder();
    for (const bool to_file : {true, false}) {
        CAPTURE(to_file);
        ContentSpool spool;
        std::string why;
        if (to_file) spool.spool_in(folder.string());
        std::vector<ContentSpool::Piece> at;
        for (const std::string& p : pieces) {
            ContentSpool::Piece piece;
            REQUIRE(spool.add(p, &piece, &why));
            CHECK(piece.size == p.size());
            at.push_back(piece);
        }
        CHECK(spool.in_file() == to_file);  // some 1,3 MB: past what the spool keeps in memory
        // In the order libharu saves them, and out of order (a shared page read back for the
        // packet's /ID while later pieces are still unwritten).
        for (size_t k = 0; k < pieces.size(); ++k) CHECK(written_by(spool, at[k]) == pieces[k]);
        for (size_t k = pieces.size(); k-- > 0;) {
            std::string back;
            REQUIRE(spool.read(at[k], back, &why));
            CHECK(back == pieces[k]);
        }
    }
    // The spool's file has no name in the folder, while it is used or after.
    CHECK(std::filesystem::is_empty(folder));
    std::filesystem::remove_all(folder);
}

TEST_CASE("Content spool: the file is made only when the content passes what it keeps in memory") {
    // The example's editions (some 200 KB of content each) never make it: the file's making and
    // freeing cost more than the memory it saves.
    const std::filesystem::path folder = fresh_folder();
    ContentSpool spool;
    spool.spool_in(folder.string());
    std::string why;
    std::vector<std::string> pieces;
    std::vector<ContentSpool::Piece> at;
    const auto add = [&](size_t size) {
        pieces.emplace_back(size, static_cast<char>('a' + pieces.size() % 26));
        ContentSpool::Piece piece;
        REQUIRE(spool.add(pieces.back(), &piece, &why));
        at.push_back(piece);
    };
    for (int k = 0; k < 63; ++k) add(4096);  // 252 KiB
    CHECK_FALSE(spool.in_file());
    CHECK(written_by(spool, at[3]) == pieces[3]);
    add(4096);  // exactly ContentSpool::kInMemory: still in memory
    CHECK_FALSE(spool.in_file());
    add(1);
    CHECK(spool.in_file());
    // A piece larger than the memory on its own, then more: all read back, from the file and after.
    add(ContentSpool::kInMemory + 10);
    add(300);
    for (size_t k = 0; k < pieces.size(); ++k) CHECK(written_by(spool, at[k]) == pieces[k]);
    CHECK(std::filesystem::is_empty(folder));
    std::filesystem::remove_all(folder);
}

TEST_CASE("Content spool: a folder it cannot write in is named with the system's reason, when the file is needed") {
    ContentSpool spool;
    spool.spool_in("/nonexistent-folder");
    std::string why;
    ContentSpool::Piece piece;
    const std::string half(ContentSpool::kInMemory / 2 + 1, 'x');
    CHECK(spool.add(half, &piece, &why));
    CHECK(spool.add(half, &piece, &why) == false);
    CHECK(why == "No such file or directory");
}

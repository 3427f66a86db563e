// Font subsets made once per run (render/pdf/subset_memo): kept by face and the exact
// characters, and a PDF that embeds a kept subset is the same to the byte as one that made it.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "render/pdf/embedded_fonts.hpp"
#include "render/pdf/pdf_writer.hpp"
#include "render/pdf/subset_memo.hpp"
#include "test_support.hpp"

using namespace boardpack;
using namespace boardpack::render::pdf;

namespace {

std::shared_ptr<const EmbeddedSubset> subset_of_size(size_t n) {
    auto s = std::make_shared<EmbeddedSubset>();
    s->program.assign(n, 'x');
    return s;
}

FontFiles fresh_fonts() {
    Diagnostics d;
    auto f = FontFiles::load(BOARDPACK_FONT_DIR, d);
    if (!f) throw std::runtime_error(test::messages(d));
    return std::move(*f);
}

// A page of text in two faces.
LaidOutDocument small_document() {
    LaidOutDocument doc;
    doc.page_width = 595;
    doc.page_height = 842;
    doc.pages.resize(1);
    doc.info.title = "Bestyrelsesmøde";
    doc.info.subject = "Offentlig udgave";
    doc.pages[0].texts.push_back({70, 100, "Økonomi og budget 2024", 14, FontStyle::Bold, {}, {}});
    doc.pages[0].texts.push_back({70, 130, "Regionerne har en samlet ramme på 34,4 mio. kr.", 10, FontStyle::Regular, {}, {}});
    return doc;
}

std::string written(const FontFiles& fonts, const std::string& name) {
    const std::string path = (std::filesystem::temp_directory_path() / name).string();
    Diagnostics d;
    REQUIRE(write_pdf(small_document(), fonts, test::srgb_profile(), path, d) == PdfResult::Written);
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    std::filesystem::remove(path);
    return s.str();
}

}  // namespace

TEST_CASE("subset memo: found by face and exactly the same characters") {
    SubsetMemo memo;
    const auto made = subset_of_size(10);
    memo.keep(0, {U'a', U'b'}, made);
    CHECK(memo.find(0, {U'a', U'b'}) == made);
    CHECK(memo.find(1, {U'a', U'b'}) == nullptr);
    CHECK(memo.find(0, {U'a'}) == nullptr);
    CHECK(memo.find(0, {U'a', U'b', U'c'}) == nullptr);
    memo.keep(0, {U'a', U'b'}, subset_of_size(20));  // the first one made stays
    CHECK(memo.find(0, {U'a', U'b'}) == made);
}

TEST_CASE("subset memo: past its budget it forgets what it has") {
    SubsetMemo memo(100);
    memo.keep(0, {U'a'}, subset_of_size(60));
    CHECK(memo.find(0, {U'a'}) != nullptr);
    memo.keep(0, {U'b'}, subset_of_size(60));
    CHECK(memo.find(0, {U'a'}) == nullptr);
    CHECK(memo.find(0, {U'b'}) != nullptr);
    memo.keep(0, {U'c'}, subset_of_size(200));  // larger than the budget: not kept
    CHECK(memo.find(0, {U'c'}) == nullptr);
}

TEST_CASE("subset memo: a subset asked for while another thread makes it is waited for, not made again") {
    SubsetMemo memo;
    std::atomic<int> calls{0};
    std::shared_ptr<const EmbeddedSubset> got[2];
    const auto ask = [&](int e) {
        got[e] = memo.get(0, {U'a', U'b'}, [&] {
            ++calls;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));  // the other asks meanwhile
            return subset_of_size(10);
        });
    };
    test::at_once(ask);
    CHECK(calls == 1);
    REQUIRE(got[0]);
    CHECK(got[0] == got[1]);
    CHECK(memo.find(0, {U'a', U'b'}) == got[0]);
    // One that fails is not kept: the next asker makes its own.
    CHECK(memo.get(1, {U'a'}, [] { return std::shared_ptr<const EmbeddedSubset>(); }) == nullptr);
    CHECK(memo.get(1, {U'a'}, [] { return subset_of_size(5); }) != nullptr);
}

TEST_CASE("subset memo: a PDF embedding kept subsets is the same to the byte as one that made them") {
    const FontFiles once = fresh_fonts();
    const std::string first = written(once, "boardpack-subset-memo-1.pdf");
    const FontPlan plan = FontPlan::of(small_document(), once);
    for (const FontStyle s : {FontStyle::Regular, FontStyle::Bold}) {
        const int face = static_cast<int>(s);
        REQUIRE(!plan.characters(face).empty());
        CHECK(once.subsets().find(face, plan.characters(face)) != nullptr);
    }
    const std::string again = written(once, "boardpack-subset-memo-2.pdf");  // from the memo
    const std::string fresh = written(fresh_fonts(), "boardpack-subset-memo-3.pdf");
    CHECK(again == first);
    CHECK(fresh == first);
    CHECK(first.find("FontFile2") != std::string::npos);
}

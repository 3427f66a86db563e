// Pages compressed once for both editions (render/pdf/page_stream_memo) and the character codes
// that make the two editions' pages of a public item the same bytes (render/pdf/character_codes):
// a kept page is taken only for exactly the same bytes, and a PDF written with the memo is the
// same to the byte as one written without.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <latch>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

#include "build.hpp"
#include "core/deflate.hpp"
#include "core/windows_1252.hpp"
#include "core/input_files.hpp"
#include "pdf_probe.hpp"
#include "render/pdf/character_codes.hpp"
#include "render/pdf/embedded_fonts.hpp"
#include "render/pdf/page_stream_memo.hpp"
#include "render/pdf/pdf_writer.hpp"
#include "test_support.hpp"

using namespace boardpack;
using namespace boardpack::render::pdf;

namespace {

const FontFiles& fonts() {
    static const FontFiles files = [] {
        Diagnostics d;
        auto f = FontFiles::load(BOARDPACK_FONT_DIR, d);
        if (!f) throw std::runtime_error(test::messages(d));
        return std::move(*f);
    }();
    return files;
}

// A page's worth of content, different for each seed.
std::string content(int seed) {
    std::string out;
    for (int line = 0; out.size() < 4000; ++line)
        out += "0 -15.5 Td\n(line " + std::to_string(line) + " of page " + std::to_string(seed) + ") Tj\n";
    return out;
}

std::string compressed_anew(std::string_view bytes, int level = kDeflateLevel) {
    Deflater fresh(level);
    REQUIRE(fresh.compress(bytes));
    return fresh.result();
}

}  // namespace

TEST_CASE("page stream memo: the same bytes are compressed once, and give what compressing them gives") {
    PageStreamMemo memo;
    Deflater one, other;
    const std::string page = content(1);
    const std::string* first = memo.compress(page, one);
    REQUIRE(first);
    CHECK(*first == compressed_anew(page));
    CHECK(memo.hits() == 0);
    const std::string* again = memo.compress(page, other);
    CHECK(again == first);
    CHECK(memo.hits() == 1);
    CHECK(memo.bytes() >= page.size());
}

TEST_CASE("page stream memo: bytes that differ anywhere, even where the key does not look, are never taken for kept ones") {
    PageStreamMemo memo;
    Deflater deflater;
    const std::string page = content(2);
    REQUIRE(memo.compress(page, deflater));
    // One byte changed at each place in turn: most are outside the sample the key is made of,
    // so the key is the same and only comparing every byte tells them apart.
    for (size_t at = 0; at < page.size(); at += 97) {
        std::string changed = page;
        changed[at] = changed[at] == 'x' ? 'y' : 'x';
        const std::string* got = memo.compress(changed, deflater);
        REQUIRE(got);
        INFO("byte ", at);
        CHECK(*got == compressed_anew(changed));
    }
    CHECK(memo.hits() == 0);
    // A page one byte longer or shorter, and an empty one.
    for (const std::string& other : {page + " ", page.substr(0, page.size() - 1), std::string()}) {
        const std::string* got = memo.compress(other, deflater);
        REQUIRE(got);
        CHECK(*got == compressed_anew(other));
    }
}

TEST_CASE("page stream memo: a compressor of another level does not take a page kept at this one") {
    PageStreamMemo memo;
    Deflater fast(1), slow(6);
    const std::string page = content(3);
    REQUIRE(memo.compress(page, fast));
    const std::string* got = memo.compress(page, slow);
    REQUIRE(got);
    CHECK(*got == compressed_anew(page, 6));
    CHECK(memo.hits() == 0);
}

TEST_CASE("page stream memo: past its budget it keeps no more, and still gives each page compressed") {
    // Room for one page and its compressed form at most (set aside before it is compressed).
    PageStreamMemo memo(10000);
    Deflater deflater;
    for (int seed = 0; seed < 4; ++seed) {
        const std::string page = content(seed);
        const std::string* got = memo.compress(page, deflater);
        REQUIRE(got);
        CHECK(*got == compressed_anew(page));
    }
    CHECK(memo.bytes() <= 10000);
    CHECK(memo.bytes() >= content(0).size());
    const std::string kept = content(0), not_kept = content(3);
    memo.compress(kept, deflater);
    CHECK(memo.hits() == 1);
    CHECK(*memo.compress(not_kept, deflater) == compressed_anew(not_kept));
    CHECK(memo.hits() == 1);
}

TEST_CASE("page stream memo: two writers at once each get every page as compressing it gives") {
    PageStreamMemo memo;
    std::vector<std::string> pages;
    for (int seed = 0; seed < 60; ++seed) pages.push_back(content(seed % 40));
    std::vector<std::string> expected;
    for (const std::string& p : pages) expected.push_back(compressed_anew(p));
    std::vector<std::string> got[2];
    const auto writer = [&](int w) {
        Deflater deflater;
        for (const std::string& p : pages) got[w].push_back(*memo.compress(p, deflater));
    };
    std::thread second(writer, 1);
    writer(0);
    second.join();
    CHECK(got[0] == expected);
    CHECK(got[1] == expected);
    // Each of the 40 different pages is compressed once, whatever the timing: a writer that asks
    // for a page the other is compressing waits for it. Every other ask is a hit.
    CHECK(memo.made() == 40);
    CHECK(memo.hits() == 80);
}

TEST_CASE("page stream memo: two writers in step compress each page once, the second waiting for the first") {
    // As the two packets' writers go when the public one follows the closed one page by page:
    // the same pages in the same order, started together. Before, both compressed a page they
    // reached at the same moment (some 30 of the example's 60 in a third of its builds).
    PageStreamMemo memo(size_t{64} << 20);
    std::vector<std::string> pages;
    for (int seed = 0; seed < 300; ++seed) pages.push_back(content(seed) + content(seed + 1000));
    std::vector<const std::string*> got[2];
    std::latch start(2);
    const auto writer = [&](int w) {
        Deflater deflater;
        start.arrive_and_wait();
        for (const std::string& p : pages) got[w].push_back(memo.compress(p, deflater));
    };
    std::thread second(writer, 1);
    writer(0);
    second.join();
    CHECK(memo.made() == pages.size());
    CHECK(memo.hits() == pages.size());
    for (size_t i = 0; i < pages.size(); ++i) {
        REQUIRE(got[0][i]);
        CHECK(got[0][i] == got[1][i]);  // the one kept entry
    }
    CHECK(*got[0][7] == compressed_anew(pages[7]));
}

TEST_CASE("character codes: ASCII, Latin-1 and Windows-1252's characters are their own codes, whatever else a face prints") {
    const std::vector<char32_t> few = {' ', 'A', 'z', U'æ', U'Ø', U'\u00A0', U'–', U'€', U'”'};
    CHECK(character_codes(few) == std::vector<uint16_t>{0x20, 'A', 'z', 0xE6, 0xD8, 0xA0, 0x96, 0x80, 0x94});
    // The others take the free codes in code point order: the control bytes, DEL, then the five
    // bytes Windows-1252 leaves undefined.
    std::vector<char32_t> more = {'A', U'α', U'β', U'\u2212', U'\u25A1'};
    CHECK(character_codes(more) == std::vector<uint16_t>{'A', 1, 2, 3, 4});
    std::vector<char32_t> greek = {'A'};
    for (char32_t c = 0x391; c < 0x391 + 37; ++c) greek.push_back(c);
    const std::vector<uint16_t> codes = character_codes(greek);
    CHECK(codes[0] == 'A');
    CHECK(codes[31] == 31);
    CHECK(codes[32] == 0x7F);
    CHECK(codes[33] == 0x81);
    CHECK(codes[37] == 0x9D);
    CHECK(std::find(codes.begin(), codes.end(), 0) == codes.end());
    CHECK(one_byte_codes(codes));
    // One more than the free codes hold: every character is numbered 1 .. n instead.
    greek.push_back(0x391 + 37);
    const std::vector<uint16_t> numbered = character_codes(greek);
    for (size_t i = 0; i < numbered.size(); ++i) CHECK(numbered[i] == i + 1);
    CHECK(one_byte_codes(numbered));
    std::vector<char32_t> many;
    for (char32_t c = 0x100; c < 0x100 + 256; ++c) many.push_back(c);
    CHECK_FALSE(one_byte_codes(character_codes(many)));
}

TEST_CASE("character codes: a face's codes for the same characters are the same in two documents that print different ones") {
    const auto plan_of = [](const std::string& text) {
        LaidOutDocument doc;
        doc.pages.resize(1);
        doc.pages[0].texts.push_back({70, 100, text, 10, FontStyle::Regular, {}, {}});
        return FontPlan::of(doc, fonts());
    };
    const FontPlan one = plan_of("Økonomi – 34,4 mio. kr.");
    const FontPlan other = plan_of("Økonomi – 34,4 mio. kr. Quiz: €, “Fortrolig” ≤ 5 ß");
    for (const char32_t c : {U'Ø', U'k', U' ', U'–', U'4', U',', U'.'}) CHECK(one.code(0, c) == other.code(0, c));
}

TEST_CASE("PDF writer: the two editions' pages alike are compressed once, and their PDFs are the same bytes as written apart (issue 10)") {
    Diagnostics d;
    DiskFiles files(std::string(BOARDPACK_SOURCE_DIR) + "/inputs/2023-09-bestyrelsen");
    auto meeting = pipeline::load(files, "2023-09-bestyrelsen", d);
    REQUIRE_MESSAGE(meeting, test::messages(d));
    pipeline::compute(*meeting, test::wording(), d);
    pipeline::prepare(*meeting, test::wording(), d);
    const auto temp = [](const std::string& name) {
        return (std::filesystem::temp_directory_path() / ("boardpack-streams-" + name + "-" + std::to_string(::getpid()) + ".pdf")).string();
    };
    PageStreamMemo memo;
    const model::Edition editions[2] = {model::Edition::Lukket, model::Edition::Offentlig};
    std::string apart[2], together[2];
    std::vector<std::vector<std::string>> streams[2];
    for (int e = 0; e < 2; ++e) {
        const model::EditionView view = pipeline::edition(*meeting, editions[e]);
        const LaidOutDocument laid = pipeline::lay_out(view, test::wording(), fonts().layout_metrics());
        const std::string a = temp("apart"), t = temp("together");
        REQUIRE(write_pdf(laid, fonts(), test::srgb_profile(), a, d) == PdfResult::Written);
        REQUIRE(write_pdf(laid, fonts(), test::srgb_profile(), t, d, {}, nullptr, false, nullptr, &memo) ==
                PdfResult::Written);
        apart[e] = test::file_bytes(a);
        together[e] = test::file_bytes(t);
        streams[e] = test::PdfProbe(t).page_streams();
        std::filesystem::remove(a);
        std::filesystem::remove(t);
    }
    CHECK(apart[0] == together[0]);
    CHECK(apart[1] == together[1]);
    // The public edition's pages of public items are the closed edition's: found in the memo.
    CHECK(memo.hits() > 20);
    // The closed mark is drawn with the footer, in each page's second stream, never in its first
    // (ASCII is its own code, so the mark's capitals stand in the stream as they are).
    for (size_t p = 0; p < streams[0].size(); ++p) {
        INFO("page ", p + 1);
        REQUIRE(streams[0][p].size() == 2);
        CHECK(streams[0][p][0].find("(LUKKET") == std::string::npos);
        CHECK(streams[0][p][1].find("(LUKKET") != std::string::npos);
    }
    for (const auto& page : streams[1])
        for (const std::string& s : page) CHECK(s.find("(LUKKET") == std::string::npos);
    CHECK_MESSAGE(!d.has_errors(), test::messages(d));
}

TEST_CASE("character codes: any set of characters gets codes that are distinct, never 0, and fixed where they can be") {
    // Random sets of the characters that decide it: ASCII, DEL, the C0 and C1 controls (which no
    // code of their own may take: 0x85 is "…" in Windows-1252), Latin-1, Windows-1252's
    // typographic characters, and others of two to four bytes, around the 37 free codes and the
    // 255 one-byte ones.
    std::vector<char32_t> pool;
    for (char32_t c = 1; c < 0x100; ++c) pool.push_back(c);
    for (const char32_t c : {0x20AC, 0x2013, 0x2014, 0x201C, 0x201D, 0x2026, 0x0160, 0x0178, 0x017E, 0x02DC, 0x2122})
        pool.push_back(c);
    for (char32_t c = 0x391; c < 0x391 + 60; ++c) pool.push_back(c);
    for (char32_t c = 0x2190; c < 0x2190 + 20; ++c) pool.push_back(c);
    for (char32_t c = 0x4E00; c < 0x4E00 + 300; ++c) pool.push_back(c);
    pool.push_back(0x1F4C8);
    std::mt19937 random(37);
    for (int round = 0; round < 3000; ++round) {
        // Of a few sizes: a handful, about the free codes' count, and up to past 255.
        const size_t size = round % 3 == 0 ? random() % 8 : round % 3 == 1 ? 20 + random() % 60 : random() % 400;
        std::vector<char32_t> chars;
        const size_t beyond = random() % 2 ? 0 : random() % 6;  // how many come from past Latin-1's block
        for (size_t k = 0; k < size; ++k)
            chars.push_back(pool[k < size - std::min(size, beyond * 10) ? random() % 0xFF : random() % pool.size()]);
        std::sort(chars.begin(), chars.end());
        chars.erase(std::unique(chars.begin(), chars.end()), chars.end());
        const std::vector<uint16_t> codes = character_codes(chars);
        REQUIRE(codes.size() == chars.size());
        std::vector<uint16_t> sorted = codes;
        std::sort(sorted.begin(), sorted.end());
        CHECK(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());
        CHECK(std::find(codes.begin(), codes.end(), 0) == codes.end());
        // The characters without a code of their own: the free codes hold 37.
        const auto own = [](char32_t c) -> uint16_t {
            if ((c >= 0x20 && c < 0x7F) || (c >= 0xA0 && c <= 0xFF)) return static_cast<uint16_t>(c);
            for (size_t i = 0; i < kWindows1252At80.size(); ++i)
                if (c >= 0x100 && kWindows1252At80[i] == c) return static_cast<uint16_t>(0x80 + i);
            return 0;
        };
        const size_t others = static_cast<size_t>(std::count_if(chars.begin(), chars.end(), [&](char32_t c) { return own(c) == 0; }));
        for (size_t i = 0; i < chars.size(); ++i) {
            if (others <= 37 && own(chars[i]) != 0) CHECK(codes[i] == own(chars[i]));
            if (others > 37) CHECK(codes[i] == i + 1);
        }
        CHECK(one_byte_codes(codes) == (others <= 37 || chars.size() <= 255));
    }
}

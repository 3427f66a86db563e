// The page content compressor (render/pdf/deflate): what it writes is a zlib stream that
// inflates back to the bytes given, page after page with the one compressor.
#include <doctest/doctest.h>

#include <libdeflate.h>

#include <string>

#include "core/deflate.hpp"

using boardpack::Deflater;

namespace {

// The bytes a zlib stream inflates to, or "<bad>" if it is not one.
std::string inflated(const std::string& z, size_t size) {
    std::string out(size, '\0');
    libdeflate_decompressor* d = libdeflate_alloc_decompressor();
    size_t got = 0;
    const auto r = libdeflate_zlib_decompress(d, z.data(), z.size(), out.data(), out.size(), &got);
    libdeflate_free_decompressor(d);
    if (r != LIBDEFLATE_SUCCESS) return "<bad>";
    out.resize(got);
    return out;
}

}  // namespace

TEST_CASE("deflate: page contents round-trip as zlib streams, page after page") {
    Deflater deflater;
    std::string page;
    for (int i = 0; i < 400; ++i) page += "BT /F1 10 Tf 56.69 " + std::to_string(700 - i) + " Td (Bestyrelsesmøde punkt " + std::to_string(i) + ") Tj ET\n";
    for (const std::string& bytes : {page, std::string(), std::string("q 0 0 1 rg Q"), page.substr(0, 4000)}) {
        REQUIRE(deflater.compress(bytes));
        const std::string z = deflater.result();
        CHECK(z.size() >= 2);
        CHECK((static_cast<unsigned char>(z[0]) & 0x0F) == 8);  // the zlib header: deflate
        CHECK(inflated(z, bytes.size() + 16) == bytes);
    }
    // Text as a page holds it compresses well: the point of compressing.
    REQUIRE(deflater.compress(page));
    CHECK(deflater.result().size() * 4 < page.size());
}

// save_document (issue 10): a libharu document written as HPDF_SaveToStream writes it, to the
// byte, with the objects lent to libharu written whole from their bodies.
#include <doctest/doctest.h>

#include <hpdf.h>
#include <hpdf_objects.h>

#include <charconv>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "../probe/pdf_probe.hpp"
#include "render/pdf/lent_objects.hpp"
#include "render/pdf/pdf_objects.hpp"
#include "render/pdf/save_sink.hpp"
#include "test_support.hpp"

using namespace boardpack::render::pdf;

namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A document of libharu's own objects: pages with text in a standard font, an outline, a link,
// the document information.
HPDF_Doc own_objects_document() {
    HPDF_Doc pdf = HPDF_New(nullptr, nullptr);
    REQUIRE(pdf);
    HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
    HPDF_SetInfoAttr(pdf, HPDF_INFO_TITLE, "Dagsorden");
    HPDF_Font font = HPDF_GetFont(pdf, "Helvetica", nullptr);
    for (int p = 0; p < 12; ++p) {
        HPDF_Page page = HPDF_AddPage(pdf);
        HPDF_Page_BeginText(page);
        HPDF_Page_SetFontAndSize(page, font, 11);
        HPDF_Page_TextOut(page, 72, 700, ("Punkt " + std::to_string(p + 1)).c_str());
        HPDF_Page_EndText(page);
        HPDF_Outline o = HPDF_CreateOutline(pdf, nullptr, ("Punkt " + std::to_string(p + 1)).c_str(), nullptr);
        HPDF_Outline_SetDestination(o, HPDF_Page_CreateDestination(page));
        if (p > 0) HPDF_Page_CreateURILinkAnnot(page, HPDF_Rect{72, 690, 200, 710}, "https://www.regioner.dk/");
    }
    return pdf;
}

// The cross-reference table's offsets point at the objects they name; how many do.
int offsets_checked(const std::string& bytes) {
    const size_t xref = bytes.rfind("\nxref\n");
    REQUIRE(xref != std::string::npos);
    std::istringstream table(bytes.substr(xref + 6));
    int first = 0, count = 0, checked = 0;
    table >> first >> count;
    for (int k = 0; k < count; ++k) {
        std::string offset, generation, kind;
        table >> offset >> generation >> kind;
        REQUIRE(offset.size() == 10);
        REQUIRE(generation.size() == 5);
        if (kind != "n") continue;
        const std::string head = std::to_string(first + k) + " 0 obj\n";
        CHECK(bytes.compare(std::stoul(offset), head.size(), head) == 0);
        ++checked;
    }
    return checked;
}

}  // namespace

TEST_CASE("Document save: a document of libharu's own objects is written as HPDF_SaveToStream writes it, to the byte (issue 10)") {
    const boardpack::test::TempDir tmp;
    const std::string ours = (tmp.path / "ours.pdf").string(), libharus = (tmp.path / "libharu.pdf").string();
    HPDF_Doc pdf = own_objects_document();
    {
        SaveSink sink;
        std::string why;
        REQUIRE(sink.open(ours, &why));
        REQUIRE(sink.save(pdf, &why) == HPDF_OK);
    }
    REQUIRE(HPDF_SaveToFile(pdf, libharus.c_str()) == HPDF_OK);
    HPDF_Free(pdf);
    const std::string a = read_file(ours), b = read_file(libharus);
    std::remove(ours.c_str());
    std::remove(libharus.c_str());
    REQUIRE(a.size() > 2000);
    CHECK(a == b);
    CHECK(offsets_checked(a) > 40);
}

TEST_CASE("Document save: lent objects are written whole, each under its own number, a tail after its dictionary (issue 10)") {
    const boardpack::test::TempDir tmp;
    const std::string path = (tmp.path / "lent.pdf").string();
    HPDF_Doc pdf = own_objects_document();
    std::string bytes;
    {
        LentObjects plain, with_tail;
        REQUIRE(plain.lend(pdf, 3, [](size_t n, std::string& out) { out += "/Nummer " + std::to_string(n) + "\n"; }) == HPDF_OK);
        REQUIRE(with_tail.lend(
                    pdf, 2, [](size_t, std::string& out) { out += "/Length 5\n"; },
                    [](size_t n, HPDF_Stream stream) {
                        HPDF_STATUS s = HPDF_Stream_WriteStr(stream, "\nstream\r\n");
                        if (s == HPDF_OK) s = HPDF_Stream_WriteStr(stream, n == 0 ? "BT ET" : "q Q  ");
                        return s == HPDF_OK ? HPDF_Stream_WriteStr(stream, "\nendstream") : s;
                    }) == HPDF_OK);
        // Reached from the catalog, so a reader finds them: the first of each group by its
        // dictionary, the others by their numbers written into a body of libharu's own.
        REQUIRE(HPDF_Dict_Add(pdf->catalog, "Lent", plain.first()) == HPDF_OK);
        REQUIRE(HPDF_Dict_Add(pdf->catalog, "Streamed", with_tail.first()) == HPDF_OK);
        // libharu's own save cannot know which of a group's objects it writes: it is refused.
        CHECK(HPDF_SaveToFile(pdf, path.c_str()) != HPDF_OK);
        HPDF_ResetError(pdf);
        {
            SaveSink sink;
            std::string why;
            REQUIRE(sink.open(path, &why));
            REQUIRE(sink.save(pdf, &why) == HPDF_OK);
        }
        bytes = read_file(path);
        for (size_t n = 0; n < 3; ++n)
            CHECK(bytes.find(std::to_string(plain.number(n)) + " 0 obj\n<<\n/Nummer " + std::to_string(n) + "\n>>\nendobj\n") !=
                  std::string::npos);
        CHECK(bytes.find(std::to_string(with_tail.number(0)) + " 0 obj\n<<\n/Length 5\n>>\nstream\r\nBT ET\nendstream\nendobj\n") !=
              std::string::npos);
        CHECK(bytes.find(std::to_string(with_tail.number(1)) + " 0 obj\n<<\n/Length 5\n>>\nstream\r\nq Q  \nendstream\nendobj\n") !=
              std::string::npos);
    }
    HPDF_Free(pdf);
    CHECK(offsets_checked(bytes) > 45);
    boardpack::test::PdfProbe probe(path);
    CHECK(probe.pages() == 12);
    CHECK(probe.text("root.Lent.Nummer") == "0");
    CHECK(probe.kind("root.Streamed") == "stream");
    std::remove(path.c_str());
}

TEST_CASE("Document save: lent numbers past libharu's blocks of 1024 are all in its table, in order, before its own (issue 10)") {
    const boardpack::test::TempDir tmp;
    const std::string path = (tmp.path / "many.pdf").string();
    HPDF_Doc pdf = own_objects_document();
    std::string bytes;
    {
        // Room made at once for more numbers than a block of libharu's table holds, twice.
        LentObjects many, more;
        const auto body = [](size_t n, std::string& out) { out += "/Nummer " + std::to_string(n) + "\n"; };
        REQUIRE(many.lend(pdf, 2500, body) == HPDF_OK);
        REQUIRE(more.lend(pdf, 1500, body) == HPDF_OK);
        CHECK(more.number(0) == many.number(2499) + 1);
        // An object of libharu's own after them takes the next number.
        HPDF_Dict after = HPDF_Dict_New(pdf->mmgr);
        REQUIRE(HPDF_Xref_Add(pdf->xref, after) == HPDF_OK);
        CHECK((after->header.obj_id & 0x00FFFFFF) == more.number(1499) + 1);
        REQUIRE(HPDF_Dict_Add(pdf->catalog, "Many", many.first()) == HPDF_OK);
        SaveSink sink;
        std::string why;
        REQUIRE(sink.open(path, &why));
        REQUIRE(sink.save(pdf, &why) == HPDF_OK);
        bytes = read_file(path);
        for (const size_t n : {size_t{0}, size_t{1023}, size_t{1024}, size_t{2499}})
            CHECK(bytes.find(std::to_string(many.number(n)) + " 0 obj\n<<\n/Nummer " + std::to_string(n) + "\n>>\nendobj\n") !=
                  std::string::npos);
        CHECK(bytes.find(std::to_string(more.number(1499)) + " 0 obj\n<<\n/Nummer 1499\n>>\nendobj\n") != std::string::npos);
    }
    HPDF_Free(pdf);
    // Every offset (six digits, past 100.000 bytes) points at its object.
    REQUIRE(bytes.size() > 100000);
    CHECK(offsets_checked(bytes) > 4000);
    std::remove(path.c_str());
}

TEST_CASE("RawAppend: integers written two digits at a time are std::to_chars' digits, at every length (issue 10)") {
    std::vector<uint64_t> numbers = {0, 9, 10, 99, 100, 101, 999, 1000, 12345, 65535, 1000000, UINT64_MAX};
    for (uint64_t ten = 1; ten <= UINT64_MAX / 10; ten *= 10) {
        numbers.push_back(ten - 1);
        numbers.push_back(ten);
        numbers.push_back(ten + 1);
    }
    for (const uint64_t n : numbers) {
        char expected[24];
        const std::string digits(expected, std::to_chars(expected, expected + sizeof expected, n).ptr);
        std::string out = "/K ";
        {
            RawAppend raw(out, RawAppend::kReference + 1);
            raw.reference(n);
            raw.put(' ');
        }
        INFO(n);
        CHECK(out == "/K " + digits + " 0 R ");
    }
}

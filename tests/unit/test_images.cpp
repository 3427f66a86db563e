// Pictures in the text (issue 12, point 7): the files are untrusted input, checked before
// libharu or a browser sees them; the Markdown that names them; their numbers and alt texts.
#include <doctest/doctest.h>

#include "calc/meeting_calc.hpp"
#include "core/fingerprint.hpp"
#include "input/image_metadata.hpp"
#include "input/image_reader.hpp"
#include "input/markdown_reader.hpp"
#include "input/meeting_loader.hpp"
#include "test_support.hpp"
#include "tiny_jpeg.hpp"
#include "tiny_png.hpp"

#include <vector>

using namespace boardpack;
using boardpack::input::check_image;
using boardpack::model::Block;

namespace {

// The bytes of a literal that holds NULs, without its terminator.
template <size_t N>
std::string raw(const char (&literal)[N]) {
    return std::string(literal, N - 1);
}

std::string with_byte(std::string s, size_t at, char c) {
    s[at] = c;
    return s;
}

const char* const kMeeting =
    "organisation: Danske Regioner\norgan: Bestyrelsen\ndato: 2023-09-28\ntidspunkt: kl. 10\nsted: Her\npunkt: 05-a\n";

std::string item(const std::string& status, const std::string& body) {
    return "---\nnummer: 5\nstatus: " + status + "\ntitel: Et punkt\nsagsbehandler: A\nsagsnummer: EMN-2023-00005\n---\n\n" +
           body;
}

}  // namespace

TEST_CASE("pictures: a PNG and a JPEG are read with their size in pixels") {
    const auto png = check_image(test::tiny_png(30, 20));
    CHECK(png.problem == "");
    CHECK(png.format == model::Image::Format::Png);
    CHECK(png.width == 30);
    CHECK(png.height == 20);
    const auto jpeg = check_image(test::tiny_jpeg(8, 6, 3));
    CHECK(jpeg.problem == "");
    CHECK(jpeg.format == model::Image::Format::Jpeg);
    CHECK(jpeg.width == 8);
    CHECK(jpeg.height == 6);
    CHECK(check_image(test::tiny_jpeg(8, 8, 1)).problem == "");
}

TEST_CASE("pictures: broken, foreign and unsuitable files are refused with the reason") {
    const std::string png = test::tiny_png(30, 20);
    CHECK(check_image("").problem == "it is not a PNG or JPEG picture");
    CHECK(check_image("%PDF-1.7\n").problem == "it is not a PNG or JPEG picture");
    CHECK(check_image(png.substr(0, png.size() - 20)).problem.find("the file is cut off") == 0);
    // A byte changed in the image data: the chunk's checksum no longer agrees.
    CHECK(check_image(with_byte(png, 45, static_cast<char>(png[45] ^ 1))).problem ==
          "the file is damaged (the checksum of its \"IDAT\" chunk is wrong)");
    CHECK(check_image(test::tiny_png(3, 2, true)).problem.find("it has transparent parts") == 0);
    // A header promising far more pixels than the data holds, or than may be decoded.
    CHECK(check_image(test::tiny_png(20000, 1)).problem ==
          "it has 20000 x 1 pixels; the limit is 10000 pixels a side and 16000000 in all: make it smaller");
    const std::string jpeg = test::tiny_jpeg();
    CHECK(check_image(jpeg.substr(0, jpeg.size() - 2)).problem == "the file is cut off (a JPEG ends with an end-of-image marker)");
    CHECK(check_image(jpeg.substr(0, 30)).problem.find("the file is cut off or damaged") == 0);
    CHECK(check_image(test::tiny_jpeg(8, 8, 4)).problem == "its colours are CMYK (print colours); save it as RGB");
}

TEST_CASE("pictures: the description loses a \"Figur N:\" the author wrote; the number is the packet's") {
    CHECK(input::image_description(" Figur 1: Ventetider i 2023 ") == "Ventetider i 2023");
    CHECK(input::image_description("figur 12. Kort") == "Kort");
    CHECK(input::image_description("Figur 2:") == "");
    CHECK(input::image_description("Figur 2") == "");
    CHECK(input::image_description("Figuren viser") == "Figuren viser");
}

TEST_CASE("pictures: a picture alone in its paragraph is an Image block; one inside a sentence is an error") {
    Diagnostics d;
    input::MarkdownSource src;
    src.text = "Før.\n\n![Figur 1: Kort over *regionen*](kort.png)\n\nEt ord ![x](y.png) i en linje.\n";
    src.file = "item.md";
    src.lines = {"Før.", "", "![Figur 1: Kort over *regionen*](kort.png)", "", "Et ord ![x](y.png) i en linje."};
    const auto blocks = input::read_markdown(src, nullptr, d);
    REQUIRE(blocks.size() == 3);
    CHECK(blocks[1].kind == Block::Kind::Image);
    CHECK(blocks[1].text == "kort.png");
    CHECK(input::plain_text(blocks[1].inlines) == "Figur 1: Kort over regionen");
    CHECK(blocks[2].kind == Block::Kind::Paragraph);
    CHECK(test::messages(d).find("item.md:5:8: error: a picture must stand alone in its paragraph") == 0);
}

TEST_CASE("pictures: an item's pictures are read beside it and numbered; the errors name the item's line") {
    MemoryFiles f("m");
    f.add("meeting.txt", kMeeting);
    f.add("05-a/item.md", item("Offentlig",
                               "# Sagsfremstilling\n\n![Figur 7: Ventetider](figur.png)\n\n- ![Et foto](foto.jpg)\n"));
    f.add("05-a/figur.png", test::tiny_png(40, 20));
    f.add("05-a/foto.jpg", test::tiny_jpeg());
    Diagnostics d;
    const auto m = input::load_meeting(f, "m", d);
    REQUIRE(m);
    CHECK(test::messages(d) == "");
    const model::AgendaItem& a = m->items[0];
    REQUIRE(a.images.size() == 2);
    CHECK(a.images[0].description == "Ventetider");
    CHECK(a.images[0].width == 40);
    CHECK(a.images[1].format == model::Image::Format::Jpeg);
    CHECK(a.images[1].description == "Et foto");
    const model::Section* s = nullptr;
    for (const model::Section& x : a.sections)
        if (!x.blocks.empty() && x.blocks[0].kind == Block::Kind::Image) s = &x;
    REQUIRE(s);
    CHECK(s->blocks[0].figure == 1);  // "Figur 7" as written: the packet counts
    CHECK(s->blocks[1].items[0][0].figure == 2);
}

// Probe 20, repro 11: a figure in braces in a picture's description was dropped from its caption
// and alt text ("Driftsresultatet 2024 blev"); it is computed as in the text. In a link's title,
// which is printed as written, it is a warning at the brace.
TEST_CASE("pictures: a figure in the description is computed into the caption; in a link's title it is a warning") {
    const auto load = [](const std::string& body) {
        MemoryFiles f("m");
        f.add("meeting.txt", kMeeting);
        f.add("05-a/item.md", item("Offentlig", "# Sagsfremstilling\n\n```tabel\nfil: t.csv\nnavn: t\ntitel: Resultat (kr.)\n```\n\n" +
                                                    body));
        f.add("05-a/t.csv", "Post;2024\nRes;-11.500.000\n");
        f.add("05-a/f.png", test::tiny_png(4, 4));
        Diagnostics d;
        auto m = input::load_meeting(f, "m", d);
        if (m) calc::compute_meeting(*m, test::words(), d);
        return std::make_pair(std::move(m), test::messages(d));
    };
    auto [m, messages] = load("![Figur 3: Driftsresultatet 2024 blev {t[Res; 2024] | mio. kr.}](f.png)\n");
    REQUIRE(m);
    CHECK(messages == "");
    REQUIRE(m->items[0].images.size() == 1);
    CHECK(m->items[0].images[0].description == "Driftsresultatet 2024 blev -11,5 mio. kr.");
    // A description that is a figure alone is a description.
    std::tie(m, messages) = load("![{t[Res; 2024] | mio. kr.}](f.png)\n");
    CHECK(messages == "");
    CHECK(m->items[0].images[0].description == "-11,5 mio. kr.");
    // Its errors are the text's, at the figure.
    std::tie(m, messages) = load("![Resultatet {t[Res; 2025]}](f.png)\n");
    CHECK(messages == "m/05-a/item.md:17:15: error: the table \"t\" has no column \"2025\"\n");

    std::tie(m, messages) = load("Se [regnskabet](https://x.dk/ \"Resultatet er {t[Res; 2024]} kr.\").\n");
    CHECK(messages.substr(0, messages.find('\n') + 1) ==
          "m/05-a/item.md:17:46: warning: a figure in braces is computed only in the text, not in a link's title: it "
          "prints as written; write the number, or put the sentence in the text\n");
    std::tie(m, messages) = load("Se [regnskabet](https://x.dk/ \"Mængden \\{a\\}\").\n");  // written as braces
    CHECK(messages == "");
}

TEST_CASE("pictures: a missing, broken or far-away picture, and one without a description in a public item, are errors") {
    const auto errors = [](const std::string& status, const std::string& body, const std::string& file, const std::string& bytes) {
        MemoryFiles f("m");
        f.add("meeting.txt", kMeeting);
        f.add("05-a/item.md", item(status, "# Sagsfremstilling\n\n" + body));
        if (!file.empty()) f.add("05-a/" + file, bytes);
        Diagnostics d;
        input::load_meeting(f, "m", d);
        return test::messages(d);
    };
    CHECK(errors("Offentlig", "![Figur 1: Kort](kort.png)\n", "", "").find(
              "m/05-a/item.md:11:1: error: cannot read the picture \"kort.png\" (m/05-a/kort.png): ") == 0);
    CHECK(errors("Offentlig", "![Figur 1: Kort](kort.png)\n", "kort.png", "\x89PNG\r\n\x1a\n") ==
          "m/05-a/item.md:11:1: error: cannot use the picture \"kort.png\" (m/05-a/kort.png): the file is cut off (a PNG "
          "ends with an IEND chunk)\n");
    // A PNG renamed to .jpg is read as what it is; a text file renamed to .png is not a picture.
    CHECK(errors("Offentlig", "![Figur 1: Kort](kort.jpg)\n", "kort.jpg", test::tiny_png(2, 2)) == "");
    CHECK(errors("Offentlig", "![Figur 1: Kort](kort.png)\n", "kort.png", "Ikke et billede").find(
              "it is not a PNG or JPEG picture") != std::string::npos);
    CHECK(errors("Offentlig", "![Figur 1: Kort](https://example.org/kort.png)\n", "", "") ==
          "m/05-a/item.md:11:1: error: a picture is read from a file beside the item (PNG or JPEG), not from "
          "\"https://example.org/kort.png\"\n");
    CHECK(errors("Offentlig", "![Figur 1: Kort](/etc/kort.png)\n", "", "").find("error: cannot use the picture \"/etc/kort.png\"") !=
          std::string::npos);
    const std::string no_alt = errors("Offentlig", "![Figur 1:](kort.png)\n", "kort.png", test::tiny_png(2, 2));
    CHECK(no_alt.find("m/05-a/item.md:11:1: error: the picture \"kort.png\" has no description") == 0);
    // In a confidential item the reader is the board: a warning.
    const std::string closed = errors("Fortrolig", "![](kort.png)\n", "kort.png", test::tiny_png(2, 2));
    CHECK(closed.find("m/05-a/item.md:11:1: warning: the picture \"kort.png\" has no description") == 0);
}

TEST_CASE("pictures: what libpng would refuse is refused first (libharu cannot take libpng's refusal)") {
    // A PNG made of chunks given here: its header, then `middle`, then the end.
    const auto png = [](uint32_t w, uint32_t h, int color, const std::vector<std::pair<std::string, std::string>>& middle) {
        std::string out = "\x89PNG\r\n\x1a\n";
        std::string ihdr;
        test::put32(ihdr, w);
        test::put32(ihdr, h);
        ihdr += std::string{8, static_cast<char>(color), 0, 0, 0};
        test::png_chunk(out, "IHDR", ihdr);
        for (const auto& [type, data] : middle) test::png_chunk(out, type, data);
        test::png_chunk(out, "IEND", "");
        return out;
    };
    const auto deflated = [](const std::string& raw) {
        Deflater d(6);
        d.compress(raw);
        return d.result();
    };
    const std::string row = std::string(1, '\0') + std::string(6, 'x');  // 2 RGB pixels, no filter
    CHECK(check_image(png(2, 1, 2, {{"IDAT", deflated(row)}})).problem == "");
    CHECK(check_image(png(2, 1, 2, {{"IDAT", deflated("\x07" + row.substr(1))}})).problem ==
          "the file is damaged (a row of its image data has an unknown filter)");
    CHECK(check_image(png(2, 1, 2, {{"IDAT", deflated(row)}, {"ABCD", "?"}})).problem ==
          "the file has a chunk \"ABCD\" that a PNG reader must understand and boardpack does not");
    CHECK(check_image(png(2, 1, 2, {{"IDAT", deflated(row)}, {"abCD", "?"}})).problem == "");  // ancillary: skipped
    const std::string two = deflated(row + row);
    CHECK(check_image(png(2, 2, 2, {{"IDAT", two.substr(0, 5)}, {"tEXt", "a\0b"}, {"IDAT", two.substr(5)}})).problem ==
          "the file is damaged (its image data is split by other chunks)");
    CHECK(check_image(png(2, 2, 2, {{"IDAT", two.substr(0, 5)}, {"IDAT", two.substr(5)}})).problem == "");
    const std::string indexed = std::string(1, '\0') + std::string(2, '\0');
    CHECK(check_image(png(2, 1, 3, {{"PLTE", "\xFF\xFF"}, {"IDAT", deflated(indexed)}})).problem ==
          "the file is damaged (its palette)");
    CHECK(check_image(png(2, 1, 3, {{"IDAT", deflated(indexed)}})).problem == "the file is damaged (its colours have no palette)");
    CHECK(check_image(png(2, 1, 3, {{"PLTE", raw("\xFF\0\0")}, {"IDAT", deflated(indexed)}})).problem == "");
}

namespace {

// The PNG with chunks inserted before its IEND: text, EXIF, a time and a private chunk (all
// metadata), and a gamma (how its colours are shown).
std::string png_with_metadata(const std::string& author = "Kanarie Forfatter") {
    const std::string png = test::tiny_png(4, 4);
    const size_t iend = png.size() - 12;
    std::string extra;
    test::png_chunk(extra, "tEXt", raw("Author\0") + author);
    test::png_chunk(extra, "iTXt", raw("Comment\0\0\0\0\0C:\\Brugere\\kanarie\\hemmelig.png"));
    test::png_chunk(extra, "eXIf", "MM\0*EXIFKANARIE");
    test::png_chunk(extra, "tIME", raw("\x07\xE7\x09\x1C\x0A\x00\x00"));
    test::png_chunk(extra, "prVt", "PRIVATKANARIE");
    test::png_chunk(extra, "gAMA", raw("\0\0\xB1\x8F"));
    return png.substr(0, iend) + extra + png.substr(iend);
}

// The JPEG with segments after its SOI: EXIF (with a GPS canary), XMP, a JFIF header with a
// thumbnail, an ICC profile, a multi-picture (MPF) segment, Photoshop's IPTC and a comment; and
// a comment after its scan, before the end.
std::string jpeg_with_metadata() {
    const std::string jpeg = test::tiny_jpeg();
    const auto seg = [](unsigned char marker, const std::string& body) {
        std::string out{'\xFF', static_cast<char>(marker)};
        const size_t len = body.size() + 2;
        out += static_cast<char>(len >> 8);
        out += static_cast<char>(len & 0xFF);
        return out + body;
    };
    std::string jfif("JFIF\0\x01\x02\x00\x00\x48\x00\x48\x01\x01", 14);
    jfif += "TMB";  // a 1 x 1 thumbnail's RGB
    const std::string head = seg(0xE0, jfif) + seg(0xE1, raw("Exif\0\0GPSKANARIE 55.6761N")) +
                             seg(0xE1, "http://ns.adobe.com/xap/1.0/ XMPKANARIE") +
                             seg(0xE2, raw("ICC_PROFILE\0\x01\x01PROFIL")) +
                             seg(0xE2, raw("MPF\0MPFKANARIE")) + seg(0xED, "Photoshop 3.0 IPTCKANARIE") +
                             seg(0xFE, "COMKANARIE");
    const size_t eoi = jpeg.size() - 2;
    return jpeg.substr(0, 2) + head + jpeg.substr(2, eoi - 2) + seg(0xFE, "SENKANARIE") + jpeg.substr(eoi);
}

}  // namespace

TEST_CASE("pictures: the packet holds a picture without its metadata, and the snapshot compares what it holds") {
    const std::string png = png_with_metadata(), jpeg = jpeg_with_metadata();
    REQUIRE(check_image(png).problem.empty());
    REQUIRE(check_image(jpeg).problem.empty());
    // A meeting of one item with the two pictures, loaded without a message.
    const auto loaded = [](const std::string& png_file, const std::string& jpeg_file) {
        MemoryFiles f("m");
        f.add("meeting.txt", kMeeting);
        f.add("05-a/item.md", item("Offentlig", "# Sagsfremstilling\n\n![Et kort](kort.png)\n\n![Et foto](foto.jpg)\n"));
        f.add("05-a/kort.png", png_file);
        f.add("05-a/foto.jpg", jpeg_file);
        Diagnostics d;
        auto m = input::load_meeting(f, "m", d);
        REQUIRE(m);
        CHECK(test::messages(d) == "");
        REQUIRE(m->items[0].images.size() == 2);
        return m;
    };
    const auto m = loaded(png, jpeg);
    for (const model::Image& im : m->items[0].images) {
        const std::string& kept = *im.bytes;
        for (const char* gone : {"Kanarie", "kanarie", "KANARIE", "TMB", "tIME", "Photoshop", "http://ns.adobe.com"})
            CHECK_MESSAGE(kept.find(gone) == std::string::npos, gone);
        const input::ImageCheck c = check_image(kept);  // still a whole file of the same picture
        CHECK(c.problem.empty());
        CHECK(c.format == im.format);
        CHECK(c.width == im.width);
        CHECK(c.height == im.height);
    }
    const std::string& kept_png = *m->items[0].images[0].bytes;
    const std::string& kept_jpeg = *m->items[0].images[1].bytes;
    // The PNG's own chunks, and its gamma (how its colours are shown), in their order.
    const std::string plain_png = test::tiny_png(4, 4);
    std::string gamma;
    test::png_chunk(gamma, "gAMA", raw("\0\0\xB1\x8F"));
    CHECK(kept_png == plain_png.substr(0, plain_png.size() - 12) + gamma + plain_png.substr(plain_png.size() - 12));
    CHECK(kept_jpeg.find("ICC_PROFILE") != std::string::npos);
    CHECK(kept_jpeg.find(raw("JFIF\0")) != std::string::npos);  // the header, without its thumbnail
    // The pixels as they were: the PNG's image data and the JPEG's scan are copied whole.
    const std::string plain = test::tiny_jpeg();
    CHECK(kept_jpeg.substr(kept_jpeg.size() - (plain.size() - 2)) == plain.substr(2));
    // What a snapshot compares is what the packet holds, so the same picture saved again with
    // other metadata (another author, time or comment) is no new version; the file as read is
    // kept beside it, which snapshots recorded before.
    CHECK(m->items[0].images[0].fingerprint == fingerprint(kept_png));
    CHECK(m->items[0].images[1].fingerprint == fingerprint(kept_jpeg));
    CHECK(m->items[0].images[0].read_fingerprint == fingerprint(png));
    CHECK(m->items[0].images[1].read_fingerprint == fingerprint(jpeg));
    std::string resaved_jpeg = jpeg;
    resaved_jpeg.replace(resaved_jpeg.find("COMKANARIE"), 10, "COMANDETXX");
    const auto m2 = loaded(png_with_metadata("Anden Forfatter"), resaved_jpeg);
    for (size_t i = 0; i < 2; ++i) {
        CHECK(m2->items[0].images[i].fingerprint == m->items[0].images[i].fingerprint);
        CHECK(m2->items[0].images[i].read_fingerprint != m->items[0].images[i].read_fingerprint);
    }
    // A file without metadata: the two are one.
    const auto m3 = loaded(plain_png, plain);
    CHECK(m3->items[0].images[0].fingerprint == fingerprint(plain_png));
    CHECK(m3->items[0].images[0].read_fingerprint == fingerprint(plain_png));
}

TEST_CASE("pictures: a PNG's colour chunks and image data are such as libpng takes without a complaint") {
    // libharu takes any complaint of libpng's, a warning too, as a failure ("libharu error 0x1043").
    const auto png = [](const std::vector<std::pair<std::string, std::string>>& before, std::string idat = "") {
        const std::string plain = test::tiny_png(2, 2);
        std::string out = plain.substr(0, 33);  // signature and IHDR
        for (const auto& [type, data] : before) test::png_chunk(out, type, data);
        if (idat.empty()) return out + plain.substr(33);
        test::png_chunk(out, "IDAT", idat);
        test::png_chunk(out, "IEND", "");
        return out;
    };
    const auto deflated = [](const std::string& bytes) {
        Deflater d(6);
        d.compress(bytes);
        return d.result();
    };
    CHECK(check_image(png({{"gAMA", raw("\0\0\xB1\x8F")}})).problem == "");
    CHECK(check_image(png({{"gAMA", raw("\0\0\0\0")}})).problem ==
          "the file is damaged (its gamma, the gAMA chunk, is 0: a picture's is 16 to 625000000, e.g. 45455)");
    CHECK(check_image(png({{"gAMA", raw("\0\0\xB1")}})).problem == "the file is damaged (its \"gAMA\" chunk has the wrong size)");
    CHECK(check_image(png({{"gAMA", raw("\0\0\xB1\x8F")}, {"gAMA", raw("\0\0\xB1\x8F")}})).problem ==
          "the file is damaged (its \"gAMA\" chunk is repeated or out of place)");
    CHECK(check_image(png({{"sRGB", raw("\0")}, {"gAMA", raw("\0\0\x27\x10")}})).problem ==
          "the file is damaged (its gamma, the gAMA chunk, is 10000, and its sRGB chunk says 45455)");
    CHECK(check_image(png({{"sRGB", raw("\x07")}})).problem == "the file is damaged (its sRGB chunk)");
    CHECK(check_image(png({{"sBIT", raw("\x08\x08\x09")}})).problem ==
          "the file is damaged (its significant bits, the sBIT chunk)");
    // A colour profile: a real one's header, and a 50 MB zlib bomb.
    std::string profile(132, '\0');
    profile[3] = static_cast<char>(132);
    profile.replace(16, 4, "RGB ");
    // libpng checks much more of a profile (its signature, its illuminant, ...): its complaint is the reason.
    CHECK(check_image(png({{"iCCP", raw("ICC\0\0") + deflated(profile)}})).problem.find(
              "libpng, which the PDF's writer (libharu) reads PNG pictures with, says of it: ") == 0);
    profile.replace(16, 4, "GRAY");
    CHECK(check_image(png({{"iCCP", raw("ICC\0\0") + deflated(profile)}})).problem ==
          "its colour profile (the iCCP chunk) is for \"GRAY\" pictures, and the picture is in colour; save it again "
          "without the profile, or as sRGB");
    const std::string bomb = deflated(std::string(50'000'000, '\0'));
    CHECK(bomb.size() < 100'000);
    CHECK(check_image(png({{"iCCP", raw("ICC\0\0") + bomb}})).problem ==
          "its colour profile (the iCCP chunk) unpacks to more than 4 MiB, where a profile is a few kilobytes; save the "
          "picture again without it, or as sRGB");
    CHECK(check_image(png({{"iCCP", raw("ICC\0\0") + deflated("not a profile")}})).problem ==
          "the file is damaged (its colour profile, the iCCP chunk, is not an ICC profile)");
    // Bytes after the end of the packed image data ("extra compressed data" to libpng).
    const std::string rows = std::string(1, '\0') + std::string(6, 'x') + std::string(1, '\0') + std::string(6, 'y');
    CHECK(check_image(png({}, deflated(rows))).problem == "");
    CHECK(check_image(png({}, deflated(rows) + "junk")).problem == "the file is damaged (its image data has 4 bytes after its end)");
}

TEST_CASE("pictures: a JPEG's frame and tables are such as the viewers decode; else refused, not shown white") {
    const std::string jpeg = test::tiny_jpeg(8, 8, 3);
    REQUIRE(check_image(jpeg).problem == "");
    // The segments of tiny_jpeg: SOI, DQT (2 + 4 + 65 bytes), SOF0 at 71, two DHTs, SOS.
    const size_t sof = 2 + 4 + 65;
    REQUIRE(static_cast<unsigned char>(jpeg[sof + 1]) == 0xC0);
    // Sampling factors 0 and 5 (the first component's byte: marker, length, precision, size, count, id).
    const size_t sampling = sof + 4 + 6 + 1;
    CHECK(check_image(with_byte(jpeg, sampling, '\x01')).problem ==
          "the file is damaged (its JPEG frame header gives a component the sampling factors 0 x 1; a JPEG's are 1 to 4)");
    CHECK(check_image(with_byte(jpeg, sampling, '\x51')).problem ==
          "the file is damaged (its JPEG frame header gives a component the sampling factors 5 x 1; a JPEG's are 1 to 4)");
    // A quantisation table the file never defines.
    CHECK(check_image(with_byte(jpeg, sampling + 1, '\x02')).problem ==
          "its image data uses quantisation table 2, which the file never defines (in a DQT segment)");
    // 16 bits a sample in a baseline frame.
    CHECK(check_image(with_byte(jpeg, sof + 4, '\x10')).problem ==
          "its samples have 16 bits; PDF viewers and browsers show JPEGs of 8 bits: save it as an ordinary JPEG");
    // No Huffman tables at all (the two DHT segments taken out): baseline and progressive.
    const size_t dht = sof + 2 + 8 + 9;
    REQUIRE(static_cast<unsigned char>(jpeg[dht + 1]) == 0xC4);
    const std::string no_dht = jpeg.substr(0, dht) + jpeg.substr(dht + 2 * 22);
    REQUIRE(static_cast<unsigned char>(no_dht[dht + 1]) == 0xDA);
    CHECK(check_image(no_dht).problem == "its image data uses Huffman table 0 (DC), which the file never defines (in a DHT segment)");
    CHECK(check_image(with_byte(no_dht, sof + 1, '\xC2')).problem ==
          "its image data uses Huffman table 0 (DC), which the file never defines (in a DHT segment)");
    // Only the AC table missing.
    const std::string no_ac = jpeg.substr(0, dht + 22) + jpeg.substr(dht + 2 * 22);
    CHECK(check_image(no_ac).problem == "its image data uses Huffman table 0 (AC), which the file never defines (in a DHT segment)");
}

TEST_CASE("pictures: past a JPEG's first scan a marker standing alone is followed by data, as the check reads it") {
    // Regression (fuzz_image): an SOI inside the scan's data, then 0xFF 0x00 (a stuffed byte) and a
    // comment. The check read the bytes after the SOI as data and the comment as a segment; the
    // metadata's removal read 0xFF 0x00 as a segment whose length swallowed the comment, which the
    // packet then kept (and, in the fuzzer's file, the next scan's header, which the check refused).
    const std::string jpeg = test::tiny_jpeg(8, 8, 3);
    const size_t sos = jpeg.find("\xFF\xDA");
    REQUIRE(sos != std::string::npos);
    const size_t data = sos + 2 + ((static_cast<unsigned char>(jpeg[sos + 2]) << 8) | static_cast<unsigned char>(jpeg[sos + 3]));
    const std::string odd = jpeg.substr(0, data) + raw("\xFF\xD8\xFF\x00\x01\x01\xFF\xFE\x00\x07KANAR") + jpeg.substr(data);
    const input::ImageCheck c = check_image(odd);
    REQUIRE(c.problem == "");
    const std::string kept = input::without_metadata(odd, c.format);
    CHECK(kept.find("KANAR") == std::string::npos);
    const input::ImageCheck k = check_image(kept);
    CHECK(k.problem == "");
    CHECK(k.width == c.width);
    CHECK(k.height == c.height);
    // Fill bytes before a comment taken out go with it: left, the last would make a marker of the
    // next data byte (fuzz_image, jpeg-fill-before-a-comment-taken-out).
    const std::string filled =
        jpeg.substr(0, data) + raw("\xFF\xD8\xFF\xFF\xFF\xFE\x00\x07KANARk72") + jpeg.substr(data);
    REQUIRE(check_image(filled).problem == "");
    const std::string kept_filled = input::without_metadata(filled, model::Image::Format::Jpeg);
    CHECK(kept_filled.find("KANAR") == std::string::npos);
    CHECK(check_image(kept_filled).problem == "");
}

TEST_CASE("pictures: a JPEG's end marker is where the reading of its segments ends, not inside a comment") {
    // Regression (fuzz_image): the only end marker inside a comment, then a segment cut off by the
    // file's end. The check found the marker in the comment's bytes and took the file; the
    // packet's copy, the comment taken out and an end marker added, completed the cut segment
    // and was refused.
    const std::string jpeg = test::tiny_jpeg(8, 8, 3);
    REQUIRE(jpeg.compare(jpeg.size() - 2, 2, raw("\xFF\xD9")) == 0);
    const std::string body = jpeg.substr(0, jpeg.size() - 2);
    CHECK(check_image(body + raw("\xFF\xFE\x00\x06\xFF\xD9" "AB" "\xFF\xC4\x00\x40\x01")).problem ==
          "the file is cut off (a JPEG ends with an end-of-image marker)");
    // An end marker after the last segment, or a few bytes after it, is the file's end as before.
    CHECK(check_image(body + raw("\xFF\xFE\x00\x04" "AB" "\xFF\xD9")).problem == "");
    CHECK(check_image(jpeg + raw("\0\0\0")).problem == "");
}

#include "render/pdf/cid_font.hpp"
#include "core/messages.hpp"

#include <hb-ot.h>
#include <hb.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <cstdint>
#include <utility>

#include "render/pdf/character_codes.hpp"
#include "render/pdf/code_points.hpp"
#include "render/pdf/embedded_fonts.hpp"
#include "render/pdf/pdf_objects.hpp"
#include "core/deflate.hpp"
#include "render/pdf/to_unicode.hpp"

namespace boardpack::render::pdf {

namespace {

// What the font descriptor says about a face, in 1/1000 em.
struct FaceFacts {
    std::string name;  // the PostScript name
    int bbox[4] = {0, 0, 1000, 1000};
    int ascent = 800, descent = -200, cap_height = 700;
    double italic_angle = 0;
    bool fixed_pitch = false;
};

int16_t s16(const char* p) { return static_cast<int16_t>(static_cast<unsigned char>(p[0]) << 8 | static_cast<unsigned char>(p[1])); }

FaceFacts facts_of(hb_face_t* face) {
    FaceFacts f;
    const double upem = hb_face_get_upem(face);
    const auto scale = [upem](double v) { return static_cast<int>(v * 1000 / upem); };
    char name[128];
    unsigned size = sizeof name;
    if (hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &size, name) > 0)
        for (const char* c = name; *c; ++c)
            // A PDF name: printable ASCII without delimiters.
            if (*c > 0x20 && *c < 0x7F && std::string_view("()<>[]{}/%#").find(*c) == std::string_view::npos) f.name += *c;
    if (f.name.empty()) f.name = "Font";
    unsigned length = 0;
    hb_blob_t* head = hb_face_reference_table(face, HB_TAG('h', 'e', 'a', 'd'));
    if (const char* p = hb_blob_get_data(head, &length); p && length >= 44)
        for (int i = 0; i < 4; ++i) f.bbox[i] = scale(s16(p + 36 + 2 * i));
    hb_blob_destroy(head);
    hb_blob_t* post = hb_face_reference_table(face, HB_TAG('p', 'o', 's', 't'));
    if (const char* p = hb_blob_get_data(post, &length); p && length >= 16) {
        f.italic_angle = s16(p + 4) + static_cast<uint16_t>(s16(p + 6)) / 65536.0;
        f.fixed_pitch = (p[12] | p[13] | p[14] | p[15]) != 0;
    }
    hb_blob_destroy(post);
    hb_font_t* font = hb_font_create(face);
    hb_position_t v = 0;
    if (hb_ot_metrics_get_position(font, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &v)) f.ascent = scale(v);
    if (hb_ot_metrics_get_position(font, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &v)) f.descent = scale(v);
    if (hb_ot_metrics_get_position(font, HB_OT_METRICS_TAG_CAP_HEIGHT, &v) && v > 0) f.cap_height = scale(v);
    hb_font_destroy(font);
    return f;
}

// libdeflate's level for the font streams (see embed_cid_font).
constexpr int kFontDeflateLevel = 1;

// A stream object of `doc` holding `packed`, compressed here with libdeflate: libharu would
// compress it when the PDF is saved at zlib's default level, which for the font subsets cost
// some 12 M instructions of the example's 268 M (issue 10). A copy: the run's subset memo may
// forget the subset before the document is saved.
HPDF_Dict stream_of(HPDF_Doc doc, const std::string& packed) {
    HPDF_Dict s = HPDF_DictStream_New(doc->mmgr, doc->xref);
    if (!s || set_stream_data(s, copied_stream(doc->mmgr, packed), true) != HPDF_OK) return nullptr;
    return s;
}

// The subset of `face` for `characters` with its streams compressed and its widths: what the
// PDF embeds of it that depends on nothing else; nullptr with *why set on failure.
std::shared_ptr<const EmbeddedSubset> make_subset(const FontFiles& fonts, int face, const std::vector<char32_t>& characters,
                                                  std::string* why) {
    const std::string program = fonts.subset(face, characters, why);
    if (program.empty()) return nullptr;
    auto made = std::make_shared<EmbeddedSubset>();
    made->program_size = program.size();
    // The subset numbers its glyphs anew: its own cmap says which glyph each character has now.
    hb_blob_t* blob = hb_blob_create(program.data(), static_cast<unsigned>(program.size()), HB_MEMORY_MODE_READONLY, nullptr, nullptr);
    hb_face_t* sub = hb_face_create(blob, 0);
    hb_blob_destroy(blob);
    hb_font_t* font = hb_font_create(sub);
    const unsigned upem = hb_face_get_upem(sub);
    made->codes = character_codes(characters);
    const uint16_t last = characters.empty() ? 0 : *std::max_element(made->codes.begin(), made->codes.end());
    std::string gids(2 * (last + size_t{1}), '\0');  // the CIDToGIDMap, by code: code 0 is glyph 0
    std::vector<int>& widths = made->widths;
    widths.reserve(characters.size());
    for (size_t i = 0; i < characters.size(); ++i) {
        hb_codepoint_t glyph = 0;
        const char32_t same = same_glyph_as(characters[i]);
        if (!hb_font_get_nominal_glyph(font, characters[i], &glyph) && !(same && hb_font_get_nominal_glyph(font, same, &glyph)) &&
            !hb_font_get_nominal_glyph(font, kStandIn, &glyph))
            glyph = 0;  // no face has it, nor the stand-in: .notdef
        const size_t code = made->codes[i];
        gids[2 * code] = static_cast<char>(glyph >> 8);
        gids[2 * code + 1] = static_cast<char>(glyph & 0xFF);
        // Rounded down as FontFiles measures, so that the layout and the PDF agree to the unit.
        widths.push_back(static_cast<int>(static_cast<unsigned>(hb_font_get_glyph_h_advance(font, glyph)) * 1000 / upem));
    }
    hb_font_destroy(font);
    hb_face_destroy(sub);
    // Measured on the example (callgrind, whole build): zlib's default level in libharu 268 M
    // instructions, libdeflate level 6 260 M with files 150 bytes smaller, level 1 257 M with
    // files 600 bytes (0,15 %) larger. Level 1, as for the pages.
    Deflater deflater(kFontDeflateLevel);
    const auto packed = [&deflater](const std::string& bytes, std::string& out) {
        if (!deflater.compress(bytes)) return false;
        out = deflater.result();
        return true;
    };
    if (!packed(program, made->program) || !packed(gids, made->gids) || !packed(to_unicode_cmap(characters, made->codes), made->to_unicode)) {
        *why = _("libharu cannot make the font's objects (out of memory)");
        return nullptr;
    }
    return made;
}

// The same, made once per run for a face and its characters (FontFiles::subsets).
std::shared_ptr<const EmbeddedSubset> subset_of(const FontFiles& fonts, int face, const std::vector<char32_t>& characters,
                                                std::string* why) {
    return fonts.subsets().get(face, characters, [&] { return make_subset(fonts, face, characters, why); });
}

// The CIDSystemInfo of the fonts and of the one-byte encoding, Adobe-Identity-0: PDF/A-2 asks
// an embedded CMap's to be its CIDFont's (ISO 19005-2, 6.2.11.3.1). Null if libharu cannot
// make it (it has recorded the error).
HPDF_Dict identity_system_info(HPDF_MMgr mm) {
    HPDF_Dict info = HPDF_Dict_New(mm);
    if (!info || HPDF_Dict_Add(info, "Registry", HPDF_String_New(mm, "Adobe", nullptr)) != HPDF_OK ||
        HPDF_Dict_Add(info, "Ordering", HPDF_String_New(mm, "Identity", nullptr)) != HPDF_OK ||
        HPDF_Dict_AddNumber(info, "Supplement", 0) != HPDF_OK)
        return nullptr;
    return info;
}

// The one-byte encoding's CMap stream, written as it is (it is short).
HPDF_Dict one_byte_encoding_of(HPDF_Doc doc) {
    HPDF_MMgr mm = doc->mmgr;
    HPDF_Dict s = HPDF_DictStream_New(mm, doc->xref);
    HPDF_Dict system_info = s ? identity_system_info(mm) : nullptr;
    if (!system_info) return nullptr;
    bool ok = set_stream_data(s, copied_stream(mm, one_byte_cmap()), false) == HPDF_OK;
    const auto check = [&ok](HPDF_STATUS st) { ok = ok && st == HPDF_OK; };
    check(HPDF_Dict_AddName(s, "Type", "CMap"));
    check(HPDF_Dict_AddName(s, "CMapName", kOneByteCMapName));
    check(HPDF_Dict_Add(s, "CIDSystemInfo", system_info));
    check(HPDF_Dict_AddNumber(s, "WMode", 0));
    return ok ? s : nullptr;
}

}  // namespace

std::string subset_tag(int face, const std::vector<char32_t>& characters) {
    // FNV-1a over the face and the characters.
    uint64_t h = 1469598103934665603ull;
    const auto mix = [&h](uint64_t v) {
        for (int i = 0; i < 4; ++i, v >>= 8) h = (h ^ (v & 0xFF)) * 1099511628211ull;
    };
    mix(static_cast<uint64_t>(face));
    for (char32_t cp : characters) mix(cp);
    std::string tag;
    for (int i = 0; i < 6; ++i, h /= 26) tag += static_cast<char>('A' + h % 26);
    return tag;
}

HPDF_Dict embed_cid_font(HPDF_Doc doc, const FontFiles& fonts, int face, const std::vector<char32_t>& characters,
                         HPDF_Dict* one_byte_encoding, std::string* why) {
    const std::shared_ptr<const EmbeddedSubset> subset = subset_of(fonts, face, characters, why);
    if (!subset) return nullptr;
    // The widths by code, in the codes' order, for /W's runs of consecutive codes.
    std::vector<std::pair<uint16_t, int>> widths;
    widths.reserve(subset->codes.size());
    for (size_t i = 0; i < subset->codes.size(); ++i) widths.emplace_back(subset->codes[i], subset->widths[i]);
    std::sort(widths.begin(), widths.end());
    const FaceFacts facts = facts_of(fonts.face(face));
    const std::string base = subset_tag(face, characters) + "+" + facts.name;
    const bool bold = face == static_cast<int>(FontStyle::Bold) || face == static_cast<int>(FontStyle::BoldItalic) ||
                      face == kFallbackBold;
    HPDF_MMgr mm = doc->mmgr;
    bool ok = true;
    const auto check = [&ok](HPDF_STATUS s) { ok = ok && s == HPDF_OK; };

    HPDF_Dict file = stream_of(doc, subset->program);
    HPDF_Dict gid_map = stream_of(doc, subset->gids);
    HPDF_Dict to_unicode = stream_of(doc, subset->to_unicode);
    HPDF_Dict descriptor = indirect_dict(doc), cid_font = indirect_dict(doc), type0 = indirect_dict(doc);
    HPDF_Array bbox = HPDF_Array_New(mm), w = HPDF_Array_New(mm), descendants = HPDF_Array_New(mm);
    HPDF_Dict system_info = identity_system_info(mm);
    if (!file || !gid_map || !to_unicode || !descriptor || !cid_font || !type0 || !bbox || !w || !descendants ||
        !system_info) {
        *why = _("libharu cannot make the font's objects (out of memory)");
        return nullptr;
    }
    check(HPDF_Dict_AddNumber(file, "Length1", static_cast<HPDF_INT32>(subset->program_size)));

    for (int v : facts.bbox) check(HPDF_Array_AddNumber(bbox, v));
    check(HPDF_Dict_AddName(descriptor, "Type", "FontDescriptor"));
    check(HPDF_Dict_AddName(descriptor, "FontName", base.c_str()));
    // Nonsymbolic (32), italic (64), fixed pitch (1).
    check(HPDF_Dict_AddNumber(descriptor, "Flags", 32 | (facts.italic_angle != 0 ? 64 : 0) | (facts.fixed_pitch ? 1 : 0)));
    check(HPDF_Dict_Add(descriptor, "FontBBox", bbox));
    check(HPDF_Dict_AddReal(descriptor, "ItalicAngle", static_cast<HPDF_REAL>(facts.italic_angle)));
    check(HPDF_Dict_AddNumber(descriptor, "Ascent", facts.ascent));
    check(HPDF_Dict_AddNumber(descriptor, "Descent", facts.descent));
    check(HPDF_Dict_AddNumber(descriptor, "CapHeight", facts.cap_height));
    check(HPDF_Dict_AddNumber(descriptor, "StemV", bold ? 120 : 80));
    check(HPDF_Dict_Add(descriptor, "FontFile2", file));

    // The widths of each run of consecutive codes, in arrays of at most 1.000 (libharu's
    // arrays hold 8.191).
    for (size_t from = 0; from < widths.size() && ok;) {
        HPDF_Array run = HPDF_Array_New(mm);
        if (!run) return *why = _("out of memory"), nullptr;
        size_t to = from;
        do check(HPDF_Array_AddNumber(run, widths[to++].second));
        while (to < widths.size() && to < from + 1000 && widths[to].first == widths[to - 1].first + 1);
        check(HPDF_Array_AddNumber(w, widths[from].first));
        check(HPDF_Array_Add(w, run));
        from = to;
    }
    check(HPDF_Dict_AddName(cid_font, "Type", "Font"));
    check(HPDF_Dict_AddName(cid_font, "Subtype", "CIDFontType2"));
    check(HPDF_Dict_AddName(cid_font, "BaseFont", base.c_str()));
    check(HPDF_Dict_Add(cid_font, "CIDSystemInfo", system_info));
    check(HPDF_Dict_Add(cid_font, "FontDescriptor", descriptor));
    check(HPDF_Dict_Add(cid_font, "W", w));
    check(HPDF_Dict_Add(cid_font, "CIDToGIDMap", gid_map));

    check(HPDF_Array_Add(descendants, cid_font));
    check(HPDF_Dict_AddName(type0, "Type", "Font"));
    check(HPDF_Dict_AddName(type0, "Subtype", "Type0"));
    check(HPDF_Dict_AddName(type0, "BaseFont", base.c_str()));
    if (one_byte_codes(subset->codes)) {
        if (!*one_byte_encoding) *one_byte_encoding = one_byte_encoding_of(doc);
        if (!*one_byte_encoding) {
            *why = _("libharu cannot write the font's objects");
            return nullptr;
        }
        check(HPDF_Dict_Add(type0, "Encoding", *one_byte_encoding));
    } else {
        check(HPDF_Dict_AddName(type0, "Encoding", "Identity-H"));
    }
    check(HPDF_Dict_Add(type0, "DescendantFonts", descendants));
    check(HPDF_Dict_Add(type0, "ToUnicode", to_unicode));
    if (!ok) {
        *why = _("libharu cannot write the font's objects");
        return nullptr;
    }
    return type0;
}

}  // namespace boardpack::render::pdf

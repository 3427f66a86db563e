#include "render/pdf/embedded_fonts.hpp"
#include "core/messages.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "core/word_bytes.hpp"
#include "render/pdf/code_points.hpp"

namespace boardpack::render::pdf {

FontPlan FontPlan::of(const LaidOutDocument& doc, const FontFiles& fonts) {
    FontPlan plan;
    // Characters below kDirect (nearly all text) are collected in a table per style, and given
    // their face once each afterwards, not once per character printed; the rest in lists.
    std::array<std::array<bool, kDirect>, kFontStyles> by_style{};
    // The styles the document prints in: only their faces are asked, so a style's face that no
    // text needs is never read (FontFiles reads the italic and monospace faces when first asked).
    std::array<bool, kFontStyles> used{};
    const auto read = [&](const TextItem& t) {
        used[static_cast<size_t>(t.style)] = true;
        auto& style_seen = by_style[static_cast<size_t>(t.style)];
        const std::string_view text = t.text;
        const auto* const bytes = reinterpret_cast<const unsigned char*>(text.data());
        for (size_t i = 0; i < text.size();) {
            // A run of printable ASCII (most of a text) on locals, which next_code_point's
            // reference to i would otherwise keep in memory.
            const unsigned char* at = bytes + i;
            const unsigned char* const end = bytes + text.size();
            // Eight bytes at a time while all eight are printable_ascii (0x20-0x7F).
            for (; end - at >= 8; at += 8) {
                uint64_t w;
                std::memcpy(&w, at, sizeof w);
                if (!word_bytes::all_ascii(w) || word_bytes::has_byte_below(w, 0x20)) break;
                for (int k = 0; k < 8; ++k, w >>= 8) style_seen[w & 0xFF] = true;
            }
            for (; at != end && printable_ascii(*at); ++at) style_seen[*at] = true;
            i = static_cast<size_t>(at - bytes);
            if (i == text.size()) break;
            const char32_t cp = printed_as(next_code_point(text, i));
            if (cp == 0) continue;
            if (cp < kDirect) style_seen[cp] = true;
            else plan.chars_[static_cast<size_t>(printing_face(fonts, cp, t.style))].push_back(cp);
        }
    };
    for (const Page& page : doc.pages)
        for (const TextItem& t : page.texts) read(t);
    // The agenda-only PDF's own footers: it is written with its packet's plan.
    if (doc.agenda_only)
        for (const std::vector<TextItem>& footer : doc.agenda_only->footers)
            for (const TextItem& t : footer) read(t);
    std::array<std::array<bool, kDirect>, kFaces> seen{};
    for (int s = 0; s < kFontStyles; ++s)
        for (char32_t cp = 0; cp < kDirect; ++cp)
            if (by_style[static_cast<size_t>(s)][cp])
                seen[static_cast<size_t>(printing_face(fonts, cp, static_cast<FontStyle>(s)))][cp] = true;
    for (size_t f = 0; f < kFaces; ++f) {
        auto& chars = plan.chars_[f];
        for (char32_t cp = 0; cp < kDirect; ++cp)
            if (seen[f][cp]) chars.push_back(cp);
        std::sort(chars.begin(), chars.end());
        chars.erase(std::unique(chars.begin(), chars.end()), chars.end());
        plan.codes_[f] = character_codes(chars);
        plan.one_byte_[f] = one_byte_codes(plan.codes_[f]);
    }
    // A character no text prints has no code in any face: it is not looked up, so that a
    // character the styles' faces lack reads the fallback faces only if a text prints it.
    std::array<bool, kDirect> printed{};
    for (const auto& face_seen : seen)
        for (char32_t cp = 0; cp < kDirect; ++cp) printed[cp] = printed[cp] || face_seen[cp];
    for (int s = 0; s < kFontStyles; ++s)
        for (char32_t cp = 0; cp < kDirect && used[static_cast<size_t>(s)]; ++cp) {
            if (!printed[cp]) continue;
            const int face = printing_face(fonts, cp, static_cast<FontStyle>(s));
            if (const uint16_t code = plan.code(face, cp))
                plan.direct_[static_cast<size_t>(s)][cp] = (plan.one_byte(face) ? kOneByte : 0) | static_cast<uint32_t>(face) << 16 | code;
        }
    for (int s = 0; s < kFontStyles; ++s) {
        const auto style = static_cast<size_t>(s);
        if (!used[style]) continue;  // no text to look up
        const int face = printing_face(fonts, U'a', static_cast<FontStyle>(s));
        plan.ascii_face_[style] = face;
        const uint32_t same = kOneByte | static_cast<uint32_t>(face) << 16;
        for (unsigned byte = 0x20; byte < 0x80; ++byte)
            if (const uint32_t both = plan.direct_[style][byte]; (both & 0xFFFFFF00u) == same && (both & 0xFF) != 0)
                plan.ascii_[style][byte] = static_cast<uint8_t>(both & 0xFF);
    }
    return plan;
}

uint16_t FontPlan::code(int face, char32_t cp) const {
    // A face has fewer than 65.535 glyphs, and so a document fewer characters per face.
    const auto& chars = chars_[static_cast<size_t>(face)];
    const auto it = std::lower_bound(chars.begin(), chars.end(), cp);
    return it != chars.end() && *it == cp ? codes_[static_cast<size_t>(face)][static_cast<size_t>(it - chars.begin())] : 0;
}

}  // namespace boardpack::render::pdf

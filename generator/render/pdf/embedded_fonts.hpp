// What the PDF writer embeds: for each face the characters a document prints with it, and the
// code (CID) each has in that face's PDF font (character_codes.hpp): one byte each for nearly
// every face, else two. A face the document does not print with is not embedded at all.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "render/pdf/character_codes.hpp"
#include "render/pdf/code_points.hpp"
#include "render/pdf/font_files.hpp"
#include "render/pdf/page_items.hpp"

namespace boardpack::render::pdf {

// The face that prints `cp` (as printed_as gives it) in `style`: the face_of it, or, for a
// character no face has, the face that has the stand-in (kStandIn), else the style's own.
inline int printing_face(const FontFiles& fonts, char32_t cp, FontStyle style) {
    if (const int face = fonts.face_of(cp, style); face >= 0) return face;
    if (const int face = fonts.face_of(kStandIn, style); face >= 0) return face;
    return static_cast<int>(style);
}

// The characters each face prints in a document and their codes in its PDF font.
class FontPlan {
public:
    // Every character of every text of the document, by the face that prints it.
    static FontPlan of(const LaidOutDocument& doc, const FontFiles& fonts);
    // The characters `face` prints, sorted. Empty for a face the document does not use.
    const std::vector<char32_t>& characters(int face) const { return chars_[static_cast<size_t>(face)]; }
    // Their codes, in the same order (character_codes; 0 is .notdef).
    const std::vector<uint16_t>& codes(int face) const { return codes_[static_cast<size_t>(face)]; }
    // The code of `cp` in `face`'s font; 0 if the plan does not have it there.
    uint16_t code(int face, char32_t cp) const;
    // Whether a face's codes are one byte each in the content streams (an embedded CMap maps
    // byte b to CID b), else two (Identity-H): one byte halves the text's share of a page.
    bool one_byte(int face) const { return one_byte_[static_cast<size_t>(face)]; }
    // The flag in direct()'s value of a one-byte code.
    static constexpr uint32_t kOneByte = 1u << 31;
    // The face and code a character of the first kDirect prints with in `style`, as
    // face << 16 | code, with kOneByte if the code is one byte (code 0: the document does not
    // print it in that style).
    uint32_t direct(FontStyle style, char32_t cp) const { return direct_[static_cast<size_t>(style)][cp]; }
    // The same for every character of the first kDirect in `style`, indexed by code point.
    const std::array<uint32_t, FontFiles::kDirect>& direct(FontStyle style) const { return direct_[static_cast<size_t>(style)]; }
    static constexpr char32_t kDirect = FontFiles::kDirect;
    // Most of a text: the one-byte codes of the printable ASCII characters `style` prints with
    // the face ascii_face(style), indexed by byte; 0 for every other byte (a control or
    // non-ASCII byte, a character of another face or of two-byte codes, or one not printed).
    const std::array<uint8_t, 256>& ascii_codes(FontStyle style) const { return ascii_[static_cast<size_t>(style)]; }
    int ascii_face(FontStyle style) const { return ascii_face_[static_cast<size_t>(style)]; }


private:
    std::array<std::vector<char32_t>, kFaces> chars_;
    std::array<std::vector<uint16_t>, kFaces> codes_;
    std::array<bool, kFaces> one_byte_{};
    std::array<std::array<uint32_t, kDirect>, kFontStyles> direct_{};
    std::array<std::array<uint8_t, 256>, kFontStyles> ascii_{};
    std::array<int, kFontStyles> ascii_face_{};
};

}  // namespace boardpack::render::pdf

#include "render/pdf/text_string.hpp"
#include "core/messages.hpp"

#include <hpdf_objects.h>

#include <algorithm>
#include <array>
#include <cstring>

#include "core/text.hpp"
#include "render/pdf/code_points.hpp"
#include "render/pdf/haru_errors.hpp"

namespace boardpack::render::pdf {

namespace {

// Calls `unit` with each UTF-16 unit of `cp`: one, or a surrogate pair beyond the BMP
// (U+FFFD for what is beyond Unicode).
template <class Unit>
void utf16_units(char32_t cp, const Unit& unit) {
    if (cp >= 0x10000 && cp <= 0x10FFFF) {
        unit(0xD800 + ((cp - 0x10000) >> 10));
        unit(0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
        unit(cp > 0xFFFF ? 0xFFFD : cp);
    }
}

}  // namespace

std::string utf16be(std::u32string_view text) {
    std::string out;
    out.reserve(text.size() * 2);
    const auto unit = [&out](char32_t u) {
        out += static_cast<char>(u >> 8);
        out += static_cast<char>(u & 0xFF);
    };
    for (char32_t cp : text) utf16_units(cp, unit);
    return out;
}

std::string pdf_text_string(std::string_view utf8) {
    // Without bidirectional controls, as the page's text and the HTML are (printable.cpp warns):
    // a viewer's list of bookmarks or its title bar would obey them and show the text reordered.
    std::u32string text = decode_utf8(utf8);
    text.erase(std::remove_if(text.begin(), text.end(), is_bidi_control), text.end());
    return "\xFE\xFF" + utf16be(text);
}

namespace {

// Each byte's two hex digits, made once: a unit is two lookups, not four shifts.
constexpr auto kHexPairs = [] {
    std::array<std::array<char, 2>, 256> pairs{};
    constexpr char kDigits[] = "0123456789ABCDEF";
    for (size_t b = 0; b < 256; ++b) pairs[b] = {kDigits[b >> 4], kDigits[b & 15]};
    return pairs;
}();

char* put_hex_byte(char* to, unsigned b) {
    std::memcpy(to, kHexPairs[b & 0xFF].data(), 2);
    return to + 2;
}

}  // namespace

void append_text_string(std::string& out, std::string_view utf8) {
    // pdf_text_string's bytes in hex, each code point's UTF-16 units written as it is decoded
    // (every element's and link's text: no string of code points, none of bytes).
    const size_t at = out.size();
    // A code point is one unit or two, and takes a byte or more (a pair four bytes).
    out.resize(at + 2 + 4 + 4 * utf8.size());
    char* to = out.data() + at;
    const auto unit = [&to](char32_t u) { to = put_hex_byte(put_hex_byte(to, u >> 8), u); };
    *to++ = '<';
    unit(0xFEFF);
    for (size_t i = 0; i < utf8.size();) {
        // Most of a title is ASCII, one byte a unit "00xx" (what next_utf8 gives for it).
        if (const auto c = static_cast<unsigned char>(utf8[i]); c < 0x80) {
            *to++ = '0';
            *to++ = '0';
            to = put_hex_byte(to, c);
            ++i;
            continue;
        }
        // A bidirectional control is left out (pdf_text_string).
        if (const char32_t cp = next_utf8(utf8, i); !is_bidi_control(cp)) utf16_units(cp, unit);
    }
    *to++ = '>';
    out.resize(static_cast<size_t>(to - out.data()));
}

HPDF_Binary text_string_object(HPDF_Doc doc, std::string_view utf8, std::string* why) {
    std::string bytes = pdf_text_string(utf8);
    // libharu refuses a longer string without calling its error handler.
    if (bytes.size() > HPDF_LIMIT_MAX_STRING_LEN) {
        *why = haru_error_text(HPDF_STRING_OUT_OF_RANGE, 0);
        return nullptr;
    }
    // libharu copies the bytes.
    HPDF_Binary s = HPDF_Binary_New(doc->mmgr, reinterpret_cast<HPDF_BYTE*>(bytes.data()), static_cast<HPDF_UINT>(bytes.size()));
    if (!s) *why = _("out of memory");
    return s;
}

}  // namespace boardpack::render::pdf

#include "render/pdf/to_unicode.hpp"

#include <algorithm>
#include <utility>

#include "render/pdf/character_codes.hpp"
#include "render/pdf/text_string.hpp"

namespace boardpack::render::pdf {

namespace {

void hex(std::string& out, const std::string& bytes) {
    static constexpr char kDigits[] = "0123456789ABCDEF";
    out += '<';
    for (const char c : bytes) {
        out += kDigits[static_cast<unsigned char>(c) >> 4];
        out += kDigits[static_cast<unsigned char>(c) & 15];
    }
    out += '>';
}

}  // namespace

std::string to_unicode_cmap(const std::vector<char32_t>& characters, const std::vector<uint16_t>& codes) {
    std::string out =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n";
    const bool one_byte = one_byte_codes(codes);
    out += one_byte ? "<00> <FF>\n" : "<0000> <FFFF>\n";
    out += "endcodespacerange\n";
    // By code, as a reader of the map would list them.
    std::vector<std::pair<uint16_t, char32_t>> by_code;
    by_code.reserve(characters.size());
    for (size_t i = 0; i < characters.size(); ++i) by_code.emplace_back(codes[i], characters[i]);
    std::sort(by_code.begin(), by_code.end());
    // At most 100 entries per block, as the CMap format requires.
    for (size_t from = 0; from < by_code.size(); from += 100) {
        const size_t to = std::min(by_code.size(), from + 100);
        out += std::to_string(to - from) + " beginbfchar\n";
        for (size_t i = from; i < to; ++i) {
            const auto code = static_cast<char32_t>(by_code[i].first);
            hex(out, one_byte ? std::string(1, static_cast<char>(code)) : utf16be(std::u32string_view(&code, 1)));
            out += ' ';
            hex(out, utf16be(std::u32string_view(&by_code[i].second, 1)));
            out += '\n';
        }
        out += "endbfchar\n";
    }
    out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    return out;
}

std::string one_byte_cmap() {
    // The CIDSystemInfo is the CIDFont's (Adobe-Identity-0), as PDF/A-2 requires of an embedded
    // CMap (ISO 19005-2, 6.2.11.3.1); WMode 0 here and in the stream's dictionary (6.2.11.3.3).
    return std::string("%!PS-Adobe-3.0 Resource-CMap\n/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                       "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> def\n"
                       "/CMapName /") +
           kOneByteCMapName +
           " def\n/CMapType 1 def\n/WMode 0 def\n"
           "1 begincodespacerange\n<00> <FF>\nendcodespacerange\n"
           "1 begincidrange\n<00> <FF> 0\nendcidrange\n"
           "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
}

}  // namespace boardpack::render::pdf

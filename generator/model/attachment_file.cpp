#include "model/attachment_file.hpp"

#include <string_view>

namespace boardpack::model {

namespace {

// Danish and common Latin letters as ASCII (UTF-8 two-byte sequences), else nullptr.
const char* ascii_for(std::string_view c) {
    static const std::pair<std::string_view, const char*> kLetters[] = {
        {"æ", "ae"}, {"Æ", "ae"}, {"ø", "oe"}, {"Ø", "oe"}, {"å", "aa"}, {"Å", "aa"}, {"é", "e"}, {"É", "e"},
        {"ü", "u"},  {"Ü", "u"},  {"ö", "o"},  {"Ö", "o"},  {"ä", "a"},  {"Ä", "a"},  {"è", "e"}, {"á", "a"}};
    for (const auto& [from, to] : kLetters)
        if (c == from) return to;
    return nullptr;
}

}  // namespace

std::string file_slug(const std::string& title) {
    constexpr size_t kMaxSlug = 60;
    std::string out;
    bool dash = false;
    for (size_t i = 0; i < title.size() && out.size() <= kMaxSlug;) {
        const unsigned char c = static_cast<unsigned char>(title[i]);
        std::string piece;
        size_t len = 1;
        if (c < 0x80) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) piece = static_cast<char>(c);
            else if (c >= 'A' && c <= 'Z') piece = static_cast<char>(c - 'A' + 'a');
        } else {
            len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
            if (const char* a = ascii_for(std::string_view(title).substr(i, len))) piece = a;
        }
        i += len;
        if (piece.empty()) {
            dash = !out.empty();
            continue;
        }
        if (dash) out += '-';
        dash = false;
        out += piece;
    }
    // A long title is cut at a word's end, not inside a word.
    if (out.size() > kMaxSlug) {
        const size_t cut = out.rfind('-', kMaxSlug);
        out.resize(cut != std::string::npos && cut > 0 ? cut : kMaxSlug);
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "bilag" : out;
}

std::string attachment_file(const AgendaItem& item, const Attachment& a) {
    return attachment_file(item.number, a.number, a.title);
}

std::string attachment_file(int item, int number, const std::string& title) {
    return "bilag/" + std::to_string(item) + "-" + std::to_string(number) + "-" + file_slug(title) + ".pdf";
}

}  // namespace boardpack::model

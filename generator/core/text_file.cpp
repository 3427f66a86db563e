#include "core/text_file.hpp"
#include "core/messages.hpp"

#include "core/windows_1252.hpp"

namespace boardpack {

TextFile& TextFile::operator=(const TextFile& other) {
    if (this == &other) return *this;
    relative = other.relative;
    name = other.name;
    content = other.content;
    lines = split_lines(content);  // re-point the views into our own copy
    return *this;
}

TextFile& TextFile::operator=(TextFile&& other) noexcept {
    if (this == &other) return *this;
    relative = std::move(other.relative);
    name = std::move(other.name);
    const char* const from = other.content.data();
    content = std::move(other.content);
    lines = std::move(other.lines);
    // A text short enough to live inside the string object is moved by copying its bytes: its
    // lines are pointed at the copy (a longer one keeps its block, and they point into it still).
    if (content.data() != from)
        for (Line& l : lines) l.text = std::string_view(content.data() + (l.text.data() - from), l.text.size());
    return *this;
}

std::string TextFile::line_text(int line) const {
    if (line < 1 || static_cast<size_t>(line) > lines.size()) return {};
    return std::string(lines[static_cast<size_t>(line - 1)].text);
}

std::string_view TextFile::line_view(int line) const {
    if (line < 1 || static_cast<size_t>(line) > lines.size()) return {};
    return lines[static_cast<size_t>(line - 1)].text;
}

namespace {

// 1-based line and the byte offset inside that line of a byte offset into the text.
std::pair<int, size_t> line_and_offset(std::string_view text, size_t offset) {
    int line = 1;
    size_t line_start = 0;
    for (size_t i = 0; i < offset && i < text.size(); ++i) {
        // A line ends at LF, or at a CR not followed by one (split_lines).
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
            ++line;
            line_start = i + 1;
        }
    }
    return {line, offset - line_start};
}

std::string line_at(std::string_view text, int line) {
    for (const Line& l : split_lines(text))
        if (l.number == line) return std::string(l.text);
    return {};
}

// Bytes 0x80-0x9F and 0xA0-0xFF standing alone are what Windows-1252 writes for æ, ø, å, “, ”.
bool looks_like_windows_1252(std::string_view text) {
    int single_high = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) continue;
        const bool next_is_cont = i + 1 < text.size() && (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80;
        if (!next_is_cont) ++single_high;
    }
    return single_high > 0;
}

// Whether the text holds a well-formed UTF-8 multibyte sequence (æ as C3 A6): text with one
// and a stray byte elsewhere is damaged, since as Windows-1252 the æ would print "Ã¦".
bool has_utf8_sequence(std::string_view text) {
    for (size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        const size_t follow = c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : 0;
        if (follow == 0 || i + follow >= text.size()) continue;
        bool all = true;
        for (size_t k = 1; k <= follow; ++k)
            all = all && (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
        if (all) return true;
    }
    return false;
}

// The text read as Windows-1252 and written as UTF-8; nullopt if it holds a byte Windows-1252
// leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D), so the guess cannot be right.
std::optional<std::string> from_windows_1252(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        char32_t cp = c;
        if (c >= 0x80 && c < 0xA0) {
            cp = kWindows1252At80[c - 0x80];
            if (cp == 0) return std::nullopt;
        }
        append_utf8(out, cp);
    }
    return out;
}

bool is_csv_name(const std::string& relative) {
    return relative.size() >= 4 && fold_label(relative.substr(relative.size() - 4)) == ".csv";
}

}  // namespace

std::optional<TextFile> make_text_file(std::string relative, std::string name, std::string content,
                                       Diagnostics& diags) {
    diags.saw_file(name);
    // UTF-32, with its byte order mark (00 00 FE FF, FF FE 00 00): named before UTF-16, whose
    // little-endian mark (FF FE) begins UTF-32LE's.
    if (content.size() >= 4 && ((content.compare(0, 4, std::string("\x00\x00\xFE\xFF", 4)) == 0) ||
                                (content.compare(0, 4, std::string("\xFF\xFE\x00\x00", 4)) == 0))) {
        diags.error({name, 1, 1}, _("the file is UTF-32 text, not UTF-8; save it as UTF-8 (\"CSV UTF-8\" in Excel)"));
        return std::nullopt;
    }
    // UTF-16, with its byte order mark, as Excel's "Unicode-tekst" and some statistics exports
    // write: text, but every other byte a NUL to a reader of UTF-8.
    if (content.size() >= 2 && ((content[0] == '\xFF' && content[1] == '\xFE') || (content[0] == '\xFE' && content[1] == '\xFF'))) {
        diags.error({name, 1, 1}, _("the file is UTF-16 text (\"Unicode\", as Excel's \"Unicode-tekst\" saves it), not "
                                    "UTF-8; save it as UTF-8 (\"CSV UTF-8\" in Excel)"));
        return std::nullopt;
    }
    const size_t nul = content.find('\0');
    if (nul != std::string::npos) {
        const auto [line, off] = line_and_offset(content, nul);
        diags.error({name, line, column_of(line_at(content, line), off)},
                    _("this is a binary file, not text (it contains a NUL byte); save it as UTF-8 text"));
        return std::nullopt;
    }
    // Most files are clean: one walk says so, where the two checks below took one each.
    const bool clean = is_clean_text(content);
    size_t bad = clean ? std::string::npos : find_invalid_utf8(content);
    // Danish Excel's "CSV (semikolonsepareret)" writes Windows-1252: read it as such when that
    // is the only reading, and say so once.
    if (bad != std::string::npos && is_csv_name(relative) && !has_utf8_sequence(content)) {
        if (auto converted = from_windows_1252(content)) {
            const auto [line, off] = line_and_offset(content, bad);
            diags.note({name, line, column_of(line_at(content, line), off)},
                          _("the file is not UTF-8; it is read as Windows-1252 (\"ANSI\", as Danish Excel saves CSV); "
                            "save it as UTF-8 to silence this"));
            content = std::move(*converted);
            bad = std::string::npos;
        }
    }
    if (bad != std::string::npos) {
        const auto [line, off] = line_and_offset(content, bad);
        const std::string text = line_at(content, line);
        const char* hex = "0123456789ABCDEF";
        const auto b = static_cast<unsigned char>(content[bad]);
        const std::string byte = {hex[b >> 4], hex[b & 15]};
        std::string msg = fmt(_("the file is not valid UTF-8 (byte 0x{})"), byte);
        if (has_utf8_sequence(content))
            msg += _("; it also holds UTF-8 letters (such as \"æ\" as two bytes), so it is damaged, not Windows-1252: "
                     "save it again as UTF-8");
        else if (looks_like_windows_1252(content))
            msg += _("; it looks like Windows-1252 (\"ANSI\"): save it as UTF-8");
        // The line echoed with each byte that is no UTF-8 as "\uFFFD", one character, so the caret
        // stands under it (the bytes before it on the line are valid: it is the first bad one).
        std::string shown;
        for (const char32_t c : decode_utf8(text)) append_utf8(shown, c);
        diags.error({name, line, column_of(text, off)}, msg, shown);
        return std::nullopt;
    }
    if (const size_t control = clean ? std::string::npos : find_control_character(content); control != std::string::npos) {
        const auto [line, off] = line_and_offset(content, control);
        diags.error({name, line, column_of(line_at(content, line), off)},
                    fmt(_("the text holds the control character {}, which prints as nothing (or as a box in the PDF); "
                          "remove it (text copied from another program can bring it along)"),
                        control_character_name(content, control)),
                    line_at(content, line));
        return std::nullopt;
    }
    TextFile f;
    f.relative = std::move(relative);
    f.name = std::move(name);
    // The text taken over, not copied (a whole file, some 5 KB an item).
    if (strip_bom(content).size() != content.size()) content.erase(0, content.size() - strip_bom(content).size());
    f.content = std::move(content);
    f.lines = split_lines(f.content);
    for (const Line& l : f.lines) {
        if (l.text.size() > kMaxLineBytes) {
            diags.error(f.loc(l.number), fmt(_("line {} is {} bytes long; the limit is {} bytes"), l.number,
                                             l.text.size(), kMaxLineBytes));
            return std::nullopt;
        }
    }
    if (trim(f.content).empty()) {
        diags.error(f.loc(1), _("the file is empty"));
        return std::nullopt;
    }
    return f;
}

bool count_for_meeting(ReadTotals& totals, size_t ReadTotals::*total, size_t amount, size_t limit, const char* what,
                       const SourceLoc& at, Diagnostics& diags) {
    size_t& sum = totals.*total;
    if (sum > limit) return false;  // already reported
    sum += amount;
    if (sum <= limit) return true;
    // TRANSLATORS: the limit and what it counts ("agenda items", "table cells (in CSV files)" ...).
    diags.error(at, fmt(_("the meeting's files together hold more than {} {}, the limit for a meeting; split it, or "
                          "leave out what a board packet need not print"), limit, tr(what)));
    return false;
}

std::optional<TextFile> load_text_file(const InputFiles& files, const std::string& relative,
                                       Diagnostics& diags, const SourceLoc& referenced_from) {
    std::string why;
    auto content = files.read(relative, &why);
    const std::string name = files.display(relative);
    if (!content) {
        if (!referenced_from.file.empty()) {
            diags.error(referenced_from, fmt(_("cannot read {} ({}): {}"), quote_text(relative), name, why));
        } else {
            diags.error({name, 0, 0}, fmt(_("cannot read the file: {}"), why));
        }
        return std::nullopt;
    }
    return make_text_file(relative, name, std::move(*content), diags);
}

}  // namespace boardpack

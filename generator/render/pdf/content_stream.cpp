#include "render/pdf/content_stream.hpp"

#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <string>

#include "core/word_bytes.hpp"

namespace boardpack::render::pdf {

namespace {

// libharu's bounds for a number in a content stream.
constexpr float kMaxReal = 32767;

// What a byte of a literal string needs: nothing, a backslash before it, or to be written "\\r"
// (a carriage return would be read as a line end).
enum class Escape : unsigned char { None, Backslash, Return };
constexpr std::array<Escape, 256> kEscape = [] {
    std::array<Escape, 256> t{};
    t['('] = t[')'] = t['\\'] = Escape::Backslash;
    t['\r'] = Escape::Return;
    return t;
}();

// Whether any of the eight bytes of `w` is one a literal string must escape: ( ) \ or a
// carriage return. Bytes are compared a word at a time (core/word_bytes.hpp): most texts have
// none, and their codes are then copied whole.
bool needs_escape(uint64_t w) {
    using word_bytes::has_byte;
    // '(' and ')' differ only in their lowest bit: both become ')' with it set.
    return has_byte(w | word_bytes::kOnes, ')') || has_byte(w, '\\') || has_byte(w, '\r');
}

// Writes `c` at `at` as a literal string holds it; returns the end.
char* escaped(char c, char* at) {
    const Escape e = kEscape[static_cast<unsigned char>(c)];
    if (e != Escape::None) *at++ = '\\';
    *at++ = e == Escape::Return ? 'r' : c;
    return at;
}

}  // namespace

// As libharu's HPDF_FToA: single precision, five decimals, trailing zeros dropped. Written
// two digits at a time into a buffer, appended once: a page has thousands of numbers.
void append_pdf_number(std::string& out, double value) {
    static constexpr char kPairs[] =
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
        "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
        "8081828384858687888990919293949596979899";
    float val = static_cast<float>(value);
    if (val > kMaxReal) val = kMaxReal;
    else if (val < -kMaxReal) val = -kMaxReal;
    char buf[24];
    char* s = buf;
    if (val < 0) {
        *s++ = '-';
        val = 0 - val;
    }
    const auto int_val = static_cast<int32_t>(val + 0.000005);
    auto fpart = static_cast<int32_t>(static_cast<float>(val - int_val + 0.000005) * 100000);
    // The whole part: at most five digits (32767).
    s = std::to_chars(s, buf + sizeof buf, int_val).ptr;
    // The five decimals without their trailing zeros (none, and no point, for a whole number:
    // most sizes, and half the coordinates, are).
    fpart %= 100000;  // five digits at most, as libharu writes them
    if (fpart > 0) {
        *s++ = '.';
        const auto pair = [](char* at, int32_t two) { std::memcpy(at, kPairs + 2 * two, 2); };
        pair(s, fpart / 1000);
        pair(s + 2, fpart / 10 % 100);
        s[4] = static_cast<char>('0' + fpart % 10);
        s += 5;
        while (s[-1] == '0') --s;  // a nonzero fraction has a nonzero digit
    }
    out.append(buf, static_cast<size_t>(s - buf));
}

void ContentStream::rectangle(const Color& color, double x, double y, double w, double h) {
    fill(color);
    number(x), out_ += ' ', number(y), out_ += ' ', number(w), out_ += ' ', number(h), out_ += " re\nf\n";
}

void ContentStream::image(std::string_view name, double x, double y, double w, double h) {
    out_ += "q\n";
    number(w), out_ += " 0 0 ", number(h), out_ += ' ', number(x), out_ += ' ', number(y), out_ += " cm\n/";
    out_ += name;
    out_ += " Do\nQ\n";
}

void ContentStream::form(std::string_view name, double scale, double tx, double ty) {
    out_ += "q\n";
    number(scale), out_ += " 0 0 ", number(scale), out_ += ' ', number(tx), out_ += ' ', number(ty), out_ += " cm\n/";
    out_ += name;
    out_ += " Do\nQ\n";
}

void ContentStream::begin_text() {
    out_ += "BT\n";
    line_x_ = line_y_ = 0;
}

void ContentStream::end_text() { out_ += "ET\n"; }

void ContentStream::font(std::string_view name, double size) {
    out_ += '/';
    out_ += name;
    out_ += ' ';
    number(size);
    out_ += " Tf\n";
}

void ContentStream::fill(const Color& color) {
    // A packet has a few colours, set thousands of times: each worked out once.
    for (const auto& [known, written] : colors_) {
        if (known == color) {
            out_ += written;
            return;
        }
    }
    std::string written;
    append_pdf_number(written, color.r), written += ' ', append_pdf_number(written, color.g), written += ' ';
    append_pdf_number(written, color.b), written += " rg\n";
    out_ += written;
    if (colors_.size() < kKnownColors) colors_.emplace_back(color, std::move(written));
}

void ContentStream::begin_marked(std::string_view tag, int mcid) {
    out_ += '/';
    out_ += tag;
    out_ += " <</MCID ";
    out_ += std::to_string(mcid);
    out_ += ">> BDC\n";
}

void ContentStream::begin_artifact(std::string_view type) {
    out_ += "/Artifact <</Type /";
    out_ += type;
    out_ += ">> BDC\n";
}

void ContentStream::end_marked() { out_ += "EMC\n"; }

void ContentStream::text(double x, double y, std::string_view bytes) {
    // A move from the start of the previous line, in libharu's single precision.
    const float dx = static_cast<float>(x) - line_x_, dy = static_cast<float>(y) - line_y_;
    number(dx), out_ += ' ', number(dy), out_ += " Td\n";
    line_x_ += dx;
    line_y_ += dy;
    more_text(bytes);
}

void ContentStream::more_text(std::string_view bytes) {
    // The codes as they are, in a literal string: half the size of a hex string and, with a
    // zero high byte for most characters, smaller still once compressed. Only what a literal
    // string cannot hold as it is gets a backslash (a carriage return would be read as a
    // line end). Written through a pointer into room for the worst case (every byte escaped),
    // not appended a byte at a time: this is every text of every page.
    constexpr std::string_view kOpen = "(", kClose = ") Tj\n";
    const size_t start = out_.size();
    out_.resize(start + kOpen.size() + 2 * bytes.size() + kClose.size());
    char* at = out_.data() + start;
    *at++ = '(';
    const char* from = bytes.data();
    const char* const end = from + bytes.size();
    for (; end - from >= 8; from += 8) {
        if (!needs_escape(word_bytes::at(from))) {
            std::memcpy(at, from, 8);
            at += 8;
        } else {
            for (int k = 0; k < 8; ++k) at = escaped(from[k], at);
        }
    }
    for (; from < end; ++from) at = escaped(*from, at);
    for (const char c : kClose) *at++ = c;
    out_.resize(static_cast<size_t>(at - out_.data()));
}

}  // namespace boardpack::render::pdf

#include "render/pdf/content_stream.hpp"

#include <array>
#include <cstdint>
#include <cstring>
#include <string>

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
// carriage return. Bytes are compared a word at a time (has_zero(v) is nonzero exactly when a
// byte of v is zero): most texts have none, and their codes are then copied whole.
bool needs_escape(uint64_t w) {
    constexpr uint64_t kOnes = 0x0101010101010101, kHighs = 0x8080808080808080;
    const auto has_zero = [](uint64_t v) { return (v - kOnes) & ~v & kHighs; };
    // '(' and ')' differ only in their lowest bit: both become ')' with it set.
    return (has_zero((w | kOnes) ^ (kOnes * ')')) | has_zero(w ^ (kOnes * '\\')) | has_zero(w ^ (kOnes * '\r'))) != 0;
}

// Writes `c` at `at` as a literal string holds it; returns the end.
char* escaped(char c, char* at) {
    const Escape e = kEscape[static_cast<unsigned char>(c)];
    if (e != Escape::None) *at++ = '\\';
    *at++ = e == Escape::Return ? 'r' : c;
    return at;
}

}  // namespace

// As libharu's HPDF_FToA: single precision, five decimals, trailing zeros dropped.
void append_pdf_number(std::string& out, double value) {
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
    char digits[12];
    int n = 0;
    for (int32_t v = int_val; v > 0; v /= 10) digits[n++] = static_cast<char>('0' + v % 10);
    if (n == 0) digits[n++] = '0';
    while (n > 0) *s++ = digits[--n];
    // The five decimals without their trailing zeros (none, and no point, for a whole number:
    // most sizes, and half the coordinates, are): each digit is worked out once.
    fpart %= 100000;  // five digits at most, as libharu writes them
    if (fpart > 0) {
        int keep = 5;
        while (fpart % 10 == 0) fpart /= 10, --keep;
        *s++ = '.';
        for (int i = keep - 1; i >= 0; --i, fpart /= 10) s[i] = static_cast<char>('0' + fpart % 10);
        s += keep;
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
    number(color.r), out_ += ' ', number(color.g), out_ += ' ', number(color.b), out_ += " rg\n";
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
        uint64_t word;
        std::memcpy(&word, from, 8);
        if (!needs_escape(word)) {
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

#include "attach/reader_answer.hpp"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>

#include "core/messages.hpp"

namespace boardpack::attach {

namespace {

// "BPQ" and the format's version: a reader from another build of boardpack is refused.
constexpr char kMagic[4] = {'B', 'P', 'Q', '1'};
constexpr unsigned char kCleaned = 1, kRefused = 2;

void put_u64(std::string& out, uint64_t v) {
    char bytes[8];
    for (int i = 0; i < 8; ++i) bytes[i] = static_cast<char>(v >> (8 * i) & 0xFF);
    out.append(bytes, sizeof bytes);
}
void put_string(std::string& out, std::string_view s) {
    put_u64(out, s.size());
    out.append(s);
}
void put_double(std::string& out, double d) {
    uint64_t bits;
    std::memcpy(&bits, &d, sizeof bits);
    put_u64(out, bits);
}

// Reads an answer front to back; after the first thing that does not fit, every read fails.
class Reader {
public:
    explicit Reader(std::string_view bytes) : rest_(bytes) {}
    bool ok() const { return ok_; }
    bool at_end() const { return ok_ && rest_.empty(); }

    uint64_t u64() { return take(kLengthBytes) ? decode_length(last_.data()) : 0; }
    unsigned char byte() { return take(1) ? static_cast<unsigned char>(last_[0]) : 0; }
    std::string string() {
        const uint64_t n = u64();
        if (!ok_ || n > rest_.size()) return fail(), std::string();
        take(static_cast<size_t>(n));
        return std::string(last_);
    }
    double real() {
        const uint64_t bits = u64();
        double d;
        std::memcpy(&d, &bits, sizeof d);
        if (!std::isfinite(d)) fail();
        return d;
    }
    // A count of things each at least `least` bytes long: no more than the answer can hold.
    size_t count(size_t least) {
        const uint64_t n = u64();
        if (!ok_ || n > rest_.size() / least) return fail(), 0;
        return static_cast<size_t>(n);
    }
    void fail() { ok_ = false; }

private:
    bool take(size_t n) {
        if (!ok_ || rest_.size() < n) return ok_ = false;
        last_ = rest_.substr(0, n);
        rest_.remove_prefix(n);
        return true;
    }
    std::string_view rest_, last_;
    bool ok_ = true;
};

// Every reference in the body (kReferenceStart, an index in decimal, kReferenceEnd) names one of
// the `objects` objects, and nothing else in it is one of those two characters.
bool references_within(const std::string& body, size_t objects) {
    for (size_t i = 0; i < body.size(); ++i) {
        if (body[i] == kReferenceEnd) return false;
        if (body[i] != kReferenceStart) continue;
        size_t index = 0, digits = 0;
        for (++i; i < body.size() && body[i] >= '0' && body[i] <= '9'; ++i, ++digits) {
            if (digits >= 12) return false;
            index = index * 10 + static_cast<size_t>(body[i] - '0');
        }
        if (digits == 0 || i == body.size() || body[i] != kReferenceEnd || index >= objects) return false;
    }
    return true;
}

}  // namespace

std::string encode_answer(const CleanPdf& pdf, const ImportedPdf& imported) {
    // Its size first: the cleaned file and the pages' objects are most of an answer, copied once.
    size_t size = sizeof kMagic + 1 + 8 + pdf.bytes.size() + 8 + 1 + 8 + 8 + 8 + imported.pages.size() * 5 * 8;
    for (const std::string& r : pdf.removed) size += 8 + r.size();
    for (const ForeignObject& o : imported.objects) size += 8 + o.body.size() + 1 + 8 + o.data.size();
    std::string out;
    out.reserve(size);
    out.append(kMagic, sizeof kMagic);
    out += static_cast<char>(kCleaned);
    put_string(out, pdf.bytes);
    put_u64(out, static_cast<uint64_t>(pdf.pages));
    out += static_cast<char>(pdf.tagged ? 1 : 0);
    put_u64(out, pdf.removed.size());
    for (const std::string& r : pdf.removed) put_string(out, r);
    put_u64(out, imported.objects.size());
    for (const ForeignObject& o : imported.objects) {
        put_string(out, o.body);
        out += static_cast<char>(o.stream ? 1 : 0);
        put_string(out, o.data);
    }
    put_u64(out, imported.pages.size());
    for (const ImportedPage& p : imported.pages) {
        put_u64(out, p.form);
        for (double d : {p.llx, p.lly, p.urx, p.ury}) put_double(out, d);
    }
    return out;
}

std::string encode_length(size_t length) {
    std::string out;
    put_u64(out, length);
    return out;
}

uint64_t decode_length(const char* bytes) {
    uint64_t v = 0;
    for (int i = 7; i >= 0; --i) v = v << 8 | static_cast<unsigned char>(bytes[i]);
    return v;
}

std::string encode_refusal(const std::string& why) {
    std::string out(kMagic, sizeof kMagic);
    out += static_cast<char>(kRefused);
    put_string(out, why);
    return out;
}

DecodedAnswer decode_answer(std::string_view answer) {
    DecodedAnswer result;
    const auto damaged = [&result](const char* what) {
        result.pdf.reset();
        result.why = what;
        return result;
    };
    if (answer.size() < sizeof kMagic + 1 || answer.substr(0, sizeof kMagic) != std::string_view(kMagic, sizeof kMagic))
        return damaged(_("it does not start as one"));
    Reader in(answer.substr(sizeof kMagic));
    const unsigned char kind = in.byte();
    if (kind == kRefused) {
        std::string why = in.string();
        if (!in.at_end() || why.empty()) return damaged(_("a refusal without a whole reason"));
        result.why = std::move(why);
        result.refused = true;
        return result;
    }
    if (kind != kCleaned) return damaged(_("it is neither a cleaned file nor a refusal"));
    CleanPdf pdf;
    pdf.bytes = in.string();
    const uint64_t pages = in.u64();
    const unsigned char tagged = in.byte();
    if (tagged > 1) in.fail();
    pdf.tagged = tagged == 1;
    for (size_t n = in.count(8); in.ok() && n > 0; --n) pdf.removed.push_back(in.string());
    auto imported = std::make_shared<ImportedPdf>();
    const size_t objects = in.count(17);
    imported->objects.reserve(objects);
    for (size_t n = objects; in.ok() && n > 0; --n) {
        ForeignObject o;
        o.body = in.string();
        const unsigned char stream = in.byte();
        o.data = in.string();
        if (stream > 1 || (stream == 0 && !o.data.empty()) || !references_within(o.body, objects)) in.fail();
        o.stream = stream == 1;
        imported->objects.push_back(std::move(o));
    }
    const size_t forms = in.count(40);
    for (size_t n = forms; in.ok() && n > 0; --n) {
        ImportedPage p;
        p.form = static_cast<size_t>(in.u64());
        p.llx = in.real();
        p.lly = in.real();
        p.urx = in.real();
        p.ury = in.real();
        if (p.form >= objects || !imported->objects[p.form].stream) in.fail();
        imported->pages.push_back(p);
    }
    if (!in.at_end()) return damaged(_("it is cut short, or longer than what it holds"));
    if (pages == 0 || pages > static_cast<uint64_t>(kMaxAttachmentPages) || forms != pages || pdf.bytes.empty())
        return damaged(_("its page count does not match its pages"));
    pdf.pages = static_cast<int>(pages);
    pdf.imported = std::move(imported);
    result.pdf = std::move(pdf);
    return result;
}

}  // namespace boardpack::attach

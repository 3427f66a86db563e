#include "render/pdf/line_memo.hpp"

#include <cstring>

namespace boardpack::render::pdf {

namespace {

void put_double(std::string& out, double v) {
    char bytes[sizeof v];
    std::memcpy(bytes, &v, sizeof v);
    out.append(bytes, sizeof v);
}

// A text with its length before it, so that no two different inputs give one key.
void put_text(std::string& out, const std::string& s) {
    const size_t n = s.size();
    char bytes[sizeof n];
    std::memcpy(bytes, &n, sizeof n);
    out.append(bytes, sizeof n);
    out += s;
}

// About what a kept entry takes: its key, the lines and their fragments' texts, and the
// hash table's node.
size_t footprint(const std::string& key, const std::vector<LaidLine>& lines) {
    size_t n = key.size() + sizeof(std::vector<LaidLine>) + 64;
    for (const LaidLine& line : lines) {
        n += sizeof(LaidLine);
        for (const Fragment& f : line.fragments) n += sizeof(Fragment) + f.text.size() + f.url.size() + f.title.size();
    }
    return n;
}

}  // namespace

std::string LineMemo::key(const std::vector<Span>& spans, double width, double size) {
    std::string k;
    size_t room = 2 * sizeof(double);
    for (const Span& s : spans) room += s.text.size() + s.url.size() + s.title.size() + 3 * sizeof(size_t) + 3 * sizeof(double) + 2;
    k.reserve(room);
    put_double(k, width);
    put_double(k, size);
    for (const Span& s : spans) {
        k += static_cast<char>(s.style);
        k += static_cast<char>(s.strike);
        put_double(k, s.color.r);
        put_double(k, s.color.g);
        put_double(k, s.color.b);
        put_text(k, s.text);
        put_text(k, s.url);
        put_text(k, s.title);
    }
    return k;
}

std::optional<std::vector<LaidLine>> LineMemo::find(const std::string& key) {
    const std::lock_guard<std::mutex> lock(mutex_);
    const auto it = lines_.find(key);
    if (it == lines_.end()) return std::nullopt;
    ++hits_;
    return it->second;
}

void LineMemo::keep(std::string key, const std::vector<LaidLine>& lines) {
    const size_t n = footprint(key, lines);
    const std::lock_guard<std::mutex> lock(mutex_);
    if (bytes_ + n > budget_) {
        lines_.clear();
        bytes_ = 0;
        if (n > budget_) return;
    }
    if (lines_.emplace(std::move(key), lines).second) bytes_ += n;
}

size_t LineMemo::hits() const {
    const std::lock_guard<std::mutex> lock(mutex_);
    return hits_;
}

size_t LineMemo::bytes() const {
    const std::lock_guard<std::mutex> lock(mutex_);
    return bytes_;
}

}  // namespace boardpack::render::pdf

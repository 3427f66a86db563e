#include "model/confidential_mentions.hpp"

#include <algorithm>
#include <array>
#include <bitset>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <string>
#include <vector>

#include "core/messages.hpp"
#include "core/text.hpp"
#include "model/text_fields.hpp"

namespace boardpack::model {

namespace {

// A string of a confidential item that its public neighbours should not write.
struct Secret {
    std::string folded;  // as fold_label gives it
    std::string shown;   // as written, for the message
    const char* what;    // what it is, in words (translated)
    const AgendaItem* item;
};

bool distinctive_title(const std::string& folded) {
    size_t words = 1;
    for (char ch : folded) words += ch == ' ' ? 1 : 0;
    return words >= 3 && folded.size() >= 20;
}

// A byte of a word: a letter, a digit, or part of a letter beyond ASCII.
constexpr bool word_byte(unsigned char b) { return b >= 0x80 || (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z'); }

constexpr unsigned char lower_ascii(unsigned char b) { return b >= 'A' && b <= 'Z' ? static_cast<unsigned char>(b + 32) : b; }

// The second byte of a Latin-1 letter in UTF-8 (after 0xC3) in upper case, where fold_label
// lowers it (U+00E0-U+00FE from U+00C0-U+00DE); other bytes as they are.
unsigned char raised_latin1(unsigned char b, bool after_c3) {
    return after_c3 && b >= 0xA0 && b <= 0xBE && b != 0xB7 ? static_cast<unsigned char>(b - 32) : b;
}

// The three-byte starts a secret may have in a text as written (its ASCII lowered as it is
// scanned; a Danish capital either way), hashed into a bitmap, so that a text none of them
// starts in is passed over without folding it or searching it for each secret: a meeting's
// thousands of public fields, each searched for every confidential item's strings, made the
// check grow with the square of the meeting and cost 10 M instructions in the example.
class Starts {
public:
    void add(const std::string& folded) {
        if (folded.size() < 3) return;
        unsigned char v[3][2];
        for (size_t i = 0; i < 3; ++i) {
            const auto b = static_cast<unsigned char>(folded[i]);
            v[i][0] = b;
            v[i][1] = raised_latin1(b, i > 0 && static_cast<unsigned char>(folded[i - 1]) == 0xC3);
        }
        for (int m = 0; m < 8; ++m) bits_.set(key(v[0][m & 1], v[1][(m >> 1) & 1], v[2][(m >> 2) & 1]));
        // The bytes as written that any_in lowers to a first byte: it, and an ASCII letter's capital.
        for (const unsigned char f : {v[0][0], v[0][1]}) {
            if (lower_ascii(f) == f) first_[f] = true;
            if (f >= 'a' && f <= 'z') first_[f - 32] = true;
        }
    }
    // Looked for where a word starts (after a byte that is no letter, digit or part of a letter):
    // a case number, a document id or a title is written as words of its own. Word to word, each
    // word's bytes passed over by a table: every public text of the meeting is scanned (some
    // 90.000 bytes in the example), byte by byte tested for being a word's at 16 instructions.
    bool any_in(const std::string& text) const {
        const auto* t = reinterpret_cast<const unsigned char*>(text.data());
        const size_t n = text.size();
        for (size_t i = 0; i + 2 < n; ++i) {  // i is where a word starts, or a byte that is none
            const unsigned char b = t[i];
            if (first_[b] && bits_.test(key(lower_ascii(b), lower_ascii(t[i + 1]), lower_ascii(t[i + 2])))) return true;
            // The string's closing '\0', no word byte, ends this at the latest.
            while (kWordByte[t[i]]) ++i;
        }
        return false;
    }

private:
    static size_t key(unsigned a, unsigned b, unsigned c) { return (a * 0x9E37u ^ b * 0x85EBu ^ c * 0xC2B3u) & 0xFFFFu; }
    static constexpr auto kWordByte = [] {
        std::array<bool, 256> is{};
        for (unsigned b = 0; b < 256; ++b) is[b] = word_byte(static_cast<unsigned char>(b));
        return is;
    }();
    std::bitset<65536> bits_;
    bool first_[256] = {};  // the first bytes of those starts, as written (either case of ASCII)
};

// A text's first three bytes, as one number.
uint32_t start_of(std::string_view s, size_t at) {
    return static_cast<uint32_t>(static_cast<unsigned char>(s[at])) << 16 |
           static_cast<uint32_t>(static_cast<unsigned char>(s[at + 1])) << 8 | static_cast<unsigned char>(s[at + 2]);
}

}  // namespace

void warn_confidential_mentions(const Meeting& meeting, Diagnostics& diags) {
    std::vector<Secret> secrets;
    std::unordered_map<std::string, size_t> seen;  // a string two items share is one secret (the first item's)
    std::unordered_multimap<uint32_t, size_t> by_start;  // secrets by their first three bytes
    Starts starts;
    size_t shortest = std::string::npos;
    const auto add = [&](const std::string& text, const char* what, const AgendaItem& item, bool title) {
        std::string folded = fold_label(text);
        if (folded.size() < 6 || (title && !distinctive_title(folded)) || !seen.emplace(folded, secrets.size()).second) return;
        starts.add(folded);
        shortest = std::min(shortest, folded.size());
        by_start.emplace(start_of(folded, 0), secrets.size());
        secrets.push_back({std::move(folded), text, what, &item});
    };
    for (const AgendaItem& item : meeting.items) {
        if (!is_confidential(item.status)) continue;
        add(item.case_number, N_("the case number"), item, false);
        add(item.title, N_("the title"), item, true);
        for (const Attachment& a : item.attachments) {
            add(a.document_id, N_("an attachment's document id"), item, false);
            add(a.title, N_("an attachment's title"), item, true);
        }
    }
    if (secrets.empty()) return;
    std::string folded;
    std::vector<size_t> found;
    const auto look = [&](const std::string& text, const SourceLoc& where) {
        // Folding never lengthens valid UTF-8, which the model's texts are (it lowers letters and
        // joins spaces), so a shorter text cannot hold a secret.
        if (text.size() < shortest || !starts.any_in(text)) return;
        folded.resize(text.size() * kFoldGrowth);
        folded.resize(fold_label_into(text, folded.data()));
        // Each word start looked up among the secrets that start so: linear in the text, however
        // many confidential items the meeting has.
        found.clear();
        for (size_t i = 0; i + shortest <= folded.size(); ++i) {
            if (i > 0 && word_byte(static_cast<unsigned char>(folded[i - 1]))) continue;
            const auto [from, to] = by_start.equal_range(start_of(folded, i));
            for (auto it = from; it != to; ++it)
                if (folded.compare(i, secrets[it->second].folded.size(), secrets[it->second].folded) == 0 &&
                    std::find(found.begin(), found.end(), it->second) == found.end())
                    found.push_back(it->second);
        }
        std::sort(found.begin(), found.end());  // in the order the items come
        for (const size_t k : found) {
            const Secret& s = secrets[k];
            diags.warning(where, fmt(_("this public text writes {} of the confidential item {}, {}: the public edition "
                                       "prints it as written here; leave it out if it is not meant to be public"),
                                     tr(s.what), s.item->number, quote_text(s.shown)));
        }
    };
    for_each_meeting_text(meeting, look);
    for (const AgendaItem& item : meeting.items)
        if (!is_confidential(item.status)) {
            for_each_text(item, look);
            // A link's address is in the public files too ("https://sager.example/EMN-2099-91827").
            for_each_link_address(item, look);
        }
}

}  // namespace boardpack::model

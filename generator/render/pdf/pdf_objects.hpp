// Small helpers over libharu's low-level object API (hpdf_objects.h), shared by the files that
// build tagged-PDF and PDF/A objects libharu has no calls for.
#pragma once

#include <hpdf.h>
#include <hpdf_objects.h>

#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

// Stops the enclosing function at the first failed libharu call, returning its status;
// libharu has recorded the error.
#define BP_TRY(call)                                          \
    do {                                                      \
        const HPDF_STATUS bp_status_ = (call);                \
        if (bp_status_ != HPDF_OK) return bp_status_;         \
    } while (0)

namespace boardpack::render::pdf {

// The status of a libharu call that returned no object: the error it recorded, else (none
// recorded) out of memory.
inline HPDF_STATUS fail(HPDF_Doc pdf) {
    return pdf->error.error_no != HPDF_OK ? pdf->error.error_no : HPDF_FAILD_TO_ALLOC_MEM;
}

// An integer in decimal, appended (a PDF body's numbers: object numbers, keys, MCIDs).
inline void append_integer(std::string& out, long long n) {
    char buf[24];
    const auto end = std::to_chars(buf, buf + sizeof buf, n).ptr;
    out.append(buf, static_cast<size_t>(end - buf));
}

// The digits of 0 to 99, two by two.
inline constexpr auto kDigitPairs = [] {
    std::array<char, 200> pairs{};
    for (size_t i = 0; i < 100; ++i) {
        pairs[2 * i] = static_cast<char>('0' + i / 10);
        pairs[2 * i + 1] = static_cast<char>('0' + i % 10);
    }
    return pairs;
}();

// Writes `n`'s digits to end just before `end`, two a step; returns where they begin.
inline char* put_digits_before(char* end, uint64_t n) {
    for (; n >= 100; n /= 100) {
        end -= 2;
        std::memcpy(end, kDigitPairs.data() + 2 * (n % 100), 2);
    }
    if (n >= 10) {
        end -= 2;
        std::memcpy(end, kDigitPairs.data() + 2 * n, 2);
    } else {
        *--end = static_cast<char>('0' + n);
    }
    return end;
}

// Appends to a string through a pointer, for the object bodies written by the thousand (a
// structure element's, some 850 instructions appended piece by piece, a quarter of that so):
// room for `most` bytes is made first, and what was not written is cut off at the end. The
// writer's pieces must fit in `most`.
class RawAppend {
public:
    RawAppend(std::string& out, size_t most) : out_(out) {
        const size_t at = out.size();
        out.resize(at + most);
        p_ = out.data() + at;
    }
    ~RawAppend() { out_.resize(static_cast<size_t>(p_ - out_.data())); }
    RawAppend(const RawAppend&) = delete;
    RawAppend& operator=(const RawAppend&) = delete;

    template <size_t N>
    void lit(const char (&s)[N]) {
        std::memcpy(p_, s, N - 1);
        p_ += N - 1;
    }
    void str(std::string_view s) {
        std::memcpy(p_, s.data(), s.size());
        p_ += s.size();
    }
    void put(char c) { *p_++ = c; }
    // Counted, then written in place: inline where std::to_chars, used in many places of a file,
    // is a call to its helper (a number or two for each of some 7.000 elements).
    void integer(uint64_t n) {
        size_t digits = 1;
        for (uint64_t rest = n; rest >= 10; rest /= 10) ++digits;
        p_ += digits;
        put_digits_before(p_, n);
    }
    // "12 0 R" for object number 12.
    void reference(uint64_t number) {
        integer(number);
        lit(" 0 R");
    }
    // The most integer() and reference() write.
    static constexpr size_t kInteger = 20, kReference = kInteger + 4;

private:
    std::string& out_;
    char* p_;
};

// An indirect object's number, as libharu keeps it (in the low 24 bits).
inline uint64_t object_number(const void* object) {
    return static_cast<const HPDF_Obj_Header*>(object)->obj_id & 0x00FFFFFF;
}

// A PDF text string in UTF-16BE with its byte-order mark (any Unicode), written as <hex>.
HPDF_Binary text_string(HPDF_MMgr mmgr, std::string_view utf8);

// A new dictionary registered as an indirect object (so any number of others can refer to it).
HPDF_Dict indirect_dict(HPDF_Doc pdf);

// Data for a stream object, which libharu writes as it is when it saves the document: its own
// memory stream copies what is written into it, and out of it again, a byte at a time (some
// 10 M instructions of the example's pages). A borrowed stream reads `bytes` when the document
// is saved, so they must outlive that; a copied one holds a copy, freed with the document.
// nullptr if libharu cannot allocate it (it has recorded the error).
HPDF_Stream borrowed_stream(HPDF_MMgr mmgr, std::string_view bytes);
HPDF_Stream copied_stream(HPDF_MMgr mmgr, std::string_view bytes);

// Makes `data` the stream of `dict` (a stream dictionary whose own stream is still empty, which
// is freed), written as it is; `flate` says the data is already FlateDecode-compressed, which
// the dictionary then says (libharu drops a /Filter entry from a stream it does not compress
// itself, so a write hook writes it). Takes `data` in any case.
HPDF_STATUS set_stream_data(HPDF_Dict dict, HPDF_Stream data, bool flate);

// Whether the dictionary has the key (HPDF_Dict_GetItem would record an error for an entry of
// another type than asked for).
bool has_key(HPDF_Dict dict, const char* key);

}  // namespace boardpack::render::pdf

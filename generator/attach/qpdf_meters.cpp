// The decoded-size meters of a PDF attachment (qpdf_meters.hpp), run before qpdf reads what they
// measure.
#include "attach/qpdf_meters.hpp"

#include "attach/pdf_attachment.hpp"
#include "core/messages.hpp"

#include <libdeflate.h>

#include <algorithm>
#include <memory>
#include <set>
#include <vector>

#include <qpdf/Buffer.hh>
#include <qpdf/BufferInputSource.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFTokenizer.hh>

namespace boardpack::attach {

namespace {

// More cross-reference sections than any file has (each incremental update adds one): past it a
// file is refused rather than followed further.
constexpr size_t kMaxXrefSections = 1000;

// The offsets "startxref" gives in the file's last 1.054 bytes, where qpdf looks (it takes the
// last; all are taken here). Offsets count from the "%PDF-" header, as qpdf counts them.
std::vector<size_t> start_offsets(const std::string& bytes, size_t header) {
    std::vector<size_t> out;
    const std::string_view text(bytes);
    for (size_t at = text.size() > 1054 ? text.size() - 1054 : 0; (at = text.find("startxref", at)) != text.npos;) {
        at += 9;
        size_t p = at;
        while (p < text.size() && (text[p] == ' ' || text[p] == '\r' || text[p] == '\n' || text[p] == '\t')) ++p;
        size_t value = 0;
        bool digits = false;
        while (p < text.size() && text[p] >= '0' && text[p] <= '9' && value < text.size()) {
            value = value * 10 + static_cast<size_t>(text[p++] - '0');
            digits = true;
        }
        if (digits && value < text.size() - header) out.push_back(header + value);
    }
    return out;
}

// An integer offset under `key` of a section's dictionary, pushed to follow.
void follow(QPDFObjectHandle dict, const char* key, size_t header, size_t size, std::vector<size_t>& todo) {
    QPDFObjectHandle value = dict.getKey(key);
    if (!value.isInteger() || value.getIntValue() < 0) return;
    const auto offset = static_cast<unsigned long long>(value.getIntValue());
    if (offset < size - header) todo.push_back(header + static_cast<size_t>(offset));
}

}  // namespace

bool xref_streams_within(const std::string& bytes, size_t limit, std::string* why) {
    const size_t header = std::string_view(bytes).substr(0, 1024).find("%PDF-");
    if (header == std::string::npos) return true;  // qpdf refuses it
    // A view of the bytes for qpdf's tokenizer and parser (Buffer does not copy or free them),
    // and an empty document for the parser to make references in: none is followed here.
    Buffer view(reinterpret_cast<unsigned char*>(const_cast<char*>(bytes.data())), bytes.size());
    auto input = std::make_shared<BufferInputSource>("attachment", &view);
    QPDF scratch;
    scratch.setSuppressWarnings(true);
    scratch.emptyPDF();

    std::vector<size_t> todo = start_offsets(bytes, header);
    std::set<size_t> seen;
    size_t all = 0;
    while (!todo.empty()) {
        const size_t at = todo.back();
        todo.pop_back();
        if (!seen.insert(at).second) continue;
        if (seen.size() > kMaxXrefSections) {
            *why = fmt(_("it has more than {} cross-reference sections"), kMaxXrefSections);
            return false;
        }
        try {
            QPDFTokenizer tokenizer;
            tokenizer.allowEOF();
            input->seek(static_cast<qpdf_offset_t>(at), SEEK_SET);
            const QPDFTokenizer::Token first = tokenizer.readToken(input, "attachment", true);
            bool empty = false;
            if (first.getType() == QPDFTokenizer::tt_word && first.getValue() == "xref") {
                // A table: its trailer may lead to a stream (/XRefStm) and to the section before.
                const size_t trailer = bytes.find("trailer", at);
                if (trailer == std::string::npos) continue;
                input->seek(static_cast<qpdf_offset_t>(trailer + 7), SEEK_SET);
                QPDFObjectHandle dict = QPDFObjectHandle::parse(input, "attachment", tokenizer, empty, nullptr, &scratch);
                if (!dict.isDictionary()) continue;
                follow(dict, "/XRefStm", header, bytes.size(), todo);
                follow(dict, "/Prev", header, bytes.size(), todo);
                continue;
            }
            // A stream: "N G obj", its dictionary, "stream", an end of line, the data.
            const QPDFTokenizer::Token generation = tokenizer.readToken(input, "attachment", true);
            const QPDFTokenizer::Token obj = tokenizer.readToken(input, "attachment", true);
            if (first.getType() != QPDFTokenizer::tt_integer || generation.getType() != QPDFTokenizer::tt_integer ||
                obj.getType() != QPDFTokenizer::tt_word || obj.getValue() != "obj")
                continue;
            QPDFObjectHandle dict = QPDFObjectHandle::parse(input, "attachment", tokenizer, empty, nullptr, &scratch);
            if (!dict.isDictionary()) continue;
            follow(dict, "/Prev", header, bytes.size(), todo);
            const QPDFTokenizer::Token keyword = tokenizer.readToken(input, "attachment", true);
            if (keyword.getType() != QPDFTokenizer::tt_word || keyword.getValue() != "stream") continue;
            // The end of line after "stream" as qpdf skips it: spaces, then "\n", "\r\n" or "\r".
            auto p = static_cast<size_t>(input->tell());
            while (p < bytes.size() && (bytes[p] == ' ' || bytes[p] == '\t' || bytes[p] == '\f')) ++p;
            if (p < bytes.size() && bytes[p] == '\r') ++p;
            if (p < bytes.size() && bytes[p] == '\n') ++p;
            // The data qpdf takes: /Length bytes; with no direct /Length (qpdf refuses the file
            // then, having no table yet to find it in) all that follows, which decodes to at least
            // as much.
            size_t length = bytes.size() - p;
            QPDFObjectHandle declared = dict.getKey("/Length");
            if (declared.isInteger() && declared.getIntValue() >= 0 &&
                static_cast<unsigned long long>(declared.getIntValue()) < length)
                length = static_cast<size_t>(declared.getIntValue());
            QPDFObjectHandle stream = QPDFObjectHandle::newStream(&scratch);
            stream.replaceStreamData(bytes.substr(p, length), dict.getKey("/Filter"), dict.getKey("/DecodeParms"));
            ContentMeter meter(limit - all);
            try {
                stream.pipeStreamData(&meter, 0, qpdf_dl_specialized, true);
            } catch (const std::length_error&) {
                meter.over = true;
            } catch (const std::exception&) {
                // Cannot be decoded: qpdf cannot either, and refuses the file as damaged.
            }
            if (meter.over) {
                *why = fmt(_("its cross-reference streams decode to more than {} MiB; the limit is {} MiB"),
                           limit >> 20, limit >> 20);
                return false;
            }
            all += meter.size();
        } catch (const std::exception&) {
            continue;  // not a section qpdf can read either
        }
    }
    return true;
}

FlateContents::FlateContents() : d_(libdeflate_alloc_decompressor()) {}

FlateContents::~FlateContents() { libdeflate_free_decompressor(d_); }

std::optional<std::string> FlateContents::of(QPDFObjectHandle page, size_t* decoded) {
    QPDFObjectHandle contents = page.getKey("/Contents");
    if (contents.isArray() && contents.getArrayNItems() == 1) contents = contents.getArrayItem(0);
    if (!contents.isStream() || d_ == nullptr) return std::nullopt;
    QPDFObjectHandle dict = contents.getDict();
    QPDFObjectHandle filter = dict.getKey("/Filter");
    if (filter.isArray() && filter.getArrayNItems() == 1) filter = filter.getArrayItem(0);
    QPDFObjectHandle parms = dict.getKey("/DecodeParms");
    if (parms.isArray() && parms.getArrayNItems() == 1) parms = parms.getArrayItem(0);
    const bool no_parms = parms.isNull() || (parms.isDictionary() && parms.getKeys().empty());
    if (!filter.isName() || filter.getName() != "/FlateDecode" || !no_parms) return std::nullopt;
    const std::shared_ptr<Buffer> raw = contents.getRawStreamData();
    std::string bytes(reinterpret_cast<const char*>(raw->getBuffer()), raw->getSize());
    size_t size = 0;
    const auto known = whole_.find(contents.getObjGen());
    if (known != whole_.end() && known->second.first == bytes) {
        size = known->second.second;
    } else {
        if (!whole_zlib(bytes, &size)) return std::nullopt;
        whole_[contents.getObjGen()] = {bytes, size};
    }
    if (decoded != nullptr) *decoded = size;
    return bytes;
}

// Whether the bytes are one complete zlib stream and nothing after it, decoding to at most the
// page content limit.
bool FlateContents::whole_zlib(const std::string& bytes, size_t* decoded) {
    size_t room = std::max<size_t>(4 * bytes.size(), 64 * 1024);
    for (;;) {
        room = std::min(room, kMaxPageContentBytes);
        scratch_.resize(room);
        size_t in = 0, out = 0;
        const libdeflate_result r =
            libdeflate_zlib_decompress_ex(d_, bytes.data(), bytes.size(), scratch_.data(), room, &in, &out);
        if (r == LIBDEFLATE_SUCCESS) {
            *decoded = out;
            return in == bytes.size();
        }
        if (r != LIBDEFLATE_INSUFFICIENT_SPACE || room == kMaxPageContentBytes) return false;
        room *= 2;
    }
}

FlateContents::Flate FlateContents::decode(QPDFObjectHandle stream, size_t* decoded) {
    if (d_ == nullptr || !stream.isStream()) return Flate::qpdf;
    QPDFObjectHandle dict = stream.getDict();
    QPDFObjectHandle filter = dict.getKey("/Filter");
    if (filter.isArray() && filter.getArrayNItems() == 1) filter = filter.getArrayItem(0);
    QPDFObjectHandle parms = dict.getKey("/DecodeParms");
    if (parms.isArray() && parms.getArrayNItems() == 1) parms = parms.getArrayItem(0);
    const bool no_parms = parms.isNull() || (parms.isDictionary() && parms.getKeys().empty());
    if (!filter.isName() || filter.getName() != "/FlateDecode" || !no_parms) return Flate::qpdf;
    const std::shared_ptr<Buffer> raw = stream.getRawStreamData();
    const auto* data = reinterpret_cast<const char*>(raw->getBuffer());
    const size_t size = raw->getSize();
    // A zlib header: deflate, its check bits right.
    if (size < 2 || (static_cast<unsigned char>(data[0]) & 0x0F) != 8 ||
        ((static_cast<unsigned>(static_cast<unsigned char>(data[0])) << 8) | static_cast<unsigned char>(data[1])) % 31 != 0)
        return Flate::qpdf;
    for (size_t room = std::max<size_t>(4 * size, 64 * 1024);; room *= 2) {
        room = std::min(room, kMaxPageContentBytes);
        scratch_.resize(room);
        size_t in = 0, out = 0;
        // Checked to its Adler-32 sum: data cut off and followed by other bytes can decode as a
        // stream that ends, and the sum, or where that end is, tells.
        const libdeflate_result r = libdeflate_zlib_decompress_ex(d_, data, size, scratch_.data(), room, &in, &out);
        if (r == LIBDEFLATE_SUCCESS) {
            *decoded = out;
            return Flate::decoded;
        }
        if (r == LIBDEFLATE_BAD_DATA) {
            // A wrong sum alone (some writers get it wrong; qpdf and viewers forgive it): the deflate
            // data ends where the sum stands, at most a line end after it.
            const libdeflate_result raw_r =
                libdeflate_deflate_decompress_ex(d_, data + 2, size - 2, scratch_.data(), room, &in, &out);
            if (raw_r == LIBDEFLATE_SUCCESS && size - 2 - in <= 6) {
                *decoded = out;
                return Flate::decoded;
            }
            if (raw_r != LIBDEFLATE_INSUFFICIENT_SPACE) return Flate::damaged;
        }
        if (room == kMaxPageContentBytes) return Flate::qpdf;  // the meter stops qpdf's decoding
    }
}

bool object_streams_within(QPDF& pdf, size_t limit, std::string* why) {
    std::set<int> streams;
    for (const auto& [og, entry] : pdf.getXRefTable())
        if (entry.getType() == 2) streams.insert(entry.getObjStreamNumber());
    size_t all = 0;
    for (int number : streams) {
        QPDFObjectHandle stream = pdf.getObjectByID(number, 0);
        if (!stream.isStream()) continue;  // qpdf says so itself, as a damaged file
        ContentMeter meter(limit - all);
        bool decoded = false;
        try {
            decoded = stream.pipeStreamData(&meter, 0, qpdf_dl_generalized);
        } catch (const std::length_error&) {
            meter.over = true;
        }
        if (meter.over) {
            *why = fmt(_("its object streams decode to more than {} MiB; the limit is {} MiB"), limit >> 20, limit >> 20);
            return false;
        }
        if (!decoded) {
            *why = _("the file is damaged: one of its object streams cannot be decoded");
            return false;
        }
        all += meter.size();
    }
    return true;
}

}  // namespace boardpack::attach

#include "render/pdf/document_save.hpp"

#include <hpdf_doc.h>
#include <hpdf_error.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <charconv>
#include <cstring>
#include <string>

#include "render/pdf/lent_objects.hpp"
#include "render/pdf/pdf_objects.hpp"

namespace boardpack::render::pdf {

namespace {

// Written to the stream when the buffer holds this much: as much as SaveSink's buffer, so that
// a full one goes to the file as it is, not copied into the sink's first (most of a PDF's
// objects: 0,6 M instructions of the example's four).
constexpr size_t kFlushBytes = 64 * 1024;

// The file's first line and its binary comment, as libharu writes them for each version.
const char* header_of(HPDF_PDFVer version) {
    static const char* const kHeaders[] = {"%PDF-1.2\n%\267\276\255\252\n", "%PDF-1.3\n%\267\276\255\252\n",
                                           "%PDF-1.4\n%\267\276\255\252\n", "%PDF-1.5\n%\267\276\255\252\n",
                                           "%PDF-1.6\n%\267\276\255\252\n", "%PDF-1.7\n%\267\276\255\252\n"};
    const auto v = static_cast<size_t>(version);
    return v < std::size(kHeaders) ? kHeaders[v] : nullptr;
}

// `n`'s digits ending just before `end`, over zeros already there (a cross-reference line's
// fields): an offset has some six digits of its ten, a generation none of its five.
void put_digits(char* end, unsigned long n) {
    if (n > 0) put_digits_before(end, n);
}

// "12 0 obj\n", and with `dict` the "<<\n" that opens a dictionary, made in place and appended
// at once.
void append_object_line(std::string& out, size_t number, unsigned generation, bool dict) {
    char line[56];
    char* end = std::to_chars(line, line + 20, number).ptr;
    *end++ = ' ';
    end = std::to_chars(end, end + 20, generation).ptr;
    std::memcpy(end, " obj\n<<\n", 8);
    out.append(line, static_cast<size_t>(end + (dict ? 8 : 5) - line));
}

// The stream and the bytes not yet given to it: an offset in the file is the stream's size and
// the buffer's.
class Output {
public:
    explicit Output(HPDF_Stream stream) : stream_(stream) { buffer_.reserve(kFlushBytes + 4096); }

    std::string& buffer() { return buffer_; }
    HPDF_Stream stream() { return stream_; }
    unsigned long offset() const { return stream_->size + buffer_.size(); }

    HPDF_STATUS flush() {
        if (buffer_.empty()) return HPDF_OK;
        const HPDF_STATUS status =
            HPDF_Stream_Write(stream_, reinterpret_cast<const HPDF_BYTE*>(buffer_.data()), static_cast<HPDF_UINT>(buffer_.size()));
        buffer_.clear();
        return status;
    }
    HPDF_STATUS flush_if_full() { return buffer_.size() >= kFlushBytes ? flush() : HPDF_OK; }

private:
    HPDF_Stream stream_;
    std::string buffer_;
};

// Each object of the table, as HPDF_Xref_WriteToStream writes them: "12 0 obj", the value,
// "endobj"; the byte offset of each noted in its entry.
HPDF_STATUS write_objects(HPDF_Xref xref, Output& out) {
    std::string& b = out.buffer();
    for (HPDF_UINT i = xref->start_offset == 0 ? 1 : 0; i < xref->entries->count; ++i) {
        auto* entry = static_cast<HPDF_XrefEntry>(xref->entries->obj[i]);
        const size_t number = xref->start_offset + i;
        entry->byte_offset = static_cast<HPDF_UINT32>(out.offset());
        // A lent object's framing goes with the lines around it, not appended piece by piece
        // (some 8.500 objects in the example's four PDFs).
        if (const LentObjects* lent = LentObjects::of(entry->obj)) {
            append_object_line(b, number, entry->gen_no, true);
            lent->append_body(number, b);
            if (lent->has_tail()) {
                b += ">>";
                BP_TRY(out.flush());
                BP_TRY(lent->write_tail(number, out.stream()));
                b += "\nendobj\n";
            } else {
                b += ">>\nendobj\n";
            }
        } else {
            append_object_line(b, number, entry->gen_no, false);
            BP_TRY(out.flush());
            BP_TRY(HPDF_Obj_WriteValue(entry->obj, out.stream(), nullptr));
            b += "\nendobj\n";
        }
        BP_TRY(out.flush_if_full());
    }
    return HPDF_OK;
}

// The cross-reference table (one section) and the trailer, as libharu's WriteTrailer writes it.
HPDF_STATUS write_table_and_trailer(HPDF_Xref xref, Output& out) {
    std::string& b = out.buffer();
    xref->addr = static_cast<HPDF_UINT32>(out.offset());
    b += "xref\n";
    append_integer(b, xref->start_offset);
    b += ' ';
    append_integer(b, xref->entries->count);
    b += '\n';
    for (HPDF_UINT i = 0; i < xref->entries->count; ++i) {
        const auto* entry = static_cast<const HPDF_XrefEntry_Rec*>(xref->entries->obj[i]);
        // "0000012345 00000 n\r\n": Acrobat wants both line ends, as libharu says.
        char line[21] = "0000000000 00000 n\r\n";
        put_digits(line + 10, entry->byte_offset);
        put_digits(line + 16, entry->gen_no);
        line[17] = entry->entry_typ;
        b.append(line, 20);
        BP_TRY(out.flush_if_full());
    }
    BP_TRY(HPDF_Dict_AddNumber(xref->trailer, "Size", static_cast<HPDF_INT32>(xref->entries->count + xref->start_offset)));
    b += "trailer\n";
    BP_TRY(out.flush());
    BP_TRY(HPDF_Dict_Write(xref->trailer, out.stream(), nullptr));
    b += "\nstartxref\n";
    append_integer(b, xref->addr);
    b += "\n%%EOF\n";
    return out.flush();
}

HPDF_STATUS write_document(HPDF_Doc pdf, Output& out) {
    const char* header = header_of(pdf->pdf_version);
    if (!header || pdf->encrypt_on || pdf->xref->prev) return HPDF_SetError(&pdf->error, HPDF_INVALID_DOCUMENT, 0);
    out.buffer() += header;
    // The trailer's entries HPDF_SaveToStream adds before it writes (a document without
    // information is refused there too).
    BP_TRY(HPDF_Dict_Add(pdf->trailer, "Root", pdf->catalog));
    BP_TRY(HPDF_Dict_Add(pdf->trailer, "Info", pdf->info));
    BP_TRY(write_objects(pdf->xref, out));
    return write_table_and_trailer(pdf->xref, out);
}

}  // namespace

HPDF_STATUS save_document(HPDF_Doc pdf, HPDF_Stream stream) {
    if (!HPDF_HasDoc(pdf)) return HPDF_INVALID_DOCUMENT;
    Output out(stream);
    if (write_document(pdf, out) != HPDF_OK) return HPDF_CheckError(&pdf->error);
    return HPDF_OK;
}

}  // namespace boardpack::render::pdf

#include "render/pdf/spooled_streams.hpp"

#include <hpdf_streams.h>

#include "render/pdf/pdf_objects.hpp"

namespace boardpack::render::pdf {

HPDF_STATUS SpooledStreams::lend(HPDF_Doc pdf, size_t count) {
    data_.assign(count, Data{});
    return objects_.lend(
        pdf, count,
        [this](size_t n, std::string& out) {
            out += "/Length ";
            append_integer(out, data_[n].piece.size);
            out += '\n';
            if (data_[n].flate) out += "/Filter /FlateDecode\n";
        },
        [this](size_t n, HPDF_Stream stream) {
            // As HPDF_Dict_Write writes a stream (Acrobat wants the \r\n after "stream").
            HPDF_STATUS status = HPDF_Stream_WriteStr(stream, "\nstream\r\n");
            if (status == HPDF_OK) status = spool_.write_to(data_[n].piece, stream);
            if (status == HPDF_OK) status = HPDF_Stream_WriteStr(stream, "\nendstream");
            return status;
        });
}

}  // namespace boardpack::render::pdf

#include "render/pdf/pdf_objects.hpp"

#include <hpdf_list.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <cstring>
#include <string>

#include "render/pdf/text_string.hpp"

namespace boardpack::render::pdf {

HPDF_Binary text_string(HPDF_MMgr mmgr, std::string_view utf8) {
    std::string bytes = pdf_text_string(utf8);
    return HPDF_Binary_New(mmgr, reinterpret_cast<HPDF_BYTE*>(bytes.data()), static_cast<HPDF_UINT>(bytes.size()));
}

HPDF_Dict indirect_dict(HPDF_Doc pdf) {
    HPDF_Dict d = HPDF_Dict_New(pdf->mmgr);
    if (d && HPDF_Xref_Add(pdf->xref, d) != HPDF_OK) return nullptr;  // libharu freed it
    return d;
}

namespace {

// A stream's data and how far libharu has read it; a copied stream's bytes follow it.
struct StreamData {
    const char* bytes;
    HPDF_UINT size;
    HPDF_UINT read;
};

StreamData& data_of(HPDF_Stream stream) { return *static_cast<StreamData*>(stream->attr); }

HPDF_STATUS read_data(HPDF_Stream stream, HPDF_BYTE* buf, HPDF_UINT* size) {
    StreamData& d = data_of(stream);
    const HPDF_UINT n = std::min(*size, d.size - d.read);
    std::memcpy(buf, d.bytes + d.read, n);
    d.read += n;
    const bool short_read = n < *size;
    *size = n;
    return short_read ? HPDF_STREAM_EOF : HPDF_OK;
}

HPDF_STATUS seek_data(HPDF_Stream stream, HPDF_INT pos, HPDF_WhenceMode mode) {
    StreamData& d = data_of(stream);
    const long long base = mode == HPDF_SEEK_SET ? 0 : mode == HPDF_SEEK_CUR ? d.read : d.size;
    const long long to = base + pos;
    if (to < 0 || to > static_cast<long long>(d.size)) return HPDF_SetError(stream->error, HPDF_INVALID_PARAMETER, 0);
    d.read = static_cast<HPDF_UINT>(to);
    return HPDF_OK;
}

HPDF_INT32 tell_data(HPDF_Stream stream) { return static_cast<HPDF_INT32>(data_of(stream).read); }

HPDF_UINT32 size_of_data(HPDF_Stream stream) { return data_of(stream).size; }

void free_data(HPDF_Stream stream) { HPDF_FreeMem(stream->mmgr, stream->attr); }

HPDF_Stream data_stream(HPDF_MMgr mmgr, std::string_view bytes, bool copy) {
    auto* d = static_cast<StreamData*>(HPDF_GetMem(mmgr, static_cast<HPDF_UINT>(sizeof(StreamData) + (copy ? bytes.size() : 0))));
    if (!d) return nullptr;
    d->size = static_cast<HPDF_UINT>(bytes.size());
    d->read = 0;
    if (copy) {
        char* own = reinterpret_cast<char*>(d + 1);
        if (!bytes.empty()) std::memcpy(own, bytes.data(), bytes.size());
        d->bytes = own;
    } else {
        d->bytes = bytes.data();
    }
    HPDF_Stream s = HPDF_CallbackReader_New(mmgr, read_data, seek_data, tell_data, size_of_data, d);
    if (!s) {
        HPDF_FreeMem(mmgr, d);
        return nullptr;
    }
    s->free_fn = free_data;
    return s;
}

HPDF_STATUS write_flate_filter(HPDF_Dict, HPDF_Stream stream) { return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012"); }

}  // namespace

HPDF_Stream borrowed_stream(HPDF_MMgr mmgr, std::string_view bytes) { return data_stream(mmgr, bytes, false); }

HPDF_Stream copied_stream(HPDF_MMgr mmgr, std::string_view bytes) { return data_stream(mmgr, bytes, true); }

HPDF_STATUS set_stream_data(HPDF_Dict dict, HPDF_Stream data, bool flate) {
    if (!data) return dict->error->error_no != HPDF_OK ? dict->error->error_no : HPDF_FAILD_TO_ALLOC_MEM;
    if (!dict->stream || HPDF_Stream_Size(dict->stream) != 0 || (flate && dict->write_fn)) {
        HPDF_Stream_Free(data);
        return HPDF_SetError(dict->error, HPDF_INVALID_OBJECT, 0);
    }
    HPDF_Stream_Free(dict->stream);
    dict->stream = data;
    dict->filter = HPDF_STREAM_FILTER_NONE;
    if (flate) dict->write_fn = write_flate_filter;
    return HPDF_OK;
}

bool has_key(HPDF_Dict dict, const char* key) {
    for (HPDF_UINT i = 0; i < dict->list->count; ++i) {
        const auto* element = static_cast<HPDF_DictElement>(HPDF_List_ItemAt(dict->list, i));
        if (std::strcmp(element->key, key) == 0) return true;
    }
    return false;
}

}  // namespace boardpack::render::pdf

#include "render/pdf/haru_errors.hpp"
#include "core/messages.hpp"

#include <hpdf_consts.h>
#include <hpdf_error.h>

#include <cstdio>

namespace boardpack::render::pdf {

static_assert(kMaxPdfPages == HPDF_LIMIT_MAX_ARRAY);
static_assert(kMaxPdfStringBytes == HPDF_LIMIT_MAX_STRING_LEN);

namespace {

// The errors boardpack can meet (limits, fonts, memory, streams); others keep only their code.
const char* meaning(unsigned long code) {
    switch (code) {
        case HPDF_ARRAY_COUNT_ERR: return _("a list has more than 32767 entries (pages, or links on one page)");
        case HPDF_DICT_COUNT_ERR: return _("a PDF dictionary has more than 4095 entries");
        case HPDF_XREF_COUNT_ERR: return _("the PDF has more than 8388607 objects");
        case HPDF_STRING_OUT_OF_RANGE: return _("a text is longer than libharu's limit of 65535 bytes");
        case HPDF_NAME_OUT_OF_RANGE: return _("a name is longer than libharu's limit of 127 bytes");
        case HPDF_REAL_OUT_OF_RANGE: return _("a number is outside libharu's limit of -32767 to 32767");
        case HPDF_PAGE_OUT_OF_RANGE: return _("a size or position is outside libharu's limits");
        case HPDF_PAGE_INVALID_SIZE: return _("the page size is outside libharu's limits (3 to 14400 points)");
        case HPDF_PAGE_INVALID_FONT_SIZE: return _("a font size is outside libharu's limits (above 0, at most 600 points)");
        case HPDF_FAILD_TO_ALLOC_MEM: return _("out of memory");
        case HPDF_FILE_IO_ERROR: return _("a file could not be read");
        case HPDF_FILE_OPEN_ERROR: return _("a file could not be opened");
        case HPDF_ZLIB_ERROR: return _("compression failed");
        case HPDF_INVALID_URI: return _("a link address is not valid");
        case HPDF_INVALID_DATE_TIME: return _("the date is not valid");
        case HPDF_INVALID_ENCODER:
        case HPDF_INVALID_ENCODING_NAME: return _("the Windows-1252 encoding is not available");
        case HPDF_FONT_INVALID_WIDTHS_TABLE:
        case HPDF_INVALID_FONTDEF_DATA:
        case HPDF_INVALID_FONT_NAME:
        case HPDF_INVALID_FONT:
        case HPDF_TTF_CANNOT_EMBEDDING_FONT:
        case HPDF_TTF_INVALID_CMAP:
        case HPDF_TTF_INVALID_FOMAT:
        case HPDF_TTF_MISSING_TABLE:
        case HPDF_UNSUPPORTED_FONT_TYPE: return _("the font is damaged or not a usable TrueType font");
        case HPDF_FONT_EXISTS: return _("the same font was loaded twice");
        case HPDF_LIBPNG_ERROR:
            return _("libpng, the PNG reader libharu uses, refused the picture (it takes a warning of libpng's as a "
                     "failure); save the picture again, without a colour profile");
        case HPDF_INVALID_PNG_IMAGE: return _("the PNG picture is of a kind libharu cannot read");
        case HPDF_INVALID_JPEG_DATA:
        case HPDF_UNSUPPORTED_JPEG_FORMAT: return _("the JPEG picture is of a kind libharu cannot read");
        case HPDF_INVALID_IMAGE: return _("the picture is damaged or of a kind libharu cannot read");
        default: return nullptr;
    }
}

}  // namespace

std::string haru_error_text(unsigned long code, unsigned long detail) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "0x%04lX", code);
    std::string out = fmt(_("libharu error {}"), buf);
    if (const char* m = meaning(code)) out += std::string(": ") + m;
    if (detail != 0) out += fmt(_(" (detail {})"), detail);
    return out;
}

}  // namespace boardpack::render::pdf

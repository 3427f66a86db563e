// A PDF's page content streams as lent objects (lent_objects.hpp), their data read from the
// content spool when the document is saved. A stream made with libharu's own dictionary held
// some 500 bytes until then (the dictionary, a /Length entry and its own indirect number
// object), two of them a page, a page's content and its footer: 0,5 MB of ten times the
// example's public packet. Written as libharu writes a stream ("<< ... >>\nstream\r\n" ...
// "\nendstream"), with its /Length direct.
#pragma once

#include <hpdf.h>

#include <vector>

#include "render/pdf/content_spool.hpp"
#include "render/pdf/lent_objects.hpp"

namespace boardpack::render::pdf {

class SpooledStreams {
public:
    explicit SpooledStreams(ContentSpool& spool) : spool_(spool) {}

    // Numbers `count` stream objects, the next numbers of the document; each is given its data
    // (set) before the document is saved. HPDF_OK, or the status of libharu's failure.
    HPDF_STATUS lend(HPDF_Doc pdf, size_t count);

    // Stream n's data, and whether it is FlateDecode-compressed.
    void set(size_t n, const ContentSpool::Piece& piece, bool flate) { data_[n] = {piece, flate}; }

    // Stream n's object number.
    size_t number(size_t n) const { return objects_.number(n); }

private:
    struct Data {
        ContentSpool::Piece piece;
        bool flate = false;
    };
    ContentSpool& spool_;
    std::vector<Data> data_;
    LentObjects objects_;
};

}  // namespace boardpack::render::pdf

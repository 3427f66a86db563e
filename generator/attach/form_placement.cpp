// Where an attachment's page goes in its box (pdf_import.hpp): no qpdf, so in the program itself.
#include <algorithm>

#include "attach/pdf_import.hpp"

namespace boardpack::attach {

FormPlacement place_form(const ImportedPage& page, double box_x, double box_y, double box_w, double box_h) {
    FormPlacement p;
    const double w = page.urx - page.llx, h = page.ury - page.lly;
    if (!(w > 0 && h > 0)) return p;
    p.scale = std::min(box_w / w, box_h / h);
    p.tx = box_x + (box_w - p.scale * w) / 2 - p.scale * page.llx;
    p.ty = box_y + (box_h - p.scale * h) / 2 - p.scale * page.lly;
    return p;
}

}  // namespace boardpack::attach

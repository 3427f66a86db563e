// The PDF attachments' pages in the document libharu writes: the objects attach::import_pages
// copied from each attachment become objects of the packet (a libharu dictionary each, its body
// written as it was made, with the numbers the objects got in the packet), and each page left for
// an attachment page draws that page's form XObject into its box.
#pragma once

#include <hpdf.h>
#include <hpdf_objects.h>

#include <deque>
#include <functional>
#include <string>
#include <vector>

#include "attach/pdf_import.hpp"

namespace boardpack::render::pdf {

// A form to draw on a page: the form, and the cm operator's numbers that put it in its box.
struct PlacedForm {
    HPDF_Dict form = nullptr;
    attach::FormPlacement at;
};

class ImportedPages {
public:
    // Copies into the document the attachments the placements draw (each attachment once, however
    // many of its pages are placed), on pages `page_height(i)` high (i 0-based). false with *why
    // set (qpdf's reason, or libharu's failure).
    bool add(HPDF_Doc pdf, const std::vector<attach::Placement>& placements,
             const std::function<double(size_t)>& page_height, std::string* why);

    // The forms to draw on page i (0-based), under what boardpack draws there.
    const std::vector<PlacedForm>& on_page(size_t i) const;

    // After a failed add: the placement whose attachment could not be copied (null if none was).
    const attach::Placement* failed = nullptr;

private:
    std::vector<std::vector<PlacedForm>> by_page_;
    // The objects' bodies, which libharu writes when the document is saved: kept until then
    // (a deque: a body never moves once libharu's dictionary points at it).
    std::deque<std::string> bodies_;
};

}  // namespace boardpack::render::pdf

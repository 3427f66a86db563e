// The name of a PDF attachment's own file in an edition's folder, which the HTML links to:
// "bilag/21-1-hoeringssvar-fra-region-midtjylland.pdf" (item number, attachment number, title).
#pragma once

#include <string>

#include "model/document.hpp"

namespace boardpack::model {

// The title made into a file name: lowercase ASCII letters and digits joined by "-", æ ø å as
// ae oe aa, at most 60 characters; "bilag" when nothing is left.
std::string file_slug(const std::string& title);

// "bilag/<item>-<n>-<slug>.pdf", relative to the edition's folder.
std::string attachment_file(const AgendaItem& item, const Attachment& a);
// The same from the item's number and the attachment's number and title (as a snapshot records them).
std::string attachment_file(int item, int number, const std::string& title);

}  // namespace boardpack::model

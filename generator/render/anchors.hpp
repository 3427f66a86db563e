// The names of the places links and bookmarks point to, the same in the HTML (ids) and the PDF
// (named destinations): "punkt-18", "punkt-18-bilag-1".
#pragma once

#include <string>

#include "model/document.hpp"

namespace boardpack::render {

inline std::string item_anchor(const model::AgendaItem& item) { return "punkt-" + std::to_string(item.number); }

inline std::string attachment_anchor(const model::AgendaItem& item, const model::Attachment& a) {
    return item_anchor(item) + "-bilag-" + std::to_string(a.number);
}

}  // namespace boardpack::render

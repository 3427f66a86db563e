// A path item as PDF drawing operators (in a q/Q pair, so its colour, width and dash do not
// leak to what follows).
#pragma once

#include <string>

#include "render/pdf/page_items.hpp"

namespace boardpack::render::pdf {

// `page_height` turns the layout's top-left coordinates into PDF's bottom-left ones.
std::string path_operators(const PathItem& path, double page_height);

}  // namespace boardpack::render::pdf

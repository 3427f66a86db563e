// Model blocks and inlines to HTML fragments (always escaped; nothing raw passes through).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "model/document.hpp"

namespace boardpack::render::html {

std::string escape(const std::string& text);

// Renders a table block; given by the caller so the table's markup can come from a template.
using TableRenderer = std::function<std::string(const model::Table&)>;

std::string render_inlines(const std::vector<model::Inline>& inlines);
std::string render_blocks(const std::vector<model::Block>& blocks, const model::AgendaItem& item,
                          const TableRenderer& table);

}  // namespace boardpack::render::html

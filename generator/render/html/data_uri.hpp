// Bytes as a data: URI ("data:image/png;base64,..."), for pictures inlined in the HTML page.
#pragma once

#include <string>
#include <string_view>

namespace boardpack::render::html {

// Appends "data:<type>;base64,<the bytes in base64>" to out.
void append_data_uri(std::string_view media_type, std::string_view bytes, std::string& out);

}  // namespace boardpack::render::html

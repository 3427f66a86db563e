// One edition of the meeting as one self-contained HTML page, placed by the Mustache templates
// in templates/html/.
#pragma once

#include <optional>
#include <string>

#include "core/diagnostics.hpp"
#include "core/input_files.hpp"
#include "model/edition.hpp"
#include "render/wording.hpp"

namespace boardpack::render::html {

struct HtmlTemplates {
    std::string page;   // dagsorden.mustache
    std::string table;  // tabel.mustache
    std::string css;    // style.css, inlined into the page

    // Reads the three files from the templates folder.
    static std::optional<HtmlTemplates> load(const InputFiles& templates, Diagnostics& diags);
};

// Renders the edition view (see model::EditionView). Template errors are reported.
std::optional<std::string> render_html(const model::EditionView& view, const Wording& wording,
                                       const HtmlTemplates& templates, Diagnostics& diags);

}  // namespace boardpack::render::html

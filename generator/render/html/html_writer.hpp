// One edition of the meeting as one self-contained HTML page, placed by the Mustache templates
// in templates/html/.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/input_files.hpp"
#include "model/edition.hpp"
#include "render/html/blocks_memo.hpp"
#include "render/wording.hpp"

namespace kainjow::mustache {
template <typename StringType>
class basic_mustache;
}

namespace boardpack::render::html {

struct HtmlTemplates {
    std::string page;   // dagsorden.mustache
    std::string table;  // tabel.mustache
    std::string css;    // style.css, inlined into the page
    std::string archive;  // arkiv.mustache, the archive page of all packets in an output folder
    // The templates as load() parsed them, copied for each page (a copy costs a seventh of
    // parsing again); without them a page parses the texts above.
    std::shared_ptr<const kainjow::mustache::basic_mustache<std::string>> parsed_page, parsed_table, parsed_archive;

    // Reads the four files from the templates folder.
    static std::optional<HtmlTemplates> load(const InputFiles& templates, Diagnostics& diags);
};

// Renders the edition view (see model::EditionView). Template errors are reported. With
// `blocks`, the items' blocks the other edition made are copied (blocks_memo.hpp).
std::optional<std::string> render_html(const model::EditionView& view, const Wording& wording,
                                       const HtmlTemplates& templates, Diagnostics& diags,
                                       BlocksHtmlMemo* blocks = nullptr);

// The same, the page given piece by piece to `put` as it is made, never held whole (a large
// meeting's is several MB); false if a template failed (reported).
using HtmlPut = std::function<void(std::string_view piece)>;
bool render_html(const model::EditionView& view, const Wording& wording, const HtmlTemplates& templates,
                 Diagnostics& diags, const HtmlPut& put, BlocksHtmlMemo* blocks = nullptr);

// The rettelsesblad of a corrected edition (view.changes, version > 1) as its own page: the
// packet's header with the version line, then the sheet. "" for a first publication.
std::optional<std::string> render_correction_html(const model::EditionView& view, const Wording& wording,
                                                  const HtmlTemplates& templates, Diagnostics& diags);

// A meeting on the archive page.
struct ArchiveMeeting {
    std::string id;  // its folder in the output folder
    std::string organisation, body, title;
    model::Date date;
    std::string html, pdf;  // its public edition's files, relative to its folder ("offentlig/...")
};

// The archive page: the public editions of the meetings by year (newest first), then body, then
// date (newest first), each linking to its HTML and PDF.
std::optional<std::string> render_archive(std::vector<ArchiveMeeting> meetings, const Wording& wording,
                                          const HtmlTemplates& templates, Diagnostics& diags);

}  // namespace boardpack::render::html

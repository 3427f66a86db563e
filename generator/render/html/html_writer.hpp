// One edition of the meeting as one self-contained HTML page, placed by the Mustache templates
// in templates/html/.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
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

// A template as load() parsed it, lent to one render at a time as a copy of it (kainjow's render
// is not const). A copy costs a seventh of parsing again, and one that rendered without an error
// is the parsed template still (kainjow changes a template only to note an error): it is kept
// and lent again, not made anew for the next page. Thread-safe.
class ParsedTemplate {
public:
    using Mustache = kainjow::mustache::basic_mustache<std::string>;
    explicit ParsedTemplate(const std::string& text);
    ~ParsedTemplate();
    ParsedTemplate(const ParsedTemplate&) = delete;
    ParsedTemplate& operator=(const ParsedTemplate&) = delete;

    const Mustache& parsed() const { return *parsed_; }

    // A copy lent until it goes; given back then if it is still valid.
    class Lent {
    public:
        Lent(ParsedTemplate* from, std::unique_ptr<Mustache> copy);
        Lent(Lent&&) noexcept;
        Lent& operator=(Lent&&) = delete;
        ~Lent();
        Mustache& operator*() const { return *copy_; }

    private:
        ParsedTemplate* from_;  // none for a template parsed for this render alone
        std::unique_ptr<Mustache> copy_;
    };
    Lent lend();
    // The kept template's copy, or without one `text` parsed for this render alone.
    static Lent lend(const std::shared_ptr<ParsedTemplate>& kept, const std::string& text);

    size_t made() const;  // how many copies were made: for tests

private:
    void give_back(std::unique_ptr<Mustache> copy);

    std::unique_ptr<const Mustache> parsed_;
    mutable std::mutex mutex_;
    std::vector<std::unique_ptr<Mustache>> spare_;
    size_t made_ = 0;
};

struct HtmlTemplates {
    std::string page;   // dagsorden.mustache
    std::string table;  // tabel.mustache
    std::string css;    // style.css, inlined into the page
    std::string archive;  // arkiv.mustache, the archive page of all packets in an output folder
    // The templates as load() parsed them; without them a page parses the texts above.
    std::shared_ptr<ParsedTemplate> parsed_page, parsed_table, parsed_archive;

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

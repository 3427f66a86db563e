// The driver: load, compute, stop on errors, render HTML, lay out and write the PDF, publish.
// The steps are exposed one call each (boardpack::pipeline), so the unit tests, the golden
// tests (through the CLI) and the fuzz targets run the same code as a build.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/input_files.hpp"
#include "input/meeting_loader.hpp"
#include "model/document.hpp"
#include "model/edition.hpp"
#include "render/html/html_writer.hpp"
#include "render/pdf/font_files.hpp"
#include "render/pdf/font_metrics.hpp"
#include "render/pdf/page_items.hpp"
#include "render/pdf/pdf_writer.hpp"
#include "render/pdf/page_stream_memo.hpp"
#include "render/pdf/table_parts_memo.hpp"
#include "render/wording.hpp"

namespace boardpack {

struct BuildOptions {
    std::vector<std::filesystem::path> meetings;  // meeting folders
    std::filesystem::path output = "output";
    std::filesystem::path templates = BOARDPACK_TEMPLATE_DIR;
    std::filesystem::path fonts = BOARDPACK_FONT_DIR;
    bool strict = false;      // warnings are errors
    bool check_only = false;  // validate, write nothing
    bool quiet = false;       // no summary line on success, no notes: only what must be fixed
    bool color = false;       // diagnostics coloured for a terminal
    unsigned jobs = 0;        // meetings built at once; 0: one per core
    // A meeting's two editions rendered at once on two threads (when one meeting is built at a
    // time on more than one core, and not -j1); the output is the same byte for byte.
    bool editions_together = true;
};

// Exit codes.
inline constexpr int kExitOk = 0;
inline constexpr int kExitInputError = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitOutputError = 3;

// Builds (or checks) each meeting; messages go to `err`, the summary to `out`.
int run_build(const BuildOptions& options, std::ostream& out, std::ostream& err);

// Lists, for each meeting, what a build would change against the packet published in the output
// folder (each edition's version, figures, texts and parts), without writing anything.
int run_diff(const BuildOptions& options, std::ostream& out, std::ostream& err);

// The steps of a build, in the order the driver takes them.
namespace pipeline {

// What the renderers need besides the meeting, read once per run.
struct RenderKit {
    render::Wording wording;
    render::html::HtmlTemplates html;
    render::pdf::FontFiles fonts;  // read and parsed once per run; fonts.layout_metrics() for layout
    std::string srgb_profile;      // the colour profile every PDF embeds as its OutputIntent
};

// Reads the packet's wording (wording.txt) from a templates folder.
std::optional<render::Wording> load_wording(const std::filesystem::path& templates, Diagnostics& diags);
// Reads the wording, the HTML templates, the fonts' metrics and the sRGB colour profile.
std::optional<RenderKit> load_kit(const std::filesystem::path& templates, const std::filesystem::path& fonts,
                                  Diagnostics& diags);

// A warning where a public item's text writes a confidential item's case number or title
// (model/confidential_mentions.hpp).
void check_confidential_mentions(const model::Meeting& meeting, Diagnostics& diags);

// Starts the PDF reader before the meeting is read, if the meeting folder's folders hold PDF
// files (input::start_reading_attachments); load then queues the attachments in `unfinished`.
void start_reading_attachments(const InputFiles& files, input::UnfinishedAttachments& unfinished);
// Reads a meeting folder (meeting.txt, the items, their tables) into the model. With
// `unfinished`, its PDF attachments may still be being read when it returns (on another core, by
// the PDF reader): compute the meeting meanwhile, then finish_attachments before prepare.
std::optional<model::Meeting> load(const InputFiles& files, const std::string& id, Diagnostics& diags,
                                   input::UnfinishedAttachments* unfinished = nullptr);
// Gives the meeting the PDF attachments load left unfinished, with their messages.
void finish_attachments(model::Meeting& meeting, input::UnfinishedAttachments& unfinished, const InputFiles& files,
                        Diagnostics& diags);
// Computes the tables' formulas, the calculations and the figures quoted in the text.
void compute(model::Meeting& meeting, const render::Wording& wording, Diagnostics& diags);
// Readies the computed meeting for print (model::prepare_for_print). After this, everything
// only reads the meeting.
void prepare(model::Meeting& meeting, const render::Wording& wording, Diagnostics& diags);
// Warns about each character no font of the PDF has, where it was written.
void report_unprintable(const model::Meeting& meeting, const render::pdf::FontFiles& fonts, Diagnostics& diags);
// The meeting as `edition` shows it; it refers to `meeting`, which must outlive it.
inline model::EditionView edition(const model::Meeting& meeting, model::Edition e) { return model::edition_view(meeting, e); }
// One edition as one HTML page; with `blocks`, shared by the two editions of a meeting rendered
// together, each public item's blocks are made once for both (render/html/blocks_memo.hpp).
std::optional<std::string> render_html(const model::EditionView& view, const render::Wording& wording,
                                       const render::html::HtmlTemplates& templates, Diagnostics& diags,
                                       render::html::BlocksHtmlMemo* blocks = nullptr);
// The same, given piece by piece to `put` as it is made (a build writes it so, to its file);
// false if a template failed.
bool render_html(const model::EditionView& view, const render::Wording& wording,
                 const render::html::HtmlTemplates& templates, Diagnostics& diags, const render::html::HtmlPut& put,
                 render::html::BlocksHtmlMemo* blocks = nullptr);
// One edition laid out on PDF pages; a packet that merges PDF attachments also says what its
// agenda-only PDF prints (the same pages but the attachments', each attachment's line linked to
// its file in bilag/), which keeps the PDF/UA claim (README, "Attachments"). With `tables`,
// shared by the two editions of a meeting laid out together, each public table is measured
// once for both (render/pdf/table_parts_memo.hpp).
render::pdf::LaidOutDocument lay_out(const model::EditionView& view, const render::Wording& wording,
                                     const render::pdf::FontMetrics& metrics,
                                     render::pdf::TablePartsMemo* tables = nullptr);
// The laid-out pages written as a PDF file at `path` (nothing written for ""), with the faces it
// uses embedded as subsets and the kit's colour profile; the document is taken, each page freed
// once written. With `agenda_only_path`, a merged packet's agenda-only PDF is written there
// first, sharing the pages the two print alike (pdf_writer.hpp); `failed` gets a file that cannot
// be written, with the system's reason (else the diagnostics say it). `give_back`: freed memory
// is given back before each of the two (for a large meeting, whose editions render in turn).
// `written` gets each file's size and fingerprint, taken as it was written. `page_streams`: the
// pages the other edition compressed, if it renders at the same time
// (render/pdf/page_stream_memo.hpp).
render::pdf::PdfResult write_pdf(render::pdf::LaidOutDocument laid, const RenderKit& kit, const std::string& path,
                                 Diagnostics& diags, const std::string& agenda_only_path = {},
                                 render::pdf::PdfFileFailure* failed = nullptr, bool give_back = false,
                                 std::map<std::string, FileRecord>* written = nullptr,
                                 render::pdf::PageStreamMemo* page_streams = nullptr);

// Corrections (issue 13). A corrected edition is one whose view has `changes` with a version
// above 1: render_html and lay_out then open the packet with its rettelsesblad and mark what
// changed (the model's `changed` flags); these give the sheet on its own.

// The rettelsesblad of a corrected edition as its own HTML page; "" for a first publication.
std::optional<std::string> render_correction_html(const model::EditionView& view, const render::Wording& wording,
                                                  const render::html::HtmlTemplates& templates, Diagnostics& diags);
// The rettelsesblad laid out as its own PDF; no pages for a first publication.
render::pdf::LaidOutDocument lay_out_correction(const model::EditionView& view, const render::Wording& wording,
                                                const render::pdf::FontMetrics& metrics);
// The sheet's file name in its edition's folder: "rettelsesblad-offentlig.html", "...-lukket.pdf".
std::string correction_file(model::Edition edition, const char* extension);
// One call for the publisher: writes a corrected edition's rettelsesblad as HTML and PDF into
// `folder` (named by correction_file) and gives the paths written; nothing for a first
// publication. nullopt after an error (reported, naming the file).
std::optional<std::vector<std::filesystem::path>> write_correction_sheet(const model::EditionView& view,
                                                                          const RenderKit& kit,
                                                                          const std::filesystem::path& folder,
                                                                          Diagnostics& diags);

}  // namespace pipeline

// The meeting folders under a folder (those holding a meeting.txt), sorted by name.
std::vector<std::filesystem::path> find_meetings(const std::filesystem::path& inputs);

}  // namespace boardpack

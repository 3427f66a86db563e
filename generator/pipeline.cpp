// The steps of a build (build.hpp's boardpack::pipeline), each one call.
#include "build.hpp"

#include "calc/chart_values.hpp"
#include "calc/meeting_calc.hpp"
#include "core/text_file.hpp"
#include "core/messages.hpp"
#include "input/meeting_loader.hpp"
#include "model/confidential_mentions.hpp"
#include "render/chart/chart_layout.hpp"
#include "render/pdf/packet_layout.hpp"
#include "render/pdf/pdf_style.hpp"
#include "render/pdf/pdf_metadata.hpp"
#include "render/pdf/pdf_writer.hpp"
#include "render/pdf/printable.hpp"

namespace fs = std::filesystem;

namespace boardpack::pipeline {

std::optional<render::Wording> load_wording(const fs::path& templates, Diagnostics& diags) {
    DiskFiles files(templates);
    auto file = load_text_file(files, "wording.txt", diags);
    if (!file) return std::nullopt;
    return render::Wording::load(*file, diags);
}

std::optional<RenderKit> load_kit(const fs::path& templates, const fs::path& fonts, Diagnostics& diags) {
    auto wording = load_wording(templates, diags);
    DiskFiles template_files(templates);
    auto html = render::html::HtmlTemplates::load(template_files, diags);
    auto font_files = render::pdf::FontFiles::load(fonts.string(), diags);
    std::string why;
    auto srgb = render::pdf::read_srgb_profile(&why);
    if (!srgb) diags.error({}, why);  // names the file and its Debian package
    if (!wording || !html || !font_files || !srgb) return std::nullopt;
    return RenderKit{std::move(*wording), std::move(*html), std::move(*font_files), std::move(*srgb)};
}

std::optional<model::Meeting> load(const InputFiles& files, const std::string& id, Diagnostics& diags,
                                   input::UnfinishedAttachments* unfinished) {
    return input::load_meeting(files, id, diags, unfinished);
}

void start_reading_attachments(const InputFiles& files, input::UnfinishedAttachments& unfinished) {
    input::start_reading_attachments(files, unfinished);
}

void finish_attachments(model::Meeting& meeting, input::UnfinishedAttachments& unfinished, const InputFiles& files,
                        Diagnostics& diags) {
    input::finish_attachments(meeting, unfinished, files, diags);
}

// The tallest chart the PDF can hold: a page's text area less its caption (up to three
// lines) and the gaps around it. A chart is drawn whole, never split over pages.
double tallest_chart() {
    namespace st = render::pdf::style;
    return st::kContentBottom - st::kMarginTop - 3 * st::kCaptionLeading - st::kCaptionGap - 2 * st::kTableGap;
}

// A chart taller than a page (lying bars for many categories) would run off the PDF's page,
// its last bars and the footer drawn over each other: an error at its block instead.
void check_chart_heights(const model::Meeting& meeting, const render::Wording& wording, Diagnostics& diags) {
    const render::chart::ChartWords words = render::chart::chart_words(wording);
    for (const model::AgendaItem& item : meeting.items)
        for (const model::Chart& c : item.charts) {
            if (c.series.empty() || c.categories.empty()) continue;  // not drawn: an error was given
            const double h = render::chart::lay_out_chart(c, render::chart::kChartWidth, words).height;
            if (h <= tallest_chart()) continue;
            diags.error(c.loc, fmt(_("the chart is too tall for a page of the PDF: its {} categories take {} cm, a "
                                     "page holds {} cm; chart fewer rows or columns, or make two charts"),
                                   c.categories.size(), static_cast<int>(h / 72 * 2.54 + 0.5),
                                   static_cast<int>(tallest_chart() / 72 * 2.54)));
        }
}

void compute(model::Meeting& meeting, const render::Wording& wording, Diagnostics& diags) {
    calc::compute_meeting(meeting, wording.status_words(), diags);
    calc::resolve_charts(meeting, diags);  // charts show the computed cells
    check_chart_heights(meeting, wording, diags);
}

void prepare(model::Meeting& meeting, const render::Wording& wording, Diagnostics& diags) {
    model::prepare_for_print(meeting, wording.print_defaults(), diags);
}

void check_confidential_mentions(const model::Meeting& meeting, Diagnostics& diags) {
    model::warn_confidential_mentions(meeting, diags);
}

void report_unprintable(const model::Meeting& meeting, const render::pdf::FontFiles& fonts, Diagnostics& diags) {
    render::pdf::report_unprintable(meeting, fonts, diags);
}

std::optional<std::string> render_html(const model::EditionView& view, const render::Wording& wording,
                                       const render::html::HtmlTemplates& templates, Diagnostics& diags,
                                       render::html::BlocksHtmlMemo* blocks) {
    return render::html::render_html(view, wording, templates, diags, blocks);
}

bool render_html(const model::EditionView& view, const render::Wording& wording,
                 const render::html::HtmlTemplates& templates, Diagnostics& diags, const render::html::HtmlPut& put,
                 render::html::BlocksHtmlMemo* blocks) {
    return render::html::render_html(view, wording, templates, diags, put, blocks);
}

render::pdf::LaidOutDocument lay_out(const model::EditionView& view, const render::Wording& wording,
                                     const render::pdf::FontMetrics& metrics, render::pdf::TablePartsMemo* tables) {
    return render::pdf::layout_packet(view, view.edition, wording, metrics, tables);
}

render::pdf::PdfResult write_pdf(render::pdf::LaidOutDocument laid, const RenderKit& kit, const std::string& path,
                                 Diagnostics& diags, const std::string& agenda_only_path, render::pdf::PdfFileFailure* failed,
                                 bool give_back, std::map<std::string, FileRecord>* written,
                                 render::pdf::PageStreamMemo* page_streams) {
    return render::pdf::write_pdf(std::move(laid), kit.fonts, kit.srgb_profile, path, diags, agenda_only_path, failed,
                                  give_back, written, page_streams);
}

}  // namespace boardpack::pipeline

// The rettelsesblad's steps of build.hpp's boardpack::pipeline, each one call.
#include "build.hpp"
#include "core/messages.hpp"

#include "publish/durable_files.hpp"
#include "render/pdf/packet_layout.hpp"

namespace fs = std::filesystem;

namespace boardpack::pipeline {

std::optional<std::string> render_correction_html(const model::EditionView& view, const render::Wording& wording,
                                                  const render::html::HtmlTemplates& templates, Diagnostics& diags) {
    return render::html::render_correction_html(view, wording, templates, diags);
}

render::pdf::LaidOutDocument lay_out_correction(const model::EditionView& view, const render::Wording& wording,
                                                const render::pdf::FontMetrics& metrics) {
    return render::pdf::layout_correction_sheet(view, wording, metrics);
}

std::string correction_file(model::Edition edition, const char* extension) {
    return std::string("rettelsesblad-") + model::edition_folder(edition) + "." + extension;
}

std::optional<std::vector<fs::path>> write_correction_sheet(const model::EditionView& view, const RenderKit& kit,
                                                            const fs::path& folder, Diagnostics& diags) {
    std::vector<fs::path> written;
    if (!render::corrected_version(view)) return written;
    auto html = pipeline::render_correction_html(view, kit.wording, kit.html, diags);
    if (!html) return std::nullopt;
    const fs::path html_path = folder / correction_file(view.edition, "html");
    // An ofstream said only that it failed, not why (a full disk, a file size limit).
    if (std::string why; !publish::write_durably(html_path, *html, 0644, &why)) {
        diags.error({html_path.string(), 0, 0}, why);
        return std::nullopt;
    }
    written.push_back(html_path);
    const fs::path pdf_path = folder / correction_file(view.edition, "pdf");
    if (pipeline::write_pdf(lay_out_correction(view, kit.wording, kit.fonts.layout_metrics()), kit, pdf_path.string(), diags) !=
        render::pdf::PdfResult::Written)
        return std::nullopt;
    written.push_back(pdf_path);
    return written;
}

}  // namespace boardpack::pipeline

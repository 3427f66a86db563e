// A page's content stream (PDF drawing operators) built in one string, so the writer hands each
// page to libharu in one call instead of one to four calls per text run (each 3.000-7.000
// instructions). Numbers are written as libharu writes them; text is two-byte glyph codes.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "render/pdf/page_items.hpp"

namespace boardpack::render::pdf {

// A number as libharu's HPDF_FToA writes it (the same in a content stream and in a dictionary).
void append_pdf_number(std::string& out, double value);

class ContentStream {
public:
    // A filled rectangle, in PDF coordinates (origin bottom left).
    void rectangle(const Color& color, double x, double y, double w, double h);
    // An image XObject (its name in the page's resources) drawn into a rectangle, in PDF
    // coordinates (origin bottom left).
    void image(std::string_view name, double x, double y, double w, double h);
    // A form XObject (its name in the page's resources) drawn scaled by `scale` and moved by
    // tx, ty, in its own graphics state.
    void form(std::string_view name, double scale, double tx, double ty);
    // Starts and ends the page's text object; the text position starts at 0 0.
    void begin_text();
    void end_text();
    // The font (its name in the page's resources) and size, and the fill colour, for the next texts.
    void font(std::string_view name, double size);
    void fill(const Color& color);
    // Text bytes (in the font's encoding: two-byte glyph codes) starting at x, y (PDF
    // coordinates).
    void text(double x, double y, std::string_view bytes);
    // More text bytes where the last text ended (after a change of font).
    void more_text(std::string_view bytes);

    // Marked content (tagged PDF): what follows, up to end_marked(), is the structure element's
    // content with this marked-content id, or an artifact (not content: footers, rules). The
    // text bytes inside are whatever the font's encoding makes them; marking does not look at them.
    void begin_marked(std::string_view tag, int mcid);
    void begin_artifact(std::string_view type);
    void end_marked();

    // Drawing operators made elsewhere (a chart's paths: render/pdf/path_ops), as they are.
    void raw(std::string_view ops) { out_ += ops; }

    const std::string& bytes() const { return out_; }
    void clear() { out_.clear(); }

private:
    static constexpr size_t kKnownColors = 16;

    void number(double value) { append_pdf_number(out_, value); }
    std::string out_;
    std::vector<std::pair<Color, std::string>> colors_;  // "0.1 0.1 0.1 rg\n" for the first colours set
    float line_x_ = 0, line_y_ = 0;  // the start of the current text line, as libharu keeps it
};

}  // namespace boardpack::render::pdf

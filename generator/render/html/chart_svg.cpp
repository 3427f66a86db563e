#include "render/html/chart_svg.hpp"

#include <string_view>

#include "render/chart/chart_text.hpp"
#include "render/chart/two_decimals.hpp"
#include "render/html/html_blocks.hpp"

namespace boardpack::render::html {

using render::chart::ChartDrawing;
using render::chart::Label;
using render::chart::Rgb;
using render::chart::Shape;

namespace {

// Coordinates to two decimals, as the parity test compares them, appended in place (a chart's
// hundreds of numbers made no string each).
void append_num(double v, std::string& out) {
    const size_t at = out.size();
    chart::append_two_decimals(v, out);
    if (std::string_view(out).substr(at) == "-0.00") out.replace(at, 5, "0.00");
}

void append_hex(const Rgb& c, std::string& out) {
    static constexpr char kDigits[] = "0123456789abcdef";
    out += '#';
    for (const unsigned char b : {c.r, c.g, c.b}) {
        out += kDigits[b >> 4];
        out += kDigits[b & 15];
    }
}

void append_shape(const Shape& s, std::string& out) {
    out += "<path d=\"";
    for (size_t i = 0; i < s.points.size(); ++i) {
        out += i ? " L" : "M";
        append_num(s.points[i].x, out);
        out += ' ';
        append_num(s.points[i].y, out);
    }
    if (s.kind == Shape::Kind::Fill) {
        out += " Z\" fill=\"";
        append_hex(s.color, out);
        out += '"';
    } else {
        out += "\" fill=\"none\" stroke=\"";
        append_hex(s.color, out);
        out += "\" stroke-width=\"";
        append_num(s.width, out);
        out += '"';
        if (s.dashed) out += " stroke-dasharray=\"4 2.5\"";
    }
    out += "/>\n";
}

void append_label(const Label& l, std::string& out) {
    out += "<text x=\"";
    append_num(l.x, out);
    out += "\" y=\"";
    append_num(l.y, out);
    out += "\" font-size=\"";
    append_num(l.size, out);
    out += '"';
    if (l.anchor == Label::Anchor::Middle) out += " text-anchor=\"middle\"";
    if (l.anchor == Label::Anchor::End) out += " text-anchor=\"end\"";
    if (l.bold) out += " font-weight=\"bold\"";
    out += " fill=\"";
    append_hex(l.color, out);
    out += "\">";
    append_escaped(l.text, out);
    out += "</text>\n";
}

}  // namespace

void append_svg(const ChartDrawing& d, const std::string& title, const std::string& desc, std::string& out,
                const char* width_class) {
    // The first <title> child names the image and <desc> describes it (SVG-AAM); HTML tidy
    // refuses ids on them, so no aria-labelledby.
    out += "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"diagram";
    if (*width_class) out += ' ', out += width_class;
    out += "\" role=\"img\" viewBox=\"0 0 ";
    append_num(d.width, out);
    out += ' ';
    append_num(d.height, out);
    out += "\">\n<title>";
    append_escaped(title, out);
    out += "</title>\n<desc>";
    append_escaped(desc, out);
    out += "</desc>\n";
    for (const Shape& s : d.shapes) append_shape(s, out);
    for (const Label& l : d.labels) append_label(l, out);
    out += "</svg>\n";
}

void render_chart(const model::Chart& c, const std::string& caption, const render::chart::ChartWords& words,
                  const std::string& id, std::string& out) {
    // The SVG is laid out at the PDF's text width, so both show one drawing; it scales to the
    // screen. On a phone that drawing's labels would be some 6 px high, so the page also holds the
    // chart laid out narrower, its type as large beside the bars, which the style sheet shows
    // there instead (the other is display: none, so a screen reader meets one of them).
    const ChartDrawing d = render::chart::lay_out_chart(c, render::chart::kChartWidth, words);
    const ChartDrawing narrow = render::chart::lay_out_chart(c, render::chart::kNarrowChartWidth, words);
    // In the PDF's order: the caption, the drawing, its source; then the data.
    out += "<figure class=\"figur\" id=\"" + id + "\">\n<figcaption>";
    append_escaped(caption, out);
    out += "</figcaption>\n";
    const std::string description = render::chart::chart_description(c, words.not_stated);
    append_svg(d, caption, description, out, "stor");
    append_svg(narrow, caption, description, out, "smal");
    if (!c.source.empty()) {
        out += "<p class=\"kilde\">";
        append_escaped(render::chart::source_line(c, words), out);
        out += "</p>\n";
    }
    // The data table is a focusable region named by its caption, as every table of the page.
    const std::string data = render::chart::numbers_name(c, words);
    out += "<details>\n<summary>" + data + "</summary>\n<div class=\"tabel\" role=\"region\" tabindex=\"0\" aria-labelledby=\"" +
           id + "-tal\">\n<table>\n<caption id=\"" + id + "-tal\"><span>";
    append_escaped(data + ": " + c.title, out);
    // The corner above the row labels is an empty cell, not an empty column heading.
    out += "</span></caption>\n<thead><tr><td></td>";
    for (const auto& cat : c.categories) {
        out += "<th scope=\"col\">";
        append_escaped(cat, out);
        out += "</th>";
    }
    out += "</tr></thead>\n<tbody>\n";
    for (const auto& s : c.series) {
        out += "<tr><th scope=\"row\">";
        append_escaped(s.label, out);
        out += "</th>";
        for (size_t k = 0; k < s.printed.size(); ++k) {
            out += "<td>";
            append_escaped(s.values[k] ? s.printed[k] : (s.printed[k].empty() ? std::string("Ikke oplyst") : s.printed[k]), out);
            out += "</td>";
        }
        out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n</div>\n";
    if (!c.unit.empty()) {
        out += "<p>Enhed: ";
        append_escaped(c.unit, out);
        out += "</p>\n";
    }
    out += "</details>\n</figure>\n";
}

}  // namespace boardpack::render::html

#include "render/html/chart_svg.hpp"

#include <cstdio>

#include "render/chart/chart_text.hpp"
#include "render/chart/two_decimals.hpp"
#include "render/html/html_blocks.hpp"

namespace boardpack::render::html {

using render::chart::ChartDrawing;
using render::chart::Label;
using render::chart::Rgb;
using render::chart::Shape;

namespace {

// Coordinates to two decimals, as the parity test compares them.
std::string num(double v) {
    std::string s;
    chart::append_two_decimals(v, s);
    if (s == "-0.00") s = "0.00";
    return s;
}

std::string hex(const Rgb& c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c.r, c.g, c.b);
    return buf;
}

void append_shape(const Shape& s, std::string& out) {
    out += "<path d=\"";
    for (size_t i = 0; i < s.points.size(); ++i) {
        out += i ? " L" : "M";
        out += num(s.points[i].x) + " " + num(s.points[i].y);
    }
    if (s.kind == Shape::Kind::Fill) out += " Z\" fill=\"" + hex(s.color) + "\"";
    else {
        out += "\" fill=\"none\" stroke=\"" + hex(s.color) + "\" stroke-width=\"" + num(s.width) + "\"";
        if (s.dashed) out += " stroke-dasharray=\"4 2.5\"";
    }
    out += "/>\n";
}

void append_label(const Label& l, std::string& out) {
    out += "<text x=\"" + num(l.x) + "\" y=\"" + num(l.y) + "\" font-size=\"" + num(l.size) + "\"";
    if (l.anchor == Label::Anchor::Middle) out += " text-anchor=\"middle\"";
    if (l.anchor == Label::Anchor::End) out += " text-anchor=\"end\"";
    if (l.bold) out += " font-weight=\"bold\"";
    out += " fill=\"" + hex(l.color) + "\">";
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
    out += "\" role=\"img\" viewBox=\"0 0 " + num(d.width) + " " + num(d.height) + "\">\n<title>";
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

#include "render/html/correction_html.hpp"

#include "render/html/html_blocks.hpp"

namespace boardpack::render::html {

namespace {

void element(const char* open, const std::string& text, const char* close, std::string& out) {
    out += open;
    append_escaped(text, out);
    out += close;
}

void figure_list(const std::vector<SheetFigure>& figures, const Wording& w, std::string& out) {
    out += "<ul>\n";
    for (const SheetFigure& f : figures) {
        out += "<li>";
        append_escaped(f.line, out);
        if (!f.derived.empty()) {
            element("<p class=\"afledte\">", w.get("afledte-tal"), "</p>\n", out);
            figure_list(f.derived, w, out);
        }
        out += "</li>\n";
    }
    out += "</ul>\n";
}

// A word-level difference: removed words struck (<del>), added ones underlined (<ins>), each with
// a visually hidden word before and after, since screen readers do not announce del and ins.
void difference(const SheetText& t, const Wording& w, std::string& out) {
    out += "<p class=\"forskel\">";
    element("<span class=\"sted\">", t.where, "</span> ", out);
    for (const model::DiffWord& word : t.words) {
        const bool removed = word.kind == model::DiffWord::Kind::Removed;
        if (word.kind == model::DiffWord::Kind::Same) {
            append_escaped(word.text, out);
            continue;
        }
        // The trailing space stays outside the mark, so the line is not struck past the words.
        std::string text = word.text;
        const bool space = !text.empty() && text.back() == ' ';
        if (space) text.pop_back();
        out += removed ? "<del>" : "<ins>";
        element("<span class=\"skjult\">[", w.get(removed ? "skjult-slettet" : "skjult-tilfoejet"), " </span>", out);
        append_escaped(text, out);
        element("<span class=\"skjult\"> ", w.get("skjult-slut"), "]</span>", out);
        out += removed ? "</del>" : "</ins>";
        if (space) out += ' ';
    }
    out += "</p>\n";
}

}  // namespace

std::string correction_section(const CorrectionSheet& sheet, const Wording& w, bool links) {
    if (sheet.title.empty()) return "";
    std::string out;
    out += "<section class=\"rettelsesblad\" aria-labelledby=\"rettelsesblad\">\n";
    element("<h1 id=\"rettelsesblad\">", sheet.title, "</h1>\n", out);
    element("<p class=\"moede\">", sheet.about, "</p>\n", out);
    element("<p class=\"version\">", sheet.version_line, "</p>\n", out);
    element("<p>", sheet.introduction, "</p>\n", out);
    element("<p class=\"forklaring\">", w.get("forklaring-tekst-html"), "</p>\n", out);
    if (sheet.items.empty()) element("<p>", sheet.none, "</p>\n", out);
    for (const SheetItem& item : sheet.items) {
        out += "<section class=\"rettet-punkt\">\n";
        if (!item.heading.empty()) {
            out += "<h2>";
            if (links && !item.anchor.empty()) {
                element(("<a href=\"#" + item.anchor + "\">").c_str(), item.heading, "</a>", out);
            } else {
                append_escaped(item.heading, out);
            }
            out += "</h2>\n";
        }
        if (!item.parts.empty()) {
            if (!item.heading.empty()) element("<h3>", w.get("rettede-dele"), "</h3>\n", out);
            out += "<ul>\n";
            for (const std::string& p : item.parts) element("<li>", p, "</li>\n", out);
            out += "</ul>\n";
        }
        if (!item.figures.empty()) {
            element("<h3>", w.get("rettede-tal"), "</h3>\n", out);
            figure_list(item.figures, w, out);
        }
        if (!item.texts.empty()) {
            element("<h3>", w.get("rettet-tekst"), "</h3>\n", out);
            for (const SheetText& t : item.texts) difference(t, w, out);
        }
        out += "</section>\n";
    }
    out += "</section>\n";
    return out;
}

}  // namespace boardpack::render::html

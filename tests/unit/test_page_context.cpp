// The page template's names for the agenda and the items, answered by PageContext from the
// items' values (render/html/page_context.hpp): every name in every section it may stand in,
// rendered the same as over the tree of kainjow data the page was given before, through
// kainjow's own context; and the values the page's HTML is made with, on the example.
#include <doctest/doctest.h>

#include <sstream>

#include "build.hpp"
#include "core/input_files.hpp"
#include "example_meeting.hpp"
#include "model/anchors.hpp"
#include "model/attachment_file.hpp"
#include "render/html/html_blocks.hpp"
#include "render/html/html_writer.hpp"
#include "render/html/page_context.hpp"
#include "test_support.hpp"

using namespace boardpack;
using namespace boardpack::render::html;
namespace mstch = kainjow::mustache;

namespace {

mstch::data text(const std::string& s) { return mstch::data{s}; }
PageItem::Html html(const std::string& s) { return std::make_shared<const mstch::data>(s); }

// Two items as the page's values: a changed one with two sections and three attachments (one
// with content, one a PDF file, one a line only), and a redacted one with none.
PageItems two_items() {
    PageItems p;
    p.changed_mark = text("Rettet i version 2");
    for (int k = 0; k < model::kSectionCount; ++k) p.section_titles.push_back(text("Sektion " + std::to_string(k)));
    PageItem& a = p.items.emplace_back();
    a.anchor = text("punkt-1");
    a.heading = text("1 (Offentlig)");
    a.title = text("Budget <2024>");
    a.case_officer = text("Anne");
    a.case_number = text("EMN-1");
    a.changed = true;
    a.sections.push_back({model::SectionKind::Resume, html("<p>resumé</p>")});
    a.sections.push_back({model::SectionKind::Oekonomi, html("<p>økonomi</p>")});
    a.attachments.resize(3);
    for (size_t k = 0; k < 3; ++k) {
        PageItem::Attachment& at = a.attachments[k];
        at.number = text(std::to_string(k + 1));
        at.line = text("Bilag " + std::to_string(k + 1) + " 'a'");
        at.line_html = text("Bilag <b>" + std::to_string(k + 1) + "</b>");
        at.anchor = text("bilag-1-" + std::to_string(k + 1));
    }
    a.attachments[0].has_content = true;
    a.attachments[1].has_file = true;
    a.attachments[1].file = text("bilag/1-2.pdf");
    PageItem::Content& c = a.contents.emplace_back();
    c.attachment = 0;
    c.heading = text("Bilag 1.1");
    c.html = html("<p>indhold</p>");
    PageItem& b = p.items.emplace_back();
    b.anchor = text("punkt-2");
    b.heading = text("2 (Lukket)");
    b.title = text("Udeladt");
    b.case_officer = text("");
    b.case_number = text("");
    b.redacted = b.confidential = true;
    return p;
}

// The page's own fields, with names an item has too (title, changed), so a name an item's
// section lacks is seen to be looked for further out.
mstch::data page_fields() {
    mstch::data page;
    page.set("title", text("Møde"));
    page.set("css", text("body{}"));
    page.set("has_version", mstch::data{true});
    page.set("changed", text("siden"));
    page.set("file", text("side.pdf"));
    mstch::data w;
    w.set("bilag", text("Bilag"));
    w.set("ingen_bilag", text("Ingen bilag"));
    page.set("w", w);
    return page;
}

// The tree the page was given before PageContext, made as html_writer.cpp made it.
mstch::data old_tree(const mstch::data& fields, const PageItems& p) {
    mstch::data page = fields;
    mstch::data agenda{mstch::data::type::list}, items{mstch::data::type::list};
    for (const PageItem& it : p.items) {
        mstch::data entry;
        if (it.changed) {
            entry.set("changed", mstch::data{true});
            entry.set("changed_mark", p.changed_mark);
        }
        entry.set("anchor", it.anchor);
        entry.set("heading", it.heading);
        entry.set("title", it.title);
        entry.set("redacted", mstch::data{it.redacted});
        entry.set("confidential", mstch::data{it.confidential});
        agenda.push_back(entry);
        mstch::data item = entry;
        item.set("case_officer", it.case_officer);
        item.set("case_number", it.case_number);
        mstch::data sections{mstch::data::type::list};
        for (const PageItem::Section& s : it.sections) {
            mstch::data sd;
            sd.set("title", p.section_titles[static_cast<size_t>(s.kind)]);
            sd.set("html", *s.html);
            sections.push_back(sd);
        }
        item.set("sections", sections);
        mstch::data list{mstch::data::type::list}, contents{mstch::data::type::list};
        for (const PageItem::Attachment& a : it.attachments) {
            mstch::data ad;
            ad.set("number", a.number);
            ad.set("has_content", mstch::data{a.has_content});
            ad.set("line", a.line);
            ad.set("line_html", a.line_html);
            ad.set("anchor", a.anchor);
            ad.set("has_file", mstch::data{a.has_file});
            if (a.has_file) ad.set("file", a.file);
            list.push_back(ad);
        }
        for (const PageItem::Content& c : it.contents) {
            const PageItem::Attachment& a = it.attachments[c.attachment];
            mstch::data cd;
            cd.set("anchor", a.anchor);
            cd.set("heading", c.heading);
            cd.set("line", a.line);
            cd.set("line_html", a.line_html);
            cd.set("html", *c.html);
            contents.push_back(cd);
        }
        item.set("attachments", list);
        item.set("has_attachments", mstch::data{!it.attachments.empty()});
        item.set("attachment_contents", contents);
        items.push_back(item);
    }
    page.set("agenda", agenda);
    page.set("items", items);
    return page;
}

std::string render(const std::string& tmpl_text, mstch::basic_context<std::string>& context) {
    mstch::mustache tmpl{tmpl_text};
    REQUIRE_MESSAGE(tmpl.is_valid(), tmpl.error_message());
    std::ostringstream out;
    tmpl.render(context, out);
    REQUIRE_MESSAGE(tmpl.is_valid(), tmpl.error_message());
    return out.str();
}

std::string rendered_new(const std::string& tmpl, const mstch::data& fields, const PageItems& p) {
    PageContext context{fields, p};
    return render(tmpl, context);
}

std::string rendered_old(const std::string& tmpl, const mstch::data& fields, const PageItems& p) {
    const mstch::data tree = old_tree(fields, p);
    mstch::context<std::string> context{&tree};
    return render(tmpl, context);
}

// Templates that use each name where it may stand, and where it may not.
const char* const kTemplates[] = {
    "{{title}}|{{#agenda}}[{{anchor}} {{heading}} {{title}}{{#changed}}*{{changed_mark}}{{/changed}}"
    "{{^changed}}-{{changed}}{{/changed}}{{#redacted}}R{{/redacted}}{{#confidential}}C{{/confidential}}]{{/agenda}}",
    "{{#items}}<{{anchor}}|{{case_officer}}|{{case_number}}|{{#sections}}({{title}}:{{{html}}}:{{anchor}}:{{heading}}){{/sections}}"
    "{{^sections}}none{{/sections}}{{#has_attachments}}+{{/has_attachments}}{{^has_attachments}}{{w.ingen_bilag}}{{/has_attachments}}"
    "{{#attachments}}[{{number}} {{line}} {{{line_html}}} {{anchor}} {{title}} {{heading}}{{#has_file}} {{file}}{{/has_file}}"
    "{{^has_file}}{{file}}-{{/has_file}}{{^file}}no file{{/file}}{{#has_content}}c{{/has_content}}]{{/attachments}}"
    "{{#attachment_contents}}{ {{anchor}} {{heading}} {{line}} {{{line_html}}} {{{html}}} {{number}} {{title}} }{{/attachment_contents}}"
    "{{^attachment_contents}}no contents{{/attachment_contents}}>{{/items}}",
    // Dotted names, from any depth; a list or a string has no fields.
    "{{w.bilag}}{{#items}}{{w.bilag}}{{#sections}}{{w.bilag}}{{/sections}}{{items.title}}{{title.x}}{{/items}}{{w.bilag.x}}"
    "{{w.}}{{.w}}{{w..bilag}}{{agenda.title}}",
    // A section over the words, a string, a true value and the entries themselves.
    "{{#w}}{{bilag}}/{{title}}{{/w}}{{#items}}{{#title}}({{.}}){{/title}}{{#case_officer}}[{{.}}]{{/case_officer}}"
    "{{#redacted}}{{.}}{{title}}{{/redacted}}{{^redacted}}{{.}}{{/redacted}}{{#.}}{{heading}}{{/.}}{{^.}}x{{/.}}{{/items}}",
    // An agenda entry inside an item, an item inside an entry: each name from the innermost.
    "{{#items}}{{#agenda}}{{heading}}{{case_officer}}{{#sections}}s{{/sections}}{{/agenda}}{{/items}}"
    "{{#agenda}}{{#items}}{{heading}}{{#attachments}}{{number}}{{/attachments}}{{/items}}{{/agenda}}",
    // Names no section has; the page's own "changed" seen where an item lacks one.
    "{{nothing}}{{#nothing}}x{{/nothing}}{{^nothing}}y{{/nothing}}{{#items}}{{nothing}}{{changed}}{{/items}}"
    "{{#has_version}}{{#items}}{{title}}{{/items}}{{/has_version}}",
    // Partials name whole keys: a dotted one names nothing.
    "{{#items}}{{>title}}{{>w.bilag}}{{#attachments}}{{>line}}{{/attachments}}{{/items}}{{>css}}{{>.}}",
};

}  // namespace

TEST_CASE("the page context answers each name as the page's tree of kainjow data did") {
    const PageItems p = two_items();
    const mstch::data fields = page_fields();
    for (const char* t : kTemplates) {
        CAPTURE(t);
        CHECK(rendered_new(t, fields, p) == rendered_old(t, fields, p));
    }
    // The shipped page template, over these values.
    DiskFiles template_files(std::string(BOARDPACK_SOURCE_DIR) + "/templates");
    Diagnostics d;
    auto templates = HtmlTemplates::load(template_files, d);
    REQUIRE_MESSAGE(templates, test::messages(d));
    CHECK(rendered_new(templates->page, fields, p) == rendered_old(templates->page, fields, p));
}

TEST_CASE("the page context answers with the values themselves, not only as the old tree did") {
    const PageItems p = two_items();
    const mstch::data fields = page_fields();
    // The second item has no "changed": the page's (a text) is found, and no changed_mark.
    CHECK(rendered_new("{{#agenda}}[{{heading}}{{#changed}} {{changed_mark}}{{/changed}}]{{/agenda}}", fields, p) ==
          "[1 (Offentlig) Rettet i version 2][2 (Lukket) ]");
    CHECK(rendered_new("{{#items}}{{#sections}}({{title}}){{/sections}}{{#attachments}}<{{anchor}}{{#has_file}} {{file}}{{/has_file}}>"
                       "{{/attachments}}{{^has_attachments}}{{w.ingen_bilag}}{{/has_attachments}}{{/items}}",
                       fields, p) == "(Sektion 0)(Sektion 3)<bilag-1-1><bilag-1-2 bilag/1-2.pdf><bilag-1-3>Ingen bilag");
    // A section's title is its own, an attachment's is its item's; a name none has is the page's.
    CHECK(rendered_new("{{#items}}{{#sections}}{{title}};{{/sections}}{{#attachments}}{{title}};{{/attachments}}{{changed}}{{/items}}",
                       fields, p) == "Sektion 0;Sektion 3;Budget &lt;2024&gt;;Budget &lt;2024&gt;;Budget &lt;2024&gt;;siden");
    CHECK(rendered_new("{{#attachments}}x{{/attachments}}{{^items}}none{{/items}}", fields, PageItems{}) == "none");
}

TEST_CASE("the example's page gets each item's values by name") {
    Diagnostics d;
    auto meeting = test::prepared_example(d);
    REQUIRE_MESSAGE(meeting, test::messages(d));
    DiskFiles template_files(std::string(BOARDPACK_SOURCE_DIR) + "/templates");
    auto templates = HtmlTemplates::load(template_files, d);
    REQUIRE_MESSAGE(templates, test::messages(d));
    templates->parsed_page = nullptr;  // the page below, not the shipped one
    templates->page =
        "{{#items}}{{anchor}}|{{heading}}|{{title}}|{{case_officer}}|{{case_number}}|{{#redacted}}R{{/redacted}}"
        "{{#confidential}}C{{/confidential}}|{{#sections}}{{title}};{{/sections}}|"
        "{{#attachments}}{{number}}:{{line}}:{{anchor}}:{{#has_file}}{{file}}{{/has_file}}{{#has_content}}c{{/has_content}};{{/attachments}}|"
        "{{#attachment_contents}}{{anchor}}:{{heading}};{{/attachment_contents}}\n{{/items}}";
    const render::Wording& wording = test::wording();
    for (const model::Edition e : {model::Edition::Lukket, model::Edition::Offentlig}) {
        const model::EditionView view = pipeline::edition(*meeting, e);
        std::string expected;
        for (const model::AgendaItem& item : view.items) {
            expected += model::item_anchor(item) + "|" + wording.item_heading(item) + "|" + item.title + "|" +
                        item.case_officer + "|" + item.case_number + "|" + (item.redacted ? "R" : "") +
                        (model::is_confidential(item.status) ? "C" : "") + "|";
            for (const model::Section& s : item.sections) expected += wording.section_title(s.kind) + ";";
            expected += "|";
            std::string contents;
            for (const model::Attachment& a : item.attachments) {
                const std::string anchor = model::attachment_anchor(item, a);
                expected += std::to_string(a.number) + ":" + wording.attachment_line(a) + ":" + anchor + ":" +
                            (a.pdf ? model::attachment_file(item, a) : "") + (a.content.empty() ? "" : "c") + ";";
                if (!a.content.empty()) contents += anchor + ":" + wording.attachment_heading(item, a) + ";";
            }
            expected += "|" + contents + "\n";
        }
        // The texts are plain here but for the escaping of the template's {{...}}.
        std::string escaped;
        render::html::append_escaped(expected, escaped, "&apos;");
        const auto html = render_html(view, wording, *templates, d);
        REQUIRE(html);
        CHECK(*html == escaped);
    }
}

#include "render/html/html_writer.hpp"

#include <kainjow/mustache.hpp>

#include <algorithm>
#include <tuple>

#include "core/text_file.hpp"
#include "model/anchors.hpp"
#include "render/html/html_blocks.hpp"

namespace boardpack::render::html {

namespace mstch = kainjow::mustache;
using model::attachment_anchor;
using model::item_anchor;
using model::Cell;

namespace {

const char* tone_class(Cell::Tone t) {
    switch (t) {
        case Cell::Tone::Good: return "god";
        case Cell::Tone::Bad: return "daarlig";
        case Cell::Tone::Neutral: return "neutral";
        default: return "";
    }
}

mstch::data table_data(const model::Table& t, const Wording& wording) {
    mstch::data d;
    d.set("caption", wording.table_caption(t));
    d.set("anchor", t.anchor);
    d.set("has_anchor", !t.anchor.empty());
    mstch::data header{mstch::data::type::list};
    for (size_t k = 0; k < t.header.size(); ++k) {
        mstch::data h;
        h.set("text", t.header[k]);
        h.set("numeric", k < t.numeric.size() && t.numeric[k]);
        header.push_back(h);
    }
    d.set("header", header);
    mstch::data rows{mstch::data::type::list};
    for (const model::TableRow& r : t.rows) {
        mstch::data row;
        row.set("computed", r.role == model::TableRow::Role::Computed);
        row.set("spacer", r.role == model::TableRow::Role::Spacer);
        row.set("label", r.cells.empty() ? std::string() : r.cells[0].text);
        row.set("columns", std::to_string(t.header.size()));
        mstch::data cells{mstch::data::type::list};
        for (size_t k = 1; k < r.cells.size(); ++k) {
            mstch::data c;
            std::string cls = k < t.numeric.size() && t.numeric[k] ? "tal" : "";
            const std::string tone = tone_class(r.cells[k].tone);
            if (!tone.empty()) cls += (cls.empty() ? "" : " ") + tone;
            c.set("text", r.cells[k].text);
            c.set("class", cls);
            c.set("has_class", !cls.empty());
            cells.push_back(c);
        }
        row.set("cells", cells);
        rows.push_back(row);
    }
    d.set("rows", rows);
    d.set("source", wording.table_source(t));
    d.set("has_source", !t.source.empty());
    mstch::data notes{mstch::data::type::list};
    for (const std::string& n : t.notes) notes.push_back(mstch::data(n));
    d.set("notes", notes);
    return d;
}

// Renders a parsed template, turning a template error (in parsing or rendering) into a diagnostic.
std::optional<std::string> render_template(mstch::mustache& tmpl, const std::string& name, const mstch::data& data,
                                           Diagnostics& diags) {
    std::string out = tmpl.is_valid() ? tmpl.render(data) : std::string();
    if (!tmpl.is_valid()) {
        diags.error({name, 0, 0}, "template error: " + tmpl.error_message());
        return std::nullopt;
    }
    return out;
}

}  // namespace

std::optional<HtmlTemplates> HtmlTemplates::load(const InputFiles& templates, Diagnostics& diags) {
    auto page = load_text_file(templates, "html/dagsorden.mustache", diags);
    auto table = load_text_file(templates, "html/tabel.mustache", diags);
    auto css = load_text_file(templates, "html/style.css", diags);
    auto archive = load_text_file(templates, "html/arkiv.mustache", diags);
    if (!page || !table || !css || !archive) return std::nullopt;
    // A template that does not parse is reported once, here, not for every page it would fill.
    bool ok = true;
    for (const TextFile* f : {&*page, &*table, &*archive}) {
        mstch::mustache tmpl{f->content};
        if (!tmpl.is_valid()) {
            diags.error({f->name, 0, 0}, "template error: " + tmpl.error_message());
            ok = false;
        }
    }
    if (!ok) return std::nullopt;
    return HtmlTemplates{page->content, table->content, css->content, archive->content};
}

namespace {

// The meeting's own fields and the wording the page template prints as is.
mstch::data page_data(const model::EditionView& view, const Wording& wording, const HtmlTemplates& templates) {
    mstch::data page;
    page.set("css", templates.css);
    page.set("title", view.title);
    page.set("organisation", view.organisation);
    page.set("body", view.body);
    page.set("meeting_line", wording.meeting_line(view));
    page.set("date", wording.date(view.date));
    page.set("time", view.time);
    page.set("place", view.place);
    page.set("edition", wording.edition(view.edition));
    page.set("closed_edition", view.edition == model::Edition::Lukket);

    mstch::data words;
    for (const char* key : {"dagsorden", "tidspunkt", "sted", "sagsbehandler", "sagsnummer", "bilag", "ingen-bilag"}) {
        std::string k(key);
        for (char& c : k)
            if (c == '-') c = '_';
        words.set(k, wording.get(key));
    }
    page.set("w", words);
    return page;
}

// An item's line in the agenda; the item itself starts from it.
mstch::data agenda_entry(const model::AgendaItem& item, const Wording& wording) {
    mstch::data entry;
    entry.set("anchor", item_anchor(item));
    entry.set("heading", wording.item_heading(item));
    entry.set("title", item.title);
    entry.set("redacted", item.redacted);
    entry.set("confidential", model::is_confidential(item.status));
    return entry;
}

// The item's attachments: the list under the item, and the content of those that have one.
void attachments_data(const model::AgendaItem& item, const Wording& wording, const TableRenderer& table,
                      mstch::data& it) {
    mstch::data list{mstch::data::type::list};
    mstch::data contents{mstch::data::type::list};
    for (const model::Attachment& a : item.attachments) {
        mstch::data ad;
        ad.set("line", wording.attachment_line(a));
        ad.set("number", std::to_string(a.number));
        ad.set("has_content", !a.content.empty());
        ad.set("anchor", attachment_anchor(item, a));
        list.push_back(ad);
        if (!a.content.empty()) {
            mstch::data cd;
            cd.set("anchor", attachment_anchor(item, a));
            cd.set("heading", wording.attachment_heading(item, a));
            cd.set("line", wording.attachment_line(a));
            cd.set("html", render_blocks(a.content, item, table));
            contents.push_back(cd);
        }
    }
    it.set("attachments", list);
    it.set("has_attachments", !item.attachments.empty());
    it.set("attachment_contents", contents);
}

// One item: its header, its sections and its attachments.
mstch::data item_data(const model::AgendaItem& item, const mstch::data& entry, const Wording& wording,
                      const TableRenderer& table) {
    mstch::data it = entry;
    it.set("case_officer", item.case_officer);
    it.set("case_number", item.case_number);
    mstch::data sections{mstch::data::type::list};
    for (const model::Section& s : item.sections) {
        mstch::data sd;
        sd.set("title", wording.section_title(s.kind));
        sd.set("html", render_blocks(s.blocks, item, table));
        sections.push_back(sd);
    }
    it.set("sections", sections);
    attachments_data(item, wording, table, it);
    return it;
}

}  // namespace

std::optional<std::string> render_html(const model::EditionView& view, const Wording& wording,
                                       const HtmlTemplates& templates, Diagnostics& diags) {
    const int errors_before = diags.error_count();
    // The table template is parsed once and filled for every table.
    mstch::mustache table_template{templates.table};
    TableRenderer table = [&](const model::Table& t) -> std::string {
        auto out = render_template(table_template, "templates/html/tabel.mustache", table_data(t, wording), diags);
        return out ? *out : std::string();
    };

    mstch::data page = page_data(view, wording, templates);
    mstch::data agenda{mstch::data::type::list};
    mstch::data items{mstch::data::type::list};
    for (const model::AgendaItem& item : view.items) {
        const mstch::data entry = agenda_entry(item, wording);
        agenda.push_back(entry);
        items.push_back(item_data(item, entry, wording, table));
    }
    page.set("agenda", agenda);
    page.set("items", items);

    mstch::mustache page_template{templates.page};
    auto out = render_template(page_template, "templates/html/dagsorden.mustache", page, diags);
    if (diags.error_count() > errors_before) return std::nullopt;
    return out;
}

namespace {

// A folder name as one segment of a relative address: every byte but letters, digits and
// "-._~" percent-encoded, so "møde 2023" or a name with "#" or "?" still leads to its folder.
std::string url_segment(const std::string& name) {
    static const char* const kHex = "0123456789ABCDEF";
    std::string out;
    for (const unsigned char c : name) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
            c == '_' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

}  // namespace

std::optional<std::string> render_archive(std::vector<ArchiveMeeting> meetings, const Wording& wording,
                                          const HtmlTemplates& templates, Diagnostics& diags) {
    auto newer = [](const model::Date& a, const model::Date& b) {
        return std::tie(a.year, a.month, a.day) > std::tie(b.year, b.month, b.day);
    };
    std::sort(meetings.begin(), meetings.end(), [&](const ArchiveMeeting& a, const ArchiveMeeting& b) {
        if (a.date.year != b.date.year) return a.date.year > b.date.year;
        if (a.body != b.body) return a.body < b.body;
        if (newer(a.date, b.date) || newer(b.date, a.date)) return newer(a.date, b.date);
        return a.id < b.id;
    });
    mstch::data years{mstch::data::type::list};
    mstch::data year, bodies{mstch::data::type::list}, body, list{mstch::data::type::list};
    int current_year = -1;
    std::string current_body;
    auto close_body = [&] {
        if (current_body.empty() && list.is_empty_list()) return;
        body.set("meetings", list);
        bodies.push_back(body);
        body = mstch::data{};
        list = mstch::data{mstch::data::type::list};
    };
    auto close_year = [&] {
        if (current_year < 0) return;
        close_body();
        year.set("bodies", bodies);
        years.push_back(year);
        year = mstch::data{};
        bodies = mstch::data{mstch::data::type::list};
    };
    for (const ArchiveMeeting& m : meetings) {
        if (m.date.year != current_year) {
            close_year();
            current_year = m.date.year;
            current_body.clear();
            year.set("year", std::to_string(m.date.year));
            body.set("body", m.body);
            current_body = m.body;
        } else if (m.body != current_body) {
            close_body();
            body.set("body", m.body);
            current_body = m.body;
        }
        mstch::data d;
        d.set("id", url_segment(m.id));
        d.set("title", m.title);
        d.set("date", wording.date(m.date));
        list.push_back(d);
    }
    close_year();
    mstch::data page;
    page.set("years", years);
    page.set("css", templates.css);
    if (!meetings.empty() && !meetings.front().organisation.empty()) page.set("organisation", meetings.front().organisation);
    mstch::mustache tmpl{templates.archive};
    return render_template(tmpl, "html/arkiv.mustache", page, diags);
}

}  // namespace boardpack::render::html

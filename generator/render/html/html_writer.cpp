#include "render/html/html_writer.hpp"
#include "core/messages.hpp"

#include <kainjow/mustache.hpp>

#include <algorithm>
#include <cstdio>
#include <tuple>

#include "core/text_file.hpp"
#include "model/anchors.hpp"
#include "model/attachment_file.hpp"
#include "render/correction_sheet.hpp"
#include "render/html/context_values.hpp"
#include "render/html/correction_html.hpp"
#include "render/chart/chart_text.hpp"
#include "render/html/html_blocks.hpp"
#include "render/html/page_context.hpp"
#include "render/html/table_context.hpp"

namespace boardpack::render::html {

namespace mstch = kainjow::mustache;
using model::attachment_anchor;
using model::item_anchor;

namespace {

// kainjow's data copies on set and push_back, a whole tree each time. These move a finished value
// in instead. The list is reached through list_value(): the vector it refers to is the data's own,
// not const, so adding to it is sound.
mstch::list& list_of(mstch::data& list) { return const_cast<mstch::list&>(list.list_value()); }

void put(mstch::data& object, const std::string& key, mstch::data&& value) { object[key] = std::move(value); }

mstch::data string_data(std::string&& text) {
    mstch::data value{mstch::data::type::string};
    const_cast<std::string&>(value.string_value()) = std::move(text);
    return value;
}

mstch::data string_data(const std::string& text) { return string_data(std::string(text)); }

void put(mstch::data& object, const std::string& key, std::string&& text) { object[key] = string_data(std::move(text)); }

void put(mstch::data& object, const std::string& key, const std::string& text) {
    put(object, key, std::string(text));
}

// Keeps a string literal from turning into the bool overload.
[[maybe_unused]] void put(mstch::data& object, const std::string& key, const char* text) { put(object, key, std::string(text)); }

// A bool is copied for nothing, while operator[] would first make an empty object to replace.
void put(mstch::data& object, const std::string& key, bool value) { object.set(key, mstch::data(value)); }

// kainjow's own escaping of {{variables}}, byte for byte (&apos; included), but copying the runs
// between special characters at once instead of appending character by character.
std::string template_escape(const std::string& text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    append_escaped(text, out, "&apos;");  // kainjow's own entity for "'", so the bytes stay as they were
    return out;
}

// kainjow's own context (mustache.hpp: context), the names looked for from the innermost
// section out as there, but a dotted name ({{w.bilag}}) followed without first splitting it
// through a string stream into a vector of strings: the page's dotted names cost 0,6 M
// instructions that way, most of it the stream's locale.
class DataContext final : public mstch::basic_context<std::string> {
public:
    explicit DataContext(const mstch::data& data) { items_.push_back(&data); }
    void push(const mstch::data* data) override { items_.push_back(data); }
    void pop() override { items_.pop_back(); }

    const mstch::data* get(const std::string& name) const override {
        if (name.size() == 1 && name[0] == '.') return items_.back();
        if (name.find('.') == std::string::npos) return get_partial(name);
        for (auto it = items_.rbegin(); it != items_.rend(); ++it) {
            // The names between the dots as kainjow's split() reads them: a last empty one
            // ("a.") is no name.
            if (const mstch::data* var = follow_names(*it, name, 0, key_)) return var;
        }
        return nullptr;
    }
    const mstch::data* get_partial(const std::string& name) const override {
        for (auto it = items_.rbegin(); it != items_.rend(); ++it)
            if (const mstch::data* var = (*it)->get(name)) return var;
        return nullptr;
    }

private:
    std::vector<const mstch::data*> items_;  // the innermost last
    mutable std::string key_;
};

// kainjow writes the text to a stream with <<: this one appends it to out.
struct Appender {
    std::string& out;
    Appender& operator<<(const std::string& s) {
        out += s;
        return *this;
    }
};

// Renders a parsed template, the names answered by `context`, each piece of text given to
// `sink` (sink << piece) as kainjow makes it, turning a template error (in parsing or
// rendering) into a diagnostic.
template <typename Sink>
bool render_template(mstch::mustache& tmpl, const std::string& name, mstch::basic_context<std::string>& context,
                     Diagnostics& diags, Sink& sink) {
    if (tmpl.is_valid()) tmpl.render(context, sink);
    if (!tmpl.is_valid()) {
        diags.error({name, 0, 0}, fmt(_("template error: {}"), tmpl.error_message()));
        return false;
    }
    return true;
}

// The same into out: straight in, not through a string stream and a copy of it.
bool render_template(mstch::mustache& tmpl, const std::string& name, mstch::basic_context<std::string>& context,
                     Diagnostics& diags, std::string& out) {
    Appender appender{out};
    return render_template(tmpl, name, context, diags, appender);
}

bool render_template(mstch::mustache& tmpl, const std::string& name, const mstch::data& data, Diagnostics& diags,
                     std::string& out) {
    DataContext context{data};
    return render_template(tmpl, name, context, diags, out);
}

std::optional<std::string> render_template(mstch::mustache& tmpl, const std::string& name, const mstch::data& data,
                                           Diagnostics& diags) {
    std::string out;
    if (!render_template(tmpl, name, data, diags, out)) return std::nullopt;
    return out;
}

}  // namespace

ParsedTemplate::ParsedTemplate(const std::string& text) : parsed_(std::make_unique<const Mustache>(text)) {}

ParsedTemplate::~ParsedTemplate() = default;

ParsedTemplate::Lent::Lent(ParsedTemplate* from, std::unique_ptr<Mustache> copy) : from_(from), copy_(std::move(copy)) {}

ParsedTemplate::Lent::Lent(Lent&& other) noexcept : from_(other.from_), copy_(std::move(other.copy_)) {}

ParsedTemplate::Lent::~Lent() {
    if (from_ && copy_) from_->give_back(std::move(copy_));
}

ParsedTemplate::Lent ParsedTemplate::lend() {
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        if (!spare_.empty()) {
            std::unique_ptr<Mustache> copy = std::move(spare_.back());
            spare_.pop_back();
            return Lent{this, std::move(copy)};
        }
        ++made_;
    }
    return Lent{this, std::make_unique<Mustache>(*parsed_)};
}

ParsedTemplate::Lent ParsedTemplate::lend(const std::shared_ptr<ParsedTemplate>& kept, const std::string& text) {
    return kept ? kept->lend() : Lent{nullptr, std::make_unique<Mustache>(text)};
}

size_t ParsedTemplate::made() const {
    const std::lock_guard<std::mutex> lock(mutex_);
    return made_;
}

void ParsedTemplate::give_back(std::unique_ptr<Mustache> copy) {
    // One that failed keeps its error: it is dropped.
    if (!copy->is_valid()) return;
    const std::lock_guard<std::mutex> lock(mutex_);
    spare_.push_back(std::move(copy));
}

std::optional<HtmlTemplates> HtmlTemplates::load(const InputFiles& templates, Diagnostics& diags) {
    auto page = load_text_file(templates, "html/dagsorden.mustache", diags);
    auto table = load_text_file(templates, "html/tabel.mustache", diags);
    auto css = load_text_file(templates, "html/style.css", diags);
    auto archive = load_text_file(templates, "html/arkiv.mustache", diags);
    if (!page || !table || !css || !archive) return std::nullopt;
    // A template that does not parse is reported once, here, not for every page it would fill.
    bool ok = true;
    std::shared_ptr<ParsedTemplate> parsed[3];
    const TextFile* files[3] = {&*page, &*table, &*archive};
    for (size_t k = 0; k < 3; ++k) {
        auto tmpl = std::make_shared<ParsedTemplate>(files[k]->content);
        if (!tmpl->parsed().is_valid()) {
            diags.error({files[k]->name, 0, 0}, fmt(_("template error: {}"), tmpl->parsed().error_message()));
            ok = false;
        }
        parsed[k] = std::move(tmpl);
    }
    if (!ok) return std::nullopt;
    return HtmlTemplates{page->content, table->content, css->content, archive->content, parsed[0], parsed[1], parsed[2]};
}

namespace {

// A CSS string literal of `text`: quotes, backslashes and what could end the <style> element
// are escaped as CSS hex escapes.
std::string css_string(const std::string& text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' || c == '\n' || c == '\r') {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\%x ", static_cast<unsigned char>(c));
            out += hex;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

// The meeting's own fields and the wording the page template prints as is.
mstch::data page_data(const model::EditionView& view, const Wording& wording, const HtmlTemplates& templates) {
    mstch::data page;
    put(page, "css", templates.css);
    put(page, "title", view.title);
    put(page, "organisation", view.organisation);
    put(page, "body", view.body);
    put(page, "meeting_line", wording.meeting_line(view));
    put(page, "date", wording.date(view.date));
    put(page, "time", view.time);
    put(page, "place", view.place);
    // The same as HTML with the words a line must not part kept together, as the PDF keeps
    // them ("7. marts 2024", "kl. 12.00-12.45"): a phone broke the front page's date over two lines.
    const auto kept_whole = [](const std::string& text) {
        std::string html;
        append_text(text, html);
        return html;
    };
    put(page, "meeting_line_html", kept_whole(wording.meeting_line(view)));
    put(page, "time_html", kept_whole(view.time));
    put(page, "place_html", kept_whole(view.place));
    put(page, "edition", wording.edition(view.edition));
    put(page, "closed_edition", view.edition == model::Edition::Lukket);
    put(page, "document_title", wording.document_title(view));
    // A corrected edition (issue 13): its version line, the legend of the marks, the rettelsesblad.
    const std::string version = wording.version_line(view);
    put(page, "has_version", !version.empty());
    if (!version.empty()) {
        put(page, "version_line", version);
        put(page, "version_number", std::to_string(view.changes->version.number));
        put(page, "has_marks", has_marks(view));
        put(page, "marks_legend", wording.get("forklaring-maerker-html"));
    }
    if (view.edition == model::Edition::Lukket) {
        put(page, "closed_mark", wording.closed_mark());
        put(page, "closed_mark_css", css_string(wording.closed_mark()));
    }

    mstch::data words;
    for (const char* key : {"dagsorden", "tidspunkt", "sted", "sagsbehandler", "sagsnummer", "bilag", "ingen-bilag"}) {
        std::string k(key);
        for (char& c : k)
            if (c == '-') c = '_';
        put(words, k, wording.get(key));
    }
    put(page, "w", std::move(words));
    return page;
}

// What the items' values are made with; html_bytes adds up the fragments, which make up most of
// the page, so the page's string can be reserved once.
struct ItemContext {
    const Wording& wording;
    const TableRenderer& table;
    std::string changed_word;  // the hidden word of a mark, or "" (version 1: no marks)
    Diagnostics& diags;
    BlocksHtmlMemo* memo;  // shared with the other edition rendered together, or none
    size_t html_bytes = 0;
};

// The blocks' HTML, for one string data: the memo's when the other edition made it.
PageItem::Html blocks_html(const std::vector<model::Block>& blocks, const model::AgendaItem& item, ItemContext& ctx) {
    const auto make = [&](std::string& into) {
        const int errors_before = ctx.diags.error_count();
        render_blocks(blocks, item, ctx.table, into, ctx.changed_word);
        return ctx.diags.error_count() == errors_before;
    };
    // A table only a confidential item links to has its anchor in the closed edition alone.
    PageItem::Html html = ctx.memo && !anchors_differ(item) ? ctx.memo->markup(&blocks, ctx.changed_word, make)
                                                            : make_html(make);
    ctx.html_bytes += html->string_value().size();
    return html;
}

// The item's attachments: the list under the item, and the content of those that have one.
void attachment_values(const model::AgendaItem& item, ItemContext& ctx, PageItem& it) {
    const Wording& wording = ctx.wording;
    it.attachments.reserve(item.attachments.size());
    it.contents.reserve(item.attachments.size());  // no copy of a content's HTML as the list grows
    for (const model::Attachment& a : item.attachments) {
        PageItem::Attachment& ad = it.attachments.emplace_back();
        ad.anchor = string_data(attachment_anchor(item, a));
        // The line as text ({{line}}, as a template written before line_html prints it), and as
        // HTML with its case number kept on one line ({{{line_html}}}).
        std::string line = wording.attachment_line(a);
        ad.line_html = string_data(text_html(line, "&apos;"));
        ad.line = string_data(std::move(line));
        ad.number = string_data(std::to_string(a.number));
        ad.has_content = !a.content.empty();
        if (ad.has_content) {
            PageItem::Content& cd = it.contents.emplace_back();
            cd.attachment = it.attachments.size() - 1;
            cd.heading = string_data(wording.attachment_heading(item, a));
            cd.html = blocks_html(a.content, item, ctx);
        }
        // A PDF attachment is its own file beside the page (bilag/...): the reader downloads it.
        ad.has_file = a.pdf != nullptr;
        if (a.pdf) ad.file = string_data(model::attachment_file(item, a));
    }
}

// One item: its agenda entry's fields, its header, its sections and its attachments.
// `mark`: "Rettet i version N", or "" for a first publication.
PageItem item_values(const model::AgendaItem& item, const std::string& mark, ItemContext& ctx) {
    PageItem it;
    // A stand-in never carries the flag (model/document.hpp); the check keeps it so.
    it.changed = item.changed && !item.redacted && !mark.empty();
    it.anchor = string_data(item_anchor(item));
    it.heading = string_data(ctx.wording.item_heading(item));
    it.title = string_data(item.title);
    it.redacted = item.redacted;
    it.confidential = model::is_confidential(item.status);
    it.case_officer = string_data(item.case_officer);
    it.case_number = string_data(item.case_number);
    it.sections.reserve(item.sections.size());
    for (const model::Section& s : item.sections) it.sections.push_back({s.kind, blocks_html(s.blocks, item, ctx)});
    attachment_values(item, ctx, it);
    return it;
}

// The tables' markup from the table template, parsed once and filled for every table.
class TemplateTables final : public TableRenderer {
public:
    TemplateTables(const HtmlTemplates& templates, const Wording& wording, Diagnostics& diags, std::string changed_word,
                   model::Edition edition)
        : template_{ParsedTemplate::lend(templates.parsed_table, templates.table)},
          wording_(wording),
          diags_(diags),
          changed_word_(std::move(changed_word)),
          edition_(edition) {
        (*template_).set_custom_escape(template_escape);
    }

    void render(const model::AgendaItem& item, size_t index, std::string& out) const override {
        TableContext context{item.tables[index], wording_, table_caption_id(item, index), changed_word_, edition_};
        // kainjow's render is not const, though it changes nothing but to note an error.
        render_template(*template_, "templates/html/tabel.mustache", context, diags_, out);
    }
    std::string figure_caption(int number, const std::string& description) const override {
        return wording_.figure_caption(number, description);
    }
    const render::chart::ChartWords& chart_words() const override { return chart_words_; }

private:
    const ParsedTemplate::Lent template_;
    const Wording& wording_;
    render::chart::ChartWords chart_words_ = render::chart::chart_words(wording_);
    Diagnostics& diags_;
    std::string changed_word_;
    model::Edition edition_;
};

}  // namespace

namespace {

// kainjow's pieces of text (a few bytes each) gathered for `give` into pieces of some 64 KiB.
// A long one (a line with an item's blocks in it) is given as it is, after what was gathered
// before it: copying it into the piece cost an instruction a byte, more than giving it apart.
struct Pieces {
    static constexpr size_t kPiece = 64 * 1024;
    static constexpr size_t kLong = 4 * 1024;
    const HtmlPut& give;
    std::string piece;

    explicit Pieces(const HtmlPut& g) : give(g) { piece.reserve(kPiece); }
    Pieces& operator<<(const std::string& s) {
        const bool whole = s.size() >= kLong;
        if ((whole || piece.size() + s.size() > kPiece) && !piece.empty()) {
            give(piece);
            piece.clear();
        }
        if (whole) give(s);
        else piece += s;
        return *this;
    }
};

// The packet's page, or with `sheet_only` the rettelsesblad's own page (the packet's header and
// the sheet, without the agenda and the items).
// Into `whole`, or with none given on to `give` as it is made, in pieces of some 64 KiB (kainjow
// makes it a few bytes at a time), so that a large meeting's page (several MB) is never held
// whole beside the fragments it is made of. False if a template failed (reported).
bool render_page(const model::EditionView& view, const Wording& wording, const HtmlTemplates& templates,
                 Diagnostics& diags, bool sheet_only, std::string* whole, const HtmlPut& give, BlocksHtmlMemo* blocks) {
    const int errors_before = diags.error_count();
    const bool corrected = corrected_version(view) > 0;
    const std::string changed_word = corrected ? wording.get("skjult-rettet") : "";
    const TemplateTables table{templates, wording, diags, changed_word, view.edition};

    ItemContext ctx{wording, table, changed_word, diags, blocks};
    mstch::data page = page_data(view, wording, templates);
    if (corrected) {
        std::string sheet = correction_section(correction_sheet(view, wording), wording, !sheet_only);
        ctx.html_bytes += sheet.size();
        put(page, "correction_html", std::move(sheet));
    }
    if (sheet_only) {
        put(page, "sheet_only", true);
        put(page, "has_marks", false);  // the legend is for the packet's marks
        put(page, "document_title", wording.get("rettelsesblad-titel", {{"titel", wording.document_title(view)}}));
    }
    // The agenda and the items (none on the sheet's own page), answered by PageContext.
    PageItems items;
    const std::string mark = wording.changed_mark(view);
    items.changed_mark = string_data(mark);
    for (int k = 0; k < model::kSectionCount; ++k)
        items.section_titles.push_back(string_data(wording.section_title(static_cast<model::SectionKind>(k))));
    if (!sheet_only) {
        items.items.reserve(view.items.size());
        for (const model::AgendaItem& item : view.items) items.items.push_back(item_values(item, mark, ctx));
    }

    const ParsedTemplate::Lent lent = ParsedTemplate::lend(templates.parsed_page, templates.page);
    mstch::mustache& page_template = *lent;
    page_template.set_custom_escape(template_escape);
    const std::string name = "templates/html/dagsorden.mustache";
    if (whole) {
        // The fragments and the inlined style sheet, and a quarter more for the rest of the page.
        const size_t fragments = ctx.html_bytes + templates.css.size();
        whole->reserve(fragments + fragments / 4 + 8 * 1024);
        PageContext context{page, items};
        render_template(page_template, name, context, diags, *whole);
    } else {
        Pieces pieces{give};
        PageContext context{page, items};
        render_template(page_template, name, context, diags, pieces);
        if (!pieces.piece.empty()) give(pieces.piece);
    }
    return diags.error_count() == errors_before;
}

}  // namespace

std::optional<std::string> render_html(const model::EditionView& view, const Wording& wording,
                                       const HtmlTemplates& templates, Diagnostics& diags, BlocksHtmlMemo* blocks) {
    std::string out;
    if (!render_page(view, wording, templates, diags, false, &out, {}, blocks)) return std::nullopt;
    return out;
}

bool render_html(const model::EditionView& view, const Wording& wording, const HtmlTemplates& templates,
                 Diagnostics& diags, const HtmlPut& put, BlocksHtmlMemo* blocks) {
    return render_page(view, wording, templates, diags, false, nullptr, put, blocks);
}

std::optional<std::string> render_correction_html(const model::EditionView& view, const Wording& wording,
                                                  const HtmlTemplates& templates, Diagnostics& diags) {
    if (!corrected_version(view)) return std::string();
    std::string out;
    if (!render_page(view, wording, templates, diags, true, &out, {}, nullptr)) return std::nullopt;
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
        put(body, "meetings", std::move(list));
        list_of(bodies).push_back(std::move(body));
        body = mstch::data{};
        list = mstch::data{mstch::data::type::list};
    };
    auto close_year = [&] {
        if (current_year < 0) return;
        close_body();
        put(year, "bodies", std::move(bodies));
        list_of(years).push_back(std::move(year));
        year = mstch::data{};
        bodies = mstch::data{mstch::data::type::list};
    };
    for (const ArchiveMeeting& m : meetings) {
        if (m.date.year != current_year) {
            close_year();
            current_year = m.date.year;
            current_body.clear();
            put(year, "year", std::to_string(m.date.year));
            put(body, "body", m.body);
            current_body = m.body;
        } else if (m.body != current_body) {
            close_body();
            put(body, "body", m.body);
            current_body = m.body;
        }
        mstch::data d;
        // Each packet's own file names: an older packet's differ from today's.
        auto href = [&](const std::string& file) {
            std::string url = url_segment(m.id);
            for (size_t from = 0; from <= file.size();) {
                const size_t slash = std::min(file.find('/', from), file.size());
                url += "/" + url_segment(file.substr(from, slash - from));
                from = slash + 1;
            }
            return url;
        };
        put(d, "html", href(m.html));
        put(d, "pdf", href(m.pdf));
        put(d, "title", m.title);
        put(d, "date", wording.date(m.date));
        list_of(list).push_back(std::move(d));
    }
    close_year();
    mstch::data page;
    put(page, "years", std::move(years));
    put(page, "css", templates.css);
    if (!meetings.empty() && !meetings.front().organisation.empty()) put(page, "organisation", meetings.front().organisation);
    const ParsedTemplate::Lent tmpl = ParsedTemplate::lend(templates.parsed_archive, templates.archive);
    return render_template(*tmpl, "html/arkiv.mustache", page, diags);
}

}  // namespace boardpack::render::html

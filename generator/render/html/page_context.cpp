#include "render/html/page_context.hpp"

#include <string_view>

#include "render/html/context_values.hpp"

namespace boardpack::render::html {

namespace {

using Data = PageContext::Data;

// Whether `item` is an entry of `list` (a list this context gave out, if any), and which.
bool in(const Data* list, const Data* item, size_t* index) { return list && entry_of(*list, item, index); }

}  // namespace

PageContext::PageContext(const Data& page, const PageItems& items)
    : page_(page), items_(items), agenda_(placeholders(items.items.size())), item_list_(placeholders(items.items.size())) {
    frames_.push_back({Kind::Page, &page_, 0, 0});
}

PageContext::Name PageContext::name_of(const std::string& name) {
    // By length first: then at most a few comparisons of a few bytes each.
    const std::string_view n = name;
    switch (n.size()) {
        case 4:
            if (n == "line") return Name::Line;
            if (n == "html") return Name::Html;
            if (n == "file") return Name::File;
            break;
        case 5:
            if (n == "title") return Name::Title;
            if (n == "items") return Name::Items;
            break;
        case 6:
            if (n == "anchor") return Name::Anchor;
            if (n == "agenda") return Name::Agenda;
            if (n == "number") return Name::Number;
            break;
        case 7:
            if (n == "heading") return Name::Heading;
            if (n == "changed") return Name::Changed;
            break;
        case 8:
            if (n == "redacted") return Name::Redacted;
            if (n == "sections") return Name::Sections;
            if (n == "has_file") return Name::HasFile;
            break;
        case 9:
            if (n == "line_html") return Name::LineHtml;
            break;
        case 11:
            if (n == "case_number") return Name::CaseNumber;
            if (n == "attachments") return Name::Attachments;
            if (n == "has_content") return Name::HasContent;
            break;
        case 12:
            if (n == "confidential") return Name::Confidential;
            if (n == "case_officer") return Name::CaseOfficer;
            if (n == "changed_mark") return Name::ChangedMark;
            break;
        case 15:
            if (n == "has_attachments") return Name::HasAttachments;
            break;
        case 19:
            if (n == "attachment_contents") return Name::AttachmentContents;
            break;
    }
    return Name::Other;
}

const Data* PageContext::list_of(std::map<size_t, Data>& lists, size_t entries) const {
    auto it = lists.find(entries);
    if (it == lists.end()) it = lists.emplace(entries, placeholders(entries)).first;
    return &it->second;
}

const Data* PageContext::find_list(const std::map<size_t, Data>& lists, size_t entries) const {
    const auto it = lists.find(entries);
    return it == lists.end() ? nullptr : &it->second;
}

void PageContext::push(const Data* data) {
    Frame f{Kind::Other, data, 0, 0};
    if (in(&agenda_, data, &f.item)) {
        f.kind = Kind::Entry;
    } else if (in(&item_list_, data, &f.item)) {
        f.kind = Kind::Item;
    } else {
        // An entry of a list the innermost item gave out: only an item answers "sections",
        // "attachments" and "attachment_contents", and the frames are as they were when the
        // list was looked up.
        for (auto it = frames_.rbegin(); it != frames_.rend(); ++it) {
            if (it->kind != Kind::Item) continue;
            const PageItem& item = items_.items[it->item];
            f.item = it->item;
            if (in(find_list(section_lists_, item.sections.size()), data, &f.index)) f.kind = Kind::Section;
            else if (in(find_list(attachment_lists_, item.attachments.size()), data, &f.index)) f.kind = Kind::Attachment;
            else if (in(find_list(content_lists_, item.contents.size()), data, &f.index)) f.kind = Kind::Content;
            break;
        }
    }
    frames_.push_back(f);
}

void PageContext::pop() { frames_.pop_back(); }

// An agenda entry's fields; an item has them too. A "changed" the entry lacks is looked for
// further out, as it was when the entry's object had no such key.
const Data* PageContext::entry_value(const PageItem& item, Name name) const {
    switch (name) {
        case Name::Changed: return item.changed ? boolean(true) : nullptr;
        case Name::ChangedMark: return item.changed ? &items_.changed_mark : nullptr;
        case Name::Anchor: return &item.anchor;
        case Name::Heading: return &item.heading;
        case Name::Title: return &item.title;
        case Name::Redacted: return boolean(item.redacted);
        case Name::Confidential: return boolean(item.confidential);
        default: return nullptr;
    }
}

const Data* PageContext::item_value(const PageItem& item, Name name) const {
    switch (name) {
        case Name::CaseOfficer: return &item.case_officer;
        case Name::CaseNumber: return &item.case_number;
        // Given out here and entered next: its entries are this item's.
        case Name::Sections: return list_of(section_lists_, item.sections.size());
        case Name::Attachments: return list_of(attachment_lists_, item.attachments.size());
        case Name::HasAttachments: return boolean(!item.attachments.empty());
        case Name::AttachmentContents: return list_of(content_lists_, item.contents.size());
        default: return entry_value(item, name);
    }
}

const Data* PageContext::attachment_value(const PageItem::Attachment& a, Name name) const {
    switch (name) {
        case Name::Number: return &a.number;
        case Name::HasContent: return boolean(a.has_content);
        case Name::Line: return &a.line;
        case Name::LineHtml: return &a.line_html;
        case Name::Anchor: return &a.anchor;
        case Name::HasFile: return boolean(a.has_file);
        case Name::File: return a.has_file ? &a.file : nullptr;
        default: return nullptr;
    }
}

const Data* PageContext::content_value(const PageItem& item, const PageItem::Content& c, Name name) const {
    const PageItem::Attachment& a = item.attachments[c.attachment];
    switch (name) {
        case Name::Anchor: return &a.anchor;
        case Name::Heading: return &c.heading;
        case Name::Line: return &a.line;
        case Name::LineHtml: return &a.line_html;
        case Name::Html: return c.html.get();
        default: return nullptr;
    }
}

const Data* PageContext::answer(const Frame& f, Name name, const std::string& text) const {
    switch (f.kind) {
        case Kind::Page:
            if (name == Name::Agenda) return &agenda_;
            if (name == Name::Items) return &item_list_;
            return page_.get(text);
        case Kind::Entry: return entry_value(items_.items[f.item], name);
        case Kind::Item: return item_value(items_.items[f.item], name);
        case Kind::Section: {
            const PageItem::Section& s = items_.items[f.item].sections[f.index];
            if (name == Name::Title) return &items_.section_titles[static_cast<size_t>(s.kind)];
            if (name == Name::Html) return s.html.get();
            return nullptr;
        }
        case Kind::Attachment: return attachment_value(items_.items[f.item].attachments[f.index], name);
        case Kind::Content: return content_value(items_.items[f.item], items_.items[f.item].contents[f.index], name);
        case Kind::Other: return f.data ? f.data->get(text) : nullptr;  // none for a value that is no object
    }
    return nullptr;
}

const Data* PageContext::get(const std::string& name) const {
    // The value the innermost section entered.
    if (name.size() == 1 && name[0] == '.') return frames_.back().data;
    // A name this context knows has no dot: only another is looked at for one.
    const Name n = name_of(name);
    const size_t first_dot = n == Name::Other ? name.find('.') : std::string::npos;
    if (first_dot == std::string::npos) {
        for (auto it = frames_.rbegin(); it != frames_.rend(); ++it)
            if (const Data* value = answer(*it, n, name)) return value;
        return nullptr;
    }
    // A dotted name ({{w.bilag}}): its first part looked for in each section from the innermost
    // out, the rest followed from the value found there, as kainjow's context does. The names
    // between the dots are read as kainjow's split() reads them: a last empty one ("a.") is no
    // name. Only the page's own fields have fields of their own.
    key_.assign(name, 0, first_dot);
    const Name first_name = name_of(key_);
    const std::string first = key_;
    for (auto it = frames_.rbegin(); it != frames_.rend(); ++it) {
        if (const Data* var = follow_names(answer(*it, first_name, first), name, first_dot + 1, key_)) return var;
    }
    return nullptr;
}

const Data* PageContext::get_partial(const std::string& name) const {
    // kainjow's context looks for a partial's name, dots and all, as one key of each section's
    // object: no key here has a dot, nor is "." a key.
    if (name.find('.') != std::string::npos) return nullptr;
    return get(name);
}

}  // namespace boardpack::render::html

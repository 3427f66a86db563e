// The page template's names (templates/html/dagsorden.mustache) for the agenda and the items,
// answered from the items' values as the template asks for them. The template sees what it
// always saw (agenda, items, their sections, attachments and attachment_contents, each with
// its fields), but no tree of kainjow data is built for the page and taken apart after: an
// object per item, section and attachment, each field put through kainjow's operator[] (which
// makes and frees an empty object first), cost the example some 2 M instructions.
// kainjow asks its context for a name (get) and tells it which value a section has entered
// (push, pop); this context knows the lists it gave out, so it knows which item, section or
// attachment a section is in. The page's own fields (title, w.*, ...) stay a small object of
// kainjow data: there are few of them.
#pragma once

#include <kainjow/mustache.hpp>

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "model/document.hpp"

namespace boardpack::render::html {

// An item's values as the page template prints them, made once for the page (in the order the
// page's data was made before: the blocks' HTML reports its errors in that order).
// Its values start as no value of kainjow's (an object, the default, is a map made for nothing).
struct PageItem {
    using Data = kainjow::mustache::data;
    // A section's or an attachment's blocks' HTML: shared with the other edition's page when the
    // two render together (blocks_memo.hpp), never null.
    using Html = std::shared_ptr<const Data>;
    struct Section {
        model::SectionKind kind;  // its title is PageItems::section_titles'
        Html html;
    };
    struct Attachment {
        Data number{Data::type::invalid}, line{Data::type::invalid}, line_html{Data::type::invalid},
            anchor{Data::type::invalid}, file{Data::type::invalid};  // file: only with has_file
        bool has_content = false, has_file = false;
    };
    // An attachment with content of its own, printed after the item (anchor, line and
    // line_html its attachment's).
    struct Content {
        size_t attachment = 0;  // in attachments
        Data heading{Data::type::invalid};
        Html html;
    };

    Data anchor{Data::type::invalid}, heading{Data::type::invalid}, title{Data::type::invalid},
        case_officer{Data::type::invalid}, case_number{Data::type::invalid};
    bool changed = false;  // marked "Rettet i version N" (PageItems::changed_mark)
    bool redacted = false, confidential = false;
    std::vector<Section> sections;
    std::vector<Attachment> attachments;
    std::vector<Content> contents;
};

struct PageItems {
    using Data = kainjow::mustache::data;
    std::vector<PageItem> items;
    Data changed_mark{Data::type::invalid};  // a changed item's changed_mark
    std::vector<Data> section_titles;         // by SectionKind, made once for the page
};

class PageContext final : public kainjow::mustache::basic_context<std::string> {
public:
    using Data = kainjow::mustache::data;
    // `page`: the page's own fields (an object); "agenda" and "items" are answered from `items`.
    // Both are kept by reference and must outlive the context.
    PageContext(const Data& page, const PageItems& items);

    void push(const Data* data) override;
    void pop() override;
    const Data* get(const std::string& name) const override;
    // A partial's name is looked for as kainjow's own context does: whole, so a dotted one
    // names nothing.
    const Data* get_partial(const std::string& name) const override;

private:
    enum class Kind { Page, Entry, Item, Section, Attachment, Content, Other };
    // The names this context answers, told apart once for a lookup (name_of) instead of compared
    // as strings in each section around it.
    enum class Name : unsigned char {
        Other, Agenda, Items, Changed, ChangedMark, Anchor, Heading, Title, Redacted, Confidential, CaseOfficer,
        CaseNumber, Sections, Attachments, HasAttachments, AttachmentContents, Number, HasContent, Line, LineHtml,
        HasFile, File, Html
    };
    static Name name_of(const std::string& name);
    struct Frame {
        Kind kind = Kind::Other;
        const Data* data = nullptr;  // what the section entered
        size_t item = 0;             // the item's (in PageItems::items) ...
        size_t index = 0;            // ... and the section's, attachment's or content's in it
    };

    // The value of `name` in one section around the lookup; nullptr where it has none, so
    // the lookup goes on outwards.
    const Data* answer(const Frame& frame, Name name, const std::string& text) const;
    const Data* entry_value(const PageItem& item, Name name) const;
    const Data* item_value(const PageItem& item, Name name) const;
    const Data* attachment_value(const PageItem::Attachment& a, Name name) const;
    const Data* content_value(const PageItem& item, const PageItem::Content& c, Name name) const;
    // A list of that many entries that stand for the item's sections, attachments or contents
    // by their place; one for each size, made when first given out.
    const Data* list_of(std::map<size_t, Data>& lists, size_t entries) const;
    const Data* find_list(const std::map<size_t, Data>& lists, size_t entries) const;

    const Data& page_;
    const PageItems& items_;
    Data agenda_, item_list_;  // lists whose entries stand for the items
    mutable std::map<size_t, Data> section_lists_, attachment_lists_, content_lists_;
    std::vector<Frame> frames_;
    mutable std::string key_;  // a dotted name's part being looked for
};

}  // namespace boardpack::render::html

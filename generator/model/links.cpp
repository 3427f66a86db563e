#include "model/links.hpp"
#include "core/messages.hpp"

#include <map>

#include "core/text.hpp"
#include "model/anchors.hpp"

namespace boardpack::model {

namespace {

// What an anchor name points to.
struct Target {
    const AgendaItem* item = nullptr;
    Table* table = nullptr;  // for a table's anchor
};

struct Resolver {
    std::map<std::string, Target> targets;
    Diagnostics& diags;
    std::vector<const AgendaItem*> confidential;  // the meeting's confidential items

    void check(const AgendaItem& from, std::vector<Inline>& inlines) {
        for (Inline& in : inlines) {
            if (in.kind == Inline::Kind::Link && starts_with(in.url(), "#")) check_link(from, in);
            check(from, in.children);
        }
    }

    void check(const AgendaItem& from, std::vector<Block>& blocks) {
        for (Block& b : blocks) {
            check(from, b.inlines);
            check(from, b.children);
            for (std::vector<Block>& item : b.items) check(from, item);
        }
    }

    // The confidential item a link's target names ("punkt-6", "punkt-6-bilag-9"), whether or not
    // the item has that place; null for any other.
    const AgendaItem* confidential_item_named(const std::string& name) const {
        for (const AgendaItem* item : confidential) {
            const std::string anchor = item_anchor(*item);
            if (name == anchor || starts_with(name, anchor + "-")) return item;
        }
        return nullptr;
    }

    void check_link(const AgendaItem& from, Inline& link) {
        const std::string name = link.url().substr(1);
        const auto t = targets.find(name);
        // From a public item, a link into a confidential one is refused alike whether its target
        // exists or not: "not in the packet" for #punkt-6-bilag-9 but not for #punkt-6-bilag-1
        // would tell the public item's author how many attachments and tables item 6 has.
        const AgendaItem* into = t != targets.end() ? t->second.item : confidential_item_named(name);
        if (into && !may_use(from.status, into->status)) {
            diags.error(link.loc, fmt(_("the link {} points into item {}, which is {}: the public edition does not show "
                                        "it; remove the link"),
                                      quote_text(link.url()), into->number, status_name(into->status)));
            return;
        }
        if (t == targets.end()) {
            diags.error(link.loc, fmt(_("the link target {} is not in the packet; link to an item as #punkt-N, to an "
                                        "attachment as #punkt-N-bilag-K and to a table as #punkt-N-tabel-M"),
                                      quote_text(link.url())));
            return;
        }
        if (t->second.table) {
            t->second.table->anchor = name;
            // Only the closed edition has a confidential item's link, and only it prints the
            // anchor for one: the public edition's id on a public table would tell that a
            // confidential item refers to it.
            if (!is_confidential(from.status)) t->second.table->linked_from_public = true;
        }
    }
};

}  // namespace

void resolve_links(Meeting& meeting, Diagnostics& diags) {
    Resolver r{{}, diags, {}};
    for (AgendaItem& item : meeting.items) {
        r.targets[item_anchor(item)] = {&item, nullptr};
        for (const Attachment& a : item.attachments) r.targets[attachment_anchor(item, a)] = {&item, nullptr};
        for (Table& t : item.tables) r.targets[table_anchor(item, t)] = {&item, &t};
        // Footnotes' notes (a section's or an attachment's own text ends with them).
        const auto notes = [&](const std::vector<Block>& blocks) {
            for (const Block& b : blocks)
                if (b.notes && !b.text.empty())
                    for (size_t k = 0; k < b.items.size(); ++k) r.targets[note_anchor(b, k)] = {&item, nullptr};
        };
        for (const Section& s : item.sections) notes(s.blocks);
        for (const Attachment& a : item.attachments) notes(a.content);
        if (is_confidential(item.status)) r.confidential.push_back(&item);
    }
    for (AgendaItem& item : meeting.items) {
        for (Section& s : item.sections) r.check(item, s.blocks);
        for (Attachment& a : item.attachments) r.check(item, a.content);
    }
}

}  // namespace boardpack::model

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

    void check_link(const AgendaItem& from, Inline& link) {
        const std::string name = link.url().substr(1);
        const auto t = targets.find(name);
        if (t == targets.end()) {
            diags.error(link.loc, fmt(_("the link target {} is not in the packet; link to an item as #punkt-N, to an "
                                        "attachment as #punkt-N-bilag-K and to a table as #punkt-N-tabel-M"),
                                      quote_text(link.url())));
            return;
        }
        // The public edition shows a confidential item as its number and status only: a link
        // from public text into it would lead nowhere (and must not bring its title along).
        if (!is_confidential(from.status) && is_confidential(t->second.item->status)) {
            diags.error(link.loc, fmt(_("the link {} points into item {}, which is {}: the public edition does not show it; "
                                        "remove the link"),
                                      quote_text(link.url()), t->second.item->number, status_name(t->second.item->status)));
            return;
        }
        if (t->second.table) t->second.table->anchor = name;
    }
};

}  // namespace

void resolve_links(Meeting& meeting, Diagnostics& diags) {
    Resolver r{{}, diags};
    for (AgendaItem& item : meeting.items) {
        r.targets[item_anchor(item)] = {&item, nullptr};
        for (const Attachment& a : item.attachments) r.targets[attachment_anchor(item, a)] = {&item, nullptr};
        for (Table& t : item.tables) r.targets[table_anchor(item, t)] = {&item, &t};
    }
    for (AgendaItem& item : meeting.items) {
        for (Section& s : item.sections) r.check(item, s.blocks);
        for (Attachment& a : item.attachments) r.check(item, a.content);
    }
}

}  // namespace boardpack::model

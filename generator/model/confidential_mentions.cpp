#include "model/confidential_mentions.hpp"

#include <string>
#include <vector>

#include "core/messages.hpp"
#include "core/text.hpp"
#include "model/text_fields.hpp"

namespace boardpack::model {

namespace {

// A string of a confidential item that its public neighbours should not write.
struct Secret {
    std::string folded;  // as fold_label gives it
    std::string shown;   // as written, for the message
    const char* what;    // what it is, in words (translated)
    const AgendaItem* item;
};

bool distinctive_title(const std::string& folded) {
    size_t words = 1;
    for (char ch : folded) words += ch == ' ' ? 1 : 0;
    return words >= 3 && folded.size() >= 20;
}

}  // namespace

void warn_confidential_mentions(const Meeting& meeting, Diagnostics& diags) {
    std::vector<Secret> secrets;
    const auto add = [&](const std::string& text, const char* what, const AgendaItem& item, bool title) {
        std::string folded = fold_label(text);
        if (folded.size() < 6 || (title && !distinctive_title(folded))) return;
        secrets.push_back({std::move(folded), text, what, &item});
    };
    for (const AgendaItem& item : meeting.items) {
        if (!is_confidential(item.status)) continue;
        add(item.case_number, N_("the case number"), item, false);
        add(item.title, N_("the title"), item, true);
        for (const Attachment& a : item.attachments) {
            add(a.document_id, N_("an attachment's document id"), item, false);
            add(a.title, N_("an attachment's title"), item, true);
        }
    }
    if (secrets.empty()) return;
    const auto look = [&](const std::string& text, const SourceLoc& where) {
        if (text.size() < 6) return;
        const std::string folded = fold_label(text);
        for (const Secret& s : secrets)
            if (folded.find(s.folded) != std::string::npos)
                diags.warning(where, fmt(_("this public text writes {} of the confidential item {}, {}: the public edition "
                                           "prints it as written here; leave it out if it is not meant to be public"),
                                         tr(s.what), s.item->number, quote_text(s.shown)));
    };
    for_each_meeting_text(meeting, look);
    for (const AgendaItem& item : meeting.items)
        if (!is_confidential(item.status)) for_each_text(item, look);
}

}  // namespace boardpack::model

// Every text field of the meeting, walked in one place, so a check over all the text an
// edition prints (characters the PDF cannot print, ...) cannot miss a field.
#pragma once

#include <functional>
#include <string>

#include "core/diagnostics.hpp"
#include "model/document.hpp"

namespace boardpack::model {

// Called with each text field and where it was written (its file when it has no line of its own).
using TextVisitor = std::function<void(const std::string& text, const SourceLoc& where)>;

// Visits, in document order: the meeting's fields; per item its header's fields, its sections'
// text, its attachments (title, document id, content), its tables (title, source, notes,
// header, cells) and its charts' own words (title, axis, unit, target label). Not visited: what is not printed as written (file paths, formulas, names
// used by references, links' addresses) and copies of a field visited elsewhere (an
// attachment's case number is its item's).
void for_each_text(const Meeting& meeting, const TextVisitor& visit);

// The meeting's own fields (its title, time, place, ...), which every edition prints.
void for_each_meeting_text(const Meeting& meeting, const TextVisitor& visit);

// One item's fields, as for_each_text visits them.
void for_each_text(const AgendaItem& item, const TextVisitor& visit);

// One item's links' addresses (its sections' and its attachments'), which for_each_text does not
// visit: the HTML writes them in its links, the PDF in its link annotations, and the printed HTML
// prints external ones.
void for_each_link_address(const AgendaItem& item, const TextVisitor& visit);

}  // namespace boardpack::model

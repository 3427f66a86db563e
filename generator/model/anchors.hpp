// The names of the places links and bookmarks point to, the same in the HTML (ids) and the PDF
// (named destinations): "punkt-18", "punkt-18-bilag-1".
#pragma once

#include <string>

#include "model/document.hpp"

namespace boardpack::model {

inline std::string item_anchor(const AgendaItem& item) { return "punkt-" + std::to_string(item.number); }

inline std::string attachment_anchor(const AgendaItem& item, const Attachment& a) {
    return item_anchor(item) + "-bilag-" + std::to_string(a.number);
}

// A table's place: "punkt-5-tabel-2", or "punkt-5-bilag-1-tabel-2" for a table in an attachment.
inline std::string table_anchor(const AgendaItem& item, const Table& t) {
    if (t.attachment >= 0 && static_cast<size_t>(t.attachment) < item.attachments.size())
        return attachment_anchor(item, item.attachments[static_cast<size_t>(t.attachment)]) + "-tabel-" +
               std::to_string(t.number);
    return item_anchor(item) + "-tabel-" + std::to_string(t.number);
}

// The place of note k of a list of footnotes' notes ("punkt-5-note-2": its `text`, then the
// note's number), or "" where the notes have no place (input/markdown_reader.hpp).
inline std::string note_anchor(const Block& notes, size_t k) {
    return notes.text.empty() ? std::string() : notes.text + std::to_string(notes.start + static_cast<int>(k));
}

}  // namespace boardpack::model

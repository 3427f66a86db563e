// The rettelsesblad (correction sheet) of an edition as both renderers print it: built once from
// EditionView::changes in the packet's wording, so the HTML and the PDF say exactly the same.
// Only what the edition shows is on it: a change in an item the view redacts is left out
// (all a public sheet may say of such an item is that it is now confidential).
#pragma once

#include <string>
#include <vector>

#include "model/changes.hpp"
#include "model/edition.hpp"
#include "render/wording.hpp"

namespace boardpack::render {

// A changed figure's line: "Tabel 3: Budget – Løn, 2024: fra 1.234 til 1.334", with the derived
// figures that changed because of it under it.
struct SheetFigure {
    std::string line;
    std::vector<SheetFigure> derived;
};

// A changed paragraph: where it stands ("Sagsfremstilling:") and its word-level difference.
struct SheetText {
    std::string where;
    std::vector<model::DiffWord> words;  // runs of one kind, with the spaces between words
};

// One item's corrections.
struct SheetItem {
    int number = 0;
    std::string heading;  // "19 (Offentlig) Title" (no title where the view redacts it); "" for a removed item
    std::string anchor;   // the item's place in the packet, or "" for an item no longer on it
    std::vector<SheetFigure> figures;
    std::vector<SheetText> texts;
    std::vector<std::string> parts;  // items, tables, attachments added or removed
};

struct CorrectionSheet {
    std::string title;         // "Rettelsesblad"
    std::string about;         // which packet: "Foreningen – Bestyrelsens møde ... – Lukket udgave"
    std::string version_line;  // "Version 2, rettet 15. september 2023"
    std::string introduction;  // which version it replaces, and how the packet marks changes
    std::vector<SheetItem> items;  // in agenda order; removed items after the others
    std::string none;              // printed when there are no items ("Ingen rettelser.")
};

// The sheet of a corrected edition; an empty sheet (no title) when view.changes is null or the
// version is 1.
CorrectionSheet correction_sheet(const model::EditionView& view, const Wording& wording);

// Whether anything in the view carries a `changed` flag (a mark the packet's legend explains).
bool has_marks(const model::EditionView& view);

}  // namespace boardpack::render

// What changed in one edition since the version of it published before. publish/ and the
// version comparison fill it in by comparing the edition's snapshot with the previous version's;
// the renderers only read it, for the rettelsesblad (correction sheet) and the version line.
// The marks where a change stands are flags on the model itself (AgendaItem::changed,
// Cell::changed, Inline::changed, Block::changed), so both renderers find them as they walk.
// Nothing in a public edition's Changes may name, count or hint at a confidential item.
#pragma once

#include <string>
#include <vector>

#include "model/document.hpp"

namespace boardpack::model {

// A published version of one edition. Versions are counted per edition.
struct Version {
    int number = 1;  // 1: the first publication, nothing corrected
    Date date;       // the version's date: for number > 1 printed as "rettet <date>"
};

// One word of a changed paragraph, in a word-level difference.
struct DiffWord {
    enum class Kind { Same, Removed, Added };
    Kind kind = Kind::Same;
    std::string text;
};

// A printed figure whose value changed: a table cell, or a figure quoted in the text.
struct FigureChange {
    int item = 0;               // the agenda item's number
    int table = 0;              // "Tabel N"'s N, or 0 for a figure quoted in the text
    std::string table_title;    // the table's caption without "Tabel N: ", or ""
    std::string row, column;    // the cell's row label and column heading ("" in the text)
    std::string section;        // for a quoted figure: the section's printed title
    std::string before, after;  // as printed in the two versions
    bool input = false;         // an input figure (a CSV cell or a number in the text)
    int cause = -1;             // a derived figure: index in Changes::figures of the input change it follows from, or -1
    // A value of a "beregning" block (not printed): the block's name, the value's name in `row`,
    // its expression as written in `before` and `after`. Listed only with the figures it changed.
    std::string calculation;
    // A table's formula written otherwise ("kolonne: PL-reguleret = [2024] * 1,034" -> "* 1,036"):
    // the row or column it computes, its expressions in `before` and `after`; listed as the cause
    // of the cells that changed with it.
    std::string formula_of;
};

// A paragraph (or heading, or list item) whose words changed.
struct TextChange {
    int item = 0;
    std::string section;  // the section's printed title, or "" for the item's heading
    std::vector<DiffWord> words;
    // The item's status (Fortrolig to Lukket): the one text a sheet shows of a redacted item too,
    // as its packet prints "2 (Lukket)".
    bool status = false;
    // A paragraph (or heading, or list item) of the item's text, as the summary line counts them;
    // not a field of the item's header (its number, status, title, case officer, an attachment)
    // nor a table's order, unit or row name, nor a chart's drawing.
    bool paragraph = false;
    bool renumbered = false;  // "Nummer: 3 5"
    // The same words, spaced otherwise: spaces or line breaks that print (a paragraph made a code
    // block, a code block's lines indented otherwise). `words` are all Same; the sheet and diff
    // say that the words are set otherwise.
    bool respaced = false;
};

// An item, table or attachment added or removed, or an item made confidential.
struct PartChange {
    enum class Kind {
        ItemAdded,
        ItemRemoved,
        ItemNowConfidential,  // public edition: all it may say of an item whose status changed
        TableAdded,
        TableRemoved,
        AttachmentAdded,
        AttachmentRemoved,
        AttachmentReplaced,  // the same title and document id, another file
        PictureReplaced,     // the same picture of the item, another file
    };
    Kind kind = Kind::ItemAdded;
    int item = 0;
    std::string title;  // the part's title, or "" where naming it would reveal a confidential item
};

struct Changes {
    Version version;   // this build's version of the edition
    Version previous;  // the version it corrects (when version.number > 1)
    std::vector<FigureChange> figures;  // in agenda order; each input change before the derived ones that follow from it
    std::vector<TextChange> texts;
    std::vector<PartChange> parts;
    bool empty() const { return figures.empty() && texts.empty() && parts.empty(); }
};

}  // namespace boardpack::model

// The comparison of an edition's snapshot with its previous version's: what the rettelsesblad
// lists (model::Changes) and where the packet marks a change (the `changed` flags).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/changes.hpp"
#include "versions/snapshot.hpp"

namespace boardpack::versions {

// What changed, and where to mark it in the current build's model.
struct Comparison {
    model::Changes changes;  // figures, texts and parts; the caller sets the versions
    // Where the changes stand in the model (from `now`'s pointers), for mark().
    std::vector<model::AgendaItem*> items;
    std::vector<model::Cell*> cells;
    std::vector<model::Inline*> figures;
    std::vector<model::Block*> blocks;
    // Items the previous version showed whole that this edition now shows as confidential.
    std::vector<int> now_confidential;
};

// Compares `before` (read from the previous version) with `now` (taken from this build).
// `printed` maps a section's input name to its printed title (missing: the input name). A
// derived figure's cause is the input cell its formula names exactly (another table's cell, a
// cell a text figure quotes, a row or column of its own table in its column or row), else the
// cause of a changed cell it quotes, else the input change in the same table (the same column,
// else row, else any), else a corrected `beregning` value it is computed from (known under another name where a
// rename is certain: versions/calculation_match.hpp), else in a table its formula names, else in
// the same item, else the only input change; one computed from `beregning` values alone has no
// other cause than one of them.
// Tables are matched by name (`navn:`), else by number; `table_caption` is the wording's caption
// of a table ("Tabel {nummer}: {titel}", PrintedWords::table), so a caption whose only change is
// the table's number (another table inserted before it) is not a changed text.
// `order`: the wording's word for an order changed ("Rækkefølge"); "" lists no order changed.
// `unit`: its word for a table's unit ("Enhed"): a table shown in another unit ("enhed: t. kr."
// added) is listed with it, and its figures that are the same amounts are not; "" compares
// their printed texts alone.
// `row_name`: its words for a table's row renamed in place ("Rækkens navn"): a row whose label
// alone changed, where the table's other rows kept theirs and their places and most of its
// figures are the same (a misspelt region's name corrected), is listed as renamed and its figures
// compared as the same row's, not all removed and added; "" lists such a row removed and added.
// `source_figure`: its words for a computed cell's published figure, which the packet does not
// print ("{kolonne} (kildens tal)"): one corrected is listed with them as the cause of what
// changed with it (snapshot.hpp, CellEntry::written); "" leaves what changed with it causeless.
// `label_heading`: its words for a table's label column's heading ("Forspaltens overskrift"): one
// changed (the CSV's top-left cell, "Beløb i kr." to "Beløb i mio. kr.") is listed under the
// table's caption with them; "" lists it under the caption alone.
// `link`: its word for a link ("Link"): where both snapshots keep their links' addresses
// (keeps_links), a link given another address, its words the same, is listed under its section
// with it ("Sagsfremstilling – link: plan for kortere ventelister (https://...)"), and so is a
// link added to words or taken from them; "" lists it under the section alone.
Comparison compare(const Snapshot& before, const Snapshot& now, const std::map<std::string, std::string>& printed = {},
                   const std::string& table_caption = "", const std::string& order = "", const std::string& unit = "",
                   const std::string& row_name = "", const std::string& source_figure = "",
                   const std::string& label_heading = "", const std::string& link = "");

// The words of two texts as a word-level difference (quoted-figure marks removed).
std::vector<model::DiffWord> diff_words(const std::string& before, const std::string& after);

// Sets the `changed` flags of what `c` lists.
void mark(const Comparison& c);

// Clears every `changed` flag in the meeting.
void clear_marks(model::Meeting& meeting);

}  // namespace boardpack::versions

// Markdown (CommonMark + GitHub strikethrough, autolinks, task lists and footnotes, parsed by
// cmark-gfm) to model blocks.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/input_files.hpp"
#include "model/document.hpp"

namespace boardpack::input {

// The text and lines are views: what they show must outlive the read.
struct MarkdownSource {
    std::string_view text;
    FileName file;        // name for messages
    int first_line = 1;   // file line of the text's first line
    std::vector<std::string_view> lines;  // the file's lines, for context in messages (1-based via line-1)
    ReadTotals* totals = nullptr;    // the meeting's, counted against its limits (nullptr: not counted)
    // Where the numbers typed in the text go (model::TypedNumber), or nullptr.
    std::vector<model::TypedNumber>* typed_numbers = nullptr;
    // The place name a footnote's note gets, before its number ("punkt-5-note-"): its
    // reference links to it. Empty: references are not linked, notes get no place.
    std::string note_anchor;
};

// Called for each fenced code block with its info string (folded), text, the fence's position
// and the file line of the text's first line. Returns kNotHandled for an ordinary code block,
// kConsumed when the block adds nothing to the text (a beregning block, or one that failed),
// the index of the table it made, or chart_fence(index) for a chart.
inline constexpr int kNotHandled = -2;
inline constexpr int kConsumed = -1;
// What a handler returns for the chart (```diagram) it made, index into AgendaItem::charts.
inline constexpr int chart_fence(int index) { return -3 - index; }
using FenceHandler =
    std::function<int(const std::string& info, const std::string& body, const SourceLoc& fence, int body_line)>;

// Registers cmark-gfm's extensions, which read_markdown otherwise does on first use; a program
// that reads Markdown from several threads calls this once before starting them.
void prepare_markdown_reader();

// Parses Markdown into blocks. A task list's item ("- [ ] ...", "- [x] ...") starts with a box,
// ☐ or ☑. Footnotes ("[^1]" in the text, "[^1]: ..." on a line of its own) become a superscript
// number linked to the note, and the notes numbered lists marked `notes` at the end of the
// section (the text up to the next level-1 heading) that first refers to them. Level-1 headings
// are returned as Heading blocks with level 1 (the caller decides what they mean). Raw HTML is
// kept as text, links other than http(s) and mailto are dropped (their text stays), a list that
// is only "-" is read as the text "-", and "{formula}" in the text becomes a Figure inline to be
// computed.
std::vector<model::Block> read_markdown(const MarkdownSource& source, const FenceHandler& on_fence,
                                        Diagnostics& diags);

// The text of inlines with formatting removed, e.g. a heading's words.
std::string plain_text(const std::vector<model::Inline>& inlines);

}  // namespace boardpack::input

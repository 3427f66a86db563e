// Model blocks and inlines to HTML fragments (always escaped; nothing raw passes through).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/document.hpp"
#include "render/chart/chart_layout.hpp"

namespace boardpack::render::html {

std::string escape(const std::string& text);
// escape(text) appended to out; ' is written as `apostrophe` (the templates use kainjow's "&apos;").
void append_escaped(std::string_view text, std::string& out, const char* apostrophe = "&#39;");

// append_escaped, but what the PDF never parts over lines is kept on one line (a span of class
// "hel"): a case number or a number with a hyphen inside ("EMN-2022-01548", "2023-24"), where a
// browser would break after the hyphen (a reader on a phone met "EMN-" at a line's end), and a
// number with its unit or a date ("3,4 pct.", "23. februar 2023": render/pdf/non_breaking).
void append_text(std::string_view text, std::string& out, const char* apostrophe = "&#39;");
std::string text_html(const std::string& text, const char* apostrophe = "&#39;");

// append_escaped, with a <wbr> wherever the PDF may break an address (render/pdf/address_breaks:
// after its slashes, before its other punctuation): a long web address in a table cell wraps in
// its cell instead of widening the table past a phone's screen. A browser breaks a URL at none
// of these by itself. Text without an address comes out as append_escaped writes it, but for a
// word with a hyphen before a digit, kept on one line as append_text keeps it.
void append_address_breaks(std::string_view text, std::string& out, const char* apostrophe = "&#39;");

// Renders a table block; given by the caller so the table's markup can come from a template.
// An interface rather than a std::function: it is called from deep in the block recursion.
class TableRenderer {
public:
    // Appends the markup of item.tables[table] to out.
    virtual void render(const model::AgendaItem& item, size_t table, std::string& out) const = 0;
    // A figure's caption, "Figur 1: ...", in the packet's wording.
    virtual std::string figure_caption(int number, const std::string& description) const = 0;
    // What a chart prints for a value not stated, in the packet's wording.
    virtual const render::chart::ChartWords& chart_words() const = 0;

protected:
    ~TableRenderer() = default;
};

std::string render_inlines(const std::vector<model::Inline>& inlines);
// The blocks' HTML appended to out: one string grows for all of them instead of a string per
// block or inline that is then copied into its parent's. `changed_word` is the visually hidden
// word ("(rettet)") that goes with the mark on a changed figure or paragraph (the `changed`
// flags); "" leaves the flags unmarked (a first publication).
void render_blocks(const std::vector<model::Block>& blocks, const model::AgendaItem& item,
                   const TableRenderer& table, std::string& out, const std::string& changed_word = "");

}  // namespace boardpack::render::html

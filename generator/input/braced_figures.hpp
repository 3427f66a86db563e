// A figure in braces ({t[A; 2023] | kr.}) is computed in an item's Markdown text only: in the
// value of a header or block key (a table's caption, an item's title, a chart's label) it prints
// as its braces and formula, in the agenda, a heading, a bookmark or the chart; so it does in a
// link's title (a tooltip in the HTML, the link's /Contents in the PDF).
#pragma once

#include <string>

#include "core/diagnostics.hpp"
#include "core/key_values.hpp"

namespace boardpack::input {

// A warning at the key's value if it holds a figure in braces; `where` names the key as the
// message says it ("a table's \"titel:\"").
void warn_braced_figure(const KeyValue& kv, const std::string& where, Diagnostics& diags);

// The warning itself, at `at` (a brace found elsewhere than in a key's value: a link's title).
void warn_figure_not_computed(const SourceLoc& at, const std::string& line, const std::string& where, Diagnostics& diags);

}  // namespace boardpack::input

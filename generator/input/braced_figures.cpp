#include "input/braced_figures.hpp"
#include "core/messages.hpp"

namespace boardpack::input {

void warn_braced_figure(const KeyValue& kv, const std::string& where, Diagnostics& diags) {
    const size_t open = kv.value.find('{');
    if (open == std::string::npos || kv.value.find('}', open) == std::string::npos) return;
    warn_figure_not_computed(kv.value_loc, kv.line, where, diags);
}

void warn_figure_not_computed(const SourceLoc& at, const std::string& line, const std::string& where, Diagnostics& diags) {
    diags.warning(at,
                  fmt(_("a figure in braces is computed only in the text, not in {}: it prints as written; write the "
                        "number, or put the sentence in the text"),
                      where),
                  line);
}

}  // namespace boardpack::input

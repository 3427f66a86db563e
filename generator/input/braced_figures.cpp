#include "input/braced_figures.hpp"
#include "core/messages.hpp"

namespace boardpack::input {

void warn_braced_figure(const KeyValue& kv, const std::string& where, Diagnostics& diags) {
    const size_t open = kv.value.find('{');
    if (open == std::string::npos || kv.value.find('}', open) == std::string::npos) return;
    diags.warning(kv.value_loc,
                  fmt(_("a figure in braces is computed only in the text, not in {}: it prints as written; write the "
                        "number, or put the sentence in the text"),
                      where),
                  kv.line);
}

}  // namespace boardpack::input

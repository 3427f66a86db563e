#include "core/skeleton_placeholders.hpp"

#include "core/messages.hpp"
#include "core/text.hpp"

namespace boardpack {

void warn_placeholder(const KeyValue& kv, Diagnostics& diags) {
    if (kv.value != kPlaceholderOrganisation && kv.value != kPlaceholderCaseOfficer) return;
    diags.warning(kv.value_loc,
                  fmt(_("{} is still the placeholder \"boardpack new\" or \"new-item\" wrote, and the packet would print "
                        "it; write the real value after \"{}:\""),
                      quote_text(kv.value), kv.key),
                  kv.line);
}

}  // namespace boardpack

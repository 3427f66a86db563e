#include "core/skeleton_placeholders.hpp"

#include "core/messages.hpp"
#include "core/text.hpp"

namespace boardpack {

namespace {

bool is_placeholder(std::string_view value) {
    return value == kPlaceholderOrganisation || value == kPlaceholderCaseOfficer || value == kPlaceholderCaseNumber;
}

}  // namespace

bool warn_placeholder(const KeyValue& kv, Diagnostics& diags) {
    if (!is_placeholder(kv.value)) return false;
    diags.warning(kv.value_loc,
                  fmt(_("{} is still the placeholder \"boardpack new\" or \"new-item\" wrote, and the packet would print "
                        "it; write the real value after \"{}:\""),
                      quote_text(kv.value), kv.key),
                  kv.line);
    return true;
}

}  // namespace boardpack

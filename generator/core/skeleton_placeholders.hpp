// The values "boardpack new" and "new-item" write where only the secretariat knows what to
// write (templates/ny/): check warns while one is left, since the packet would print it.
#pragma once

#include <string_view>

#include "core/key_values.hpp"

namespace boardpack {

inline constexpr std::string_view kPlaceholderOrganisation = "Organisationens navn";
inline constexpr std::string_view kPlaceholderCaseOfficer = "Sagsbehandlerens navn";
inline constexpr std::string_view kPlaceholderCaseNumber = "EMN-\xC3\x85\xC3\x85\xC3\x85\xC3\x85-NNNNN";  // EMN-ÅÅÅÅ-NNNNN

// A warning at the value of `kv` when it is still one of the placeholders above; true if so.
bool warn_placeholder(const KeyValue& kv, Diagnostics& diags);

}  // namespace boardpack

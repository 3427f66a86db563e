// A number typed in an item's text that the published version's tables printed, where the table
// now prints another: the table was corrected, the typed number was not. Checked before the
// corrected version is published, so the packet does not print two figures for one.
#pragma once

#include "core/diagnostics.hpp"
#include "model/document.hpp"
#include "versions/snapshot.hpp"

namespace boardpack::versions {

// A warning at each typed number left in the meeting's items (calc::warn_typed_figures keeps
// those no figure prints now, where the build corrects a published packet) that a cell of the
// same item printed in `before`, where that cell prints otherwise in `now`. Then the typed
// numbers are freed.
void warn_stale_typed_numbers(model::Meeting& meeting, const Snapshot& before, const Snapshot& now, Diagnostics& diags);

}  // namespace boardpack::versions

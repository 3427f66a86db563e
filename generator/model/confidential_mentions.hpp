// What a public item's own text says of a confidential item. The public edition never prints
// a confidential item's title or case number from its fields (README, "What it makes"), but a
// public item's text may write them itself ("jf. punkt 12, EMN-2023-00999"), and is printed as
// written: the public file would hold them after all. boardpack knows both strings, so it says so.
#pragma once

#include "core/diagnostics.hpp"
#include "model/document.hpp"

namespace boardpack::model {

// A warning at each text field of a public item (or of the meeting) that writes a confidential
// item's case number, an attachment's document id, or its title where the title is
// distinctive (three words or more, 20 characters or more): a short title ("Personalesag")
// is too common a phrase to point at the item. Compared folded (fold_label): case and spacing
// aside.
void warn_confidential_mentions(const Meeting& meeting, Diagnostics& diags);

}  // namespace boardpack::model

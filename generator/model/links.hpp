// Links inside the packet ("[punkt 5](#punkt-5)"): checked against the places both formats
// have, before anything is rendered.
#pragma once

#include "core/diagnostics.hpp"
#include "model/document.hpp"

namespace boardpack::model {

// Checks every link that starts with "#" in the meeting's text: its target must be an item
// (#punkt-N), an attachment (#punkt-N-bilag-K), a table (#punkt-N-tabel-M,
// #punkt-N-bilag-K-tabel-M) or a footnote's note (#punkt-N-note-K), and a public item must not
// link into a confidential one (the public edition does not have it). Tables that are linked to get their anchor. Errors name the link's
// place; they never quote a confidential item's title.
void resolve_links(Meeting& meeting, Diagnostics& diags);

}  // namespace boardpack::model

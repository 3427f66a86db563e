// Reads "Label = expression | options" from a key: value line into a model formula, keeping
// the position of each part for messages.
#pragma once

#include <optional>

#include "core/diagnostics.hpp"
#include "core/key_values.hpp"
#include "model/document.hpp"

namespace boardpack::input {

std::optional<model::Formula> read_formula(const KeyValue& kv, model::Formula::Kind kind, Diagnostics& diags);

}  // namespace boardpack::input

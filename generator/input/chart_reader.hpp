// A ```diagram block in the Markdown: its keys into a model::Chart (values come later, from
// the computed table: calc/chart_values).
#pragma once

#include <optional>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/key_values.hpp"
#include "model/chart.hpp"

namespace boardpack::input {

// The keys a ```diagram block may hold.
const std::vector<KeySpec>& chart_keys();

// Reads a diagram block's keys; nullopt after reporting what is wrong.
std::optional<model::Chart> read_chart(const std::vector<KeyValue>& keys, const SourceLoc& fence, Diagnostics& diags);

}  // namespace boardpack::input

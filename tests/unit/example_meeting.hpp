// The example meeting read, computed and prepared for print: the model as a build has it when
// it renders the editions.
#pragma once

#include <optional>
#include <string>

#include "build.hpp"
#include "test_support.hpp"

namespace boardpack::test {

inline std::optional<model::Meeting> prepared_example(Diagnostics& d) {
    DiskFiles files(std::string(BOARDPACK_SOURCE_DIR) + "/inputs/2023-09-bestyrelsen");
    auto meeting = pipeline::load(files, "2023-09-bestyrelsen", d);
    if (!meeting) return std::nullopt;
    pipeline::compute(*meeting, wording(), d);
    pipeline::prepare(*meeting, wording(), d);
    return meeting;
}

}  // namespace boardpack::test

// The layout's golden test (issue 10, point 7): the page items of the example meeting, both
// editions, as dump() prints them, against tests/layout/<meeting>/<edition>.txt. A change in
// pagination, a moved line or a lost tag shows as a diff in review. Run by ctest as
// "golden_layout"; BOARDPACK_UPDATE_GOLDEN=1 rewrites the expected files (review the diff).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "build.hpp"
#include "core/input_files.hpp"
#include "render/pdf/packet_layout.hpp"
#include "render/pdf/pdf_writer.hpp"
#include "test_support.hpp"

using namespace boardpack;
using namespace boardpack::render::pdf;

namespace {

// The meeting as a build prepares it for print: the same pipeline steps as build.cpp.
model::Meeting prepared(const std::string& folder, const std::string& id) {
    Diagnostics d;
    DiskFiles files(folder);
    auto meeting = pipeline::load(files, id, d);
    REQUIRE_MESSAGE(meeting, test::messages(d));
    pipeline::compute(*meeting, test::wording(), d);
    pipeline::prepare(*meeting, test::wording(), d);
    REQUIRE_MESSAGE(!d.has_errors(), test::messages(d));
    return std::move(*meeting);
}

}  // namespace

TEST_SUITE("golden") {
    TEST_CASE("golden layout: the example meeting's page items are as expected") {
        const std::string id = "2023-09-bestyrelsen";
        const model::Meeting meeting = prepared(std::string(BOARDPACK_SOURCE_DIR) + "/inputs/" + id, id);
        Diagnostics d;
        const auto fonts = FontFiles::load(BOARDPACK_FONT_DIR, d);
        REQUIRE_MESSAGE(fonts, test::messages(d));
        const bool update = std::getenv("BOARDPACK_UPDATE_GOLDEN") && std::string(std::getenv("BOARDPACK_UPDATE_GOLDEN")) == "1";
        for (model::Edition e : {model::Edition::Offentlig, model::Edition::Lukket}) {
            const std::string got =
                dump(pipeline::lay_out(pipeline::edition(meeting, e), test::wording(), fonts->layout_metrics()));
            const std::string path =
                std::string(BOARDPACK_SOURCE_DIR) + "/tests/layout/" + id + "/" + model::edition_folder(e) + ".txt";
            if (update) {
                std::ofstream(path, std::ios::binary) << got;
                MESSAGE("updated " << path);
                continue;
            }
            const std::string want = test::file_bytes(path);
            INFO("compare with: diff " << path << " (BOARDPACK_UPDATE_GOLDEN=1 rewrites it)");
            REQUIRE_FALSE(want.empty());
            if (got == want) continue;
            // Name the first line that differs, not two megabytes of text.
            size_t at = 0;
            while (at < got.size() && at < want.size() && got[at] == want[at]) ++at;
            const size_t line_start = want.rfind('\n', at == 0 ? 0 : at - 1);
            const size_t from = line_start == std::string::npos ? 0 : line_start + 1;
            const size_t line = static_cast<size_t>(std::count(want.begin(), want.begin() + static_cast<long>(from), '\n')) + 1;
            FAIL("line " << line << " differs: want |" << want.substr(from, want.find('\n', from) - from) << "| got |"
                         << got.substr(from, got.find('\n', from) - from) << "|");
        }
    }
}

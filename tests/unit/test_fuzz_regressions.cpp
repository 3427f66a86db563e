// Replays every input the fuzzers found a problem with (tests/fuzz/regressions/<target>/):
// each must now run to the end without a crash (and, under the sanitizer build, without
// a memory or undefined-behaviour error).
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "../fuzz/targets.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;

namespace {

int replay(const std::string& target, void (*fn)(const uint8_t*, size_t)) {
    int n = 0;
    const fs::path dir = fs::path(BOARDPACK_SOURCE_DIR) / "tests/fuzz/regressions" / target;
    if (!fs::exists(dir)) return 0;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.is_regular_file() && e.path().filename() != ".gitkeep") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& p : files) {
        std::ifstream in(p, std::ios::binary);
        std::stringstream s;
        s << in.rdbuf();
        const std::string data = s.str();
        INFO(p.string());
        fn(reinterpret_cast<const uint8_t*>(data.data()), data.size());
        ++n;
    }
    return n;
}

}  // namespace

TEST_CASE("fuzz regressions: the inputs the fuzzers once tripped on now run cleanly") {
    const int n = replay("csv", boardpack::fuzz::csv) + replay("metadata", boardpack::fuzz::metadata) +
                  replay("markdown", boardpack::fuzz::markdown) + replay("formula", boardpack::fuzz::formula) +
                  replay("calculation", boardpack::fuzz::calculation) + replay("pdf", boardpack::fuzz::pdf) +
                  replay("image", boardpack::fuzz::image) + replay("answer", boardpack::fuzz::answer);
    // A regression fails by crashing the test (or by a sanitizer report in the sanitizer build).
    MESSAGE(n << " regression inputs replayed");
}

TEST_CASE("fuzz targets: they build with templates/wording.txt itself, not a copy of it") {
    using boardpack::model::Edition;
    using boardpack::model::SectionKind;
    const boardpack::render::Wording& fuzzed = boardpack::fuzz::wording();
    const boardpack::render::Wording& real = boardpack::test::wording();
    for (Edition e : {Edition::Offentlig, Edition::Lukket}) CHECK(fuzzed.edition(e) == real.edition(e));
    for (int k = 0; k < boardpack::model::kSectionCount; ++k) {
        CHECK(fuzzed.section_title(static_cast<SectionKind>(k)) == real.section_title(static_cast<SectionKind>(k)));
        CHECK(fuzzed.section_default(static_cast<SectionKind>(k)) == real.section_default(static_cast<SectionKind>(k)));
    }
    CHECK(fuzzed.date({2023, 9, 14}) == real.date({2023, 9, 14}));
    CHECK(fuzzed.page_of(2, 9) == real.page_of(2, 9));
}

#!/usr/bin/env bash
# Every test boardpack has: builds, runs all ctest tests, then builds again with clang,
# AddressSanitizer and UndefinedBehaviorSanitizer and runs the tests once more, then runs each
# libFuzzer target of that build for a bounded time (BOARDPACK_FUZZ_SECONDS, default 25: eight targets in the time seven took at 30).
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j"$jobs"
# The tests on every core: each works in folders of its own (CI's run 152 + 318 s one at a time).
ctest --test-dir build --output-on-failure -j"$jobs"

# One clang build for the sanitizer run and the fuzzers: AddressSanitizer, UndefinedBehaviorSanitizer
# and libFuzzer's coverage in every object, so the fuzz targets need no build of their own (one took
# CI 261 s). -O1, as the sanitizers' guides advise: the tests run in about half the time of -O0.
cmake -S . -B build-sanitize -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_C_FLAGS=-O1 -DCMAKE_CXX_FLAGS=-O1 -DBOARDPACK_SANITIZE=ON -DBOARDPACK_FUZZ=ON
cmake --build build-sanitize -j"$jobs"
# The browser test is left out here: it checks the HTML the templates make in Chromium, which
# the sanitizers do not look at, and the release run above has already run it. So are the two
# probes of correcting one figure (some 200 builds that judge the figures, and the probe's own
# self-test): they judge what the packet says, which the release run has judged, and under the
# sanitizers they would take several more of CI's 30 minutes; the fuzzers feed the sanitized build
# hostile input instead.
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  LSAN_OPTIONS=suppressions="$PWD/tests/lsan.supp":print_suppressions=0 \
  ctest --test-dir build-sanitize --output-on-failure -j"$jobs" -E '^(browser|probe_one_figure|probe_one_figure_selftest)$'

# Each libFuzzer target for a bounded time (about 3 minutes in all), from the build above; a finding fails.
BOARDPACK_FUZZ_BUILD="$PWD/build-sanitize" bash tests/fuzz/run.sh "${BOARDPACK_FUZZ_SECONDS:-25}"

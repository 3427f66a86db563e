#!/usr/bin/env bash
# Every test boardpack has: builds, runs all ctest tests, then builds again with
# AddressSanitizer and UndefinedBehaviorSanitizer and runs the tests once more, then runs each
# libFuzzer target for a bounded time (BOARDPACK_FUZZ_SECONDS, default 25: eight targets in the time seven took at 30).
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j"$jobs"
# The tests on every core: each works in folders of its own (CI's run 152 + 318 s one at a time).
ctest --test-dir build --output-on-failure -j"$jobs"

cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=Debug -DBOARDPACK_SANITIZE=ON
cmake --build build-sanitize -j"$jobs"
# The browser test is left out here: it checks the HTML the templates make in Chromium, which
# the sanitizers do not look at, and the release run above has already run it.
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  LSAN_OPTIONS=suppressions="$PWD/tests/lsan.supp":print_suppressions=0 \
  ctest --test-dir build-sanitize --output-on-failure -j"$jobs" -E '^browser$'

# Each libFuzzer target for a bounded time (about 3 minutes in all, after its build); a finding fails.
bash tests/fuzz/run.sh "${BOARDPACK_FUZZ_SECONDS:-25}"

#!/usr/bin/env bash
# Fuzzes the CSV reader, the meeting/item metadata reader and Markdown-to-model (with table
# blocks, calculations and PDF layout) with libFuzzer under AddressSanitizer and
# UndefinedBehaviorSanitizer, each for a bounded time.
#
#   bash tests/fuzz/run.sh [SECONDS_PER_TARGET]     (default 60)
#
# Needs clang and libclang-rt-14-dev (apt-get install -y clang libclang-rt-14-dev). Seeds come
# from the example meeting. A crash stops with its input in tests/fuzz/findings/; fix the bug,
# then move the input into tests/fuzz/regressions/<target>/ so the unit tests replay it.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
jobs=$(nproc 2>/dev/null || echo 2)

CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBOARDPACK_FUZZ=ON \
  -DBOARDPACK_TESTS=OFF -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined" \
  -DCMAKE_C_FLAGS="-fsanitize=fuzzer-no-link,address,undefined" > /dev/null
cmake --build build-fuzz -j"$jobs" --target fuzz_csv fuzz_metadata fuzz_markdown

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work"/{csv,metadata,markdown} tests/fuzz/findings
# Seeds: the example's CSV files, meeting and item headers, and item texts without their header.
find inputs tests/golden -name '*.csv' -exec cp {} "$work/csv/" \; 2>/dev/null || true
i=0
for f in $(find inputs tests/golden -name 'meeting.txt' -o -name 'item.md'); do
  i=$((i + 1)); cp "$f" "$work/metadata/$i"
  awk 'BEGIN{h=0} /^---/{h++; next} h>=2' "$f" > "$work/markdown/$i"
done
cp tests/fuzz/regressions/csv/* "$work/csv/" 2>/dev/null || true
cp tests/fuzz/regressions/metadata/* "$work/metadata/" 2>/dev/null || true
cp tests/fuzz/regressions/markdown/* "$work/markdown/" 2>/dev/null || true

status=0
for target in csv metadata markdown; do
  echo "== fuzz_$target for ${seconds}s"
  if ! ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
       ./build-fuzz/tests/fuzz/fuzz_$target "$work/$target" -max_total_time="$seconds" -max_len=65536 \
       -timeout=10 -rss_limit_mb=2048 -artifact_prefix="tests/fuzz/findings/$target-" -print_final_stats=1 \
       2> "$work/$target.log"; then
    status=1
    tail -60 "$work/$target.log"
    echo "fuzz_$target found a problem; its input is in tests/fuzz/findings/"
  else
    grep -E "stat::number_of_executed_units|stat::new_units_added" "$work/$target.log" | tr '\n' ' '; echo
  fi
done
exit $status

#!/usr/bin/env bash
# Fuzzes the CSV reader, the meeting/item metadata reader, Markdown-to-model (with table blocks,
# calculations, HTML and PDF layout), the formula language, table/beregning calculations and PDF attachments (qpdf), the
# picture check (with libharu loading what it lets through) and the PDF reader's answer as boardpack reads it, with
# libFuzzer under AddressSanitizer and UndefinedBehaviorSanitizer, each for a bounded time.
# tests/run-all.sh (and so CI) runs it after the ctest runs; any finding fails the run.
#
#   bash tests/fuzz/run.sh [SECONDS_PER_TARGET]     (default 60)
#
# Needs clang and libclang-rt-14-dev (in the README's install command). Seeds come from the
# example meetings and the kept regressions. It writes into the source tree only
# tests/fuzz/findings/ (ignored by git): the build goes to $BOARDPACK_FUZZ_BUILD (default: a
# folder under $TMPDIR for this source tree, reused by the next run; tests/run-all.sh gives its
# sanitizer build, which has the targets), the corpus to a temporary folder. A crash stops with
# its input in tests/fuzz/findings/; fix the bug, then move the input into
# tests/fuzz/regressions/<target>/ so the unit tests replay it.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
jobs=$(nproc 2>/dev/null || echo 2)
targets="csv metadata markdown formula calculation pdf image answer"
build=${BOARDPACK_FUZZ_BUILD:-${TMPDIR:-/tmp}/boardpack-fuzz-$(id -u)-$(pwd -P | cksum | cut -d' ' -f1)}

command -v clang++ > /dev/null || { echo "tests/fuzz/run.sh needs clang and libclang-rt-14-dev (see the README's install command)"; exit 1; }

start=$(date +%s)
# A build folder already configured for fuzzing (tests/run-all.sh's sanitizer build) is used as it
# is; any other is configured here, with the fuzz targets only.
if ! grep -qx 'BOARDPACK_FUZZ:BOOL=ON' "$build/CMakeCache.txt" 2> /dev/null; then
  cmake -S . -B "$build" -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DBOARDPACK_SANITIZE=ON -DBOARDPACK_FUZZ=ON -DBOARDPACK_TESTS=OFF > /dev/null
fi
cmake --build "$build" -j"$jobs" --target $(for t in $targets; do printf 'fuzz_%s ' "$t"; done) boardpack-qpdf
echo "== fuzz build: $(( $(date +%s) - start ))s"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for t in $targets; do mkdir -p "$work/$t"; done
mkdir -p tests/fuzz/findings
# Seeds: the examples' CSV files, meeting and item headers, item texts without their header,
# their formulas, and per item folder its CSV files with its formulas (for calculation).
find inputs tests/golden -name '*.csv' -exec cp {} "$work/csv/" \; 2>/dev/null || true
find inputs tests -name '*.png' -o -name '*.jpg' | while IFS= read -r f; do cp "$f" "$work/image/$(echo "$f" | tr / _)"; done
i=0
while IFS= read -r f; do
  i=$((i + 1)); cp "$f" "$work/metadata/$i"
  awk 'BEGIN{h=0} /^---/{h++; next} h>=2' "$f" > "$work/markdown/$i"
  { grep -E '^(række|kolonne|værdi): ' "$f" || true; } | sed -E 's/^[^=]*= //; s/ \| .*//' | {
    j=0; while IFS= read -r formula; do j=$((j + 1)); printf '%s' "$formula" > "$work/formula/$i-$j"; done; }
  k=0
  for csv in "$(dirname "$f")"/*.csv; do
    [ -f "$csv" ] || continue
    k=$((k + 1))
    { cat "$csv"; echo '%%'; grep -E '^(række|kolonne): ' "$f" || true; echo '%%'
      grep -E '^værdi: ' "$f" || true; echo '%%'; { grep -F '{' "$f" || true; } | head -5; } > "$work/calculation/$i-$k"
  done
done < <(find inputs tests/golden -name 'meeting.txt' -o -name 'item.md')
printf '%s' 'udvikling(mindst; størst; højere; -mindst)' > "$work/formula/extremes"
# Footnotes (a note referred to from another, one inside a link, one never referred to, one
# missing) and a task list: the examples have none.
printf '# Resumé\n\nA[^a] og [b[^b]](https://x.dk).\n\n- [ ] c[^c]\n- [x] d\n\n[^a]: Se[^b].\n\n    To.\n\n[^b]: B {t[A; B]}.\n\n# Økonomi\n\nE[^a][^mangler].\n\n[^ubrugt]: U.\n' \
  > "$work/markdown/footnotes"
# PDF attachments: the committed ones (examples, canaries) and small ones made by the tests' maker.
find inputs tests -name '*.pdf' -size -200k -exec cp {} "$work/pdf/" \; 2>/dev/null || true
python3 tests/attachments/make_pdf.py "$work/pdf/plain.pdf" "Side 1" "Side 2"
# The same with its cross-reference as a stream (and objects in an object stream), which the meter
# reads before qpdf opens the file.
qpdf --object-streams=generate "$work/pdf/plain.pdf" "$work/pdf/plain-xref-stream.pdf"
# The reader's answers: for those two (each sent as the program sends it, its length in front,
# the answer's own length cut off) and a refusal.
for f in plain plain-xref-stream; do
  python3 -c 'import sys; d = open(sys.argv[1], "rb").read(); sys.stdout.buffer.write(len(d).to_bytes(8, "little") + d)' \
    "$work/pdf/$f.pdf" | "$build/boardpack-qpdf" "" | tail -c +9 > "$work/answer/$f"
done
printf '\x00\x00\x00\x00\x00\x00\x00\x00' | "$build/boardpack-qpdf" "" | tail -c +9 > "$work/answer/empty" || true
printf 'Post;A;B\np;900.000.000.000.000.000;-1\nI alt;-999.999.999.999.999.999;\n%%%%\nrække: I alt = p * 10\nkolonne: C = [A] - [B] | tolerance 2\n%%%%\nværdi: v = t[p; A] * 10\n%%%%\nTal: {c[v]} og {t[I alt; C] | mio. kr.}.\n' \
  > "$work/calculation/extremes"
for t in $targets; do
  cp tests/fuzz/regressions/"$t"/* "$work/$t/" 2> /dev/null || true
  rm -f "$work/$t/.gitkeep"
done

status=0
for t in $targets; do
  echo "== fuzz_$t for ${seconds}s, from $(find "$work/$t" -type f | wc -l) seeds"
  if ! ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
       "$build/tests/fuzz/fuzz_$t" "$work/$t" -max_total_time="$seconds" -max_len=65536 \
       -timeout=10 -rss_limit_mb=2048 -artifact_prefix="tests/fuzz/findings/$t-" -print_final_stats=1 \
       2> "$work/$t.log"; then
    status=1
    tail -60 "$work/$t.log"
    echo "fuzz_$t found a problem; its input is in tests/fuzz/findings/"
  else
    grep -E "stat::number_of_executed_units|stat::new_units_added" "$work/$t.log" | tr '\n' ' '; echo
  fi
done
exit $status

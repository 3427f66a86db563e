#!/usr/bin/env bash
# No lost packet: a build that is killed (SIGKILL at several moments, including after every
# file was written but before the swap), that runs out of file space, or that meets another
# build of the same meeting, leaves the published packet byte for byte as it was; the next
# build cleans up and publishes.
set -u
boardpack=$1
root=$2
work=$(mktemp -d)
trap 'kill -9 $(jobs -p) 2>/dev/null; rm -rf "$work"' EXIT
. "$(dirname "$0")/../lib/check.sh"
# output/m is a link to the current version; the snapshot is of what it shows.
snapshot() { (cd "$work/out/m" && find . -type f -exec md5sum {} + | sort); }
staging=.boardpack/m/staging

cp -r "$root/inputs/2023-09-bestyrelsen" "$work/m"
"$boardpack" build "$work/m" --out "$work/out" > /dev/null 2>&1 || { echo "FAIL: first build"; exit 1; }
snapshot > "$work/published"
# Change the input, so a new packet would differ from the published one.
sed -i 's/^Løn;125.100.000;122.100.000/Løn;125.100.000;123.100.000/' "$work/m/19-budget-2024/tabel-3.csv"

# SIGKILL at several moments: while loading and rendering, and while waiting to publish.
for delay in 0.02 0.1 0.3 0.6; do
  BOARDPACK_TEST_PAUSE_BEFORE_PUBLISH_MS=5000 "$boardpack" build "$work/m" --out "$work/out" > /dev/null 2>&1 &
  pid=$!
  sleep "$delay"
  kill -9 "$pid" 2> /dev/null
  wait "$pid" 2> /dev/null
  snapshot > "$work/now"
  check "killed after ${delay}s: the published packet is unchanged" cmp -s "$work/published" "$work/now"
done

# Killed with every new file written and synced, just before the swap.
BOARDPACK_TEST_PAUSE_BEFORE_PUBLISH_MS=10000 "$boardpack" build "$work/m" --out "$work/out" > /dev/null 2>&1 &
pid=$!
for _ in $(seq 1 200); do [ -f "$work/out/$staging/lukket/dagsorden.pdf" ] && break; sleep 0.05; done
check "the new packet is complete in the staging folder" test -s "$work/out/$staging/lukket/dagsorden.pdf"
kill -9 "$pid"; wait "$pid" 2> /dev/null
snapshot > "$work/now"
check "killed before the swap: the published packet is unchanged" cmp -s "$work/published" "$work/now"

# Two builds at once: the second is refused with a clear message; the first completes.
# (The killed build left its staging folder; the next build would clear it, but the wait below
# watches that folder, so clear it first.)
rm -rf "$work/out/$staging"
BOARDPACK_TEST_PAUSE_BEFORE_PUBLISH_MS=3000 "$boardpack" build "$work/m" --out "$work/out" > "$work/first.out" 2>&1 &
first=$!
for _ in $(seq 1 200); do [ -f "$work/out/$staging/lukket/dagsorden.pdf" ] && break; sleep 0.05; done
"$boardpack" build "$work/m" --out "$work/out" > /dev/null 2> "$work/second.err"; rc=$?
check "a second build of the same meeting exits 3" test $rc -eq 3
check "and says another build is running" grep -q "another boardpack build is writing .*out/m right now" "$work/second.err"
wait "$first"; rc=$?
check "the first build completes" test $rc -eq 0
snapshot > "$work/after-first"
check "and publishes the new packet" test "$(cmp -s "$work/published" "$work/after-first"; echo $?)" -ne 0
check "no staging folder is left" test ! -e "$work/out/$staging"
snapshot > "$work/published"

# Out of space: the PDF does not fit under a 64 KiB file size limit.
sed -i 's/^Løn;125.100.000;123.100.000/Løn;125.100.000;124.100.000/' "$work/m/19-budget-2024/tabel-3.csv"
(ulimit -f 64; "$boardpack" build "$work/m" --out "$work/out" > /dev/null 2> "$work/full.err"); rc=$?
check "out of space exits 3" test $rc -eq 3
check "and names the file it could not write" grep -q "cannot write .*/$staging/.*/dagsorden.*: File too large" "$work/full.err"
snapshot > "$work/now"
check "out of space: the published packet is unchanged" cmp -s "$work/published" "$work/now"
check "out of space: no staging folder is left" test ! -e "$work/out/$staging"

# After all that, a plain build publishes.
"$boardpack" build "$work/m" --out "$work/out" > /dev/null 2>&1; rc=$?
check "a later build succeeds" test $rc -eq 0
check "the published packet has the latest figure" grep -q "124.100.000" "$work/out/m/lukket/dagsorden.html"
exit $((fails > 0))

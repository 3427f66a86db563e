#!/usr/bin/env bash
# No lost packet: a build that is killed (SIGKILL at several moments, including after every
# file was written but before the swap), that runs out of file space, or that meets another
# build of the same meeting, leaves the published packet byte for byte as it was; the next
# build cleans up and publishes. Killed between the steps of publishing, without the exchange,
# output/m is a complete packet at every moment. Only what boardpack wrote is replaced; the
# closed edition is readable by owner and group only.
set -u
# A rebuild of changed input makes a new version, dated from the input or SOURCE_DATE_EPOCH (README, "Corrections").
export SOURCE_DATE_EPOCH=1694736000
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
touch "$work/started"
sleep 0.01
BOARDPACK_TEST_PAUSE_BEFORE_PUBLISH_MS=10000 "$boardpack" build "$work/m" --out "$work/out" > /dev/null 2>&1 &
pid=$!
# libharu writes the PDF into the staging folder as it goes: it is complete when its trailer is.
# (A build killed above may have left a complete one there, until this build clears it.)
pdf_done() {
  local pdf="$work/out/$staging/lukket/dagsorden-lukket.pdf"
  [ "$pdf" -nt "$work/started" ] && tail -c 16 "$pdf" 2> /dev/null | grep -q '%%EOF'
}
for _ in $(seq 1 400); do pdf_done && break; sleep 0.05; done
check "the new packet is complete in the staging folder" pdf_done
kill -9 "$pid"; wait "$pid" 2> /dev/null
snapshot > "$work/now"
check "killed before the swap: the published packet is unchanged" cmp -s "$work/published" "$work/now"

# Two builds at once: the second is refused with a clear message; the first completes.
# (The killed build left its staging folder; the next build would clear it, but the wait below
# watches that folder, so clear it first.)
rm -rf "$work/out/$staging"
BOARDPACK_TEST_PAUSE_BEFORE_PUBLISH_MS=3000 "$boardpack" build "$work/m" --out "$work/out" > "$work/first.out" 2>&1 &
first=$!
for _ in $(seq 1 200); do [ -f "$work/out/$staging/lukket/dagsorden-lukket.pdf" ] && break; sleep 0.05; done
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
check "and names the file it could not write" grep -q "cannot write .*/$staging/.*/[a-z-]*\.[a-z]*: File too large" "$work/full.err"
snapshot > "$work/now"
check "out of space: the published packet is unchanged" cmp -s "$work/published" "$work/now"
check "out of space: no staging folder is left" test ! -e "$work/out/$staging"

# Out of space in the PDF itself, which libharu writes straight into the staging folder (issue
# 10): the small example's HTML (8 KB) fits under 16 KiB, its PDF (30 KB) does not.
cp -r "$root/tests/golden/lille-eksempel/2024-03-eksempel" "$work/small"
"$boardpack" build "$work/small" --out "$work/out-small" > /dev/null 2>&1
(cd "$work/out-small/small" && find . -type f -exec md5sum {} + | sort) > "$work/small-published"
sed -i 's/^at bestyrelsen godkender budgettet\./at bestyrelsen godkender budgettet for 2025./' "$work/small/01-budget/item.md"
(ulimit -f 16; "$boardpack" build "$work/small" --out "$work/out-small" > /dev/null 2> "$work/pdf-full.err"); rc=$?
check "out of space in the PDF exits 3" test $rc -eq 3
check "and names the PDF it could not write" grep -q "cannot write .*/staging/offentlig/dagsorden-offentlig.pdf: File too large" "$work/pdf-full.err"
check "out of space in the PDF: the published packet is unchanged" \
  cmp -s "$work/small-published" <(cd "$work/out-small/small" && find . -type f -exec md5sum {} + | sort)
check "out of space in the PDF: no staging folder is left" test ! -e "$work/out-small/.boardpack/small/staging"

# After all that, a plain build publishes.
"$boardpack" build "$work/m" --out "$work/out" > /dev/null 2>&1; rc=$?
check "a later build succeeds" test $rc -eq 0
check "the published packet has the latest figure" grep -q "124.100.000" "$work/out/m/lukket/dagsorden-lukket.html"
# Killed between the steps of publishing (version in place, link made, link switched), with the
# exchange disabled as on a file system without renameat2: output/m is a complete packet at
# every moment, the old one before the switch and the new one after; the next build clears up.
snapshot > "$work/published"
for step in 1 2 3; do
  sed -i "s/^Løn;125.100.000;[0-9.]*/Løn;125.100.000;12$step.555.000/" "$work/m/19-budget-2024/tabel-3.csv"
  BOARDPACK_TEST_NO_EXCHANGE=1 BOARDPACK_TEST_KILL_AFTER_STEP=$step "$boardpack" build "$work/m" --out "$work/out" > /dev/null 2>&1; rc=$?
  check "killed after publishing step $step (exit by SIGKILL)" test $rc -eq 137
  snapshot > "$work/now"
  # (The kept versions under <edition>/versioner/ aside: tests/versions/ checks those.)
  check "after step $step: output/m is a complete packet (the editions' HTML, PDF, agenda-only PDF and snapshot, a corrected version's two rettelsesblad files each, the example's 4 attachment files in bilag/ and the marker)" test "$(grep -vc '/versioner/' "$work/now")" -eq 17
  if [ $step -lt 3 ]; then
    check "after step $step: it is the old packet" cmp -s "$work/published" "$work/now"
  else
    check "after step $step: it is the new packet" grep -q "12$step.555.000" "$work/out/m/lukket/dagsorden-lukket.html"
  fi
  BOARDPACK_TEST_NO_EXCHANGE=1 "$boardpack" build "$work/m" --out "$work/out" > /dev/null 2>&1; rc=$?
  check "after step $step: the next build (no exchange) succeeds" test $rc -eq 0
  check "and leaves only the lock and one version" test "$(ls "$work/out/.boardpack/m" | tr '\n' ' ')" = "$(readlink "$work/out/m" | sed 's|.*/||') lock "
  snapshot > "$work/published"
done

# Only what boardpack wrote is replaced: a folder with other files, a link it did not make and a
# file at output/<meeting> are refused (exit 3) before any work, and left as they were.
cp -r "$work/m" "$work/x"
mkdir -p "$work/o2/x" "$work/elsewhere"
echo "the secretariat's notes" > "$work/o2/x/notes.txt"
"$boardpack" build "$work/x" --out "$work/o2" > /dev/null 2> "$work/e"; rc=$?
check "a foreign folder at output/<meeting> is refused (exit 3)" test $rc -eq 3
check "with a message saying why" grep -q "will not replace .*/o2/x: it is a folder that boardpack did not write" "$work/e"
check "and its files are untouched" test "$(cat "$work/o2/x/notes.txt")" = "the secretariat's notes" -a "$(ls "$work/o2/x")" = notes.txt
check "and no working folder is made beside it" test ! -e "$work/o2/.boardpack"
rm -r "$work/o2/x"; ln -s "$work/elsewhere" "$work/o2/x"
"$boardpack" build "$work/x" --out "$work/o2" > /dev/null 2> "$work/e"; rc=$?
check "a link boardpack did not make is refused (exit 3)" test $rc -eq 3 -a "$(readlink "$work/o2/x")" = "$work/elsewhere"
check "with a message saying why" grep -q "is a symbolic link that boardpack did not make" "$work/e"
rm "$work/o2/x"; echo data > "$work/o2/x"
"$boardpack" build "$work/x" --out "$work/o2" > /dev/null 2>&1; rc=$?
check "a file at output/<meeting> is refused (exit 3) and kept" test $rc -eq 3 -a "$(cat "$work/o2/x")" = data

# A packet folder written by an earlier version (a real folder, no marker, exactly the four
# files) is replaced by the exchange; where the file system cannot exchange, it is refused.
rm "$work/o2/x"; mkdir -p "$work/o2/x/offentlig" "$work/o2/x/lukket"
for ed in offentlig lukket; do for kind in html pdf; do
  cp "$work/out/m/$ed/dagsorden-$ed.$kind" "$work/o2/x/$ed/dagsorden.$kind"  # the names of the time
done; done
(cd "$work/o2/x" && find . -type f -exec md5sum {} + | sort) > "$work/legacy"
BOARDPACK_TEST_NO_EXCHANGE=1 "$boardpack" build "$work/x" --out "$work/o2" > /dev/null 2> "$work/e"; rc=$?
check "an old packet folder without the exchange: exit 3" test $rc -eq 3
check "saying to move it away" grep -q "written by an earlier boardpack, and this file system cannot swap it atomically.*move it away" "$work/e"
check "and it is left as it was" cmp -s "$work/legacy" <(cd "$work/o2/x" && find . -type f -exec md5sum {} + | sort)
check "and no version is left behind" test "$(ls "$work/o2/.boardpack/x")" = lock
BOARDPACK_TEST_KILL_AFTER_STEP=3 "$boardpack" build "$work/x" --out "$work/o2" > /dev/null 2>&1
check "an old packet folder is exchanged for the link" test -L "$work/o2/x" -a -s "$work/o2/x/.boardpack-packet"
check "killed before clearing up, the old folder waits in the working folder" test -d "$work/o2/.boardpack/x/link"
"$boardpack" build "$work/x" --out "$work/o2" > /dev/null 2>&1; rc=$?
check "the next build clears it" test $rc -eq 0 -a ! -e "$work/o2/.boardpack/x/link"
check "and the packet has the edition in its file names" test -s "$work/o2/x/offentlig/dagsorden-offentlig.pdf" -a -s "$work/o2/x/lukket/dagsorden-lukket.html"
check "and none of the old names" test -z "$(find -L "$work/o2/x" -name 'dagsorden.*')"

# A packet an earlier boardpack published through its link, under the names without the
# edition: those files are boardpack's own, and go with the old version when the next build
# publishes the new names. A file someone put in the packet (through the link) would go with it
# too, so then the build is refused and the file kept.
cp -r "$work/m" "$work/y"
"$boardpack" build "$work/y" --out "$work/o3" > /dev/null 2>&1
for ed in offentlig lukket; do for kind in html pdf; do
  mv "$work/o3/y/$ed/dagsorden-$ed.$kind" "$work/o3/y/$ed/dagsorden.$kind"
done; done
old_version=$(readlink "$work/o3/y")
"$boardpack" build "$work/y" --out "$work/o3" > /dev/null 2> "$work/e"; rc=$?
check "a packet published under the old names is replaced (exit 0)" test $rc -eq 0
check "by one with the edition in the file names" test -s "$work/o3/y/offentlig/dagsorden-offentlig.html" -a -s "$work/o3/y/lukket/dagsorden-lukket.pdf"
check "and the old names are gone with the old version" test -z "$(find -L "$work/o3/y" -name 'dagsorden.*')" -a ! -e "$work/o3/$old_version"
echo "the secretariat's minutes" > "$work/o3/y/offentlig/referat.txt"
(cd "$work/o3/y" && find . -type f -exec md5sum {} + | sort) > "$work/y-before"
"$boardpack" build "$work/y" --out "$work/o3" > /dev/null 2> "$work/e"; rc=$?
check "a file added to a published packet makes the build refuse (exit 3)" test $rc -eq 3
check "saying why" grep -q "will not replace .*/o3/y: it holds a file that boardpack did not write, which replacing the packet would delete" "$work/e"
check "and the packet and the file are left as they were" cmp -s "$work/y-before" <(cd "$work/o3/y" && find . -type f -exec md5sum {} + | sort)
rm "$work/o3/y/offentlig/referat.txt"
"$boardpack" build "$work/y" --out "$work/o3" > /dev/null 2>&1; rc=$?
check "without it the build publishes again" test $rc -eq 0

# Meetings whose names were boardpack's working names are no longer working names: building m
# leaves the packets of meetings named staging, link, lock and 1 alone; a name starting with "."
# is refused.
for name in staging link lock 1; do cp -r "$work/x" "$work/$name"; "$boardpack" build "$work/$name" --out "$work/out" > /dev/null 2>&1; done
"$boardpack" build "$work/m" --out "$work/out" > /dev/null 2>&1
for name in staging link lock 1; do
  check "meeting \"$name\" keeps its packet when m is built" test -s "$work/out/$name/lukket/dagsorden-lukket.pdf"
done
cp -r "$work/x" "$work/.m.staging"
"$boardpack" build "$work/.m.staging" --out "$work/out" > /dev/null 2> "$work/e"; rc=$?
check "a meeting named .m.staging is refused (exit 1)" test $rc -eq 1
check "saying names may not begin with a dot" grep -q 'a meeting folder.s name may not begin with "." (".m.staging")' "$work/e"

# The closed edition is for the owner and group only, the public one for everyone, whatever the
# umask.
modes() { (export LC_ALL=C; cd "$work/out/m" && stat -c '%a %n' . offentlig offentlig/[ds]* lukket lukket/[ds]* | tr '\n' ' '); }
# The kept versions (each build above changed the input) have their edition's modes too.
kept_modes() { (cd "$work/out/m" && find "$1/versioner" -printf '%m %y\n' | sort -u | tr '\n' ' '); }
want="755 . 755 offentlig 644 offentlig/dagsorden-offentlig-uden-bilag.pdf 644 offentlig/dagsorden-offentlig.html 644 offentlig/dagsorden-offentlig.pdf 644 offentlig/snapshot-offentlig.txt 750 lukket 640 lukket/dagsorden-lukket-uden-bilag.pdf 640 lukket/dagsorden-lukket.html 640 lukket/dagsorden-lukket.pdf 640 lukket/snapshot-lukket.txt "
# The attachments' own files (bilag/) as their edition's: folders 0755 or 0750, files 0644 or 0640.
bilag_modes_ok() { (cd "$work/out/m" && [ -n "$(ls offentlig/bilag)" ] && [ -n "$(ls lukket/bilag)" ] &&
  [ -z "$(find offentlig/bilag \( -type d ! -perm 755 \) -o \( -type f ! -perm 644 \))" ] &&
  [ -z "$(find lukket/bilag \( -type d ! -perm 750 \) -o \( -type f ! -perm 640 \))" ]); }
for mask in 000 022 077; do
  (umask $mask; "$boardpack" build "$work/m" --out "$work/out" > /dev/null 2>&1)
  check "umask $mask: lukket/ is 0750 with 0640 files, offentlig/ 0755 with 0644 files" test "$(modes)" = "$want"
  check "umask $mask: so are their bilag/ folders and files" bilag_modes_ok
done
check "the kept public versions: folders 0755, files 0644" test "$(kept_modes offentlig)" = "644 f 755 d "
check "the kept closed versions: folders 0750, files 0640" test "$(kept_modes lukket)" = "640 f 750 d "

exit $((fails > 0))

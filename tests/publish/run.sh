#!/usr/bin/env bash
# No lost packet: a build that is killed (SIGKILL at several moments, including after every
# file was written but before the swap), that runs out of file space, or that meets another
# build of the same meeting, leaves the published packet byte for byte as it was; the next
# build cleans up and publishes. Killed between the steps of publishing, output/m is a complete
# packet at every moment. Only what boardpack wrote is replaced: a file someone added to the
# published packet, whatever its name, or one they changed, makes the build refuse (exit 3) and
# is kept; so does a folder of anyone's at output/<meeting>, and what a build would clear from
# its working folder. The closed edition is readable by owner and group only.
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
BOARDPACK_TEST_PAUSE_BEFORE_PUBLISH_MS=10000 "$boardpack" build "$work/m" --out "$work/out" > "$work/paused.out" 2>&1 &
pid=$!
# libharu writes the PDF into the staging folder as it goes: it is complete when its trailer is.
# (A build killed above may have left a complete one there, until this build clears it.)
pdf_done() {
  local pdf="$work/out/$staging/lukket/dagsorden-lukket.pdf"
  [ "$pdf" -nt "$work/started" ] && tail -c 16 "$pdf" 2> /dev/null | grep -q '%%EOF'
}
for _ in $(seq 1 400); do pdf_done && break; kill -0 "$pid" 2> /dev/null || break; sleep 0.05; done
check "the new packet is complete in the staging folder" pdf_done
# A build that ended before its pause says why.
kill -0 "$pid" 2> /dev/null || { wait "$pid"; echo "the paused build ended early (exit $?):"; grep -v "published figure" "$work/paused.out"; }
kill -9 "$pid" 2> /dev/null; wait "$pid" 2> /dev/null
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
# 10): the small example's HTML (16 KB) fits under 32 KiB, its PDF (51 KB) does not.
cp -r "$root/tests/golden/lille-eksempel/2024-03-eksempel" "$work/small"
"$boardpack" build "$work/small" --out "$work/out-small" > /dev/null 2>&1
(cd "$work/out-small/small" && find . -type f -exec md5sum {} + | sort) > "$work/small-published"
sed -i 's/^at bestyrelsen godkender budgettet\./at bestyrelsen godkender budgettet for 2025./' "$work/small/01-budget/item.md"
(ulimit -f 32; "$boardpack" build "$work/small" --out "$work/out-small" > /dev/null 2> "$work/pdf-full.err"); rc=$?
check "out of space in the PDF exits 3" test $rc -eq 3
check "and names the PDF it could not write" grep -q "cannot write .*/staging/offentlig/dagsorden-offentlig.pdf: File too large" "$work/pdf-full.err"
check "its last line names the PDF with the reason, and the packet left as it was" \
  grep -q "^boardpack: cannot write .*/staging/offentlig/dagsorden-offentlig.pdf: File too large; the packet in .*/out-small/small was left as it was$" "$work/pdf-full.err"
check "and says it once" test "$(grep -c 'dagsorden-offentlig.pdf' "$work/pdf-full.err")" -eq 1
check "out of space in the PDF: the published packet is unchanged" \
  cmp -s "$work/small-published" <(cd "$work/out-small/small" && find . -type f -exec md5sum {} + | sort)
check "out of space in the PDF: no staging folder is left" test ! -e "$work/out-small/.boardpack/small/staging"

# After all that, a plain build publishes.
"$boardpack" build "$work/m" --out "$work/out" > /dev/null 2>&1; rc=$?
check "a later build succeeds" test $rc -eq 0
check "the published packet has the latest figure" grep -q "124.100.000" "$work/out/m/lukket/dagsorden-lukket.html"
# Killed between the steps of publishing (version in place, link made, link switched): output/m
# is a complete packet at every moment, the old one before the switch and the new one after; the
# next build clears up.
snapshot > "$work/published"
for step in 1 2 3; do
  sed -i "s/^Løn;125.100.000;[0-9.]*/Løn;125.100.000;12$step.555.000/" "$work/m/19-budget-2024/tabel-3.csv"
  BOARDPACK_TEST_KILL_AFTER_STEP=$step "$boardpack" build "$work/m" --out "$work/out" > /dev/null 2>&1; rc=$?
  check "killed after publishing step $step (exit by SIGKILL)" test $rc -eq 137
  snapshot > "$work/now"
  # (The kept versions under <edition>/versioner/ aside: tests/versions/ checks those.)
  check "after step $step: output/m is a complete packet (the editions' HTML, PDF, agenda-only PDF, snapshot and list of files, a corrected version's two rettelsesblad files each, the example's 4 attachment files in bilag/ and the marker)" test "$(grep -vc '/versioner/' "$work/now")" -eq 19
  if [ $step -lt 3 ]; then
    check "after step $step: it is the old packet" cmp -s "$work/published" "$work/now"
  else
    check "after step $step: it is the new packet" grep -q "12$step.555.000" "$work/out/m/lukket/dagsorden-lukket.html"
  fi
  # The note of the version published (written before the switch, under another name) names the
  # version output/m shows, before the switch and after it.
  check "after step $step: the note names the version output/m shows" \
    test "$(cat "$work/out/.boardpack/m/published")" = "$(readlink "$work/out/m" | sed 's|.*/||')"
  "$boardpack" build "$work/m" --out "$work/out" > /dev/null 2>&1; rc=$?
  check "after step $step: the next build succeeds" test $rc -eq 0
  check "and leaves only the lock, one version and the note of it" test "$(ls "$work/out/.boardpack/m" | tr '\n' ' ')" = "$(readlink "$work/out/m" | sed 's|.*/||') lock published "
  snapshot > "$work/published"
done

# output/m lost (deleted by hand) while the version it showed is still in the working folder:
# a build would remove that version, with its kept versions and the snapshots a correction is
# compared with, and publish version 1 anew. It refuses (exit 3), and says how to go on.
shown=$(readlink "$work/out/m")
rm "$work/out/m"
"$boardpack" build "$work/m" --out "$work/out" > /dev/null 2> "$work/e"; rc=$?
check "output/m lost: the build refuses (exit 3)" test $rc -eq 3
check "saying where the packet is and how to put the link back" grep -q "out/m is missing, but the packet it showed (version ${shown##*/}, .*) is still in .*out/.boardpack/m/${shown##*/}; to go on from it, put the link back with \"ln -s $shown .*out/m\"" "$work/e"
check "and the version is kept as it was" test -d "$work/out/$shown/lukket/versioner"
ln -s "$shown" "$work/out/m"
"$boardpack" build "$work/m" --out "$work/out" > /dev/null 2>&1; rc=$?
check "the link put back, the next build goes on from it" test $rc -eq 0 -a -d "$work/out/m/lukket/versioner"
snapshot > "$work/published"

# A symbolic link at the note of the version published (output/.boardpack/m/published, or the
# name its new content is written under) is not boardpack's: a build replaced it by a file of its
# own, the link lost. It is refused (exit 3) as one at the lock is, and left as it was.
for note in published published.new; do
  printf 'mine\n' > "$work/mine.txt"
  mv "$work/out/.boardpack/m/published" "$work/published-note"
  ln -s "$work/mine.txt" "$work/out/.boardpack/m/$note"
  [ $note = published.new ] && cp "$work/published-note" "$work/out/.boardpack/m/published"
  "$boardpack" build "$work/m" --out "$work/out" > /dev/null 2> "$work/e"; rc=$?
  check "a symbolic link at .boardpack/m/$note: the build refuses (exit 3)" test $rc -eq 3
  check "naming it" grep -q "will not replace .*out/.boardpack/m/$note: it is a symbolic link that boardpack did not make" "$work/e"
  check "and the link and its file are left as they were" test -L "$work/out/.boardpack/m/$note" -a "$(cat "$work/mine.txt")" = mine
  snapshot > "$work/now"
  check "and the packet too" cmp -s "$work/published" "$work/now"
  rm "$work/out/.boardpack/m/$note"
  mv "$work/published-note" "$work/out/.boardpack/m/published"
done
"$boardpack" build "$work/m" --out "$work/out" > /dev/null 2>&1; rc=$?
check "the link moved away, the next build goes on" test $rc -eq 0 -a ! -L "$work/out/.boardpack/m/published"
snapshot > "$work/published"

# Only what boardpack wrote is replaced: a folder with other files, a link it did not make and a
# file at output/<meeting> are refused (exit 3) before any work, and left as they were.
cp -r "$work/m" "$work/x"
mkdir -p "$work/o2/x" "$work/elsewhere"
echo "the secretariat's notes" > "$work/o2/x/notes.txt"
"$boardpack" build "$work/x" --out "$work/o2" > /dev/null 2> "$work/e"; rc=$?
check "a foreign folder at output/<meeting> is refused (exit 3)" test $rc -eq 3
check "with a message saying why" grep -q "will not replace .*/o2/x: it is a folder, and boardpack publishes a packet only as a link into .*/o2/.boardpack, so it cannot tell this folder from one of yours" "$work/e"
check "and its files are untouched" test "$(cat "$work/o2/x/notes.txt")" = "the secretariat's notes" -a "$(ls "$work/o2/x")" = notes.txt
check "and no working folder is made beside it" test ! -e "$work/o2/.boardpack"
rm -r "$work/o2/x"; ln -s "$work/elsewhere" "$work/o2/x"
"$boardpack" build "$work/x" --out "$work/o2" > /dev/null 2> "$work/e"; rc=$?
check "a link boardpack did not make is refused (exit 3)" test $rc -eq 3 -a "$(readlink "$work/o2/x")" = "$work/elsewhere"
check "with a message saying why" grep -q "is a symbolic link that boardpack did not make" "$work/e"
rm "$work/o2/x"; echo data > "$work/o2/x"
"$boardpack" build "$work/x" --out "$work/o2" > /dev/null 2>&1; rc=$?
check "a file at output/<meeting> is refused (exit 3) and kept" test $rc -eq 3 -a "$(cat "$work/o2/x")" = data

# A folder with the four files a packet had before the marker (offentlig/ and lukket/ each with
# dagsorden.html and dagsorden.pdf) is no more boardpack's than any other: it cannot be told from
# a folder of someone's own, so it is refused (exit 3) and left as it was; moved away, the build
# publishes.
rm "$work/o2/x"; mkdir -p "$work/o2/x/offentlig" "$work/o2/x/lukket"
for ed in offentlig lukket; do
  echo "my own $ed notes" > "$work/o2/x/$ed/dagsorden.html"; echo "my own $ed text" > "$work/o2/x/$ed/dagsorden.pdf"
done
(cd "$work/o2/x" && find . -exec stat -c '%n %s %Y' {} + | sort) > "$work/own"
"$boardpack" build "$work/x" --out "$work/o2" > /dev/null 2> "$work/e"; rc=$?
check "a folder holding files with a packet's old names is refused (exit 3)" test $rc -eq 3
check "saying it cannot tell it from a folder of one's own" grep -q "will not replace .*/o2/x: it is a folder, .*cannot tell this folder from one of yours (nor from a packet folder an early boardpack wrote); move it away" "$work/e"
check "and it is left as it was" cmp -s "$work/own" <(cd "$work/o2/x" && find . -exec stat -c '%n %s %Y' {} + | sort)
check "and no working folder is made beside it" test ! -e "$work/o2/.boardpack"
mv "$work/o2/x" "$work/o2-x-moved"
"$boardpack" build "$work/x" --out "$work/o2" > /dev/null 2>&1; rc=$?
check "moved away, the build publishes" test $rc -eq 0 -a -L "$work/o2/x" -a -s "$work/o2/x/offentlig/dagsorden-offentlig.pdf"

# A file someone put in a published packet (through the link) is not boardpack's to delete,
# whatever its name: one named like an attachment's own file the item does not have, like a
# kept version, like the agenda-only PDF of a packet that merges no PDF attachment, or any other.
# The build is refused (exit 3) naming it, and the packet and the file are left as they were.
cp -r "$root/tests/golden/lille-eksempel/2024-03-eksempel" "$work/s"
"$boardpack" build "$work/s" --out "$work/o4" > /dev/null 2>&1
for added in offentlig/bilag/1-9-underskrevet-brev.pdf lukket/bilag/2-9-eget-notat.pdf \
             offentlig/dagsorden-offentlig-uden-bilag.pdf offentlig/versioner/1/dagsorden-offentlig.pdf \
             offentlig/bilag/1-1-budgetnotat.pdf lukket/referat.txt; do
  mkdir -p "$(dirname "$work/o4/s/$added")"
  echo "USER FILE: a signed letter" > "$work/o4/s/$added"
  (cd "$work/o4/s" && find . -type f -exec md5sum {} + | sort) > "$work/s-before"
  "$boardpack" build "$work/s" --out "$work/o4" > /dev/null 2> "$work/e"; rc=$?
  check "a file added as $added makes the build refuse (exit 3)" test $rc -eq 3
  # (named by the first folder on its way that boardpack did not make, if it is in one)
  named=$(sed -n "s|^boardpack: will not replace .*/o4/s: it holds $work/o4/s/\([^,]*\), which boardpack did not write, and replacing the packet would delete it; move that out of the packet and build again$|\1|p" "$work/e")
  check "naming it" test -n "$named" -a "${added#"$named"}" != "$added"
  check "and the packet and the file are left as they were" cmp -s "$work/s-before" <(cd "$work/o4/s" && find . -type f -exec md5sum {} + | sort)
  rm "$work/o4/s/$added"; rmdir -p --ignore-fail-on-non-empty "$(dirname "$work/o4/s/$added")" 2> /dev/null
done
# A file of the packet replaced by another under the same name (the same size or not).
cp "$work/o4/s/offentlig/dagsorden-offentlig.html" "$work/s-html"
sed -i 's/Budget/BUDGET/' "$work/o4/s/offentlig/dagsorden-offentlig.html"
"$boardpack" build "$work/s" --out "$work/o4" > /dev/null 2> "$work/e"; rc=$?
check "a file of the packet changed in place makes the build refuse (exit 3)" test $rc -eq 3
check "saying it is not the file boardpack wrote" grep -q "it holds .*/o4/s/offentlig/dagsorden-offentlig.html, which is not the file boardpack wrote there (it was changed or replaced since)" "$work/e"
check "and it is kept" grep -q BUDGET "$work/o4/s/offentlig/dagsorden-offentlig.html"
echo "my own agenda" > "$work/o4/s/lukket/dagsorden-lukket.pdf"
cp "$work/s-html" "$work/o4/s/offentlig/dagsorden-offentlig.html"
"$boardpack" build "$work/s" --out "$work/o4" > /dev/null 2> "$work/e"; rc=$?
check "a file of the packet replaced by another makes the build refuse (exit 3)" test $rc -eq 3 -a "$(cat "$work/o4/s/lukket/dagsorden-lukket.pdf")" = "my own agenda"
rm "$work/o4/s/lukket/dagsorden-lukket.pdf"
"$boardpack" build "$work/s" --out "$work/o4" > /dev/null 2> "$work/e"; rc=$?
check "a file taken out of the packet is no reason to refuse: the build publishes" test $rc -eq 0 -a -s "$work/o4/s/lukket/dagsorden-lukket.pdf"
check "and the public edition is the same bytes as before" cmp -s "$work/s-html" "$work/o4/s/offentlig/dagsorden-offentlig.html"

# A packet an earlier boardpack published through its link, before the lists of files (and
# under the names without the edition): its files are boardpack's own as far as its snapshots
# account for them, and go with the old version when the next build publishes the new names and
# the lists. A file its snapshots do not account for, even named like an attachment's own file,
# makes the build refuse.
cp -r "$work/m" "$work/y"
"$boardpack" build "$work/y" --out "$work/o3" > /dev/null 2>&1
earlier_boardpack() {  # what a boardpack before the lists wrote: no lists, a marker without them
  rm "$work/o3/y/offentlig/.boardpack-files-offentlig" "$work/o3/y/lukket/.boardpack-files-lukket"
  sed -i '/^files: /d' "$work/o3/y/.boardpack-packet"
}
earlier_boardpack
for ed in offentlig lukket; do for kind in html pdf; do
  mv "$work/o3/y/$ed/dagsorden-$ed.$kind" "$work/o3/y/$ed/dagsorden.$kind"
done; done
echo "USER FILE" > "$work/o3/y/offentlig/bilag/21-7-underskrevet.pdf"
(cd "$work/o3/y" && find . -type f -exec md5sum {} + | sort) > "$work/y-before"
"$boardpack" build "$work/y" --out "$work/o3" > /dev/null 2> "$work/e"; rc=$?
check "a file a packet's snapshot does not account for makes the build refuse (exit 3)" test $rc -eq 3
check "saying the packet has no list of files" grep -q "it holds .*/o3/y/offentlig/bilag/21-7-underskrevet.pdf, which its snapshot does not account for: an earlier boardpack published the packet without a list of the files it wrote" "$work/e"
check "and the packet and the file are left as they were" cmp -s "$work/y-before" <(cd "$work/o3/y" && find . -type f -exec md5sum {} + | sort)
rm "$work/o3/y/offentlig/bilag/21-7-underskrevet.pdf"
old_version=$(readlink "$work/o3/y")
"$boardpack" build "$work/y" --out "$work/o3" > /dev/null 2> "$work/e"; rc=$?
check "a packet published under the old names is replaced (exit 0)" test $rc -eq 0
check "by one with the edition in the file names" test -s "$work/o3/y/offentlig/dagsorden-offentlig.html" -a -s "$work/o3/y/lukket/dagsorden-lukket.pdf"
check "and the old names are gone with the old version" test -z "$(find -L "$work/o3/y" -name 'dagsorden.*')" -a ! -e "$work/o3/$old_version"
check "and it has its lists of files" test -s "$work/o3/y/offentlig/.boardpack-files-offentlig" -a -s "$work/o3/y/lukket/.boardpack-files-lukket"
echo "the secretariat's minutes" > "$work/o3/y/offentlig/referat.txt"
(cd "$work/o3/y" && find . -type f -exec md5sum {} + | sort) > "$work/y-before"
"$boardpack" build "$work/y" --out "$work/o3" > /dev/null 2> "$work/e"; rc=$?
check "a file added to a published packet makes the build refuse (exit 3)" test $rc -eq 3
check "saying why" grep -q "will not replace .*/o3/y: it holds .*/o3/y/offentlig/referat.txt, which boardpack did not write, and replacing the packet would delete it" "$work/e"
check "and the packet and the file are left as they were" cmp -s "$work/y-before" <(cd "$work/o3/y" && find . -type f -exec md5sum {} + | sort)
rm "$work/o3/y/offentlig/referat.txt"
"$boardpack" build "$work/y" --out "$work/o3" > /dev/null 2>&1; rc=$?
check "without it the build publishes again" test $rc -eq 0

# A correction through the lists: version 2 keeps version 1 whole, every kept file listed; a
# packet from before the lists keeps its versions the same way.
sed -i 's/^Løn;125.100.000;[0-9.]*/Løn;125.100.000;122.700.000/' "$work/y/19-budget-2024/tabel-3.csv"
earlier_boardpack
"$boardpack" build "$work/y" --out "$work/o3" > /dev/null 2> "$work/e"; rc=$?
check "a correction of a packet from before the lists builds" test $rc -eq 0
check "and lists its kept version" grep -q "	versioner/1/dagsorden-offentlig.pdf$" "$work/o3/y/offentlig/.boardpack-files-offentlig"
check "the closed list too, for owner and group only" test "$(stat -c %a "$work/o3/y/lukket/.boardpack-files-lukket")" = 640 -a -n "$(grep "	versioner/1/dagsorden-lukket.pdf$" "$work/o3/y/lukket/.boardpack-files-lukket")"
sed -i 's/^Løn;125.100.000;[0-9.]*/Løn;125.100.000;122.800.000/' "$work/y/19-budget-2024/tabel-3.csv"
"$boardpack" build "$work/y" --out "$work/o3" > /dev/null 2> "$work/e"; rc=$?
check "and the next correction too" test $rc -eq 0 -a -s "$work/o3/y/offentlig/versioner/2/dagsorden-offentlig.pdf"
"$boardpack" build "$work/y" --out "$work/o3" > /dev/null 2> "$work/e"; rc=$?
check "and a rebuild without a change" test $rc -eq 0
echo "USER FILE" > "$work/o3/y/offentlig/versioner/1/bilag/5-2-eget.pdf"
"$boardpack" build "$work/y" --out "$work/o3" > /dev/null 2> "$work/e"; rc=$?
check "a file added to a kept version makes the build refuse (exit 3)" test $rc -eq 3 -a -s "$work/o3/y/offentlig/versioner/1/bilag/5-2-eget.pdf"
rm "$work/o3/y/offentlig/versioner/1/bilag/5-2-eget.pdf"

# What a build clears from boardpack's working folder (what a killed build left) is what
# boardpack wrote there: a folder of someone's under a version's number is left where it is; a
# staging folder holding a file boardpack did not write is refused (exit 3) and kept.
mkdir -p "$work/o3/.boardpack/y/97" "$work/o3/.boardpack/y/staging"
echo "user data" > "$work/o3/.boardpack/y/97/user.txt"; echo "user data" > "$work/o3/.boardpack/y/staging/user.txt"
"$boardpack" build "$work/y" --out "$work/o3" > /dev/null 2> "$work/e"; rc=$?
check "a staging folder of someone's makes the build refuse (exit 3)" test $rc -eq 3
check "saying why" grep -q "will not remove .*/o3/.boardpack/y/staging, left in boardpack's working folder by a build that stopped" "$work/e"
check "and it is kept" test "$(cat "$work/o3/.boardpack/y/staging/user.txt")" = "user data"
rm -r "$work/o3/.boardpack/y/staging"
"$boardpack" build "$work/y" --out "$work/o3" > /dev/null 2> "$work/e"; rc=$?
check "without it the build publishes" test $rc -eq 0
check "and leaves the folder of someone's under a version's number as it was" test "$(cat "$work/o3/.boardpack/y/97/user.txt")" = "user data"
check "publishing after it" test "$(readlink "$work/o3/y")" = .boardpack/y/98

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

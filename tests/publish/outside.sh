#!/usr/bin/env bash
# What a build does beside the packet (tests/publish/run.sh has the packet itself), after probe B:
# the archive page output/index.html is replaced only while it is the page boardpack wrote (its
# fingerprint is recorded); a temporary page a killed build left is cleared; a lost version
# folder is refused as a lost link is; a build refused for bad input says what it did; the output
# folder boardpack makes is as readable as the public edition; a file saved into the packet while
# a build ran is named where it went.
set -u
# A rebuild of changed input makes a new version, dated from the input or SOURCE_DATE_EPOCH.
export SOURCE_DATE_EPOCH=1715212800
boardpack=$(realpath "$1")
root=$(realpath "$2")
work=$(mktemp -d)
trap 'kill -9 $(jobs -p) 2>/dev/null; rm -rf "$work"' EXIT
. "$(dirname "$0")/../lib/check.sh"
kanarie=$root/tests/confidentiality/kanarie/2024-05-kanarie
mkdir "$work/in"
cp -r "$kanarie" "$work/in/a"; cp -r "$kanarie" "$work/in/b"
cd "$work"

# The archive page edited after boardpack wrote it is the user's now: refused (exit 3), kept.
"$boardpack" build in/a in/b --out out -q 2> /dev/null; rc=$?
check "two meetings build, with an archive page" test $rc -eq 0 -a -s out/index.html
check "its fingerprint is recorded in the working folder" grep -q "^boardpack archive page 1$" out/.boardpack/.index-written
"$boardpack" build in/a --out out -q 2> /dev/null; rc=$?
check "the page boardpack wrote is replaced by the next build (exit 0)" test $rc -eq 0
sed -i 's|<body>|<body><p>our own banner</p>|' out/index.html
cp out/index.html edited
"$boardpack" build in/a --out out -q 2> e; rc=$?
check "an archive page edited since boardpack wrote it is refused (exit 3)" test $rc -eq 3
check "naming it and saying why" grep -qx "boardpack: will not replace out/index.html: it is not the page boardpack wrote there (it was changed or replaced since), and replacing it would lose that; move it away and build again to get the archive page" e
check "and it is left as it was" cmp -s edited out/index.html
mv out/index.html moved-index.html
"$boardpack" build in/a --out out -q 2> /dev/null; rc=$?
check "moved away, the build writes the page again" test $rc -eq 0 -a -n "$(grep 'name="generator" content="boardpack"' out/index.html)"
# A page from a boardpack before the record (the mark, no record) is replaced as it was then.
rm out/.boardpack/.index-written
echo '<!-- an older page -->' >> out/index.html
"$boardpack" build in/a --out out -q 2> /dev/null; rc=$?
check "a page with the mark and no record (an older boardpack's) is replaced (exit 0)" test $rc -eq 0 -a -z "$(grep 'an older page' out/index.html)"
check "and its fingerprint is recorded from then on" test -s out/.boardpack/.index-written
# A damaged record (a size past 2^64) is no record: the page is replaced, never a crash.
printf 'boardpack archive page 1\n0123456789abcdef0123456789abcdef\t123456789012345678901234567890\n' > out/.boardpack/.index-written
"$boardpack" build in/a --out out -q 2> /dev/null; rc=$?
check "a damaged record of the page is taken as none (exit 0)" test $rc -eq 0
check "and written anew" grep -q "^boardpack archive page 1$" out/.boardpack/.index-written
# A symbolic link at the record, or at its new file's name, or at the archive's lock is the
# user's: refused (exit 3), the link kept (the record was replaced by a plain file, the link lost).
echo 'my notes' > notes.txt
for name in .index-written .index-written.new; do
  saved=$(mktemp -p "$work")
  mv out/.boardpack/.index-written "$saved"
  [ "$name" = .index-written.new ] && cp "$saved" out/.boardpack/.index-written
  ln -s "$work/notes.txt" "out/.boardpack/$name"
  "$boardpack" build in/a --out out -q 2> e; rc=$?
  check "a symbolic link at the archive's record $name is refused (exit 3)" test $rc -eq 3
  check "naming it" grep -q "will not replace out/.boardpack/$name: it is not a plain file, and boardpack did not make it" e
  check "and it is left as it was" test -L "out/.boardpack/$name" -a "$(cat notes.txt)" = "my notes"
  rm "out/.boardpack/$name"
  [ "$name" = .index-written.new ] || mv "$saved" out/.boardpack/.index-written
done
"$boardpack" build in/a --out out -q 2> /dev/null
check "moved away, the record is written again" grep -q "^boardpack archive page 1$" out/.boardpack/.index-written
rm -f out/.boardpack/.index-lock
ln -s "$work/notes.txt" out/.boardpack/.index-lock
"$boardpack" build in/a --out out -q 2> e; rc=$?
check "a symbolic link at the archive's lock is refused (exit 3), saying so" \
  test $rc -eq 3 -a -n "$(grep 'will not use out/.boardpack/.index-lock: it is a symbolic link that boardpack did not make' e)"
rm out/.boardpack/.index-lock

# A temporary page a killed build left (index.html.<pid>.new, its process gone) is cleared; one of
# a process that runs is not, nor a file of that name that is no page boardpack wrote.
sh -c 'exit 0' & dead=$!; wait $dead
sh -c 'exit 0' & dead2=$!; wait $dead2
echo '<!DOCTYPE html><meta name="generator" content="boardpack"><p>half a page</p>' > "out/.boardpack/index.html.$dead.new"
echo 'precious notes' > "out/.boardpack/index.html.$dead2.new"
echo '<!DOCTYPE html><meta name="generator" content="boardpack"><p>being written</p>' > "out/.boardpack/index.html.$$.new"
"$boardpack" build in/a --out out -q 2> /dev/null; rc=$?
check "the temporary page of a killed build is cleared" test $rc -eq 0 -a ! -e "out/.boardpack/index.html.$dead.new"
check "the temporary page of a process that runs is left" test -e "out/.boardpack/index.html.$$.new"
check "a file of that name that boardpack did not write is left" test "$(cat "out/.boardpack/index.html.$dead2.new")" = "precious notes"
rm "out/.boardpack/index.html.$$.new" "out/.boardpack/index.html.$dead2.new"

# The version folder output/<meeting> leads to is lost (moved away by hand) while the link and the
# note of it remain: a build would publish version 1 anew. It refuses (exit 3), and says how to go on.
sed -i 's/Mødelokale 2/Mødelokale 9/' in/b/meeting.txt
shown=$(readlink out/b)
mv "out/$shown" moved-version
"$boardpack" build in/b --out out -q 2> e; rc=$?
check "a lost version folder: the build refuses (exit 3)" test $rc -eq 3
check "saying what is missing and how to go on" grep -qx "boardpack: will not replace out/b: it leads to out/$shown, which is missing: that was the packet published (version ${shown##*/}, with its earlier versions and what a correction is compared with); to go on from it, put that folder back where it was; to start again at version 1, remove the link out/b" e
check "and the link is left as it was" test "$(readlink out/b)" = "$shown"
mv moved-version "out/$shown"
"$boardpack" build in/b --out out -q 2> /dev/null; rc=$?
check "the folder put back, the next build goes on from it (version 2)" test $rc -eq 0 -a -n "$(grep -m1 "^version	2" out/b/offentlig/snapshot-offentlig.txt)"

# A file saved into the packet while a build runs keeps the old version from being removed: the
# build says where the file is now.
sed -i 's/Mødelokale 9/Mødelokale 7/' in/b/meeting.txt
old=$(readlink out/b)
BOARDPACK_TEST_PAUSE_BEFORE_PUBLISH_MS=3000 "$boardpack" build in/b --out out -q > /dev/null 2> e &
pid=$!
for _ in $(seq 1 200); do [ -e out/.boardpack/b/staging/.boardpack-packet ] && break; sleep 0.05; done
sleep 0.3
echo "minutes draft" > out/b/offentlig/notes.txt
wait $pid; rc=$?
check "a file saved during a build: the build publishes (exit 0)" test $rc -eq 0 -a "$(readlink out/b)" != "$old"
check "and warns, naming the file and where it is now" grep -qx "boardpack: warning: out/b/offentlig/notes.txt was saved into the packet while this build ran; the new packet is published without it, and it is now in out/$old/offentlig/notes.txt, with the packet it was saved into; move it from there" e
check "where it is" test "$(cat "out/$old/offentlig/notes.txt")" = "minutes draft"
check "and the old version, published no more, is for owner and group only" test "$(stat -c %a "out/$old")" = 750

# A build refused for bad input says nothing was published (it has taken its lock by then).
cp -r "$kanarie" in/bad; echo "garbage line" >> in/bad/meeting.txt
"$boardpack" build in/bad --out out-bad 2> e; rc=$?
check "bad input: exit 1, saying nothing was published" test $rc -eq 1 -a -n "$(grep -x 'boardpack: in/bad: 1 error(s); nothing was published' e)"
"$boardpack" check in/bad 2> e; rc=$?
check "check says nothing was written" test $rc -eq 1 -a -n "$(grep -x 'boardpack: in/bad: 1 error(s); nothing was written' e)"

# The output folder, and a folder on its way, made by boardpack under umask 077, are readable as
# the public edition is (0755); a folder the user made keeps its mode.
(umask 077; "$boardpack" build in/a --out made/out -q 2> /dev/null)
check "umask 077: the output folder and its parent made by boardpack are 0755" test "$(stat -c %a made made/out | tr '\n' ' ')" = "755 755 "
mkdir -m 700 mine
(umask 077; "$boardpack" build in/a --out mine/out -q 2> /dev/null)
check "umask 077: a folder the user made keeps its mode (0700)" test "$(stat -c %a mine mine/out | tr '\n' ' ')" = "700 755 "

exit $((fails > 0))

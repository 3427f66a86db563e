#!/usr/bin/env bash
# The command line as a user meets it: exit codes, help, the summary line, valid HTML, a failed
# build that leaves the published packet byte for byte as it was, an output folder that would
# overlap a meeting, two meetings with one name, and packets named after the resolved folder.
set -u
boardpack=$(realpath "$1")
root=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$(dirname "$0")/../lib/check.sh"

"$boardpack" --version > "$work/v" 2>&1; rc=$?
check "--version exits 0 and names boardpack" test $rc -eq 0 -a -n "$(grep '^boardpack ' "$work/v")"
"$boardpack" --help > "$work/h" 2>&1; rc=$?
check "--help exits 0 and shows usage" test $rc -eq 0 -a -n "$(grep 'usage: boardpack build' "$work/h")"
"$boardpack" > /dev/null 2>&1; rc=$?
check "no command is a usage error (2)" test $rc -eq 2
"$boardpack" build --bogus > /dev/null 2>&1; rc=$?
check "an unknown option is a usage error (2)" test $rc -eq 2
"$boardpack" build "$work/nowhere" > /dev/null 2> "$work/e"; rc=$?
check "a missing meeting folder is an input error (1)" test $rc -eq 1 -a -n "$(grep 'no such meeting folder' "$work/e")"

# A template that does not parse is reported once, with its file, and nothing else: the
# templates and fonts load while the first meeting is read, but without them nothing is built
# and nothing of the meeting is reported.
cp -r "$root/templates" "$work/templates"
echo '{{#rows}}' >> "$work/templates/html/tabel.mustache"
"$boardpack" check "$root/inputs/2023-09-bestyrelsen" --templates "$work/templates" > /dev/null 2> "$work/e"; rc=$?
check "a broken template exits 1" test $rc -eq 1
check "and is reported once, naming the template" test "$(grep -c "templates/html/tabel.mustache: error: template error: Unclosed section" "$work/e")" -eq 1
check "and alone" test "$(wc -l < "$work/e")" -eq 1
# Fonts that are not there, with two meetings built at once (one with an error of its own):
# the fonts' message only, no packet, no summary.
cp -r "$root/inputs/2023-09-bestyrelsen" "$work/k1"
cp -r "$root/inputs/2023-09-bestyrelsen" "$work/k2"
printf 'dato: 2023-13-45\n' >> "$work/k2/meeting.txt"
"$boardpack" build "$work/k1" "$work/k2" -j2 --fonts "$work/nowhere" --out "$work/kout" > "$work/s" 2> "$work/e"; rc=$?
check "missing fonts exit 1" test $rc -eq 1
check "and are reported, naming the font file" grep -q "nowhere/Carlito-Regular.ttf: error: cannot open the font file" "$work/e"
check "with nothing of the meetings" test -z "$(grep -v '/nowhere/' "$work/e")" -a ! -s "$work/s"
check "and no packet (only the meetings' lock files)" test -z "$(find "$work/kout" -type f -not -path '*/.boardpack/*' 2>/dev/null)"

# A good build, with its summary line.
cp -r "$root/inputs/2023-09-bestyrelsen" "$work/m"
"$boardpack" build "$work/m" --out "$work/out" > "$work/s" 2> "$work/e"; rc=$?
check "the example builds (exit 0)" test $rc -eq 0
check "the summary names items, pages and files" grep -qE '^boardpack: built m: 24 items \(15 public, 9 confidential\); offentlig [0-9]+ pages, lukket [0-9]+ pages; 12 files in ' "$work/s"
for ed in offentlig lukket; do
  for f in "dagsorden-$ed.html" "dagsorden-$ed.pdf"; do
    check "$ed/$f exists" test -s "$work/out/m/$ed/$f"
  done
  check "$ed/ holds no file without the edition in its name" test ! -e "$work/out/m/$ed/dagsorden.html" -a ! -e "$work/out/m/$ed/dagsorden.pdf"
  if command -v tidy > /dev/null; then
    tidy -q -e "$work/out/m/$ed/dagsorden-$ed.html" > "$work/tidy" 2>&1
    check "$ed HTML is valid HTML5 (tidy reports nothing)" test ! -s "$work/tidy"
    cat "$work/tidy" | head -5
  fi
done
(cd "$work/out/m" && find . -type f -exec md5sum {} + | sort) > "$work/before"

# The example's one contradiction (index 147 printed, 148 computed) is a warning, and with
# --strict an error that stops the build.
"$boardpack" check "$work/m" > /dev/null 2> "$work/e"; rc=$?
check "a published figure beyond its tolerance is a warning (exit 0)" test $rc -eq 0
check "the warning names the CSV cell" grep -q 'm/18-speciallaeger/tabel-1.csv:4:28: warning: the published figure 147' "$work/e"
"$boardpack" check --strict "$work/m" > /dev/null 2> "$work/e"; rc=$?
check "with --strict it is an error (exit 1)" test $rc -eq 1
check "the error names the CSV cell" grep -q 'm/18-speciallaeger/tabel-1.csv:4:28: error: the published figure 147' "$work/e"
check "and nothing else: the two cells that print 147" test "$(grep -c ': error: ' "$work/e")" -eq 2

# A broken input: exit 1, a message with file and line, and the packet untouched.
sed -i 's/^status: Offentlig$/status: Hemmelig/' "$work/m/18-speciallaeger/item.md"
"$boardpack" build "$work/m" --out "$work/out" > /dev/null 2> "$work/e"; rc=$?
check "bad input exits 1" test $rc -eq 1
check "the message names file, line and column" grep -qE '18-speciallaeger/item.md:3:9: error: unknown status "Hemmelig"' "$work/e"
(cd "$work/out/m" && find . -type f -exec md5sum {} + | sort) > "$work/after"
check "the published packet is unchanged" cmp -s "$work/before" "$work/after"
check "no staging folder is left behind" test ! -e "$work/out/.boardpack/m/staging"

# check writes nothing and lists every problem.
printf 'Løn;1;2;3\r\n' >> "$work/m/19-budget-2024/tabel-2.csv"
sed -i 's/^dato: .*/dato: 2023-02-30/' "$work/m/meeting.txt"
"$boardpack" check "$work/m" --out "$work/out-check" > /dev/null 2> "$work/e"; rc=$?
check "check exits 1 on errors" test $rc -eq 1
check "check lists every problem (status, CSV row, date)" test "$(grep -c ': error: ' "$work/e")" -eq 3
check "check writes nothing" test ! -e "$work/out-check"

# The output folder may not be, contain or lie inside a meeting folder: refused (exit 2) before
# anything is built, and every input file is still there.
mkdir -p "$work/ws/inputs"
cp -r "$root/inputs/2023-09-bestyrelsen" "$work/ws/inputs/m"
(cd "$work/ws/inputs/m" && find . -type f -exec md5sum {} + | sort) > "$work/inputs-before"
for out in inputs inputs/m inputs/m/19-budget-2024 inputs/m/new "inputs/m/19-budget-2024/.." "$work/ws/inputs/"; do
  (cd "$work/ws" && "$boardpack" build inputs/m --out "$out" > /dev/null 2> "$work/e"); rc=$?
  check "--out $out with meeting inputs/m is refused (exit 2)" test $rc -eq 2
  check "saying the output folder is, contains or lies inside the meeting" grep -qE "the output folder .* (is|contains|lies inside) the meeting folder inputs/m; " "$work/e"
done
(cd "$work/ws" && "$boardpack" build --out inputs > /dev/null 2> "$work/e"); rc=$?
check "build --out inputs (every meeting under inputs/) is refused (exit 2)" test $rc -eq 2
ln -s inputs/m "$work/ws/alias"
(cd "$work/ws" && "$boardpack" build inputs/m --out alias/out > /dev/null 2> "$work/e"); rc=$?
check "an output folder reached through a link into the meeting is refused (exit 2)" test $rc -eq 2
check "the meeting's files are all still there, unchanged" cmp -s "$work/inputs-before" <(cd "$work/ws/inputs/m" && find . -type f -exec md5sum {} + | sort)

# Two meetings with one packet name in one run: an error before anything is built.
mkdir -p "$work/a" "$work/b"
cp -r "$work/ws/inputs/m" "$work/a/m"; cp -r "$work/ws/inputs/m" "$work/b/m"
"$boardpack" build "$work/a/m" "$work/b/m" --out "$work/dup" > "$work/s" 2> "$work/e"; rc=$?
check "two meetings named m in one run are refused (exit 2)" test $rc -eq 2
check "naming both" grep -q "the meetings .*/a/m and .*/b/m would both be written to .*/dup/m" "$work/e"
check "and nothing is built" test ! -e "$work/dup" -a ! -s "$work/s"

# The packet is named after the meeting folder as it resolves.
(cd "$work/ws/inputs/m" && "$boardpack" build . --out "$work/dot" > "$work/s" 2> "$work/e"); rc=$?
check "build . inside the meeting folder exits 0" test $rc -eq 0
check "and writes the packet as <out>/m" test -s "$work/dot/m/lukket/dagsorden-lukket.pdf" -a "$(ls "$work/dot")" = m
(cd "$work/ws/inputs/m" && "$boardpack" check . > "$work/s" 2> "$work/e"); rc=$?
check "check . inside the meeting folder names the meeting, not \".\"" test $rc -eq 0 -a -n "$(grep -h '^boardpack: m: no errors' "$work/s" "$work/e")"
(cd "$work/ws/inputs/m/19-budget-2024" && "$boardpack" check .. > "$work/s" 2> "$work/e"); rc=$?
check "and so does check .. from an item's folder" test $rc -eq 0 -a -n "$(grep -h '^boardpack: m: no errors' "$work/s" "$work/e")"
(cd "$work/ws" && "$boardpack" build inputs/m/. --out "$work/dot2" > /dev/null 2>&1); rc=$?
check "build m/. writes <out>/m" test $rc -eq 0 -a -s "$work/dot2/m/lukket/dagsorden-lukket.pdf" -a "$(ls "$work/dot2")" = m
mkdir -p "$work/nest/out"
(cd "$work/ws" && "$boardpack" build inputs/m/19-budget-2024/.. --out "$work/nest/out" > /dev/null 2>&1); rc=$?
check "build m/sub/.. writes <out>/m, not the output folder's parent" test $rc -eq 0 -a -s "$work/nest/out/m/lukket/dagsorden-lukket.pdf" -a "$(ls "$work/nest")" = out

# Issue 9, point 19: a meeting named as it stands under inputs/ is found there, or the message
# says where boardpack looked.
(cd "$work/ws" && "$boardpack" check m > "$work/s19" 2> "$work/e19"); rc=$?
check "check m finds inputs/m" test $rc -eq 0 -a -n "$(grep -h '^boardpack: inputs/m: no errors' "$work/s19" "$work/e19")"
(cd "$work/ws" && "$boardpack" check nowhere > /dev/null 2> "$work/e19"); rc=$?
check "a meeting in neither place says where it looked" test $rc -eq 1 -a -n "$(grep 'nowhere: no such meeting folder (looked for nowhere and inputs/nowhere from ' "$work/e19")"

# Issue 15, point 6: shell habits. --quiet prints only what must be fixed; --color=always colours
# the kind of each message, auto does not colour a file (nor a terminal when NO_COLOR is set).
(cd "$work/ws" && "$boardpack" check m --quiet > "$work/q" 2> "$work/qe"); rc=$?
check "check --quiet on a clean meeting prints nothing but warnings (exit 0)" test $rc -eq 0 -a ! -s "$work/q" -a -z "$(grep -v -e 'warning:' -e '^  ' "$work/qe")"
(cd "$work/ws" && "$boardpack" check m --color=always > /dev/null 2> "$work/c"); rc=$?
check "--color=always colours the kind of message" grep -q $'\x1b\[1;35mwarning:\x1b\[0m' "$work/c"
(cd "$work/ws" && "$boardpack" check m > /dev/null 2> "$work/c"); rc=$?
check "--color=auto (the default) does not colour a file" test -z "$(grep $'\x1b' "$work/c")"
(cd "$work/ws" && NO_COLOR=1 "$boardpack" check m --color=always > /dev/null 2> "$work/c"); rc=$?
check "an explicit --color=always wins over NO_COLOR" grep -q $'\x1b\[' "$work/c"
"$boardpack" check --color=sometimes > /dev/null 2>&1; rc=$?
check "--color with another word is a usage error (2)" test $rc -eq 2

# Issue 15, point 5: many meetings at once. -j2 writes the same packets byte for byte as -j1, and
# prints each meeting's messages and summary in input order (here the second of three fails).
mkdir -p "$work/jobs"
for n in a b c; do cp -r "$root/inputs/2023-09-bestyrelsen" "$work/jobs/$n"; done
printf '\n# Resume\n' >> "$work/jobs/b/05-boerne-og-ungdomspsykiatri/item.md"
for j in 1 2; do
  (cd "$work/jobs" && "$boardpack" build a b c --out "$work/jobs-out$j" -j$j > "$work/jobs-s$j" 2> "$work/jobs-e$j"); echo $? > "$work/jobs-rc$j"
done
check "-j1 and -j2 both exit 1 (one meeting has an error)" test "$(cat "$work/jobs-rc1")$(cat "$work/jobs-rc2")" = 11
check "-j2 prints the same messages in the same order as -j1" cmp -s "$work/jobs-e1" "$work/jobs-e2"
check "and the same summary lines, in input order" test "$(sed "s#$work/jobs-out[12]#OUT#" "$work/jobs-s1")" = "$(sed "s#$work/jobs-out[12]#OUT#" "$work/jobs-s2")" -a "$(cut -c1-18 "$work/jobs-s2" | tr '\n' ' ')" = "boardpack: built a boardpack: built c "
same=yes
for n in a c; do for ed in offentlig lukket; do for f in "dagsorden-$ed.html" "dagsorden-$ed.pdf"; do
  cmp -s "$work/jobs-out1/$n/$ed/$f" "$work/jobs-out2/$n/$ed/$f" || same=no
done; done; done
check "-j2 writes the same packets byte for byte as -j1" test $same = yes
# Issue 15, point 4: the archive page. Two or more packets in one output folder get
# output/index.html: the public editions only, newest first, valid HTML; an index.html boardpack
# did not write is never replaced; one packet alone gets none.
check "two packets in one output get an archive page" test -s "$work/jobs-out2/index.html"
check "it links each public edition's HTML and PDF" test "$(grep -o 'href="[ac]/offentlig/dagsorden-offentlig\.\(html\|pdf\)"' "$work/jobs-out2/index.html" | wc -l)" -eq 4
check "and no closed edition" test -z "$(grep -i 'href="[^"]*lukket' "$work/jobs-out2/index.html")"
check "the meeting that failed is not on it" test -z "$(grep 'href="b/' "$work/jobs-out2/index.html")"
if command -v tidy > /dev/null; then
  tidy -q -e "$work/jobs-out2/index.html" > "$work/tidy-index" 2>&1
  check "the archive page is valid HTML (tidy)" test -z "$(grep -i 'error' "$work/tidy-index")"
fi
check "one packet alone gets no archive page" test ! -e "$work/out/index.html"
mkdir -p "$work/arkiv"
cp -r "$root/inputs/2023-09-bestyrelsen" "$work/arkiv/2023-09-a"
cp -r "$root/inputs/2023-09-bestyrelsen" "$work/arkiv/møde 2024"
sed -i 's/^dato: 2023-09-28$/dato: 2024-03-07/' "$work/arkiv/møde 2024/meeting.txt"
(cd "$work/arkiv" && "$boardpack" build 2023-09-a "møde 2024" --out "$work/arkiv-out" > /dev/null 2>&1); rc=$?
check "the newest meeting comes first" test $rc -eq 0 -a "$(grep -o 'href="[^"]*html"' "$work/arkiv-out/index.html" | head -1)" = 'href="m%C3%B8de%202024/offentlig/dagsorden-offentlig.html"'
# A packet an earlier boardpack wrote under the names without the edition (and without the lists
# of its files) is linked by the names it holds, until it is built again.
for kind in html pdf; do
  mv "$work/arkiv-out/2023-09-a/offentlig/dagsorden-offentlig.$kind" "$work/arkiv-out/2023-09-a/offentlig/dagsorden.$kind"
done
rm "$work/arkiv-out/2023-09-a/offentlig/.boardpack-files-offentlig" "$work/arkiv-out/2023-09-a/lukket/.boardpack-files-lukket"
sed -i '/^files: /d' "$work/arkiv-out/2023-09-a/.boardpack-packet"
(cd "$work/arkiv" && "$boardpack" build "møde 2024" --out "$work/arkiv-out" > /dev/null 2>&1); rc=$?
check "the archive page links an older packet's files by their old names" test $rc -eq 0 -a "$(grep -o 'href="2023-09-a/[^"]*"' "$work/arkiv-out/index.html" | tr '\n' ' ')" = 'href="2023-09-a/offentlig/dagsorden.html" href="2023-09-a/offentlig/dagsorden.pdf" '
(cd "$work/arkiv" && "$boardpack" build 2023-09-a --out "$work/arkiv-out" > /dev/null 2>&1); rc=$?
check "and by the new names once it is built again" test $rc -eq 0 -a "$(grep -o 'href="2023-09-a/[^"]*"' "$work/arkiv-out/index.html" | tr '\n' ' ')" = 'href="2023-09-a/offentlig/dagsorden-offentlig.html" href="2023-09-a/offentlig/dagsorden-offentlig.pdf" '
echo '<p>our own page</p>' > "$work/arkiv-out/index.html"
(cd "$work/arkiv" && "$boardpack" build 2023-09-a --out "$work/arkiv-out" > /dev/null 2> "$work/e-index"); rc=$?
check "an index.html boardpack did not write is left as it is (exit 3)" test $rc -eq 3 -a "$(cat "$work/arkiv-out/index.html")" = '<p>our own page</p>' -a -n "$(grep 'will not replace .*index.html' "$work/e-index")"
"$boardpack" check -j0 > /dev/null 2>&1; rc=$?
check "-j0 is a usage error (2)" test $rc -eq 2

exit $((fails > 0))

#!/usr/bin/env bash
# "boardpack new" and "new-item": a meeting started from the skeletons builds at once into a valid
# packet with the standard sections; the skeletons' comments never reach it; nothing is
# overwritten; bad names are refused.
set -u
boardpack=$(realpath "$1")
root=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$(dirname "$0")/../lib/check.sh"

mkdir -p "$work/ws/inputs"
cp -r "$root/inputs/2023-09-bestyrelsen" "$work/ws/inputs/"
cd "$work/ws"

"$boardpack" new inputs/2023-10-bestyrelsen > "$work/o" 2> "$work/e"; rc=$?
check "new writes meeting.txt (exit 0)" test $rc -eq 0 -a -s inputs/2023-10-bestyrelsen/meeting.txt
check "new takes the repeated fields from the newest meeting beside it" grep -q '^sted: Regionernes Hus' inputs/2023-10-bestyrelsen/meeting.txt
check "new explains every field in comments" test "$(grep -c '^# ' inputs/2023-10-bestyrelsen/meeting.txt)" -ge 6
check "new dates the meeting today" grep -q "^dato: $(date +%Y-%m-%d)\$" inputs/2023-10-bestyrelsen/meeting.txt
cp inputs/2023-10-bestyrelsen/meeting.txt "$work/before"
"$boardpack" new inputs/2023-10-bestyrelsen > /dev/null 2> "$work/e"; rc=$?
check "new refuses a folder that has a meeting (exit 3)" test $rc -eq 3 -a -n "$(grep 'there is a meeting here already' "$work/e")"
check "and leaves its meeting.txt as it was" cmp -s "$work/before" inputs/2023-10-bestyrelsen/meeting.txt

"$boardpack" new-item inputs/2023-10-bestyrelsen 01-godkendelse --titel "Godkendelse af dagsorden" > "$work/o" 2>&1; rc=$?
check "new-item writes the item (exit 0)" test $rc -eq 0 -a -s inputs/2023-10-bestyrelsen/01-godkendelse/item.md
"$boardpack" new-item inputs/2023-10-bestyrelsen 02-budget-2025 > "$work/o" 2>&1; rc=$?
check "a second item is numbered after the first" grep -q '^nummer: 2$' inputs/2023-10-bestyrelsen/02-budget-2025/item.md
check "its title is made from its folder name" grep -q '^titel: Budget 2025$' inputs/2023-10-bestyrelsen/02-budget-2025/item.md
check "both are added to the agenda in order" test "$(grep '^punkt:' inputs/2023-10-bestyrelsen/meeting.txt | tr '\n' ' ')" = "punkt: 01-godkendelse punkt: 02-budget-2025 "
for s in Resumé Indstilling Sagsfremstilling Økonomi 'Sekretariatets bemærkninger' Kommunikation; do
  check "the item has the section $s" grep -q "^# $s\$" inputs/2023-10-bestyrelsen/01-godkendelse/item.md
done
cp inputs/2023-10-bestyrelsen/02-budget-2025/item.md "$work/item-before"
"$boardpack" new-item inputs/2023-10-bestyrelsen 02-budget-2025 > /dev/null 2> "$work/e"; rc=$?
check "new-item refuses an existing item (exit 3)" test $rc -eq 3 -a -n "$(grep 'already exists' "$work/e")"
check "and leaves it as it was" cmp -s "$work/item-before" inputs/2023-10-bestyrelsen/02-budget-2025/item.md
check "and adds no second punkt line" test "$(grep -c '^punkt: 02-budget-2025$' inputs/2023-10-bestyrelsen/meeting.txt)" -eq 1
for bad in ../ud .skjult a/b ''; do
  "$boardpack" new-item inputs/2023-10-bestyrelsen "$bad" > /dev/null 2> "$work/e"; rc=$?
  check "new-item refuses the name '$bad' (exit 2)" test $rc -eq 2
done
"$boardpack" new-item inputs/2023-10-bestyrelsen 09-x --titel $'Linje 1\nstatus: Fortrolig' > /dev/null 2> "$work/e"; rc=$?
check "new-item refuses a title with a line break, which would write a header line of its own (exit 2)" \
  test $rc -eq 2 -a ! -e inputs/2023-10-bestyrelsen/09-x -a -n "$(grep 'a title is one line of text' "$work/e")"
"$boardpack" new-item inputs/ingen 01-x > /dev/null 2> "$work/e"; rc=$?
check "new-item without a meeting says how to start one (exit 1)" test $rc -eq 1 -a -n "$(grep 'boardpack new inputs/ingen' "$work/e")"

"$boardpack" build 2023-10-bestyrelsen --out "$work/out" > "$work/o" 2> "$work/e"; rc=$?
check "the new meeting builds at once (exit 0)" test $rc -eq 0
check "with a reminder to write the case numbers" grep -q 'warning: the case number "EMN-ÅÅÅÅ-NNNNN"' "$work/e"
pdftotext "$work/out/2023-10-bestyrelsen/offentlig/dagsorden-offentlig.pdf" "$work/pdf.txt"
check "the packet has the standard sections" grep -q 'Sekretariatets bemærkninger' "$work/pdf.txt"
check "the skeleton's comments are not in the PDF" test -z "$(grep -E 'kommentar|dokumentnummer|fjern' "$work/pdf.txt")"
check "nor in the HTML" test -z "$(grep -E 'kommentar|dokumentnummer|fjern|&lt;!--' "$work/out/2023-10-bestyrelsen/offentlig/dagsorden-offentlig.html")"

exit $((fails > 0))

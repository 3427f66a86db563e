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
for bad in ../ud .skjult a/b '' ' 03-mellemrum' '03-mellemrum ' $'03-nbsp\u00a0'; do
  "$boardpack" new-item inputs/2023-10-bestyrelsen "$bad" > /dev/null 2> "$work/e"; rc=$?
  check "new-item refuses the name '$bad' (exit 2)" test $rc -eq 2
done
"$boardpack" new-item inputs/2023-10-bestyrelsen 09-x --titel $'Linje 1\nstatus: Fortrolig' > /dev/null 2> "$work/e"; rc=$?
check "new-item refuses a title with a line break, which would write a header line of its own (exit 2)" \
  test $rc -eq 2 -a ! -e inputs/2023-10-bestyrelsen/09-x -a -n "$(grep 'a title is one line of text' "$work/e")"
"$boardpack" new-item inputs/ingen 01-x > /dev/null 2> "$work/e"; rc=$?
check "new-item without a meeting says how to start one (exit 1)" test $rc -eq 1 -a -n "$(grep 'boardpack new inputs/ingen' "$work/e")"

# new-item adds its line to meeting.txt in place (probe B): the file keeps its inode, so its hard
# links, mode and owner; a link to a file in the meeting folder is written through, as a build
# reads through it; one leading out of it is refused; the line ends as the file's lines do.
cp -r inputs/2023-10-bestyrelsen "$work/linked"
mv "$work/linked/meeting.txt" "$work/linked/moede.txt"; ln -s moede.txt "$work/linked/meeting.txt"
"$boardpack" new-item "$work/linked" 03-nyt > /dev/null 2>&1; rc=$?
check "new-item through a link in the meeting folder: exit 0, the link kept" test $rc -eq 0 -a -L "$work/linked/meeting.txt"
check "and the file it leads to gets the line" grep -qx 'punkt: 03-nyt' "$work/linked/moede.txt"
cp -r inputs/2023-10-bestyrelsen "$work/away"; mv "$work/away/meeting.txt" "$work/away-meeting.txt"
ln -s "$work/away-meeting.txt" "$work/away/meeting.txt"; cp "$work/away-meeting.txt" "$work/away-before"
"$boardpack" new-item "$work/away" 03-nyt > /dev/null 2> "$work/e"; rc=$?
check "new-item through a link leading out of the meeting folder is refused (exit 3)" \
  test $rc -eq 3 -a -n "$(grep 'meeting.txt: it is a symbolic link that leads outside the meeting folder, which a build does not read; nothing was written' "$work/e")"
check "and nothing is written" test ! -e "$work/away/03-nyt" -a -L "$work/away/meeting.txt" && cmp -s "$work/away-before" "$work/away-meeting.txt"
cp -r inputs/2023-10-bestyrelsen "$work/kept"
chmod 600 "$work/kept/meeting.txt"; ln "$work/kept/meeting.txt" "$work/kept-backup.txt"
inode=$(stat -c %i "$work/kept/meeting.txt")
"$boardpack" new-item "$work/kept" 03-nyt > /dev/null 2>&1; rc=$?
check "new-item keeps meeting.txt's inode, mode and hard links" \
  test $rc -eq 0 -a "$(stat -c '%i %a %h' "$work/kept/meeting.txt")" = "$inode 600 2"
check "so its other name has the line too" grep -qx 'punkt: 03-nyt' "$work/kept-backup.txt"
cp -r inputs/2023-10-bestyrelsen "$work/crlf"; sed -i 's/$/\r/' "$work/crlf/meeting.txt"
"$boardpack" new-item "$work/crlf" 03-nyt > /dev/null 2>&1; rc=$?
check "new-item in a meeting.txt with CRLF line endings ends its line so too" \
  test $rc -eq 0 -a "$(tail -1 "$work/crlf/meeting.txt" | od -An -c | tr -s ' ')" = " p u n k t : 0 3 - n y t \r \n"
cp -r inputs/2023-10-bestyrelsen "$work/noeol"; printf '%s' "$(cat "$work/noeol/meeting.txt")" > "$work/noeol/meeting.txt"
"$boardpack" new-item "$work/noeol" 03-nyt > /dev/null 2>&1; rc=$?
check "new-item after a last line without a line break starts a line of its own" test $rc -eq 0 -a "$(tail -1 "$work/noeol/meeting.txt")" = "punkt: 03-nyt"

# A file that cannot be written (a full disk; here a file size limit, under which a write fails
# with "File too large" as on a full disk with "No space left on device"): exit 3 with the file and
# the reason, and nothing half-written left that would make the next try refuse. Before, the
# limit's signal killed boardpack and left an empty meeting.txt ("there is a meeting here
# already") or an empty item folder ("already exists"). The messages go to a pipe: under the
# limit a file could not take them either.
mkdir "$work/full"
e=$( (ulimit -f 0; exec "$boardpack" new "$work/full/m" 2>&1 > /dev/null) ); rc=$?
check "new that cannot write meeting.txt exits 3" test $rc -eq 3
check "naming the file and the reason" test "$e" = "boardpack: cannot write $work/full/m/meeting.txt: File too large"
check "and leaves no meeting.txt" test ! -e "$work/full/m/meeting.txt"
"$boardpack" new "$work/full/m" > /dev/null 2>&1; rc=$?
check "so the next new writes it" test $rc -eq 0 -a -s "$work/full/m/meeting.txt"
cp "$work/full/m/meeting.txt" "$work/full-before"
e=$( (ulimit -f 0; exec "$boardpack" new-item "$work/full/m" 01-a 2>&1 > /dev/null) ); rc=$?
check "new-item that cannot write item.md exits 3" test $rc -eq 3
check "naming the file and the reason" test "$e" = "boardpack: cannot write $work/full/m/01-a/item.md: File too large"
check "and leaves neither the item's folder nor a line in meeting.txt" \
  test ! -e "$work/full/m/01-a" && cmp -s "$work/full-before" "$work/full/m/meeting.txt"
"$boardpack" new-item "$work/full/m" 01-a > /dev/null 2>&1; rc=$?
check "so the next new-item writes it" test $rc -eq 0 -a -s "$work/full/m/01-a/item.md"

"$boardpack" build 2023-10-bestyrelsen --out "$work/out" > "$work/o" 2> "$work/e"; rc=$?
check "the new meeting builds at once (exit 0)" test $rc -eq 0
check "with a reminder to write the case numbers" grep -q 'warning: "EMN-ÅÅÅÅ-NNNNN" is still the placeholder' "$work/e"
check "and the case officers, which the packet would print as the skeleton wrote them" \
  grep -q '01-godkendelse/item.md:5:16: warning: "Sagsbehandlerens navn" is still the placeholder' "$work/e"
mkdir "$work/alone"
"$boardpack" new "$work/alone/m" > /dev/null 2>&1 && "$boardpack" new-item "$work/alone/m" 01-a > /dev/null 2>&1
"$boardpack" check "$work/alone/m" > "$work/o" 2> "$work/e"; rc=$?
check "a meeting with none beside it to copy from is warned of its organisation's placeholder" \
  test $rc -eq 0 -a -n "$(grep 'meeting.txt:6:15: warning: "Organisationens navn" is still the placeholder' "$work/e")"
check "check counts one item as one (a probe read \"1 items\")" grep -q ' (1 item; offentlig ' "$work/o"
LANGUAGE=da LC_ALL=C.UTF-8 "$boardpack" check "$work/alone/m" > "$work/o" 2> "$work/e"
check "in Danish the placeholder case number is called one, not \"ikke skrevet EMN-ÅÅÅÅ-NNNNN\"" \
  test -n "$(grep 'advarsel: "EMN-ÅÅÅÅ-NNNNN" er stadig den pladsholder' "$work/e")" -a -z "$(grep 'ikke skrevet EMN' "$work/e")"
check "and one item as \"1 punkt\"" grep -q ' (1 punkt; offentlig ' "$work/o"
pdftotext "$work/out/2023-10-bestyrelsen/offentlig/dagsorden-offentlig.pdf" "$work/pdf.txt"
check "the packet has the standard sections" grep -q 'Sekretariatets bemærkninger' "$work/pdf.txt"
check "the skeleton's comments are not in the PDF" test -z "$(grep -E 'kommentar|dokumentnummer|fjern' "$work/pdf.txt")"
check "nor in the HTML" test -z "$(grep -E 'kommentar|dokumentnummer|fjern|&lt;!--' "$work/out/2023-10-bestyrelsen/offentlig/dagsorden-offentlig.html")"

# The skeleton's table, as its comment says to write it (the block out of the comment, budget.csv
# with an empty "I alt" row), builds with no warning but the placeholders'; and the README's
# complete small example builds with none (a probe copied both and got "the row ... is not in
# the CSV, so it was added at the end").
item=inputs/2023-10-bestyrelsen/02-budget-2025
/usr/bin/python3 - "$item/item.md" <<'PY'
import re, sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
block = re.search(r"```tabel\n.*?\n```\n", text, re.S).group(0)
text = text.replace("# Sagsfremstilling\n", "# Sagsfremstilling\n\n" + block + "\nI alt {budget[I alt; 2025] | mio. kr.}.\n", 1)
open(path, "w", encoding="utf-8").write(text)
PY
printf 'Post;2025\nLøn;810.000\nHusleje;150.000\nI alt;\n' > "$item/budget.csv"
check "the skeleton says to give the sum its empty row in the CSV" grep -q 'tom række "I alt;"' "$item/item.md"
"$boardpack" check 2023-10-bestyrelsen > "$work/o" 2> "$work/e"; rc=$?
check "the skeleton's table, written as it says, checks (exit 0)" test $rc -eq 0
check "with no warning but the placeholders'" \
  test -z "$(grep 'warning:' "$work/e" | grep -v '"EMN-ÅÅÅÅ-NNNNN" is still the placeholder\|"Sagsbehandlerens navn" is still the placeholder')"
check "and its sum is in the packet" grep -q '^I alt 1,0' <("$boardpack" build 2023-10-bestyrelsen --out "$work/out2" > /dev/null 2>&1; pdftotext "$work/out2/2023-10-bestyrelsen/offentlig/dagsorden-offentlig.pdf" -)
"$boardpack" check "$root/tests/golden/lille-eksempel/2024-03-eksempel" > "$work/o" 2> "$work/e"; rc=$?
check "the README's complete small example checks with no warning" test $rc -eq 0 -a -z "$(grep 'warning:' "$work/e")"

exit $((fails > 0))

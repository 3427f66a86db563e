#!/usr/bin/env bash
# The two editions are rendered at once on two threads (issue 10): the packet, the messages and
# the summary must be those of rendering them one after the other (-j1), byte for byte, for the
# example and for a small meeting made here whose items give warnings in both editions.
set -u
boardpack=$(realpath "$1")
example=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fails=0
check() {  # description, command...
  local what=$1; shift
  if "$@"; then echo "ok   $what"; else echo "FAIL $what"; fails=$((fails + 1)); fi
}

# A meeting with a public and a confidential item, each with a character the PDF cannot print
# (a warning at each place).
m="$work/2024-01-traade"
mkdir -p "$m/01-aaben" "$m/02-lukket"
cat > "$m/meeting.txt" <<'TXT'
organisation: Trådeforeningen
organ: Bestyrelsen
titel: Bestyrelsesmøde
dato: 2024-01-15
tidspunkt: 10.00
sted: Mødelokalet
punkt: 01-aaben
punkt: 02-lukket
TXT
for item in 01-aaben 02-lukket; do
  status=$([ "$item" = 02-lukket ] && echo Fortrolig || echo Offentlig)
  cat > "$m/$item/item.md" <<TXT
---
nummer: ${item%%-*}
titel: Punkt $item 漢
status: $status
sagsbehandler: Anne Berg
sagsnummer: EMN-2024-00001
---

# Resumé

Et punkt med et tegn 漢.

# Indstilling

Det indstilles, at punktet tages til efterretning.

# Sagsfremstilling

Tekst om $item 漢, som er lang nok til at fylde en linje eller to i PDF'en og i HTML'en.
TXT
done

for meeting in "$example" "$m"; do
  name=$(basename "$meeting")
  (cd "$work" && "$boardpack" build "$meeting" --out "$work/together-$name" > "$work/together-$name.out" 2> "$work/together-$name.err"); a=$?
  (cd "$work" && "$boardpack" build -j1 "$meeting" --out "$work/apart-$name" > "$work/apart-$name.out" 2> "$work/apart-$name.err"); b=$?
  check "$name: the same exit status ($a, $b)" test "$a" -eq "$b"
  check "$name: the same messages in the same order" cmp -s "$work/together-$name.err" "$work/apart-$name.err"
  check "$name: the same summary" cmp -s <(sed "s|$work/[a-z]*-|OUT-|" "$work/together-$name.out") <(sed "s|$work/[a-z]*-|OUT-|" "$work/apart-$name.out")
  files=$(cd "$work/apart-$name" && find . -name '*.html' -o -name '*.pdf' | sort)
  check "$name: the packet has its HTML and PDF files" test "$(echo "$files" | grep -c .)" -ge 4
  for f in $files; do
    check "$name: $f is byte-identical" cmp -s "$work/together-$name/$f" "$work/apart-$name/$f"
  done
done
check "the made meeting gives warnings" grep -q "warning" "$work/together-2024-01-traade.err"

# A correction of both items, built over each packet: each edition's rettelsesblad (its own HTML
# and PDF) is rendered beside the other files, at once or one after the other, to the same bytes.
printf 'rettet: 2024-01-16\n' >> "$m/meeting.txt"
for item in 01-aaben 02-lukket; do sed -i 's/fylde en linje/fylde nogle linjer/' "$m/$item/item.md"; done
name=$(basename "$m")
(cd "$work" && "$boardpack" build "$m" --out "$work/together-$name" > "$work/together-2.out" 2> "$work/together-2.err"); a=$?
(cd "$work" && "$boardpack" build -j1 "$m" --out "$work/apart-$name" > "$work/apart-2.out" 2> "$work/apart-2.err"); b=$?
check "corrected: both built ($a, $b)" test "$a" -eq 0 -a "$b" -eq 0
check "corrected: the same messages in the same order" cmp -s "$work/together-2.err" "$work/apart-2.err"
files=$(cd "$work/apart-$name" && find . -name '*.html' -o -name '*.pdf' | sort)
check "corrected: each edition has its rettelsesblad" test "$(echo "$files" | grep -v /versioner/ | grep -c '/rettelsesblad-')" -eq 4
for f in $files; do
  check "corrected: $f is byte-identical" cmp -s "$work/together-$name/$f" "$work/apart-$name/$f"
done
exit $((fails > 0))

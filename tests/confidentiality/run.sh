#!/usr/bin/env bash
# Confidentiality: builds a meeting and searches every public output file for the text of its
# confidential items (titles, case officers, case numbers, attachment titles and ids, every
# paragraph, table cells with words, file names). The PDF is searched as text (pdftotext) and
# as uncompressed objects (qpdf --qdf), so bookmarks, metadata and streams are covered.
set -u
boardpack=$1
meeting=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$boardpack" build "$meeting" --out "$work/out" > /dev/null 2> "$work/build.log" || { echo "FAIL: build failed"; cat "$work/build.log"; exit 1; }
public="$work/out/$(basename "$meeting")/offentlig"
[ -f "$public/dagsorden.html" ] && [ -f "$public/dagsorden.pdf" ] || { echo "FAIL: no public edition"; exit 1; }

# The searchable forms of the public edition.
pdftotext -q "$public/dagsorden.pdf" "$work/public-pdf.txt"
qpdf --qdf --object-streams=disable "$public/dagsorden.pdf" "$work/public-qdf.pdf" 2>/dev/null
# Strings in uncompressed PDF objects are UTF-16 or escaped; pdftotext covers page text, so
# also extract the outline and info strings as text with strings(1) on the qdf file.
strings -n 6 -e S "$work/public-qdf.pdf" > "$work/public-qdf.txt" 2>/dev/null || true
strings -n 6 -e b "$work/public-qdf.pdf" >> "$work/public-qdf.txt" 2>/dev/null || true
cat "$work/public-qdf.pdf" >> "$work/public-qdf.txt"
find "$work/out" -path "*offentlig*" > "$work/public-names.txt"

# Needles: the text of every confidential item.
needles="$work/needles.txt"
: > "$needles"
found_items=0
for item in "$meeting"/*/item.md; do
  status=$(sed -n 's/^status:[[:space:]]*//p' "$item" | head -1 | tr 'A-Z' 'a-z' | tr -d '\r ')
  [ "$status" = fortrolig ] || [ "$status" = lukket ] || continue
  found_items=$((found_items + 1))
  dir=$(dirname "$item")
  basename "$dir" >> "$needles"
  sed -n 's/^\(titel\|sagsbehandler\|sagsnummer\):[[:space:]]*//p' "$item" >> "$needles"
  sed -n 's/^bilag:[[:space:]]*//p' "$item" | tr '|' '\n' | sed 's/^ *//; s/ *$//' >> "$needles"
  # Every paragraph and list line after the header: its first 40 characters.
  awk 'BEGIN{h=0} /^---/{h++; next} h>=2' "$item" "$dir"/*.md 2>/dev/null \
    | grep -v '^#\|^```\|^\s*$\|^fil:\|^titel:\|^kilde:\|^navn:\|^note:' \
    | sed 's/^[-*0-9. ]*//' | cut -c1-40 | grep -E '.{12,}' >> "$needles"
  for f in "$dir"/*; do basename "$f"; done | grep -v '^item.md$' >> "$needles"
  # Table cells that hold words.
  cat "$dir"/*.csv 2>/dev/null | tr ';,' '\n\n' | tr -d '"\r' | grep -E '[[:alpha:]]{4,}' | grep -E '.{8,}' >> "$needles"
done
[ "$found_items" -gt 0 ] || { echo "FAIL: the meeting has no confidential item to test with"; exit 1; }

# Text that public items share (boilerplate such as "Det indstilles,") is not a leak.
: > "$work/public-inputs.txt"
for item in "$meeting"/*/item.md; do
  status=$(sed -n 's/^status:[[:space:]]*//p' "$item" | head -1 | tr 'A-Z' 'a-z' | tr -d '\r ')
  [ "$status" = offentlig ] || continue
  cat "$(dirname "$item")"/* >> "$work/public-inputs.txt" 2>/dev/null
done
cat "$(dirname "$0")/../../templates/wording.txt" >> "$work/public-inputs.txt"
sort -u "$needles" | grep -v '^\s*$' | while IFS= read -r needle; do
  grep -qF -- "$needle" "$work/public-inputs.txt" || printf '%s\n' "$needle"
done > "$work/needles-unique.txt"
leaks=0
while IFS= read -r needle; do
  # Strip Markdown emphasis marks, which do not reach the output.
  n=$(printf '%s' "$needle" | sed 's/[*_`\\]//g')
  [ ${#n} -ge 6 ] || continue
  for hay in "$public/dagsorden.html" "$work/public-pdf.txt" "$work/public-qdf.txt" "$work/public-names.txt"; do
    if grep -qF -- "$n" "$hay"; then
      echo "LEAK: \"$n\" appears in $(basename "$hay")"
      leaks=$((leaks + 1))
    fi
  done
done < "$work/needles-unique.txt"

count=$(wc -l < "$work/needles-unique.txt")
if [ "$leaks" -gt 0 ]; then
  echo "FAIL: $leaks leak(s) of confidential text into the public edition"
  exit 1
fi
# The search must be able to find something: the closed edition must contain the needles.
closed="$work/out/$(basename "$meeting")/lukket/dagsorden.html"
hits=0
while IFS= read -r needle; do
  n=$(printf '%s' "$needle" | sed 's/[*_`\\]//g')
  [ ${#n} -ge 6 ] || continue
  grep -qF -- "$n" "$closed" && hits=$((hits + 1))
done < "$work/needles-unique.txt"
if [ "$hits" -lt 10 ]; then
  echo "FAIL: only $hits of $count needles are found in the closed edition; the search is not working"
  exit 1
fi
echo "ok: $count strings from $found_items confidential items searched; none in the public edition ($hits found in the closed one)"

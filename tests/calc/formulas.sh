#!/usr/bin/env bash
# The figures a packet prints, read back from both formats (dagsorden-offentlig.html and the text
# of dagsorden-offentlig.pdf) of small meetings generated here: what is printed is what later formulas use,
# and an input the formulas cannot use is refused at its place instead of printing a wrong figure.
set -u
boardpack=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$(dirname "$0")/../lib/check.sh"

# meeting NAME TABLE-BLOCK CSV [TEXT]: a one-item meeting whose item holds the table block and
# its CSV (t.csv), then the text.
meeting() {
  local m="$work/$1"
  mkdir -p "$m/01-a"
  printf 'organisation: O\norgan: Bestyrelsen\ndato: 2024-03-07\ntidspunkt: kl. 9\nsted: S\npunkt: 01-a\n' > "$m/meeting.txt"
  printf -- '---\nnummer: 1\nstatus: Offentlig\ntitel: T\nsagsbehandler: S\nsagsnummer: EMN-2024-00001\n---\n# Sagsfremstilling\n\n```tabel\nnavn: t\nfil: t.csv\ntitel: Tal\n%s\n```\n\n%s\n' "$2" "${4:-Tekst.}" > "$m/01-a/item.md"
  printf '%s' "$3" > "$m/01-a/t.csv"
}

# build NAME: builds it into $work/out; the HTML and the PDF's text as one line each.
build() {
  rm -rf "$work/out"
  "$boardpack" build "$work/$1" --out "$work/out" > /dev/null 2> "$work/$1.err"
  local rc=$?
  html=""; pdf=""
  if [ -f "$work/out/$1/offentlig/dagsorden-offentlig.html" ]; then
    html=$(sed -e 's/<[^>]*>/ /g' "$work/out/$1/offentlig/dagsorden-offentlig.html" | tr -s ' \n' ' ')
    pdf=$(pdftotext -layout "$work/out/$1/offentlig/dagsorden-offentlig.pdf" - | tr -s ' \n' ' ')
  fi
  return $rc
}

# both NAME TEXT: the figure text appears in both formats.
both() {
  check "$1 (HTML)" grep -qF -- "$2" <<< "$html"
  check "$1 (PDF)" grep -qF -- "$2" <<< "$pdf"
}
neither() {
  check "$1 (HTML)" test -z "$(grep -F -- "$2" <<< "$html")"
  check "$1 (PDF)" test -z "$(grep -F -- "$2" <<< "$pdf")"
}

# 6. Two formulas that write the same row: an error naming both, and no packet with either figure.
meeting twice "række: I alt = A + B
række: I alt = A - B" 'Post;2024
A;10
B;4
I alt;
'
build twice; rc=$?
check "6: two formulas for one row stop the build (exit 1)" test $rc -eq 1
check "6: the error is at the second formula and names the first" \
  grep -q "twice/01-a/item.md:15:[0-9]*: error: two formulas write the row \"I alt\": this one and \"I alt = A + B\" (.*twice/01-a/item.md:14:[0-9]*)" "$work/twice.err"
check "6: no packet prints either figure" test -z "$html$pdf"
sed -i 's/^række: I alt = A - B$/række: Forskel = A - B/' "$work/twice/01-a/item.md"
build twice; rc=$?
check "6: with the second formula renamed it builds" test $rc -eq 0
both "6: the total is the first formula's" "I alt 14"
both "6: the renamed formula has its own row" "Forskel 6"

# 5. A total accepted within its tolerance is printed as published, and later formulas use that
# printed figure: the index of "I alt" is 9.357 / 8.388 (111,55), not 9.357 / 8.387 (111,57).
meeting tolerance "række: I alt = sum(A .. C) | tolerance 2
kolonne: Indeks = [2023] / [2016] * 100 | decimaler 2" 'Post;2016;2023
A;1.036;1.496
B;5.442;5.041
C;1.909;2.820
I alt;8.388;9.357
' 'I alt: {t[I alt; 2016]}, indeks {t[I alt; Indeks]}.'
build tolerance; rc=$?
check "5: a total within its tolerance builds (exit 0)" test $rc -eq 0
both "5: the published total and the index computed from it" "I alt 8.388 9.357 111,55"
both "5: the text quotes the published total" "I alt: 8.388"
both "5: and the index computed from it" "indeks 111,55"
neither "5: no figure computed from the unpublished 8.387" "111,57"
neither "5: the unpublished total is not printed" "8.387"

# 1. Repeated row labels are named by the group they stand under; a bare one is ambiguous.
regions='Post;2024
Region Midt;
Løn;10
Drift;4
I alt;
Region Syd;
Løn;5
Drift;2
I alt;
'
meeting repeated "række: Region Midt / I alt = [Region Midt / Løn] + [Region Midt / Drift]
række: Region Syd / I alt = [Region Syd / Løn] + [Region Syd / Drift]" "$regions" 'Syd i alt: {t[Region Syd / I alt; 2024]}.'
build repeated; rc=$?
check "1: repeated labels named by their group build (exit 0)" test $rc -eq 0
both "1: each group's total in its own row" "Region Midt Løn 10 Drift 4 I alt 14 Region Syd Løn 5 Drift 2 I alt 7"
both "1: the text quotes the second group's total" "Syd i alt: 7"
meeting ambiguous "række: I alt = Løn + Drift" "$regions"
build ambiguous; rc=$?
check "1: a label that could mean two rows stops the build (exit 1)" test $rc -eq 1
check "1: the error lists every row it could mean" grep -q 'error: the row "I alt" could mean 2 rows: \[Region Midt / I alt\] (.*ambiguous/01-a/t.csv:5), \[Region Syd / I alt\] (.*ambiguous/01-a/t.csv:9)' "$work/ambiguous.err"
check "1: no packet with a total in the wrong row" test -z "$html$pdf"

# 2. An input that is not a number where a formula needs one is an error at that input cell,
# naming the formula; "mangler: videre" passes it on as "-", but never over a published figure.
meeting dash "række: I alt = A + B" 'Post;2024
A;10
B;-
I alt;14
'
build dash; rc=$?
check "2: a dash a formula needs stops the build (exit 1)" test $rc -eq 1
check "2: the error is at the input cell and names the formula" grep -q 'dash/01-a/t.csv:3:3: error: the cell "B" / "2024" holds "-", not a number, but the formula "I alt = A + B" (.*dash/01-a/item.md:14:[0-9]*) needs a number' "$work/dash.err"
check "2: no packet prints the total as \"-\"" test -z "$html$pdf"
meeting dashpass "mangler: videre
række: I alt = A + B" 'Post;2024
A;10
B;-
I alt;14
'
build dashpass; rc=$?
check "2: with mangler: videre a published figure is still not replaced (exit 1)" test $rc -eq 1
check "2: the error is at the published figure" grep -q 'dashpass/01-a/t.csv:4:7: error: the published figure 14 for "I alt" / "2024" would be replaced by "-"' "$work/dashpass.err"
meeting passes "mangler: videre
række: I alt = A + B" 'Post;2023;2024
A;10;Ikke oplyst
B;4;5
I alt;;
' 'I alt 2024: {t[I alt; 2024]}.'
build passes; rc=$?
check "2: with mangler: videre an unpublished total passes \"Ikke oplyst\" on (exit 0)" test $rc -eq 0
both "2: the total of the complete year is computed, the other prints what its input says" "I alt 14 Ikke oplyst"
meeting passwrong "mangler: vidre
række: I alt = A + B" 'Post;2024
A;10
B;4
I alt;
'
build passwrong; rc=$?
check "2: an unknown mangler value is an error at it" grep -q 'passwrong/01-a/item.md:[0-9]*:[0-9]*: error: "mangler" must be "videre"' "$work/passwrong.err"

# 13. A row formula whose row is not in the CSV (a subtotal deleted from it) warns at the formula
# that the row was added at the end of the table.
meeting appended "række: I alt = A + B" 'Post;2024
A;10
B;4
'
build appended; rc=$?
check "13: an appended row still builds (exit 0)" test $rc -eq 0
check "13: the warning is at the formula and says where the row went" grep -q 'appended/01-a/item.md:14:[0-9]*: warning: the row "I alt" is not in the CSV, so it was added at the end of the table' "$work/appended.err"
both "13: the row is printed at the end" "B 4 I alt 14"
meeting declared "række: I alt = A + B
tilføj: nederst" 'Post;2024
A;10
B;4
'
build declared; rc=$?
check "13: with tilføj: nederst the row is appended without a warning" test $rc -eq 0 -a -z "$(grep 'added at the end' "$work/declared.err")"
both "13: the declared row is printed at the end" "B 4 I alt 14"
meeting present "række: I alt = A + B" 'Post;2024
A;10
B;4
I alt;
'
build present; rc=$?
check "13: a row that is in the CSV gives no warning" test -z "$(grep 'added at the end' "$work/present.err")"

# 21. A published figure outside its tolerance: the packet prints the computed figure and says
# under the table, in both formats, what the source printed.
meeting differs "række: I alt = A + B" 'Post;2024
A;10
B;4
I alt;15
'
build differs; rc=$?
check "21: a figure outside its tolerance still builds (exit 0)" test $rc -eq 0
check "21: the console warns at the published figure" grep -q 'differs/01-a/t.csv:4:7: warning: the published figure 15' "$work/differs.err"
both "21: the computed total is printed" "I alt 14"
both "21: a note under the table names the published and the computed figure" \
  "Kildens tal for I alt / 2024 er 15; beregnet af tallene i tabellen giver det 14."
rm -rf "$work/out"
"$boardpack" build "$work/differs" --out "$work/out" --strict > /dev/null 2>&1
check "21: --strict stops the build before any packet" test $? -eq 1 -a ! -e "$work/out/differs/offentlig/dagsorden-offentlig.html"

exit $((fails > 0))

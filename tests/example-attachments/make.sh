#!/bin/sh
# Makes the example meeting's attachment PDFs the way a region makes them: a document written
# elsewhere (here HTML) printed to PDF, with the memo's Figure 1 pasted in as a picture (PNG).
# Needs Debian's chromium; the build never runs this: the PDFs it writes are committed inputs.
#
#   tests/example-attachments/make.sh        (from the repository's top folder or anywhere)
#
# Chromium stamps the clock into the PDF's dates; the files are made once and committed, so
# that is what a real attachment carries too.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
meeting="$top/inputs/2023-09-bestyrelsen"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chrome() { chromium --headless --no-sandbox --disable-gpu --hide-scrollbars "$@" 2>/dev/null; }

cp "$here/notat.html" "$here/hoeringssvar.html" "$work/"
# The figure as a spreadsheet would export it: a picture of 1200 x 620 pixels.
chrome --screenshot="$work/figur-1.png" --window-size=1200,620 "$here/figur-1.svg" >/dev/null
chrome --no-pdf-header-footer --print-to-pdf="$meeting/05-boerne-og-ungdomspsykiatri/bilag-1.pdf" "$work/notat.html" >/dev/null
chrome --no-pdf-header-footer --print-to-pdf="$meeting/21-hoeringssvar/bilag-1.pdf" "$work/hoeringssvar.html" >/dev/null
ls -l "$meeting/05-boerne-og-ungdomspsykiatri/bilag-1.pdf" "$meeting/21-hoeringssvar/bilag-1.pdf"

#!/usr/bin/env bash
# Deterministic output: the same inputs give byte-identical HTML and PDF, whatever the time,
# time zone, locale, working folder, output folder or SOURCE_DATE_EPOCH. Dates come from the
# meeting data; nothing reads the clock or makes random ids.
set -u
boardpack=$(realpath "$1")
meeting=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
id=$(basename "$meeting")

(cd "$work" && "$boardpack" build "$meeting" --out "$work/a" > /dev/null 2>&1) || { echo "FAIL: first build"; exit 1; }
sleep 1.1  # a clock that leaked into the output would now read differently
mkdir -p "$work/elsewhere"
(cd "$work/elsewhere" && TZ=Pacific/Kiritimati LANG=C LC_ALL=C SOURCE_DATE_EPOCH=1 \
   "$boardpack" build "$meeting" --out "$work/b/deeper" > /dev/null 2>&1) || { echo "FAIL: second build"; exit 1; }

fails=0
for f in offentlig/dagsorden-offentlig.html offentlig/dagsorden-offentlig.pdf lukket/dagsorden-lukket.html lukket/dagsorden-lukket.pdf; do
  if cmp -s "$work/a/$id/$f" "$work/b/deeper/$id/$f"; then
    echo "ok   $f is byte-identical"
  else
    echo "FAIL $f differs between two builds"; fails=$((fails + 1))
  fi
done
exit $((fails > 0))

#!/usr/bin/env bash
# Golden tests: builds each case's meeting and compares the HTML of both editions with the
# expected files. Run with BOARDPACK_UPDATE_GOLDEN=1 to rewrite the expected files after an
# intended change (then review the diff before committing).
#
# A case is a folder tests/golden/<case>/ with expected/ and either a meeting folder (a
# subfolder holding meeting.txt) or a file meeting.path naming a meeting folder relative to
# the repository.
set -u
boardpack=$1
root=$2
status=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for case_dir in "$root"/tests/golden/*/; do
  case_name=$(basename "$case_dir")
  meeting=""
  for sub in "$case_dir"*/; do
    [ -f "$sub/meeting.txt" ] && meeting="${sub%/}"
  done
  if [ -n "$meeting" ]; then
    :
  elif [ -f "$case_dir/meeting.path" ]; then
    meeting="$root/$(cat "$case_dir/meeting.path")"
  else
    continue
  fi
  out="$work/out-$case_name"
  if ! "$boardpack" build "$meeting" --out "$out" > "$work/stdout" 2> "$work/stderr"; then
    echo "FAIL $case_name: build failed"; cat "$work/stderr"; status=1; continue
  fi
  id=$(basename "$meeting")
  for edition in offentlig lukket; do
    got="$out/$id/$edition/dagsorden-$edition.html"
    want="$case_dir/expected/$edition.html"
    if [ "${BOARDPACK_UPDATE_GOLDEN:-}" = 1 ]; then
      mkdir -p "$case_dir/expected"; cp "$got" "$want"; echo "updated $want"; continue
    fi
    if ! diff -u "$want" "$got" > "$work/diff"; then
      echo "FAIL $case_name/$edition: the HTML differs from $want"
      head -80 "$work/diff"
      status=1
    else
      echo "ok   $case_name/$edition"
    fi
  done
done
exit $status

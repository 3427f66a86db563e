#!/usr/bin/env bash
# Extracts boardpack's marked messages ( _("..."), N_("..."), tr_n("...", "...", n) ) from
# generator/ into a .pot file, the same way for the boardpack-pot target and the catalogue test.
#   po/extract.sh XGETTEXT SOURCE_DIR OUT.pot
set -euo pipefail
xgettext=$1 root=$2 out=$3
cd "$root"
find generator -name '*.cpp' -o -name '*.hpp' | LC_ALL=C sort > "$out.files"
# --no-location: the template changes only when a message does, not when code moves.
"$xgettext" --language=C++ --from-code=UTF-8 --keyword --keyword=_ --keyword=N_ --keyword=tr_n:1,2 \
  --package-name=boardpack --msgid-bugs-address=boardpack@localhost --no-location --sort-output \
  --add-comments=TRANSLATORS: --files-from="$out.files" --output="$out"
rm -f "$out.files"
# The creation date would change the file on every run.
sed -i '/^"POT-Creation-Date:/d' "$out"
# boardpack's messages are {} format strings, never printf ones: a "%" in a message (as in
# "% or pct.") is not a c-format, which msgfmt --check would then hold the translation to.
sed -i -E '/^#, (possible-)?c-format$/d' "$out"

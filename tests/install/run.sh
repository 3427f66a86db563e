#!/usr/bin/env bash
# Installed like a Debian tool: "cmake --install" into a staging prefix gives a binary that uses
# the templates and the Danish message catalogue installed beside it (not the checkout's), a man
# page and bash completion; the .deb made by CPack declares its libraries and fonts, and the
# binary unpacked from it builds the example meeting on its own and speaks Danish.
set -u
build=$(realpath "$1")
root=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$(dirname "$0")/../lib/check.sh"

cmake --install "$build" --prefix "$work/prefix" > "$work/install.log" 2>&1; rc=$?
check "cmake --install succeeds" test $rc -eq 0
check "it installs the binary" test -x "$work/prefix/bin/boardpack"
check "the templates and wording" test -s "$work/prefix/share/boardpack/templates/wording.txt" -a -s "$work/prefix/share/boardpack/templates/html/dagsorden.mustache"
check "the skeletons of new and new-item" test -s "$work/prefix/share/boardpack/templates/ny/item.md.mustache"
check "a man page" test -s "$work/prefix/share/man/man1/boardpack.1"
check "and bash completion" test -s "$work/prefix/share/bash-completion/completions/boardpack"
check "the Danish message catalogue" test -s "$work/prefix/share/locale/da/LC_MESSAGES/boardpack.mo"
reader=$(find "$work/prefix" -name boardpack-qpdf -type f | head -1)
check "the PDF reader in <libdir>/boardpack, a program" test -n "$reader" -a -x "$reader" -a "$(basename "$(dirname "$reader")")" = boardpack
check "the man page formats" bash -c "man -l '$work/prefix/share/man/man1/boardpack.1' 2>/dev/null | grep -q 'EXIT STATUS' || ! command -v man"
check "and names the files by their edition" grep -q 'dagsorden\\-lukket.pdf' "$work/prefix/share/man/man1/boardpack.1"

# The installed binary reads the installed templates: a word changed there shows in the packet.
sed -i 's/^udgave-offentlig: Offentlig udgave$/udgave-offentlig: Offentlig udgave fra installationen/' \
  "$work/prefix/share/boardpack/templates/wording.txt"
cp -r "$root/inputs/2023-09-bestyrelsen" "$work/m"
(cd "$work" && "$work/prefix/bin/boardpack" build m --out "$work/out" > "$work/o" 2> "$work/e"); rc=$?
check "the installed binary builds the example from elsewhere (exit 0)" test $rc -eq 0
pdftotext "$work/out/m/offentlig/dagsorden-offentlig.pdf" "$work/pdf.txt" 2> /dev/null
check "with the installed templates, not the checkout's" grep -q 'Offentlig udgave fra installationen' "$work/pdf.txt"
check "the installed binary names each file by its edition" test -s "$work/out/m/lukket/dagsorden-lukket.html" -a ! -e "$work/out/m/offentlig/dagsorden.pdf"

# Without its PDF reader the installed binary still starts and builds a meeting without PDF
# attachments; one with them is refused at its "bilag:" line with a message that names the reader.
mv "$reader" "$reader.away"
check "without its PDF reader the binary starts" "$work/prefix/bin/boardpack" --version
(cd "$work" && "$work/prefix/bin/boardpack" new plain > /dev/null 2>&1 && "$work/prefix/bin/boardpack" new-item plain 01-a > /dev/null 2>&1)
(cd "$work" && "$work/prefix/bin/boardpack" check plain > /dev/null 2> "$work/plain.err"); rc=$?
check "and checks a meeting without PDF attachments (exit 0)" test $rc -eq 0
(cd "$work" && "$work/prefix/bin/boardpack" check m > /dev/null 2> "$work/nomodule"); rc=$?
check "a meeting with PDF attachments is refused (exit 1)" test $rc -eq 1
check "at the attachment's line, naming the reader" grep -q 'item.md:[0-9]*:.*boardpack-qpdf' "$work/nomodule"
mv "$reader.away" "$reader"

# The installed binary speaks Danish from the installed catalogue (a word changed there shows),
# with LANG=da_DK.UTF-8 whether or not that locale is generated on this machine.
sed 's/^\(msgstr \)\{0,1\}"brug: boardpack build /\1"brug (installeret): boardpack build /' "$root/po/da.po" > "$work/da.po"
msgfmt -o "$work/prefix/share/locale/da/LC_MESSAGES/boardpack.mo" "$work/da.po"
(cd "$work" && env -u LANGUAGE -u LC_ALL -u LC_MESSAGES LANG=da_DK.UTF-8 "$work/prefix/bin/boardpack" > /dev/null 2> "$work/da"); rc=$?
check "the installed binary's messages are Danish, from the installed catalogue (exit 2)" \
  test $rc -eq 2 -a -n "$(grep '^brug (installeret): boardpack build' "$work/da")"
(cd "$work" && env -u LANGUAGE -u LC_ALL -u LC_MESSAGES LANG=C.UTF-8 "$work/prefix/bin/boardpack" > /dev/null 2> "$work/en")
check "and English in another locale" grep -q '^usage: boardpack build' "$work/en"

# The Debian package.
if command -v cpack > /dev/null && command -v dpkg-deb > /dev/null && command -v dpkg-shlibdeps > /dev/null; then
  (cd "$build" && cpack -G DEB -B "$work/deb" > "$work/cpack.log" 2>&1); rc=$?
  deb=$(ls "$work"/deb/boardpack_*.deb 2> /dev/null | head -1)
  check "cpack makes boardpack_<version>_<arch>.deb" test $rc -eq 0 -a -n "$deb"
  if [ -n "$deb" ]; then
    dpkg-deb -f "$deb" Depends > "$work/depends"
    for dep in libhpdf libcmark-gfm libcsv libqpdf libstdc++6 fonts-crosextra-carlito fonts-dejavu-core; do
      check "the package depends on $dep" grep -q "$dep" "$work/depends"
    done
    dpkg-deb -x "$deb" "$work/root"
    check "it holds /usr/bin/boardpack" test -x "$work/root/usr/bin/boardpack"
    check "and /usr/share/boardpack/templates" test -s "$work/root/usr/share/boardpack/templates/wording.txt"
    check "and /usr/share/locale/da/LC_MESSAGES/boardpack.mo" test -s "$work/root/usr/share/locale/da/LC_MESSAGES/boardpack.mo"
    check "and its PDF reader under /usr/lib" test -n "$(find "$work/root/usr/lib" -name boardpack-qpdf -type f)"
    (cd "$work" && env -u LANGUAGE -u LC_ALL -u LC_MESSAGES LANG=da_DK.UTF-8 "$work/root/usr/bin/boardpack" > /dev/null 2> "$work/da-deb")
    check "the packaged binary's messages are Danish" grep -q '^brug: boardpack build' "$work/da-deb"
    (cd "$work" && "$work/root/usr/bin/boardpack" build m --out "$work/out-deb" > /dev/null 2> "$work/e"); rc=$?
    check "the packaged binary builds the example (exit 0)" test $rc -eq 0 -a -s "$work/out-deb/m/lukket/dagsorden-lukket.pdf"
  fi
else
  check "cpack, dpkg-deb and dpkg-shlibdeps (package dpkg-dev) are installed" false
fi

exit $((fails > 0))

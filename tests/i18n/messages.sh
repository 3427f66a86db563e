#!/usr/bin/env bash
# Messages in the user's language: English by default, Danish where the locale is Danish, in the
# same `file:line:col: kind: message` form and with the same exit codes. The Danish locale need
# not be generated (a fresh Debian has only C.UTF-8): boardpack then finds the language with
# C.UTF-8 and LANGUAGE, so LANG=da_DK.UTF-8 gives Danish either way; both ways are tested.
#   tests/i18n/messages.sh BOARDPACK
set -u
boardpack=$(realpath "$1")
work=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT; [ -n "${KEEP:-}" ] && echo "$work"
. "$(dirname "$0")/../lib/check.sh"

# Runs boardpack with only the locale variables given (nothing inherited from the caller's).
in_locale() {
  local vars=$1; shift
  env -u LANG -u LANGUAGE -u LC_ALL -u LC_MESSAGES -u LC_CTYPE $vars "$boardpack" "$@"
}

# A small meeting, made here: a table whose CSV has a cell in English notation and a second
# table whose CSV is missing.
mkdir -p "$work/m/01-budget"
cat > "$work/m/meeting.txt" <<'TXT'
organisation: Prøveforeningen
organ: Bestyrelsen
dato: 2024-03-07
tidspunkt: kl. 9.00-11.00
sted: Mødelokale 1
punkt: 01-budget
TXT
cat > "$work/m/01-budget/item.md" <<'TXT'
---
nummer: 1
status: Offentlig
titel: Budget
sagsbehandler: Anna Andersen
sagsnummer: EMN-2024-00001
---

# Resumé

Budgettet.

```tabel
fil: budget.csv
titel: Budget
```

```tabel
fil: mangler.csv
titel: Mangler
```
TXT
printf 'Post;Budget\nKontingent;2.5\nLøn;800\n' > "$work/m/01-budget/budget.csv"

for lang in en da; do
  case $lang in
    en) vars="LANG=C.UTF-8" ;;
    da) vars="LANG=da_DK.UTF-8" ;;
  esac
  (cd "$work" && in_locale "$vars" check m) > "$work/$lang.out" 2> "$work/$lang.err"; echo $? > "$work/$lang.rc"
  in_locale "$vars" > /dev/null 2> "$work/$lang.usage"; echo $? > "$work/$lang.usage.rc"
  in_locale "$vars" build "$work/nowhere" > /dev/null 2> "$work/$lang.nowhere"; echo $? > "$work/$lang.nowhere.rc"
  in_locale "$vars" --help > "$work/$lang.help" 2>&1
done

# English.
check "en: a CSV cell error, in GNU form" \
  grep -qxF 'm/01-budget/budget.csv:2:12: error: "2.5" is not a Danish number: "." groups thousands in Danish numbers; write decimals with "," (2,5)' "$work/en.err"
check "en: a missing file" \
  grep -qF 'm/01-budget/item.md:19:6: error: cannot read the table'"'"'s CSV file "mangler.csv" (m/01-budget/mangler.csv): no such file' "$work/en.err"
check "en: the summary line" grep -qxF 'boardpack: m: 2 error(s); nothing was written' "$work/en.err"
check "en: input errors exit 1" test "$(cat "$work/en.rc")" -eq 1
check "en: usage" grep -qxF 'usage: boardpack build [MEETING_DIR...] [--out DIR] [--strict] [--quiet] [--color=WHEN] [-j N]' "$work/en.usage"
check "en: usage exits 2" test "$(cat "$work/en.usage.rc")" -eq 2
check "en: a missing meeting folder" grep -qF "boardpack: $work/nowhere: no such meeting folder (looked for $work/nowhere from " "$work/en.nowhere"
check "en: a missing meeting folder exits 1" test "$(cat "$work/en.nowhere.rc")" -eq 1
check "en: help" grep -qF 'exit status: 0 success, 1 errors in the input, 2 wrong usage, 3 the output could not be written' "$work/en.help"

# Danish, with the secretariat's words, in the same form and with the same exit codes.
check "da: a CSV cell error, in GNU form" \
  grep -qxF 'm/01-budget/budget.csv:2:12: fejl: "2.5" er ikke et dansk tal: "." grupperer tusinder i danske tal; skriv decimaler med "," (2,5)' "$work/da.err"
check "da: a missing file" \
  grep -qF 'm/01-budget/item.md:19:6: fejl: kan ikke læse tabellens CSV-fil "mangler.csv" (m/01-budget/mangler.csv): filen findes ikke' "$work/da.err"
check "da: the summary line" grep -qxF 'boardpack: m: 2 fejl; intet blev skrevet' "$work/da.err"
check "da: input errors exit 1" test "$(cat "$work/da.rc")" -eq 1
check "da: usage" grep -qxF 'brug: boardpack build [MØDEMAPPE...] [--out MAPPE] [--strict] [--quiet] [--color=HVORNÅR] [-j N]' "$work/da.usage"
check "da: usage exits 2" test "$(cat "$work/da.usage.rc")" -eq 2
check "da: a missing meeting folder" grep -qF "boardpack: $work/nowhere: mødemappen findes ikke (ledte efter $work/nowhere fra " "$work/da.nowhere"
check "da: a missing meeting folder exits 1" test "$(cat "$work/da.nowhere.rc")" -eq 1
check "da: help" grep -qF 'afslutningsstatus: 0 gennemført, 1 fejl i inddata, 2 forkert brug, 3 uddata kunne ikke skrives' "$work/da.help"
check "da: no English message is left" bash -c "! grep -qE ': (error|warning|note): |usage:' '$work/da.err' '$work/da.usage'"
check "the two languages report the same places" \
  diff <(grep -oE '^[^ ]+:[0-9]+:[0-9]+:' "$work/en.err") <(grep -oE '^[^ ]+:[0-9]+:[0-9]+:' "$work/da.err")

# Which variable decides, as for any GNU program: LC_ALL, then LC_MESSAGES, then LANG;
# LANGUAGE picks the language in any locale but C.
usage_in() { in_locale "$1" 2>&1 | head -1; }
check "LANGUAGE=da with C.UTF-8 is Danish" test "$(usage_in 'LC_ALL=C.UTF-8 LANGUAGE=da')" = "$(head -1 "$work/da.usage")"
check "LC_ALL=C is English even with LANGUAGE=da" test "$(usage_in 'LC_ALL=C LANGUAGE=da')" = "$(head -1 "$work/en.usage")"
check "LC_MESSAGES=C wins over LANG=da_DK.UTF-8" test "$(usage_in 'LANG=da_DK.UTF-8 LC_MESSAGES=C')" = "$(head -1 "$work/en.usage")"
check "LC_ALL=da_DK.UTF-8 wins over LANG=C" test "$(usage_in 'LANG=C LC_ALL=da_DK.UTF-8')" = "$(head -1 "$work/da.usage")"
check "no locale at all is English" test "$(usage_in '')" = "$(head -1 "$work/en.usage")"
check "an English locale that is not installed is English" test "$(usage_in 'LANG=en_GB.UTF-8')" = "$(head -1 "$work/en.usage")"

# With the locale generated (as on a desktop): compiled here into a private folder (LOCPATH), so
# the test needs no root and changes nothing on the machine (localedef, package locales).
mkdir -p "$work/locales"
localedef -i da_DK -f UTF-8 "$work/locales/da_DK.UTF-8" > "$work/localedef.log" 2>&1
check "da_DK.UTF-8 can be generated here (package locales)" test -d "$work/locales/da_DK.UTF-8"
(cd "$work" && in_locale "LOCPATH=$work/locales LANG=da_DK.UTF-8" check m) > /dev/null 2> "$work/da-generated.err"
check "da: the same messages where the locale is generated" diff "$work/da.err" "$work/da-generated.err"

# The system's reason (strerror) is Danish too where the C library has its Danish texts (Debian's
# libc-l10n), and UTF-8 like every message: taken in boardpack's C character set, "Ingen sådan fil
# eller filkatalog" read "Ingen s?dan fil ...", and "Ikke mere plads på enheden" (a full disk) "p?".
# An output folder in /proc cannot be made, whoever runs the test.
if [ -f /usr/share/locale/da/LC_MESSAGES/libc.mo ]; then
  in_locale LANG=da_DK.UTF-8 build "$work/m" --out /proc/boardpack-ud > /dev/null 2> "$work/da.system"; rc=$?
  check "da: an output folder that cannot be made exits 3" test $rc -eq 3
  check "da: the system's reason in Danish, in UTF-8" \
    grep -qxF "boardpack: kan ikke oprette /proc/boardpack-ud: Ingen sådan fil eller filkatalog" "$work/da.system"
  (cd "$work" && in_locale "LOCPATH=$work/locales LANG=da_DK.UTF-8" build m --out /proc/boardpack-ud) > /dev/null 2> "$work/da-generated.system"
  check "da: the same where the locale is generated" diff "$work/da.system" "$work/da-generated.system"
fi

# Plural forms come from the catalogue: two tables quoting each other give one error and one
# problem that follows from it.
mkdir -p "$work/p/01-a"
sed 's/^punkt: .*/punkt: 01-a/' "$work/m/meeting.txt" > "$work/p/meeting.txt"
printf -- '---\nnummer: 1\nstatus: Offentlig\ntitel: A\nsagsbehandler: A\nsagsnummer: EMN-2024-00001\n---\n\n# Resumé\n\n' > "$work/p/01-a/item.md"
printf '```tabel\nfil: t.csv\nnavn: a\ntitel: A\nrække: s = p + b[s; A]\n```\n\n```tabel\nfil: t.csv\nnavn: b\ntitel: B\nrække: s = p + a[s; A]\n```\n' >> "$work/p/01-a/item.md"
printf 'Post;A\np;1\n' > "$work/p/01-a/t.csv"
(cd "$work" && in_locale LANG=da_DK.UTF-8 check p) > /dev/null 2> "$work/plural.err"
(cd "$work" && in_locale LANG=C.UTF-8 check p) > /dev/null 2> "$work/plural-en.err"
check "en: one follow-on problem" grep -qF 'p/01-a/item.md:22:16: note: 1 more problem follows from this error (the first at p/01-a/item.md:15:16); they are not shown and go away with it' "$work/plural-en.err"
check "da: one follow-on problem, in the singular" grep -qF 'p/01-a/item.md:22:16: bemærk: 1 problem mere følger af denne fejl (det første ved p/01-a/item.md:15:16); det vises ikke og forsvinder med den' "$work/plural.err"
check "da: a warning" grep -qF 'p/01-a/item.md:15:12: advarsel: rækken "s" findes ikke i CSV-filen, så den blev tilføjet sidst i tabellen; mente du "p"?' "$work/plural.err"
check "da: the error it follows from" grep -qF 'p/01-a/item.md:22:16: fejl: tabellen "a" citerer denne formels resultater tilbage (direkte eller gennem andre tabeller og beregninger); en tabel kan ikke afhænge af sig selv (i kolonnen "A")' "$work/plural.err"

# Each count of the build's summary agrees with its own number (regression: one plural for the
# items' count printed "1 punkt (1 offentligt, 0 fortroligt)" and "5 punkter (4 offentlige, 1 fortrolige)").
sed -i 's/^række: s = p + a\[s; A\]$/række: s = p/' "$work/p/01-a/item.md"
(cd "$work" && in_locale LANG=da_DK.UTF-8 build p --out "$work/p-out") > "$work/plural-build.out" 2> "$work/plural-build.err"
check "da: 1 punkt (1 offentligt, 0 fortrolige), each count in its own number" grep -qF ': 1 punkt (1 offentligt, 0 fortrolige); offentlig ' "$work/plural-build.out"
(cd "$work" && in_locale LANG=C.UTF-8 build p --out "$work/p-out-en") > "$work/plural-build-en.out" 2>&1
check "en: 1 item (1 public, 0 confidential)" grep -qE ': 1 item \(1 public, 0 confidential\); offentlig [0-9]+ pages?, lukket [0-9]+ pages?; [0-9]+ files in ' "$work/plural-build-en.out"

exit $((fails > 0))

#!/usr/bin/env python3
"""Checks the message catalogues against the code:

- po/boardpack.pot holds exactly the messages marked in generator/ (xgettext, as po/extract.sh
  extracts them), so a message added or changed in the code fails here until the template is
  regenerated (cmake --build build --target boardpack-pot);
- po/da.po translates every one of them (msgcmp: none missing, none untranslated or fuzzy);
- each translation uses the same placeholders as its message ({} / {N}; {{ and }} literal);
- no message is left unmarked: a string literal given straight to a diagnostic (error(),
  warning(), note()), to a failure's message or to an error text, or printed after "boardpack: ",
  is English that Danish users would see.

    python3 tests/i18n/catalogue.py SOURCE_DIR
"""
import pathlib
import re
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(sys.argv[1]).resolve()
problems = []


def parse_po(text):
    """Entries of a .po file as dicts of msgid, msgid_plural, msgstr, msgstr[N] (unescaped)."""
    entries, cur, key = [], {}, None

    def unquote(s):
        escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
        return re.sub(r'\\(.)', lambda m: escapes.get(m.group(1), m.group(0)), s[1:-1])

    for line in text.splitlines() + [""]:
        m = re.match(r'^(msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+(".*")$', line)
        if m:
            if m.group(1) == "msgid" and "msgid" in cur:
                entries.append(cur)
                cur = {}
            key = m.group(1)
            cur[key] = unquote(m.group(2))
        elif line.startswith('"') and key:
            cur[key] += unquote(line)
        elif not line.strip() and "msgid" in cur:
            entries.append(cur)
            cur, key = {}, None
        elif line.startswith("#,") and "fuzzy" in line:
            cur["fuzzy"] = True
    return [e for e in entries if e.get("msgid")]


def placeholders(text):
    """The arguments a {} pattern uses, as a sorted list of indexes (auto-numbered ones count up)."""
    used, auto = [], 0
    for m in re.finditer(r"\{\{|\}\}|\{(\d*)\}", text):
        if m.group(0) in ("{{", "}}"):
            continue
        if m.group(1):
            used.append(int(m.group(1)))
        else:
            used.append(auto)
            auto += 1
    return sorted(set(used))


with tempfile.TemporaryDirectory() as tmp:
    fresh = pathlib.Path(tmp) / "boardpack.pot"
    subprocess.run(["bash", str(ROOT / "po/extract.sh"), "xgettext", str(ROOT), str(fresh)], check=True)
    fresh_ids = {e["msgid"] for e in parse_po(fresh.read_text(encoding="utf-8"))}
    kept_ids = {e["msgid"] for e in parse_po((ROOT / "po/boardpack.pot").read_text(encoding="utf-8"))}
    for m in sorted(fresh_ids - kept_ids):
        problems.append(f"po/boardpack.pot: error: the message {m!r} is marked in the code but not in the template "
                        "(cmake --build build --target boardpack-pot)")
    for m in sorted(kept_ids - fresh_ids):
        problems.append(f"po/boardpack.pot: error: the message {m!r} is no longer in the code "
                        "(cmake --build build --target boardpack-pot)")
    cmp = subprocess.run(["msgcmp", str(ROOT / "po/da.po"), str(fresh)], capture_output=True, text=True)
    if cmp.returncode != 0:
        problems.append("po/da.po: error: not every message is translated (msgcmp):\n" + cmp.stderr.strip())

    da = parse_po((ROOT / "po/da.po").read_text(encoding="utf-8"))
    for e in da:
        if e.get("fuzzy"):
            problems.append(f"po/da.po: error: the translation of {e['msgid']!r} is marked fuzzy: review it")
        wanted = placeholders(e["msgid"])
        for key in [k for k in e if k.startswith("msgstr")]:
            source = e["msgid_plural"] if key == "msgstr[1]" else e["msgid"]
            if e[key] and placeholders(e[key]) != placeholders(source):
                problems.append(f"po/da.po: error: {key} of {e['msgid']!r} uses the placeholders "
                                f"{placeholders(e[key])}, the message {wanted}")

# Literals that reach the user without going through the catalogue.
UNMARKED = [
    re.compile(r'\b(?:error|warning|note)\(\s*[^;"]*?,\s*"[^"]*[a-z]{2,} [a-z]'),  # diags.error(loc, "...")
    re.compile(r'(?:\*error|\*why|->message|\.message|\*hint|too_big_why)\s*=\s*"[^"]*[a-z]{2,} [a-z]'),
    re.compile(r'<<\s*"boardpack: [^"]*[a-z]{2,} [a-z]'),
    re.compile(r'\b(?:fail|bad|fail_with|doing)\(\s*(?:[^;"()]*,\s*)?"[^"]*[a-z]{2,}'),
]
for path in sorted((ROOT / "generator").rglob("*.[ch]pp")):
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        code = line.split("//")[0] if not line.lstrip().startswith('"') else line
        if any(p.search(code) for p in UNMARKED):
            problems.append(f"{path.relative_to(ROOT)}:{number}: error: a message not in the catalogue; "
                            f"mark it with _() (and fmt() for its parts): {line.strip()}")

for p in problems:
    print(p)
if problems:
    sys.exit(1)
print(f"catalogue: {len(kept_ids)} messages, all in po/boardpack.pot and translated in po/da.po")

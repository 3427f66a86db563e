#!/usr/bin/env python3
"""Nothing of a confidential item reaches the public edition.

Builds a meeting, gathers every string of its confidential (Fortrolig/Lukket) items: header
fields, attachment titles, ids and files, every phrase of their Markdown, table keys, CSV cells,
calculation values, file and folder names. Then searches every public output for each: the HTML
as written (comments and attributes included), the PDF's text (pdftotext), the PDF's objects
uncompressed (qpdf --qdf --object-streams=disable), with its strings decoded (bookmarks and
metadata are UTF-16), and the names of the public files. Strings that public items or the fixed
wording share (such as "Det indstilles,") are not evidence and are skipped.

To show the search can find what it looks for, the same strings must be found in the closed
edition (all but those never printed: file names, table names, formulas).

usage: check.py BOARDPACK MEETING_DIR [--min-found N] [--skip-numbers]
  --skip-numbers: do not search for strings that are only a number. In a real meeting a
  confidential figure may equal a public one by chance (the example's invented budget has a
  3.200.000 that item 19 also computes); the canary meeting uses distinctive numbers instead.
"""
import os
import re
import subprocess
import sys
import tempfile

HEADER = re.compile(r"^(titel|sagsbehandler|sagsnummer|bilag|fil|navn|kilde|note|række|kolonne|værdi|afrundingsnote):\s*(.*)$")


def status_of(item_md):
    m = re.search(r"^status:\s*(\S+)", open(item_md, encoding="utf-8-sig").read(), re.M)
    return m.group(1).lower() if m else ""


def phrases(text):
    """Pieces of Markdown text a reader would see, split at syntax."""
    out = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("```") or line == "---":
            continue
        m = HEADER.match(line)
        if m:
            line = m.group(2)
        line = re.sub(r"^(#+|[-*>]|\d+\.)\s+", "", line)
        for piece in re.split(r"[\[\]{}()|;=*_`\\]| \.\. ", line):
            piece = piece.strip(" .,:")
            if len(piece) >= 6:
                out.append(piece)
    return out


def item_strings(folder):
    strings = set()
    for root, dirs, files in os.walk(folder):
        strings.add(os.path.basename(root))
        for f in files:
            path = os.path.join(root, f)
            strings.add(f)
            strings.add(os.path.splitext(f)[0])
            text = open(path, encoding="utf-8-sig", errors="replace").read()
            if f.endswith(".csv"):
                for cell in re.split(r"[;,\r\n]", text):
                    cell = cell.strip().strip('"')
                    if len(cell) >= 4:
                        strings.add(cell)
            else:
                strings.update(phrases(text))
    return {s for s in strings if len(s) >= 6}


def pdf_strings(qdf_bytes):
    """Every string in the PDF's objects, decoded: <FEFF...> hex as UTF-16BE, (...) literals."""
    out = []
    for m in re.finditer(rb"<([0-9A-Fa-f\s]{4,})>", qdf_bytes):
        h = re.sub(rb"\s", b"", m.group(1))
        try:
            raw = bytes.fromhex(h.decode())
        except ValueError:
            continue
        if raw.startswith(b"\xfe\xff"):
            out.append(raw[2:].decode("utf-16-be", errors="replace"))
        else:
            out.append(raw.decode("latin-1"))
    for m in re.finditer(rb"\(((?:[^()\\]|\\.)*)\)", qdf_bytes):
        out.append(m.group(1).decode("latin-1"))
    return "\n".join(out)


def haystacks(edition_dir, work, tag):
    hay = {}
    names = []
    for root, dirs, files in os.walk(edition_dir):
        for f in dirs + files:
            names.append(os.path.relpath(os.path.join(root, f), edition_dir))
    hay["file names"] = "\n".join(names)
    hay["HTML"] = open(os.path.join(edition_dir, "dagsorden.html"), encoding="utf-8").read()
    pdf = os.path.join(edition_dir, "dagsorden.pdf")
    hay["PDF text"] = subprocess.run(["pdftotext", "-q", pdf, "-"], capture_output=True, text=True).stdout
    qdf = os.path.join(work, tag + ".qdf.pdf")
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", pdf, qdf], capture_output=True)
    raw = open(qdf, "rb").read()
    hay["PDF objects"] = raw.decode("latin-1")
    hay["PDF strings"] = pdf_strings(raw)
    hay["PDF info"] = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    return hay


def main():
    boardpack, meeting = sys.argv[1], sys.argv[2]
    min_found = int(sys.argv[sys.argv.index("--min-found") + 1]) if "--min-found" in sys.argv else 10
    meeting_id = os.path.basename(os.path.normpath(meeting))
    confidential, shared = set(), ""
    for entry in sorted(os.listdir(meeting)):
        folder = os.path.join(meeting, entry)
        item = os.path.join(folder, "item.md")
        if not os.path.isfile(item):
            continue
        if status_of(item) in ("fortrolig", "lukket"):
            confidential |= item_strings(folder)
        else:
            for f in os.listdir(folder):
                shared += open(os.path.join(folder, f), encoding="utf-8-sig", errors="replace").read() + "\n"
    meeting_txt = open(os.path.join(meeting, "meeting.txt"), encoding="utf-8-sig").read()
    shared += meeting_txt
    # Files declared shared ("delt:") are public data by definition, like public items' files.
    for m in re.finditer(r"^delt:\s*(.+?)\s*$", meeting_txt, re.M):
        location = os.path.join(meeting, m.group(1))
        for root, dirs, files in os.walk(location) if os.path.isdir(location) else [("", [], [location])]:
            for f in files:
                shared += open(os.path.join(root, f), encoding="utf-8-sig", errors="replace").read() + "\n"
    wording = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "templates", "wording.txt")
    shared += open(wording, encoding="utf-8").read()
    needles = sorted(n for n in confidential if n not in shared and n.lower() not in ("item.md",))
    if "--skip-numbers" in sys.argv:
        needles = [n for n in needles if not re.fullmatch(r"[-\d.,% ]+(kr\.|pct\.)?", n)]
    if not needles:
        print("FAIL: the meeting has no confidential item to test with")
        return 1

    with tempfile.TemporaryDirectory() as work:
        out = os.path.join(work, "out")
        p = subprocess.run([boardpack, "build", meeting, "--out", out], capture_output=True, text=True)
        if p.returncode != 0:
            print("FAIL: build failed\n" + p.stderr)
            return 1
        public = haystacks(os.path.join(out, meeting_id, "offentlig"), work, "offentlig")
        closed = haystacks(os.path.join(out, meeting_id, "lukket"), work, "lukket")
        leaks = [(n, where) for n in needles for where, text in public.items() if n in text]
        for n, where in leaks:
            print(f"LEAK: {n!r} appears in the public edition's {where}")
        found = [n for n in needles if any(n in text for text in closed.values())]
        print(f"{len(needles)} strings of confidential items searched in {len(public)} forms of the public edition; "
              f"{len(leaks)} found there, {len(found)} found in the closed edition")
        if leaks:
            print("FAIL: confidential text in the public edition")
            return 1
        if len(found) < min_found:
            print(f"FAIL: only {len(found)} of the strings are found in the closed edition (expected {min_found}); "
                  "the search is not finding what it looks for")
            return 1
        print("ok")
        return 0


if __name__ == "__main__":
    sys.exit(main())

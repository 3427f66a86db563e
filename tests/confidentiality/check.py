#!/usr/bin/env python3
"""Nothing of a confidential item reaches the public edition.

Builds a meeting, gathers every string of its confidential (Fortrolig/Lukket) items: header
fields, attachment titles, ids and files, every phrase of their Markdown, table keys, CSV cells,
calculation values, file and folder names. Then searches every public output for each: the HTML
as written (comments and attributes included), the PDF's text (pdftotext), the PDF's objects
uncompressed (qpdf --qdf --object-streams=disable), with its strings decoded (bookmarks and
metadata are UTF-16), and the names of the public files and the edition's list of them
(.boardpack-files-offentlig, with their sizes and fingerprints). Strings that public items or the fixed
wording share (such as "Det indstilles,") are not evidence and are skipped.

To show the search can find what it looks for, the same strings must be found in the closed
edition (all but those never printed: file names, table names, formulas).

The two editions must not be mistaken for each other (issue 11, point 4): each edition's files
carry its name (offentlig/dagsorden-offentlig.html and .pdf, lukket/dagsorden-lukket.*, and no
other file but the snapshot and the list of files), the HTML <title> and the PDF's Title begin
with the edition ("Offentlig – ", "LUKKET – "), every page of the closed PDF and its HTML
carry the closed mark of wording.txt, and nothing in the public edition (names, titles, text,
objects) carries that mark or the closed title's "LUKKET – ".

usage: check.py BOARDPACK MEETING_DIR [--min-found N] [--skip-numbers]
  --skip-numbers: do not search for strings that are only a number. In a real meeting a
  confidential figure may equal a public one by chance (the example's invented budget has a
  3.200.000 that item 19 also computes); the canary meeting uses distinctive numbers instead.
"""
import base64
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zlib

HEADER = re.compile(r"^(titel|sagsbehandler|sagsnummer|bilag|fil|navn|kilde|note|række|kolonne|værdi|afrundingsnote|"
                    r"tabel|rækker|kolonner|serier|type|enhed|akse|mål):\s*(.*)$")


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


PICTURES = (".png", ".jpg", ".jpeg")


def picture_strings(data):
    """What of a picture could show in an output: the file as the HTML inlines it (base64), the
    words written in its bytes (a JPEG's comment, which a PDF holds as the file is), and a PNG's
    pixel rows as the PDF holds them uncompressed (a canary picture's pixels spell a word)."""
    out = {base64.b64encode(data).decode("ascii")}
    out.update(w.decode("ascii") for w in re.findall(rb"[A-Za-z][-A-Za-z0-9]{5,}", data) if b"KANARIE" in w.upper())
    if data.startswith(b"\x89PNG"):
        idat, at = b"", 8
        while at + 8 <= len(data):
            n, kind = int.from_bytes(data[at:at + 4], "big"), data[at + 4:at + 8]
            if kind == b"IDAT":
                idat += data[at + 8:at + 8 + n]
            at += 12 + n
        raw = zlib.decompress(idat)
        for row in raw.split(b"\0"):
            out.update(w.decode("ascii") for w in re.findall(rb"[A-Za-z][-A-Za-z0-9]{5,}", row))
    return out


def item_strings(folder):
    strings = set()
    for root, dirs, files in os.walk(folder):
        strings.add(os.path.basename(root))
        for f in files:
            path = os.path.join(root, f)
            strings.add(f)
            strings.add(os.path.splitext(f)[0])
            if f.lower().endswith(".pdf"):
                # A PDF attachment: its text and its document information (metadata) are its canaries.
                text = subprocess.run(["pdftotext", "-q", path, "-"], capture_output=True, text=True).stdout
                info = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
                strings.update(line.strip() for line in text.splitlines())
                strings.update(m.group(1).strip() for m in re.finditer(r"^(?:Title|Author|Subject|Keywords):\s*(.*)$", info, re.M))
                continue
            if os.path.splitext(f)[1].lower() in PICTURES:
                strings.update(picture_strings(open(path, "rb").read()))
                continue
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
    hay["HTML"] = open(os.path.join(edition_dir, f"dagsorden-{tag}.html"), encoding="utf-8").read()
    # The edition's list of the files boardpack wrote in it (names, sizes, fingerprints).
    hay["list of files"] = open(os.path.join(edition_dir, f".boardpack-files-{tag}"), encoding="utf-8").read()
    pdf = os.path.join(edition_dir, f"dagsorden-{tag}.pdf")
    hay["PDF info"] = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    # The packet, and each attachment's own file (bilag/).
    pdfs = [pdf] + sorted(os.path.join(root, f) for root, _, files in os.walk(edition_dir) for f in files
                          if f.endswith(".pdf") and os.path.join(root, f) != pdf)
    for n, one in enumerate(pdfs):
        suffix = "" if n == 0 else " of " + os.path.relpath(one, edition_dir)
        hay["PDF text" + suffix] = subprocess.run(["pdftotext", "-q", one, "-"], capture_output=True, text=True).stdout
        qdf = os.path.join(work, f"{tag}-{n}.qdf.pdf")
        subprocess.run(["qpdf", "--qdf", "--object-streams=disable", one, qdf], capture_output=True)
        raw = open(qdf, "rb").read()
        hay["PDF objects" + suffix] = raw.decode("latin-1")
        hay["PDF strings" + suffix] = pdf_strings(raw)
    return hay


def wording_text(key):
    wording = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "templates", "wording.txt")
    m = re.search(rf"^{re.escape(key)}:\s*(.*?)\s*$", open(wording, encoding="utf-8").read(), re.M)
    return m.group(1)


def pdf_pages(pdf):
    """The text of each page of a PDF."""
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    count = int(re.search(r"^Pages:\s*(\d+)", info, re.M).group(1))
    return [subprocess.run(["pdftotext", "-q", "-f", str(p), "-l", str(p), pdf, "-"], capture_output=True,
                           text=True).stdout for p in range(1, count + 1)]


def edition_problems(packet, public, closed):
    """Why the two editions of a packet could be mistaken for each other, if they could."""
    problems = []
    mark = wording_text("lukket-maerke")
    for edition in ("offentlig", "lukket"):
        names = sorted(n for n in os.listdir(os.path.join(packet, edition)) if n != "bilag")  # attachments' own files
        # (and the edition's list of the files boardpack wrote in it)
        want = [f".boardpack-files-{edition}", f"dagsorden-{edition}.html", f"dagsorden-{edition}.pdf", f"snapshot-{edition}.txt"]
        # The closed edition always holds its folders for kept and withdrawn versions, and for the
        # attachments' files, empty or not (its link count says nothing of its confidential items).
        if edition == "lukket":
            want += ["tilbagetrukket", "versioner"]
            if not os.path.isdir(os.path.join(packet, edition, "bilag")):
                problems.append("lukket/ has no bilag/ folder")
        attachments = os.path.join(packet, edition, "bilag")
        if os.path.isdir(attachments) and os.listdir(attachments):  # a merged packet: the agenda alone beside it
            want += [f"dagsorden-{edition}-uden-bilag.pdf"]
        want = sorted(want)
        if names != want:
            problems.append(f"{edition}/ holds {names}, not {want}")
    prefix = {"offentlig": wording_text("titel-offentlig").split("{")[0], "lukket": wording_text("titel-lukket").split("{")[0]}
    for edition, hay in (("offentlig", public), ("lukket", closed)):
        title = re.search(r"<title>(.*?)</title>", hay["HTML"], re.S).group(1)
        if not title.startswith(prefix[edition]):
            problems.append(f"the {edition} HTML's <title> {title!r} does not begin with {prefix[edition]!r}")
        pdf_title = re.search(r"^Title:\s*(.*)$", hay["PDF info"], re.M)
        if not pdf_title or not pdf_title.group(1).startswith(prefix[edition]):
            problems.append(f"the {edition} PDF's Title {pdf_title and pdf_title.group(1)!r} does not begin with {prefix[edition]!r}")
    for where, text in public.items():
        for word in (mark, prefix["lukket"]):
            if word in text:
                problems.append(f"the public edition's {where} says {word!r}")
    pages = pdf_pages(os.path.join(packet, "lukket", "dagsorden-lukket.pdf"))
    unmarked = [n for n, text in enumerate(pages, 1) if mark not in text]
    if unmarked:
        problems.append(f"the closed PDF's pages {unmarked} of {len(pages)} lack the mark {mark!r}")
    html = closed["HTML"]
    body = html[html.find("<body"):]
    if not re.search(r"<body[^>]*>\s*<aside class=\"lukket-maerke\"><p>" + re.escape(mark) + "</p>", body):
        problems.append(f"the closed HTML does not begin with the mark {mark!r}")
    if not re.search(r"@page\s*\{\s*@top-center\s*\{\s*content:\s*\"" + re.escape(mark) + "\"", html):
        problems.append(f"the closed HTML does not print the mark {mark!r} at the top of every page")
    problems += printed_problems(packet, mark)
    return problems


def printed_problems(packet, mark):
    """The HTML as a browser prints it (Debian's chromium, headless): the closed edition's every
    page carries the mark, the public edition's none."""
    chromium = shutil.which("chromium")
    if not chromium:
        print("note: chromium is not installed; the printed HTML is not checked")
        return []
    problems = []
    for edition in ("offentlig", "lukket"):
        html_file = os.path.join(packet, edition, f"dagsorden-{edition}.html")
        pdf = os.path.join(os.path.dirname(packet), f"print-{edition}.pdf")
        with tempfile.TemporaryDirectory() as profile:
            subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                            f"--user-data-dir={profile}", f"--print-to-pdf={pdf}", "file://" + os.path.abspath(html_file)],
                           capture_output=True, timeout=300)
        if not os.path.exists(pdf):
            problems.append(f"chromium did not print the {edition} HTML")
            continue
        pages = pdf_pages(pdf)
        marked = [n for n, text in enumerate(pages, 1) if mark in text]
        if edition == "lukket" and len(marked) != len(pages):
            problems.append(f"the closed HTML printed: pages {sorted(set(range(1, len(pages) + 1)) - set(marked))} of {len(pages)} lack the mark")
        if edition == "offentlig" and marked:
            problems.append(f"the public HTML printed carries the closed mark on pages {marked}")
    return problems


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
                if os.path.splitext(f)[1].lower() in PICTURES:
                    shared += "\n".join(picture_strings(open(os.path.join(folder, f), "rb").read())) + "\n"
                    continue
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
        mixups = edition_problems(os.path.join(out, meeting_id), public, closed)
        for problem in mixups:
            print(f"EDITION: {problem}")
        leaks = [(n, where) for n in needles for where, text in public.items() if n in text]
        for n, where in leaks:
            print(f"LEAK: {n!r} appears in the public edition's {where}")
        found = [n for n in needles if any(n in text for text in closed.values())]
        print(f"{len(needles)} strings of confidential items searched in {len(public)} forms of the public edition; "
              f"{len(leaks)} found there, {len(found)} found in the closed edition")
        if leaks:
            print("FAIL: confidential text in the public edition")
            return 1
        if mixups:
            print("FAIL: the editions could be mistaken for each other")
            return 1
        if len(found) < min_found:
            print(f"FAIL: only {len(found)} of the strings are found in the closed edition (expected {min_found}); "
                  "the search is not finding what it looks for")
            return 1
        print("ok")
        return 0


if __name__ == "__main__":
    sys.exit(main())

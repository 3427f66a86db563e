#!/usr/bin/env python3
"""Checks the PDF packet as a reader and a tool see it.

Builds a meeting and, for both editions: qpdf --check passes; every font is embedded; poppler
prints no warning; the page numbers printed in the agenda are the pages where the items start
(read back with pdftotext -f N -l N); every item shown in full has a bookmark, and so has each of
its attachments; the document info comes from the meeting data; and the text of every item,
extracted from the PDF with pdftotext and from the HTML, carries the same words in the same
order (so the same figures).

usage: check_pdf.py BOARDPACK MEETING_DIR [--chars FILE]
  --chars FILE: a file of lines that must come back exactly from pdftotext (Danish characters).
"""
import html.parser
import json
import os
import re
import subprocess
import sys
import tempfile

failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL " + msg)


def ok(msg):
    print("ok   " + msg)


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


# --- HTML: the text of each article, with list markers as the PDF prints them ---------------

class ArticleText(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.articles = {}
        self.current = None
        self.lists = []  # stack of [kind, next number]
        self.skip = 0
        self.narrow_svg = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        # A chart's <title> and <desc> repeat its caption and data, and its <details> hold its
        # data as a table: the PDF has them as the Figure's /Alt, not as text (the chart's labels
        # are text in both, in the same order; tests/unit/test_chart.cpp checks their parity).
        if tag in ("style", "script", "title", "desc", "details"):
            self.skip += 1
        # A chart's drawing for a phone repeats its labels; the drawing at the PDF's width is
        # the one the PDF has.
        if tag == "svg" and "smal" in (a.get("class") or "").split():
            self.skip += 1
            self.narrow_svg = True
        if tag == "article":
            self.current = a.get("id")
            self.articles[self.current] = []
        elif tag in ("ol", "ul"):
            self.lists.append([tag, int(a.get("start", "1"))])
        elif tag == "li" and self.lists and self.current:
            kind = self.lists[-1]
            if kind[0] == "ol":
                self.articles[self.current].append(" %d. " % kind[1])
                kind[1] += 1
            else:
                self.articles[self.current].append(" \u2022 ")
        if self.current:
            self.articles[self.current].append(" ")

    def handle_endtag(self, tag):
        if tag in ("style", "script", "title", "desc", "details"):
            self.skip -= 1
        if tag == "svg" and self.narrow_svg:
            self.skip -= 1
            self.narrow_svg = False
        if tag == "article":
            self.current = None
        elif tag in ("ol", "ul") and self.lists:
            self.lists.pop()
        elif self.current:
            self.articles[self.current].append(" ")

    def handle_data(self, data):
        if self.current and not self.skip:
            self.articles[self.current].append(data)


def squeeze(text):
    """The text without any white space: line breaks and hyphenation do not matter, words do."""
    return re.sub(r"\s+", "", text)


# --- PDF -------------------------------------------------------------------------------------

def page_count(pdf):
    _, out, _ = run(["pdfinfo", pdf])
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))


def page_text(pdf, first, last, raw=True):
    cmd = ["pdftotext", "-q"] + (["-raw"] if raw else ["-layout"]) + ["-f", str(first), "-l", str(last), pdf, "-"]
    return run(cmd)[1]


def agenda_entries(pdf, expected):
    """(number, status, printed page) for each agenda line, from the first pages."""
    entries = []
    for page in range(1, 4):
        for line in page_text(pdf, page, page, raw=False).splitlines():
            m = re.match(r"^\s*(\d+) \((Offentlig|Fortrolig|Lukket)\)\s*(.*?)\s+(\d+)\s*$", line)
            if m:
                entries.append((int(m.group(1)), m.group(2), int(m.group(4))))
        if len(entries) >= expected:
            break
    return entries


def outline_titles(pdf):
    _, out, _ = run(["qpdf", "--json", "--json-key=outlines", pdf])
    data = json.loads(out)
    titles = []

    def walk(nodes, depth):
        for n in nodes:
            titles.append((depth, n.get("title", ""), n.get("destpageposfrom1")))
            walk(n.get("kids", []), depth + 1)

    walk(data.get("outlines", []), 0)
    return titles


def closed_mark():
    """The mark at the top of every page of the closed edition (templates/wording.txt)."""
    wording = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "templates", "wording.txt")
    return re.search(r"^lukket-maerke:\s*(.*?)\s*$", open(wording, encoding="utf-8").read(), re.M).group(1)


def strip_pdf_furniture(text, footer):
    """Removes what the PDF repeats and the HTML does not: the footer on every page, the closed
    edition's mark at the top of every page, a table's continuation caption and the header row
    printed again below it."""
    lines = [l for l in text.splitlines() if not (footer and l.startswith(footer) and re.search(r"Side \d+ af \d+$", l))
             and l.strip() != closed_mark()]
    return "\n".join(lines)


def check_edition(pdf, html_file, edition, meeting_date):
    name = edition + "/" + os.path.basename(pdf)
    rc, out, err = run(["qpdf", "--check", pdf])
    if rc != 0 or "WARNING" in out + err:
        fail(f"{name}: qpdf --check: {out}{err}")
    else:
        ok(f"{name}: qpdf --check finds no errors")

    _, out, err = run(["pdffonts", pdf])
    rows = [l for l in out.splitlines()[2:] if l.strip()]
    not_embedded = [l for l in rows if l.split()[-5] != "yes"]
    if not rows or not_embedded or err:
        fail(f"{name}: fonts not embedded: {not_embedded} {err}")
    else:
        ok(f"{name}: all {len(rows)} fonts embedded")

    warnings = ""
    for cmd in (["pdftotext", pdf, os.devnull], ["pdfinfo", pdf], ["pdffonts", pdf], ["pdftotext", "-raw", pdf, os.devnull]):
        warnings += run(cmd)[2]
    if warnings.strip():
        fail(f"{name}: poppler printed warnings: {warnings[:500]}")
    else:
        ok(f"{name}: poppler prints no warning")

    _, info, _ = run(["pdfinfo", "-isodates", pdf])
    if not re.search(r"^CreationDate:\s+" + re.escape(meeting_date) + r"T00:00:00", info, re.M) or "Author:" not in info or "Title:" not in info:
        fail(f"{name}: document info lacks title, author or the meeting's date: {info}")
    else:
        ok(f"{name}: document info has title, author, subject and the meeting date as creation date")

    parser = ArticleText()
    parser.feed(open(html_file, encoding="utf-8").read())
    articles = parser.articles
    numbers = [int(k.split("-")[1]) for k in articles]

    entries = agenda_entries(pdf, len(numbers))
    if [e[0] for e in entries] != numbers:
        fail(f"{name}: the agenda lists {[e[0] for e in entries]}, the HTML {numbers}")
        return
    pages = page_count(pdf)
    bad = []
    for number, status, page in entries:
        if not 1 <= page <= pages:
            bad.append((number, page))
            continue
        heading = f"{number} ({status})"
        if heading not in page_text(pdf, page, page).splitlines():
            bad.append((number, page))
    if bad:
        fail(f"{name}: agenda page numbers that do not hold their item: {bad}")
    else:
        ok(f"{name}: the agenda's {len(entries)} page numbers are the pages where the items start")

    titles = outline_titles(pdf)
    top = [t for d, t, _ in titles if d == 0]
    missing = []
    html_text = open(html_file, encoding="utf-8").read()
    for number, status, page in entries:
        if not any(t.startswith(f"{number} ({status})") for t in top):
            missing.append(number)
    attachment_count = len(re.findall(r'<section class="bilagsliste">.*?</section>', html_text, re.S))
    attachments = sum(len(re.findall(r"<li[ >]", m)) for m in re.findall(r'<section class="bilagsliste">.*?</section>', html_text, re.S))
    kids = [t for d, t, _ in titles if d == 1]
    if missing or len(kids) != attachments:
        fail(f"{name}: bookmarks missing for items {missing}; {len(kids)} attachment bookmarks for {attachments} attachments")
    else:
        ok(f"{name}: bookmarks for all {len(entries)} items and {attachments} attachments")

    # Same words in the same order: item by item, PDF pages against the HTML article.
    footer = None
    for line in page_text(pdf, 1, 1).splitlines():
        m = re.match(r"^(.*?)\s*Side 1 af \d+$", line)
        if m:
            footer = m.group(1)
    full = [(n, s, p) for n, s, p in entries if not (edition == "offentlig" and s != "Offentlig")]
    # The PDF attachments' pages follow the last item (their first page carries the stamp
    # "Bilag N til punkt M · ..."): the last item ends before them.
    _, all_text, _ = run(["pdftotext", "-layout", pdf, "-"])
    stamped = [k for k, t in enumerate(all_text.split("\f"), 1) if re.search(r"^\s*Bilag \d+ til punkt \d+ · ", t, re.M)]
    end = stamped[0] - 1 if stamped else pages
    mismatches = 0
    for i, (number, status, page) in enumerate(full):
        last = full[i + 1][2] - 1 if i + 1 < len(full) else end
        pdf_text = strip_pdf_furniture(page_text(pdf, page, last), footer)
        # Confidential items shown as a line only (public edition) sit between full items.
        if edition == "offentlig":
            pdf_text = re.sub(r"^\d+ \((Fortrolig|Lukket)\)$", "", pdf_text, flags=re.M)
        # A table continued on a new page repeats its caption and header row: drop the repeat.
        pdf_text = drop_continuations(pdf_text)
        want = squeeze("".join(articles[f"punkt-{number}"]))
        got = squeeze(pdf_text)
        # A PDF attachment's line: the HTML says "(PDF)" (a link to its file) where the PDF gives
        # the page it starts on.
        if "(PDF)" in want and re.fullmatch(re.escape(want).replace(re.escape("(PDF)"), r"\d+"), got):
            want = got
        # In the agenda-only PDF, nothing: the line links to the attachment's own file.
        if "(PDF)" in want and want.replace("(PDF)", "") == got and pdf.endswith("-uden-bilag.pdf"):
            want = got
        if want != got:
            mismatches += 1
            at = next((k for k in range(min(len(want), len(got))) if want[k] != got[k]), min(len(want), len(got)))
            fail(f"{name}: item {number}: PDF and HTML text differ at character {at}:\n"
                 f"      HTML: ...{want[max(0, at - 60):at + 60]}...\n"
                 f"      PDF:  ...{got[max(0, at - 60):at + 60]}...")
    if not mismatches:
        ok(f"{name}: PDF and HTML carry the same words in the same order for all {len(full)} items")


def drop_continuations(text):
    """'Tabel N: title (fortsat)' and the header row below it repeat the table's caption and
    header; remove them so the text reads as the HTML does. The repeated header is the run of
    lines after the continuation caption that equals the lines after the first caption."""
    lines = text.split("\n")
    out = []
    first = {}  # caption -> index in `lines` of its first occurrence
    i = 0
    while i < len(lines):
        line = lines[i]
        m = re.match(r"^(Tabel \d+: .*) \(fortsat\)$", line)
        if m and m.group(1) in first:
            k = 0
            start = first[m.group(1)] + 1
            while i + 1 + k < len(lines) and start + k < i and lines[i + 1 + k] == lines[start + k]:
                k += 1
            i += 1 + k
            continue
        if re.match(r"^Tabel \d+: ", line) and line not in first:
            first[line] = i
        out.append(line)
        i += 1
    return "\n".join(out)


def main():
    args = sys.argv[1:]
    boardpack, meeting = args[0], args[1]
    chars = args[args.index("--chars") + 1] if "--chars" in args else None
    with tempfile.TemporaryDirectory() as work:
        rc, out, err = run([boardpack, "build", meeting, "--out", work])
        if rc != 0:
            fail(f"build failed: {err}")
            return 1
        meeting_id = os.path.basename(os.path.normpath(meeting))
        date = re.search(r"^dato:\s*(\S+)", open(os.path.join(meeting, "meeting.txt"), encoding="utf-8-sig").read(), re.M).group(1)
        for edition in ("offentlig", "lukket"):
            base = os.path.join(work, meeting_id, edition)
            check_edition(os.path.join(base, f"dagsorden-{edition}.pdf"), os.path.join(base, f"dagsorden-{edition}.html"), edition, date)
            # Beside a packet that merges PDF attachments, the agenda and items alone (README,
            # "Attachments"): the same checks, the same words. Its item pages are written with
            # the packet's (issue 10), so this also checks that what they share prints right.
            agenda_only = os.path.join(base, f"dagsorden-{edition}-uden-bilag.pdf")
            if os.path.exists(agenda_only):
                check_edition(agenda_only, os.path.join(base, f"dagsorden-{edition}.html"), edition, date)
                # Its footers say that its PDF attachments are not in it; the packet's do not.
                for path, want in ((agenda_only, True), (os.path.join(base, f"dagsorden-{edition}.pdf"), False)):
                    pages = run(["pdftotext", "-layout", path, "-"])[1].split("\f")
                    says = [("uden PDF-bilag" in " ".join(p.split())) for p in pages if p.strip()]
                    if all(s == want for s in says):
                        ok(f"{os.path.basename(path)}: every footer {'says' if want else 'does not say'} \"uden PDF-bilag\"")
                    else:
                        fail(f"{os.path.basename(path)}: footers saying \"uden PDF-bilag\": {says}")
        if chars:
            text = run(["pdftotext", os.path.join(work, meeting_id, "lukket", "dagsorden-lukket.pdf"), "-"])[1]
            # A long line may wrap in the PDF: compared with its line breaks as spaces.
            text = " ".join(text.split())
            for want in open(chars, encoding="utf-8").read().splitlines():
                if want and want not in text:
                    fail(f"pdftotext does not give back {want!r}")
                elif want:
                    ok(f"pdftotext gives back {want!r}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

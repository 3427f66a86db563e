#!/usr/bin/env python3
"""Markdown that must keep its meaning in both formats (issue 9, points 23-30).

Each case writes a small Sagsfremstilling into a copy of the small example meeting at run time,
builds it, and checks the HTML and the PDF (read with pikepdf and pdftotext) - or checks the
message when the input must be refused.

usage: run.py BOARDPACK SMALL_MEETING_DIR
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

import pikepdf

failures = 0
ITEM = "01-budget/item.md"


def ok(name):
    print("ok   " + name)


def fail(name, detail):
    global failures
    failures += 1
    print("FAIL " + name + "\n     " + str(detail).replace("\n", "\n     "))


def check(name, cond, detail=""):
    if cond:
        ok(name)
    else:
        fail(name, detail)


class Result:
    def __init__(self, rc, err, work):
        self.rc, self.err, self.work = rc, err, work

    def html(self, edition="offentlig"):
        return open(os.path.join(self.work, "out", "m", edition, f"dagsorden-{edition}.html"), encoding="utf-8").read()

    def pdf_path(self, edition="offentlig"):
        d = os.path.join(self.work, "out", "m", edition)
        return os.path.join(d, [f for f in os.listdir(d) if f.endswith(".pdf")][0])

    def pdf_text(self, edition="offentlig"):
        return subprocess.run(["pdftotext", "-layout", self.pdf_path(edition), "-"], capture_output=True,
                              text=True).stdout


def build(base, work, text, command="build", mutate=None, section=None):
    """Copies the meeting into work/m with `text` put at the start of the item's Sagsfremstilling
    (or in place of the whole `section`), and runs boardpack."""
    m = os.path.join(work, "m")
    shutil.rmtree(m, ignore_errors=True)
    shutil.rmtree(os.path.join(work, "out"), ignore_errors=True)
    shutil.copytree(base, m)
    path = os.path.join(m, ITEM)
    s = open(path, encoding="utf-8").read()
    if section:
        start = s.index("# " + section + "\n")
        end = s.index("\n# ", start + 1)
        s = s[:start] + "# " + section + "\n\n" + text + "\n" + s[end:]
    else:
        s = s.replace("# Sagsfremstilling\n\n", "# Sagsfremstilling\n\n" + text + "\n\n", 1)
    open(path, "w", encoding="utf-8").write(s)
    if mutate:
        mutate(m)
    p = subprocess.run([BOARDPACK, command, "m", "--out", "out"], cwd=work, capture_output=True, timeout=120)
    return Result(p.returncode, p.stderr.decode("utf-8", errors="replace"), work)


def page_streams(pdf_path):
    """The decoded content streams of every page, as text."""
    with pikepdf.open(pdf_path) as pdf:
        return [b"".join(s.read_bytes() for s in (pg.Contents if isinstance(pg.Contents, pikepdf.Array)
                                                   else [pg.Contents])).decode("latin-1")
                for pg in pdf.pages]


def to_unicode(font):
    """(bytes a code, {code: text}) from a Type0 font's ToUnicode map (its codespace range and
    bfchar entries): one byte a code for a font of at most 255 characters, else two."""
    cmap = font.ToUnicode.read_bytes().decode("latin-1")
    space, entries = cmap.split("endcodespacerange", 1)
    width = len(re.findall(r"<([0-9A-Fa-f]+)>", space)[0]) // 2
    out = {}
    for code, text in re.findall(r"<([0-9A-Fa-f]{%d})>\s*<([0-9A-Fa-f]+)>" % (2 * width), entries):
        out[int(code, 16)] = bytes.fromhex(text).decode("utf-16-be")
    return width, out


def decode(codes, cmap):
    width, table = cmap
    return "".join(table.get(int.from_bytes(codes[i:i + width], "big"), "\ufffd") for i in range(0, len(codes) - width + 1, width))


def text_runs(pdf_path):
    """(x, y, text) of every text shown, with the rectangles ([x, y, w, h]) filled on each page.
    The text is decoded with its font's ToUnicode map (the fonts are Type0, one or two bytes a code)."""
    out = []
    with pikepdf.open(pdf_path) as pdf:
        for pg in pdf.pages:
            rects, texts, fonts = [], [], []
            x = y = 0
            font, cmap = None, (2, {})
            for operands, op in pikepdf.parse_content_stream(pg):
                op = str(op)
                if op == "re":
                    rects.append([float(v) for v in operands])
                elif op == "BT":
                    x = y = 0
                elif op in ("Td", "TD"):  # relative to the start of the previous line
                    x, y = x + float(operands[0]), y + float(operands[1])
                elif op == "Tm":
                    x, y = float(operands[4]), float(operands[5])
                elif op == "Tf":
                    f = pg.Resources.Font[operands[0]]
                    font = (str(f.BaseFont), float(operands[1]))
                    cmap = to_unicode(f)
                elif op == "Tj":
                    texts.append((x, y, decode(bytes(operands[0]), cmap)))
                    fonts.append(font)
            out.append((texts, rects, fonts))
    return out


def font_of(pdf_path, text):
    """(font name, size) of the first text run that starts with `text`."""
    for texts, _, fonts in text_runs(pdf_path):
        for (x, y, t), f in zip(texts, fonts):
            if t.startswith(text):
                return f
    return None


def case_strike(base, work):
    r = build(base, work, "Budgettet er ~~50 mio. kr.~~ 60 mio. kr.")
    if r.rc != 0:
        return fail("strikethrough: build", r.err)
    # An amount is one span of class "hel" (kept on one line, as in the PDF).
    check("strikethrough: HTML uses <del>",
          '<del><span class="hel">50 mio. kr.</span></del> <span class="hel">60 mio. kr.</span>' in r.html(), r.html()[:0])
    # The struck words get a thin filled rectangle across them, at about half the x-height.
    found = False
    for texts, rects, _ in text_runs(r.pdf_path()):
        for (x, y, t) in texts:
            if t.startswith("50 mio. kr."):
                for (rx, ry, rw, rh) in rects:
                    if abs(rx - x) < 0.5 and y < ry < y + 6 and rh < 1.5 and rw > 20:
                        found = True
                # and the unstruck amount has no line
                for (x2, y2, t2) in texts:
                    if t2.strip().startswith("60 mio.") and y2 == y:
                        if any(abs(rx - x2) < 0.5 and y2 < ry < y2 + 6 and rh < 1.5 for (rx, ry, rw, rh) in rects):
                            fail("strikethrough: the unstruck amount has no line", t2)
    check("strikethrough: a line is drawn through the struck words in the PDF", found)


def case_heading_levels(base, work):
    r = build(base, work, "## Overskrift to\n\nTekst.\n\n### Overskrift tre\n\nTekst.\n\n#### Overskrift fire\n\nTekst.")
    if r.rc != 0:
        return fail("heading levels: build", r.err)
    h = r.html()
    check("heading levels: ##, ###, #### are h4, h5, h6 in HTML",
          "<h4>Overskrift to</h4>" in h and "<h5>Overskrift tre</h5>" in h and "<h6>Overskrift fire</h6>" in h)
    looks = [font_of(r.pdf_path(), "Overskrift " + w) for w in ("to", "tre", "fire")]
    check("heading levels: each level has its own look in the PDF", None not in looks and len(set(looks)) == 3, looks)
    for level in (5, 6):
        r = build(base, work, "Tekst.\n\n" + "#" * level + " For dyb\n\nTekst.")
        check(f"heading levels: a level-{level} heading is refused at its line",
              r.rc == 1 and re.search(r"^m/01-budget/item\.md:\d+:1: error: a level-%d heading cannot be shown" % level,
                                      r.err, re.M), r.err)


def case_heading_in_list(base, work):
    for md, what in (("- # Resumé\n- punkt", "list"), ("> # Resumé\n> tekst", "quote")):
        r = build(base, work, "Tekst.\n\n" + md, command="check")
        check(f"level-1 heading in a {what}: refused at its line",
              r.rc == 1 and re.search(r"^m/01-budget/item\.md:\d+:\d+: error: a level-1 heading \(# \.\.\.\) opens a section "
                                      r"and cannot stand inside a list or quote", r.err, re.M), r.err)


def case_empty_list_item(base, work):
    r = build(base, work, "-\n\nEfter listen.")
    if r.rc != 0:
        return fail("empty list item: build", r.err)
    h = r.html()
    art = h[h.index("Sagsfremstilling"):]
    check("empty list item: an empty <li> in HTML, not the text \"-\"",
          re.search(r"<ul>\s*<li></li>\s*</ul>\s*<p>Efter listen\.</p>", art) and "<p>-</p>" not in art, art[:300])
    t = r.pdf_text()
    check("empty list item: no \"-\" line in the PDF", not re.search(r"^\s*-\s*$", t, re.M) and "Efter listen." in t)
    # A section that is only "-" (as the source documents write it) stays the text "-".
    r = build(base, work, "-", section="Resumé")
    check("a section written as a lone \"-\" is still the text \"-\"", r.rc == 0 and re.search(
        r"Resumé</h3>\s*<p>-</p>", r.html()), r.err)


def link_annotations(pdf_path):
    """(URI or None, /Contents or None) of every link in the PDF."""
    out = []
    with pikepdf.open(pdf_path) as pdf:
        for pg in pdf.pages:
            for a in pg.get("/Annots", []):
                if a.get("/Subtype") != "/Link":
                    continue
                uri = str(a.A.URI) if "/A" in a and "/URI" in a.A else None
                out.append((uri, str(a.Contents) if "/Contents" in a else None))
    return out


def case_link_title(base, work):
    r = build(base, work, 'Se [rapporten](https://example.com/rapport "Rapport 2023, side 4") og [den anden](https://example.com/b).')
    if r.rc != 0:
        return fail("link title: build", r.err)
    check("link title: kept as the HTML title", '<a href="https://example.com/rapport" title="Rapport 2023, side 4">rapporten</a>' in r.html()
          and '<a href="https://example.com/b">den anden</a>' in r.html())
    links = link_annotations(r.pdf_path())
    check("link title: kept as the PDF link's /Contents", ("https://example.com/rapport", "Rapport 2023, side 4") in links
          and ("https://example.com/b", "den anden") in links, links)  # PDF/UA: every link has /Contents, its text if no title


def case_url_backslash(base, work):
    # CommonMark spec example 603: backslashes in an autolink are not escapes, and are encoded.
    r = build(base, work, "Se <http://example.com/\\[\\> og [her](https://example.com/a b\u00e6) .".replace("a b", "a%20b"))
    if r.rc != 0:
        return fail("URL with a backslash: build", r.err)
    check("URL with a backslash: percent-encoded in HTML",
          # (<wbr>: where a browser may break the address, as the PDF does)
          '<a href="http://example.com/%5C%5B%5C">http://<wbr>example<wbr>.com/\\<wbr>[\\</a>' in r.html()
          and 'href="https://example.com/a%20b%C3%A6"' in r.html(), re.findall(r'<a [^>]*>', r.html()))
    uris = [u for u, _ in link_annotations(r.pdf_path())]
    check("URL with a backslash: the same address in the PDF",
          "http://example.com/%5C%5B%5C" in uris and "https://example.com/a%20b%C3%A6" in uris, uris)


def line_of(work, text):
    """The 1-based line of the item file that holds `text`."""
    lines = open(os.path.join(work, "m", ITEM), encoding="utf-8").read().split("\n")
    return next(i + 1 for i, l in enumerate(lines) if text in l)


def case_braces(base, work):
    r = build(base, work, "Mængden \\{x\\} skrives med klammer, og {budget[Løn; Ændring] | kr.} er et tal.")
    if r.rc != 0:
        return fail("escaped braces: build", r.err)
    check("escaped braces: printed as braces in HTML", "Mængden {x} skrives med klammer" in r.html())
    check("escaped braces: printed as braces in the PDF", "Mængden {x} skrives" in r.pdf_text(), r.pdf_text()[:400])
    r = build(base, work, "Bæ \\* og \\& så { uden slut.", command="check")
    line = line_of(work, "uden slut")
    check("lone brace: the message says how to print one, at the brace's column",
          r.rc == 1 and re.search(r"^m/01-budget/item\.md:%d:16: error: this \"\{\" has no \"\}\".*write \\\{ for a brace" % line,
                                  r.err, re.M), r.err)
    r = build(base, work, "Bæ \\* og } her.", command="check")
    line = line_of(work, "} her")
    check("lone closing brace: the message says how to print one, at its column",
          r.rc == 1 and re.search(r"^m/01-budget/item\.md:%d:10: error: a \"\}\" without \"\{\"; write \\\} for a brace" % line,
                                  r.err, re.M), r.err)
    r = build(base, work, "Tekst.\n\nSe ftp://example.com/a her.", command="check")
    line = line_of(work, "ftp://")
    check("ftp autolink: the warning points at the link, not the header's closing ---",
          re.search(r"^m/01-budget/item\.md:%d:4: warning: link to \"ftp://example\.com/a\" removed" % line, r.err, re.M), r.err)


def internal_links(pdf_path):
    """The named destinations the PDF's internal links go to, as (page number of the link, target page)."""
    out = []
    with pikepdf.open(pdf_path) as pdf:
        pages = {p.objgen: i + 1 for i, p in enumerate(pdf.pages)}
        for i, pg in enumerate(pdf.pages):
            for a in pg.get("/Annots", []):
                if a.get("/Subtype") == "/Link" and "/Dest" in a:
                    out.append((i + 1, pages.get(a.Dest[0].objgen)))
    return out


def check_links_added(name, before, r, added):
    """That the PDF of `r` has `added` internal links more than `before` had, every one to a page."""
    links = internal_links(r.pdf_path())
    check(name, len([l for l in links if l[1]]) == len([l for l in before if l[1]]) + added and all(l[1] for l in links),
          (before, links))


def case_internal_links(base, work):
    md = "Se [bilaget](#punkt-1-bilag-1), [tabellen](#punkt-1-tabel-1) og [punktet](#punkt-1)."
    plain = build(base, work, "Ingen links.")
    before = internal_links(plain.pdf_path())
    check("internal links: a table nobody links to gets no id", 'id="punkt-1-tabel-1"' not in plain.html())
    r = build(base, work, md)
    if r.rc != 0:
        return fail("internal links: build", r.err)
    h = r.html()
    check("internal links: HTML links to the anchors, and the table has its id",
          '<a href="#punkt-1-bilag-1">bilaget</a>' in h and '<a href="#punkt-1-tabel-1">tabellen</a>' in h
          and '<a href="#punkt-1">punktet</a>' in h and 'id="punkt-1-tabel-1"' in h and 'id="punkt-1-bilag-1"' in h
          and 'id="punkt-1"' in h, re.findall(r'<a href="#[^>]*>', h))
    check_links_added("internal links: the PDF has one more link per target, each to a page", before, r, 3)
    r = build(base, work, "Se [punkt 7](#punkt-7) og [tabel 3](#punkt-1-tabel-3).", command="check")
    line = line_of(work, "punkt 7")
    check("internal links: a target that does not exist is refused at the link",
          r.rc == 1 and re.search(r'^m/01-budget/item\.md:%d:4: error: the link target "#punkt-7" is not in the packet' % line, r.err, re.M)
          and re.search(r'^m/01-budget/item\.md:%d:\d+: error: the link target "#punkt-1-tabel-3"' % line, r.err, re.M), r.err)
    r = build(base, work, "Se [det andet punkt](#punkt-2).", command="check")
    check("internal links: a public item linking into a confidential one is refused, without its title",
          r.rc == 1 and re.search(r'^m/01-budget/item\.md:\d+:4: error: the link "#punkt-2" points into item 2, which is Fortrolig',
                                  r.err, re.M) and "direktør" not in r.err, r.err)


def case_footnotes(base, work):
    md = ("Udgiften er 4,2 mio. kr.[^1] i 2024[^kilde].\n\n"
          "[^1]: Budgetaftalen, se [aftalen](https://example.com/aftale).\n\n[^kilde]: Sekretariatets opgørelse.")
    plain = build(base, work, "Ingen noter.")
    before = internal_links(plain.pdf_path())
    r = build(base, work, md)
    if r.rc != 0:
        return fail("footnotes: build", r.err)
    h = r.html()
    check("footnotes: HTML links each number, in superscript, to its note, and the notes end the section",
          'kr.</span><a href="#punkt-1-note-1">\u00b9</a> i 2024<a href="#punkt-1-note-2">\u00b2</a>.' in h
          and re.search(r'<ol class="noter">\n<li id="punkt-1-note-1"><p>Budgetaftalen, se <a href="https://example.com/aftale">'
                        r'aftalen</a>\.</p>\n</li>\n<li id="punkt-1-note-2"><p>Sekretariatets opgørelse\.</p>\n</li>\n</ol>\n'
                        r'</section>\n<section>\n<h3>Økonomi</h3>', h) is not None,
          re.findall(r'.{80}note-.{80}', h))
    t = " ".join(r.pdf_text().split())
    check("footnotes: the PDF prints the same numbers and notes, at the end of the section",
          "4,2 mio. kr.\u00b9 i 2024\u00b2." in t
          and re.search(r"2024\u00b2\. .*1\. Budgetaftalen, se aftalen\. 2\. Sekretariatets opgørelse\. Økonomi", t) is not None,
          t[:1500])
    check_links_added("footnotes: the PDF links each number to a page, its note's", before, r, 2)
    r = build(base, work, "Et tal[^mangler].\n\n[^ubrugt]: Aldrig henvist til.", command="check")
    line = line_of(work, "Et tal")
    check("footnotes: a number with no note and a note nothing refers to are each warned of where they are written",
          r.rc == 0 and re.search(r'^m/01-budget/item\.md:%d:7: warning: the footnote \[\^mangler\] has no note' % line, r.err, re.M)
          and re.search(r"^m/01-budget/item\.md:%d:1: warning: the footnote \[\^ubrugt\]'s note is not printed" % (line + 2),
                        r.err, re.M), r.err)


def case_task_list(base, work):
    r = build(base, work, "- [ ] godkend budgettet\n- [x] send til høring\n- et almindeligt punkt")
    if r.rc != 0:
        return fail("task list: build", r.err)
    check("task list: HTML prints each task's box, to do or done, and none on an ordinary item",
          "<li>\u2610 godkend budgettet</li>\n<li>\u2611 send til høring</li>\n<li>et almindeligt punkt</li>" in r.html(),
          re.findall(r"<li>.{0,40}", r.html())[:6])
    t = r.pdf_text()
    check("task list: the PDF prints the same boxes", re.search(r"\u2610 godkend budgettet\s+\S+\s+\u2611 send til høring", t)
          is not None and "[ ]" not in t and "[x]" not in t, t[:1200])
    # A list of tasks only: the box is each item's marker, no bullet beside it (the PDF printed
    # "• ☐ godkend").
    r = build(base, work, "- [ ] godkend budgettet\n- [x] send til høring")
    if r.rc != 0:
        return fail("task list: build", r.err)
    check("task list: a list of tasks only is marked as such in the HTML, its boxes the markers",
          '<ul class="opgaver">\n<li>\u2610 godkend budgettet</li>\n<li>\u2611 send til høring</li>' in r.html(),
          re.findall(r"<ul.{0,80}", r.html(), re.S)[:3])
    t = " ".join(r.pdf_text().split())
    check("task list: the PDF prints each box as its item's marker, with no bullet",
          "\u2610 godkend budgettet \u2611 send til høring" in t and "\u2022 \u2610" not in t and "\u2022 \u2611" not in t,
          t[:1200])


def case_code_monospace(base, work):
    nb = "\u00a0"
    r = build(base, work, "Kald `f(a,  b)` her.\n\n```\ndef f():\n    return 3\nA    B\n```")
    if r.rc != 0:
        return fail("code: build", r.err)
    check("code: HTML keeps the spaces", "<pre><code>def f():\n    return 3\nA    B\n</code></pre>" in r.html()
          and "<code>f(a,  b)</code>" in r.html())
    runs = [t for texts, _, _ in text_runs(r.pdf_path()) for (_, _, t) in texts]
    check("code: the PDF keeps every space of a code block and a code span",
          nb * 4 + "return" + nb + "3" in runs and "A" + nb * 4 + "B" in runs and "f(a," + nb * 2 + "b)" in runs,
          [t for t in runs if "return" in t or "f(a" in t])
    fonts = [font_of(r.pdf_path(), t) for t in ("def" + nb + "f():", "f(a,")]
    check("code: code is set in the monospace face in the PDF",
          all(f and "DejaVuSansMono" in f[0] for f in fonts), fonts)
    p = subprocess.run(["pdffonts", r.pdf_path()], capture_output=True, text=True).stdout
    check("code: the monospace font is embedded", re.search(r"DejaVuSansMono\S*\s.*\byes\s+yes", p) is not None, p)


def main():
    global BOARDPACK
    BOARDPACK, base = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    only = sys.argv[3:] or None
    cases = [(n, f) for n, f in globals().items() if n.startswith("case_")]
    with tempfile.TemporaryDirectory() as work:
        for name, f in cases:
            if only and name[5:] not in only:
                continue
            f(base, work)
    if failures:
        print(f"{failures} failure(s)")
        sys.exit(1)


if __name__ == "__main__":
    main()

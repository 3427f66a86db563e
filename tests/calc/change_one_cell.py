#!/usr/bin/env python3
"""Staff correct one figure and rebuild: every subtotal, result line and sentence that depends on
it changes with it, in the HTML and the PDF of both editions, and nothing else changes.

Changes Løn in Budget 2024 of item 19's tabel 3 (Danske Regioners basisbudget) from 122.100.000
to 123.100.000, builds before and after, and compares the words of every output. Then changes a
charted cell (item 9's waiting time) and checks that its bar and label move in both formats.

usage: change_one_cell.py BOARDPACK MEETING_DIR
"""
import difflib
import html.parser
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter

# (before, after): the cell itself, then what depends on it.
EXPECTED = Counter({
    ("122.100.000", "123.100.000"): 1,  # Løn, Budget 2024
    ("143.500.000", "144.500.000"): 1,  # Personaleudgifter i alt
    ("33.400.000", "34.400.000"): 1,    # Driftsresultat
    ("26.400.000", "27.400.000"): 1,    # Resultat
    ("34.400.000", "35.400.000"): 1,    # Resultat inkl. ekstraordinære poster
    ("33,4", "34,4"): 2,                # Indstilling "driftsunderskud på", and "fastholdes på"
})


class Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        self.skip += tag == "style"
        self.parts.append(" ")

    def handle_endtag(self, tag):
        self.skip -= tag == "style"
        self.parts.append(" ")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def words_html(path):
    t = Text()
    t.feed(open(path, encoding="utf-8").read())
    return "".join(t.parts).split()


def words_pdf(path):
    return subprocess.run(["pdftotext", "-q", path, "-"], capture_output=True, text=True).stdout.split()


def changes(a, b):
    """The words that differ, as (before, after) pairs; insertions and deletions as such."""
    found = Counter()
    other = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        if op == "replace" and i2 - i1 == j2 - j1:
            for x, y in zip(a[i1:i2], b[j1:j2]):
                found[(x.strip(".,()"), y.strip(".,()"))] += 1
        else:
            other.append((op, a[i1:i2], b[j1:j2]))
    return found, other


def build(boardpack, meeting, out):
    p = subprocess.run([boardpack, "build", meeting, "--out", out], capture_output=True, text=True)
    if p.returncode != 0:
        print("FAIL: build failed\n" + p.stderr)
        sys.exit(1)


def main():
    boardpack, meeting = sys.argv[1], sys.argv[2]
    failures = 0
    with tempfile.TemporaryDirectory() as work:
        copy = os.path.join(work, "moede")
        shutil.copytree(meeting, copy)
        build(boardpack, copy, os.path.join(work, "before"))
        csv = os.path.join(copy, "19-budget-2024", "tabel-3.csv")
        data = open(csv, encoding="utf-8", newline="").read()
        changed = re.sub(r"^(Løn;[^;\r\n]*;)122\.100\.000", r"\g<1>123.100.000", data, flags=re.M)
        assert changed != data, "the cell to change was not found"
        open(csv, "w", encoding="utf-8", newline="").write(changed)
        build(boardpack, copy, os.path.join(work, "after"))
        for edition in ("offentlig", "lukket"):
            for kind, read in (("html", words_html), ("pdf", words_pdf)):
                name = f"{edition}/dagsorden-{edition}.{kind}"
                a = read(os.path.join(work, "before", "moede", edition, f"dagsorden-{edition}.{kind}"))
                b = read(os.path.join(work, "after", "moede", edition, f"dagsorden-{edition}.{kind}"))
                found, other = changes(a, b)
                if found == EXPECTED and not other:
                    print(f"ok   {name}: exactly the dependent figures changed ({sum(found.values())} words)")
                else:
                    failures += 1
                    print(f"FAIL {name}:")
                    for k in sorted(set(found) | set(EXPECTED)):
                        if found[k] != EXPECTED[k]:
                            print(f"       {k[0]} -> {k[1]}: {found[k]} times, expected {EXPECTED[k]}")
                    for o in other[:10]:
                        print(f"       also {o}")
        failures += chart_follows(boardpack, meeting, work)
    return 1 if failures else 0


def bars(html_path, figure_id, color):
    """The heights of the bars of one colour in a figure's SVG, left to right."""
    page = open(html_path, encoding="utf-8").read()
    start = page.index(f'<figure class="figur" id="{figure_id}">')
    svg = page[start:page.index("</svg>", start)]
    out = []
    for d in re.findall(r'<path d="M([^"]*) Z" fill="' + color + '"', svg):
        ys = [float(p.split()[1]) for p in d.split(" L")]
        xs = [float(p.split()[0]) for p in d.split(" L")]
        if max(xs) - min(xs) > 12:  # a bar, not the legend's swatch
            out.append((min(xs), round(max(ys) - min(ys), 2)))
    return [h for x, h in sorted(out)], svg


def chart_follows(boardpack, meeting, work):
    """A corrected cell moves its bar: item 9's waiting time to treatment in 2. kvt. 2023,
    43 -> 41 days, changes that bar (and its label and description), in both formats."""
    copy = os.path.join(work, "moede2")
    shutil.copytree(meeting, copy)
    build(boardpack, copy, os.path.join(work, "before2"))
    csv = os.path.join(copy, "09-akutplanen", "tabel-1.csv")
    data = open(csv, encoding="utf-8", newline="").read()
    changed = re.sub(r"^(Gennemsnitlig ventetid til behandling \(dage\);lavere;-;46;)43", r"\g<1>41", data, flags=re.M)
    assert changed != data, "the charted cell was not found"
    open(csv, "w", encoding="utf-8", newline="").write(changed)
    build(boardpack, copy, os.path.join(work, "after2"))
    failures = 0
    for edition in ("offentlig", "lukket"):
        h = lambda side: os.path.join(work, side, "moede2", edition, f"dagsorden-{edition}.html")
        before, svg_before = bars(h("before2"), "figur-9-1", "#0072b2")
        after, svg_after = bars(h("after2"), "figur-9-1", "#0072b2")
        other_before, _ = bars(h("before2"), "figur-9-1", "#d55e00")
        other_after, _ = bars(h("after2"), "figur-9-1", "#d55e00")
        ok = (len(before) == 2 and len(after) == 2 and before[0] == after[0] and other_before == other_after
              and abs(after[1] / before[1] - 41 / 43) < 0.01 and ">41 dage<" in svg_after and ">43 dage<" in svg_before
              and "2. kvt. 2023 41 dage" in svg_after)
        print(("ok  " if ok else "FAIL") + f" {edition}/dagsorden-{edition}.html: the bar moved with its cell "
              f"({before} -> {after}; the other series {other_before} -> {other_after})")
        failures += not ok
        p = lambda side: os.path.join(work, side, "moede2", edition, f"dagsorden-{edition}.pdf")
        a, b = " ".join(words_pdf(p("before2"))), " ".join(words_pdf(p("after2")))
        # Twice: the sentence quoting the cell ("fra 46 til 43 dage") and the bar's label.
        ok = a.count("41 dage") + 2 == b.count("41 dage") and b.count("43 dage") + 2 == a.count("43 dage")
        print(("ok  " if ok else "FAIL") + f" {edition}/dagsorden-{edition}.pdf: the text's and the chart's 43 dage became 41 dage")
        failures += not ok
    return failures


if __name__ == "__main__":
    sys.exit(main())

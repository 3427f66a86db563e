#!/usr/bin/env python3
"""The packet's typography (issue 11, point 6), read back from a small meeting made at run time:

- running text in the PDF is set on a measure of 70-85 characters (the full lines of a long
  paragraph, read with pdftotext: their mean 70-85, none longer than 85);
- bold is for totals only: the HTML marks as class="total" exactly the table's computed sums, or
  the rows it names with "total:", and not a computed index or a plain data row;
- in a numeric column of the PDF the digits line up: a footnote mark ("166 **") hangs after the
  number and the number ends its whole part where the others do, decimals follow on the comma
  (word positions from pdftotext -bbox).

usage: check.py BOARDPACK
"""
import html
import os
import re
import subprocess
import sys
import tempfile

failures = 0


def check(name, cond, detail=""):
    global failures
    print(("ok   " if cond else "FAIL ") + name + ("" if cond else "\n     " + str(detail)))
    failures += 0 if cond else 1


PARAGRAPH = " ".join([
    "Bestyrelsen drøftede på sit seneste møde udviklingen i antallet af speciallæger i regionerne,",
    "og sekretariatet blev bedt om at samle tallene for de seneste fem år i en oversigt, som kan",
    "danne grundlag for en beslutning om den videre indsats for lægedækning i hele landet.",
] * 3) + " Slut på afsnittet."

TABLE_CSV = """Post;Antal;Andel
Løn;1.140;6,25
Drift;166 **;13,1
Husleje;12;Ikke oplyst*
I alt:;;
Indeks;;
Afrundet total;1.318;19,4
"""


def meeting(folder, table_keys):
    item = os.path.join(folder, "01-punkt")
    os.makedirs(item)
    open(os.path.join(folder, "meeting.txt"), "w", encoding="utf-8").write(
        "organisation: Foreningen\norgan: Bestyrelsen\ndato: 2024-06-06\ntidspunkt: kl. 10\nsted: Her\npunkt: 01-punkt\n")
    open(os.path.join(item, "tal.csv"), "w", encoding="utf-8").write(TABLE_CSV)
    open(os.path.join(item, "item.md"), "w", encoding="utf-8").write(
        "---\nnummer: 1\nstatus: Offentlig\ntitel: Speciallæger\nsagsbehandler: Anna\nsagsnummer: EMN-2024-00001\n---\n\n"
        "# Resumé\n\nSekretariatet orienterer.\n\n# Indstilling\n\nDet indstilles,\n\nat orienteringen tages til efterretning.\n\n"
        "# Sagsfremstilling\n\n" + PARAGRAPH + "\n\n```tabel\nfil: tal.csv\ntitel: Tallene\n" + table_keys + "```\n")


def build(boardpack, work, name, table_keys):
    folder = os.path.join(work, name)
    meeting(folder, table_keys)
    r = subprocess.run([boardpack, "build", folder, "--out", os.path.join(work, "out")], capture_output=True, text=True)
    check(f"{name}: builds (exit 0)", r.returncode == 0, r.stderr)
    return os.path.join(work, "out", name, "offentlig", "dagsorden-offentlig")


def total_rows(html_file):
    page = open(html_file, encoding="utf-8").read()
    return [html.unescape(label) for label in re.findall(r'<tr class="total"><th scope="row">(.*?)</th>', page)]


def main():
    boardpack = sys.argv[1]
    with tempfile.TemporaryDirectory() as work:
        sums = "mangler: videre\nrække: I alt = sum(Løn .. Husleje)\nrække: Indeks = [I alt] / [Løn] * 100\n"
        base = build(boardpack, work, "standard", sums)
        if failures:
            return 1

        # The measure: every line of the long paragraph but its last.
        text = subprocess.run(["pdftotext", "-raw", base + ".pdf", "-"], capture_output=True, text=True).stdout
        lines = text.splitlines()
        start = next((i for i, l in enumerate(lines) if l.startswith("Bestyrelsen drøftede")), None)
        check("the paragraph is in the PDF", start is not None)
        if start is not None:
            end = next(i for i in range(start, len(lines)) if "Slut på afsnittet." in lines[i])
            lengths = [len(l) for l in lines[start:end]]  # the last line, lines[end], is short
            # Ragged right: a line ends short where the next word does not fit, so the measure
            # is the full lines' average; none may run longer.
            mean = sum(lengths) / max(1, len(lengths))
            check(f"running text is set on a measure of 70-85 characters (full lines {lengths}, mean {mean:.1f})",
                  len(lengths) >= 3 and 70 <= mean <= 85 and max(lengths) <= 85, lengths)

        check("by default the computed sum is the table's one total (not the computed index)",
              total_rows(base + ".html") == ["I alt:"], total_rows(base + ".html"))
        named = build(boardpack, work, "named", sums + "total: Afrundet total\n")
        check("\"total:\" makes the row it names the total instead",
              total_rows(named + ".html") == ["Afrundet total"], total_rows(named + ".html"))

        # Digits line up in the PDF: the right edges of the whole parts of 1.140, 166 and 12.
        bbox = subprocess.run(["pdftotext", "-bbox", base + ".pdf", "-"], capture_output=True, text=True).stdout
        words = [(html.unescape(m.group(5)), float(m.group(1)), float(m.group(3)))
                 for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', bbox)]
        x = {w: (x0, x1) for w, x0, x1 in words}
        if all(k in x for k in ("1.140", "166", "**", "12")):
            ends = [x["1.140"][1], x["166"][1], x["12"][1]]
            check(f"the numbers of a column end on one edge, the footnote mark after it ({ends})",
                  max(ends) - min(ends) < 0.6 and x["**"][0] > max(ends), ends)
        else:
            check("the table's numbers are in the PDF", False, sorted(x)[:40])
        if all(k in x for k in ("6,25", "13,1")):
            # Decimals on the comma: "6" of 6,25 and "13" of 13,1 end on one edge, so 13,1 ends
            # a digit's width left of 6,25.
            check("decimals line up on the comma (13,1 ends before 6,25)", x["13,1"][1] < x["6,25"][1] - 2,
                  (x["13,1"], x["6,25"]))
    print("typography: " + ("ok" if not failures else f"{failures} failure(s)"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

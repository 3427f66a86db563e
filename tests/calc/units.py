#!/usr/bin/env python3
"""Figures print right in both formats: builds small meetings generated here and checks the
figures as printed in dagsorden-<edition>.html and in the text of dagsorden-<edition>.pdf (pdftotext), and the
messages the build gives.

Each case names the point of issue 9 it covers. usage: units.py BOARDPACK
"""
import html
import os
import re
import subprocess
import sys
import tempfile

MEETING = """organisation: Testforeningen
organ: Bestyrelsen
dato: 2024-03-07
tidspunkt: kl. 9.00-11.00
sted: Mødelokale 1
punkt: 01-tal
"""

ITEM_HEAD = """---
nummer: 1
status: Offentlig
titel: Tal
sagsbehandler: Anna Andersen
sagsnummer: EMN-2024-00001
---

# Resumé

Tal til test.

# Sagsfremstilling

"""


def flat(text):
    return " ".join(text.split())


def html_text(path):
    s = open(path, encoding="utf-8").read()
    s = re.sub(r"<style.*?</style>", " ", s, flags=re.S)
    # Block tags and table cells separate words; inline tags (a figure's span) do not.
    s = re.sub(r"</?(td|th|tr|p|li|div|h[1-6]|table|caption|thead|tbody|br)\b[^>]*>", " ", s)
    s = re.sub(r"<[^>]+>", "", s)
    return flat(html.unescape(s))


def pdf_text(path):
    out = subprocess.run(["pdftotext", "-q", "-layout", path, "-"], capture_output=True, text=True).stdout
    return flat(out)


def build(boardpack, work, name, body, files):
    root = os.path.join(work, name, "2024-03-tal")
    os.makedirs(os.path.join(root, "01-tal"))
    with open(os.path.join(root, "meeting.txt"), "w", encoding="utf-8") as f:
        f.write(MEETING)
    with open(os.path.join(root, "01-tal", "item.md"), "w", encoding="utf-8") as f:
        f.write(ITEM_HEAD + body)
    for fname, content in files.items():
        with open(os.path.join(root, "01-tal", fname), "w", encoding="utf-8") as f:
            f.write(content)
    out = os.path.join(work, name, "out")
    r = subprocess.run([boardpack, "build", root, "--out", out], capture_output=True, text=True)
    return r, os.path.join(out, "2024-03-tal", "offentlig")


FAILURES = []


def check(name, cond, detail):
    if not cond:
        FAILURES.append(f"{name}: {detail}")


def run_case(boardpack, work, case):
    name = case["name"]
    r, edition = build(boardpack, work, name, case["body"], case.get("files", {}))
    want_exit = case.get("exit", 0)
    check(name, r.returncode == want_exit,
          f"exit {r.returncode}, want {want_exit}; stderr:\n{r.stderr}")
    for msg in case.get("messages", []):
        check(name, msg in r.stderr, f"message {msg!r} missing; stderr:\n{r.stderr}")
    for msg in case.get("no_messages", []):
        check(name, msg not in r.stderr, f"unexpected message {msg!r}; stderr:\n{r.stderr}")
    if want_exit != 0:
        return
    # pdftotext reads a narrow space in a table cell ("6 %") as none, so the PDF's text is
    # compared without spaces; the HTML's with them.
    texts = {"HTML": (html_text(os.path.join(edition, f"dagsorden-{os.path.basename(edition)}.html")), flat),
             "PDF": ("".join(pdf_text(os.path.join(edition, f"dagsorden-{os.path.basename(edition)}.pdf")).split()), lambda t: "".join(t.split()))}
    for fmt, (text, norm) in texts.items():
        for s in case.get("prints", []):
            check(name, norm(s) in text, f"{fmt} lacks {s!r}")
        for s in case.get("not_prints", []):
            check(name, norm(s) not in text, f"{fmt} has {s!r}")


CASES = []

# Issue 9, point 8: a figure ending in "." before the sentence's full stop prints one stop.
CASES.append({
    "name": "point8-one-stop",
    "body": """```beregning
navn: b
værdi: Beløb = 270000
værdi: Andel = 12,5
```

Overskuddet er {b[Beløb] | kr.}. Andelen er {b[Andel] | pct.}.
""",
    "prints": ["Overskuddet er 270.000 kr. Andelen er 12,5 pct."],
    "not_prints": ["kr.. Andelen", "pct.."],
})

# Issue 9, point 4: figures convert from the unit the table declares ("talenhed") to the one
# asked for; "mia. kr." exists; a non-zero figure that would print as zero is a warning.
CASES.append({
    "name": "point4-units",
    "files": {
        "mio.csv": "Post;2023\nDrift;11,5\nAnlæg;2,25\n",
        "kr.csv": "Post;2023\nDrift;2.500.000.000\nGebyr;30.000\n",
    },
    "body": """```tabel
fil: mio.csv
navn: mio
titel: Beløb i mio. kr.
talenhed: mio. kr.
række: I alt = Drift + Anlæg
```

```tabel
fil: kr.csv
navn: kroner
titel: Beløb i kr.
```

Driften koster {mio[Drift; 2023] | mio. kr.} og i alt {mio[I alt; 2023] | mio. kr.} eller {mio[Drift; 2023] | kr.} eller {mio[Drift; 2023] | mia. kr., decimaler 4} eller {mio[Drift; 2023] - mio[Anlæg; 2023] | mio. kr.}

Det store beløb er {kroner[Drift; 2023] | mia. kr.} og {kroner[Drift; 2023] | mio. kr.}

Gebyret er {kroner[Gebyr; 2023] | mio. kr.} i alt.
""",
    "prints": ["Driften koster 11,5 mio. kr. og i alt 13,75 mio. kr. eller 11.500.000 kr. eller 0,0115 mia. kr. eller 9,25 mio. kr.",
               "Det store beløb er 2,5 mia. kr. og 2.500,0 mio. kr.",
               "Gebyret er 0,0 mio. kr. i alt."],
    "not_prints": ["0,0 mio. kr. og i alt"],
    "messages": ["warning: the figure \"{kroner[Gebyr; 2023] | mio. kr.}\" is not zero but prints as \"0,0 mio. kr.\""],
})

CASES.append({
    "name": "point4-mixed-units",
    "files": {
        "mio.csv": "Post;2023\nDrift;11,5\n",
        "kr.csv": "Post;2023\nDrift;2.500.000\n",
    },
    "body": """```tabel
fil: mio.csv
navn: mio
titel: Beløb i mio. kr.
talenhed: mio. kr.
```

```tabel
fil: kr.csv
navn: kroner
titel: Beløb i kr.
```

I alt {mio[Drift; 2023] + kroner[Drift; 2023] | mio. kr.}
""",
    "exit": 1,
    "messages": ["item.md:28:8: error: the figure quotes tables whose figures are in different units"],
})

# Issue 9, point 9: a computed cell among figures written "6 %" prints "6 %" too (a difference of
# two, "2 pct.-point"), in the table and when the text quotes it.
CASES.append({
    "name": "point9-percent",
    "files": {"andel.csv": "Region;2022;2023\nNord;6 %;8 %\nSyd;12 %;9 %\n"},
    "body": """```tabel
fil: andel.csv
navn: andel
titel: Andel
række: I alt = Nord + Syd
kolonne: Forskel = [2023] - [2022]
```

Samlet {andel[I alt; 2023]} og for Nord {andel[Nord; Forskel]}.
""",
    # The difference of two shares is in percentage points: "2 %" would be 2 % of 6 % (0,12 points).
    "prints": ["Nord 6 % 8 % 2 pct.-point", "Syd 12 % 9 % -3 pct.-point", "I alt 18 % 17 % -1 pct.-point",
               "Samlet 17 % og for Nord 2 pct.-point."],
    "not_prints": ["6 pct.", "I alt 18 17", "8 % 2 %"],
})

# Issue 9, point 3: cells as Excel formats them are read as the number with its unit; an amount
# in another unit than the table's is an error at that exact cell.
CASES.append({
    "name": "point3-excel-cells",
    "files": {"excel.csv": "Post;Beløb;Andel;Sats\nLøn;3.400.000 kr.;73 %;12,5 pct.\nHusleje;600.000 kr.;27 %;2,5 pct.\n"},
    "body": """```tabel
fil: excel.csv
navn: excel
titel: Fra Excel
række: I alt = Løn + Husleje
```

Lønnen er {excel[Løn; Beløb] | mio. kr.} og i alt {excel[I alt; Beløb] | kr.}, andelen {excel[Løn; Andel]} og satsen i alt {excel[I alt; Sats]}.
""",
    "prints": ["Løn 3.400.000 kr. 73 % 12,5 pct.", "I alt 4.000.000 100 % 15,0 pct.",
               "Lønnen er 3,4 mio. kr. og i alt 4.000.000 kr., andelen 73 % og satsen i alt 15,0 pct."],
})

CASES.append({
    "name": "point3-wrong-unit",
    "files": {"excel.csv": "Post;Beløb\nLøn;3.400.000 kr.\nHusleje;0,6 mio. kr.\n"},
    "body": """```tabel
fil: excel.csv
navn: excel
titel: Fra Excel
række: I alt = Løn + Husleje
```
""",
    "exit": 1,
    "messages": ["excel.csv:3:9: error: \"0,6 mio. kr.\" is in mio. kr. but the table's figures are in kr."],
})

CASES.append({
    "name": "point3-unreadable-cell",
    "files": {"excel.csv": "Post;Beløb\nLøn;3.400.000\nHusleje;600.000 DKK\nØvrigt;100.000\n"},
    "body": """```tabel
fil: excel.csv
navn: excel
titel: Fra Excel
række: I alt = Løn + Husleje + Øvrigt
```
""",
    "exit": 1,
    "messages": ["excel.csv:3:9: error: \"600.000 DKK\" is not a number boardpack can read, in a column of numbers"],
    "no_messages": ["item.md"],
})


# Issue 9, point 2: a "-" reached through another table, a beregning block or a figure that
# computes with it is an error at the input cell (naming the formula), unless the block that
# computes says "mangler: videre"; a figure that only quotes the cell prints what the table prints.
DASH_CSV = {"a.csv": "Post;2023\nLøn;100\nHusleje;-\n", "b.csv": "Post;2023\nX;5\n"}
DASH_TABLE_A = """```tabel
fil: a.csv
navn: a
titel: Med en streg
```

"""

CASES.append({
    "name": "point2-dash-through-another-table",
    "files": DASH_CSV,
    "body": DASH_TABLE_A + """```tabel
fil: b.csv
navn: b
titel: Bruger a
tilføj: nederst
række: Sum = X + a[Husleje; 2023]
```
""",
    "exit": 1,
    "messages": ['a.csv:3:9: error: the cell a[Husleje; 2023] holds "-", not a number, but the formula '
                 '"Sum = X + a[Husleje; 2023]"', ": 1 error(s)"],
    "no_messages": ["item.md:26:14: error"],
})

CASES.append({
    "name": "point2-dash-through-another-table-videre",
    "files": DASH_CSV,
    "body": DASH_TABLE_A + """```tabel
fil: b.csv
navn: b
titel: Bruger a
tilføj: nederst
mangler: videre
række: Sum = X + a[Husleje; 2023]
```

Summen er {b[Sum; 2023]}.
""",
    "prints": ["Sum -", "Summen er -."],
})

CASES.append({
    "name": "point2-dash-into-beregning",
    "files": DASH_CSV,
    "body": DASH_TABLE_A + """```beregning
navn: v
værdi: Dobbelt = a[Husleje; 2023] * 2
```

Det dobbelte er {v[Dobbelt] | kr.}.
""",
    "exit": 1,
    # The figure that quotes the failed value only follows from that error: one note under it.
    "messages": ['a.csv:3:9: error: the cell a[Husleje; 2023] holds "-", not a number, but the formula '
                 '"Dobbelt = a[Husleje; 2023] * 2"', 'a.csv:3:9: note: 1 more problem follows from this error',
                 ": 1 error(s)"],
    "no_messages": ["item.md:26:18: error"],
})

CASES.append({
    "name": "point2-dash-into-beregning-videre",
    "files": DASH_CSV,
    "body": DASH_TABLE_A + """```beregning
navn: v
mangler: videre
værdi: Dobbelt = a[Husleje; 2023] * 2
```

Det dobbelte er {v[Dobbelt] | kr.}, og huslejen er {a[Husleje; 2023]}.
""",
    "prints": ["Det dobbelte er -, og huslejen er -."],
})

# A figure that quotes a cell with no number prints it as the table does, with a warning at the
# figure: "Huslejen er - kr." is no figure for a reader, and the unit asked for is not printed.
CASES.append({
    "name": "point2-quoted-dash-warns",
    "files": DASH_CSV,
    "body": DASH_TABLE_A + """Huslejen er {a[Husleje; 2023]} kr., eller {a[Husleje; 2023] | mio. kr.}, og lønnen {a[Løn; 2023]} kr.
""",
    "prints": ["Huslejen er - kr., eller -, og lønnen 100 kr."],
    "messages": ['item.md:21:14: warning: the figure "{a[Husleje; 2023]}" quotes a[Husleje; 2023], which holds "-", no '
                 'number: the text shows "-" where a reader expects a figure',
                 'item.md:21:44: warning: the figure "{a[Husleje; 2023] | mio. kr.}" quotes a[Husleje; 2023], which '
                 'holds "-", no number: the text shows "-", without the unit "mio. kr." the figure asks for'],
})

CASES.append({
    "name": "point2-figure-computing-with-a-dash",
    "files": DASH_CSV,
    "body": DASH_TABLE_A + """Huslejen plus lønnen er {a[Husleje; 2023] + a[Løn; 2023] | kr.}.
""",
    "exit": 1,
    "messages": ['item.md:21:26: error: a[Husleje; 2023] is "-", not a number, but the figure '
                 '"{a[Husleje; 2023] + a[Løn; 2023] | kr.}" computes with it'],
})

CASES.append({
    "name": "point2-computed-dash-into-a-table-that-does-not-allow-it",
    "files": {"a.csv": "Post;2023\nLøn;100\nHusleje;-\n", "b.csv": "Post;2023\nX;5\n"},
    "body": """```tabel
fil: a.csv
navn: a
titel: Med en streg
mangler: videre
tilføj: nederst
række: I alt = Løn + Husleje
```

```tabel
fil: b.csv
navn: b
titel: Bruger a
tilføj: nederst
række: Sum = X + a[I alt; 2023]
```
""",
    "exit": 1,
    "messages": ['error: a[I alt; 2023] is "-" (computed from a figure that is not available in its table), but this '
                 'formula needs a number'],
})


# Issue 9, point 4: a table shown in mio. kr. converts its amounts, not its shares, and a
# non-zero amount that would print as 0,0 is a warning at its cell.
CASES.append({
    "name": "point4-mio-table-shares-and-tiny-amounts",
    "files": {"mio2.csv": "Post;Beløb;Andel\nDrift;2.500.000;6 %\nGebyr;30.000;1 %\n"},
    "body": """```tabel
fil: mio2.csv
navn: mio2
titel: Beløb i mio. kr.
talenhed: kr.
enhed: mio. kr.
```
""",
    "messages": ['mio2.csv:3:7: warning: the amount 30.000 kr. for "Gebyr" / "Beløb" prints as "0,0" in this table in mio. kr.'],
    "prints": ["Drift 2,5 6 %", "Gebyr 0,0 1 %"],
    "not_prints": ["0,0 %"],
})


def main():
    boardpack = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as work:
        for case in CASES:
            run_case(boardpack, work, case)
    for f in FAILURES:
        print("FAIL " + f)
    print(f"{len(CASES)} cases, {len(FAILURES)} failures")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())

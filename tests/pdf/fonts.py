#!/usr/bin/env python3
"""The PDF's fonts (issue 10, point 4): only the faces a packet prints with are embedded, each as
a true subset of the glyphs it prints, the text still extracts, and no temporary font file is left.

Builds small meetings made at run time, one without emphasis or code and one with both, and
reads the embedded fonts with pikepdf.

usage: fonts.py BOARDPACK
"""
import os
import struct
import subprocess
import sys
import tempfile

import pikepdf

failures = 0


def check(name, cond, detail=""):
    global failures
    print(("ok   " if cond else "FAIL ") + name + ("" if cond else "\n     " + str(detail)))
    failures += 0 if cond else 1


def meeting(folder, body):
    os.makedirs(os.path.join(folder, "01-punkt"))
    open(os.path.join(folder, "meeting.txt"), "w", encoding="utf-8").write(
        "organisation: Foreningen\norgan: Bestyrelsen\ndato: 2024-06-06\ntidspunkt: kl. 10\nsted: Her\npunkt: 01-punkt\n")
    open(os.path.join(folder, "01-punkt", "item.md"), "w", encoding="utf-8").write(
        "---\nnummer: 1\nstatus: Offentlig\ntitel: Budget\nsagsbehandler: Anna\nsagsnummer: EMN-2024-00001\n---\n\n"
        "# Resumé\n\nSekretariatet fremlægger budgettet.\n\n# Indstilling\n\nDet indstilles,\n\nat det godkendes.\n\n"
        "# Sagsfremstilling\n\n" + body + "\n")


def tables(font_program):
    count = struct.unpack(">H", font_program[4:6])[0]
    out = {}
    for i in range(count):
        rec = font_program[12 + 16 * i:28 + 16 * i]
        out[rec[:4].decode("latin-1")] = struct.unpack(">II", rec[8:16])
    return out


def glyph_count(font_program):
    offset, _ = tables(font_program)["maxp"]
    return struct.unpack(">H", font_program[offset + 4:offset + 6])[0]


def fonts(pdf_path):
    """{BaseFont without the subset tag: (number of glyphs, bytes of the font program)}."""
    out = {}
    with pikepdf.open(pdf_path) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/Font":
                program = obj.FontDescriptor.FontFile2.read_bytes()
                out[str(obj.BaseFont).split("+", 1)[-1]] = (glyph_count(program), len(program))
    return out


def build(boardpack, work, name, body):
    folder = os.path.join(work, name)
    meeting(folder, body)
    tmp = os.path.join(work, "tmp-" + name)
    os.makedirs(tmp)
    p = subprocess.run([boardpack, "build", folder, "--out", os.path.join(work, "out")], capture_output=True,
                       text=True, env=dict(os.environ, TMPDIR=tmp))
    check(f"{name}: builds", p.returncode == 0, p.stderr)
    check(f"{name}: no temporary font file is left", os.listdir(tmp) == [], os.listdir(tmp))
    pdf = os.path.join(work, "out", name, "offentlig", "dagsorden-offentlig.pdf")
    text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
    return fonts(pdf), text


def main():
    boardpack = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as work:
        plain, text = build(boardpack, work, "2024-06-plain", "Budgettet bygger på tre forudsætninger.")
        names = sorted(plain)
        check("plain: no italic face is embedded", not any("Italic" in n for n in names), names)
        check("plain: no monospace face is embedded", not any("Mono" in n for n in names), names)
        check("plain: the regular face is embedded", "Carlito" in names, names)
        check("plain: the text extracts", "Budgettet bygger på tre forudsætninger." in text, text)
        for name, (glyphs, size) in plain.items():
            # Carlito has over 2.000 glyphs; a page of Danish text prints well under 100 distinct characters.
            check(f"plain: {name} is a true subset ({glyphs} glyphs, {size} bytes)", glyphs < 100 and size < 20000)

        marked, text = build(boardpack, work, "2024-06-marked", "Budgettet er *foreløbigt*, se `kode-42`.")
        names = sorted(marked)
        check("emphasis: the italic face is embedded", "Carlito-Italic,Italic" in names, names)
        check("code: the monospace face is embedded", any("DejaVuSansMono" in n for n in names), names)
        check("emphasis and code: the text extracts", "foreløbigt" in text and "kode-42" in text, text)
        italic = marked.get("Carlito-Italic,Italic", (0, 0))
        # "foreløbigt" has 9 distinct letters: its subset has them, .notdef, and no more than a few others.
        check(f"emphasis: the italic subset holds the glyphs of one word ({italic[0]})", 0 < italic[0] <= 12)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()

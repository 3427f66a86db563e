#!/usr/bin/env python3
"""PDF attachments (issue 12, points 1-6), on a meeting made at run time with PDFs made here.

- the packet of each edition: the agenda and items, then the attachments of the items it shows
  in agenda order (page count and order), the stamp on each attachment's first page, page
  numbers going on through them ("Side M af M" on the last), the agenda and the item's Bilag
  list giving the attachment's first page and linking to it, each attachment's bookmark under
  its item;
- bilag/<item>-<n>-<slug>.pdf in each edition's folder, linked from the HTML;
- untrusted input: JavaScript, a launch link, an embedded file, the document information and
  XMP of an attachment reach no output (a note says what was removed), an untagged attachment
  gives a warning naming its file, the merged packet does not claim PDF/UA; encrypted,
  truncated, 0-byte, PNG-renamed and garbage files are errors naming the item line with the
  reason;
- confidentiality: a confidential item's attachment (text, metadata, file name, title) is
  nowhere in the public edition, and is in the closed one.

usage: check.py BOARDPACK
"""
import os
import re
import resource
import subprocess
import sys
import tempfile
import zlib

import pikepdf

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_pdf import make_pdf  # noqa: E402

failures = 0


def check(name, cond, detail=""):
    global failures
    print(("ok   " if cond else "FAIL ") + name + ("" if cond else "\n     " + str(detail)[:1500]))
    failures += 0 if cond else 1


MEETING = """organisation: Testregion
organ: Bestyrelsen
dato: 2024-03-07
tidspunkt: kl. 10.00-12.00
sted: Huset
punkt: 01-brev
punkt: 02-fortroligt
punkt: 03-notat
"""


def item(number, status, title, bilag):
    lines = [l for l in bilag]
    return ("---\nnummer: %d\nstatus: %s\ntitel: %s\nsagsbehandler: Jens Jensen\nsagsnummer: EMN-2024-0000%d\n%s---\n\n"
            "# Resumé\n\nEt resumé af punktet.\n\n# Indstilling\n\nDet indstilles, at bestyrelsen tager det til efterretning.\n"
            % (number, status, title, number, "".join("bilag: %s\n" % l for l in lines)))


XMP = ('<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
       'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" '
       'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Xmpkanarie-X1</dc:creator></rdf:Description>'
       '</rdf:RDF></x:xmpmeta><?xpacket end="w"?>')


def write_meeting(root, brev=None, brev_name="brev.pdf", brev_line=None):
    os.makedirs(root)
    open(os.path.join(root, "meeting.txt"), "w").write(MEETING)
    folders = {"01-brev": None, "02-fortroligt": None, "03-notat": None}
    for f in folders:
        os.makedirs(os.path.join(root, f))
    if brev is None:
        brev = make_pdf(["BREVTEKST side 1", "BREVTEKST side 2"], info={"Author": "Metakanarie-M1", "Title": "Metatitel-M2"},
                        xmp=XMP, javascript="app.alert('JSKANARIE')", embedded=("indlejret.txt", "EMBEDKANARIE"),
                        launch="calc.exe")
    open(os.path.join(root, "01-brev", brev_name), "wb").write(brev)
    open(os.path.join(root, "01-brev", "item.md"), "w").write(item(
        1, "Offentlig", "Høring om akutplanen",
        [brev_line or "Høringssvar fra Region Test | 1234567 | %s | 2024-02-28" % brev_name]))
    open(os.path.join(root, "02-fortroligt", "kanarie-fil-K2.pdf"), "wb").write(
        make_pdf(["Kanarietekst-K3"], info={"Title": "Kanariemeta-K4"}))
    open(os.path.join(root, "02-fortroligt", "item.md"), "w").write(item(
        2, "Fortrolig", "Personalesag", ["Kanarietitel-K1 | 7777777 | kanarie-fil-K2.pdf"]))
    open(os.path.join(root, "03-notat", "notat.pdf"), "wb").write(make_pdf(["NOTATTEKST"], tagged=True))
    open(os.path.join(root, "03-notat", "item.md"), "w").write(item(3, "Offentlig", "Notat om økonomi",
                                                                     ["Notat | 555 | notat.pdf"]))


def pages_text(pdf):
    n = len(pikepdf.open(pdf).pages)
    return [subprocess.run(["pdftotext", "-q", "-layout", "-f", str(p), "-l", str(p), pdf, "-"], capture_output=True,
                           text=True).stdout for p in range(1, n + 1)]


def page_index(pdf, dest):
    """The 1-based page a destination (explicit array or name) points to."""
    if isinstance(dest, (pikepdf.String, pikepdf.Name, str)):
        name = str(dest)
        names = pikepdf.NameTree(pdf.Root.Names.Dests) if "/Names" in pdf.Root and "/Dests" in pdf.Root.Names else None
        dest = names[name] if names is not None and name in names else pdf.Root.Dests[pikepdf.Name("/" + name)]
    if isinstance(dest, pikepdf.Dictionary):
        dest = dest.D
    for i, p in enumerate(pdf.pages, 1):
        if p.objgen == dest[0].objgen:
            return i
    return 0


def link_targets(pdf, page):
    out = []
    for a in pdf.pages[page - 1].get("/Annots", []):
        if a.get("/Subtype") != "/Link":
            continue
        dest = a.get("/Dest") if "/Dest" in a else (a.A.get("/D") if "/A" in a else None)
        if dest is not None:
            out.append(page_index(pdf, dest))
    return out


def qdf(pdf, work):
    out = os.path.join(work, os.path.basename(pdf) + ".qdf")
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", pdf, out], check=True, capture_output=True)
    return open(out, "rb").read().decode("latin-1")


def check_packet(boardpack, work):
    meeting = os.path.join(work, "in", "2024-03-test")
    write_meeting(meeting)
    out = os.path.join(work, "out")
    p = subprocess.run([boardpack, "build", meeting, "--out", out], capture_output=True, text=True)
    check("the meeting with PDF attachments builds", p.returncode == 0, p.stderr)
    if p.returncode != 0:
        return
    err = p.stderr
    check("a note names what was removed from the letter, at its bilag: line",
          re.search(r"01-brev/item\.md:7:\d+: note: .*JavaScript.*embedded files", err), err)
    check("an untagged attachment is warned about, naming its file",
          re.search(r"01-brev/item\.md:7:\d+: warning: .*brev\.pdf.*not a tagged PDF", err), err)
    check("a tagged attachment is not warned about", "notat.pdf" not in err, err)
    packet = os.path.join(out, "2024-03-test")
    for edition, expect in (("offentlig", ["BREVTEKST side 1", "BREVTEKST side 2", "NOTATTEKST"]),
                            ("lukket", ["BREVTEKST side 1", "BREVTEKST side 2", "Kanarietekst-K3", "NOTATTEKST"])):
        path = os.path.join(packet, edition, "dagsorden-%s.pdf" % edition)
        texts = pages_text(path)
        total = len(texts)
        tail = texts[-len(expect):]
        check(f"{edition}: the attachments' pages end the packet in agenda order",
              all(e in t for e, t in zip(expect, tail)) and not any(e in t for e in expect for t in texts[:-len(expect)]),
              [t[:80] for t in texts])
        first = total - len(expect) + 1  # the letter's first page
        check(f"{edition}: the stamp on the letter's first page",
              all(s in texts[first - 1] for s in ("Bilag 1 til punkt 1", "28. februar 2024", "Sag EMN-2024-00001",
                                                  "Dok. 1234567", "Sagsbehandler: Jens Jensen")), texts[first - 1])
        check(f"{edition}: no stamp on the letter's second page", "Bilag 1 til punkt 1" not in texts[first], texts[first])
        check(f"{edition}: page numbers go on through the attachments",
              f"Side {total} af {total}" in texts[-1] and f"Side {first} af {total}" in texts[first - 1], texts[-1])
        agenda = texts[0]
        check(f"{edition}: the agenda gives the letter's page",
              re.search(r"Bilag 1: Høringssvar fra Region Test\s+%d\s*$" % first, agenda, re.M), agenda)
        item_page = next(i for i, t in enumerate(texts, 1) if i > 1 and "Høring om akutplanen" in t)
        check(f"{edition}: the item's Bilag list gives the letter's page",
              re.search(r"Høringssvar fra Region Test \(1234567 - EMN-2024-00001\)\s+%d\s*$" % first, texts[item_page - 1], re.M),
              texts[item_page - 1])
        pdf = pikepdf.open(path)
        check(f"{edition}: the agenda links to the letter's first page", first in link_targets(pdf, 1), link_targets(pdf, 1))
        check(f"{edition}: the Bilag list links to the letter's first page", first in link_targets(pdf, item_page),
              link_targets(pdf, item_page))
        with pdf.open_outline() as outline:
            items = {o.title: o for o in outline.root}
            entry = next((o for t, o in items.items() if t.startswith("1 (Offentlig)")), None)
            child = entry and next((c for c in entry.children if c.title.startswith("Bilag 1: Høringssvar")), None)
            check(f"{edition}: the letter's bookmark is under its item and opens its first page",
                  child is not None and page_index(pdf, child.destination) == first,
                  [(t, [c.title for c in o.children]) for t, o in items.items()])
        raw = qdf(path, work)
        check(f"{edition}: the merged packet does not claim PDF/UA or PDF/A", "pdfuaid:part" not in raw and
              "pdfaid:part" not in raw)
        bilag = sorted(os.listdir(os.path.join(packet, edition, "bilag")))
        want = ["1-1-hoeringssvar-fra-region-test.pdf", "3-1-notat.pdf"]
        if edition == "lukket":
            want = ["1-1-hoeringssvar-fra-region-test.pdf", "2-1-kanarietitel-k1.pdf", "3-1-notat.pdf"]
        check(f"{edition}: bilag/ holds the attachments the edition shows", bilag == want, bilag)
        html = open(os.path.join(packet, edition, "dagsorden-%s.html" % edition), encoding="utf-8").read()
        check(f"{edition}: the HTML links each to its file", all(f'href="bilag/{b}"' in html for b in want), html[-3000:])
        letter = os.path.join(packet, edition, "bilag", want[0])
        check(f"{edition}: bilag/ file is the letter's pages", [t.strip() for t in pages_text(letter)] ==
              ["BREVTEKST side 1", "BREVTEKST side 2"], pages_text(letter))
        files = [path] + [os.path.join(packet, edition, "bilag", b) for b in bilag]
        for f in files:
            raw = qdf(f, work)
            bad = [w for w in ("/JavaScript", "/JS ", "/Launch", "/EmbeddedFile", "JSKANARIE", "EMBEDKANARIE", "calc.exe",
                               "Metakanarie-M1", "Metatitel-M2", "Xmpkanarie-X1", "Kanariemeta-K4") if w in raw]
            check(f"{edition}: {os.path.basename(f)} carries no active content or attachment metadata", not bad, bad)
        # Confidentiality: the confidential item's attachment (text, title, file name, metadata).
        hay = "\n".join([html] + texts + [qdf(f, work) for f in files] + bilag)
        canaries = ("Kanarietitel-K1", "kanarie-fil-K2", "Kanarietekst-K3", "kanarietitel-k1", "7777777")
        found = [c for c in canaries if c in hay]
        if edition == "offentlig":
            check("public: nothing of the confidential item's attachment", not found, found)
        else:
            check("closed: the confidential item's attachment is there (the search finds it)",
                  {"Kanarietitel-K1", "Kanarietekst-K3", "kanarietitel-k1", "7777777"} <= set(found), found)
    # A packet with bilag/ is boardpack's own: built again over it, it is replaced; a file someone
    # put into bilag/ makes boardpack refuse to replace it (it would delete that file).
    p = subprocess.run([boardpack, "build", meeting, "--out", out], capture_output=True, text=True)
    check("a packet with bilag/ is replaced when built again", p.returncode == 0, p.stderr)
    out3 = os.path.join(work, "out3")
    subprocess.run([boardpack, "build", meeting, "--out", out3], capture_output=True, check=True)
    open(os.path.join(out3, "2024-03-test", "offentlig", "bilag", "mine.txt"), "w").write("x")
    p = subprocess.run([boardpack, "build", meeting, "--out", out3], capture_output=True, text=True)
    check("a foreign file in bilag/ is not deleted: the build refuses (exit 3)",
          p.returncode == 3 and os.path.exists(os.path.join(out3, "2024-03-test", "offentlig", "bilag", "mine.txt")), p.stderr)
    # Deterministic: a second build gives the same bytes.
    out2 = os.path.join(work, "out2")
    subprocess.run([boardpack, "build", meeting, "--out", out2], capture_output=True, check=True)
    same = all(open(os.path.join(d, "2024-03-test", "offentlig", "dagsorden-offentlig.pdf"), "rb").read() ==
               open(os.path.join(out, "2024-03-test", "offentlig", "dagsorden-offentlig.pdf"), "rb").read() for d in [out2])
    check("the merged packet is the same byte for byte when built again", same)


def encrypted(work):
    plain = os.path.join(work, "plain.pdf")
    enc = os.path.join(work, "enc.pdf")
    open(plain, "wb").write(make_pdf(["secret"]))
    subprocess.run(["qpdf", "--encrypt", "u", "o", "256", "--", plain, enc], check=True)
    return open(enc, "rb").read()


def owner_only(work):
    """A PDF with an owner password only: it opens without one, its permissions restricted."""
    plain = os.path.join(work, "plain-owner.pdf")
    enc = os.path.join(work, "enc-owner.pdf")
    open(plain, "wb").write(make_pdf(["secret"]))
    subprocess.run(["qpdf", "--encrypt", "", "o", "256", "--print=none", "--", plain, enc], check=True)
    return open(enc, "rb").read()


def short_size_letter():
    """The letter with a trailer /Size short of its highest object number plus one, as pdfunite
    writes it: qpdf only warns, viewers open it."""
    good = make_pdf(["BREVTEKST side 1", "BREVTEKST side 2"])
    return re.sub(rb"/Size \d+", b"/Size 3", good)


def pikepdf_bytes(pdf):
    import io
    buf = io.BytesIO()
    pdf.save(buf)
    return buf.getvalue()


def rotated_letter():
    """The letter with its first page turned a quarter (/Rotate 90) and its second landscape."""
    pdf = pikepdf.open(__import__("io").BytesIO(make_pdf(["BREVTEKST side 1", "BREVTEKST side 2"])))
    pdf.pages[0].Rotate = 90
    pdf.pages[1].MediaBox = pikepdf.Array([0, 0, 1000, 842])
    return pikepdf_bytes(pdf)


def looping_letter(fan_out):
    """A letter whose page resources hold arrays that refer to themselves (fan_out 0: an array
    holding itself) or, fanning out, a chain of arrays each holding the one before many times
    (copied where each is used, they would be thousands of millions of entries)."""
    pdf = pikepdf.open(__import__("io").BytesIO(make_pdf(["BREVTEKST side 1"])))
    if fan_out == 0:
        a = pdf.make_indirect(pikepdf.Array([1]))
        a.append(a)
    else:
        a = pdf.make_indirect(pikepdf.Array([pikepdf.Name("/Bund")]))
        for _ in range(9):
            a = pdf.make_indirect(pikepdf.Array([a] * fan_out))
    pdf.pages[0].Resources.Properties = pikepdf.Dictionary({"/Loop": a})
    return pikepdf_bytes(pdf)


def annotated_letter():
    """The letter with a filled-in form field, a stamp and a hidden stamp on its first page, each
    with its appearance (what a viewer draws)."""
    import io
    pdf = pikepdf.open(io.BytesIO(make_pdf(["BREVTEKST side 1"])))
    font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica))

    def appearance(text):
        s = pikepdf.Stream(pdf, ("BT /Helv 12 Tf 2 4 Td (%s) Tj ET" % text).encode())
        s.Type, s.Subtype = pikepdf.Name.XObject, pikepdf.Name.Form
        s.BBox = pikepdf.Array([0, 0, 200, 20])
        s.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(Helv=font))
        return s

    def annot(subtype, rect, flags, text, **more):
        return pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=subtype, Rect=pikepdf.Array(rect),
                                                    F=flags, AP=pikepdf.Dictionary(N=appearance(text)), **more))
    field = annot(pikepdf.Name.Widget, [100, 600, 300, 620], 4, "FELTVAERDI", FT=pikepdf.Name.Tx,
                  T=pikepdf.String("navn"), V=pikepdf.String("FELTVAERDI"))
    stamp = annot(pikepdf.Name.Stamp, [100, 550, 300, 570], 4, "STEMPELTEKST")
    hidden = annot(pikepdf.Name.Stamp, [100, 500, 300, 520], 2, "SKJULTSTEMPEL")
    pdf.pages[0].Annots = pdf.make_indirect(pikepdf.Array([field, stamp, hidden]))
    pdf.Root.AcroForm = pikepdf.Dictionary(Fields=pikepdf.Array([field]))
    return pikepdf_bytes(pdf)


def built_letter(boardpack, work, name, letter, what):
    """A meeting whose one item has `letter` as its PDF attachment, built into work/<name>-out:
    that folder, or None (and `what` failed) if the build did not succeed."""
    meeting = os.path.join(work, name, "2024-03-test")
    write_meeting(meeting, brev=letter)
    out = os.path.join(work, name + "-out")
    p = subprocess.run([boardpack, "build", meeting, "--out", out], capture_output=True, text=True)
    check(what, p.returncode == 0, p.stderr)
    return out if p.returncode == 0 else None


def public_pdfs(out):
    """The public packet and the letter's bilag/ file of a meeting built_letter built."""
    edition = os.path.join(out, "2024-03-test", "offentlig")
    return os.path.join(edition, "dagsorden-offentlig.pdf"), os.path.join(edition, "bilag", "1-1-hoeringssvar-fra-region-test.pdf")


def check_annotations(boardpack, work):
    """What a viewer shows of an attachment's annotations (a filled-in field, a stamp) is drawn on
    its page in the packet, a hidden one is not; the bilag/ file keeps the field as a field."""
    out = built_letter(boardpack, work, "annotated", annotated_letter(), "a letter with a form field and stamps builds")
    if out is None:
        return
    texts = pages_text(os.path.join(out, "2024-03-test", "offentlig", "dagsorden-offentlig.pdf"))
    page = next((t for t in texts if "BREVTEKST side 1" in t), "")
    check("the field's value and the stamp are on the letter's page in the packet",
          "FELTVAERDI" in page and "STEMPELTEKST" in page, page)
    check("the hidden stamp is not", "SKJULTSTEMPEL" not in "".join(texts))
    own = pikepdf.open(os.path.join(out, "2024-03-test", "offentlig", "bilag", "1-1-hoeringssvar-fra-region-test.pdf"))
    check("the bilag/ file keeps the form field as a field",
          any(a.get("/Subtype") == "/Widget" for a in own.pages[0].get("/Annots", [])))


def layered_letter():
    """The letter with layers its default configuration hides (/OCProperties /D /OFF, and one
    hidden by /BaseState /OFF in an OCMD): marked text on its page, a form the page draws, and a
    stamp annotation in a hidden layer, beside text and a stamp in a layer that is on."""
    import io
    pdf = pikepdf.open(io.BytesIO(make_pdf(["BREVTEKST side 1"])))
    page = pdf.pages[0]
    font = page.Resources.Font.F1
    off = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.OCG, Name=pikepdf.String("Kladde")))
    on = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.OCG, Name=pikepdf.String("Synlig")))
    ocmd = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.OCMD, OCGs=pikepdf.Array([off]),
                                                P=pikepdf.Name.AllOn))

    def form(text, **more):
        s = pikepdf.Stream(pdf, ("BT /F1 12 Tf 2 4 Td (%s) Tj ET" % text).encode())
        s.Type, s.Subtype = pikepdf.Name.XObject, pikepdf.Name.Form
        s.BBox = pikepdf.Array([0, 0, 200, 20])
        s.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
        for k, v in more.items():
            s[pikepdf.Name("/" + k)] = v
        return pdf.make_indirect(s)

    page.Resources.Properties = pikepdf.Dictionary(oc1=off, oc2=on, oc3=ocmd)
    page.Resources.XObject = pikepdf.Dictionary(X1=form("SKJULTFORM", OC=off), X2=form("SYNLIGFORM"))
    page.contents_add(pdf.make_stream(
        b"/OC /oc1 BDC BT /F1 12 Tf 72 600 Td (SKJULTLAG) Tj ET 0 0 m 100 100 l S EMC\n"
        b"/OC /oc3 BDC BT /F1 12 Tf 72 580 Td (SKJULTOCMD) Tj ET EMC\n"
        b"/OC /oc2 BDC BT /F1 12 Tf 72 560 Td (SYNLIGTLAG) Tj ET EMC\n"
        b"q 1 0 0 1 72 500 cm /X1 Do Q q 1 0 0 1 72 480 cm /X2 Do Q\n"), prepend=False)

    def stamp(rect, text, oc):
        return pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Stamp,
                                                    Rect=pikepdf.Array(rect), F=4, OC=oc,
                                                    AP=pikepdf.Dictionary(N=form(text))))
    page.Annots = pdf.make_indirect(pikepdf.Array([stamp([100, 400, 300, 420], "SKJULTSTEMPEL", off),
                                                   stamp([100, 370, 300, 390], "SYNLIGTSTEMPEL", on)]))
    pdf.Root.OCProperties = pikepdf.Dictionary(OCGs=pikepdf.Array([off, on]),
                                               D=pikepdf.Dictionary(OFF=pikepdf.Array([off])))
    return pikepdf_bytes(pdf)


def check_layers(boardpack, work):
    """A layer the attachment hides (its default configuration turns it off) stays hidden in the
    packet: marked content, a form and an annotation in it; what is in a visible layer shows."""
    out = built_letter(boardpack, work, "layers", layered_letter(), "a letter with hidden layers builds")
    if out is None:
        return
    text = "".join(pages_text(os.path.join(out, "2024-03-test", "offentlig", "dagsorden-offentlig.pdf")))
    hidden = [w for w in ("SKJULTLAG", "SKJULTOCMD", "SKJULTFORM", "SKJULTSTEMPEL") if w in text]
    check("what hidden layers hold is not drawn in the packet", not hidden, hidden)
    shown = [w for w in ("BREVTEKST", "SYNLIGTLAG", "SYNLIGFORM", "SYNLIGTSTEMPEL") if w not in text]
    check("what visible layers hold is drawn in the packet", not shown, shown)
    own = pikepdf.open(os.path.join(out, "2024-03-test", "offentlig", "bilag", "1-1-hoeringssvar-fra-region-test.pdf"))
    check("the bilag/ file keeps its layers' default configuration", "/OCProperties" in own.Root and
          len(own.Root.OCProperties.D.OFF) == 1)


def stale_form_letter():
    """The letter as a filled-in form whose /NeedAppearances true says its stored appearances are
    stale: one field's appearance shows an old answer, another field has a value and no
    appearance at all."""
    import io
    pdf = pikepdf.open(io.BytesIO(make_pdf(["BREVTEKST side 1"])))
    font = pdf.pages[0].Resources.Font.F1
    old = pikepdf.Stream(pdf, b"/Tx BMC BT /Helv 12 Tf 2 5 Td (GAMMELSVAR) Tj ET EMC")
    old.Type, old.Subtype, old.BBox = pikepdf.Name.XObject, pikepdf.Name.Form, pikepdf.Array([0, 0, 300, 20])
    old.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(Helv=font))

    def field(name, value, rect, **more):
        return pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Widget, F=4,
                                                    FT=pikepdf.Name.Tx, T=pikepdf.String(name), V=pikepdf.String(value),
                                                    DA=pikepdf.String("/Helv 12 Tf 0 g"), Rect=pikepdf.Array(rect),
                                                    P=pdf.pages[0].obj, **more))
    stale = field("svar", "NYTSVAR", [72, 600, 372, 620], AP=pikepdf.Dictionary(N=pdf.make_indirect(old)))
    bare = field("navn", "UDENUDSEENDE", [72, 560, 372, 580])
    pdf.pages[0].Annots = pdf.make_indirect(pikepdf.Array([stale, bare]))
    pdf.Root.AcroForm = pikepdf.Dictionary(Fields=pikepdf.Array([stale, bare]), NeedAppearances=True,
                                           DA=pikepdf.String("/Helv 12 Tf 0 g"),
                                           DR=pikepdf.Dictionary(Font=pikepdf.Dictionary(Helv=font)))
    return pikepdf_bytes(pdf)


def check_stale_form(boardpack, work):
    """A form that asks for new appearances (/NeedAppearances true) shows its fields' values in
    the packet, not the stale appearances, and a value without an appearance is drawn too."""
    out = built_letter(boardpack, work, "stale", stale_form_letter(), "a form with /NeedAppearances builds")
    if out is None:
        return
    text = "".join(pages_text(os.path.join(out, "2024-03-test", "offentlig", "dagsorden-offentlig.pdf")))
    check("the field's value is drawn, not its stale appearance", "NYTSVAR" in text and "GAMMELSVAR" not in text, text[-500:])
    check("a field's value without an appearance is drawn", "UDENUDSEENDE" in text, text[-500:])


def photo_letter():
    """The letter with a photo (a DCTDecode image) whose JPEG carries EXIF, XMP, a Photoshop
    (APP13) segment and a comment, besides its JFIF header."""
    import io
    import struct
    from PIL import Image
    buf = io.BytesIO()
    exif = Image.Exif()
    exif[0x013B] = "Exifkanarie-E1"  # Artist
    Image.new("RGB", (16, 16), (120, 160, 200)).save(buf, "JPEG", exif=exif.tobytes(), comment=b"Comkanarie-E2")
    jpeg = buf.getvalue()

    def segment(marker, body):
        return b"\xff" + bytes([marker]) + struct.pack(">H", len(body) + 2) + body
    jpeg = (jpeg[:2] + segment(0xE1, b"http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta>Xmpkanarie-E3</x:xmpmeta>") +
            segment(0xED, b"Photoshop 3.0\x00Iptckanarie-E4") + jpeg[2:])
    pdf = pikepdf.open(io.BytesIO(make_pdf(["BREVTEKST side 1"])))
    image = pikepdf.Stream(pdf, jpeg)
    image.Type, image.Subtype, image.Filter = pikepdf.Name.XObject, pikepdf.Name.Image, pikepdf.Name.DCTDecode
    image.Width, image.Height, image.BitsPerComponent, image.ColorSpace = 16, 16, 8, pikepdf.Name.DeviceRGB
    page = pdf.pages[0]
    page.Resources.XObject = pikepdf.Dictionary(Im1=pdf.make_indirect(image))
    page.contents_add(pdf.make_stream(b"q 100 0 0 100 72 500 cm /Im1 Do Q"), prepend=False)
    return pikepdf_bytes(pdf)


def check_photo(boardpack, work):
    """A JPEG image's metadata (EXIF, XMP, IPTC, comments) reaches neither the packet nor the
    bilag/ file; its picture and its JFIF header stay."""
    out = built_letter(boardpack, work, "photo", photo_letter(), "a letter with a JPEG photo builds")
    if out is None:
        return
    for f in public_pdfs(out):
        raw = qdf(f, work)
        found = [w for w in ("Exifkanarie-E1", "Comkanarie-E2", "Xmpkanarie-E3", "Iptckanarie-E4") if w in raw]
        check(f"{os.path.basename(f)}: no metadata of the photo's JPEG", not found, found)
        check(f"{os.path.basename(f)}: the photo's JPEG keeps its JFIF header", "JFIF" in raw)


def cut_flate_letter(garbage):
    """The two-page letter whose second page's compressed (Flate) content is cut off, with other
    bytes after it (`garbage`) or none."""
    import io
    pdf = pikepdf.open(io.BytesIO(make_pdf(["BREVTEKST side 1", "BREVTEKST side 2"])))
    whole = zlib.compress(b"BT /F1 12 Tf 72 770 Td (BREVTEKST side 2) Tj ET 0 0 m 500 500 l S " * 20)
    stream = pdf.make_stream(b"")
    stream.write(whole[: len(whole) // 2] + garbage, filter=pikepdf.Name.FlateDecode)
    pdf.pages[1].Contents = stream
    return pikepdf_bytes(pdf)


def misc_letter():
    """The letter with what a page and a catalog do not need, each holding a canary: a thumbnail,
    an article thread and its bead, associated files, a legal attestation, private keys."""
    import io
    pdf = pikepdf.open(io.BytesIO(make_pdf(["BREVTEKST side 1"])))
    page = pdf.pages[0].obj

    def spec(name):
        return pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Filespec, F=pikepdf.String(name),
                                                    AFRelationship=pikepdf.Name.Supplement))
    thumb = pikepdf.Stream(pdf, b"Thumbkanarie-T1" + b"\x00" * (4 * 4 * 3 - 15))
    thumb.Width, thumb.Height, thumb.BitsPerComponent, thumb.ColorSpace = 4, 4, 8, pikepdf.Name.DeviceRGB
    page.Thumb = pdf.make_indirect(thumb)
    bead = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Bead, P=page, R=pikepdf.Array([0, 0, 100, 100])))
    bead.N = bead
    bead.V = bead
    thread = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Thread, F=bead,
                                                  I=pikepdf.Dictionary(Title=pikepdf.String("Traadkanarie-T2"))))
    bead.T = thread
    page.B = pikepdf.Array([bead])
    pdf.Root.Threads = pikepdf.Array([thread])
    page.AF = pikepdf.Array([spec("Afkanarie-T3.txt")])
    pdf.Root.AF = pikepdf.Array([spec("Afkanarie-T4.txt")])
    pdf.Root.Legal = pikepdf.Dictionary(Comment=pikepdf.String("Legalkanarie-T5"))
    pdf.Root.FooPrivate = pikepdf.Dictionary(Data=pikepdf.String("Privatkanarie-T6"))
    page.BarPrivate = pikepdf.String("Privatkanarie-T7")
    return pikepdf_bytes(pdf)


def check_misc(boardpack, work):
    """What a page and the catalog do not need (thumbnails, article threads, associated files, a
    legal attestation, private keys) is in neither the packet nor the bilag/ file."""
    out = built_letter(boardpack, work, "misc", misc_letter(), "a letter with thumbnails, threads and private keys builds")
    if out is None:
        return
    for f in public_pdfs(out):
        raw = qdf(f, work)
        found = sorted(set(re.findall(r"[A-Za-z]+kanarie-T\d", raw)))
        check(f"{os.path.basename(f)}: nothing a page or the catalog does not need", not found, found)
    text = "".join(pages_text(public_pdfs(out)[1]))
    check("the bilag/ file still shows the letter", "BREVTEKST side 1" in text, text)


def bomb_letter(megabytes, where="content"):
    """A one-page letter with a stream a few hundred KB compressed and `megabytes` MB decoded (made
    in pieces, so this script never holds it whole): its content, a form it draws ("form", in a
    form it draws: "nested form"), or its annotation's appearance ("appearance")."""
    z = zlib.compressobj(9)
    piece = b"0 0 m 1 1 l S\n" * 74898  # about 1 MB
    comp = b"".join(z.compress(piece) for _ in range(megabytes)) + z.flush()
    bomb = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(comp) + comp + b"\nendstream"
    form = b"<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Length %d /Filter /FlateDecode >>\nstream\n" % len(comp)
    draw = b"<< /Length 7 >>\nstream\n/X1 Do\n\nendstream"
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R /Resources << %s >>%s >>"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"]
    if where == "content":
        objects += [page % (b"", b""), bomb]
    elif where == "form":
        objects += [page % (b"/XObject << /X1 5 0 R >>", b""), draw, form + comp + b"\nendstream"]
    elif where == "nested form":
        outer = b"<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X1 6 0 R >> >> /Length 7 >>\nstream\n/X1 Do\n\nendstream"
        objects += [page % (b"/XObject << /X1 5 0 R >>", b""), draw, outer, form + comp + b"\nendstream"]
    else:  # "appearance"
        objects += [page % (b"", b" /Annots [5 0 R]"), b"<< /Length 0 >>\nstream\n\nendstream",
                    b"<< /Type /Annot /Subtype /Square /Rect [0 0 10 10] /AP << /N 6 0 R >> >>", form + comp + b"\nendstream"]
    out, offsets = b"%PDF-1.7\n", []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)


def word_boxes(pdf, page):
    """(xMin, yMin, xMax, yMax, word) of each word on a page, from pdftotext -bbox (top-left origin)."""
    html = subprocess.run(["pdftotext", "-q", "-bbox", "-f", str(page), "-l", str(page), pdf, "-"], capture_output=True,
                          text=True).stdout
    return [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in
            re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', html)]


def check_turned_pages(boardpack, work):
    """A turned (/Rotate 90) and a landscape attachment page are drawn as a viewer shows the
    attachment itself (the turned page's text runs down the page there too), whole, inside the
    box under the stamp band and above the footer."""
    letter_bytes = rotated_letter()
    out = built_letter(boardpack, work, "turned", letter_bytes, "a turned and a landscape attachment page build")
    if out is None:
        return
    original = os.path.join(work, "turned-letter.pdf")
    open(original, "wb").write(letter_bytes)
    path = os.path.join(out, "2024-03-test", "offentlig", "dagsorden-offentlig.pdf")
    texts = pages_text(path)
    first = next(i for i, t in enumerate(texts, 1) if "BREVTEKST side 1" in t)
    for k, word in ((0, "side 1"), (1, "side 2")):
        boxes = word_boxes(path, first + k)
        letter = [b for b in boxes if b[4] == "BREVTEKST"]
        own = [b for b in word_boxes(original, 1 + k) if b[4] == "BREVTEKST"]
        across = lambda b: b[2] - b[0] > b[3] - b[1]  # noqa: E731
        stamp_bottom = max((b[3] for b in boxes if b[4] == "Bilag"), default=60)
        footer_top = min(b[1] for b in boxes if b[4] == "Side")
        check(f"the letter's {word} (turned: {k == 0}) is drawn as its viewer shows it, inside the box",
              len(letter) == 1 and len(own) == 1 and across(letter[0]) == across(own[0]) and
              letter[0][1] > stamp_bottom - 1 and letter[0][3] < footer_top, (letter, own, stamp_bottom, footer_top))
    # The turned A4 page is shown landscape: it gets a landscape page of the packet, drawn at 0,81
    # of its size (an upright page drew it at 0,71). The 1000 x 842 page is drawn larger on an
    # upright page (0,59 against 0,57), so it keeps one, as do the packet's own pages.
    with pikepdf.open(path) as pdf:
        sizes = [tuple(float(v) for v in pg.MediaBox) for pg in pdf.pages]
    wide = lambda box: box[2] - box[0] > box[3] - box[1]  # noqa: E731
    check("the turned A4 page gets a landscape page of the packet, the nearly square one an upright page",
          wide(sizes[first - 1]) and not wide(sizes[first]) and abs(sizes[first - 1][2] - 841.89) < 0.01, sizes)
    check("the packet's own pages stay upright A4",
          all(not wide(s) and abs(s[2] - 595.276) < 0.01 for s in sizes[:first - 1]), sizes[:first - 1])
    for k, least in ((0, 0.8), (1, 0.58)):
        letter = [b for b in word_boxes(path, first + k) if b[4] == "BREVTEKST"]
        own = [b for b in word_boxes(original, 1 + k) if b[4] == "BREVTEKST"]
        long_side = lambda b: max(b[2] - b[0], b[3] - b[1])  # noqa: E731
        check(f"the letter's page {k + 1} is drawn at least {least} of its own size",
              len(letter) == 1 and len(own) == 1 and long_side(letter[0]) >= least * long_side(own[0]), (letter, own))
    footer = [b for b in word_boxes(path, first) if b[4] == "Side"]
    check("a landscape page's footer stands at its foot, right-aligned to its width",
          len(footer) == 1 and footer[0][3] > 595.276 - 45 and footer[0][3] < 595.276 - 30 and
          any(b[2] > 841.89 - 62 - 1 for b in word_boxes(path, first) if b[1] > 595.276 - 50), footer)


def check_short_size(boardpack, work):
    """A file merged by pdfunite (its trailer's /Size short of its objects) is read, not refused."""
    out = built_letter(boardpack, work, "unite", short_size_letter(), "a PDF whose trailer /Size is short (pdfunite) builds")


def check_hostile(boardpack, work):
    good = make_pdf(["BREVTEKST side 1", "BREVTEKST side 2"])
    cases = [
        ("an encrypted PDF", encrypted(work), "brev.pdf", None, "encrypted"),
        ("a truncated PDF", good[: len(good) * 2 // 3], "brev.pdf", None, "damaged"),
        ("a 0-byte file", b"", "brev.pdf", None, "empty"),
        ("a PNG renamed .pdf", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 40, "brev.pdf", None, "not a PDF"),
        ("a PDF header and garbage", b"%PDF-1.7\nthis is not a PDF at all\n", "brev.pdf", None, "damaged"),
        ("a PDF named .md", good, "brev.md", None, "is a PDF"),
        ("an impossible date", good, "brev.pdf", "Høringssvar | 1234567 | brev.pdf | 2024-02-30", "YYYY-MM-DD"),
        ("an array that holds itself", looping_letter(0), "brev.pdf", None, "in a loop"),
        ("arrays that would be copied thousands of millions of times", looping_letter(10), "brev.pdf", None,
         "too many objects to copy"),
        ("a PDF with an owner password only", owner_only(work), "brev.pdf", None,
         "permission restrictions (an owner password); if its sender allows it, `qpdf --decrypt in.pdf out.pdf`"),
        ("a PDF without its cross-reference table", good.replace(b"startxref", b"startxrex"), "brev.pdf", None,
         "damaged: .*; open it and save it, or print it to PDF, again"),
        ("a page whose compressed content is cut off", cut_flate_letter(b""), "brev.pdf", None,
         "damaged: the content of its page 2 cannot be decoded"),
        ("a page whose compressed content is cut off and followed by other bytes",
         cut_flate_letter(b"\x00garbage" * 5), "brev.pdf", None, "damaged: the content of its page 2 cannot be decoded"),
        ("a page whose 300 KB of content decode to 400 MB", bomb_letter(400), "brev.pdf", None,
         "page 1 decodes to more than 32 MiB"),
        # A viewer decodes what a page draws as it draws it (hostile-5: these passed into the packet).
        ("a form the page draws that decodes to 400 MB", bomb_letter(400, "form"), "brev.pdf", None,
         "page 1 decodes to more than 32 MiB"),
        ("a form inside a form that decodes to 400 MB", bomb_letter(400, "nested form"), "brev.pdf", None,
         "page 1 decodes to more than 32 MiB"),
        ("an annotation's appearance that decodes to 400 MB", bomb_letter(400, "appearance"), "brev.pdf", None,
         "page 1 decodes to more than 32 MiB"),
    ]
    for n, (name, data, file_name, line, reason) in enumerate(cases):
        meeting = os.path.join(work, "hostile%d" % n, "2024-03-test")
        write_meeting(meeting, brev=data, brev_name=file_name, brev_line=line)
        p = subprocess.run([boardpack, "build", meeting, "--out", os.path.join(work, "hout%d" % n)], capture_output=True,
                           text=True)
        check(f"{name}: an error at the bilag: line with the reason",
              p.returncode == 1 and re.search(r"01-brev/item\.md:7:\d+: error: .*%s" % (reason if ".*" in reason else re.escape(reason)),
                                           p.stderr),
              (p.returncode, p.stderr))
        check(f"{name}: nothing written", not os.path.exists(os.path.join(work, "hout%d" % n, "2024-03-test")))
    # Refused without being decoded whole: no build above took more than some tens of MB.
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    check("the hostile files are refused without decoding them whole (peak memory of any build under 200 MB)",
          peak < 200, f"{peak} MB")


def main():
    boardpack = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as work:
        check_packet(boardpack, work)
        check_turned_pages(boardpack, work)
        check_annotations(boardpack, work)
        check_layers(boardpack, work)
        check_stale_form(boardpack, work)
        check_photo(boardpack, work)
        check_misc(boardpack, work)
        check_short_size(boardpack, work)
        check_hostile(boardpack, work)
    print("FAILED: %d" % failures if failures else "all attachment checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

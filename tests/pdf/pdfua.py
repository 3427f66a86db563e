#!/usr/bin/env python3
"""The packet's PDF as tagged PDF/UA-1 and PDF/A-2a (issue 11, points 1 and 2): the conditions of
the Matterhorn Protocol and of PDF/A-2 that a script can check, read with pikepdf.

- all content is marked: every content-stream operator but BT/ET is inside marked content
  (a structure element's, with an MCID the parent tree maps back to it) or an Artifact;
- the structure tree: standard types, a Document root, headings H1-H6 without a skipped level,
  in the order and with the texts of the HTML's h1-h6; every Table has TH with a Scope; lists
  are L/LI/Lbl/LBody; every Link annotation is in the tree (OBJR, /StructParent) with /Contents;
  Figures have /Alt; pages have /StructParents and /Tabs /S;
- the catalog: /MarkInfo /Marked, /Lang, DisplayDocTitle, the XMP metadata (dc:title and the
  rest equal to the document information, pdfaid 2A, pdfuaid 1 with its extension schema), an
  sRGB OutputIntent; PDF 1.7, a binary header comment, a trailer /ID, no encryption, no
  transparency, every font embedded and mappable to Unicode (ToUnicode or WinAnsiEncoding);
  pdfinfo says Tagged: yes.

It checks the example (both editions; an edition that merges PDF attachments does not claim
PDF/UA, so then its agenda-only PDF, dagsorden-<edition>-uden-bilag.pdf) and a small meeting made at run time with a nested list,
a quotation, a link, a footnote, code and a table long enough to continue on a second page.

With a third argument, the corrected_packet test tool (tests/sheet), it also checks the small
meeting's editions as corrected (issue 13): the packet opening with its rettelsesblad, with marks
and margin bars, and the rettelsesblad's own PDF.

usage: pdfua.py BOARDPACK EXAMPLE_FOLDER [CORRECTED_PACKET]
"""
import base64
import glob
import html
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import pikepdf

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import pictures  # noqa: E402

failures = 0


def check(name, cond, detail=""):
    global failures
    print(("ok   " if cond else "FAIL ") + name + ("" if cond else "\n     " + str(detail)[:2000]))
    failures += 0 if cond else 1


STANDARD_TYPES = {
    "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index", "NonStruct", "Private",
    "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "THead",
    "TBody", "TFoot", "Span", "Quote", "Note", "Reference", "BibEntry", "Code", "Link", "Annot", "Ruby", "RB", "RT",
    "RP", "Warichu", "WT", "WP", "Figure", "Formula", "Form"}
MARKING = {"BDC", "BMC", "EMC", "BT", "ET"}
NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/", "pdf": "http://ns.adobe.com/pdf/1.3/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/", "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
    "pdfaSchema": "http://www.aiim.org/pdfa/ns/schema#"}


# ---- text of marked content, whatever the fonts' encoding -----------------------------------

def hex_bytes(s):
    return bytes.fromhex(s)


def parse_cmap(data):
    """{code bytes: unicode text} and the code length from a ToUnicode CMap."""
    text = data.decode("latin-1")
    out = {}
    lengths = [len(hex_bytes(a)) for a, _ in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", 
               (re.search(r"begincodespacerange(.*?)endcodespacerange", text, re.S) or [None, ""])[1])]
    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            out[hex_bytes(src)] = hex_bytes(dst).decode("utf-16-be", "replace")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for lo, hi, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[[^\]]*\])", block):
            a, b = int(lo, 16), int(hi, 16)
            n = len(lo) // 2
            if dst.startswith("["):
                for i, d in enumerate(re.findall(r"<([0-9A-Fa-f]*)>", dst)):
                    out[(a + i).to_bytes(n, "big")] = hex_bytes(d).decode("utf-16-be", "replace")
            else:
                base = hex_bytes(dst[1:-1])
                for i in range(b - a + 1):
                    v = (int.from_bytes(base, "big") + i).to_bytes(len(base), "big")
                    out[(a + i).to_bytes(n, "big")] = v.decode("utf-16-be", "replace")
    return out, (min(lengths) if lengths else 1)


class Decoder:
    def __init__(self, font):
        self.cmap = None
        if "/ToUnicode" in font:
            self.cmap, self.n = parse_cmap(font.ToUnicode.read_bytes())
        elif font.get("/Subtype") == "/Type0":
            self.n = 2

    def text(self, raw):
        if self.cmap is None:
            return raw.decode("cp1252", "replace")
        return "".join(self.cmap.get(raw[i:i + self.n], "\ufffd") for i in range(0, len(raw), self.n))


# ---- one PDF --------------------------------------------------------------------------------

def page_content(pdf, page_no, page, name):
    """Checks the marking of one page's content; returns {mcid: text} and the artifact text."""
    fonts = page.Resources.get("/Font", {})
    decoders = {}
    stack = []  # ("mc", mcid) or ("artifact",) per open marked-content sequence
    texts, unmarked, doubled = {}, [], []
    artifact_text = []
    font = None
    for operands, op in pikepdf.parse_content_stream(page):
        op = str(op)
        if op in ("BDC", "BMC"):
            tag = str(operands[0])
            props = operands[1] if op == "BDC" else None
            if tag == "/Artifact":
                stack.append(("artifact",))
            elif isinstance(props, pikepdf.Dictionary) and "/MCID" in props:
                mcid = int(props.MCID)
                if mcid in texts:
                    doubled.append(mcid)
                texts.setdefault(mcid, "")
                stack.append(("mc", mcid))
            else:
                stack.append(("other",))
            continue
        if op == "EMC":
            if stack:
                stack.pop()
            else:
                unmarked.append("EMC without BDC")
            continue
        if op in MARKING:
            continue
        inside = [s for s in stack if s[0] in ("mc", "artifact")]
        if not inside:
            unmarked.append(op)
            continue
        if op == "Tf":
            font = str(operands[0])
            if font not in decoders:
                decoders[font] = Decoder(fonts[font])
        if op in ("Tj", "TJ", "'", '"'):
            parts = operands[-1] if op == "TJ" else [operands[-1]]
            s = "".join(decoders[font].text(bytes(p)) for p in parts if isinstance(p, pikepdf.String))
            top = inside[-1]
            if top[0] == "mc":
                texts[top[1]] += ("" if texts[top[1]] == "" else " ") + s
            else:
                artifact_text.append(s)
        if any(s[0] == "artifact" for s in inside) and any(s[0] == "mc" for s in inside):
            unmarked.append("tagged content inside an artifact: " + op)
    check(f"{name} page {page_no}: every operator is in marked content or an artifact", not unmarked, unmarked[:10])
    check(f"{name} page {page_no}: each MCID once", not doubled, doubled)
    check(f"{name} page {page_no}: marked content is closed", not stack, stack)
    return texts, artifact_text


def struct_walk(root_elem):
    """The structure elements depth first, with their kids lists."""
    out, todo = [], [(root_elem, None)]
    while todo:
        e, parent = todo.pop()
        out.append((e, parent))
        kids = e.get("/K")
        kids = list(kids) if isinstance(kids, pikepdf.Array) else ([] if kids is None else [kids])
        for k in reversed(kids):
            if isinstance(k, pikepdf.Dictionary) and "/S" in k:
                todo.append((k, e))
    return out


def kids_of(e):
    k = e.get("/K")
    return list(k) if isinstance(k, pikepdf.Array) else ([] if k is None else [k])


def xmp_values(pdf):
    root = ET.fromstring(pdf.Root.Metadata.read_bytes().decode("utf-8").split("?>", 1)[1].rsplit("<?xpacket", 1)[0])
    def one(path):
        el = root.find(".//" + path, NS)
        return None if el is None else (el.text or "")
    return root, one


def html_headings(html_path):
    src = open(html_path, encoding="utf-8").read()
    out = []
    for level, inner in re.findall(r"<h([1-6])[^>]*>(.*?)</h\1>", src, re.S):
        text = html.unescape(re.sub(r"<[^>]+>", "", inner))
        out.append((int(level), " ".join(text.split())))
    return out


def squash(s):
    return re.sub(r"\s+", "", s)


def check_pdf(pdf_path, html_path, name):
    info = subprocess.run(["pdfinfo", pdf_path], capture_output=True, text=True).stdout
    check(f"{name}: pdfinfo says Tagged: yes", re.search(r"^Tagged:\s+yes$", info, re.M), info)
    check(f"{name}: pdfinfo says PDF version 1.7", re.search(r"^PDF version:\s+1\.7$", info, re.M), info)
    check(f"{name}: pdfinfo finds the metadata stream", re.search(r"^Metadata Stream:\s+yes$", info, re.M), info)
    head = open(pdf_path, "rb").read(32)
    lines = head.split(b"\n")
    check(f"{name}: header %PDF-1.7 and a binary comment", lines[0] == b"%PDF-1.7" and lines[1][:1] == b"%" and
          all(b > 127 for b in lines[1][1:5]), head)

    pdf = pikepdf.open(pdf_path)
    root = pdf.Root
    check(f"{name}: not encrypted", not pdf.is_encrypted and "/Encrypt" not in pdf.trailer)
    ids = pdf.trailer.get("/ID")
    check(f"{name}: trailer /ID of two 16-byte strings", ids is not None and len(ids) == 2 and
          all(len(bytes(i)) == 16 for i in ids), ids)
    check(f"{name}: /MarkInfo /Marked true", root.get("/MarkInfo", {}).get("/Marked") is True)
    check(f"{name}: /Lang (da)", str(root.get("/Lang", "")) == "da", root.get("/Lang"))
    check(f"{name}: DisplayDocTitle", root.get("/ViewerPreferences", {}).get("/DisplayDocTitle") is True)

    # XMP against the document information.
    docinfo = pdf.trailer.Info
    title = str(docinfo.get("/Title", ""))
    check(f"{name}: the document has a title", title.strip() != "")
    check(f"{name}: the metadata stream is XMP", "/Metadata" in root and root.Metadata.get("/Subtype") == "/XML")
    if "/Metadata" not in root:
        return
    xmp, one = xmp_values(pdf)
    check(f"{name}: pdfaid part 2, conformance A", one("pdfaid:part") == "2" and one("pdfaid:conformance") == "A")
    check(f"{name}: pdfuaid part 1", one("pdfuaid:part") == "1")
    schemas = [e.text for e in xmp.iter("{%s}namespaceURI" % NS["pdfaSchema"])]
    check(f"{name}: pdfuaid has its PDF/A extension schema", NS["pdfuaid"] in schemas, schemas)
    check(f"{name}: dc:title == /Title", one("dc:title/rdf:Alt/rdf:li") == title, (one("dc:title/rdf:Alt/rdf:li"), title))
    for key, path in (("/Subject", "dc:description/rdf:Alt/rdf:li"), ("/Author", "dc:creator/rdf:Seq/rdf:li"),
                      ("/Creator", "xmp:CreatorTool"), ("/Producer", "pdf:Producer")):
        check(f"{name}: XMP {path} == {key}", one(path) == (str(docinfo[key]) if key in docinfo else None),
              (one(path), docinfo.get(key)))
    if "/CreationDate" in docinfo:
        d = str(docinfo.CreationDate)
        want = f"{d[2:6]}-{d[6:8]}-{d[8:10]}T{d[10:12]}:{d[12:14]}:{d[14:16]}Z"
        check(f"{name}: XMP xmp:CreateDate == /CreationDate", one("xmp:CreateDate") == want, (one("xmp:CreateDate"), d))
    check(f"{name}: XMP dc:language == /Lang", one("dc:language/rdf:Bag/rdf:li") == str(root.get("/Lang", "")))

    intents = root.get("/OutputIntents", [])
    ok = len(intents) >= 1
    for oi in intents:
        prof = oi.get("/DestOutputProfile")
        icc = prof.read_bytes() if prof is not None else b""
        ok = ok and oi.get("/S") == "/GTS_PDFA1" and prof is not None and int(prof.N) == 3 and \
            icc[36:40] == b"acsp" and icc[16:20] == b"RGB " and "/OutputConditionIdentifier" in oi
    check(f"{name}: an sRGB (RGB ICC, N 3) GTS_PDFA1 OutputIntent", ok, intents)

    # Fonts, transparency, pages.
    bad_fonts, transparency = [], []
    for obj in pdf.objects:
        if not isinstance(obj, pikepdf.Dictionary):
            continue
        if obj.get("/Type") == "/Font" and obj.get("/Subtype") != "/Type0":
            desc = obj.get("/FontDescriptor")
            embedded = desc is not None and any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            # PDF/A-2 (6.2.11.7.2): a ToUnicode map, or a standard encoding whose Differences name
            # only glyphs of the Adobe Glyph List (libharu's CP1252 fonts: WinAnsi, 127 /.notdef).
            enc = obj.get("/Encoding")
            mapped = "/ToUnicode" in obj or enc in ("/WinAnsiEncoding", "/MacRomanEncoding") \
                or (isinstance(enc, pikepdf.Dictionary) and enc.get("/BaseEncoding") == "/WinAnsiEncoding" and
                    all(isinstance(d, int) or re.fullmatch(r"\.notdef|[A-Za-z][A-Za-z0-9._]*", str(d)[1:])
                        for d in enc.get("/Differences", [])))
            parent_type0 = obj.get("/Subtype") in ("/CIDFontType2", "/CIDFontType0")
            if not embedded or not (mapped or parent_type0):
                bad_fonts.append((str(obj.get("/BaseFont")), embedded, mapped))
        if obj.get("/Type") == "/Font" and obj.get("/Subtype") == "/Type0" and "/ToUnicode" not in obj:
            bad_fonts.append((str(obj.get("/BaseFont")), "Type0 without ToUnicode"))
        if "/SMask" in obj and obj.get("/SMask") != "/None":
            transparency.append("SMask")
        for k in ("/CA", "/ca"):
            if k in obj and float(obj[k]) != 1.0:
                transparency.append(k)
        if obj.get("/S") == "/Transparency":
            transparency.append("transparency group")
    check(f"{name}: every font embedded and mappable to Unicode", not bad_fonts, bad_fonts)
    check(f"{name}: no transparency", not transparency, transparency)

    # Content marking, per page.
    page_texts = []
    for i, page in enumerate(pdf.pages):
        texts, _ = page_content(pdf, i + 1, page, name)
        page_texts.append(texts)
    check(f"{name}: every page has /StructParents and /Tabs /S",
          all("/StructParents" in p.obj and p.obj.get("/Tabs") == "/S" for p in pdf.pages))

    # The structure tree and the parent tree agree with the content.
    tree = root.get("/StructTreeRoot")
    check(f"{name}: a structure tree", tree is not None)
    if tree is None:
        return
    page_index = {p.obj.objgen: i for i, p in enumerate(pdf.pages)}
    top = kids_of(tree)
    check(f"{name}: the tree's root is one Document element", len(top) == 1 and top[0].get("/S") == "/Document",
          [t.get("/S") for t in top])
    elements = struct_walk(top[0])
    types = [str(e.S)[1:] for e, _ in elements]
    check(f"{name}: only standard structure types", set(types) <= STANDARD_TYPES, set(types) - STANDARD_TYPES)
    check(f"{name}: every element has /P", all("/P" in e for e, _ in elements))

    owner = {}       # (page, mcid) -> element objgen
    objr = {}        # annotation objgen -> element objgen
    elem_text = {}   # element objgen -> its own content text, in order
    for e, _ in elements:
        pg = page_index.get(e.Pg.objgen) if "/Pg" in e else None
        parts = []
        for k in kids_of(e):
            if isinstance(k, int) or (isinstance(k, pikepdf.Object) and not isinstance(k, pikepdf.Dictionary)):
                key = (pg, int(k))
            elif isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/MCR":
                key = (page_index.get(k.Pg.objgen) if "/Pg" in k else pg, int(k.MCID))
            elif isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/OBJR":
                objr[k.Obj.objgen] = e.objgen
                continue
            else:
                continue
            owner[key] = e.objgen
            if key[0] is not None:
                parts.append(page_texts[key[0]].get(key[1], ""))
        elem_text[e.objgen] = " ".join(parts)
    content_keys = {(p, m) for p, texts in enumerate(page_texts) for m in texts}
    check(f"{name}: every marked content belongs to one structure element", content_keys == set(owner),
          (sorted(content_keys - set(owner))[:5], sorted(set(owner) - content_keys)[:5]))

    nums = list(tree.ParentTree.get("/Nums", []))
    parent_tree = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
    wrong = []
    for p, page in enumerate(pdf.pages):
        arr = parent_tree.get(int(page.obj.get("/StructParents", -1)))
        if arr is None:
            wrong.append((p, "no entry"))
            continue
        for m in page_texts[p]:
            if m >= len(arr) or arr[m].objgen != owner.get((p, m)):
                wrong.append((p, m))
    check(f"{name}: the parent tree maps each MCID to its element", not wrong, wrong[:10])

    def deep_text(e):
        out = [elem_text.get(e.objgen, "")]
        for k in kids_of(e):
            if isinstance(k, pikepdf.Dictionary) and "/S" in k:
                out.append(deep_text(k))
        return " ".join(x for x in out if x)

    # Headings: no skipped level, the HTML's, in order.
    heads = [(int(str(e.S)[2]), deep_text(e)) for e, _ in elements if re.fullmatch(r"/H[1-6]", str(e.S))]
    skipped = [(a, b) for a, b in zip([(0, "")] + heads, heads) if b[0] > a[0] + 1]
    check(f"{name}: headings skip no level", not skipped, skipped[:5])
    if html_path:
        want = html_headings(html_path)
        got = [(lvl, " ".join(t.split())) for lvl, t in heads]
        same = [(l, squash(t)) for l, t in got] == [(l, squash(t)) for l, t in want]
        diff = next(((i, g, w) for i, (g, w) in enumerate(zip(got, want)) if (g[0], squash(g[1])) != (w[0], squash(w[1]))),
                    (len(got), len(want)))
        check(f"{name}: the tagged headings are the HTML's, in order ({len(got)})", same, diff)

    # Tables, lists, figures.
    for e, _ in elements:
        s = str(e.S)
        if s == "/Table":
            ths = [x for x, _ in struct_walk(e) if x.get("/S") == "/TH"]
            check(f"{name}: table {squash(deep_text(e))[:40]!r} has TH", len(ths) > 0)
            check(f"{name}: its TH have a Scope", all("/Scope" in x.get("/A", {}) for x in ths))
            # Each body row's label is a TH with /Scope /Row, as the HTML's <th scope="row">, so a
            # screen reader names a figure's row as well as its column.
            body_rows = [x for x, par in struct_walk(e) if x.get("/S") == "/TR" and par is not None and par.get("/S") == "/TBody"]
            firsts = [next((k for k in kids_of(r) if isinstance(k, pikepdf.Dictionary) and "/S" in k), None) for r in body_rows]
            check(f"{name}: each of its body rows starts with a TH /Scope /Row", all(
                f is not None and f.get("/S") == "/TH" and str(f.get("/A", {}).get("/Scope")) == "/Row" for f in firsts),
                [str(f.get("/S")) if f is not None else None for f in firsts])
            kinds = {str(k.S) for k in kids_of(e) if isinstance(k, pikepdf.Dictionary) and "/S" in k}
            check(f"{name}: its children are Caption/THead/TBody/TR", kinds <= {"/Caption", "/THead", "/TBody", "/TR", "/TFoot"}, kinds)
        if s == "/L":
            kinds = {str(k.S) for k in kids_of(e) if isinstance(k, pikepdf.Dictionary) and "/S" in k}
            if kinds - {"/LI"}:
                check(f"{name}: a list's children are LI", False, kinds)
        if s == "/LI":
            kinds = {str(k.S) for k in kids_of(e) if isinstance(k, pikepdf.Dictionary) and "/S" in k}
            if kinds - {"/Lbl", "/LBody"}:
                check(f"{name}: a list item's children are Lbl/LBody", False, kinds)
        if s == "/Figure":
            if not str(e.get("/Alt", "")).strip():
                check(f"{name}: a Figure has /Alt", False)
            bbox = e.get("/A", {}).get("/BBox") if isinstance(e.get("/A"), pikepdf.Dictionary) else None
            if bbox is None or len(bbox) != 4 or not (float(bbox[0]) < float(bbox[2]) and float(bbox[1]) < float(bbox[3])):
                check(f"{name}: a Figure has a /BBox layout attribute", False, e.get("/A"))

    # Links: every annotation tagged, with its text.
    annots, untagged, no_text = 0, [], []
    for p, page in enumerate(pdf.pages):
        for a in page.obj.get("/Annots", []):
            if a.get("/Subtype") != "/Link":
                continue
            annots += 1
            elem = objr.get(a.objgen)
            key = a.get("/StructParent")
            if elem is None or key is None or parent_tree.get(int(key)) is None or \
                    parent_tree[int(key)].objgen != elem or pdf.get_object(elem).get("/S") != "/Link":
                untagged.append(p + 1)
            if not str(a.get("/Contents", "")).strip():
                no_text.append(p + 1)
            if int(a.get("/F", 0)) & 4 == 0:
                no_text.append(("no print flag", p + 1))
    check(f"{name}: every link annotation ({annots}) is a Link element's OBJR with /StructParent", not untagged, untagged[:10])
    check(f"{name}: every link annotation has /Contents and prints", not no_text, no_text[:10])
    check(f"{name}: ParentTreeNextKey follows the keys", int(tree.get("/ParentTreeNextKey", -1)) ==
          (max(parent_tree) + 1 if parent_tree else 0))


def build(boardpack, folder, out):
    p = subprocess.run([boardpack, "build", folder, "--out", out], capture_output=True, text=True)
    check(f"build {os.path.basename(folder)}", p.returncode == 0, p.stderr)
    return os.path.join(out, os.path.basename(folder))


def editions(packet):
    for edition in sorted(os.listdir(packet)):
        d = os.path.join(packet, edition)
        if not os.path.isdir(d):
            continue
        pdfs, htmls = glob.glob(os.path.join(d, "*.pdf")), glob.glob(os.path.join(d, "*.html"))
        yield edition, pdfs[0], (htmls[0] if htmls else None)


def small_meeting(folder):
    os.makedirs(os.path.join(folder, "01-punkt"))
    open(os.path.join(folder, "meeting.txt"), "w", encoding="utf-8").write(
        "organisation: Foreningen\norgan: Bestyrelsen\ndato: 2024-06-06\ntidspunkt: kl. 10\nsted: Her\npunkt: 01-punkt\n")
    rows = "\n".join(f"Post {i};{i}.000;{2 * i}.000" for i in range(1, 90))
    open(os.path.join(folder, "01-punkt", "tabel.csv"), "w", encoding="utf-8").write("Post;2024 (kr.);2025 (kr.)\n" + rows + "\n")
    open(os.path.join(folder, "01-punkt", "item.md"), "w", encoding="utf-8").write(
        "---\nnummer: 1\nstatus: Offentlig\ntitel: Budget\nsagsbehandler: Anna\nsagsnummer: EMN-2024-00001\n---\n\n"
        "# Resumé\n\nSekretariatet fremlægger budgettet[^1], se [vejledningen](https://example.org/vejledning).\n\n"
        "[^1]: En fodnote: budgettet er opdigtet.\n\n"
        "# Indstilling\n\nDet indstilles,\n\nat det godkendes.\n\n"
        "# Sagsfremstilling\n\n## Forudsætninger\n\n- Første punkt\n  - Et underpunkt\n  - Et andet underpunkt\n"
        "- Andet punkt med `kode-42`\n\n> Et citat fra sidste møde.\n\n"
        "```tabel\nfil: tabel.csv\nnavn: budget\ntitel: Budget fordelt på poster\nkilde: Opdigtet.\n```\n\n"
        "![Figur 1: Budgettet vokser fra 2024 til 2025](figur-1.png)\n\n"
        "- ![Et foto af mødelokalet](foto.jpg)\n")
    open(os.path.join(folder, "01-punkt", "figur-1.png"), "wb").write(pictures.png(120, 60))
    open(os.path.join(folder, "01-punkt", "foto.jpg"), "wb").write(pictures.jpeg(8, 8))


def claims_pdfua(pdf):
    with pikepdf.open(pdf) as p:
        return "/Metadata" in p.Root and b"pdfuaid:part" in p.Root.Metadata.read_bytes()


def main():
    boardpack = os.path.abspath(sys.argv[1])
    example = os.path.abspath(sys.argv[2])
    with tempfile.TemporaryDirectory() as work:
        packet = build(boardpack, example, os.path.join(work, "out"))
        for edition, pdf, html_path in editions(packet):
            # A packet that merges PDF attachments does not claim PDF/UA (README, "Attachments"):
            # it must then hold some, and the edition has the agenda and items alone beside it,
            # which claims it; every file that claims it is checked.
            agenda_only = pdf[:-len(".pdf")] + "-uden-bilag.pdf"
            if claims_pdfua(pdf):
                check_pdf(pdf, html_path, f"example {edition}")
                check(f"example {edition}: no agenda-only PDF beside a packet that claims PDF/UA", not os.path.exists(agenda_only))
                continue
            check(f"example {edition}: claims no PDF/UA only because it merges PDF attachments",
                  os.path.isdir(os.path.join(os.path.dirname(pdf), "bilag")))
            check(f"example {edition}: the agenda-only PDF is written beside it", os.path.exists(agenda_only))
            if not os.path.exists(agenda_only):
                continue
            check(f"example {edition}: the agenda-only PDF claims PDF/UA", claims_pdfua(agenda_only))
            check_pdf(agenda_only, html_path, f"example {edition} agenda only")
            with pikepdf.open(agenda_only) as a, pikepdf.open(pdf) as merged:
                check(f"example {edition}: the agenda-only PDF has no attachment pages", len(a.pages) < len(merged.pages),
                      (len(a.pages), len(merged.pages)))
                uris = [str(annot.A.URI) for page in a.pages for annot in page.get("/Annots", [])
                        if "/A" in annot and "/URI" in annot.A]
                files = [u for u in uris if u.startswith("bilag/")]
                # From its agenda and from the item's attachment list, as the packet links its pages.
                bilag = os.path.join(os.path.dirname(pdf), "bilag")
                check(f"example {edition}: its agenda and attachment lists link each PDF attachment's own file",
                      files and all(os.path.isfile(os.path.join(os.path.dirname(pdf), u)) for u in files)
                      and sorted(set(files)) == sorted("bilag/" + f for f in os.listdir(bilag))
                      and all(files.count(u) == 2 for u in files), files)
        small = os.path.join(work, "2024-06-lille")
        small_meeting(small)
        packet = build(boardpack, small, os.path.join(work, "out2"))
        for edition, pdf, html_path in editions(packet):
            check_pdf(pdf, html_path, f"small {edition}")
            # The HTML has the same pictures, inlined, the description as alt, the caption below.
            page = open(html_path, encoding="utf-8").read()
            figures = re.findall(r'<figure class="billede">\n<img src="data:image/(png|jpeg);base64,([A-Za-z0-9+/=]+)" '
                                 r'alt="([^"]*)"[^>]*>\n<figcaption>([^<]*)</figcaption>', page)
            check(f"small {edition}: the HTML inlines both pictures with alt text and caption",
                  [(f[0], f[2], html.unescape(f[3])) for f in figures] ==
                  [("png", "Budgettet vokser fra 2024 til 2025", "Figur 1: Budgettet vokser fra 2024 til 2025"),
                   ("jpeg", "Et foto af mødelokalet", "Figur 2: Et foto af mødelokalet")], figures and [f[0::2] for f in figures])
            check(f"small {edition}: the inlined PNG is the file's bytes",
                  bool(figures) and base64.b64decode(figures[0][1]) == pictures.png(120, 60))
            with pikepdf.open(pdf) as p:
                if "/StructTreeRoot" not in p.Root:
                    check(f"small {edition}: a structure tree", False)
                    continue
                tree = p.Root.StructTreeRoot
                types = [str(e.S) for e, _ in struct_walk(kids_of(tree)[0])]
                check("small: a nested list (L inside LBody)", any(
                    e.get("/S") == "/L" and par is not None and par.get("/S") == "/LBody"
                    for e, par in struct_walk(kids_of(tree)[0])), types)
                check("small: the quotation is a BlockQuote", "/BlockQuote" in types, types)
                column_heads = [e for e, _ in struct_walk(kids_of(tree)[0])
                                if e.get("/S") == "/TH" and str(e.get("/A", {}).get("/Scope")) == "/Column"]
                check("small: the table continues on another page, its header tagged once", len(p.pages) >= 3 and len(column_heads) == 3,
                      (len(p.pages), len(column_heads)))
                check("small: the agenda is a TOC of TOCI", "/TOC" in types and "/TOCI" in types, types)
                # The two pictures: Figures with their captions as Alt, numbered in the item.
                alts = [str(e.get("/Alt")) for e, _ in struct_walk(kids_of(tree)[0]) if e.get("/S") == "/Figure"]
                check("small: a Figure per picture, its Alt the numbered caption",
                      alts == ["Figur 1: Budgettet vokser fra 2024 til 2025", "Figur 2: Et foto af mødelokalet"], alts)
                check("small: the picture in the list item sits in its LBody", any(
                    e.get("/S") == "/Figure" and par is not None and par.get("/S") == "/LBody"
                    for e, par in struct_walk(kids_of(tree)[0])), types)
                xobjects = [page.Resources.get("/XObject", pikepdf.Dictionary()) for page in p.pages]
                images = [x[k] for x in xobjects for k in x.keys() if x[k].get("/Subtype") == "/Image"]
                def filters(x):
                    f = x.get("/Filter")
                    return " ".join(str(n) for n in f) if isinstance(f, pikepdf.Array) else str(f) if f is not None else ""
                check("small: both pictures are image XObjects (PNG and JPEG)",
                      sorted(filters(x) for x in images) == ["/DCTDecode", "/FlateDecode"], [filters(x) for x in images])
        if len(sys.argv) > 3:
            out = os.path.join(work, "out3")
            p = subprocess.run([os.path.abspath(sys.argv[3]), small, out], capture_output=True, text=True)
            check("corrected_packet", p.returncode == 0, p.stderr)
            for edition in ("offentlig", "lukket"):
                d = os.path.join(out, os.path.basename(small), edition)
                for stem in ("dagsorden", "rettelsesblad"):
                    pdf, html_path = (os.path.join(d, f"{stem}-{edition}.{ext}") for ext in ("pdf", "html"))
                    check(f"corrected {stem} {edition} written", os.path.exists(pdf) and os.path.exists(html_path))
                    if os.path.exists(pdf):
                        check_pdf(pdf, html_path, f"corrected {stem} {edition}")
                        text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
                        # (after the closed edition's mark at the top of every page)
                        first = text.replace("LUKKET – må ikke offentliggøres", "", 1).lstrip()
                        check(f"corrected {stem} {edition}: opens with the rettelsesblad",
                              first.startswith("Rettelsesblad"), text[:200])
    print(f"{failures} failure(s)")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Small PDFs for the attachment tests, written byte by byte (no library), so a test can make
exactly the hostile or revealing file it needs at run time: text on each page, document
information and XMP, a JavaScript open action, a launch link, an embedded file.

    from make_pdf import make_pdf
    open("bilag.pdf", "wb").write(make_pdf(["first page", "second"], info={"Author": "X"}))

As a script: make_pdf.py OUT.pdf TEXT [TEXT ...] writes a plain PDF with one page per TEXT.
"""
import sys


def _string(s):
    return "(" + s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def make_pdf(pages, info=None, xmp=None, javascript=None, embedded=None, launch=None, tagged=False):
    objects = []  # bodies; object n is objects[n-1]

    def add(body):
        objects.append(body)
        return len(objects)

    catalog = add(None)
    pages_obj = add(None)
    font = add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids = []
    for text in pages:
        lines = text.split("\n")
        ops = "BT /F1 12 Tf 72 770 Td 14 TL " + " ".join(_string(l) + " '" for l in lines) + " ET"
        if tagged:
            ops = "/P <</MCID 0>> BDC " + ops + " EMC"
        data = ops.encode("latin-1")
        content = add("<< /Length %d >>\nstream\n" % len(data) + data.decode("latin-1") + "\nendstream")
        annots = ""
        if launch:
            action = add("<< /S /Launch /F %s >>" % _string(launch))
            link = add("<< /Type /Annot /Subtype /Link /Rect [72 700 300 720] /Border [0 0 0] /A %d 0 R >>" % action)
            annots = " /Annots [%d 0 R]" % link
        kids.append(add("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >> "
                        "/Contents %d 0 R%s >>" % (pages_obj, font, content, annots)))
    objects[pages_obj - 1] = "<< /Type /Pages /Kids [%s] /Count %d >>" % (" ".join("%d 0 R" % k for k in kids), len(kids))
    extra = ""
    if javascript:
        js = add("<< /S /JavaScript /JS %s >>" % _string(javascript))
        extra += " /OpenAction %d 0 R" % js
    names = ""
    if embedded:
        name, data = embedded
        ef = add("<< /Type /EmbeddedFile /Length %d >>\nstream\n%s\nendstream" % (len(data), data))
        spec = add("<< /Type /Filespec /F %s /EF << /F %d 0 R >> >>" % (_string(name), ef))
        names = " /Names << /EmbeddedFiles << /Names [%s %d 0 R] >> >>" % (_string(name), spec)
    if xmp:
        data = xmp.encode("utf-8")
        meta = add("<< /Type /Metadata /Subtype /XML /Length %d >>\nstream\n" % len(data) + data.decode("latin-1") + "\nendstream")
        extra += " /Metadata %d 0 R" % meta
    if tagged:
        tree = add(None)
        elem = add("<< /Type /StructElem /S /P /P %d 0 R /Pg %d 0 R /K 0 >>" % (tree, kids[0]))
        objects[tree - 1] = "<< /Type /StructTreeRoot /K [%d 0 R] >>" % elem
        extra += " /MarkInfo << /Marked true >> /StructTreeRoot %d 0 R" % tree
    objects[catalog - 1] = "<< /Type /Catalog /Pages %d 0 R%s%s >>" % (pages_obj, extra, names)
    info_ref = ""
    if info:
        info_obj = add("<< " + " ".join("/%s %s" % (k, _string(v)) for k, v in info.items()) + " >>")
        info_ref = " /Info %d 0 R" % info_obj
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += ("%d 0 obj\n" % n).encode() + body.encode("latin-1") + b"\nendobj\n"
    xref = len(out)
    out += ("xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)).encode()
    for off in offsets:
        out += ("%010d 00000 n \n" % off).encode()
    out += ("trailer\n<< /Size %d /Root %d 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, info_ref, xref)).encode()
    return bytes(out)


if __name__ == "__main__":
    open(sys.argv[1], "wb").write(make_pdf(sys.argv[2:]))
